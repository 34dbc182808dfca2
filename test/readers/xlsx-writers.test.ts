// The .xlsx reader on files real programs wrote: PhuLuc's own writer (src/render/xlsx), openpyxl
// (committed fixtures, test/fixtures/xlsx/make-openpyxl.py) and LibreOffice (converted here).
// Each asserts typed values: a date stays a date, a formula keeps its text and its cached
// value, numbers stay numbers, comments, fills and borders are read.
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { parsePlanText } from '../../src/core/plan/parse';
import { layoutWorkbook } from '../../src/layout';
import type { Cell } from '../../src/layout/types';
import { openWorkbook, type CellValue, type XlsxWorkbook } from '../../src/readers/xlsx';
import { renderXlsx } from '../../src/render/xlsx';
import { parseBoxRef, parseCellRef } from '../../src/excel/a1';
import { convert, findSoffice, privateProfile } from '../libreoffice/soffice';
import { seedText, SEEDS } from '../helpers/seeds';

const FIXTURES = join(__dirname, '..', 'fixtures', 'xlsx');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** What the openpyxl fixture holds (see make-openpyxl.py), as any faithful reader reads it. */
function expectOpenpyxlTracker(book: XlsxWorkbook, writer: 'openpyxl' | 'libreoffice'): void {
  expect(book.sheets.map((s) => [s.name, s.state])).toEqual([
    ['Bìa', 'visible'],
    ['Nhiệm vụ', 'visible'],
    ['Ẩn', 'hidden'],
  ]);
  expect(book.activeSheet).toBe('Nhiệm vụ');
  expect(book.properties).toMatchObject({ title: 'Sổ theo dõi', subject: 'Kế hoạch 15/KH-UBND' });
  expect(book.definedNames).toContainEqual(
    expect.objectContaining({ name: 'TenRieng', formula: "'Nhiệm vụ'!$F$2", localSheet: null }),
  );
  const sheet = book.sheet('Nhiệm vụ');
  const v = (ref: string): CellValue | undefined => {
    const at = parseCellRef(ref)!;
    return sheet.cell(at.row, at.col)?.value;
  };
  expect(v('A1')).toEqual({ type: 'text', text: 'Mã' });
  expect(v('C2')).toEqual({
    type: 'date',
    iso: '2024-03-15',
    serial: book.date1904 ? 43904 : 45366,
  });
  expect(v('C3')).toMatchObject({ type: 'date', iso: '2024-03-16' });
  expect(v('D2')).toEqual({ type: 'number', value: 0.25 });
  expect(v('E2')).toEqual({ type: 'bool', value: true });
  expect(v('E3')).toEqual({ type: 'bool', value: false });
  expect(v('F3')).toEqual({ type: 'number', value: 1.5 });
  expect(v('H2')).toEqual({ type: 'error', text: '#N/A' });
  expect(sheet.cell(2, 7)!.formula).toBe('F2*2');
  expect(sheet.cell(3, 7)!.formula).toBe('F3*2');
  // openpyxl stores no result; LibreOffice recalculates and stores it.
  expect(v('G2')).toEqual(
    writer === 'openpyxl' ? { type: 'empty' } : { type: 'number', value: 24 },
  );
  expect(sheet.cell(2, 4)!.numFmt).toBe('0%');
  expect(sheet.cell(2, 2)!.fill).toBe('FFFF00');
  expect(sheet.cell(3, 2)!.fill).toBe('95B3D7'); // theme accent 1, lighter 40%
  expect(sheet.cell(2, 1)!.bordered).toBe(true);
  expect(sheet.cell(2, 2)!.bordered).toBe(false);
  expect(sheet.cell(3, 1)!.hyperlink).toBe('https://example.org/nhiem-vu');
  expect(sheet.merges).toEqual([{ top: 5, left: 1, bottom: 5, right: 3 }]);
  expect(sheet.comments).toEqual([
    expect.objectContaining({
      row: 2,
      col: 2,
      text: expect.stringContaining('Ghi chú của người dùng'),
    }),
  ]);
  if (writer === 'openpyxl') {
    expect(sheet.comments[0]!.author).toBe('Người dùng');
    expect(book.tables).toEqual([
      expect.objectContaining({ name: 'BangNhiemVu', sheet: 'Nhiệm vụ', ref: 'A1:H3' }),
    ]);
    expect(book.tables[0]!.columns[2]).toBe('Hạn');
  }
}

describe('files written by openpyxl (absolute targets, xl/comments/, inline strings)', () => {
  it('reads the tracker with every type kept', () => {
    const book = openWorkbook(fixture('openpyxl.xlsx'));
    expect(book.date1904).toBe(false);
    expectOpenpyxlTracker(book, 'openpyxl');
  });

  it('reads the same days from a 1904 workbook', () => {
    const book = openWorkbook(fixture('openpyxl-1904.xlsx'));
    expect(book.date1904).toBe(true);
    expectOpenpyxlTracker(book, 'openpyxl');
  });

  const python = '/usr/bin/python3';
  const hasOpenpyxl =
    spawnSync(python, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
  (hasOpenpyxl ? it : it.skip)('reads what the installed openpyxl writes today', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phuluc-openpyxl-'));
    const made = spawnSync(python, [join(FIXTURES, 'make-openpyxl.py'), dir], {
      encoding: 'utf8',
    });
    expect(made.stderr).toBe('');
    expectOpenpyxlTracker(
      openWorkbook(new Uint8Array(readFileSync(join(dir, 'openpyxl.xlsx')))),
      'openpyxl',
    );
  });
});

describe("files written by PhuLuc's own writer", () => {
  const plan = parsePlanText(seedText(SEEDS[0]!));
  const ids = plan.tasks.map((t) => t.id);
  const layout = layoutWorkbook(plan, {
    reportDate: '2020-06-30',
    language: 'vi',
    extraColumns: ['Người theo dõi', 'Số văn bản'],
    entered: {
      [ids[0]!]: { state: 'Đang thực hiện', progress: 0.4, note: 'ghi chú' },
      [ids[1]!]: {
        completed: '2020-03-31',
        extra: { 'Người theo dõi': 'Chị Lan', 'Số văn bản': 12 },
      },
    },
  });
  let book: XlsxWorkbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderXlsx(layout);
    book = openWorkbook(bytes);
  });

  it('reads every cell the layout wrote: texts, numbers, dates, formulas, styles', () => {
    let checked = 0;
    const formulas = new Set<string>();
    for (const sheetLayout of layout.sheets) {
      const sheet = book.sheet(sheetLayout.name);
      for (const block of sheetLayout.blocks) {
        const origin = parseCellRef(block.origin)!;
        block.rows.forEach((cells, r) =>
          cells.forEach((cell: Cell | null, c) => {
            if (!cell) return;
            const read = sheet.cell(origin.row + r, origin.col + c);
            const where = `${sheetLayout.name}!R${origin.row + r}C${origin.col + c}`;
            const style = cell.style ? layout.styles[cell.style] : undefined;
            if (cell.text !== undefined && cell.text !== '')
              expect([where, read?.value]).toEqual([where, { type: 'text', text: cell.text }]);
            if (cell.number !== undefined)
              expect([where, read?.value]).toEqual([where, { type: 'number', value: cell.number }]);
            if (cell.date !== undefined)
              expect([where, read?.value]).toEqual([
                where,
                expect.objectContaining({ type: 'date', iso: cell.date }),
              ]);
            if (cell.formula !== undefined) {
              expect([where, read?.formula]).toEqual([where, cell.formula]);
              formulas.add(cell.formula);
            }
            if (read && style?.fill) expect([where, read.fill]).toEqual([where, style.fill]);
            if (read && style) expect([where, read.bordered]).toEqual([where, !!style.border]);
            if (read && style?.numberFormat && style.numberFormat !== 'General')
              expect([where, read.numFmt]).toEqual([where, style.numberFormat]);
            checked++;
          }),
        );
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(formulas.size).toBeGreaterThan(100);
    // Filled-down formulas are stored shared: the reader expanded them to each cell.
    const stored = Object.values(unzipSync(bytes)).map((b) => strFromU8(b));
    expect(stored.some((xml) => xml.includes('t="shared"'))).toBe(true);
  });

  it('reads the workbook around the cells: names, tables, properties, merges, hidden sheets', () => {
    expect(book.activeSheet).toBe(layout.activeSheet);
    expect(book.sheets.map((s) => [s.name, s.state === 'visible'])).toEqual(
      layout.sheets.map((s) => [s.name, !s.hidden]),
    );
    for (const n of layout.names)
      expect(book.definedNames).toContainEqual(
        expect.objectContaining({ name: n.name, formula: n.ref }),
      );
    expect(book.properties).toMatchObject(layout.properties);
    for (const s of layout.sheets) {
      if (s.table)
        expect(book.tables).toContainEqual(
          expect.objectContaining({ name: s.table.name, sheet: s.name, columns: s.table.columns }),
        );
      expect(book.sheet(s.name).merges).toEqual(
        (s.merges ?? []).map((m) => parseBoxRef(m)).filter(Boolean),
      );
    }
  });

  it('reads notes, rich text, links, theme fills and the 1904 system as ExcelJS writes them', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Một');
    ws.getCell('A1').value = {
      richText: [{ text: 'Sở ' }, { font: { bold: true }, text: 'Y tế' }],
    };
    ws.getCell('A1').note = 'Ghi chú ExcelJS';
    ws.getCell('B1').value = new Date(Date.UTC(2024, 2, 15));
    ws.getCell('B1').numFmt = 'dd/mm/yyyy';
    ws.getCell('C1').value = { text: 'liên kết', hyperlink: 'https://example.org/x' };
    ws.getCell('D1').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 1 } };
    ws.getCell('D1').value = 7;
    ws.getCell('E1').value = { formula: 'D1*2', result: 14 };
    const read = openWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(read.date1904).toBe(true);
    const s = read.sheet('Một');
    expect(s.cells.map((c) => c.value)).toEqual([
      { type: 'text', text: 'Sở Y tế' },
      { type: 'date', iso: '2024-03-15', serial: 43904 },
      { type: 'text', text: 'liên kết' },
      { type: 'number', value: 7 },
      { type: 'number', value: 14 },
    ]);
    expect(s.comments).toEqual([{ row: 1, col: 1, text: 'Ghi chú ExcelJS', author: 'Author' }]);
    expect(s.cell(1, 3)!.hyperlink).toBe('https://example.org/x');
    expect(s.cell(1, 4)!.fill).toBe('000000'); // theme 1: dark 1 (text)
    expect(s.cell(1, 5)!.formula).toBe('D1*2');
  });
});

const soffice = findSoffice();
const ci = process.env.CI === 'true';

(soffice || ci ? describe : describe.skip)('files written by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'phuluc-lo-read-'));
  const out = join(dir, 'out');
  let converted: Uint8Array;
  beforeAll(() => {
    if (!soffice) throw new Error('LibreOffice (soffice) is required under CI=true');
    // The openpyxl tracker, opened and saved again by LibreOffice (relative targets, shared
    // strings, xl/comments1.xml, its own number format codes, recalculated results).
    const input = join(dir, 'tracker.xlsx');
    writeFileSync(input, fixture('openpyxl.xlsx'));
    const run = convert(soffice, privateProfile(join(dir, 'profile')), [input], 'xlsx', out);
    expect(run.status).toBe(0);
    converted = new Uint8Array(readFileSync(join(out, 'tracker.xlsx')));
  }, 240_000);

  it('reads the tracker LibreOffice saved, with the formula results it computed', () => {
    expectOpenpyxlTracker(openWorkbook(converted), 'libreoffice');
  });
});
