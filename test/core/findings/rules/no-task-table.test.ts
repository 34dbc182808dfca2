import { noTaskTable } from '../../../../src/core/findings/rules/no-task-table';
import type { Plan } from '../../../../src/core/plan/types';
import { findingsOf, planOf, raised, type Raised } from './helpers';

const table = (kind: Plan['tables'][number]['kind']): Plan['tables'][number] => ({
  kind,
  title: null,
  columns: {},
  extraColumns: {},
  headers: ['STT', 'Chỉ tiêu', 'Kết quả'],
  firstRow: 1,
  lastRow: 3,
});

function withTables(kinds: Plan['tables'][number]['kind'][]): Plan {
  const plan = planOf([]);
  return { ...plan, tables: kinds.map(table) };
}

const CASES: [string, Plan['tables'][number]['kind'][], Raised[]][] = [
  [
    'three report forms (a plan with only its reporting templates)',
    ['report-form', 'report-form', 'report-form'],
    [['no-task-table', null, { reportForms: 3, otherTables: 0 }]],
  ],
  [
    'one report form and one other table',
    ['report-form', 'other'],
    [['no-task-table', null, { reportForms: 1, otherTables: 1 }]],
  ],
  ['no table at all', [], [['no-task-table', null, { reportForms: 0, otherTables: 0 }]]],
  ['a task table among report forms', ['tasks', 'report-form'], []],
];

describe('rule no-task-table', () => {
  it.each(CASES)('%s', (_name, kinds, expected) => {
    expect(raised(noTaskTable, withTables(kinds))).toEqual(expected);
  });

  it('is an error without any table, a note when there are other tables; English counts agree', () => {
    expect(findingsOf(noTaskTable, withTables([]))[0]!.severity).toBe('error');
    const [one] = findingsOf(noTaskTable, withTables(['report-form', 'other']));
    expect(one!.severity).toBe('info');
    expect(one!.messageEn).toBe(
      'The document has no task table (found 1 report form, 1 other table).',
    );
    expect(one!.message).toBe(
      'Văn bản không có bảng phân công nhiệm vụ (tìm thấy 1 biểu mẫu báo cáo, 1 bảng khác).',
    );
  });
});
