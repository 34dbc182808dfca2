// A block's cells as write operations: constant values (text as text, dates as serials) in row
// slices, and formulas as one R1C1 formula per vertical run of cells that differ only by their
// row (or, with fill "array", arrays of A1 formulas).

import type { Cell, CellBlock } from '../../layout/types';
import { toR1C1 } from '../../excel/formula';
import type { XlCellInput } from './excel-api';
import { boxAddress, parseCellAddress, type Box } from './box';
import { valueInput } from './cells';
import { cost, jsonBytes, type WriteOp } from './ops';
import type { SheetWriteOptions } from './sheet';

export function blockWidth(block: CellBlock): number {
  return block.rows.reduce((w, row) => Math.max(w, row.length), 0);
}

export function cellAt(block: CellBlock, i: number, j: number): Cell | null | undefined {
  return block.rows[i]?.[j];
}

/** Writes a block's constant values in row slices of at most `sliceBytes`. */
export function blockValues(
  block: CellBlock,
  sheet: string,
  options: SheetWriteOptions,
  out: WriteOp[],
): void {
  const origin = parseCellAddress(block.origin);
  const width = blockWidth(block);
  if (width === 0) return;
  let slice: XlCellInput[][] = [];
  let sliceStart = 0;
  let sliceBytes = 0;
  const flush = (): void => {
    if (slice.length === 0) return;
    // Trim to the columns that hold something.
    let c0 = width;
    let c1 = -1;
    for (const row of slice) {
      row.forEach((v, j) => {
        if (v !== null) {
          c0 = Math.min(c0, j);
          c1 = Math.max(c1, j);
        }
      });
    }
    if (c1 >= 0) {
      // Rows that hold nothing at the top or bottom are left out too.
      let top = 0;
      while (slice[top]!.every((v) => v === null)) top++;
      let bottom = slice.length - 1;
      while (slice[bottom]!.every((v) => v === null)) bottom--;
      const values = slice.slice(top, bottom + 1).map((row) => row.slice(c0, c1 + 1));
      const address = boxAddress({
        r0: origin.r + sliceStart + top,
        c0: origin.c + c0,
        r1: origin.r + sliceStart + bottom,
        c1: origin.c + c1,
      });
      out.push({
        bytes: cost(1, address, values),
        run: (env) => void (env.sheet(sheet).getRange(address).values = values),
      });
    }
    sliceStart += slice.length;
    slice = [];
    sliceBytes = 0;
  };
  block.rows.forEach((row, i) => {
    const values: XlCellInput[] = [];
    for (let j = 0; j < width; j++) values.push(valueInput(row[j], options.date1904));
    const bytes = jsonBytes(values);
    if (slice.length > 0 && sliceBytes + bytes > options.sliceBytes) flush();
    if (slice.length === 0) sliceStart = i;
    slice.push(values);
    sliceBytes += bytes;
  });
  flush();
}

// ---------- formulas ----------

export function blockFormulas(
  block: CellBlock,
  sheet: string,
  options: SheetWriteOptions,
  out: WriteOp[],
): void {
  const origin = parseCellAddress(block.origin);
  const width = blockWidth(block);
  for (let j = 0; j < width; j++) {
    const c = origin.c + j;
    const r1c1At = (i: number): string | null => {
      const cell = cellAt(block, i, j);
      return cell && cell.formula !== undefined ? toR1C1(cell.formula, origin.r + i, c) : null;
    };
    let i = 0;
    let current = r1c1At(0);
    while (i < block.rows.length) {
      if (current === null) {
        i++;
        current = i < block.rows.length ? r1c1At(i) : null;
        continue;
      }
      let end = i;
      const a1: string[] = [cellAt(block, i, j)!.formula!];
      let next: string | null = null;
      while (end + 1 < block.rows.length) {
        next = r1c1At(end + 1);
        if (next !== current) break;
        a1.push(cellAt(block, end + 1, j)!.formula!);
        end++;
        next = null;
      }
      pushFormulaRun(
        sheet,
        { r0: origin.r + i, c0: c, r1: origin.r + end, c1: c },
        current,
        a1,
        options,
        out,
      );
      i = end + 1;
      current = i < block.rows.length ? (next ?? r1c1At(i)) : null;
    }
  }
}

function pushFormulaRun(
  sheet: string,
  box: Box,
  r1c1: string,
  a1: string[],
  options: SheetWriteOptions,
  out: WriteOp[],
): void {
  const count = box.r1 - box.r0 + 1;
  if (options.fill === 'scalar' || count === 1) {
    const address = boxAddress(box);
    const formula = `=${r1c1}`;
    out.push({
      bytes: cost(1, address, formula),
      run: (env) => void (env.sheet(sheet).getRange(address).formulasR1C1 = [[formula]]),
    });
    return;
  }
  // Arrays of A1 formulas, sliced so no call exceeds the slice size.
  let start = 0;
  while (start < count) {
    const rows: string[][] = [];
    let bytes = 0;
    let k = start;
    for (; k < count; k++) {
      const f = [`=${a1[k]!}`];
      const b = jsonBytes(f);
      if (rows.length > 0 && bytes + b > options.sliceBytes) break;
      rows.push(f);
      bytes += b;
    }
    const address = boxAddress({ r0: box.r0 + start, c0: box.c0, r1: box.r0 + k - 1, c1: box.c0 });
    out.push({
      bytes: cost(1, address) + bytes,
      run: (env) => void (env.sheet(sheet).getRange(address).formulas = rows),
    });
    start = k;
  }
}
