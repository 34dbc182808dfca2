import { dueBeforeStart } from '../../../../src/core/findings/rules/due-before-start';
import type { Plan } from '../../../../src/core/plan/types';
import { planOf, raised, type Raised } from './helpers';

/** A plan given as JSON (phuluc build takes one) may carry any start and due. */
function withDates(start: string | null, due: string | null): Plan {
  const plan = planOf([
    ['1', 'Đánh giá, xác định Chỉ số cải cách hành chính', 'Phòng Nội vụ', '', 'Quý II/2024', ''],
  ]);
  plan.tasks[0]!.time = { ...plan.tasks[0]!.time, start, due };
  return plan;
}

const CASES: [string, string | null, string | null, Raised[]][] = [
  [
    'due a month before the start',
    '2024-06-01',
    '2024-05-31',
    [['due-before-start', '1', { due: '2024-05-31', start: '2024-06-01' }]],
  ],
  ['due on the start day', '2024-06-01', '2024-06-01', []],
  ['due after the start', '2024-04-01', '2024-06-30', []],
  ['no start', null, '2024-06-30', []],
  ['no due', '2024-04-01', null, []],
];

describe('rule due-before-start', () => {
  it.each(CASES)('%s', (_name, start, due, expected) => {
    expect(raised(dueBeforeStart, withDates(start, due))).toEqual(expected);
  });
});
