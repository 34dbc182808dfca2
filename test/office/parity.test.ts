// The two doors hold the same workbook: the layout written by the Office.js renderer into the
// Excel double, and the .xlsx the ExcelJS renderer writes for the same seed (read back with
// ExcelJS), have the same sheet names, cells, formulas, number formats, merges, conditional
// formats, data validations, defined names and tables.

import ExcelJS from 'exceljs';
import { parsePlanText } from '../../src/core/plan/parse';
import { layoutWorkbook } from '../../src/layout';
import { buildWorkbook } from '../../src/office/rebuild';
import { renderXlsx } from '../../src/render/xlsx';
import { widthToPoints } from '../../src/render/office';
import { ExcelDouble, type SheetState } from '../excel-double';
import { cellName, colName, parseRect, rectName } from '../excel-double/a1';
import { seedNamed, seedText } from '../helpers/seeds';
import { withoutCalculatedColumns } from '../helpers/exceljs';
import { arr, get, XlsxParts, type Xml } from '../render/helpers/xlsx-parts';

const OPTIONS = {
  reportDate: '2019-06-01',
  language: 'vi' as const,
  dueSoonDays: 7,
  groupSheets: false,
};
const DAY = 86_400_000;

/** One spelling for sheet references: quoted only when the name needs it. */
function normFormula(f: string): string {
  return f
    .replace(/^=/, '')
    .replace(/'([A-Za-z_][A-Za-z0-9_.]*)'!/g, '$1!')
    .replace(/\s+/g, '');
}

type CellSummary = { v?: unknown; f?: string; nf?: string };

function fromDouble(excel: ExcelDouble, sheet: SheetState): Map<string, CellSummary> {
  const out = new Map<string, CellSummary>();
  for (const [k, cell] of sheet.cells) {
    const r = Math.floor(k / 16384);
    const c = k % 16384;
    const s: CellSummary = {};
    if (cell.formula) s.f = normFormula(cell.formula);
    else if (cell.value !== null) s.v = cell.value;
    if (cell.numberFormat !== 'General') s.nf = cell.numberFormat;
    if (Object.keys(s).length > 0) out.set(cellName(r, c), s);
  }
  return out;
}

function fromXlsx(ws: ExcelJS.Worksheet): Map<string, CellSummary> {
  const out = new Map<string, CellSummary>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const s: CellSummary = {};
      // A merged cell other than the top-left one shows the top-left's value: it has none.
      const slave = cell.type === ExcelJS.ValueType.Merge;
      const formula = slave ? undefined : (cell.formula as string | undefined);
      const v = slave ? null : cell.value;
      if (formula) s.f = normFormula(formula);
      else if (v instanceof Date) s.v = Math.round((v.getTime() - Date.UTC(1899, 11, 30)) / DAY);
      else if (v !== null && v !== undefined && typeof v !== 'object') s.v = v;
      else if (v && typeof v === 'object' && 'text' in v) s.v = (v as { text: string }).text;
      const nf = cell.numFmt;
      if (nf && nf !== 'General') s.nf = nf;
      if (Object.keys(s).length > 0) out.set(cell.address, s);
    });
  });
  return out;
}

function expandRange(ref: string): string[] {
  const out: string[] = [];
  for (const part of ref.split(/\s+/)) {
    const r = parseRect(part.replace(/\$/g, ''))!;
    for (let row = r.r0; row <= r.r1; row++)
      for (let c = r.c0; c <= r.c1; c++) out.push(cellName(row, c));
  }
  return out;
}

describe.each(['000', '002', '004'])('seed %s: the Office.js and .xlsx doors agree', (prefix) => {
  const plan = parsePlanText(seedText(seedNamed(prefix)));
  const layout = layoutWorkbook(plan, OPTIONS);
  const excel = new ExcelDouble();
  const book = new ExcelJS.Workbook();
  let office: SheetState[] = [];
  let parts: XlsxParts;

  beforeAll(async () => {
    excel.addSheet('Sheet1');
    await buildWorkbook(excel, { plan, options: OPTIONS });
    office = excel.state.sheets.filter((s) => s.name !== 'Sheet1');
    const bytes = await renderXlsx(layout);
    parts = new XlsxParts(bytes);
    await book.xlsx.load((await withoutCalculatedColumns(bytes)) as unknown as ExcelJS.Buffer);
  });

  test('sheet names, in order', () => {
    expect(office.map((s) => s.name)).toEqual(book.worksheets.map((w) => w.name));
  });

  test('cells: values, formulas and number formats', () => {
    for (const sheet of office) {
      const ws = book.getWorksheet(sheet.name)!;
      const a = fromDouble(excel, sheet);
      const b = fromXlsx(ws);
      // Styled empty cells exist on one side and not the other; compare what both hold.
      const keys = new Set([...a.keys(), ...b.keys()]);
      for (const k of keys) {
        const x = a.get(k) ?? {};
        const y = b.get(k) ?? {};
        expect({ sheet: sheet.name, cell: k, ...x }).toEqual({ sheet: sheet.name, cell: k, ...y });
      }
    }
  });

  test('merges, column widths, hidden columns, frozen panes, tab colours', () => {
    for (const sheet of office) {
      const ws = book.getWorksheet(sheet.name)!;
      const merges = (ws.model as unknown as { merges: string[] }).merges ?? [];
      expect(sheet.merges.map(rectName).sort()).toEqual([...merges].sort());
      const layoutSheet = layout.sheets.find((s) => s.name === sheet.name)!;
      layoutSheet.columns.forEach((col, i) => {
        // Widths: points in Office.js, characters in the file; compared through the layout.
        expect(sheet.columnWidths.get(i)).toBe(widthToPoints(col.width));
        // Every column's width is in the file (a width of 9 too: see src/render/xlsx/sheet.ts).
        expect(ws.getColumn(i + 1).width).toBeCloseTo(col.width, 2);
        expect(sheet.hiddenColumns.has(i)).toBe(ws.getColumn(i + 1).hidden === true);
      });
      const view = ws.views[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
      const frozen =
        view?.state === 'frozen' ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : null;
      expect(sheet.freeze).toEqual(frozen);
      const tab = (ws.properties.tabColor as { argb?: string } | undefined)?.argb;
      expect(sheet.tabColor).toBe(tab ? `#${tab.slice(2)}` : '');
    }
  });

  test('conditional formats: ranges, formulas, order, colours', () => {
    for (const sheet of office) {
      const ws = book.getWorksheet(sheet.name)!;
      // ExcelJS reads conditional formats into `conditionalFormattings` (not in its typings).
      const read = (
        ws as unknown as { conditionalFormattings?: { ref: string; rules: unknown[] }[] }
      ).conditionalFormattings;
      const xlsx = (read ?? [])
        .flatMap((cf) =>
          cf.rules.map((rule) => {
            const r = rule as {
              priority?: number;
              formulae?: string[];
              style?: {
                fill?: { bgColor?: { argb?: string } };
                font?: { color?: { argb?: string } };
              };
            };
            return {
              priority: r.priority ?? 0,
              range: cf.ref,
              formula: normFormula(String(r.formulae?.[0] ?? '')),
              fill: r.style?.fill?.bgColor?.argb?.slice(2) ?? null,
              font: r.style?.font?.color?.argb?.slice(2) ?? null,
            };
          }),
        )
        .sort((p, q) => p.priority - q.priority)
        .map(({ priority: _p, ...rest }) => rest);
      const double = sheet.conditionalFormats.map((cf) => ({
        range: rectName(cf.rect),
        formula: normFormula(cf.formula ?? ''),
        fill: cf.fill?.slice(1) ?? null,
        font: cf.fontColor?.slice(1) ?? null,
      }));
      expect(double).toEqual(xlsx);
    }
  });

  test('data validations, cell by cell', () => {
    for (const sheet of office) {
      const ws = book.getWorksheet(sheet.name)!;
      const model = (
        ws as unknown as {
          dataValidations: {
            model: Record<
              string,
              {
                type: string;
                formulae?: unknown[];
                allowBlank?: boolean;
                promptTitle?: string;
                errorTitle?: string;
              }
            >;
          };
        }
      ).dataValidations.model;
      const xlsx = new Map<string, unknown>();
      for (const [ref, dv] of Object.entries(model)) {
        for (const cell of expandRange(ref)) {
          xlsx.set(cell, {
            type: dv.type,
            formulae: (dv.formulae ?? []).map((f) =>
              f instanceof Date
                ? Math.round((f.getTime() - Date.UTC(1899, 11, 30)) / DAY)
                : normFormula(String(f)),
            ),
            allowBlank: dv.allowBlank === true,
            promptTitle: dv.promptTitle ?? null,
            errorTitle: dv.errorTitle ?? null,
          });
        }
      }
      const double = new Map<string, unknown>();
      for (const dv of sheet.validations) {
        const rule = dv.rule as Record<
          string,
          { source?: string; formula1?: unknown; formula2?: unknown }
        >;
        const [type, body] = Object.entries(rule)[0]!;
        const formulae =
          type === 'list'
            ? [normFormula(String(body.source))]
            : [body.formula1, body.formula2]
                .filter((x) => x !== undefined)
                .map((x) =>
                  typeof x === 'string' && /^\d{4}-/.test(x)
                    ? Math.round((Date.parse(x) - Date.UTC(1899, 11, 30)) / DAY)
                    : normFormula(String(x)),
                );
        for (let r = dv.rect.r0; r <= dv.rect.r1; r++)
          for (let c = dv.rect.c0; c <= dv.rect.c1; c++) {
            double.set(`${colName(c)}${r + 1}`, {
              type,
              formulae,
              allowBlank: dv.ignoreBlanks,
              promptTitle: dv.prompt?.title ?? null,
              errorTitle: dv.errorAlert?.title ?? null,
            });
          }
      }
      expect(Object.fromEntries(double)).toEqual(Object.fromEntries(xlsx));
    }
  });

  test('defined names and tables', () => {
    const xlsxNames = Object.fromEntries(
      (book.definedNames.model as { name: string; ranges: string[] }[]).map((n) => [
        n.name,
        normFormula(n.ranges.join(',')),
      ]),
    );
    const doubleNames = Object.fromEntries(
      excel.state.names.map((n) => [n.name, normFormula(n.formula)]),
    );
    expect(doubleNames).toEqual(xlsxNames);
    for (const sheet of office) {
      const ws = book.getWorksheet(sheet.name)!;
      const tables = Object.values(
        (ws as unknown as { tables: Record<string, { table: { name: string; tableRef: string } }> })
          .tables ?? {},
      ).map((t) => ({
        name: t.table.name,
        ref: t.table.tableRef,
      }));
      const double = excel.state.tables
        .filter((t) => t.sheet === sheet)
        .map((t) => ({ name: t.name, ref: rectName(t.rect) }));
      expect(double).toEqual(tables);
    }
  });

  test('protection: the same sheets protected, the same cells left open, filter and sort allowed', () => {
    for (const sheet of office) {
      const ws = parts.sheet(sheet.name);
      const protection = get(ws, 'sheetProtection') as Xml | undefined;
      const xlsx = protection
        ? {
            protected: protection['@sheet'] === '1',
            // "0" in the file: the action stays allowed; no password.
            sort: protection['@sort'] === '0',
            autoFilter: protection['@autoFilter'] === '0',
            password:
              protection['@hashValue'] !== undefined || protection['@password'] !== undefined,
          }
        : { protected: false };
      const double = sheet.protection.protected
        ? {
            protected: true,
            sort: sheet.protection.options.allowSort,
            autoFilter: sheet.protection.options.allowAutoFilter,
            password: sheet.protection.options.password === true,
          }
        : { protected: false };
      expect({ sheet: sheet.name, ...double }).toEqual({ sheet: sheet.name, ...xlsx });
      // Unlocked cells: the entry cells (report date, labels, the master list's entries).
      const wsx = book.getWorksheet(sheet.name)!;
      const open = (locked: (r: number, c: number) => boolean | undefined): string[] => {
        const out: string[] = [];
        wsx.eachRow({ includeEmpty: false }, (row, r) =>
          row.eachCell({ includeEmpty: true }, (_cell, c) => {
            if (locked(r - 1, c - 1) === false) out.push(cellName(r - 1, c - 1));
          }),
        );
        return out.sort();
      };
      const fromXlsx = open((r, c) => wsx.getCell(r + 1, c + 1).protection?.locked);
      const fromDouble = open((r, c) => excel.state.cell(sheet, r, c)?.format.locked);
      expect({ sheet: sheet.name, open: fromDouble }).toEqual({
        sheet: sheet.name,
        open: fromXlsx,
      });
    }
    const protectedSheets = office.filter((s) => s.protection.protected).map((s) => s.name);
    expect(protectedSheets).toContain('Tổng hợp');
    expect(protectedSheets).toContain('Cài đặt');
    expect(protectedSheets).not.toContain('Nhiệm vụ');
  });

  test('calculated columns: the same formula for the same columns of the task table', () => {
    const task = layout.sheets.find((s) => s.kind === 'tasks')!;
    const tablePath = [...parts.files.keys()].find(
      (f) =>
        /^xl\/tables\//.test(f) && String(get(parts.xml(f), 'table', '@name')) === task.table!.name,
    )!;
    const columns = arr(get(parts.xml(tablePath), 'table', 'tableColumns', 'tableColumn'));
    const xlsx: Record<string, string> = {};
    for (const col of columns) {
      const f = col['calculatedColumnFormula'];
      if (f !== undefined) xlsx[String(col['@name'])] = normFormula(String(f));
    }
    const table = excel.state.tables.find((t) => t.name === task.table!.name)!;
    const double: Record<string, string> = {};
    for (const [offset, f] of table.calculated)
      double[task.table!.columns[offset]!] = normFormula(f);
    expect(Object.keys(double)).toEqual(Object.keys(task.table!.calculated!));
    expect(double).toEqual(xlsx);
  });
});

describe.each(['000', '004'])('seed %s: both doors print the same pages', (prefix) => {
  const plan = parsePlanText(seedText(seedNamed(prefix)));
  const layout = layoutWorkbook(plan, OPTIONS);
  const excel = new ExcelDouble();
  let office: SheetState[] = [];
  let parts: XlsxParts;

  beforeAll(async () => {
    excel.addSheet('Sheet1');
    await buildWorkbook(excel, { plan, options: OPTIONS });
    office = excel.state.sheets.filter((s) => s.name !== 'Sheet1');
    parts = new XlsxParts(await renderXlsx(layout));
  });

  test('orientation, scale, print area and titles, page order, margins, breaks, header, footer', () => {
    const names = arr(get(parts.xml('xl/workbook.xml'), 'workbook', 'definedNames', 'definedName'));
    const sheetNames = office.map((s) => s.name);
    const named = (name: string, index: number): string | null => {
      const n = names.find((d) => d['@name'] === name && Number(d['@localSheetId']) === index) as
        Xml | undefined;
      return n ? String(n['#text']) : null;
    };
    office.forEach((sheet, index) => {
      const ws = parts.sheet(sheet.name);
      const setup = get(ws, 'pageSetup') as Xml;
      const fit = get(ws, 'sheetPr', 'pageSetUpPr', '@fitToPage') === '1';
      const page = sheet.page;
      expect({ sheet: sheet.name, orientation: page.orientation }).toEqual({
        sheet: sheet.name,
        orientation: setup['@orientation'] === 'landscape' ? 'Landscape' : 'Portrait',
      });
      if (fit) {
        expect(page.zoom.horizontalFitToPages).toBe(1);
        expect(page.zoom.verticalFitToPages ?? 0).toBe(Number(setup['@fitToHeight'] ?? 1));
      } else {
        expect(page.zoom.scale).toBe(Number(setup['@scale']));
      }
      const titles = named('_xlnm.Print_Titles', index);
      const quoted = (text: string): string => text.replace(/'[^']*'!/g, '');
      const rows = titles ? /\$(\d+):\$(\d+)/.exec(titles) : null;
      const cols = titles ? /\$([A-Z]+):\$([A-Z]+)/.exec(quoted(titles)) : null;
      expect(page.printTitleRows).toBe(rows ? `$${rows[1]}:$${rows[2]}` : null);
      expect(page.printTitleColumns).toBe(cols ? `$${cols[1]}:$${cols[2]}` : null);
      const area = named('_xlnm.Print_Area', index);
      expect(page.printArea).toBe(area ? quoted(area).replace(/\$/g, '') : null);
      expect(page.printOrder).toBe(
        setup['@pageOrder'] === 'overThenDown' ? 'OverThenDown' : 'DownThenOver',
      );
      const margins = get(ws, 'pageMargins') as Xml;
      expect(page.margins.leftMargin).toBeCloseTo(Number(margins['@left']) * 72, 5);
      expect(page.margins.topMargin).toBeCloseTo(Number(margins['@top']) * 72, 5);
      expect(page.margins.footerMargin).toBeCloseTo(Number(margins['@footer']) * 72, 5);
      const breaks = arr(get(ws, 'rowBreaks', 'brk')).map((b) => Number(b['@id']) + 1);
      expect(page.rowBreaks).toEqual(breaks);
      const hf = get(ws, 'headerFooter') as Xml;
      const join = (h: Record<string, string>, kind: 'Header' | 'Footer'): string =>
        ['left', 'center', 'right']
          .map((side) =>
            h[`${side}${kind}`] ? `&${side[0]!.toUpperCase()}${h[`${side}${kind}`]}` : '',
          )
          .join('');
      expect(join(page.headers, 'Header')).toBe(String(hf['oddHeader']));
      expect(join(page.headers, 'Footer')).toBe(String(hf['oddFooter']));
      expect(sheetNames[index]).toBe(sheet.name);
    });
  });
});
