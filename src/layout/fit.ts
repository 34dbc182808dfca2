// Row heights for wrapped text. Not every spreadsheet program grows a row to fit wrapped text
// when it opens a file, so the layout says how tall each text row should be.

import type { Cell, ColumnLayout } from './types';

const LINE_POINTS = 15;
const MAX_POINTS = 409;

/** Lines a text takes in a column of `width` character units. */
function linesOf(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor(width * 1.15));
  return text
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil([...line].length / perLine)), 0);
}

/**
 * Heights (points) for rows of cells starting at `firstRow` in column `firstColumn`, for rows
 * that need more than one line.
 */
export function fitRowHeights(
  rows: (Cell | null)[][],
  columns: ColumnLayout[],
  firstRow: number,
  firstColumn = 0,
): Record<number, number> {
  const heights: Record<number, number> = {};
  rows.forEach((row, i) => {
    let lines = 1;
    row.forEach((cell, j) => {
      const width = columns[firstColumn + j]?.width;
      if (!cell?.text || !width || columns[firstColumn + j]?.hidden) return;
      lines = Math.max(lines, linesOf(cell.text, width));
    });
    if (lines > 1) heights[firstRow + i] = Math.min(MAX_POINTS, lines * LINE_POINTS + 2);
  });
  return heights;
}

/**
 * A Mã column's width (character units) that holds every Mã on one line — an occurrence's Mã
 * ("V.10/2019-Q1") is long and, wrapped in a one-line row, would be cut — at least `min`.
 */
export function codeColumnWidth(codes: Iterable<string>, min: number): number {
  let longest = 0;
  for (const code of codes) longest = Math.max(longest, [...code].length);
  return Math.max(min, Math.min(40, longest + 2));
}
