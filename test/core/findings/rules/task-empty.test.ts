import { taskEmpty } from '../../../../src/core/findings/rules/task-empty';
import { planOf, raised, type Raised } from './helpers';

const CASES: [string, string[][], Raised[]][] = [
  [
    'a row with a lead and a time but no task text',
    [
      ['1', 'Rà soát, đơn giản hóa thủ tục hành chính', 'Phòng Nội vụ', '', 'Quý II/2024', ''],
      ['2', '', 'Văn phòng HĐND và UBND huyện', '', 'Quý III/2024', 'Báo cáo'],
    ],
    [['task-empty', '2', {}]],
  ],
  [
    'every task has its text',
    [
      ['1', 'Rà soát, đơn giản hóa thủ tục hành chính', 'Phòng Nội vụ', '', 'Quý II/2024', ''],
      ['2', 'Công khai thủ tục hành chính', 'Văn phòng HĐND và UBND huyện', '', 'Thường xuyên', ''],
    ],
    [],
  ],
];

describe('rule task-empty', () => {
  it.each(CASES)('%s', (_name, rows, expected) => {
    expect(raised(taskEmpty, planOf(rows))).toEqual(expected);
  });
});
