// Thiếu đơn vị chủ trì: a task nobody leads. Under a filled lead (a lost merge), the finding
// offers that lead "as above".
import { finding } from '../messages';
import { isFilled, mergedAboveText } from './cells';
import type { TaskRule } from './types';

export const leadMissing: TaskRule = {
  scope: 'task',
  codes: ['lead-missing'],
  check(input) {
    const { task } = input;
    if (isFilled(task, 'lead')) return [];
    const above = mergedAboveText(input, 'lead');
    const params = above === undefined ? {} : { above };
    return [finding('lead-missing', 'error', task.id, task.rows, params, { field: 'lead' })];
  },
};
