// Addresses as Excel returns them ("'Nhiệm vụ'!L5", "Sheet1!A1:B4, Sheet1!D1:D4") and as
// PhuLuc asks for them.

import { columnLetter, splitSheetRef } from '../layout/a1';

/** 0-based, inclusive. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** "B3", "$B$3:$D$9" (with or without a sheet part) → the area; null when it is not one. */
export function parseArea(address: string): { sheet: string | null; area: Area } | null {
  const text = address.trim().replace(/^=/, '');
  const split = splitSheetRef(text);
  const ref = (split ? split.range : text).replace(/\$/g, '');
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(ref);
  if (!m) return null;
  const a = { c: columnIndex(m[1]!), r: Number(m[2]) - 1 };
  const b = m[3] ? { c: columnIndex(m[3]), r: Number(m[4]) - 1 } : a;
  return {
    sheet: split ? split.sheet : null,
    area: {
      r0: Math.min(a.r, b.r),
      c0: Math.min(a.c, b.c),
      r1: Math.max(a.r, b.r),
      c1: Math.max(a.c, b.c),
    },
  };
}

/**
 * The areas of a multi-area address ("'Kế hoạch, 2024'!A1:B2, Sheet1!C3"), split at the commas
 * outside quoted sheet names.
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i]!;
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === ',' && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** The A1 address of an area, without a sheet part. */
export function areaAddress(area: Area): string {
  const a = `${columnLetter(area.c0)}${area.r0 + 1}`;
  return area.r0 === area.r1 && area.c0 === area.c1
    ? a
    : `${a}:${columnLetter(area.c1)}${area.r1 + 1}`;
}
