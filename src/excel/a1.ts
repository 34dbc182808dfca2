// A1 addresses as Excel writes them: column letters, cells, ranges, whole rows and columns,
// sheet-qualified references. The one place for them (the .xlsx reader and writer, the layout,
// the Office.js writer and door, the pane). Pure; fast on the reader's hot path.

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

/** 0 → "A", 27 → "AB": the column letters of a 0-based column index, as the layout counts. */
export function columnLetter(index: number): string {
  return columnName(index + 1);
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
  const first = parseCellRef(parts[0]!);
  const second = parts.length === 2 ? parseCellRef(parts[1]!) : first;
  if (!first || !second) return null;
  return {
    top: Math.min(first.row, second.row),
    left: Math.min(first.col, second.col),
    bottom: Math.max(first.row, second.row),
    right: Math.max(first.col, second.col),
  };
}

/** (3, 2) → "B3" (1-based row and column). */
export function cellRef(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}

/** (1, 2) → "B2": a 0-based column and a 1-based row, as the layout counts. */
export function address(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

/** A box → "A1:C3", or "B2" when it is one cell. */
export function boxRef(box: CellBox): string {
  const topLeft = cellRef(box.top, box.left);
  const bottomRight = cellRef(box.bottom, box.right);
  return topLeft === bottomRight ? topLeft : `${topLeft}:${bottomRight}`;
}

/** True when the two boxes share at least one cell. */
export function overlaps(first: CellBox, second: CellBox): boolean {
  return (
    first.left <= second.right &&
    second.left <= first.right &&
    first.top <= second.bottom &&
    second.top <= first.bottom
  );
}

/** True when the cell (1-based) lies inside the box. */
export function contains(box: CellBox, row: number, col: number): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

/** A range, a whole-column range ("$A:$C") or a whole-row range ("$3:$4"). */
export function isAreaRef(text: string): boolean {
  if (parseBoxRef(text)) return true;
  const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(text);
  if (cols) return columnNumber(cols[1]!) <= MAX_COLS && columnNumber(cols[2]!) <= MAX_COLS;
  const rows = /^\$?(\d{1,7}):\$?(\d{1,7})$/.exec(text);
  if (!rows) return false;
  const [first, last] = [Number(rows[1]), Number(rows[2])];
  return first >= 1 && last >= 1 && first <= MAX_ROWS && last <= MAX_ROWS;
}

/**
 * A sheet name as formulas and defined names write it: always quoted (Excel accepts quotes
 * around any name; names with spaces, diacritics or punctuation need them), quotes doubled.
 */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Cài đặt'!$B$3" → { sheet: "Cài đặt", range: "$B$3" }; null without a sheet part. */
export function splitSheetRef(ref: string): { sheet: string; range: string } | null {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(ref);
  if (quoted) return { sheet: quoted[1]!.replace(/''/g, "'"), range: quoted[2]! };
  const bare = /^([^'!\s][^!]*)!(.+)$/.exec(ref);
  if (bare) return { sheet: bare[1]!, range: bare[2]! };
  return null;
}

/** "'Nhiệm vụ'!$A:$A" for the 0-based column. */
export function wholeColumn(sheet: string, column: number): string {
  const letters = columnLetter(column);
  return `${quoteSheet(sheet)}!$${letters}:$${letters}`;
}

/** "'Nhiệm vụ'!$A$4:$A$30" for the 0-based column and 1-based rows. */
export function absoluteRange(
  sheet: string,
  column: number,
  fromRow: number,
  toRow: number,
): string {
  const letters = columnLetter(column);
  return `${quoteSheet(sheet)}!$${letters}$${fromRow}:$${letters}$${toRow}`;
}
