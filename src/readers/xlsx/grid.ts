// An .xlsx appendix → grid (src/core/grid/types.ts), for `phuluc parse plan.xlsx` and for the
// page that works without Excel. ExcelJS reads the file; `sheetToGrid` turns a sheet's display
// texts and merged areas into grid rows and holds the rules (pure, so the Office.js range
// reader can share them). No Node APIs: this also runs in the browser.

import ExcelJS from 'exceljs';
import type { Grid, GridRow } from '../core/grid/types';

/** A sheet as display texts: `texts[r][c]` for sheet row r + 1, column c + 1. */
export interface SheetModel {
  texts: string[][];
  /** Cells with a border on any side, same indexing (tables have borders, prose has none). */
  bordered: boolean[][];
  /** Merged areas, 1-based inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
}

/**
 * The rules, in the core's terms:
 * - A merged area's text stays in its top-left cell across columns (the core reads grouped
 *   headers and one-cell section rows that way).
 * - Down a merged area, the text is copied into the rows below, and the row lists the column in
 *   `mergedFromAbove` — but only into rows that start a record of their own (their first cell
 *   is filled and not itself merged from above). A task split over several rows with its STT
 *   merged keeps one STT, and its merged lead unit is not repeated in the continuation rows;
 *   a header's merged "STT" over two header rows stays in the first one.
 * - A row is tabular (a table row) when it has a bordered cell, in sheets whose tables have
 *   borders; otherwise when it has two or more filled cells, or one filled cell inside a block
 *   of table rows. Other rows are prose (the document's head, captions, footers).
 */
export function sheetToGrid(sheet: SheetModel): Grid {
  const texts = sheet.texts.map((row) => [...row]);
  const width = Math.max(0, ...texts.map((r) => r.length));
  const at = (r: number, c: number): string => texts[r]?.[c] ?? '';

  // Covered-from-above cells (0-based) → the merge's top row.
  const coveredFrom = new Map<string, number>();
  for (const m of sheet.merges) {
    for (let r = m.top + 1; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) coveredFrom.set(`${r - 1}:${c - 1}`, m.top - 1);
    }
  }
  let first = width;
  for (let r = 0; r < texts.length; r++) {
    for (let c = 0; c < width; c++) if (at(r, c).trim() !== '' && c < first) first = c;
  }
  if (first === width) first = 0;

  const copied: number[][] = texts.map(() => []);
  const startsRecord = (r: number): boolean =>
    at(r, first).trim() !== '' && !coveredFrom.has(`${r}:${first}`);
  for (const m of sheet.merges) {
    const value = at(m.top - 1, m.left - 1);
    if (value.trim() === '') continue;
    for (let r = m.top; r < m.bottom; r++) {
      if (!startsRecord(r)) continue;
      texts[r]![m.left - 1] = value;
      copied[r]!.push(m.left - 1 - first);
    }
  }

  const filled = (r: number): number => {
    let n = 0;
    for (let c = first; c < width; c++) if (at(r, c).trim() !== '') n++;
    return n;
  };
  const hasBorder = (r: number): boolean => (sheet.bordered[r] ?? []).some(Boolean);
  const useBorders = texts.some((_, r) => filled(r) >= 2 && hasBorder(r));

  const tabular: boolean[] = texts.map((_, r) => {
    const n = filled(r);
    if (n === 0) return false;
    if (useBorders) return hasBorder(r);
    return n >= 2;
  });
  if (!useBorders) {
    // One filled cell inside a block of table rows (page-break blank rows allowed): a task
    // continued in another column, or, between table rows, a section or "…" row.
    const near = (r: number, step: 1 | -1, maxBlanks = 2): number => {
      for (let k = r + step, blanks = 0; k >= 0 && k < texts.length; k += step) {
        if (filled(k) > 0) return k;
        if (++blanks > maxBlanks) break;
      }
      return -1;
    };
    for (let changed = true; changed;) {
      changed = false;
      for (let r = 0; r < texts.length; r++) {
        if (tabular[r] || filled(r) !== 1) continue;
        const prev = near(r, -1);
        if (prev < 0 || !tabular[prev]) continue;
        // Past a run of such rows ("1", "2", "…" of a report form), a table row follows.
        let next = near(r, 1, 0);
        while (next >= 0 && filled(next) === 1 && at(next, first).trim() !== '') {
          next = near(next, 1, 0);
        }
        const nextIsRow = next >= 0 && (tabular[next] || filled(next) >= 1);
        if (at(r, first).trim() === '' || nextIsRow) {
          tabular[r] = true;
          changed = true;
        }
      }
    }
  }

  const rows: GridRow[] = texts.map((row, r) => {
    const cells = row.slice(first, width);
    if (!tabular[r]) {
      const prose = cells.filter((c) => c.trim() !== '');
      return { line: r + 1, cells: prose.length > 0 ? prose : [''], tabular: false };
    }
    // Like a line of text, a row ends at its last filled cell.
    while (cells.length > 1 && cells[cells.length - 1]!.trim() === '') cells.pop();
    const out: GridRow = { line: r + 1, cells, tabular: true };
    if (copied[r]!.length > 0) out.mergedFromAbove = copied[r]!.sort((a, b) => a - b);
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.cells.every((c) => c.trim() === '')) rows.pop();
  return { source: 'sheet', rows };
}

// ---------------------------------------------------------------------------------------------
// Display texts, the way Excel shows them (dates as dd/mm/yyyy).

const EPOCH_MS = Date.UTC(1899, 11, 30);

function ddmmyyyy(date: Date): string {
  const d = String(date.getUTCDate()).padStart(2, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${d}/${m}/${date.getUTCFullYear()}`;
}

/** A number format that shows a date (d or y outside quotes, brackets and escapes). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(bare);
}

function numberText(value: number, format: string | undefined): string {
  if (isDateFormat(format)) return ddmmyyyy(new Date(EPOCH_MS + Math.round(value) * 86_400_000));
  if (format && /%/.test(format.replace(/"[^"]*"/g, ''))) {
    const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

type Rich = { richText: { text: string }[] };
const isRich = (v: unknown): v is Rich =>
  typeof v === 'object' && v !== null && Array.isArray((v as Rich).richText);

function valueText(value: unknown, format: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, format);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return ddmmyyyy(value);
  if (isRich(value)) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; error?: unknown; formula?: unknown };
    if ('hyperlink' in v) return valueText(v.text, format);
    if ('formula' in v || 'sharedFormula' in v) return valueText(v.result, format);
    if (v.error !== undefined) return String(v.error);
  }
  return '';
}

/** The sheet as display texts, borders and merges. */
export function sheetModel(ws: ExcelJS.Worksheet): SheetModel {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const texts: string[][] = [];
  const bordered: boolean[][] = [];
  const masters = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  for (let r = 1; r <= rows; r++) {
    const textRow: string[] = [];
    const borderRow: boolean[] = [];
    const row = ws.getRow(r);
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      const border = cell.border;
      borderRow.push(!!border && Object.values(border).some((side) => !!side?.style));
      if (cell.isMerged) {
        const master = cell.master;
        const key = master.address;
        const box = masters.get(key) ?? {
          top: Number(master.row),
          left: Number(master.col),
          bottom: r,
          right: c,
        };
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, c);
        masters.set(key, box);
        if (master !== cell) {
          textRow.push('');
          continue;
        }
      }
      textRow.push(valueText(cell.value, cell.numFmt));
    }
    texts.push(textRow);
    bordered.push(borderRow);
  }
  return { texts, bordered, merges: [...masters.values()] };
}

export interface XlsxBook {
  /** Worksheets in order, with their visibility. */
  sheets: { name: string; hidden: boolean }[];
  /** The sheet shown when the file opens (visible). */
  active: string;
  grid(sheet: string): Grid;
}

export class XlsxReadError extends Error {}

/** Opens an .xlsx file for reading its sheets as grids. */
export async function openXlsx(bytes: Uint8Array): Promise<XlsxBook> {
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings name its own Buffer type; it reads any Uint8Array (library boundary).
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new XlsxReadError(`not a readable .xlsx file (${detail})`);
  }
  const sheets = wb.worksheets.map((ws) => ({ name: ws.name, hidden: ws.state !== 'visible' }));
  if (sheets.length === 0) throw new XlsxReadError('the workbook has no worksheet');
  const activeTab = wb.views?.[0]?.activeTab ?? 0;
  const visible = sheets.filter((s) => !s.hidden);
  const active =
    sheets[activeTab] && !sheets[activeTab].hidden
      ? sheets[activeTab].name
      : (visible[0] ?? sheets[0]!).name;
  return {
    sheets,
    active,
    grid(name: string): Grid {
      const ws =
        wb.getWorksheet(name) ??
        wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
      if (!ws) throw new XlsxReadError(`no sheet "${name}"`);
      return sheetToGrid(sheetModel(ws));
    },
  };
}

/** One sheet of an .xlsx file (the one shown on opening by default) as a grid. */
export async function readXlsxGrid(bytes: Uint8Array, sheet?: string): Promise<Grid> {
  const book = await openXlsx(bytes);
  return book.grid(sheet ?? book.active);
}
