// The .xlsx writer's own parts, one case per feature of docs/xlsx-writer.md ("What the writer
// writes") that the sample workbook (xlsx.test.ts) does not show: notes, protection, numbers
// stored as text, page breaks, shared formulas and their stored results, Excel's "_xHHHH_"
// escapes, cells of several blocks in one row, and the worksheet's element order. Each is read
// back as raw XML and, where a second reader can tell, with ExcelJS.
import ExcelJS from 'exceljs';
import { renderXlsx } from '../../src/render/xlsx';
import { openWorkbook } from '../../src/readers/xlsx';
import type { Cell, SheetLayout, WorkbookLayout } from '../../src/layout/types';
import { withoutCalculatedColumns } from '../helpers/exceljs';
import { arr, get, XlsxParts, xlsxProblems, type Xml } from './helpers/xlsx-parts';
import { sampleLayout } from './sample-layout';

function sheet(
  name: string,
  blocks: SheetLayout['blocks'],
  more: Partial<SheetLayout> = {},
): SheetLayout {
  return {
    key: name,
    kind: 'tasks',
    name,
    marker: `PhuLuc_${name.replace(/\W/g, '')}`,
    columns: [{ width: 10 }, { width: 20 }, { width: 12 }, { width: 12 }],
    blocks,
    conditionalFormats: [],
    dataValidations: [],
    print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: true },
    ...more,
  };
}

function book(sheets: SheetLayout[], styles: WorkbookLayout['styles'] = {}): WorkbookLayout {
  return {
    sheets,
    names: [],
    styles,
    activeSheet: sheets[0]!.name,
    properties: { title: 't', subject: 's', creator: 'PhuLuc', description: 'd' },
  };
}

async function write(layout: WorkbookLayout): Promise<{ bytes: Uint8Array; parts: XlsxParts }> {
  const bytes = await renderXlsx(layout);
  expect(xlsxProblems(bytes)).toEqual([]);
  return { bytes, parts: new XlsxParts(bytes) };
}

async function excelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await withoutCalculatedColumns(bytes)) as unknown as ExcelJS.Buffer);
  return wb;
}

/** CT_Worksheet's elements, in the order the schema requires them. */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetProtection',
  'mergeCells',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'ignoredErrors',
  'legacyDrawing',
  'tableParts',
];

describe('notes', () => {
  const note = 'Ghi chú <của> "Sở" & phòng\ndòng hai';
  let bytes: Uint8Array;
  let parts: XlsxParts;
  beforeAll(async () => {
    const layout = sampleLayout();
    const tasks = layout.sheets.find((s) => s.name === 'Nhiệm vụ')!;
    tasks.blocks[0]!.rows[0]![0]!.note = note;
    const unit = layout.sheets.find((s) => s.kind === 'unit')!;
    unit.blocks[0]!.rows[0]![0]!.note = 'Đơn vị';
    ({ bytes, parts } = await write(layout));
  });

  it('writes each note in a comments part with its drawing, related from its sheet', () => {
    for (const name of ['Nhiệm vụ', "Sở O'Neil & Cộng sự"]) {
      const rels = [...parts.relsOf(parts.sheetPaths.get(name)!).values()];
      const comments = rels.find((p) => /comments\d+\.xml$/.test(p))!;
      const drawing = rels.find((p) => /vmlDrawing\d+\.vml$/.test(p))!;
      expect(parts.files.has(comments)).toBe(true);
      expect(parts.text(drawing)).toMatch(/ObjectType="Note"/);
      expect(get(parts.sheet(name), 'legacyDrawing', '@r:id')).toBeDefined();
    }
    const tasksRels = parts.relsOf(parts.sheetPaths.get('Nhiệm vụ')!);
    const comments = parts.xml([...tasksRels.values()].find((p) => /comments/.test(p))!);
    const list = arr(get(comments, 'comments', 'commentList', 'comment'));
    expect(list.map((c) => c['@ref'])).toEqual(['A1']);
    // Each drawing's shapes have ids of their own (two sheets, two blocks of 1,024).
    const ids = [...parts.files.keys()]
      .filter((p) => p.endsWith('.vml'))
      .flatMap((p) => [...parts.text(p).matchAll(/<v:shape id="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(2);
  });

  it('reads back with the same text in another reader', async () => {
    const wb = await excelJs(bytes);
    const cell = wb.getWorksheet('Nhiệm vụ')!.getCell('A1');
    const text = cell.note as unknown as { texts: { text: string }[] } | string;
    expect(typeof text === 'string' ? text : text.texts.map((t) => t.text).join('')).toBe(note);
  });
});

describe('protection and numbers stored as text', () => {
  it('protects the sheet but for the unlocked cells, and silences "number stored as text"', async () => {
    const layout = book(
      [
        sheet('Nhập', [{ origin: 'A1', rows: [[{ text: '1.2' }, { text: '', style: 'entry' }]] }], {
          protect: true,
          textNumbers: ['A1:A3'],
        }),
      ],
      { entry: { locked: false, fill: 'FFF2CC' } },
    );
    const { bytes, parts } = await write(layout);
    const ws = parts.sheet('Nhập');
    const protection = get(ws, 'sheetProtection') as Xml;
    expect(protection['@sheet']).toBe('1');
    // What people may still do: "0" opens it.
    for (const open of ['@formatColumns', '@formatRows', '@sort', '@autoFilter'])
      expect(protection[open]).toBe('0');
    expect(get(ws, 'ignoredErrors', 'ignoredError', '@sqref')).toBe('A1:A3');
    expect(get(ws, 'ignoredErrors', 'ignoredError', '@numberStoredAsText')).toBe('1');
    const xfs = arr(get(parts.xml('xl/styles.xml'), 'styleSheet', 'cellXfs', 'xf'));
    const entry = xfs[Number(parts.cells('Nhập').get('B1')!.s)]!;
    expect(get(entry, 'protection', '@locked')).toBe('0');
    const wb = await excelJs(bytes);
    expect(wb.getWorksheet('Nhập')!.getCell('B1').protection).toMatchObject({ locked: false });
    expect(wb.getWorksheet('Nhập')!.getCell('A1').protection).toBeUndefined();
  });
});

describe('printing', () => {
  it.each<[string, Partial<SheetLayout['print']>, (ws: Xml) => void]>([
    [
      'a page break before row 5 is stored after row 4',
      { rowBreaks: [5, 1] },
      (ws) => {
        const breaks = arr(get(ws, 'rowBreaks', 'brk'));
        expect(breaks.map((b) => [b['@id'], b['@man']])).toEqual([['4', '1']]);
      },
    ],
    [
      'a scale without fitting, pages across first, centred, own margins',
      {
        fitToWidth: false,
        scale: 85,
        pageOrder: 'overThenDown',
        centerHorizontally: true,
        margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
      },
      (ws) => {
        expect(get(ws, 'sheetPr', 'pageSetUpPr')).toBeUndefined();
        expect(get(ws, 'pageSetup', '@scale')).toBe('85');
        expect(get(ws, 'pageSetup', '@fitToWidth')).toBeUndefined();
        expect(get(ws, 'pageSetup', '@pageOrder')).toBe('overThenDown');
        expect(get(ws, 'printOptions', '@horizontalCentered')).toBe('1');
        expect(get(ws, 'pageMargins', '@left')).toBe('0.3');
      },
    ],
    [
      'fit to one page wide and two tall',
      { fitToWidth: true, fitToHeight: 2 },
      (ws) => {
        expect(get(ws, 'sheetPr', 'pageSetUpPr', '@fitToPage')).toBe('1');
        expect(get(ws, 'pageSetup', '@fitToWidth')).toBe('1');
        expect(get(ws, 'pageSetup', '@fitToHeight')).toBe('2');
        expect(get(ws, 'pageSetup', '@paperSize')).toBe('9');
      },
    ],
  ])('%s', async (_, print, check) => {
    const base = sheet('In', [{ origin: 'A1', rows: [[{ text: 'x' }]] }]);
    const { parts } = await write(book([{ ...base, print: { ...base.print, ...print } }]));
    check(parts.sheet('In'));
  });
});

describe('cells', () => {
  const f = (formula: string, value?: Cell['value']): Cell =>
    value === undefined ? { formula } : { formula, value };

  it('stores a filled-down run once, each cell with its result, and breaks the run where the shape changes', async () => {
    const layout = book([
      sheet('Công thức', [
        {
          origin: 'A1',
          rows: [
            [{ number: 1 }, f('A1*2', 2), f('IF(A1>1,"lớn","nhỏ")', 'nhỏ'), f('A1>0', true)],
            [{ number: 2 }, f('A2*2', 4), f('IF(A2>1,"lớn","nhỏ")', 'lớn'), f('A2>0', true)],
            [{ number: 3 }, f('A3*2', 6), f('IF(A3>1,"lớn","nhỏ")', 'lớn'), f('A3>0', true)],
            [{ number: 4 }, f('A4*3', 12), f('IF(A4>1,"lớn","nhỏ")', ''), f('A4>0')],
          ],
        },
      ]),
    ]);
    const { bytes, parts } = await write(layout);
    const row = (r: number): Xml[] =>
      arr(arr(get(parts.sheet('Công thức'), 'sheetData', 'row'))[r - 1]!['c']);
    const b1 = get(row(1)[1], 'f') as Xml;
    expect([b1['@t'], b1['@ref'], b1['#text']]).toEqual(['shared', 'B1:B3', 'A1*2']);
    expect(get(row(2)[1], 'f', '@si')).toBe(b1['@si']);
    // B4's shape differs: a formula of its own.
    expect(get(row(4)[1], 'f')).toBe('A4*3');
    const c1 = get(row(1)[2], 'f') as Xml;
    expect(c1['@ref']).toBe('C1:C4');
    expect(c1['@si']).not.toBe(b1['@si']);
    // Stored results: a number, a text (t="str"), an empty text, a boolean, none.
    expect([row(1)[1]!['v'], row(1)[1]!['@t']]).toEqual(['2', undefined]);
    expect([row(2)[2]!['v'], row(2)[2]!['@t']]).toEqual(['lớn', 'str']);
    expect([row(4)[2]!['v'], row(4)[2]!['@t']]).toEqual(['', 'str']);
    expect([row(1)[3]!['v'], row(1)[3]!['@t']]).toEqual(['1', 'b']);
    expect(row(4)[3]!['v']).toBeUndefined();
    const ws = (await excelJs(bytes)).getWorksheet('Công thức')!;
    expect(ws.getCell('B3').formula).toBe('A3*2');
    expect(ws.getCell('C3').formula).toBe('IF(A3>1,"lớn","nhỏ")');
    expect(ws.getCell('C3').result).toBe('lớn');
  });

  it('keeps "_xHHHH_" in a text as written (Excel would read it as a character)', async () => {
    const texts = ['mã _x0041_ và _x000D_', 'A_x_B', '_x005F_'];
    const { bytes, parts } = await write(
      book([sheet('Chữ', [{ origin: 'A1', rows: [texts.map((text) => ({ text }))] }])]),
    );
    expect(parts.text('xl/sharedStrings.xml')).toContain('_x005F_x0041_');
    const read = openWorkbook(bytes);
    const cells = read.sheet('Chữ');
    expect(texts.map((_, i) => cells.cell(1, i + 1)?.value)).toEqual(
      texts.map((text) => ({ type: 'text', text })),
    );
  });

  it('writes the cells of blocks side by side in column order, and heights of empty rows', async () => {
    const layout = book([
      sheet(
        'Khối',
        [
          { origin: 'C2', rows: [[{ text: 'phải' }], [{ text: 'phải 2' }]] },
          { origin: 'A2', rows: [[{ text: 'trái' }, { number: 7 }]] },
        ],
        { rowHeights: { 1: 30, 2: 45 } },
      ),
    ]);
    const { parts } = await write(layout);
    const rows = arr(get(parts.sheet('Khối'), 'sheetData', 'row'));
    expect(rows.map((r) => [r['@r'], r['@ht'], arr(r['c']).map((c) => c['@r'])])).toEqual([
      ['1', '30', []],
      ['2', '45', ['A2', 'B2', 'C2']],
      ['3', undefined, ['C3']],
    ]);
    expect(get(parts.sheet('Khối'), 'dimension', '@ref')).toBe('A2:C3');
  });
});

describe('the worksheet', () => {
  it('writes its elements in the order the file format requires', async () => {
    const layout = sampleLayout();
    const tasks = layout.sheets.find((s) => s.name === 'Nhiệm vụ')!;
    tasks.blocks[0]!.rows[0]![0]!.note = 'ghi chú';
    tasks.protect = true;
    tasks.textNumbers = ['A4:A6'];
    tasks.print.rowBreaks = [5];
    tasks.print.centerHorizontally = true;
    tasks.merges = ['A1:B1'];
    const { parts } = await write(layout);
    const seen = new Set<string>();
    for (const name of parts.sheetNames) {
      const xml = parts.text(parts.sheetPaths.get(name)!);
      const body = xml.slice(xml.indexOf('>', xml.indexOf('<worksheet')) + 1);
      const top: string[] = [];
      let depth = 0;
      for (const m of body.matchAll(/<(\/?)([A-Za-z:]+)[^>]*?(\/?)>/g)) {
        if (m[1]) depth--;
        else {
          if (depth === 0) top.push(m[2]!);
          if (!m[3]) depth++;
        }
      }
      const order = top.filter((t, i) => t !== top[i - 1]).map((t) => WORKSHEET_ORDER.indexOf(t));
      expect(order).not.toContain(-1);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const t of top) seen.add(t);
    }
    // The sample writes every element of the list somewhere.
    expect([...seen].sort()).toEqual([...WORKSHEET_ORDER].sort());
  });
});

describe('the zip', () => {
  it('holds the same parts whether fflate or the command line’s zlib deflates them', async () => {
    const { nodeCompressor } = await import('../../src/cli/compressor');
    const layout = sampleLayout();
    const page = new XlsxParts(await renderXlsx(layout));
    const cliBytes = await renderXlsx(layout, { compressor: nodeCompressor });
    expect(xlsxProblems(cliBytes)).toEqual([]);
    const cli = new XlsxParts(cliBytes);
    expect([...cli.files.keys()]).toEqual([...page.files.keys()]);
    expect([...cli.files.keys()][0]).toBe('[Content_Types].xml');
    for (const [name, data] of page.files) expect(cli.files.get(name)!.equals(data)).toBe(true);
    // Other readers open it: PhuLuc's own and ExcelJS's (JSZip).
    expect(openWorkbook(cliBytes).sheets.map((s) => s.name)).toEqual(page.sheetNames);
    expect((await excelJs(cliBytes)).getWorksheet('Nhiệm vụ')!.getCell('B5').value).toBe('=1+1');
  });
});
