// Hạn trước ngày ban hành: a deadline before the plan was signed. A recurring task's first
// period may fall before the signature; its later ones do not, so it is not flagged.
import { finding } from '../messages';
import type { TaskRule } from './types';

export const dueBeforeIssue: TaskRule = {
  scope: 'task',
  codes: ['due-before-issue'],
  check({ task: { id, rows, time }, plan: { document: doc } }) {
    const issued = doc.date;
    if (!time.due || !issued || time.due >= issued || time.kind === 'recurring') return [];
    return [
      finding(
        'due-before-issue',
        'warning',
        id,
        rows,
        { due: time.due, issued },
        { field: 'time' },
      ),
    ];
  },
};
