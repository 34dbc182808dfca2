// Checks a layout before writing it: everything that would make Excel show its "We found a
// problem with some content… Do you want us to try to recover?" prompt, or write a wrong file
// silently. A failed check is a bug in the layout; the message says where.

import { hasIllegalCharacters } from '../../core/text/legal';
import { parseIsoDate } from '../../core/time/calendar';
import type { Cell, SheetLayout, WorkbookLayout } from '../../layout/types';
import { formulaProblem, formulaTemplate, shiftedFormula } from './formula';
import {
  isAreaRef,
  overlaps,
  parseBoxRef,
  parseCellRef,
  quoteSheet,
  splitSheetRef,
  MAX_COLS,
  MAX_ROWS,
  type CellBox,
} from '../../excel/a1';

export class LayoutError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `invalid workbook layout: ${problems.slice(0, 8).join('; ')}` +
        (problems.length > 8 ? `; … (${problems.length - 8} more)` : ''),
    );
    this.name = 'LayoutError';
  }
}

const COLOR = /^[0-9A-Fa-f]{6}$/;
const SHEET_FORBIDDEN = /[\\/?*:[\]]/;
const TABLE_STYLE =
  /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;
const REPEAT_ROWS = /^\$?(\d+):\$?(\d+)$/;

/** Excel's rules for a sheet name. */
function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return 'empty sheet name';
  if (name.length > 31) return `sheet name "${name}" is longer than 31 characters`;
  if (SHEET_FORBIDDEN.test(name)) return `sheet name "${name}" holds one of \\ / ? * : [ ]`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `sheet name "${name}" starts or ends with an apostrophe`;
  if (name.toLowerCase() === 'history') return 'sheet name "History" is reserved by Excel';
  if (hasIllegalCharacters(name)) return `sheet name "${name}" holds a character XML forbids`;
  return null;
}

/**
 * Excel's rules for a defined name or a table name: a letter, "_" or "\" first, then letters,
 * digits, "_", "." or "\"; not a cell reference (A1, R1C1) nor "R"/"C"; at most 255 characters.
 */
function definedNameProblem(name: string): string | null {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return `"${name}" is not a valid name`;
  if (name.length > 255) return `name "${name.slice(0, 20)}…" is longer than 255 characters`;
  const upper = name.toUpperCase();
  if (upper === 'R' || upper === 'C') return `"${name}" is reserved`;
  if (/^[A-Z]{1,3}\d+$/.test(upper) && parseCellRef(upper)) return `"${name}" is a cell address`;
  if (/^R\d*C\d*$/.test(upper)) return `"${name}" is an R1C1 address`;
  return null;
}

/** Where a cell is, in a problem's words. */
function place(sheet: string, row: number, col: number): string {
  return `${sheet} row ${row} col ${col}`;
}

/**
 * Adds the cell's problems to `out`. Called for every cell of large sheets: nothing is allocated
 * unless something is wrong (the place is worded only then).
 */
function cellProblems(
  cell: Cell,
  out: string[],
  sheet: string,
  row: number,
  col: number,
  ctx: Context,
): void {
  const kinds =
    (cell.text !== undefined ? 1 : 0) +
    (cell.number !== undefined ? 1 : 0) +
    (cell.date !== undefined ? 1 : 0) +
    (cell.bool !== undefined ? 1 : 0) +
    (cell.formula !== undefined ? 1 : 0);
  if (kinds > 1)
    out.push(`${place(sheet, row, col)}: more than one of text, number, date, bool, formula`);
  if (cell.text !== undefined && cell.text.length > 32_767)
    out.push(`${place(sheet, row, col)}: text longer than 32,767 characters`);
  if (cell.text !== undefined && hasIllegalCharacters(cell.text))
    out.push(`${place(sheet, row, col)}: text holds a character XML forbids`);
  if (cell.number !== undefined && !Number.isFinite(cell.number))
    out.push(`${place(sheet, row, col)}: number ${cell.number}`);
  if (cell.date !== undefined && parseIsoDate(cell.date) === null)
    out.push(`${place(sheet, row, col)}: date "${cell.date}"`);
  if (cell.formula !== undefined) {
    const p = formulaProblem(cell.formula);
    if (p) out.push(`${place(sheet, row, col)}: ${p}`);
  }
  if (cell.value !== undefined) {
    if (cell.formula === undefined)
      out.push(`${place(sheet, row, col)}: a stored value without a formula`);
    else if (typeof cell.value === 'number' && !Number.isFinite(cell.value))
      out.push(`${place(sheet, row, col)}: stored value ${cell.value}`);
    else if (typeof cell.value === 'string' && cell.value.length > 32_767)
      out.push(`${place(sheet, row, col)}: stored text longer than 32,767 characters`);
    else if (typeof cell.value === 'string' && hasIllegalCharacters(cell.value))
      out.push(`${place(sheet, row, col)}: stored text holds a character XML forbids`);
  }
  if (cell.style !== undefined && !ctx.styles.has(cell.style))
    out.push(`${place(sheet, row, col)}: unknown style "${cell.style}"`);
  if (cell.link) {
    if (!ctx.sheetNames.has(cell.link.sheet))
      out.push(`${place(sheet, row, col)}: link to unknown sheet "${cell.link.sheet}"`);
    if (!parseCellRef(cell.link.address))
      out.push(`${place(sheet, row, col)}: link to bad address "${cell.link.address}"`);
  }
}

interface Context {
  styles: Set<string>;
  sheetNames: Set<string>;
  /** Defined and table names, upper case (one namespace in Excel). */
  names: Set<string>;
}

function range(text: string, where: string, out: string[]): CellBox | null {
  const box = parseBoxRef(text);
  if (!box) out.push(`${where}: bad range "${text}"`);
  return box;
}

/** The value of one cell as the blocks write it (the last block wins), or undefined. */
function blockCellAt(sheet: SheetLayout, row: number, col: number): Cell | null | undefined {
  let found: Cell | null | undefined;
  for (const block of sheet.blocks) {
    const o = parseCellRef(block.origin);
    if (!o) continue;
    const cells = block.rows[row - o.row];
    if (!cells || col < o.col || col - o.col >= cells.length) continue;
    found = cells[col - o.col] ?? null;
  }
  return found;
}

/**
 * The cells covered by a sheet's merges, to find overlaps in time linear in the merged cells
 * (Tổng hợp has about 24,000 merges at 10,000 tasks; comparing every pair took minutes). Boxes
 * larger than BIG_MERGE cells are compared pairwise instead; a layout has few of them.
 */
class MergedCells {
  private static readonly BIG_MERGE = 10_000;
  private readonly cells = new Set<number>();
  private readonly big: CellBox[] = [];
  private readonly small: CellBox[] = [];

  overlaps(box: CellBox): boolean {
    if (this.big.some((other) => overlaps(other, box))) return true;
    if (area(box) > MergedCells.BIG_MERGE) return this.small.some((other) => overlaps(other, box));
    for (let row = box.top; row <= box.bottom; row++)
      for (let col = box.left; col <= box.right; col++)
        if (this.cells.has(row * (MAX_COLS + 1) + col)) return true;
    return false;
  }

  add(box: CellBox): void {
    if (area(box) > MergedCells.BIG_MERGE) {
      this.big.push(box);
      return;
    }
    this.small.push(box);
    for (let row = box.top; row <= box.bottom; row++)
      for (let col = box.left; col <= box.right; col++) this.cells.add(row * (MAX_COLS + 1) + col);
  }
}

function area(box: CellBox): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

function sheetProblems(sheet: SheetLayout, ctx: Context): string[] {
  const out: string[] = [];
  const at = `sheet "${sheet.name}"`;
  const nameProblem = sheetNameProblem(sheet.name);
  if (nameProblem) out.push(nameProblem);
  if (sheet.tabColor !== undefined && !COLOR.test(sheet.tabColor))
    out.push(`${at}: tab colour "${sheet.tabColor}"`);
  sheet.columns.forEach((c, i) => {
    if (!(c.width >= 0 && c.width <= 255)) out.push(`${at}: column ${i + 1} width ${c.width}`);
  });
  if (sheet.columns.length > MAX_COLS) out.push(`${at}: too many columns`);
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) {
    if (!(Number(row) >= 1 && Number(row) <= MAX_ROWS) || !(height >= 0 && height <= 409))
      out.push(`${at}: row ${row} height ${height}`);
  }

  for (const block of sheet.blocks) {
    const o = parseCellRef(block.origin);
    if (!o) {
      out.push(`${at}: bad block origin "${block.origin}"`);
      continue;
    }
    if (o.row + block.rows.length - 1 > MAX_ROWS) out.push(`${at}: block past the last row`);
    block.rows.forEach((cells, r) => {
      if (o.col + cells.length - 1 > MAX_COLS) out.push(`${at}: block past the last column`);
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell) continue;
        cellProblems(cell, out, at, o.row + r, o.col + c, ctx);
      }
    });
  }

  const merges: CellBox[] = [];
  const mergedCells = new MergedCells();
  for (const m of sheet.merges ?? []) {
    const box = range(m, `${at} merge`, out);
    if (!box) continue;
    if (mergedCells.overlaps(box)) out.push(`${at}: merge ${m} overlaps another`);
    mergedCells.add(box);
    merges.push(box);
  }

  if (sheet.freeze && (sheet.freeze.rows < 0 || sheet.freeze.columns < 0))
    out.push(`${at}: negative freeze`);

  if (sheet.table) {
    const t = sheet.table;
    const box = range(t.range, `${at} table ${t.name}`, out);
    const p = definedNameProblem(t.name);
    if (p) out.push(`${at} table: ${p}`);
    if (ctx.names.has(t.name.toUpperCase())) out.push(`table name "${t.name}" is used twice`);
    ctx.names.add(t.name.toUpperCase());
    if (!TABLE_STYLE.test(t.style)) out.push(`${at}: unknown table style "${t.style}"`);
    const seen = new Set<string>();
    for (const c of t.columns) {
      if (c.trim() === '') out.push(`${at}: table column with an empty header`);
      if (/[\r\n\t]/.test(c)) out.push(`${at}: table column "${c}" holds a line break or tab`);
      if (c.length > 255) out.push(`${at}: table column header longer than 255 characters`);
      if (hasIllegalCharacters(c)) out.push(`${at}: table column holds a character XML forbids`);
      if (seen.has(c.toUpperCase())) out.push(`${at}: table column "${c}" appears twice`);
      seen.add(c.toUpperCase());
    }
    for (const col of [t.keyColumn, ...t.entryColumns]) {
      if (!t.columns.includes(col)) out.push(`${at}: "${col}" is not a column of the table`);
    }
    if (box) {
      if (box.right - box.left + 1 !== t.columns.length)
        out.push(
          `${at}: table ${t.name} is ${box.right - box.left + 1} columns wide but names ${t.columns.length}`,
        );
      t.columns.forEach((name, i) => {
        const cell = blockCellAt(sheet, box.top, box.left + i);
        if (cell?.text !== name)
          out.push(`${at}: table header cell ${i + 1} is not the text "${name}"`);
      });
      if (merges.some((m) => overlaps(m, box))) out.push(`${at}: a merge overlaps the table`);
      // A calculated column: one formula, the same in every data row (moved to its row), or
      // Excel marks the cells as inconsistent with their column.
      for (const [column, formula] of Object.entries(t.calculated ?? {})) {
        const i = t.columns.indexOf(column);
        if (i < 0) {
          out.push(`${at}: calculated column "${column}" is not a column of the table`);
          continue;
        }
        const p = formulaProblem(formula);
        if (p) out.push(`${at}: calculated column "${column}": ${p}`);
        const template = formulaTemplate(formula);
        for (let row = box.top + 1; row <= box.bottom; row++) {
          const cell = blockCellAt(sheet, row, box.left + i);
          const want = template ? shiftedFormula(template, row - box.top - 1) : formula;
          if (cell?.formula !== want) {
            out.push(`${at}: row ${row} of calculated column "${column}" is not its formula`);
            break;
          }
        }
      }
    }
  }
  for (const ref of sheet.textNumbers ?? []) range(ref, `${at} text numbers`, out);

  for (const cf of sheet.conditionalFormats) {
    range(cf.range, `${at} conditional format`, out);
    for (const rule of cf.rules) {
      const p = formulaProblem(rule.formula);
      if (p) out.push(`${at} conditional format ${cf.range}: ${p}`);
      for (const color of [rule.style.fill, rule.style.fontColor]) {
        if (color !== undefined && !COLOR.test(color))
          out.push(`${at} conditional format ${cf.range}: colour "${color}"`);
      }
    }
  }

  for (const dv of sheet.dataValidations) {
    const where = `${at} validation ${dv.range}`;
    range(dv.range, where, out);
    if (dv.type === 'list') {
      const source = (dv.source ?? '').replace(/^=/, '');
      if (!source) out.push(`${where}: list without a source`);
      if (source.startsWith('"') && source.length > 257)
        out.push(`${where}: list longer than 255 characters`);
    }
    if (dv.type !== 'list' && dv.min !== undefined && dv.max !== undefined && dv.min > dv.max)
      out.push(`${where}: min above max`);
    if (dv.prompt && (dv.prompt.title.length > 32 || dv.prompt.message.length > 255))
      out.push(`${where}: prompt title over 32 or message over 255 characters`);
    if (dv.error && (dv.error.title.length > 32 || dv.error.message.length > 225))
      out.push(`${where}: error title over 32 or message over 225 characters`);
    const texts = [dv.prompt?.title, dv.prompt?.message, dv.error?.title, dv.error?.message];
    if (texts.some((t) => t !== undefined && hasIllegalCharacters(t)))
      out.push(`${where}: a prompt or error text holds a character XML forbids`);
  }

  const repeat = sheet.print.repeatRows;
  if (repeat !== undefined) {
    const m = REPEAT_ROWS.exec(repeat);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]))
      out.push(`${at}: repeated rows "${repeat}"`);
  }
  for (const text of [sheet.print.header, sheet.print.footer]) {
    if (text !== undefined && text.length > 255)
      out.push(`${at}: page header/footer over 255 characters`);
    if (text !== undefined && hasIllegalCharacters(text))
      out.push(`${at}: page header/footer holds a character XML forbids`);
  }
  return out;
}

/** Throws a LayoutError listing every problem, or returns quietly. */
export function checkLayout(layout: WorkbookLayout): void {
  const out: string[] = [];
  const ctx: Context = {
    styles: new Set(Object.keys(layout.styles)),
    sheetNames: new Set(layout.sheets.map((s) => s.name)),
    names: new Set(),
  };
  if (layout.sheets.length === 0) out.push('no sheets');
  const lower = new Set<string>();
  const keys = new Set<string>();
  for (const s of layout.sheets) {
    if (lower.has(s.name.toLowerCase())) out.push(`sheet name "${s.name}" is used twice`);
    lower.add(s.name.toLowerCase());
    if (keys.has(s.key)) out.push(`sheet key "${s.key}" is used twice`);
    keys.add(s.key);
  }
  for (const [id, style] of Object.entries(layout.styles)) {
    for (const color of [style.fill, style.font?.color, style.border]) {
      if (color !== undefined && !COLOR.test(color)) out.push(`style "${id}": colour "${color}"`);
    }
  }
  // A marker may also be listed among the names (with a comment): then it must point at A1.
  const listed = new Map(layout.names.map((n) => [n.name.toUpperCase(), n.ref]));
  for (const s of layout.sheets) {
    const ref = listed.get(s.marker.toUpperCase());
    const target = ref === undefined ? null : splitSheetRef(ref.replace(/^=/, ''));
    if (ref !== undefined && (target?.sheet !== s.name || target.range !== '$A$1'))
      out.push(`marker "${s.marker}" is defined as "${ref}", not as ${s.name}!$A$1`);
  }
  const names = [
    ...layout.names.map((n) => ({ name: n.name, ref: n.ref.replace(/^=/, '') })),
    ...layout.sheets
      .filter((s) => !listed.has(s.marker.toUpperCase()))
      .map((s) => ({ name: s.marker, ref: `${quoteSheet(s.name)}!$A$1` })),
  ];
  for (const n of layout.names) {
    if (n.comment !== undefined && (n.comment.length > 255 || hasIllegalCharacters(n.comment)))
      out.push(`name "${n.name}": comment over 255 characters or with a character XML forbids`);
  }
  for (const [key, text] of Object.entries(layout.properties)) {
    if (text.length > 255 || hasIllegalCharacters(text))
      out.push(`property ${key}: over 255 characters or with a character XML forbids`);
  }
  for (const n of names) {
    const p = definedNameProblem(n.name);
    if (p) out.push(p);
    if (ctx.names.has(n.name.toUpperCase())) out.push(`name "${n.name}" is defined twice`);
    ctx.names.add(n.name.toUpperCase());
    const ref = splitSheetRef(n.ref);
    if (!ref || !ctx.sheetNames.has(ref.sheet) || !isAreaRef(ref.range))
      out.push(`name "${n.name}": reference "${n.ref}" is not a range of a sheet of the workbook`);
  }
  for (const s of layout.sheets) out.push(...sheetProblems(s, ctx));
  const active = layout.sheets.find((s) => s.name === layout.activeSheet);
  if (!active) out.push(`active sheet "${layout.activeSheet}" does not exist`);
  else if (active.hidden) out.push(`active sheet "${layout.activeSheet}" is hidden`);
  if (out.length > 0) throw new LayoutError(out);
}
