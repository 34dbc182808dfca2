import { dueBeforeIssue } from '../../../../src/core/findings/rules/due-before-issue';
import { HEAD, planOf, raised, type Raised } from './helpers';

const row = (time: string): string[] => [
  '1',
  'Tổng kết công tác cải cách hành chính',
  'Phòng Nội vụ',
  '',
  time,
  'Báo cáo',
];

// The plan was issued on 20/01/2024.
const CASES: [string, Raised[]][] = [
  ['Quý IV/2023', [['due-before-issue', '1', { due: '2023-12-31', issued: '2024-01-20' }]]],
  [
    'Trước ngày 15/01/2024',
    [['due-before-issue', '1', { due: '2024-01-14', issued: '2024-01-20' }]],
  ],
  ['Ngày 20/01/2024', []],
  ['Tháng 01/2024', []],
  // A recurring task's first period may fall before the signature.
  ['Hằng tháng', []],
];

describe('rule due-before-issue', () => {
  it.each(CASES)('"%s"', (time, expected) => {
    expect(raised(dueBeforeIssue, planOf([row(time)]))).toEqual(expected);
  });

  it('a recurring task whose first period ends before the issue date is not flagged', () => {
    const lateHead = HEAD.map((line) =>
      line.startsWith('Thuận Thành, ngày') ? 'Thuận Thành, ngày 15 tháng 02 năm 2024' : line,
    );
    // "Quý I/2024" ends after 15/02; "Tháng 01/2024" and the first month of "Hằng tháng" before.
    expect(raised(dueBeforeIssue, planOf([row('Tháng 01/2024')], lateHead))).toEqual([
      ['due-before-issue', '1', { due: '2024-01-31', issued: '2024-02-15' }],
    ]);
    expect(raised(dueBeforeIssue, planOf([row('Hằng tháng')], lateHead))).toEqual([]);
  });

  it('a plan without an issue date raises nothing', () => {
    const head = ['KẾ HOẠCH', 'Cải cách hành chính năm 2024', ''];
    expect(raised(dueBeforeIssue, planOf([row('Quý IV/2023')], head))).toEqual([]);
  });
});
