import { lostMerge } from '../../../../src/core/findings/rules/lost-merge';
import { planOf, raised, type Raised } from './helpers';

const FIRST = [
  '1',
  'Xây dựng Kế hoạch kiểm tra cải cách hành chính',
  'Văn phòng HĐND - UBND huyện',
  'Các phòng chuyên môn',
  'Quý I/2024',
  'Kế hoạch của UBND huyện',
];

const CASES: [string, string[][], { mergesKnown?: boolean }, Raised[]][] = [
  [
    'a row that lost its lead: its blank support and product are likely the same merge',
    [FIRST, ['2', 'Kiểm tra tại các xã, thị trấn', '', '', 'Quý I/2024', '']],
    {},
    [
      ['maybe-lost-merge', '2', { field: 'support', above: 'Các phòng chuyên môn' }],
      ['maybe-lost-merge', '2', { field: 'product', above: 'Kế hoạch của UBND huyện' }],
    ],
  ],
  [
    'a row with its lead and time: a blank support is an ordinary "no coordinator"',
    [FIRST, ['2', 'Kiểm tra tại các xã, thị trấn', 'Phòng Nội vụ', '', 'Quý II/2024', '']],
    {},
    [],
  ],
  [
    'a source that knows its merges raises nothing',
    [FIRST, ['2', 'Kiểm tra tại các xã, thị trấn', '', '', 'Quý I/2024', '']],
    { mergesKnown: true },
    [],
  ],
  [
    'a row that lost its time but filled its product: only the support',
    [FIRST, ['2', 'Kiểm tra tại các xã, thị trấn', 'Phòng Nội vụ', '', '', 'Báo cáo']],
    {},
    [['maybe-lost-merge', '2', { field: 'support', above: 'Các phòng chuyên môn' }]],
  ],
];

describe('rule maybe-lost-merge', () => {
  it.each(CASES)('%s', (_name, rows, context, expected) => {
    expect(raised(lostMerge, planOf(rows), context)).toEqual(expected);
  });

  it('a lead filled "as above" by a person still marks the row as one that lost its merges', () => {
    const plan = planOf([
      FIRST,
      ['2', 'Kiểm tra tại các xã, thị trấn', 'Phòng Nội vụ', '', 'Quý I/2024', ''],
    ]);
    const line = plan.tasks[1]!.rows[0]!;
    expect(raised(lostMerge, plan, { mergedAbove: [{ line, field: 'lead' }] })).toEqual([
      ['maybe-lost-merge', '2', { field: 'support', above: 'Các phòng chuyên môn' }],
      ['maybe-lost-merge', '2', { field: 'product', above: 'Kế hoạch của UBND huyện' }],
    ]);
  });
});
