import { sttNumbering } from '../../../../src/core/findings/rules/stt-numbering';
import { planOf, raised, type Raised } from './helpers';

const task = (stt: string, title: string): string[] => [
  stt,
  title,
  'Phòng Nội vụ',
  '',
  'Quý II/2024',
  '',
];
const section = (label: string, title: string): string[] => [label, title, '', '', '', ''];

const CASES: [string, string[][], Raised[]][] = [
  [
    'a repeated STT',
    [
      task('1', 'Rà soát thủ tục hành chính'),
      task('2', 'Công khai thủ tục'),
      task('2', 'Số hóa hồ sơ'),
    ],
    [['stt-duplicate', '2-2', { stt: 2, first: '2' }]],
  ],
  [
    'an STT out of order',
    [
      task('1', 'Rà soát thủ tục hành chính'),
      task('3', 'Công khai thủ tục'),
      task('2', 'Số hóa hồ sơ'),
    ],
    [
      ['stt-skipped', '3', { from: 2, to: 2, task: '3' }],
      ['stt-order', '2', { stt: 2, previous: 3 }],
    ],
  ],
  [
    'several STT missing',
    [task('1', 'Rà soát thủ tục hành chính'), task('5', 'Số hóa hồ sơ')],
    [['stt-skipped', '5', { from: 2, to: 4, task: '5' }]],
  ],
  [
    'each section starts again at 1',
    [
      section('I', 'CẢI CÁCH THỂ CHẾ'),
      task('1', 'Rà soát văn bản quy phạm pháp luật'),
      task('2', 'Kiểm tra văn bản'),
      section('II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'),
      task('1', 'Rà soát thủ tục hành chính'),
      task('2', 'Công khai thủ tục'),
    ],
    [],
  ],
  [
    'numbering that runs on across sections is one sequence',
    [
      section('I', 'CẢI CÁCH THỂ CHẾ'),
      task('1', 'Rà soát văn bản quy phạm pháp luật'),
      task('2', 'Kiểm tra văn bản'),
      section('II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'),
      task('4', 'Rà soát thủ tục hành chính'),
    ],
    [['stt-skipped', 'II.4', { from: 3, to: 3, task: 'II.4' }]],
  ],
];

describe('rule stt-numbering', () => {
  it.each(CASES)('%s', (_name, rows, expected) => {
    expect(raised(sttNumbering, planOf(rows))).toEqual(expected);
  });
});
