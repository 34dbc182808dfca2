// Coordinating units and deliverables are often legitimately empty: a blank one is flagged only
// when the row also lost its lead or time (or a person filled those "as above"), i.e. it sits
// under a merged block whose merge the source lost.
import { finding } from '../messages';
import { isFilled, mergedAboveText } from './cells';
import type { TaskRule } from './types';

export const lostMerge: TaskRule = {
  scope: 'task',
  codes: ['maybe-lost-merge'],
  check(input) {
    const { task, context } = input;
    const filledAsAbove = (field: 'lead' | 'time'): boolean =>
      (context.mergedAbove ?? []).some(
        (cell) => cell.field === field && task.rows.includes(cell.line),
      );
    const rowLostMerge = (['lead', 'time'] as const).some(
      (field) =>
        (!isFilled(task, field) && mergedAboveText(input, field) !== undefined) ||
        filledAsAbove(field),
    );
    if (!rowLostMerge) return [];
    return (['support', 'product'] as const).flatMap((field) => {
      const above = isFilled(task, field) ? undefined : mergedAboveText(input, field);
      return above === undefined
        ? []
        : [finding('maybe-lost-merge', 'info', task.id, task.rows, { field, above }, { field })];
    });
  },
};
