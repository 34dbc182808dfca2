import { timeUnknown } from '../../../../src/core/findings/rules/time-unknown';
import { planOf, raised, type Raised } from './helpers';

const row = (time: string): string[] => [
  '1',
  'Rà soát, đánh giá thủ tục hành chính',
  'Phòng Nội vụ',
  '',
  time,
  'Báo cáo',
];

const CASES: [string, Raised[]][] = [
  [
    'Từ ngày 01/6/2024 đến ngày 31/3/2024',
    [['time-unknown', '1', { time: 'Từ ngày 01/6/2024 đến ngày 31/3/2024' }]],
  ],
  ['Sau Tết Nguyên đán', [['time-unknown', '1', { time: 'Sau Tết Nguyên đán' }]]],
  // Read: a period, a date, a vague time (another rule), a blank (another rule).
  ['Quý II/2024', []],
  ['Trước ngày 15/3/2024', []],
  ['Kịp thời', []],
  ['', []],
];

describe('rule time-unknown', () => {
  it.each(CASES)('"%s"', (time, expected) => {
    expect(raised(timeUnknown, planOf([row(time)]))).toEqual(expected);
  });
});
