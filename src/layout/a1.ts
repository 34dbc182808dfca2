// A1 addresses.

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** (0-based column, 1-based row) → "B3". */
export function address(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

/** A sheet name as it appears in a formula: always quoted, quotes doubled. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Nhiệm vụ'!$A:$A" */
export function wholeColumn(sheet: string, column: number): string {
  const c = columnLetter(column);
  return `${sheetRef(sheet)}!$${c}:$${c}`;
}

/** "'Nhiệm vụ'!$A$4:$A$30" */
export function absoluteRange(
  sheet: string,
  column: number,
  fromRow: number,
  toRow: number,
): string {
  const c = columnLetter(column);
  return `${sheetRef(sheet)}!$${c}$${fromRow}:$${c}$${toRow}`;
}

/** A formula string literal: "Quá hạn" → "\"Quá hạn\"". */
export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** "'Cài đặt'!$B$3" → { sheet: "Cài đặt", range: "$B$3" }; null without a sheet part. */
export function splitSheetRef(ref: string): { sheet: string; range: string } | null {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(ref);
  if (quoted) return { sheet: quoted[1]!.replace(/''/g, "'"), range: quoted[2]! };
  const bare = /^([^'!\s][^!]*)!(.+)$/.exec(ref);
  if (bare) return { sheet: bare[1]!, range: bare[2]! };
  return null;
}

/** "B3" (or "$B$3") → 0-based column and 1-based row; null when it is not a cell address. */
export function parseCell(a1: string): { column: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a1);
  if (!m) return null;
  const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { column, row: Number(m[2]) };
}
