// Reading an appendix from the sheet: values, display text, merged cells, dates, error values,
// and polite refusals of what is not an appendix.

import { ExcelDouble, type SetupCell } from '../excel-double';
import { splitAreas } from '../../src/office/address';
import { readAppendix, readPlan, ReadRefusal } from '../../src/office/reader';

const HEAD: SetupCell[][] = [
  ['KẾ HOẠCH'],
  ['Thực hiện cải cách hành chính năm 2024'],
  [],
  ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian', 'Sản phẩm'],
  ['I', 'Nhóm nhiệm vụ về chỉ đạo, điều hành'],
  [
    '1',
    'Rà soát thủ tục hành chính',
    'Phòng Nội vụ',
    'Phòng Tư pháp',
    { value: 45366, numberFormat: 'dd/mm/yyyy' },
    'Báo cáo',
  ],
  ['2', 'Kiểm tra việc niêm yết', null, 'Phòng Tư pháp', 'Quý II/2024', 'Biên bản'],
  ['3', 'Tổng hợp kết quả', null, null, { error: '#N/A' }, 'Báo cáo tổng hợp'],
  [
    4,
    'Đánh giá chỉ số',
    'Phòng Tư pháp',
    null,
    { value: 45473, numberFormat: 'm/d/yyyy', display: '6/30/2024' },
    { value: 0.5, numberFormat: '0%', display: '50%' },
  ],
];

function appendix(api = '1.20'): ExcelDouble {
  const excel = new ExcelDouble({ api });
  excel.addSheet('Phụ lục', 'A1', HEAD);
  excel.merge('Phụ lục', 'C6:C8'); // Phòng Nội vụ leads tasks 1–3: one merged cell
  excel.merge('Phụ lục', 'A1:F1');
  excel.select('Phụ lục', 'B7');
  return excel;
}

describe('reading the appendix', () => {
  test('a single selected cell reads the used range, from the sheet’s rows', async () => {
    const read = await readAppendix(appendix());
    expect(read.address).toBe("'Phụ lục'!A1:F9");
    expect(read.grid.rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(read.grid.rows[0]).toEqual({ line: 1, cells: ['KẾ HOẠCH'], tabular: false });
    expect(read.grid.rows[3]!.tabular).toBe(true);
  });

  test('the sheet name comes back with its quotes undoubled', async () => {
    const excel = new ExcelDouble({ api: '1.20' });
    excel.addSheet("Bà's kế hoạch", 'A1', HEAD);
    excel.select("Bà's kế hoạch", 'B7');
    const read = await readAppendix(excel);
    expect(read.address).toBe("'Bà''s kế hoạch'!A1:F9");
    expect(read.sheet).toBe("Bà's kế hoạch");
  });

  test('a merged cell gives its value to every row it spans, and says so', async () => {
    const read = await readAppendix(appendix());
    expect(read.mergesKnown).toBe(true);
    expect(read.grid.source).toBe('sheet');
    expect(read.grid.rows[6]!.cells[2]).toBe('Phòng Nội vụ');
    expect(read.grid.rows[6]!.mergedFromAbove).toEqual([2]);
    expect(read.grid.rows[7]!.mergedFromAbove).toEqual([2]);
    expect(read.grid.rows[5]!.mergedFromAbove).toBeUndefined();
  });

  test('dates are read from their serial numbers, in any display format; numbers as shown', async () => {
    const read = await readAppendix(appendix());
    expect(read.grid.rows[5]!.cells[4]).toBe('15/03/2024');
    expect(read.grid.rows[8]!.cells[4]).toBe('30/06/2024'); // shown as 6/30/2024 (US format)
    expect(read.grid.rows[8]!.cells[5]).toBe('50%');
    expect(read.grid.rows[8]!.cells[0]).toBe('4');
  });

  test('error values are reported, read as blanks', async () => {
    const read = await readAppendix(appendix());
    expect(read.grid.rows[7]!.cells[4]).toBe('');
    expect(read.findings).toEqual([
      expect.objectContaining({
        code: 'cell-error',
        severity: 'warning',
        rows: [8],
        message: expect.stringContaining('#N/A'),
      }),
    ]);
  });

  test('the parser knows for certain what merges gave: no lost-merge guesses', async () => {
    const { plan } = await readPlan(appendix());
    expect(plan.tasks.map((t) => [t.id, t.lead])).toEqual([
      ['I.1', ['Phòng Nội vụ']],
      ['I.2', ['Phòng Nội vụ']],
      ['I.3', ['Phòng Nội vụ']],
      ['I.4', ['Phòng Tư pháp']],
    ]);
    expect(plan.tasks[0]!.time.due).toBe('2024-03-15');
    expect(plan.tasks[0]!.rows).toEqual([6]);
    expect(plan.findings.filter((f) => f.code === 'lead-missing')).toEqual([]);
    expect(plan.findings.some((f) => f.suggestion?.includes('gộp'))).toBe(false);
    expect(plan.findings[0]!.code).toBe('cell-error');
  });

  test('without merged areas (ExcelApi 1.7) blanks are flagged as possible lost merges', async () => {
    const { plan, read } = await readPlan(appendix('1.7'));
    expect(read.mergesKnown).toBe(false);
    expect(read.grid.source).toBe('tsv');
    expect(read.findings.map((f) => f.code)).toContain('merges-unknown');
    const lead = plan.findings.find((f) => f.code === 'lead-missing' && f.task === 'I.2');
    expect(lead?.suggestion).toMatch(/Phòng Nội vụ/);
  });

  test('a selected block is read as it is', async () => {
    const excel = appendix();
    excel.select('Phụ lục', 'A4:F9');
    const read = await readAppendix(excel);
    expect(read.address).toBe("'Phụ lục'!A4:F9");
    expect(read.grid.rows[0]!.line).toBe(4);
  });

  test('more than 512 merged areas are read in smaller bands', async () => {
    const excel = new ExcelDouble();
    const rows: SetupCell[][] = [['STT', 'Nhiệm vụ', '', 'Đơn vị chủ trì', '', 'Thời gian', '']];
    for (let i = 1; i <= 300; i++)
      rows.push([String(i), `Nhiệm vụ ${i}`, null, 'Phòng Nội vụ', null, 'Năm 2024', null]);
    excel.addSheet('A', 'A1', rows);
    for (let r = 2; r <= 301; r++) {
      excel.merge('A', `B${r}:C${r}`);
      excel.merge('A', `D${r}:E${r}`);
      excel.merge('A', `F${r}:G${r}`);
    }
    excel.select('A', 'A1');
    const read = await readAppendix(excel);
    expect(read.mergesKnown).toBe(true);
    expect(read.grid.rows.every((r) => r.mergedFromAbove === undefined)).toBe(true);
  });

  test('a 1904-date workbook reads its dates right', async () => {
    const excel = appendix();
    excel.state.date1904 = true;
    excel.setCells('Phụ lục', 'E6', [[{ value: 45366 - 1462, numberFormat: 'dd/mm/yyyy' }]]);
    const read = await readAppendix(excel);
    expect(read.grid.rows[5]!.cells[4]).toBe('15/03/2024');
  });

  test('a fixed number of requests: selection, cells, merges', async () => {
    const read = await readAppendix(appendix());
    expect(read.syncs).toBe(3);
  });
});

describe('refusing what is not an appendix', () => {
  const reason = async (excel: ExcelDouble): Promise<ReadRefusal> => {
    const e = await readAppendix(excel).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ReadRefusal);
    return e as ReadRefusal;
  };

  test('an empty sheet', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('A');
    excel.select('A', 'C3');
    const r = await reason(excel);
    expect(r.reason).toBe('empty');
    expect(r.vi).toMatch(/Hãy chọn cả bảng phụ lục/);
  });

  test('an empty selection', async () => {
    const excel = appendix();
    excel.select('Phụ lục', 'H20:K30');
    expect((await reason(excel)).reason).toBe('empty');
  });

  test('one column', async () => {
    const excel = appendix();
    excel.select('Phụ lục', 'B4:B9');
    const r = await reason(excel);
    expect(r.reason).toBe('one-column');
    expect(r.en).toMatch(/single column/);
  });

  test('a million cells', async () => {
    const excel = appendix();
    excel.select('Phụ lục', 'A1:J100000');
    const r = await reason(excel);
    expect(r.reason).toBe('too-large');
    expect(r.vi).toMatch(/1\.000\.000 ô/);
  });

  test('several areas', async () => {
    const excel = appendix();
    excel.select('Phụ lục', 'A4:B9', 'D4:E9');
    expect((await reason(excel)).reason).toBe('selection');
  });
});

test('merged-area addresses are split outside quoted sheet names', () => {
  expect(splitAreas("'Kế hoạch, 2024'!A1:B2,'Kế hoạch, 2024'!C3,Sheet1!D4")).toEqual([
    "'Kế hoạch, 2024'!A1:B2",
    "'Kế hoạch, 2024'!C3",
    'Sheet1!D4',
  ]);
});
