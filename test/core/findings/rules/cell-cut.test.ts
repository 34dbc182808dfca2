import { cellCut } from '../../../../src/core/findings/rules/cell-cut';
import { planOf, raised, type Raised } from './helpers';

const row = (title: string, lead: string, support = ''): string[] => [
  '1',
  title,
  lead,
  support,
  'Quý II/2024',
  '',
];

const TITLE = 'Nâng cao chất lượng phục vụ người dân và doanh nghiệp';

const CASES: [string, string[], Raised[]][] = [
  [
    'a lead cut after "và"',
    row(TITLE, 'Văn phòng HĐND và'),
    [['cell-cut', '1', { field: 'lead', unit: 'Văn phòng HĐND và' }]],
  ],
  [
    'a coordinating unit cut on a hyphen',
    row(TITLE, 'Phòng Nội vụ', 'Phòng Văn hóa -'),
    [['cell-cut', '1', { field: 'support', unit: 'Phòng Văn hóa -' }]],
  ],
  [
    'a task text cut after "của"',
    row('Triển khai các nhiệm vụ của', 'Phòng Nội vụ'),
    [['cell-cut', '1', { field: 'title' }]],
  ],
  [
    'a task text that stops on a comma',
    row('Rà soát, đánh giá,', 'Phòng Nội vụ'),
    [['cell-cut', '1', { field: 'title' }]],
  ],
  [
    'whole names and text',
    row(TITLE, 'Văn phòng HĐND và UBND huyện', 'Phòng Văn hóa và Thông tin'),
    [],
  ],
  // A comma or "các" inside a name is no cut; only at its end.
  ['a collective with a comma inside', row(TITLE, 'UBND các xã, thị trấn'), []],
];

describe('rule cell-cut', () => {
  it.each(CASES)('%s', (_name, cells, expected) => {
    expect(raised(cellCut, planOf([cells]))).toEqual(expected);
  });
});
