// Reading .xlsx appendices: the grid rules on small sheets, display texts, and the five seeds
// saved as .xlsx (the way offices keep them) read into the same plan as their text.
import ExcelJS from 'exceljs';
import { parsePlanText, planFromGrid } from '../../src/core/plan/parse';
import {
  isDateFormat,
  openXlsx,
  readXlsxGrid,
  sheetToGrid,
  XlsxReadError,
  type SheetModel,
} from '../../src/readers/xlsx';
import { SEEDS, seedText } from '../helpers/seeds';
import { appendixXlsx } from './helpers/appendix-xlsx';

/** A sheet model from rows of texts; borders on every cell of the rows listed. */
function model(
  texts: string[][],
  merges: SheetModel['merges'] = [],
  borderedRows: number[] = [],
): SheetModel {
  return {
    texts,
    merges,
    bordered: texts.map((row, r) => row.map(() => borderedRows.includes(r + 1))),
  };
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('sheetToGrid', () => {
  it('keeps a merged title in one cell and makes it prose', () => {
    const grid = sheetToGrid(
      model(
        [
          ['KẾ HOẠCH', '', ''],
          ['STT', 'Nhiệm vụ', 'Chủ trì'],
          ['1', 'Việc A', 'Sở X'],
        ],
        [{ top: 1, left: 1, bottom: 1, right: 3 }],
      ),
    );
    expect(grid.source).toBe('sheet');
    expect(grid.rows).toEqual([
      { line: 1, cells: ['KẾ HOẠCH'], tabular: false },
      { line: 2, cells: ['STT', 'Nhiệm vụ', 'Chủ trì'], tabular: true },
      { line: 3, cells: ['1', 'Việc A', 'Sở X'], tabular: true },
    ]);
  });

  it('copies a merged unit down into the next tasks and says so', () => {
    const grid = sheetToGrid(
      model(
        [
          ['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian'],
          ['1', 'Việc A', 'Sở X', 'Quý I/2024'],
          ['2', 'Việc B', '', 'Quý II/2024'],
          ['3', 'Việc C', '', ''],
        ],
        [
          { top: 2, left: 3, bottom: 4, right: 3 },
          { top: 3, left: 4, bottom: 4, right: 4 },
        ],
      ),
    );
    expect(grid.rows[2]).toEqual({
      line: 3,
      cells: ['2', 'Việc B', 'Sở X', 'Quý II/2024'],
      tabular: true,
      mergedFromAbove: [2],
    });
    expect(grid.rows[3]).toEqual({
      line: 4,
      cells: ['3', 'Việc C', 'Sở X', 'Quý II/2024'],
      tabular: true,
      mergedFromAbove: [2, 3],
    });
    expect(grid.rows[1]!.mergedFromAbove).toBeUndefined();
  });

  it('does not copy into the continuation rows of a task whose STT is merged', () => {
    const grid = sheetToGrid(
      model(
        [
          ['STT', 'Nhiệm vụ', 'Chủ trì'],
          ['1', 'Việc A, đoạn đầu', 'Sở X'],
          ['', 'đoạn sau', ''],
        ],
        [
          { top: 2, left: 1, bottom: 3, right: 1 },
          { top: 2, left: 3, bottom: 3, right: 3 },
        ],
      ),
    );
    expect(grid.rows[2]).toEqual({ line: 3, cells: ['', 'đoạn sau'], tabular: true });
    const plan = planFromGrid(grid);
    expect(plan.tasks.map((t) => [t.id, t.title, t.lead])).toEqual([
      ['1', 'Việc A, đoạn đầu đoạn sau', ['Sở X']],
    ]);
  });

  it('keeps a two-row header as the core expects it (grouped cells on the left/top)', () => {
    const grid = sheetToGrid(
      model(
        [
          ['STT', 'Nhiệm vụ', 'Thời gian', ''],
          ['', '', 'Bắt đầu', 'Hoàn thành'],
          ['1', 'Việc A', '01/2024', '03/2024'],
        ],
        [
          { top: 1, left: 1, bottom: 2, right: 1 },
          { top: 1, left: 2, bottom: 2, right: 2 },
          { top: 1, left: 3, bottom: 1, right: 4 },
        ],
        [1, 2, 3],
      ),
    );
    expect(grid.rows.map((r) => r.cells)).toEqual([
      ['STT', 'Nhiệm vụ', 'Thời gian'],
      ['', '', 'Bắt đầu', 'Hoàn thành'],
      ['1', 'Việc A', '01/2024', '03/2024'],
    ]);
    const plan = planFromGrid(grid);
    expect(plan.tables[0]!.columns).toMatchObject({ stt: 0, task: 1, start: 2, due: 3 });
  });

  it('uses borders to tell table rows from prose when the sheet has them', () => {
    const grid = sheetToGrid(
      model(
        [
          ['UBND HUYỆN A', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
          ['STT', 'Nhiệm vụ', 'Chủ trì'],
          ['I', 'NHÓM NHIỆM VỤ', ''],
          ['', 'tiếp theo', ''],
          ['', '', 'TM. ỦY BAN NHÂN DÂN'],
        ],
        [],
        [2, 3, 4],
      ),
    );
    expect(grid.rows.map((r) => [r.line, r.tabular, r.cells.length])).toEqual([
      [1, false, 2],
      [2, true, 3],
      [3, true, 2],
      [4, true, 2],
      [5, false, 1],
    ]);
  });

  it('without borders, keeps one-cell rows inside a table and leaves prose around it', () => {
    const grid = sheetToGrid(
      model([
        ['KẾ HOẠCH'],
        ['STT', 'Nhiệm vụ', 'Chủ trì'],
        ['1', 'Việc A', 'Sở X'],
        ['', 'tiếp theo'],
        ['II. NHÓM HAI'],
        ['2', 'Việc B', 'Sở Y'],
        [],
        ['Nơi nhận:'],
      ]),
    );
    expect(grid.rows.map((r) => r.tabular)).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('display texts', () => {
  it('recognises date formats', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('mm-dd-yy')).toBe(true);
    expect(isDateFormat('[$-42A]d mmmm yyyy')).toBe(true);
    expect(isDateFormat('0%')).toBe(false);
    expect(isDateFormat('"ngày" 0')).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });

  it('reads cells as Excel shows them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.getCell('A1').value = new Date(Date.UTC(2024, 2, 5));
    ws.getCell('B1').value = 45366;
    ws.getCell('B1').numFmt = 'dd/mm/yyyy';
    ws.getCell('C1').value = { formula: 'B1+1', result: 45367 };
    ws.getCell('C1').numFmt = 'dd/mm/yyyy';
    ws.getCell('D1').value = 0.125;
    ws.getCell('D1').numFmt = '0.0%';
    ws.getCell('E1').value = 0.1 + 0.2;
    ws.getCell('F1').value = {
      richText: [{ text: 'Sở ' }, { font: { bold: true }, text: 'Nội vụ' }],
    };
    ws.getCell('G1').value = { text: 'liên kết', hyperlink: 'https://example.org' };
    ws.getCell('H1').value = true;
    ws.getCell('I1').value = '- Xã hội';
    ws.getCell('J1').value = 12;
    const grid = await readXlsxGrid(await bytesOf(wb));
    expect(grid.rows[0]!.cells).toEqual([
      '05/03/2024',
      '15/03/2024',
      '16/03/2024',
      '12.5%',
      '0.3',
      'Sở Nội vụ',
      'liên kết',
      'TRUE',
      '- Xã hội',
      '12',
    ]);
  });

  it('copies merged cells read from a file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.addRows([
      ['STT', 'Nhiệm vụ', 'Chủ trì'],
      ['1', 'Việc A', 'Sở X'],
      ['2', 'Việc B', null],
    ]);
    ws.mergeCells('C2:C3');
    const grid = await readXlsxGrid(await bytesOf(wb));
    expect(grid.rows[2]).toMatchObject({ cells: ['2', 'Việc B', 'Sở X'], mergedFromAbove: [2] });
  });
});

describe('openXlsx', () => {
  it('lists sheets, opens the active one by default, and any one by name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Bìa').getCell('A1').value = 'Bìa';
    wb.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 'Ẩn';
    wb.addWorksheet('Phụ lục').getCell('A1').value = 'Phụ lục';
    wb.views = [
      {
        x: 0,
        y: 0,
        width: 10000,
        height: 10000,
        firstSheet: 0,
        activeTab: 2,
        visibility: 'visible',
      },
    ];
    const bytes = await bytesOf(wb);
    const book = await openXlsx(bytes);
    expect(book.sheets).toEqual([
      { name: 'Bìa', hidden: false },
      { name: 'Ẩn', hidden: true },
      { name: 'Phụ lục', hidden: false },
    ]);
    expect(book.active).toBe('Phụ lục');
    expect((await readXlsxGrid(bytes)).rows[0]!.cells).toEqual(['Phụ lục']);
    expect((await readXlsxGrid(bytes, 'bìa')).rows[0]!.cells).toEqual(['Bìa']);
    await expect(readXlsxGrid(bytes, 'Không có')).rejects.toThrow(XlsxReadError);
  });

  it('fails clearly on bytes that are not an .xlsx file', async () => {
    await expect(openXlsx(new TextEncoder().encode('không phải excel'))).rejects.toThrow(
      XlsxReadError,
    );
  });
});

describe('the seeds saved as .xlsx', () => {
  const comparable = (plan: ReturnType<typeof parsePlanText>): unknown => ({
    document: plan.document,
    tables: plan.tables,
    sections: plan.sections,
    tasks: plan.tasks,
    units: plan.units,
  });

  it.each(SEEDS)('%s reads into the same plan as its text', async (name) => {
    const text = seedText(name);
    const expected = comparable(parsePlanText(text));
    for (const options of [
      { borders: true },
      { borders: true, mergeRepeats: true },
      { mergeRepeats: true },
      {},
    ]) {
      const made = await appendixXlsx(text, options);
      const plan = planFromGrid(await readXlsxGrid(made.bytes));
      expect({ options, plan: comparable(plan) }).toEqual({ options, plan: expected });
    }
  });

  it('merges "same as above" cells in the seeds (the copy rule is exercised)', async () => {
    const made = await appendixXlsx(seedText(SEEDS[0]!), { borders: true, mergeRepeats: true });
    expect(made.merges.length).toBeGreaterThan(0);
    const grid = await readXlsxGrid(made.bytes);
    expect(grid.rows.some((r) => (r.mergedFromAbove ?? []).length > 0)).toBe(true);
  });
});
