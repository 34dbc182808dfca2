// Issue 11, classes 4–6 as case tables: lead cells that are not a plain list, time texts with
// typos and cited documents, and PDF leftovers in cells.
import { parsePlanText } from '../../src/core/plan/parse';
import { readTimeExpression } from '../../src/core/time';
import { cleanCell } from '../../src/core/text/cell';
import { readLeadCell, splitUnits } from '../../src/core/units';

describe('lead cells that are not a plain list', () => {
  type Case = [cell: string, lead: string[], support: string[], scopes: string[]];
  const CASES: Case[] = [
    ['Sở Tài chính chủ trì, phối hợp với Sở Tư pháp', ['Sở Tài chính'], ['Sở Tư pháp'], []],
    [
      'Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành',
      ['Sở Nội vụ'],
      ['các sở, ban, ngành'],
      [],
    ],
    [
      '1. Bộ Tài chính (đối với thuế, phí) 2. Bộ Tư pháp (đối với hộ tịch)',
      ['Bộ Tài chính', 'Bộ Tư pháp'],
      [],
      ['Bộ Tài chính: đối với thuế, phí', 'Bộ Tư pháp: đối với hộ tịch'],
    ],
    ['Lãnh đạo UBND xã phụ trách lĩnh vực', ['UBND xã phụ trách lĩnh vực'], [], []],
    ['Chủ tịch UBND các xã, phường', ['UBND các xã, phường'], [], []],
    ['Thủ trưởng các sở, ban, ngành', ['Các sở, ban, ngành'], [], []],
    ['Theo phân công tại Phụ lục I', [], [], []],
    ['Văn phòng UBND tỉnh chủ trì', ['Văn phòng UBND tỉnh'], [], []],
  ];
  it.each(CASES)('%s', (cell, lead, support, scopes) => {
    const read = readLeadCell(cell);
    expect([splitUnits(read.lead), splitUnits(read.support), read.scopes]).toEqual([
      lead,
      support,
      scopes,
    ]);
  });

  it('in a plan: the scope goes to the note, the coordinator to the support units', () => {
    const plan = parsePlanText(
      [
        ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn'],
        [
          '1',
          'Rà soát',
          '1. Bộ Tài chính (đối với thuế) 2. Bộ Tư pháp (đối với hộ tịch)',
          '',
          '2025',
        ],
        ['2', 'Kiểm tra', 'Sở Y tế chủ trì, phối hợp với Công an tỉnh', 'Sở Tư pháp', '2025'],
      ]
        .map((r) => r.join('\t'))
        .join('\n'),
    );
    expect(plan.tasks.map((t) => [t.lead, t.support, t.note ?? null])).toEqual([
      [
        ['Bộ Tài chính', 'Bộ Tư pháp'],
        [],
        'Bộ Tài chính: đối với thuế\nBộ Tư pháp: đối với hộ tịch',
      ],
      [['Sở Y tế'], ['Sở Tư pháp', 'Công an tỉnh'], null],
    ]);
  });
});

describe('time texts', () => {
  const ctx = { planYear: 2025, issueDate: '2025-01-10', beforeInclusive: false };
  type Case = [text: string, kind: string | null, start: string | null, due: string | null];
  const CASES: Case[] = [
    ['Quý IV2026', 'period', '2026-10-01', '2026-12-31'],
    ['Quý IV/ 2026', 'period', '2026-10-01', '2026-12-31'],
    ['Qúy III/2025', 'period', '2025-07-01', '2025-09-30'],
    ['Tháng 6 /2025', 'period', '2025-06-01', '2025-06-30'],
    ['Chậm nhất là ngày 15/3/2025', 'date', null, '2025-03-15'],
    ['Trước ngày 31/01 năm liền kề', 'date', null, '2026-01-30'],
    [
      'Theo các mốc thời gian tại Quyết định số 123/QĐ-TTg ngày 12/3/2024',
      'conditional',
      null,
      null,
    ],
    ['Thực hiện theo Kế hoạch số 5/KH-UBND ngày 5 tháng 1 năm 2025', 'conditional', null, null],
    [
      'Quý II/2025 theo Kế hoạch số 17/KH-UBND ngày 30/01/2023',
      'period',
      '2025-04-01',
      '2025-06-30',
    ],
    ['Trước ngày 15/3/2025 theo Công văn số 12/UBND ngày 02/01/2025', 'date', null, '2025-03-14'],
    ['Quý IV/2024 và theo lộ trình của Bộ Nội vụ', 'period', '2024-10-01', '2024-12-31'],
    ['2027 - 2030', 'range', '2027-01-01', '2030-12-31'],
    ['Từ quý II/2027', 'continuous', '2027-04-01', null],
  ];
  it.each(CASES)('%s', (text, kind, start, due) => {
    const r = readTimeExpression(text, ctx);
    expect([r.kind, r.start, r.due]).toEqual([kind, start, due]);
  });

  it('two deadlines in one task: both kept as parts, the earlier on top', () => {
    const r = readTimeExpression('Báo cáo trong tháng 6/2025; kết quả tháng 9/2025', ctx);
    expect(r.due).toBe('2025-06-30');
    expect(r.parts?.map((p) => p.due)).toEqual(['2025-06-30', '2025-09-30']);
  });
});

describe('PDF leftovers in cells', () => {
  it.each([
    ['Nghị quyết 66-NQ/TW¹ của Bộ Chính trị', 'Nghị quyết 66-NQ/TW của Bộ Chính trị'],
    ['Quý IV/2025²', 'Quý IV/2025'],
    ['cơ quan nhà nư-\nớc các cấp', 'cơ quan nhà nước các cấp'],
    ['Phòng Tài chính -\nKế hoạch', 'Phòng Tài chính -\nKế hoạch'],
  ])('%s', (raw, clean) => {
    expect(cleanCell(raw)).toBe(clean);
  });
});
