// The grid with every character a workbook cannot hold replaced (core/text/legal), and what
// was replaced on which row, so the plan can say so.

import { hasIllegalCharacters, legalTextCounting, type Replaced } from '../text/legal';
import type { Grid } from './types';

export interface LegalGrid {
  grid: Grid;
  /** Row (GridRow.line) → the characters replaced on it. Empty when nothing was. */
  replaced: Map<number, Replaced>;
}

export function legalGrid(grid: Grid): LegalGrid {
  const replaced = new Map<number, Replaced>();
  const rows = grid.rows.map((row) => {
    if (!row.cells.some(hasIllegalCharacters)) return row;
    const counts = replaced.get(row.line) ?? new Map<string, number>();
    replaced.set(row.line, counts);
    return { ...row, cells: row.cells.map((cell) => legalTextCounting(cell, counts)) };
  });
  return { grid: replaced.size > 0 ? { ...grid, rows } : grid, replaced };
}
