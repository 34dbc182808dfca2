import { timeMissing } from '../../../../src/core/findings/rules/time-missing';
import { planOf, raised, type Raised } from './helpers';

const CASES: [string, string[][], { mergesKnown?: boolean }, Raised[]][] = [
  [
    'a blank time under "Thường xuyên" offers it as above',
    [
      [
        '1',
        'Công khai thủ tục hành chính trên Cổng dịch vụ công',
        'Văn phòng HĐND và UBND huyện',
        '',
        'Thường xuyên',
        '',
      ],
      ['2', 'Tiếp nhận, xử lý phản ánh, kiến nghị', 'Văn phòng HĐND và UBND huyện', '', '', ''],
    ],
    {},
    [['time-missing', '2', { above: 'Thường xuyên' }]],
  ],
  [
    'a Word table knows its merges: nothing offered',
    [
      [
        '1',
        'Công khai thủ tục hành chính trên Cổng dịch vụ công',
        'Văn phòng HĐND và UBND huyện',
        '',
        'Thường xuyên',
        '',
      ],
      ['2', 'Tiếp nhận, xử lý phản ánh, kiến nghị', 'Văn phòng HĐND và UBND huyện', '', '', ''],
    ],
    { mergesKnown: true },
    [['time-missing', '2', {}]],
  ],
  [
    'a blank time under a blank time offers nothing',
    [
      ['1', 'Kiện toàn đội ngũ công chức đầu mối', 'Phòng Nội vụ', '', '', ''],
      ['2', 'Bồi dưỡng kỹ năng cho công chức', 'Phòng Nội vụ', '', '', ''],
    ],
    {},
    [
      ['time-missing', '1', {}],
      ['time-missing', '2', {}],
    ],
  ],
  [
    'every task has a time',
    [['1', 'Kiện toàn đội ngũ công chức đầu mối', 'Phòng Nội vụ', '', 'Quý I/2024', '']],
    {},
    [],
  ],
];

describe('rule time-missing', () => {
  it.each(CASES)('%s', (_name, rows, context, expected) => {
    expect(raised(timeMissing, planOf(rows), context)).toEqual(expected);
  });
});
