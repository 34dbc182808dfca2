import { leadIsSupport } from '../../../../src/core/findings/rules/lead-is-support';
import { planOf, raised, type Raised } from './helpers';

const row = (lead: string, support: string): string[] => [
  '1',
  'Tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính',
  lead,
  support,
  'Quý III/2024',
  'Hội nghị tập huấn',
];

const CASES: [string, string, string, Raised[]][] = [
  [
    'one unit in both columns',
    'Văn phòng UBND xã',
    'Văn phòng UBND xã; Công chức Tư pháp - Hộ tịch',
    [['lead-is-support', '1', { units: ['Văn phòng UBND xã'] }]],
  ],
  [
    'two units in both columns',
    'Các phòng chuyên môn; UBND các xã, thị trấn',
    'Các phòng chuyên môn; UBND các xã, thị trấn',
    [['lead-is-support', '1', { units: ['Các phòng chuyên môn', 'UBND các xã, thị trấn'] }]],
  ],
  ['different units', 'Phòng Nội vụ', 'Văn phòng HĐND và UBND huyện', []],
  ['no coordinating unit', 'Phòng Nội vụ', '', []],
];

describe('rule lead-is-support', () => {
  it.each(CASES)('%s', (_name, lead, support, expected) => {
    expect(raised(leadIsSupport, planOf([row(lead, support)]))).toEqual(expected);
  });

  it('a spelling the unit directory joins to the lead is the same unit', () => {
    const plan = planOf([row('Phòng Nội vụ', 'Phòng Nội Vụ huyện')]);
    const aliasToUnit = new Map([
      ['Phòng Nội vụ', 'Phòng Nội vụ'],
      ['Phòng Nội Vụ huyện', 'Phòng Nội vụ'],
    ]);
    expect(raised(leadIsSupport, plan, { aliasToUnit })).toEqual([
      ['lead-is-support', '1', { units: ['Phòng Nội vụ'] }],
    ]);
    expect(raised(leadIsSupport, plan, { aliasToUnit: new Map() })).toEqual([]);
  });
});
