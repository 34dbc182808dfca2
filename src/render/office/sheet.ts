// One sheet of the layout → write operations, by phase:
//   values   – column widths, row heights, frozen panes, tab colour, then cell values
//              (text as text, dates as serials); formula cells are left for the next phase;
//   formulas – one R1C1 formula per vertical run of cells that differ only by their row;
//   formats  – number formats, fonts, fills, alignment, borders: one action per rectangle of
//              cells that share a property value;
//   rules    – merges, the table, conditional formats, data validation, links, print setup.

import { boxRef, columnLetter, parseCellRef, quoteSheet } from '../../excel/a1';
import type {
  Cell,
  CellBlock,
  CellStyle,
  ConditionalRule,
  DataValidation,
  SheetLayout,
  WorkbookLayout,
} from '../../layout/types';
import { serialToIso } from '../../excel/dates';
import type { XlCellInput, XlDataValidationRule } from './excel-api';
import type { Features, Omission } from './features';
import { OMISSION_TEXT } from './features';
import { toR1C1 } from '../../excel/formula';
import { DEFAULT_DATE_FORMAT, valueInput } from './cells';
import { cost, jsonBytes, type PhaseName, type WriteEnv, type WriteOp } from './ops';
import { rectangles } from './rects';

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

// ---------- addresses ----------

interface Box {
  r0: number; // 0-based
  c0: number;
  r1: number;
  c1: number;
}

function boxAddress(b: Box): string {
  return boxRef({ top: b.r0 + 1, left: b.c0 + 1, bottom: b.r1 + 1, right: b.c1 + 1 });
}

function parseCellAddress(a1: string): { r: number; c: number } {
  const cell = parseCellRef(a1);
  if (!cell) throw new Error(`bad cell address in layout: ${a1}`);
  return { r: cell.row - 1, c: cell.col - 1 };
}

/** Column widths are in Excel character units; Office.js wants points (7 px per unit). */
export function widthToPoints(width: number): number {
  return Math.round(width * 7) * 0.75;
}

/** "&LText&R&P/&N" → the left / center / right sections Office.js sets one by one. */
export function headerSections(text: string): { left: string; center: string; right: string } {
  const out = { left: '', center: '', right: '' };
  let section: keyof typeof out = 'center';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '&' && i + 1 < text.length) {
      const code = text[i + 1]!;
      if (code === 'L' || code === 'C' || code === 'R') {
        section = code === 'L' ? 'left' : code === 'C' ? 'center' : 'right';
        i += 2;
        continue;
      }
      out[section] += text.slice(i, i + 2); // "&&", "&P", "&N"… stay as codes
      i += 2;
      continue;
    }
    out[section] += text[i];
    i++;
  }
  return out;
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
    const address = `${columnLetter(from)}:${columnLetter(to)}`;
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

/**
 * What stays open on a protected sheet (no password): filtering, sorting, column widths and
 * row heights, as the .xlsx writer's.
 */
const PROTECTION = {
  allowAutoFilter: true,
  allowSort: true,
  allowFormatColumns: true,
  allowFormatRows: true,
};

/** Merges as calls: single-row merges over the same columns of consecutive rows grouped. */
function mergeRuns(merges: string[]): { ref: string; across: boolean }[] {
  const out: { ref: string; across: boolean }[] = [];
  const open = new Map<string, Box>();
  const close = (b: Box): void => void out.push({ ref: boxAddress(b), across: b.r1 > b.r0 });
  for (const ref of merges) {
    const b = parseBox(ref);
    if (b.r0 !== b.r1) {
      out.push({ ref, across: false });
      continue;
    }
    const key = `${b.c0}:${b.c1}`;
    const run = open.get(key);
    if (run && run.r1 === b.r0 - 1) run.r1 = b.r0;
    else {
      if (run) close(run);
      open.set(key, { ...b });
    }
  }
  for (const run of open.values()) close(run);
  return out;
}

function parseBox(range: string): Box {
  const [a, b = a] = range.split(':');
  const p = parseCellAddress(a!);
  const q = parseCellAddress(b!);
  return { r0: p.r, c0: p.c, r1: q.r, c1: q.c };
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

// ---------- values ----------

function blockWidth(block: CellBlock): number {
  return block.rows.reduce((w, row) => Math.max(w, row.length), 0);
}

function cellAt(block: CellBlock, i: number, j: number): Cell | null | undefined {
  return block.rows[i]?.[j];
}

/** Writes a block's constant values in row slices of at most `sliceBytes`. */
function blockValues(
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

function blockFormulas(
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

// ---------- formats ----------

const H: Record<string, string> = { left: 'Left', center: 'Center', right: 'Right' };
const V: Record<string, string> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

/** What one style sets on a range (borders apart: they are grouped on their own). */
interface FormatSet {
  numberFormat?: string;
  fontName?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  strike?: boolean;
  underline?: boolean;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  indent?: number;
  /** false: the cell stays editable on a protected sheet. */
  locked?: false;
}

function formatSet(style: CellStyle | undefined, isDate: boolean): FormatSet {
  const out: FormatSet = {};
  const nf = style?.numberFormat ?? (isDate ? DEFAULT_DATE_FORMAT : undefined);
  if (nf !== undefined && nf !== 'General') out.numberFormat = nf;
  const font = style?.font;
  if (font?.name) out.fontName = font.name;
  if (font?.bold) out.bold = true;
  if (font?.italic) out.italic = true;
  if (font?.size !== undefined) out.size = font.size;
  if (font?.color) out.color = font.color;
  if (font?.strike) out.strike = true;
  if (font?.underline) out.underline = true;
  if (style?.fill) out.fill = style.fill;
  const al = style?.alignment;
  if (al?.horizontal) out.horizontal = H[al.horizontal];
  if (al?.vertical && al.vertical !== 'bottom') out.vertical = V[al.vertical];
  if (al?.wrap) out.wrap = true;
  if (al?.indent) out.indent = al.indent;
  if (style?.locked === false) out.locked = false;
  return out;
}

/**
 * Formats of a block: one operation per rectangle of cells with the same style (all its
 * properties on one range), and one per rectangle of cells with the same border colour.
 */
function blockFormats(
  block: CellBlock,
  sheet: string,
  layout: WorkbookLayout,
  options: SheetWriteOptions,
  out: WriteOp[],
  need: (feature: keyof Features) => boolean,
): void {
  const origin = parseCellAddress(block.origin);
  const width = blockWidth(block);
  const rows = block.rows.length;
  if (width === 0 || rows === 0) return;
  const sets = new Map<string, FormatSet>();
  const keyOf = (cell: Cell): string | undefined => {
    const style = cell.style ? layout.styles[cell.style] : undefined;
    const isDate = cell.date !== undefined && style?.numberFormat === undefined;
    const key = `${cell.style ?? ''}${isDate ? '#date' : ''}`;
    if (!sets.has(key)) sets.set(key, formatSet(style, isDate));
    return Object.keys(sets.get(key)!).length > 0 ? key : undefined;
  };
  const abs = (r: { r0: number; c0: number; r1: number; c1: number }): Box => ({
    r0: origin.r + r.r0,
    c0: origin.c + r.c0,
    r1: origin.r + r.r1,
    c1: origin.c + r.c1,
  });
  for (const rect of rectangles(rows, width, (i, j) => {
    const cell = cellAt(block, i, j);
    return cell ? keyOf(cell) : undefined;
  })) {
    const set = { ...sets.get(rect.key)! };
    if (set.strike && !need('strikethrough')) delete set.strike;
    if (set.indent && !need('indent')) delete set.indent;
    out.push(formatOp(sheet, abs(rect), set, options));
  }
  for (const rect of rectangles(rows, width, (i, j) => {
    const cell = cellAt(block, i, j);
    const style = cell?.style ? layout.styles[cell.style] : undefined;
    return style?.border;
  })) {
    out.push(borderOp(sheet, abs(rect), rect.key));
  }
}

function formatOp(sheet: string, box: Box, set: FormatSet, options: SheetWriteOptions): WriteOp {
  const address = boxAddress(box);
  const cells = (box.r1 - box.r0 + 1) * (box.c1 - box.c0 + 1);
  const { numberFormat: nf, ...rest } = set;
  const grid =
    nf !== undefined && options.fill === 'array' && cells > 1
      ? Array.from({ length: box.r1 - box.r0 + 1 }, () =>
          Array<string>(box.c1 - box.c0 + 1).fill(nf),
        )
      : null;
  const actions = Object.keys(set).length;
  return {
    bytes:
      cost(actions, address, grid ?? nf ?? null, rest) +
      (rest.fontName ||
      rest.bold ||
      rest.italic ||
      rest.size ||
      rest.color ||
      rest.strike ||
      rest.underline
        ? 150
        : 0) +
      (rest.fill ? 150 : 0),
    run: (env) => {
      const range = env.sheet(sheet).getRange(address);
      if (nf !== undefined) range.numberFormat = grid ?? [[nf]];
      if (actions === (nf !== undefined ? 1 : 0)) return;
      const format = range.format;
      if (
        rest.fontName ||
        rest.bold ||
        rest.italic ||
        rest.size !== undefined ||
        rest.color ||
        rest.strike ||
        rest.underline
      ) {
        const font = format.font;
        if (rest.fontName) font.name = rest.fontName;
        if (rest.bold) font.bold = true;
        if (rest.italic) font.italic = true;
        if (rest.size !== undefined) font.size = rest.size;
        if (rest.color) font.color = `#${rest.color}`;
        if (rest.strike) font.strikethrough = true;
        if (rest.underline) font.underline = 'Single';
      }
      if (rest.fill) format.fill.color = `#${rest.fill}`;
      if (rest.horizontal) format.horizontalAlignment = rest.horizontal;
      if (rest.vertical) format.verticalAlignment = rest.vertical;
      if (rest.wrap) format.wrapText = true;
      if (rest.indent) format.indentLevel = rest.indent;
      if (rest.locked === false) format.protection.locked = false;
    },
  };
}

function borderOp(sheet: string, box: Box, color: string): WriteOp {
  const address = boxAddress(box);
  const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
  if (box.r1 > box.r0) edges.push('InsideHorizontal');
  if (box.c1 > box.c0) edges.push('InsideVertical');
  const c = `#${color}`;
  return {
    // Each edge is an object path of its own (borders.getItem).
    bytes:
      cost(edges.length * 2, address, c) +
      edges.length * (150 + jsonBytes(c) + jsonBytes(edges[0])),
    run: (env) => {
      const borders = env.sheet(sheet).getRange(address).format.borders;
      for (const edge of edges) {
        const b = borders.getItem(edge);
        b.style = 'Continuous';
        b.color = c;
      }
    },
  };
}

// ---------- rules ----------

function conditionalOp(sheet: string, range: string, rule: ConditionalRule): WriteOp {
  const formula = `=${rule.formula}`;
  const s = rule.style;
  const actions =
    3 + (s.fill ? 1 : 0) + (s.fontColor ? 1 : 0) + (s.bold ? 1 : 0) + (s.strike ? 1 : 0);
  return {
    // The new format, its rule, format, fill and font are five more object paths.
    bytes: cost(actions, range, formula, s) + 5 * 150,
    run: (env) => {
      const cf = env.sheet(sheet).getRange(range).conditionalFormats.add('Custom');
      cf.custom.rule.formula = formula;
      const format = cf.custom.format;
      if (s.fill) format.fill.color = `#${s.fill}`;
      if (s.fontColor) format.font.color = `#${s.fontColor}`;
      if (s.bold) format.font.bold = true;
      // Conditional-format strikethrough is part of ExcelApi 1.6; only the cell font needs 1.9.
      if (s.strike) format.font.strikethrough = true;
      cf.stopIfTrue = rule.stopIfTrue === true;
    },
  };
}

function validationRule(dv: DataValidation, date1904: boolean): XlDataValidationRule {
  if (dv.type === 'list') return { list: { inCellDropDown: true, source: dv.source ?? '' } };
  const between = dv.min !== undefined && dv.max !== undefined;
  const operator = between
    ? 'Between'
    : dv.min !== undefined
      ? 'GreaterThanOrEqualTo'
      : 'LessThanOrEqualTo';
  if (dv.type === 'date') {
    // Office.js takes date criteria as ISO text, not serials.
    const iso = (serial: number | undefined): string | undefined =>
      serial === undefined ? undefined : (serialToIso(serial, date1904) ?? undefined);
    const formula1 = iso(dv.min ?? dv.max)!;
    return { date: { formula1, ...(between ? { formula2: iso(dv.max)! } : {}), operator } };
  }
  const formula1 = (dv.min ?? dv.max)!;
  return { decimal: { formula1, ...(between ? { formula2: dv.max! } : {}), operator } };
}

function validationOp(sheet: string, dv: DataValidation, date1904: boolean): WriteOp {
  const rule = validationRule(dv, date1904);
  return {
    bytes: cost(4, dv.range, rule, dv.prompt ?? null, dv.error ?? null),
    run: (env) => {
      const v = env.sheet(sheet).getRange(dv.range).dataValidation;
      v.rule = rule;
      v.ignoreBlanks = dv.allowBlank;
      if (dv.prompt)
        v.prompt = { showPrompt: true, title: dv.prompt.title, message: dv.prompt.message };
      if (dv.error)
        v.errorAlert = {
          showAlert: true,
          style: 'Stop',
          title: dv.error.title,
          message: dv.error.message,
        };
    },
  };
}

function linkOps(
  block: CellBlock,
  sheet: string,
  out: WriteOp[],
  need: (feature: keyof Features) => boolean,
): void {
  const origin = parseCellAddress(block.origin);
  block.rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (!cell?.link) return;
      if (!need('hyperlinks')) return;
      const address = boxAddress({
        r0: origin.r + i,
        c0: origin.c + j,
        r1: origin.r + i,
        c1: origin.c + j,
      });
      const link = {
        documentReference: `${quoteSheet(cell.link.sheet)}!${cell.link.address}`,
        ...(cell.text !== undefined ? { textToDisplay: cell.text } : {}),
      };
      out.push({
        bytes: cost(1, address, link),
        run: (env) => void (env.sheet(sheet).getRange(address).hyperlink = link),
      });
    }),
  );
}

/** Notes on cells (a person's, carried by a rebuild): ExcelApi 1.18. */
function noteOps(
  block: CellBlock,
  sheet: string,
  out: WriteOp[],
  need: (feature: keyof Features) => boolean,
): void {
  const origin = parseCellAddress(block.origin);
  block.rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (!cell?.note || !need('notes')) return;
      const address = boxAddress({
        r0: origin.r + i,
        c0: origin.c + j,
        r1: origin.r + i,
        c1: origin.c + j,
      });
      const note = cell.note;
      out.push({
        bytes: cost(2, address, note),
        run: (env) => {
          const ws = env.sheet(sheet);
          ws.notes.add(ws.getRange(address), note);
        },
      });
    }),
  );
}

function printOp(sheet: SheetLayout): WriteOp {
  const p = sheet.print;
  const header = p.header ? headerSections(p.header) : null;
  const footer = p.footer ? headerSections(p.footer) : null;
  const orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  const sections = [
    header?.left,
    header?.center,
    header?.right,
    footer?.left,
    footer?.center,
    footer?.right,
  ].filter((s) => s).length;
  const actions =
    3 +
    sections +
    (p.repeatRows ? 1 : 0) +
    (p.repeatColumns ? 1 : 0) +
    (p.printArea ? 1 : 0) +
    (p.pageOrder ? 1 : 0) +
    (p.margins ? 6 : 0) +
    (p.centerHorizontally ? 1 : 0) +
    (p.rowBreaks?.length ?? 0);
  const bare = (ref: string): string => ref.replace(/\$/g, '');
  return {
    bytes: cost(actions, p, header, footer),
    run: (env) => {
      const ws = env.sheet(sheet.name);
      const layout = ws.pageLayout;
      layout.orientation = orientation;
      layout.paperSize = p.paperSize;
      if (p.fitToWidth)
        layout.zoom = p.fitToHeight
          ? { horizontalFitToPages: 1, verticalFitToPages: p.fitToHeight }
          : { horizontalFitToPages: 1 };
      else if (p.scale) layout.zoom = { scale: p.scale };
      if (p.repeatRows) {
        const [a, b] = p.repeatRows.split(':');
        layout.setPrintTitleRows(`$${bare(a!)}:$${bare(b ?? a!)}`);
      }
      if (p.repeatColumns) {
        const [a, b] = p.repeatColumns.split(':');
        layout.setPrintTitleColumns(`$${bare(a!)}:$${bare(b ?? a!)}`);
      }
      if (p.printArea) layout.setPrintArea(p.printArea);
      if (p.pageOrder)
        layout.printOrder = p.pageOrder === 'overThenDown' ? 'OverThenDown' : 'DownThenOver';
      if (p.margins) {
        // Inches in the layout, points in Office.js.
        layout.leftMargin = p.margins.left * 72;
        layout.rightMargin = p.margins.right * 72;
        layout.topMargin = p.margins.top * 72;
        layout.bottomMargin = p.margins.bottom * 72;
        layout.headerMargin = p.margins.header * 72;
        layout.footerMargin = p.margins.footer * 72;
      }
      if (p.centerHorizontally) layout.centerHorizontally = true;
      for (const r of p.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r}`);
      const hf = layout.headersFooters.defaultForAllPages;
      if (header?.left) hf.leftHeader = header.left;
      if (header?.center) hf.centerHeader = header.center;
      if (header?.right) hf.rightHeader = header.right;
      if (footer?.left) hf.leftFooter = footer.left;
      if (footer?.center) hf.centerFooter = footer.center;
      if (footer?.right) hf.rightFooter = footer.right;
    },
  };
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
