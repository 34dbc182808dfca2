// One sheet of the layout → write operations, by phase:
//   values   – column widths, row heights, frozen panes, tab colour, then cell values
//              (text as text, dates as serials); formula cells are left for the next phase;
//   formulas – one R1C1 formula per vertical run of cells that differ only by their row;
//   formats  – number formats, fonts, fills, alignment, borders: one action per rectangle of
//              cells that share a property value;
//   rules    – merges, the table, conditional formats, data validation, links, print setup.
//
// The phases' parts live beside this file: contents.ts (values, formulas), formats.ts, rules.ts,
// print.ts; box.ts names the rectangles.

import { columnName, quoteSheet } from '../../excel/a1';
import type { SheetLayout, WorkbookLayout } from '../../layout/types';
import type { Features, Omission } from './features';
import { OMISSION_TEXT } from './features';
import { toR1C1 } from '../../excel/formula';
import { boxAddress, parseBox } from './box';
import { blockFormulas, blockValues } from './contents';
import { blockFormats } from './formats';
import { cost, type PhaseName, type WriteEnv, type WriteOp } from './ops';
import { printOp } from './print';
import { conditionalOp, linkOps, mergeRuns, noteOps, PROTECTION, validationOp } from './rules';

export { headerSections } from './print';

export interface SheetWriteOptions {
  features: Features;
  date1904: boolean;
  /**
   * 'scalar': a run of equal R1C1 formulas or number formats is written once, as a 1×1 array
   * that Excel applies to every cell of the range. 'array': a 2-D array with one entry per cell
   * — larger requests, relies on nothing but plain arrays.
   */
  fill: 'scalar' | 'array';
  /** Largest slice of a block written by one call. */
  sliceBytes: number;
}

export type PhaseOps = Record<PhaseName, WriteOp[]>;

/** Column widths are in Excel character units; Office.js wants points (7 px per unit). */
export function widthToPoints(width: number): number {
  return Math.round(width * 7) * 0.75;
}

// ---------- the sheet ----------

export function sheetOps(
  sheet: SheetLayout,
  layout: WorkbookLayout,
  options: SheetWriteOptions,
  omitted: Set<keyof Features>,
): PhaseOps {
  const out: PhaseOps = { values: [], formulas: [], formats: [], rules: [] };
  const name = sheet.name;
  const f = options.features;
  const ws = (env: WriteEnv) => env.sheet(name);
  const need = (feature: keyof Features): boolean => {
    if (f[feature]) return true;
    omitted.add(feature);
    return false;
  };

  // Sheet-level settings, first in the values phase.
  if (sheet.tabColor && need('tabColor')) {
    const color = `#${sheet.tabColor}`;
    out.values.push({ bytes: cost(1, color), run: (env) => void (ws(env).tabColor = color) });
  }
  columnGroups(sheet).forEach(({ from, to, points, hidden }) => {
    const address = `${columnName(from + 1)}:${columnName(to + 1)}`;
    out.values.push({
      bytes: cost(hidden ? 2 : 1, address, points),
      run: (env) => {
        const range = ws(env).getRange(address);
        range.format.columnWidth = points;
        if (hidden) range.columnHidden = true;
      },
    });
  });
  rowGroups(sheet).forEach(({ from, to, height }) => {
    const address = `${from}:${to}`;
    out.values.push({
      bytes: cost(1, address, height),
      run: (env) => void (ws(env).getRange(address).format.rowHeight = height),
    });
  });
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) && need('freeze')) {
    const { rows, columns } = sheet.freeze;
    out.values.push({
      bytes: cost(1, rows, columns),
      run: (env) => {
        const panes = ws(env).freezePanes;
        if (rows > 0 && columns > 0)
          panes.freezeAt(boxAddress({ r0: 0, c0: 0, r1: rows - 1, c1: columns - 1 }));
        else if (rows > 0) panes.freezeRows(rows);
        else panes.freezeColumns(columns);
      },
    });
  }

  for (const block of sheet.blocks) {
    blockValues(block, name, options, out.values);
    blockFormulas(block, name, options, out.formulas);
    blockFormats(block, name, layout, options, out.formats, need);
  }

  // Rules.
  // Merges of one row each, over the same columns of consecutive rows, are one call: a merge
  // "across" merges each row of its range apart (the dashboard's overdue list has thousands).
  for (const { ref, across } of mergeRuns(sheet.merges ?? [])) {
    out.rules.push({ bytes: cost(1, ref), run: (env) => ws(env).getRange(ref).merge(across) });
  }
  if (sheet.table) {
    const t = sheet.table;
    const address = `${quoteSheet(name)}!${t.range}`;
    out.rules.push({
      bytes: cost(3, address, t.name, t.style),
      run: (env) => {
        const table = ws(env).tables.add(address, true);
        table.name = t.name;
        table.style = t.style;
      },
    });
    // Calculated columns: the column's formula written again over all its data rows, now that
    // the table exists — Excel then keeps it as the column's formula, and a row added at the
    // end of the table takes it. (Written before the table, the formulas are plain cells.)
    const box = parseBox(t.range);
    for (const [column, formula] of Object.entries(t.calculated ?? {})) {
      const c = box.c0 + t.columns.indexOf(column);
      if (box.r1 <= box.r0) continue;
      const range = boxAddress({ r0: box.r0 + 1, c0: c, r1: box.r1, c1: c });
      const r1c1 = `=${toR1C1(formula, box.r0 + 1, c)}`;
      out.rules.push({
        bytes: cost(1, range, r1c1),
        run: (env) => void (ws(env).getRange(range).formulasR1C1 = [[r1c1]]),
      });
    }
  }
  if (sheet.conditionalFormats.length > 0 && need('conditionalFormats')) {
    // Office.js adds each format at the top priority: add the last rule first, so the layout's
    // first rule ends on top.
    const flat = sheet.conditionalFormats.flatMap((cf) =>
      cf.rules.map((rule) => ({ range: cf.range, rule })),
    );
    for (const { range, rule } of flat.reverse()) out.rules.push(conditionalOp(name, range, rule));
  }
  if (sheet.dataValidations.length > 0 && need('validation')) {
    for (const dv of sheet.dataValidations)
      out.rules.push(validationOp(name, dv, options.date1904));
  }
  for (const block of sheet.blocks) linkOps(block, name, out.rules, need);
  for (const block of sheet.blocks) noteOps(block, name, out.rules, need);
  if (need('print')) out.rules.push(printOp(sheet));
  if (sheet.hidden) {
    out.rules.push({
      bytes: cost(1, 'Hidden'),
      run: (env) => void (ws(env).visibility = 'Hidden'),
    });
  }
  // Last: nothing can be written to the sheet's locked cells once it is protected.
  if (sheet.protect) {
    out.rules.push({
      bytes: cost(1, PROTECTION),
      run: (env) => ws(env).protection.protect(PROTECTION),
    });
  }
  return out;
}
function columnGroups(
  sheet: SheetLayout,
): { from: number; to: number; points: number; hidden: boolean }[] {
  const groups: { from: number; to: number; points: number; hidden: boolean }[] = [];
  sheet.columns.forEach((col, i) => {
    const points = widthToPoints(col.width);
    const hidden = col.hidden === true;
    const last = groups[groups.length - 1];
    if (last && last.to === i - 1 && last.points === points && last.hidden === hidden) last.to = i;
    else groups.push({ from: i, to: i, points, hidden });
  });
  return groups;
}

function rowGroups(sheet: SheetLayout): { from: number; to: number; height: number }[] {
  const rows = Object.entries(sheet.rowHeights ?? {})
    .map(([row, height]) => ({ row: Number(row), height }))
    .sort((a, b) => a.row - b.row);
  const groups: { from: number; to: number; height: number }[] = [];
  for (const { row, height } of rows) {
    const last = groups[groups.length - 1];
    if (last && last.to === row - 1 && last.height === height) last.to = row;
    else groups.push({ from: row, to: row, height });
  }
  return groups;
}

/** Omissions as messages, in a stable order. */
export function omissionsOf(features: Set<keyof Features>): Omission[] {
  const out: Omission[] = [];
  for (const feature of Object.keys(OMISSION_TEXT) as (keyof Features)[]) {
    const text = OMISSION_TEXT[feature];
    if (features.has(feature) && text) out.push({ feature, ...text });
  }
  return out;
}
