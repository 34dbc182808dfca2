// Rectangles of cells as the Office.js writer addresses them: 0-based corners, written "B3" or
// "B3:D9" (src/excel/a1.ts parses and names them).

import { boxRef, parseBoxRef, parseCellRef } from '../../excel/a1';

export interface Box {
  /** 0-based. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function boxAddress(b: Box): string {
  return boxRef({ top: b.r0 + 1, left: b.c0 + 1, bottom: b.r1 + 1, right: b.c1 + 1 });
}

/** "B3" → { r: 2, c: 1 }; a layout that names no cell is a bug. */
export function parseCellAddress(a1: string): { r: number; c: number } {
  const at = parseCellRef(a1);
  if (!at) throw new Error(`bad cell address in layout: ${a1}`);
  return { r: at.row - 1, c: at.col - 1 };
}

/** "B3:D9" (or "B3") → its box. */
export function parseBox(range: string): Box {
  const box = parseBoxRef(range);
  if (!box) throw new Error(`bad range in layout: ${range}`);
  return { r0: box.top - 1, c0: box.left - 1, r1: box.bottom - 1, c1: box.right - 1 };
}
