// Hạn trước ngày bắt đầu: a deadline before the task's own start.
import { finding } from '../messages';
import type { TaskRule } from './types';

export const dueBeforeStart: TaskRule = {
  scope: 'task',
  codes: ['due-before-start'],
  check: ({ task: { id, rows, time } }) =>
    time.start && time.due && time.due < time.start
      ? [
          finding(
            'due-before-start',
            'error',
            id,
            rows,
            { due: time.due, start: time.start },
            { field: 'time' },
          ),
        ]
      : [],
};
