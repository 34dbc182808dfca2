// Nội dung bị cắt: a unit name or task text that ends on a word that cannot end it ("… và",
// "… của", "…,"): the rest is likely on another row.
import { finding } from '../messages';
import type { TaskRule } from './types';

const DANGLING = /(\s(và|của|các|cho|tại|trên|với|theo|về|để|từ)|[-–&,])$/u;
/** `DANGLING` reads the last five characters at most: it is tried on the text's last eight. */
export const dangles = (text: string): boolean => DANGLING.test(text.slice(-8));

export const cellCut: TaskRule = {
  scope: 'task',
  codes: ['cell-cut'],
  check({ task }) {
    const out = (['lead', 'support'] as const).flatMap((field) => {
      const unit = task[field].find(dangles);
      return unit === undefined
        ? []
        : [finding('cell-cut', 'warning', task.id, task.rows, { field, unit }, { field })];
    });
    if (dangles(task.title)) {
      out.push(
        finding('cell-cut', 'warning', task.id, task.rows, { field: 'title' }, { field: 'title' }),
      );
    }
    return out;
  },
};
