import { timeSeveral } from '../../../../src/core/findings/rules/time-several';
import { findingsOf, planOf, raised, type Raised } from './helpers';

const row = (time: string): string[] => [
  '3',
  'Thành lập Trung tâm Phục vụ hành chính công',
  'Văn phòng HĐND và UBND huyện',
  'Phòng Nội vụ',
  time,
  'Đề án',
];

const CASES: [string, Raised[]][] = [
  [
    'Quý II/2024; Quý IV/2024',
    [['time-several', '3', { times: ['Quý II/2024', 'Quý IV/2024'], due: '2024-06-30' }]],
  ],
  // One time, or the same time written twice, is no choice to report.
  ['Quý II/2024', []],
  ['Tháng 3/2024 và tháng 3/2024', []],
];

describe('rule time-several', () => {
  it.each(CASES)('"%s"', (time, expected) => {
    expect(raised(timeSeveral, planOf([row(time)]))).toEqual(expected);
  });

  it('quotes each time and names the deadline kept', () => {
    const [found] = findingsOf(timeSeveral, planOf([row('Quý II/2024; Quý IV/2024')]));
    expect(found!.message).toBe(
      'Ô thời gian ghi 2 mốc thời gian khác nhau: “Quý II/2024”; “Quý IV/2024”. Sổ theo dõi lấy hạn sớm nhất (30/06/2024).',
    );
  });
});
