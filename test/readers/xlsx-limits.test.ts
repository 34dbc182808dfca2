// The work an .xlsx can make the reader do is bounded: cells that exist are visited, never
// rows × columns; a zip bomb is refused within a few steps of inflating, holding little; too
// many cells or too much text end in a clear error (with the words the CLI and page show).
import ExcelJS from 'exceljs';
import { deflateSync, inflateSync, strToU8 } from 'fflate';
import {
  DEFAULT_XLSX_LIMITS,
  MAX_BLANK_RUN,
  openWorkbook,
  openXlsx,
  readXlsxGrid,
  XlsxReadError,
} from '../../src/readers/xlsx';
import { deflateBomb, deflated, zipOfDeflated } from './helpers/bomb';
import { MAIN, REL, makeXlsx, rels, sheetData } from './helpers/package';

function errorOf(fn: () => unknown): XlsxReadError {
  try {
    fn();
  } catch (error) {
    if (error instanceof XlsxReadError) return error;
    throw error;
  }
  throw new Error('no error');
}

/** A workbook package whose one sheet is given as raw deflate data. */
function packageWithSheet(sheet: Uint8Array): Uint8Array {
  return zipOfDeflated([
    deflated(
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    deflated(
      '_rels/.rels',
      rels([{ id: 'r1', type: `${REL}/officeDocument`, target: 'xl/workbook.xml' }]),
    ),
    deflated(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflated(
      'xl/_rels/workbook.xml.rels',
      rels([{ id: 'rId1', type: 'worksheet', target: 'worksheets/sheet1.xml' }]),
    ),
    { name: 'xl/worksheets/sheet1.xml', deflated: sheet, declaredSize: 2000 },
  ]);
}

const SHEET_HEAD = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1">`;

describe('a huge, sparse sheet', () => {
  it('reads a 5 KB file with one cell at XFD1048576 at once (ExcelJS wrote it)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.getCell('A1').value = 'KẾ HOẠCH';
    ws.getCell('XFD1048576').value = 'cuối';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(bytes.length).toBeLessThan(8 * 1024);
    const started = Date.now();
    const sheet = openWorkbook(bytes).sheet('Phụ lục');
    const grid = await readXlsxGrid(bytes);
    expect(Date.now() - started).toBeLessThan(2000);
    expect([sheet.cells.length, sheet.lastRow, sheet.lastCol]).toEqual([2, 1_048_576, 16_384]);
    expect(grid.rows[0]).toEqual({ line: 1, cells: ['KẾ HOẠCH'], tabular: false });
    expect(grid.rows[grid.rows.length - 1]).toEqual({
      line: 1_048_576,
      cells: ['cuối'],
      tabular: false,
    });
    expect(grid.rows.length).toBeLessThanOrEqual(2 + MAX_BLANK_RUN);
  });

  it('keeps a table whose text reaches past column 256 without dense rows', async () => {
    const rows = [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Nhiệm vụ</t></is></c><c r="XFD1" t="inlineStr"><is><t>xa</t></is></c></row>',
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Việc A</t></is></c></row>',
      '<row r="900000"><c r="A900000"><v>2</v></c><c r="B900000" t="inlineStr"><is><t>Việc B</t></is></c></row>',
    ];
    const bytes = makeXlsx({
      sheets: [
        {
          name: 'S',
          body:
            '<dimension ref="A1:XFD1048576"/><cols><col min="1" max="16384" width="9"/></cols>' +
            sheetData(rows) +
            '<mergeCells><mergeCell ref="C3:XFD1048576"/></mergeCells>',
        },
      ],
    });
    const started = Date.now();
    const grid = (await openXlsx(bytes)).grid('S');
    expect(Date.now() - started).toBeLessThan(2000);
    const filled = grid.rows.filter((r) => r.cells.some((c) => c !== ''));
    expect(filled).toEqual([
      { line: 1, cells: ['STT', 'Nhiệm vụ', 'xa'], tabular: true },
      { line: 2, cells: ['1', 'Việc A'], tabular: true },
      { line: 900_000, cells: ['2', 'Việc B'], tabular: true },
    ]);
    expect(grid.rows.length).toBeLessThanOrEqual(3 + MAX_BLANK_RUN);
  });
});

describe('zip bombs', () => {
  it('refuses a 2 MB sheet that inflates to ~330 MB of spaces, quickly and holding little', () => {
    const bomb = deflateBomb(
      `${SHEET_HEAD}<c r="A1" t="inlineStr"><is><t>`,
      ' ',
      1_290_000,
      '</t></is></c></row></sheetData></worksheet>',
    );
    const bytes = packageWithSheet(bomb);
    expect(bytes.length).toBeLessThan(2.2 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    const error = errorOf(() => openWorkbook(bytes).sheet('S'));
    const took = Date.now() - started;
    expect(error.code).toBe('too-large');
    expect(error.vi).toMatch(/quá lớn/);
    expect(took).toBeLessThan(3000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
  });

  it('refuses a sheet flooded with cells at the cell limit', () => {
    const bomb = deflateBomb(SHEET_HEAD, '<c/>', 1_000_000, '</row></sheetData></worksheet>');
    const bytes = packageWithSheet(bomb);
    const limits = { ...DEFAULT_XLSX_LIMITS, cells: 100_000 };
    const error = errorOf(() => openWorkbook(bytes, limits).sheet('S'));
    expect(error.code).toBe('too-many-cells');
    expect(error.vi).toMatch(/quá nhiều ô/);
    expect(error.vi).toMatch(/100\.000/);
  });

  it('refuses a sheet of elements that are not cells at the same limit', () => {
    const bomb = deflateBomb(SHEET_HEAD, '<x/>', 1_000_000, '</row></sheetData></worksheet>');
    const limits = { ...DEFAULT_XLSX_LIMITS, cells: 100_000 };
    expect(errorOf(() => openWorkbook(packageWithSheet(bomb), limits).sheet('S')).code).toBe(
      'too-many-cells',
    );
  });

  it('refuses a part that inflates past the size limit', () => {
    const sheet = `${SHEET_HEAD}${'<c r="A1"><v>1</v></c>'.repeat(50_000)}</row></sheetData></worksheet>`;
    const bytes = packageWithSheet(deflateSync(strToU8(sheet)));
    const limits = {
      ...DEFAULT_XLSX_LIMITS,
      zip: { ...DEFAULT_XLSX_LIMITS.zip, memberBytes: 100_000 },
    };
    expect(errorOf(() => openWorkbook(bytes, limits).sheet('S')).code).toBe('too-large');
  });
});

describe('text', () => {
  it('refuses one text longer than the limit, and too much text in all', () => {
    const bytes = makeXlsx({
      sharedStrings: ['x'.repeat(3000), 'y'.repeat(900), 'z'.repeat(900)],
      sheets: [{ name: 'S', body: sheetData(['<row><c t="s"><v>0</v></c></row>']) }],
    });
    const one = errorOf(() =>
      openWorkbook(bytes, { ...DEFAULT_XLSX_LIMITS, textChars: 1000 }).sheet('S'),
    );
    expect(one.code).toBe('text-too-long');
    const all = errorOf(() =>
      openWorkbook(bytes, { ...DEFAULT_XLSX_LIMITS, totalTextChars: 4000 }).sheet('S'),
    );
    expect(all.code).toBe('text-too-long');
    expect(openWorkbook(bytes).sheet('S').cells[0]!.value).toEqual({
      type: 'text',
      text: 'x'.repeat(3000),
    });
  });
});

describe('speed', () => {
  it('reads a 10,000-row × 20-column sheet in well under a second (unloaded machine)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Lớn');
    for (let r = 1; r <= 10_000; r++) {
      const row: (string | number | Date)[] = [];
      for (let c = 0; c < 20; c++)
        row.push(
          c % 4 === 0
            ? `Nhiệm vụ ${r}.${c}`
            : c % 4 === 1
              ? r * c + 0.5
              : c % 4 === 2
                ? new Date(Date.UTC(2024, 0, 1 + (r % 300)))
                : `Đơn vị ${c}`,
        );
      ws.addRow(row);
    }
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    openWorkbook(bytes).sheet('Lớn'); // warm up
    const started = performance.now();
    const sheet = openWorkbook(bytes).sheet('Lớn');
    const took = performance.now() - started;
    expect(sheet.cells).toHaveLength(200_000);
    expect(sheet.cell(10_000, 3)!.value).toMatchObject({ type: 'date' });
    // Generous: this machine is shared; measured figures are in the report.
    expect(took).toBeLessThan(4000);
  }, 60_000);
});

describe('the test helpers', () => {
  it('make valid deflate data for bombs', () => {
    const out = inflateSync(deflateBomb('ab', 'xy', 3, 'cd'));
    expect(new TextDecoder().decode(out)).toBe(`ab${'xy'.repeat(1 + (3 * 258) / 2)}cd`);
  });
});
