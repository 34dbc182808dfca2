// The cells of a grid as a person reads them (`cleanCell`), cleaned once for all the rules that
// read them: the table finder and the row reader look at every cell several times.

import type { GridRow } from '../grid/types';
import { cleanCell } from '../text/cell';

export class CleanCells {
  private readonly cleaned = new Map<GridRow, string[]>();
  private inlineRow: GridRow | null = null;
  private inlineCells: string[] = [];

  /** `cleanCell` of each of the row's cells. */
  of(row: GridRow): string[] {
    let cells = this.cleaned.get(row);
    if (cells === undefined) this.cleaned.set(row, (cells = row.cells.map((c) => cleanCell(c))));
    return cells;
  }

  /** `cleanInline` of each of the row's cells (the last row's kept). */
  inline(row: GridRow): string[] {
    if (row !== this.inlineRow) {
      const cells = this.of(row);
      this.inlineRow = row;
      // Cells are mostly one line: then the cleaned cells are the inline ones.
      this.inlineCells = cells.some((c) => c.includes('\n')) ? cells.map(inlineOf) : cells;
    }
    return this.inlineCells;
  }

  /** `cleanCell(row.cells[index] ?? '')`. */
  cell(row: GridRow, index: number): string {
    return this.of(row)[index] ?? '';
  }
}

/** `cleanInline` of a cell `cleanCell` already cleaned: its lines on one line. */
export const inlineOf = (cleaned: string): string =>
  cleaned.includes('\n') ? cleaned.replace(/\n/g, ' ') : cleaned;
