// Nhiệm vụ trùng nhau: two tasks with the same text (ignoring case, diacritics' forms and
// trailing punctuation).
import type { Finding, PlanTask } from '../../plan/types';
import { foldForMatch, trimEndWhere } from '../../text/normalize';
import { finding } from '../messages';
import type { PlanRule } from './types';

export const taskDuplicate: PlanRule = {
  scope: 'plan',
  codes: ['task-duplicate'],
  check({ tasks }) {
    const out: Finding[] = [];
    const firstByText = new Map<string, PlanTask>();
    for (const task of tasks) {
      const key = trimEndWhere(foldForMatch(task.title), (char) => /[.;:,\s]/.test(char));
      if (!key) continue;
      const first = firstByText.get(key);
      if (first === undefined) {
        firstByText.set(key, task);
        continue;
      }
      const rows = [...first.rows, ...task.rows];
      const params = { task: task.id, first: first.id };
      out.push(finding('task-duplicate', 'warning', task.id, rows, params, { field: 'title' }));
    }
    return out;
  },
};
