import { timeVague } from '../../../../src/core/findings/rules/time-vague';
import { planOf, raised, type Raised } from './helpers';

const row = (time: string): string[] => [
  '1',
  'Tuyên truyền về cải cách hành chính',
  'Phòng Văn hóa và Thông tin',
  'UBND các xã, thị trấn',
  time,
  'Tin bài',
];

const CASES: [string, Raised[]][] = [
  ['Kịp thời', [['time-vague', '1', { time: 'Kịp thời' }]]],
  ['Theo tiến độ của tỉnh', [['time-vague', '1', { time: 'Theo tiến độ của tỉnh' }]]],
  // A deadline, a continuous task, a condition: each says when (or that it never ends).
  ['Quý IV/2024', []],
  ['Thường xuyên', []],
  ['Khi có yêu cầu', []],
];

describe('rule time-vague', () => {
  it.each(CASES)('"%s"', (time, expected) => {
    expect(raised(timeVague, planOf([row(time)]))).toEqual(expected);
  });
});
