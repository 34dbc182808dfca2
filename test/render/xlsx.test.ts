// The .xlsx writer on small hand-written layouts: every feature read back from the file, with
// ExcelJS and as raw XML, the way Excel would see it.
import ExcelJS from 'exceljs';
import { renderXlsx, checkLayout, isoToSerial, LayoutError } from '../../src/render/xlsx';
import {
  fileFormula,
  formulaProblem,
  formulaTemplate,
  shiftedFormula,
} from '../../src/render/xlsx/formula';
import { arr, get, XlsxParts, xlsxProblems, type Xml } from './helpers/xlsx-parts';
import type { WorkbookLayout } from '../../src/layout/types';
import { sampleLayout, TRICKY_TEXTS } from './sample-layout';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings want its own Buffer type; a Uint8Array is what it reads.
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

let bytes: Uint8Array;
let wb: ExcelJS.Workbook;
let parts: XlsxParts;

beforeAll(async () => {
  bytes = await renderXlsx(sampleLayout());
  wb = await load(bytes);
  parts = new XlsxParts(bytes);
});

describe('renderXlsx', () => {
  it('returns the bytes of a zip that passes the repair checks', () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(xlsxProblems(bytes)).toEqual([]);
  });

  it('writes the sheets in order, with their states and tab colours', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Nhiệm vụ',
      "Sở O'Neil & Cộng sự",
      'Cài đặt',
    ]);
    expect(wb.getWorksheet('Cài đặt')!.state).toBe('hidden');
    expect(wb.getWorksheet('Nhiệm vụ')!.state).toBe('visible');
    expect(wb.getWorksheet('Tổng hợp')!.properties.tabColor).toEqual({ argb: 'FF1F4E78' });
  });

  it('writes text as text, whatever it starts with', () => {
    const cells = parts.cells('Nhiệm vụ');
    const texts = ['B4', 'B5', 'B6', 'A8', 'B8', 'C8', 'D8', 'E8'].map((a) => cells.get(a)!);
    expect(texts.map((c) => c.v)).toEqual(TRICKY_TEXTS);
    for (const c of texts) {
      expect(c.f).toBeUndefined();
      expect(['s', 'inlineStr', 'str']).toContain(c.t);
    }
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(ws.getCell('B5').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B5').value).toBe('=1+1');
    // An empty text writes no value (the style stays).
    expect(ws.getCell('D6').value).toBeNull();
  });

  it('writes dates as serials with a date format, in any time zone', () => {
    const cells = parts.cells('Nhiệm vụ');
    expect(cells.get('C4')!.v).toBe(String(isoToSerial('2024-03-15')));
    expect(isoToSerial('2024-03-15')).toBe(45366);
    expect(isoToSerial('1900-03-01')).toBe(61);
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(ws.getCell('C4').value).toEqual(new Date(Date.UTC(2024, 2, 15)));
    expect(ws.getCell('C4').numFmt).toBe('dd/mm/yyyy');
    // No format in the style: still shown as a date.
    expect(ws.getCell('C5').numFmt).toBe('dd/mm/yyyy');
  });

  it('writes formulas without "=" and with the _xlfn prefix of newer functions', () => {
    const cells = parts.cells('Tổng hợp');
    expect(cells.get('B3')!.f).toBe('COUNTIF(\'Nhiệm vụ\'!E4:E6,"Quá hạn")');
    expect(cells.get('C3')!.f).toBe('_xlfn.IFS(B3>0,"có",TRUE,"không")');
    expect(cells.get('B3')!.v).toBeUndefined();
    expect(parts.cells('Nhiệm vụ').get('E4')!.f).toBe(
      'IF(D4="Hoàn thành","Xong",IF(C4<NgayBaoCao,"Quá hạn","Trong hạn"))',
    );
    expect(get(parts.xml('xl/workbook.xml'), 'workbook', 'calcPr', '@fullCalcOnLoad')).toBe('1');
  });

  it('stores a filled-down formula once (a shared formula) and reads back every cell right', () => {
    const cells = parts.cells('Nhiệm vụ');
    const e = (a: string): Xml =>
      arr(get(parts.sheet('Nhiệm vụ'), 'sheetData', 'row'))
        .flatMap((r) => arr(r['c']))
        .find((c) => c['@r'] === a)!;
    expect(get(e('E4'), 'f', '@t')).toBe('shared');
    expect(get(e('E4'), 'f', '@ref')).toBe('E4:E6');
    expect(get(e('E5'), 'f', '@t')).toBe('shared');
    expect(cells.get('E5')!.f).toBe('');
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(['E4', 'E5', 'E6'].map((a) => ws.getCell(a).formula)).toEqual(
      [4, 5, 6].map(
        (r) => `IF(D${r}="Hoàn thành","Xong",IF(C${r}<NgayBaoCao,"Quá hạn","Trong hạn"))`,
      ),
    );
  });

  it('writes numbers and booleans', () => {
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(ws.getCell('B4').value).toBe(0.25);
    expect(ws.getCell('B4').numFmt).toBe('0%');
    expect(ws.getCell('C4').value).toBe(true);
  });

  it('applies styles: font, fill, alignment, borders, number formats', () => {
    const head = wb.getWorksheet('Nhiệm vụ')!.getCell('A3');
    expect(head.font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
    expect(head.fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FF1F4E78' },
    });
    expect(head.alignment).toMatchObject({
      horizontal: 'center',
      vertical: 'middle',
      wrapText: true,
    });
    expect(head.border.left).toMatchObject({ style: 'thin', color: { argb: 'FFA6A6A6' } });
    const text = wb.getWorksheet('Nhiệm vụ')!.getCell('B4');
    expect(text.numFmt).toBe('@');
    expect(text.alignment).toMatchObject({ vertical: 'top', wrapText: true, indent: 1 });
    const title = wb.getWorksheet('Tổng hợp')!.getCell('A1');
    expect(title.font).toMatchObject({ bold: true, size: 14, color: { argb: 'FF1F3864' } });
    const link = wb.getWorksheet('Tổng hợp')!.getCell('B2');
    expect(link.font).toMatchObject({ underline: true, italic: true, color: { argb: 'FF0563C1' } });
  });

  it('sets widths, hidden columns, row heights and merges', () => {
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(ws.getColumn(2).width).toBe(50);
    expect(ws.getColumn(5).hidden).toBe(true);
    expect(ws.getColumn(4).hidden).toBe(false);
    const dash = wb.getWorksheet('Tổng hợp')!;
    expect(dash.getRow(1).height).toBe(30);
    expect(
      arr(get(parts.sheet('Tổng hợp'), 'mergeCells', 'mergeCell')).map((m) => m['@ref']),
    ).toEqual(['A1:C1']);
  });

  it('freezes panes and selects only the active sheet', () => {
    expect(wb.getWorksheet('Nhiệm vụ')!.views[0]).toMatchObject({
      state: 'frozen',
      xSplit: 2,
      ySplit: 3,
      topLeftCell: 'C4',
    });
    const selected = parts.sheetNames.filter(
      (n) => arr(get(parts.sheet(n), 'sheetViews', 'sheetView'))[0]?.['@tabSelected'] === '1',
    );
    expect(selected).toEqual(['Tổng hợp']);
    expect(
      get(parts.xml('xl/workbook.xml'), 'workbook', 'bookViews', 'workbookView', '@activeTab'),
    ).toBe('0');
  });

  it('writes the table with the layout header and its range', () => {
    const ws = parts.sheet('Nhiệm vụ');
    const part = arr(get(ws, 'tableParts', 'tablePart'));
    expect(part).toHaveLength(1);
    const path = parts.relsOf(parts.sheetPaths.get('Nhiệm vụ')!).get(String(part[0]!['@r:id']))!;
    const table = get(parts.xml(path), 'table') as Xml;
    expect(table['@name']).toBe('PhuLuc_NhiemVu_Bang');
    expect(table['@ref']).toBe('A3:E6');
    expect(arr(get(table, 'tableColumns', 'tableColumn')).map((c) => c['@name'])).toEqual([
      'Mã',
      'Nhiệm vụ',
      'Hạn',
      'Trạng thái',
      'Tình trạng',
    ]);
    expect(get(table, 'tableStyleInfo', '@name')).toBe('TableStyleLight9');
    // The table did not replace the layout's cells.
    expect(wb.getWorksheet('Nhiệm vụ')!.getCell('A4').value).toBe('I.1');
    expect(wb.getWorksheet('Nhiệm vụ')!.getCell('A3').font?.bold).toBe(true);
  });

  it('writes formula rules with their colours, order and stop-if-true', () => {
    const cfs = arr(parts.sheet('Nhiệm vụ')['conditionalFormatting']);
    expect(cfs.map((c) => c['@sqref'])).toEqual(['A4:E6', 'C4:C6']);
    const rules = cfs.flatMap((c) => arr(c['cfRule']));
    expect(rules.map((r) => [r['@type'], r['@priority'], r['@stopIfTrue']])).toEqual([
      ['expression', '1', '1'],
      ['expression', '2', undefined],
      ['expression', '3', undefined],
    ]);
    expect(rules.map((r) => r['formula'])).toEqual([
      '$E4="Quá hạn"',
      '$D4="Đã hủy"',
      'AND($C4<>"",$C4<NgayBaoCao)',
    ]);
    const dxfs = arr(get(parts.xml('xl/styles.xml'), 'styleSheet', 'dxfs', 'dxf'));
    const first = dxfs[Number(rules[0]!['@dxfId'])]!;
    expect(get(first, 'fill', 'patternFill', 'bgColor', '@rgb')).toBe('FFF8CBAD');
    expect(get(first, 'font', 'color', '@rgb')).toBe('FF9C0006');
    const second = dxfs[Number(rules[1]!['@dxfId'])]!;
    expect(get(second, 'font', 'strike')).toBeDefined();
  });

  it('writes validations: a list from a name, decimals, dates, prompts and errors', () => {
    const dvs = arr(get(parts.sheet('Nhiệm vụ'), 'dataValidations', 'dataValidation'));
    const bySqref = new Map(dvs.map((d) => [String(d['@sqref']), d]));
    const list = bySqref.get('D4:D6')!;
    expect(list).toMatchObject({
      '@type': 'list',
      '@allowBlank': '1',
      '@showInputMessage': '1',
      '@promptTitle': 'Trạng thái',
      '@prompt': 'Chọn trong danh sách.',
      '@showErrorMessage': '1',
      '@errorTitle': 'Không hợp lệ',
      formula1: 'DsTrangThai',
    });
    expect(bySqref.get('B8:B9')).toMatchObject({
      '@type': 'decimal',
      formula1: '0',
      formula2: '100',
    });
    expect(bySqref.get('C4:C6')).toMatchObject({
      '@type': 'date',
      '@operator': 'greaterThanOrEqual',
      formula1: '45292',
    });
    expect(dvs).toHaveLength(3);
  });

  it('writes defined names, sheet markers and print titles with quoted sheet names', () => {
    const names = arr(
      get(parts.xml('xl/workbook.xml'), 'workbook', 'definedNames', 'definedName'),
    ).map((n) => [n['@name'], n['@localSheetId'], n['#text']]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['NgayBaoCao', undefined, "'Cài đặt'!$B$2"],
        ['DsTrangThai', undefined, "'Cài đặt'!$A$4:$A$6"],
        ['PhuLuc_TongHop', undefined, "'Tổng hợp'!$A$1"],
        ['PhuLuc_NhiemVu', undefined, "'Nhiệm vụ'!$A$1"],
        ['PhuLuc_DV_1', undefined, "'Sở O''Neil & Cộng sự'!$A$1"],
        ['PhuLuc_CaiDat', undefined, "'Cài đặt'!$A$1"],
        ['_xlnm.Print_Titles', '1', "'Nhiệm vụ'!$3:$3"],
        ['_xlnm.Print_Titles', '2', "'Sở O''Neil & Cộng sự'!$1:$2"],
      ]),
    );
    expect(names).toHaveLength(8);
    expect(wb.definedNames.getRanges('NgayBaoCao').ranges).toEqual(["'Cài đặt'!$B$2"]);
  });

  it('links cells to other sheets with a location, not a file', () => {
    const links = arr(get(parts.sheet('Tổng hợp'), 'hyperlinks', 'hyperlink'));
    expect(links.map((l) => [l['@ref'], l['@location'], l['@r:id']])).toEqual([
      ['B2', "'Sở O''Neil & Cộng sự'!A1", undefined],
      ['B5', "'Nhiệm vụ'!B4", undefined],
    ]);
    expect(parts.files.has('xl/worksheets/_rels/sheet1.xml.rels')).toBe(false);
    // The cell keeps its text.
    expect(parts.cells('Tổng hợp').get('B2')!.v).toBe("Sở O'Neil & Cộng sự");
  });

  it('sets up printing: A4, orientation, fit to width, header and footer', () => {
    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    expect(tasks.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(tasks.headerFooter.oddHeader).toBe('&LKế hoạch số 15/KH-UBND');
    expect(tasks.headerFooter.oddFooter).toBe('&LPhuLuc&R&P/&N');
    expect(wb.getWorksheet('Tổng hợp')!.pageSetup.orientation).toBe('portrait');
    expect(wb.getWorksheet("Sở O'Neil & Cộng sự")!.pageSetup.fitToPage).toBeFalsy();
  });

  it('writes the document properties', () => {
    expect(wb.title).toBe('Sổ theo dõi');
    expect(wb.subject).toBe('Kế hoạch 15/KH-UBND');
    expect(wb.creator).toBe('PhuLuc');
    expect(wb.description).toBe('phuluc.plan/1; 3 tasks');
  });

  it('gives a table with no task rows one empty data row (Excel needs one)', async () => {
    const layout = sampleLayout();
    const tasks = layout.sheets[1]!;
    tasks.table!.range = 'A3:E3';
    tasks.blocks = [{ origin: 'A3', rows: [tasks.table!.columns.map((text) => ({ text }))] }];
    tasks.conditionalFormats = [];
    tasks.dataValidations = [];
    const out = await renderXlsx(layout);
    expect(xlsxProblems(out)).toEqual([]);
    const p = new XlsxParts(out);
    const part = arr(get(p.sheet('Nhiệm vụ'), 'tableParts', 'tablePart'))[0]!;
    const path = p.relsOf(p.sheetPaths.get('Nhiệm vụ')!).get(String(part['@r:id']))!;
    expect(get(p.xml(path), 'table', '@ref')).toBe('A3:E4');
  });

  it('makes the same cells on every run (a rebuild changes nothing but the clock)', async () => {
    const again = new XlsxParts(await renderXlsx(sampleLayout()));
    for (const name of parts.sheetNames) expect(again.cells(name)).toEqual(parts.cells(name));
  });
});

describe('the repair checks themselves', () => {
  it('catch what ExcelJS writes when used naively', async () => {
    const naive = new ExcelJS.Workbook();
    const ws = naive.addWorksheet('Nhiệm vụ');
    ws.getCell('A1').value = { text: 'đi tới', hyperlink: "'Nhiệm vụ'!A2" };
    ws.getCell('A2').value = { formula: '=1+1' };
    ws.addTable({
      name: 'Bang',
      ref: 'C1',
      columns: [{ name: 'Mã' }, { name: 'Việc' }],
      rows: [['a', 'b']],
    });
    ws.getCell('D1').value = 'Việc khác';
    const problems = xlsxProblems(
      new Uint8Array((await naive.xlsx.writeBuffer()) as ArrayBuffer),
    ).join('\n');
    expect(problems).toMatch(/hyperlink with both a file and a location/);
    expect(problems).toMatch(/formula "=…"/);
    expect(problems).toMatch(/header D1 "Việc khác" ≠ column "Việc"/);
  });
});

describe('layout checks (a broken layout fails before writing)', () => {
  function broken(change: (l: WorkbookLayout) => void): string[] {
    const layout = sampleLayout();
    change(layout);
    try {
      checkLayout(layout);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(LayoutError);
      return (error as LayoutError).problems;
    }
  }

  it('accepts the sample', () => {
    expect(broken(() => undefined)).toEqual([]);
  });

  it('accepts merges that touch without overlapping, large and small', () => {
    const merges = ['A20:Z1000', 'AA20:AA20', 'A1001:B1001', 'C1001:Z5000', 'AA21:AB21'];
    expect(broken((l) => (l.sheets[0]!.merges = merges))).toEqual([]);
  });

  it.each<[string, (l: WorkbookLayout) => void, RegExp]>([
    ['a sheet name with ":"', (l) => (l.sheets[0]!.name = 'Tổng: hợp'), /holds one of/],
    ['a long sheet name', (l) => (l.sheets[2]!.name = 'x'.repeat(32)), /longer than 31/],
    ['two sheets named alike', (l) => (l.sheets[1]!.name = 'TỔNG HỢP'.toLowerCase()), /used twice/],
    [
      'a formula with "="',
      (l) => (l.sheets[0]!.blocks[0]!.rows[2]![1] = { formula: '=1+1' }),
      /starts with "="/,
    ],
    [
      'a dynamic-array function',
      (l) => (l.sheets[0]!.blocks[0]!.rows[2]![1] = { formula: 'FILTER(A:A,B:B=1)' }),
      /dynamic-array/,
    ],
    [
      'an unknown style',
      (l) => (l.sheets[0]!.blocks[0]!.rows[0]![0] = { text: 'x', style: 'nope' }),
      /unknown style/,
    ],
    [
      'a header that is not the table column',
      (l) => (l.sheets[1]!.table!.columns[1] = 'Việc'),
      /header cell 2/,
    ],
    [
      'a table column with a line break',
      (l) => (l.sheets[1]!.table!.columns[1] = 'Nhiệm\nvụ'),
      /line break/,
    ],
    [
      'a table name used as a defined name',
      (l) => (l.sheets[1]!.table!.name = 'NgayBaoCao'),
      /used twice/,
    ],
    ['a table name like a cell', (l) => (l.sheets[1]!.table!.name = 'AB12'), /cell address/],
    [
      'a table overlapping a merge',
      (l) => (l.sheets[1]!.merges = ['D6:E7']),
      /merge overlaps the table/,
    ],
    ['overlapping merges', (l) => (l.sheets[0]!.merges = ['A1:C1', 'B1:B2']), /overlaps another/],
    [
      'a small merge inside an earlier large one',
      (l) => (l.sheets[0]!.merges = ['A10:Z1000', 'M500:N500']),
      /merge M500:N500 overlaps another/,
    ],
    [
      'a large merge over an earlier small one',
      (l) => (l.sheets[0]!.merges = ['M500:N500', 'A10:Z1000']),
      /merge A10:Z1000 overlaps another/,
    ],
    [
      'two large merges that share a corner',
      (l) => (l.sheets[0]!.merges = ['A10:Z1000', 'Z1000:AZ2000']),
      /merge Z1000:AZ2000 overlaps another/,
    ],
    [
      'a merge that ends where the next one starts',
      (l) => (l.sheets[0]!.merges = ['A20:C20', 'C20:C21']),
      /merge C20:C21 overlaps another/,
    ],
    [
      'a name pointing nowhere',
      (l) => (l.names[0]!.ref = "'Không có'!$A$1"),
      /not a range of a sheet/,
    ],
    ['a hidden active sheet', (l) => (l.activeSheet = 'Cài đặt'), /is hidden/],
    ['a bad colour', (l) => (l.styles['head']!.fill = 'blue'), /colour "blue"/],
    [
      'a too long prompt title',
      (l) => (l.sheets[1]!.dataValidations[0]!.prompt!.title = 'x'.repeat(33)),
      /prompt title/,
    ],
    [
      'a link to no sheet',
      (l) =>
        (l.sheets[0]!.blocks[0]!.rows[1]![1] = { text: 'x', link: { sheet: 'Y', address: 'A1' } }),
      /unknown sheet/,
    ],
    [
      'a bad date',
      (l) => (l.sheets[1]!.blocks[1]!.rows[1]![2] = { date: '2024-02-30' }),
      /date "2024-02-30"/,
    ],
    [
      'a marker defined elsewhere',
      (l) => l.names.push({ name: 'PhuLuc_NhiemVu', ref: "'Cài đặt'!$A$1" }),
      /marker "PhuLuc_NhiemVu"/,
    ],
  ])('rejects %s', (_label, change, message) => {
    const problems = broken(change);
    expect(problems.join('\n')).toMatch(message);
  });

  it('refuses to write a broken layout', async () => {
    const layout = sampleLayout();
    layout.sheets[0]!.name = 'a/b';
    await expect(renderXlsx(layout)).rejects.toThrow(LayoutError);
  });
});

describe('formulas', () => {
  it('prefixes newer functions outside string literals and sheet names only', () => {
    expect(fileFormula('IFS(A1>0,"IFS(",TRUE,"x")')).toBe('_xlfn.IFS(A1>0,"IFS(",TRUE,"x")');
    expect(fileFormula("SUM('DAYS (2)'!A1)+DAYS(B1,C1)")).toBe(
      "SUM('DAYS (2)'!A1)+_xlfn.DAYS(B1,C1)",
    );
    expect(fileFormula('_xlfn.IFS(1,2)')).toBe('_xlfn.IFS(1,2)');
    expect(fileFormula('COUNTIFS(A:A,"x")+MAXIFS(B:B,A:A,"y")')).toBe(
      'COUNTIFS(A:A,"x")+_xlfn.MAXIFS(B:B,A:A,"y")',
    );
  });

  it('knows what filling a formula down changes: relative rows only', () => {
    const f = 'IF($O4="Quá hạn",COUNTIF($O$4:$O4,"Quá hạn")+SUM(B4:C5)+LOG10(4),"A4")';
    const t = formulaTemplate(f)!;
    expect(shiftedFormula(t, 0)).toBe(f);
    expect(shiftedFormula(t, 3)).toBe(
      'IF($O7="Quá hạn",COUNTIF($O$4:$O7,"Quá hạn")+SUM(B7:C8)+LOG10(4),"A4")',
    );
    const g = "INDEX('Nhiệm vụ 2'!$I:$I,$K8)+ROWS(8:$9)+NgayBaoCao+Sheet2!B8";
    expect(shiftedFormula(formulaTemplate(g)!, 1)).toBe(
      "INDEX('Nhiệm vụ 2'!$I:$I,$K9)+ROWS(9:$9)+NgayBaoCao+Sheet2!B9",
    );
    expect(formulaTemplate('SUM(Bang[Tiến độ])')).toBeNull();
  });

  it('names the problem of an unwritable formula', () => {
    expect(formulaProblem('SUM(A1:A3)')).toBeNull();
    expect(formulaProblem(' =SUM(A1)')).toMatch(/"="/);
    expect(formulaProblem('XLOOKUP(1,A:A,B:B)')).toMatch(/XLOOKUP/);
    expect(formulaProblem('"FILTER(" & A1')).toBeNull();
  });
});
