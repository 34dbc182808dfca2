// A task row without any task text.
import { finding } from '../messages';
import { isFilled } from './cells';
import type { TaskRule } from './types';

export const taskEmpty: TaskRule = {
  scope: 'task',
  codes: ['task-empty'],
  check: ({ task }) =>
    isFilled(task, 'title')
      ? []
      : [finding('task-empty', 'error', task.id, task.rows, {}, { field: 'title' })],
};
