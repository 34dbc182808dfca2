// Addresses as Excel returns them ("'Nhiệm vụ'!L5", "Sheet1!A1:B4, Sheet1!D1:D4") and as
// PhuLuc asks for them.

import { columnLetter, parseBoxRef, splitSheetRef } from '../excel/a1';

/** 0-based, inclusive. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** "B3", "$B$3:$D$9" (with or without a sheet part) → the area; null when it is not one. */
export function parseArea(address: string): { sheet: string | null; area: Area } | null {
  const text = address.trim().replace(/^=/, '');
  const split = splitSheetRef(text);
  const box = parseBoxRef(split ? split.range : text);
  if (!box) return null;
  return {
    sheet: split ? split.sheet : null,
    area: { r0: box.top - 1, c0: box.left - 1, r1: box.bottom - 1, c1: box.right - 1 },
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
