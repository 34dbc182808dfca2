// Table rows with row and column spans (an HTML table, a Word table, a PDF table read off its
// ruling lines) → grid rows. One rule for every source that knows its merged cells.

import type { GridRow } from './types';

/** One cell as its source gives it: its text and how many columns and rows it covers. */
export interface SpanCell {
  text: string;
  colspan: number;
  rowspan: number;
}

/**
 * Lays out table rows on a rectangle. Each row lists its cells left to right, leaving out the
 * places covered by a cell above that spans rows (as HTML does). A cell spanning columns is
 * followed by empty cells. A cell spanning rows is copied into the rows below, listed in
 * `mergedFromAbove` — but only into rows that start a record of their own: their first cell is
 * filled and not itself covered by a merge from above. So a header's "STT" merged over two
 * header rows stays in the first (the header reads as one grouped header, as in a document's
 * text), and a task split over rows with its STT merged does not repeat its merged lead unit in
 * the continuation rows. (The same rule as the .xlsx reader's.)
 */
export function layOutSpans(rows: SpanCell[][]): { cells: string[]; mergedFromAbove: number[] }[] {
  const out: { cells: string[]; mergedFromAbove: number[] }[] = [];
  // Column → rows still covered below and the text the merge holds.
  const carry = new Map<number, { left: number; text: string }>();
  for (const row of rows) {
    const cells: string[] = [];
    const covered = new Set<number>();
    const takeCarried = (): void => {
      for (let c = carry.get(cells.length); c; c = carry.get(cells.length)) {
        covered.add(cells.length);
        cells.push(c.text);
        c.left -= 1;
        if (c.left <= 0) carry.delete(cells.length - 1);
      }
    };
    for (const cell of row) {
      takeCarried();
      const start = cells.length;
      cells.push(cell.text);
      for (let k = 1; k < cell.colspan; k++) cells.push('');
      if (cell.rowspan > 1) {
        for (let k = 0; k < cell.colspan; k++) {
          carry.set(start + k, { left: cell.rowspan - 1, text: k === 0 ? cell.text : '' });
        }
      }
    }
    // Merges covering columns after the row's last cell.
    const widest = Math.max(-1, ...carry.keys());
    while (cells.length <= widest) {
      if (carry.has(cells.length)) takeCarried();
      else cells.push('');
    }
    const startsRecord = (cells[0] ?? '').trim() !== '' && !covered.has(0);
    const merged: number[] = [];
    for (const c of covered) {
      if (!startsRecord) cells[c] = '';
      else if (cells[c] !== '') merged.push(c);
    }
    out.push({ cells, mergedFromAbove: merged.sort((a, b) => a - b) });
  }
  // Rectangle: every row as wide as the widest.
  const width = out.reduce((widest, r) => Math.max(widest, r.cells.length), 0);
  for (const r of out) while (r.cells.length < width) r.cells.push('');
  return out;
}

/**
 * Appends a laid-out table to grid rows (line numbers are positions in the grid), then a blank
 * row so two tables never run together. A one-column "table" is a layout box: its rows are prose.
 */
export function pushTable(rows: GridRow[], table: SpanCell[][], blankAfter = true): void {
  for (const r of layOutSpans(table)) {
    const row: GridRow = { line: rows.length + 1, cells: r.cells, tabular: r.cells.length >= 2 };
    if (r.mergedFromAbove.length > 0) row.mergedFromAbove = r.mergedFromAbove;
    rows.push(row);
  }
  if (blankAfter) rows.push({ line: rows.length + 1, cells: [''], tabular: false });
}
