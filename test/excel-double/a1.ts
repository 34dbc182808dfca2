// A1 addresses for the Excel double. Kept apart from src/office on purpose: the double checks
// PhuLuc's code, so it must not share PhuLuc's helpers (a shared bug would hide itself).

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 0-based, inclusive rectangle. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function colName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** "B3" → {r: 2, c: 1}; null when not a cell reference inside the grid. */
export function parseCell(text: string): { r: number; c: number } | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const c = colIndex(m[1]!);
  const r = Number(m[2]) - 1;
  if (c < 0 || c >= MAX_COLS || r < 0 || r >= MAX_ROWS) return null;
  return { r, c };
}

/** "A1", "A1:B2", "A:C", "3:5" → rectangle; null when invalid. */
export function parseRect(text: string): Rect | null {
  const parts = text.split(':');
  if (parts.length === 1) {
    const cell = parseCell(parts[0]!);
    return cell ? { r0: cell.r, c0: cell.c, r1: cell.r, c1: cell.c } : null;
  }
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  const ca = parseCell(a);
  const cb = parseCell(b);
  if (ca && cb) return normalize({ r0: ca.r, c0: ca.c, r1: cb.r, c1: cb.c });
  const cola = COL.exec(a);
  const colb = COL.exec(b);
  if (cola && colb) {
    return normalize({ r0: 0, c0: colIndex(cola[1]!), r1: MAX_ROWS - 1, c1: colIndex(colb[1]!) });
  }
  const rowa = ROW.exec(a);
  const rowb = ROW.exec(b);
  if (rowa && rowb) {
    return normalize({ r0: Number(rowa[1]) - 1, c0: 0, r1: Number(rowb[1]) - 1, c1: MAX_COLS - 1 });
  }
  return null;
}

function normalize(r: Rect): Rect | null {
  const out = {
    r0: Math.min(r.r0, r.r1),
    r1: Math.max(r.r0, r.r1),
    c0: Math.min(r.c0, r.c1),
    c1: Math.max(r.c0, r.c1),
  };
  if (out.r0 < 0 || out.c0 < 0 || out.r1 >= MAX_ROWS || out.c1 >= MAX_COLS) return null;
  return out;
}

export function cellName(r: number, c: number): string {
  return `${colName(c)}${r + 1}`;
}

export function rectName(rect: Rect): string {
  const a = cellName(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? a : `${a}:${cellName(rect.r1, rect.c1)}`;
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain word. */
export function quoteSheet(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseCell(name) && !/^[RC]\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'My sheet'!A1:B2" → {sheet: "My sheet", ref: "A1:B2"}; no "!" → sheet undefined. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const text = address.replace(/^=/, '');
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (text[i + 1] === '!') return { sheet: name, ref: text.slice(i + 2) };
    return { ref: text };
  }
  const bang = text.lastIndexOf('!');
  if (bang > 0) return { sheet: text.slice(0, bang), ref: text.slice(bang + 1) };
  return { ref: text };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1
  );
}

export function cellCount(r: Rect): number {
  return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
}

// ---------- dates (1900 system, with Excel's phantom 29 Feb 1900) ----------

/** Serial number of a calendar date. */
export function dateSerial(y: number, m: number, d: number): number {
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
  // Before 1 March 1900 Excel counts one day less (it believes 1900 was a leap year).
  return days < 61 ? days - 1 : days;
}

export function serialParts(serial: number): { y: number; m: number; d: number } {
  const whole = Math.floor(serial);
  const days = whole < 61 ? whole + 1 : whole;
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}
