// Formula text, the one place for it: formulas as SpreadsheetML stores them, read back (the text
// a person sees in Excel's formula bar, shared formulas moved to the cell that uses them), and
// the transformations the writers need — A1 → R1C1 (so a column of formulas that differ only by
// their row is one R1C1 formula, written once for the whole column), sheet and table renames,
// formulas moved with the rows and columns they read. Pure.

import { columnLetter, columnName, columnNumber, MAX_COLS, MAX_ROWS, quoteSheet } from './a1';

/** A formula string literal: "Quá hạn" → "\"Quá hạn\"". */
export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** String literals, quoted sheet names and bracketed parts (tables, other workbooks), kept. */
const OPAQUE = /("(?:[^"]|"")*"|'(?:[^']|'')*'|\[(?:[^[\]]|\[[^\]]*\])*\])/;

/** Calls `fn` on every part of the formula outside quotes and brackets; joins the result. */
function mapCode(formula: string, fn: (code: string) => string): string {
  return formula
    .split(OPAQUE)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('');
}

/**
 * A reference in A1 style: a cell (B3, $B$3), a whole-column range (A:C) or a whole-row range
 * (2:5). Not part of a longer name (LOG10, Sheet1, x1y), not a function name or a sheet prefix.
 */
const REF =
  /(?<![A-Za-z0-9_.$])(?:(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d{1,7}):(\$?)(\d{1,7}))(?![A-Za-z0-9_.(![])/g;

/**
 * The formula as it reads `rows` rows lower and `cols` columns to the right: relative
 * references move, absolute ones ($) stay. A reference moved off the sheet becomes #REF!, as
 * in Excel. This is how a shared formula (`<f t="shared" si="…">`) is expanded to each cell.
 */
export function translateFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return mapCode(formula, (code) =>
    code.replace(REF, (all: string, ...g: (string | undefined)[]) => {
      // Each part keeps its "$"; only relative parts move.
      const col = (abs: string, letters: string): string | null => {
        if (abs) return abs + letters;
        const to = columnNumber(letters) + cols;
        return to < 1 || to > MAX_COLS ? null : columnName(to);
      };
      const row = (abs: string, digits: string): string | null => {
        if (abs) return abs + digits;
        const to = Number(digits) + rows;
        return to < 1 || to > MAX_ROWS ? null : String(to);
      };
      let parts: (string | null)[];
      if (g[3] !== undefined) {
        if (columnNumber(g[1]!) > MAX_COLS) return all; // a name such as "ZZZ1", not a cell
        parts = [col(g[0]!, g[1]!), row(g[2]!, g[3])];
      } else if (g[7] !== undefined) {
        if (columnNumber(g[5]!) > MAX_COLS || columnNumber(g[7]) > MAX_COLS) return all;
        parts = [col(g[4]!, g[5]!), ':', col(g[6]!, g[7])];
      } else {
        parts = [row(g[8]!, g[9]!), ':', row(g[10]!, g[11]!)];
      }
      return parts.includes(null) ? '#REF!' : parts.join('');
    }),
  );
}

/**
 * A stored formula as Excel shows it: without a leading "=" (some writers keep it) and without
 * the "_xlfn." / "_xlws." prefixes the file format gives newer functions (the .xlsx writer adds
 * them back: src/render/xlsx/formula.ts).
 */
export function readableFormula(stored: string): string {
  const text = stored.replace(/^\s*=/, '');
  if (!text.includes('_xl')) return text;
  return mapCode(text, (code) => code.replace(/\b_xl(?:fn|ws)\./gi, ''));
}

type Kind = 'string' | 'sheet' | 'word' | 'bracket' | 'error' | 'other';

interface Token {
  kind: Kind;
  text: string;
  /** Sheet tokens: the name without quotes. */
  sheet?: string;
}

const WORD = /[\p{L}\p{N}_.$\\]/u;
const ERROR_LITERALS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A'];

export class FormulaError extends Error {}

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < s.length && !(s[j] === '"' && s[j + 1] !== '"')) j += s[j] === '"' ? 2 : 1;
      if (j >= s.length) throw new FormulaError(`unterminated text in ${s}`);
      out.push({ kind: 'string', text: s.slice(i, j + 1) });
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < s.length && !(s[j] === "'" && s[j + 1] !== "'")) {
        name += s[j];
        j += s[j] === "'" ? 2 : 1;
      }
      if (s[j + 1] !== '!') throw new FormulaError(`quoted sheet name without "!" in ${s}`);
      out.push({ kind: 'sheet', text: s.slice(i, j + 2), sheet: name });
      i = j + 2;
    } else if (ch === '#') {
      const lit = ERROR_LITERALS.find((e) => s.startsWith(e, i));
      if (!lit) throw new FormulaError(`unknown error literal in ${s}`);
      out.push({ kind: 'error', text: lit });
      i += lit.length;
    } else if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < s.length; j++) {
        if (s[j] === '[') depth++;
        if (s[j] === ']' && --depth === 0) break;
      }
      out.push({ kind: 'bracket', text: s.slice(i, j + 1) });
      i = j + 1;
    } else if (WORD.test(ch)) {
      let j = i;
      while (j < s.length && WORD.test(s[j]!)) j++;
      const word = s.slice(i, j);
      if (s[j] === '!') {
        out.push({ kind: 'sheet', text: `${word}!`, sheet: word });
        i = j + 1;
      } else {
        out.push({ kind: 'word', text: word });
        i = j;
      }
    } else {
      out.push({ kind: 'other', text: ch });
      i++;
    }
  }
  return out;
}

const join = (tokens: Token[]): string => tokens.map((t) => t.text).join('');

/** The 0-based column the letters name ("A" → 0), or -1 past the sheet's last column. */
function columnIndex(letters: string): number {
  const number = columnNumber(letters);
  return number >= 1 && number <= MAX_COLS ? number - 1 : -1;
}

/** The 0-based row the digits name ("1" → 0), or -1 outside the sheet. */
function rowIndex(digits: string): number {
  const number = Number(digits);
  return number >= 1 && number <= MAX_ROWS ? number - 1 : -1;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;

/** One R1C1 part: "R3" absolute, "R" on the formula's own row, "R[-2]" relative to it. */
function r1c1Part(absolute: boolean, index: number, base: number, axis: 'R' | 'C'): string {
  if (absolute) return `${axis}${index + 1}`;
  const offset = index - base;
  return offset === 0 ? axis : `${axis}[${offset}]`;
}

/**
 * An A1 formula (English names, without "=") as R1C1 for the cell at `row`, `col` (0-based):
 * cells ($B$3, B$3, $B3, B3), whole columns ($O:$O) and whole rows ($3:$5), on any sheet.
 * Strings, names, functions (LOG10), structured references and addresses past the sheet's
 * edge (XFE1, A1048577: names, not cells) are left as they are.
 */
export function toR1C1(formula: string, row: number, col: number): string {
  const tokens = tokenize(formula);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const after = tokens[i + 1];
    if (token.kind !== 'word' || after?.text === '(' || after?.kind === 'bracket') continue;
    const cell = CELL.exec(token.text);
    if (cell && columnIndex(cell[2]!) >= 0 && rowIndex(cell[4]!) >= 0) {
      token.text =
        r1c1Part(cell[3] === '$', rowIndex(cell[4]!), row, 'R') +
        r1c1Part(cell[1] === '$', columnIndex(cell[2]!), col, 'C');
      continue;
    }
    // Whole columns ($O:$O) and rows ($3:$3) come as a pair around ":".
    const next = tokens[i + 2];
    if (after?.text !== ':' || next?.kind !== 'word') continue;
    const firstColumn = COLUMN.exec(token.text);
    const lastColumn = COLUMN.exec(next.text);
    if (firstColumn && lastColumn) {
      const [from, to] = [columnIndex(firstColumn[2]!), columnIndex(lastColumn[2]!)];
      if (from < 0 || to < 0) continue;
      token.text = r1c1Part(firstColumn[1] === '$', from, col, 'C');
      next.text = r1c1Part(lastColumn[1] === '$', to, col, 'C');
      i += 2;
      continue;
    }
    const firstRow = ROW.exec(token.text);
    const lastRow = ROW.exec(next.text);
    if (firstRow && lastRow) {
      const [from, to] = [rowIndex(firstRow[2]!), rowIndex(lastRow[2]!)];
      if (from < 0 || to < 0) continue;
      token.text = r1c1Part(firstRow[1] === '$', from, row, 'R');
      next.text = r1c1Part(lastRow[1] === '$', to, row, 'R');
      i += 2;
    }
  }
  return join(tokens);
}

/**
 * Rewrites sheet references by name (ignoring case): `renames` maps the lower-cased old name
 * to the new one. Used when PhuLuc cannot take the name the layout wants.
 */
export function renameSheets(formula: string, renames: Map<string, string>): string {
  if (renames.size === 0 || !formula.includes('!')) return formula;
  const tokens = tokenize(formula);
  let changed = false;
  for (const t of tokens) {
    if (t.kind !== 'sheet') continue;
    const to = renames.get(t.sheet!.toLowerCase());
    if (to === undefined) continue;
    t.text = `${quoteSheet(to)}!`;
    changed = true;
  }
  return changed ? join(tokens) : formula;
}

/** Sheet and table renames in one pass; formulas that mention neither are returned as they are. */
export function renameRefs(
  formula: string,
  sheets: Map<string, string>,
  tables: Map<string, string>,
): string {
  if (!formula.includes('!') && !formula.includes('[')) return formula;
  return renameTables(renameSheets(formula, sheets), tables);
}

/** Structured references to renamed tables (`Old[Col]` → `New[Col]`), names ignoring case. */
export function renameTables(formula: string, renames: Map<string, string>): string {
  if (renames.size === 0 || !formula.includes('[')) return formula;
  const tokens = tokenize(formula);
  let changed = false;
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || tokens[i + 1]?.kind !== 'bracket') return;
    const to = renames.get(t.text.toLowerCase());
    if (to === undefined) return;
    t.text = to;
    changed = true;
  });
  return changed ? join(tokens) : formula;
}

/** The sheet an absolute reference like "'Cài đặt'!$B$3" points to, or null. */
export function sheetOfReference(reference: string): string | null {
  try {
    const tokens = tokenize(reference.replace(/^=/, ''));
    return tokens[0]?.kind === 'sheet' ? tokens[0].sheet! : null;
  } catch {
    return null;
  }
}

/**
 * Sheets and tables a formula refers to (as written, without quotes); null when the text is
 * not a formula PhuLuc can read.
 */
export function referencedNames(formula: string): { sheets: string[]; tables: string[] } | null {
  try {
    const tokens = tokenize(formula.replace(/^=/, ''));
    const sheets: string[] = [];
    const tables: string[] = [];
    tokens.forEach((t, i) => {
      if (t.kind === 'sheet') sheets.push(t.sheet!);
      else if (t.kind === 'word' && tokens[i + 1]?.kind === 'bracket') tables.push(t.text);
    });
    return { sheets, tables };
  } catch {
    return null;
  }
}

export interface FormulaMove {
  /** 0-based row and column the formula was typed at, and where it is written now. */
  from: { row: number; col: number };
  to: { row: number; col: number };
  /** Where a referenced row (0-based) of the same sheet is now, when known (its task moved). */
  row?: (row: number) => number | undefined;
  /** Where a referenced column (0-based) of the same sheet is now, when known (by its header). */
  col?: (col: number) => number | undefined;
  /** Sheet names (as written in references) that mean the formula's own sheet. */
  sameSheet?: (name: string) => boolean;
}

/**
 * A formula typed at one cell, written again at another: references move as when Excel copies
 * the cell (relative parts shift, absolute parts stay), except that references to the formula's
 * own sheet follow what they pointed at — the row of the task it read, the column by its header.
 * A reference that would leave the sheet becomes #REF!. Text, names and functions are kept.
 */
export function moveFormula(formula: string, move: FormulaMove): string {
  const tokens = tokenize(formula);
  const dRow = move.to.row - move.from.row;
  const dCol = move.to.col - move.from.col;
  const place = (
    index: number,
    abs: boolean,
    delta: number,
    own: boolean,
    map: ((i: number) => number | undefined) | undefined,
  ): number => {
    const mapped = own ? map?.(index) : undefined;
    return mapped ?? (abs ? index : index + delta);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || tokens[i + 1]?.text === '(' || tokens[i + 1]?.kind === 'bracket') {
      continue;
    }
    // The sheet this reference is on: the token before it, or before the range's first end.
    let k = i - 1;
    if (tokens[k]?.text === ':' && tokens[k - 1]?.kind === 'word') k -= 2;
    const sheet = tokens[k]?.kind === 'sheet' ? tokens[k]!.sheet! : null;
    const own = sheet === null || (move.sameSheet?.(sheet) ?? false);
    const cell = CELL.exec(t.text);
    if (cell && columnIndex(cell[2]!) >= 0 && rowIndex(cell[4]!) >= 0) {
      const col = place(columnIndex(cell[2]!), cell[1] === '$', dCol, own, move.col);
      const row = place(rowIndex(cell[4]!), cell[3] === '$', dRow, own, move.row);
      t.text =
        col < 0 || row < 0 || col >= MAX_COLS || row >= MAX_ROWS
          ? '#REF!'
          : `${cell[1]}${columnLetter(col)}${cell[3]}${row + 1}`;
      continue;
    }
    const next = tokens[i + 2];
    if (tokens[i + 1]?.text === ':' && next?.kind === 'word') {
      const c1 = COLUMN.exec(t.text);
      const c2 = COLUMN.exec(next.text);
      const r1 = ROW.exec(t.text);
      const r2 = ROW.exec(next.text);
      if (c1 && c2 && columnIndex(c1[2]!) >= 0 && columnIndex(c2[2]!) >= 0) {
        const a = place(columnIndex(c1[2]!), c1[1] === '$', dCol, own, move.col);
        const b = place(columnIndex(c2[2]!), c2[1] === '$', dCol, own, move.col);
        if (a < 0 || b < 0 || a >= MAX_COLS || b >= MAX_COLS) t.text = '#REF!';
        else {
          t.text = `${c1[1]}${columnLetter(a)}`;
          next.text = `${c2[1]}${columnLetter(b)}`;
        }
        i += 2;
      } else if (r1 && r2 && rowIndex(r1[2]!) >= 0 && rowIndex(r2[2]!) >= 0) {
        const a = place(rowIndex(r1[2]!), r1[1] === '$', dRow, own, move.row);
        const b = place(rowIndex(r2[2]!), r2[1] === '$', dRow, own, move.row);
        if (a < 0 || b < 0 || a >= MAX_ROWS || b >= MAX_ROWS) t.text = '#REF!';
        else {
          t.text = `${r1[1]}${a + 1}`;
          next.text = `${r2[1]}${b + 1}`;
        }
        i += 2;
      }
    }
  }
  return join(tokens);
}
