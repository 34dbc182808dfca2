// An .xlsx appendix → grid (src/core/grid/types.ts), for `phuluc parse plan.xlsx` and for the
// page that works without Excel. The workbook reader (./workbook.ts) reads the file;
// `sheetModel` turns a sheet's cells into display texts, and `sheetToGrid` turns those and the
// merged areas into grid rows and holds the rules (pure, so the Office.js range reader can
// share them). No Node APIs: this also runs in the browser.

import type { Grid, GridRow } from '../../core/grid/types';
import { isPercentFormat } from '../../excel/numfmt';
import { viDate } from '../../core/time/calendar';
import {
  DEFAULT_XLSX_LIMITS,
  XlsxReadError,
  type XlsxCell,
  type XlsxLimits,
  type XlsxSheet,
  type XlsxWorkbook,
} from './model';
import { openWorkbook } from './workbook';

/**
 * A sheet as display texts: `texts[r][c]` for sheet row `lines[r]` (r + 1 without `lines`),
 * column c + 1. Rows may be shorter than others (missing cells are empty).
 */
export interface SheetModel {
  texts: string[][];
  /** Cells with a border on any side, same indexing (tables have borders, prose has none). */
  bordered: boolean[][];
  /** Merged areas in the model's rows and columns, 1-based inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** The sheet row of each row of `texts`, when rows were left out. */
  lines?: number[];
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
  let width = 0;
  for (const row of texts) if (row.length > width) width = row.length;
  const at = (r: number, c: number): string => texts[r]?.[c] ?? '';
  const lineOf = (r: number): number => sheet.lines?.[r] ?? r + 1;

  let first = width;
  for (let r = 0; r < texts.length; r++) {
    const row = texts[r]!;
    for (let c = 0; c < row.length && c < first; c++) if ((row[c] ?? '').trim() !== '') first = c;
  }
  if (first === width) first = 0;

  // Rows (0-based) whose first column is covered by a merged area from above.
  const covered = new Set<number>();
  for (const m of sheet.merges) {
    if (m.left - 1 > first || m.right - 1 < first) continue;
    for (let r = m.top; r < m.bottom && r < texts.length; r++) covered.add(r);
  }

  const copied: number[][] = texts.map(() => []);
  const startsRecord = (r: number): boolean => at(r, first).trim() !== '' && !covered.has(r);
  for (const m of sheet.merges) {
    const value = at(m.top - 1, m.left - 1);
    if (value.trim() === '') continue;
    for (let r = m.top; r < m.bottom && r < texts.length; r++) {
      if (!startsRecord(r)) continue;
      const row = texts[r]!;
      while (row.length < m.left - 1) row.push('');
      row[m.left - 1] = value;
      copied[r]!.push(m.left - 1 - first);
    }
  }

  const counts = texts.map((row) => {
    let n = 0;
    for (let c = first; c < row.length; c++) if ((row[c] ?? '').trim() !== '') n++;
    return n;
  });
  const filled = (r: number): number => counts[r]!;
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
    const cells = row.slice(first, width).map((c) => c ?? '');
    if (!tabular[r]) {
      const prose = cells.filter((c) => c.trim() !== '');
      return { line: lineOf(r), cells: prose.length > 0 ? prose : [''], tabular: false };
    }
    // Like a line of text, a row ends at its last filled cell.
    while (cells.length > 1 && cells[cells.length - 1]!.trim() === '') cells.pop();
    const out: GridRow = { line: lineOf(r), cells, tabular: true };
    if (copied[r]!.length > 0) out.mergedFromAbove = copied[r]!.sort((a, b) => a - b);
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.cells.every((c) => c.trim() === '')) rows.pop();
  return { source: 'sheet', rows };
}

// ---------------------------------------------------------------------------------------------
// Display texts, the way Excel shows them (dates as dd/mm/yyyy).

function numberText(value: number, format: string | undefined): string {
  if (isPercentFormat(format)) {
    const decimals = /\.(0+)/.exec(format!)?.[1]?.length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** A cell's text as Excel shows it, near enough for reading an appendix. */
export function displayText(cell: XlsxCell): string {
  const v = cell.value;
  switch (v.type) {
    case 'empty':
      return '';
    case 'text':
      return v.text;
    case 'number':
      return numberText(v.value, cell.numFmt);
    case 'date':
      return viDate(v.iso);
    case 'bool':
      return v.value ? 'TRUE' : 'FALSE';
    case 'error':
      return v.text;
  }
}

/** Columns a grid keeps at most (an appendix has a few dozen). */
export const MAX_GRID_COLUMNS = 256;
/** Blank rows kept in a run: more than any rule of the core counts (captions look 14 rows up, the head 60). */
export const MAX_BLANK_RUN = 64;
/** Cells of a grid's rows together, past which a sheet is not an appendix. */
export const MAX_GRID_CELLS = 10_000_000;

/**
 * The sheet as display texts, borders and merges, built from the cells that exist: rows
 * without text are left out (a run of blank rows is kept up to MAX_BLANK_RUN, which no rule
 * can tell from a longer one), and `lines` gives each row's sheet row. Columns are the sheet's
 * own while the text ends within MAX_GRID_COLUMNS; past that, only columns holding text are
 * kept (the first MAX_GRID_COLUMNS of them). Rows are as long as their last text or border.
 */
export function sheetModel(sheet: XlsxSheet): SheetModel {
  const cells = sheet.cells; // row-major
  // Each cell's text, the columns that hold text, and the rows that do (in order).
  const shown: string[] = new Array<string>(cells.length);
  const textColumns = new Set<number>();
  const textRows: number[] = [];
  let lastTextCol = 0;
  const dates = new Map<string, string>();
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    let text: string;
    if (cell.value.type === 'date') {
      const iso = cell.value.iso;
      text = dates.get(iso) ?? viDate(iso);
      if (dates.size < 10_000) dates.set(iso, text);
    } else text = displayText(cell);
    shown[i] = text;
    if (text === '' || text.trim() === '') continue;
    textColumns.add(cell.col);
    if (cell.col > lastTextCol) lastTextCol = cell.col;
    if (textRows[textRows.length - 1] !== cell.row) textRows.push(cell.row);
  }
  // The sheet columns kept, when not all of the first MAX_GRID_COLUMNS.
  const columns =
    lastTextCol <= MAX_GRID_COLUMNS
      ? null
      : [...textColumns].sort((a, b) => a - b).slice(0, MAX_GRID_COLUMNS);
  const columnIndex = new Map(columns?.map((c, i) => [c, i]));
  /** Sheet column → model column (0-based), or -1 when the column is left out. */
  const colIndex = (col: number): number =>
    columns ? (columnIndex.get(col) ?? -1) : col <= MAX_GRID_COLUMNS ? col - 1 : -1;
  const modelCol = (index: number): number => (columns ? columns[index]! : index + 1);

  // Rows with text, and up to MAX_BLANK_RUN blank rows before each.
  const lines: number[] = [];
  let previous = 0;
  for (const row of textRows) {
    for (let r = Math.max(previous + 1, row - MAX_BLANK_RUN); r < row; r++) lines.push(r);
    lines.push(row);
    previous = row;
  }

  const texts: string[][] = lines.map(() => []);
  const bordered: boolean[][] = lines.map(() => []);
  let size = 0;
  const put = <T>(row: T[], index: number, value: T, pad: T): void => {
    if (index >= row.length) {
      size += index + 1 - row.length;
      if (size > MAX_GRID_CELLS)
        throw new XlsxReadError(
          'too-many-cells',
          `the sheet "${sheet.name}" makes a grid of more than ${MAX_GRID_CELLS.toLocaleString('en')} cells`,
        );
      while (row.length < index) row.push(pad);
      row.push(value);
    } else row[index] = value;
  };
  // Cells and lines are both in row order: walk them together.
  let r = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    while (r < lines.length && lines[r]! < cell.row) r++;
    if (r === lines.length) break;
    if (lines[r] !== cell.row) continue;
    const c = colIndex(cell.col);
    if (c < 0) continue;
    if (cell.bordered) put(bordered[r]!, c, true, false);
    if (shown[i] !== '') put(texts[r]!, c, shown[i]!, '');
  }

  // Merged areas in the model's rows and columns; only their top-left cell keeps its text.
  const firstIndexAtOrAfter = (sorted: number[], value: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const merges: SheetModel['merges'] = [];
  let blanked = 0;
  for (const m of sheet.merges) {
    const top = firstIndexAtOrAfter(lines, m.top);
    const bottom = firstIndexAtOrAfter(lines, m.bottom + 1) - 1;
    let left: number;
    let right: number;
    if (columns) {
      left = firstIndexAtOrAfter(columns, m.left);
      right = firstIndexAtOrAfter(columns, m.right + 1) - 1;
    } else {
      left = m.left - 1;
      right = Math.min(m.right, MAX_GRID_COLUMNS) - 1;
    }
    if (top > bottom || left > right) continue;
    merges.push({ top: top + 1, left: left + 1, bottom: bottom + 1, right: right + 1 });
    const anchored = lines[top] === m.top && modelCol(left) === m.left;
    for (let r = top; r <= bottom && blanked <= MAX_GRID_CELLS; r++) {
      const row = texts[r]!;
      for (let c = left; c <= right && c < row.length; c++, blanked++) {
        if (anchored && r === top && c === left) continue;
        row[c] = '';
      }
    }
  }
  return { texts, bordered, merges, lines };
}

export interface XlsxBook {
  /** Worksheets in order, with their visibility. */
  sheets: { name: string; hidden: boolean }[];
  /** The sheet shown when the file opens (visible). */
  active: string;
  grid(sheet: string): Grid;
  /** The workbook as read, types kept. */
  workbook: XlsxWorkbook;
}

/** Opens an .xlsx file for reading its sheets as grids. Throws XlsxReadError. */
export async function openXlsx(
  bytes: Uint8Array,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): Promise<XlsxBook> {
  const workbook = openWorkbook(bytes, limits);
  const sheets = workbook.sheets
    .filter((s) => s.kind === 'worksheet')
    .map((s) => ({ name: s.name, hidden: s.state !== 'visible' }));
  return {
    sheets,
    active: workbook.activeSheet,
    workbook,
    grid(name: string): Grid {
      return sheetToGrid(sheetModel(workbook.sheet(name)));
    },
  };
}

/** One sheet of an .xlsx file (the one shown on opening by default) as a grid. */
export async function readXlsxGrid(bytes: Uint8Array, sheet?: string): Promise<Grid> {
  const book = await openXlsx(bytes);
  return book.grid(sheet ?? book.active);
}
