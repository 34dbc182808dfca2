// Ô quá dài: a text longer than one Excel cell holds; the workbook writes its beginning only.
import { EXCEL_CELL_LIMIT } from '../../text/legal';
import { finding, type FindingParamsByCode } from '../messages';
import { cellText } from './cells';
import type { TaskRule } from './types';

export const cellTooLong: TaskRule = {
  scope: 'task',
  codes: ['cell-too-long'],
  check({ task }) {
    const too = (
      length: number,
      cell: FindingParamsByCode['cell-too-long']['cell'],
      header?: string,
    ) => {
      if (length <= EXCEL_CELL_LIMIT) return [];
      const params = { cell, length, limit: EXCEL_CELL_LIMIT, ...(header ? { header } : {}) };
      const field = cell === 'note' || cell === 'extra' ? {} : { field: cell };
      return [finding('cell-too-long', 'warning', task.id, task.rows, params, field)];
    };
    return [
      ...(['title', 'lead', 'support', 'time', 'product'] as const).flatMap((field) =>
        // Unit lists are written one unit per line.
        too(
          field === 'lead' || field === 'support'
            ? task[field].join('\n').length
            : cellText(task, field).length,
          field,
        ),
      ),
      ...too(task.note?.length ?? 0, 'note'),
      ...Object.entries(task.extra ?? {}).flatMap(([header, value]) =>
        too(value.length, 'extra', header),
      ),
    ];
  },
};
