import { dueOutsidePlan, titleYears } from '../../../../src/core/findings/rules/due-outside-plan';
import { HEAD, planOf, raised, type Raised } from './helpers';

const row = (time: string): string[] => [
  '1',
  'Đánh giá kết quả thực hiện Kế hoạch',
  'Phòng Nội vụ',
  '',
  time,
  'Báo cáo',
];

const TERM = [...HEAD.slice(0, 5), 'Cải cách hành chính giai đoạn 2021 - 2025', ''];

const CASES: [string, string[], string, Raised[]][] = [
  [
    'a year plan, due the year after',
    HEAD,
    'Năm 2025',
    [['due-outside-plan', '1', { due: '2025-12-31', firstYear: 2024, lastYear: 2024 }]],
  ],
  [
    'a year plan, due the year before',
    HEAD,
    'Quý IV/2023',
    [['due-outside-plan', '1', { due: '2023-12-31', firstYear: 2024, lastYear: 2024 }]],
  ],
  ['a year plan, due inside it', HEAD, 'Quý IV/2024', []],
  ['a five-year plan, due in its last year', TERM, 'Năm 2025', []],
  [
    'a five-year plan, due after it',
    TERM,
    'Năm 2026',
    [['due-outside-plan', '1', { due: '2026-12-31', firstYear: 2021, lastYear: 2025 }]],
  ],
];

describe('rule due-outside-plan', () => {
  it.each(CASES)('%s', (_name, head, time, expected) => {
    expect(raised(dueOutsidePlan, planOf([row(time)], head))).toEqual(expected);
  });

  it.each([
    ['Kế hoạch giai đoạn 2021 - 2025', [2021, 2025]],
    ['Cải cách hành chính năm 2024', [2024, 2024]],
    ['Thực hiện Nghị định 61/2018/NĐ-CP', null],
    [null, null],
  ])('the title "%s" names the years %j', (title, years) => {
    expect(titleYears(title)).toEqual(years);
  });
});
