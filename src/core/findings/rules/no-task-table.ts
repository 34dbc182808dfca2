// Không có bảng nhiệm vụ: a document whose tables are all report forms or other tables (an
// error when it has no table at all).
import { finding } from '../messages';
import type { PlanRule } from './types';

export const noTaskTable: PlanRule = {
  scope: 'plan',
  codes: ['no-task-table'],
  check({ tables }) {
    if (tables.some((table) => table.kind === 'tasks')) return [];
    const reportForms = tables.filter((table) => table.kind === 'report-form').length;
    const params = { reportForms, otherTables: tables.length - reportForms };
    return [finding('no-task-table', tables.length > 0 ? 'info' : 'error', null, [], params)];
  },
};
