// A workbook in memory as the tracker reader sees it (src/layout/tracker/model.ts), made from a
// layout as a writer would write it, then edited as a person would.
import type { ReadBook, ReadCell, ReadSheet, ReadValue } from '../../src/layout/tracker/model';
import type { WorkbookLayout } from '../../src/layout/types';

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a1)!;
  return { row: Number(m[2]), col: colIndex(m[1]!) };
}

export class MemorySheet implements ReadSheet {
  readonly cells = new Map<string, ReadCell>();
  lastRow = 0;
  lastCol = 0;
  constructor(public name: string) {}
  cell(row: number, col: number): ReadCell | undefined {
    return this.cells.get(`${row}:${col}`);
  }
  set(row: number, col: number, cell: ReadCell | undefined): void {
    if (!cell) {
      this.cells.delete(`${row}:${col}`);
      return;
    }
    this.cells.set(`${row}:${col}`, cell);
    this.lastRow = Math.max(this.lastRow, row);
    this.lastCol = Math.max(this.lastCol, col);
  }
  /** Puts a value at an A1 address: text, number, an ISO date, or a formula ("=…"). */
  put(a1: string, value: string | number | ReadValue, extra: Partial<ReadCell> = {}): void {
    const { row, col } = parseA1(a1);
    const old = this.cell(row, col);
    let cell: ReadCell;
    if (typeof value === 'number') cell = { value: { type: 'number', value } };
    else if (typeof value === 'object') cell = { value };
    else if (value.startsWith('=')) cell = { value: { type: 'empty' }, formula: value.slice(1) };
    else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) cell = { value: { type: 'date', iso: value } };
    else cell = { value: value === '' ? { type: 'empty' } : { type: 'text', text: value } };
    this.set(row, col, { ...old, ...cell, ...extra });
  }
  /** The row whose column `col` (1-based) holds `text`. */
  rowOf(col: number, text: string): number {
    for (let r = 1; r <= this.lastRow; r++) {
      const v = this.cell(r, col)?.value;
      if (v?.type === 'text' && v.text === text) return r;
    }
    throw new Error(`no "${text}" in column ${col} of ${this.name}`);
  }
  /** The 1-based column whose header (in `row`) is `text`. */
  colOf(row: number, text: string): number {
    for (let c = 1; c <= this.lastCol; c++) {
      const v = this.cell(row, c)?.value;
      if (v?.type === 'text' && v.text === text) return c;
    }
    throw new Error(`no header "${text}" in row ${row} of ${this.name}`);
  }
}

export class MemoryBook implements ReadBook {
  readonly sheetMap = new Map<string, MemorySheet>();
  names: ReadBook['names'] = [];
  tables: ReadBook['tables'] = [];
  get sheets(): string[] {
    return [...this.sheetMap.keys()];
  }
  sheet(name: string): MemorySheet | undefined {
    return this.sheetMap.get(name);
  }
  add(name: string): MemorySheet {
    const s = new MemorySheet(name);
    this.sheetMap.set(name, s);
    return s;
  }

  /** The workbook a writer makes of the layout (formulas without values). */
  static fromLayout(layout: WorkbookLayout): MemoryBook {
    const book = new MemoryBook();
    for (const sheet of layout.sheets) {
      const s = book.add(sheet.name);
      for (const block of sheet.blocks) {
        const origin = parseA1(block.origin);
        block.rows.forEach((cells, r) =>
          cells.forEach((cell, c) => {
            if (!cell) return;
            const at = { row: origin.row + r, col: origin.col + c };
            let value: ReadValue = { type: 'empty' };
            if (cell.text !== undefined) value = { type: 'text', text: cell.text };
            else if (cell.number !== undefined) value = { type: 'number', value: cell.number };
            else if (cell.date !== undefined) value = { type: 'date', iso: cell.date };
            else if (cell.bool !== undefined) value = { type: 'bool', value: cell.bool };
            s.set(at.row, at.col, {
              value,
              ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
              ...(cell.note ? { note: cell.note } : {}),
            });
          }),
        );
      }
      if (sheet.table)
        book.tables.push({ name: sheet.table.name, sheet: sheet.name, ref: sheet.table.range });
    }
    book.names = layout.names.map((n) => ({ name: n.name, formula: n.ref, comment: n.comment }));
    return book;
  }
}
