import { leadMissing } from '../../../../src/core/findings/rules/lead-missing';
import { findingsOf, planOf, raised, type Raised } from './helpers';

const ROWS: string[][] = [
  [
    '1',
    'Triển khai Kế hoạch cải cách hành chính năm 2024',
    'Phòng Nội vụ',
    'Các phòng chuyên môn',
    'Tháng 02/2024',
    'Kế hoạch',
  ],
  ['2', 'Tự kiểm tra công tác cải cách hành chính', '', '', 'Quý III/2024', 'Báo cáo'],
];

const CASES: [string, string[][], { mergesKnown?: boolean }, Raised[]][] = [
  [
    'a blank lead under a filled one offers it "as above" (a merge lost in pasting)',
    ROWS,
    {},
    [['lead-missing', '2', { above: 'Phòng Nội vụ' }]],
  ],
  [
    'a source that knows its merges: the blank is truly empty, nothing offered',
    ROWS,
    { mergesKnown: true },
    [['lead-missing', '2', {}]],
  ],
  [
    'the first task has nothing above it',
    [
      [
        '1',
        'Tuyên truyền về cải cách hành chính',
        '',
        'Phòng Văn hóa và Thông tin',
        'Thường xuyên',
        'Tin bài',
      ],
    ],
    {},
    [['lead-missing', '1', {}]],
  ],
  [
    'every task has a lead',
    [
      ROWS[0]!,
      [
        '2',
        'Tự kiểm tra công tác cải cách hành chính',
        'Văn phòng HĐND và UBND huyện',
        '',
        'Quý III/2024',
        'Báo cáo',
      ],
    ],
    {},
    [],
  ],
];

describe('rule lead-missing', () => {
  it.each(CASES)('%s', (_name, rows, context, expected) => {
    expect(raised(leadMissing, planOf(rows), context)).toEqual(expected);
  });

  it('is an error on the lead cell, and its suggestion names the lead above', () => {
    const [found] = findingsOf(leadMissing, planOf(ROWS));
    expect(found).toMatchObject({
      severity: 'error',
      field: 'lead',
      message: 'Nhiệm vụ chưa có đơn vị chủ trì.',
    });
    expect(found!.suggestion).toBe(
      'Nếu trong bản gốc ô này gộp với ô trên, điền "như trên": Phòng Nội vụ',
    );
  });
});
