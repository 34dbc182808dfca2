// Thiếu thời gian: a task without a time. Under a filled time (a lost merge), the finding
// offers that time "as above".
import { finding } from '../messages';
import { isFilled, mergedAboveText } from './cells';
import type { TaskRule } from './types';

export const timeMissing: TaskRule = {
  scope: 'task',
  codes: ['time-missing'],
  check(input) {
    const { task } = input;
    if (isFilled(task, 'time')) return [];
    const above = mergedAboveText(input, 'time');
    const params = above === undefined ? {} : { above };
    return [finding('time-missing', 'warning', task.id, task.rows, params, { field: 'time' })];
  },
};
