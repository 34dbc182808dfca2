// A1 cell addresses as SpreadsheetML stores them. Pure; fast on the reader's hot path.

/** Excel's limits (.xlsx). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** "A" → 1, "AB" → 28 (1-based); 0 when not letters A–Z. Case-insensitive. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) return 0;
    n = n * 26 + (code - 64);
  }
  return n;
}

/** 1 → "A", 28 → "AB" (1-based). */
export function columnName(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface CellPosition {
  row: number;
  col: number;
}

/**
 * "B3", "$B$3", "b3" → { row: 3, col: 2 }; null when it is not an address inside the sheet.
 * Written out by hand: the sheet reader calls it for every cell.
 */
export function parseCellRef(ref: string): CellPosition | null {
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++; // $
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    const code = ref.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  if (i === colStart || i - colStart > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
  }
  if (i === rowStart || i - rowStart > 7) return null;
  if (row < 1 || row > MAX_ROWS || col < 1 || col > MAX_COLS) return null;
  return { row, col };
}

export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:C3" or "B2" → its box (1-based, corners in any order); null when malformed. */
export function parseBoxRef(ref: string): CellBox | null {
  const parts = ref.trim().split(':');
  if (parts.length > 2) return null;
  const a = parseCellRef(parts[0]!);
  const b = parts.length === 2 ? parseCellRef(parts[1]!) : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** (3, 2) → "B3". */
export function cellRef(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}
