// A1-style addresses and ranges: parsing, printing and quoting. Pure; used by the writer and by
// the layout checks.

import { columnLetter, splitSheetRef } from '../../layout/a1';

export { splitSheetRef };

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's limits (.xlsx). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

const ADDRESS = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

/** "A" → 1, "AB" → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 → "A", 28 → "AB" (1-based, as ExcelJS counts columns). */
export function columnLetters(col: number): string {
  return columnLetter(col - 1);
}

/** "B3" or "$B$3" → { row: 3, col: 2 }; null when it is not an address inside the sheet. */
export function parseAddress(address: string): CellRef | null {
  const m = ADDRESS.exec(address.trim().toUpperCase());
  if (!m) return null;
  const col = columnNumber(m[1]!);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS || col < 1 || col > MAX_COLS) return null;
  return { row, col };
}

/** "A1:Q30" (or a single "B3") → its box, corners in any order; null when malformed. */
export function parseRange(range: string): RangeBox | null {
  const parts = range.split(':');
  if (parts.length > 2) return null;
  const a = parseAddress(parts[0]!);
  const b = parts.length === 2 ? parseAddress(parts[1]!) : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function addressOf(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function rangeOf(box: RangeBox): string {
  const tl = addressOf(box.top, box.left);
  const br = addressOf(box.bottom, box.right);
  return tl === br ? tl : `${tl}:${br}`;
}

export function overlaps(a: RangeBox, b: RangeBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(box: RangeBox, row: number, col: number): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

/**
 * A sheet name as formulas and defined names write it: always quoted (Excel accepts quotes
 * around any name; names with spaces, diacritics or punctuation need them), quotes doubled.
 */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A range, a whole-column range ("$A:$C") or a whole-row range ("$3:$4"). */
export function isAreaRef(text: string): boolean {
  if (parseRange(text)) return true;
  const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(text.toUpperCase());
  if (cols) return columnNumber(cols[1]!) <= MAX_COLS && columnNumber(cols[2]!) <= MAX_COLS;
  const rows = /^\$?(\d{1,7}):\$?(\d{1,7})$/.exec(text);
  return !!rows && Number(rows[1]) >= 1 && Number(rows[2]) <= MAX_ROWS;
}
