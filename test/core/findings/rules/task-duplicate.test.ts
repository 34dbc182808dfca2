import { taskDuplicate } from '../../../../src/core/findings/rules/task-duplicate';
import { findingsOf, planOf, raised, type Raised } from './helpers';

const task = (stt: string, title: string, lead = 'Phòng Nội vụ'): string[] => [
  stt,
  title,
  lead,
  '',
  'Quý II/2024',
  '',
];

const CASES: [string, string[][], Raised[]][] = [
  [
    'the same text under two numbers',
    [
      task('1', 'Tự kiểm tra công tác cải cách hành chính'),
      task('2', 'Công khai thủ tục'),
      task('3', 'Tự kiểm tra công tác cải cách hành chính', 'Văn phòng HĐND và UBND huyện'),
    ],
    [['task-duplicate', '3', { task: '3', first: '1' }]],
  ],
  [
    'the same text but for case and a final full stop',
    [
      task('1', 'Tự kiểm tra công tác cải cách hành chính'),
      task('2', 'Tự kiểm tra công tác Cải cách hành chính.'),
    ],
    [['task-duplicate', '2', { task: '2', first: '1' }]],
  ],
  [
    'texts that differ in a word',
    [
      task('1', 'Tự kiểm tra công tác cải cách hành chính'),
      task('2', 'Tự kiểm tra công tác văn thư, lưu trữ'),
    ],
    [],
  ],
];

describe('rule task-duplicate', () => {
  it.each(CASES)('%s', (_name, rows, expected) => {
    expect(raised(taskDuplicate, planOf(rows))).toEqual(expected);
  });

  it("points at both tasks' rows", () => {
    const plan = planOf(CASES[0]![1]);
    const [found] = findingsOf(taskDuplicate, plan);
    expect(found!.rows).toEqual([...plan.tasks[0]!.rows, ...plan.tasks[2]!.rows]);
  });
});
