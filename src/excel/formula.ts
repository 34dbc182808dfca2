// Formula text, the one place for it: formulas as SpreadsheetML stores them, read back (the text
// a person sees in Excel's formula bar, shared formulas moved to the cell that uses them), and
// the transformations the writers need — A1 → R1C1 (so a column of formulas that differ only by
// their row is one R1C1 formula, written once for the whole column), sheet and table renames,
// formulas moved with the rows and columns they read. Pure.

import { columnLetter, columnNumber, MAX_COLS, MAX_ROWS, quoteSheet } from './a1';

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
 * The formula as it reads `rows` rows lower and `cols` columns to the right: relative
 * references move, absolute ones ($) stay. A reference moved off the sheet becomes #REF!, as
 * in Excel. This is how a shared formula (`<f t="shared" si="…">`) is expanded to each cell.
 * A formula PhuLuc cannot read (an unterminated text) is returned as it is.
 */
export function translateFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  try {
    return moveFormula(formula, { from: { row: 0, col: 0 }, to: { row: rows, col: cols } });
  } catch (error) {
    if (error instanceof FormulaError) return formula;
    throw error;
  }
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

/** A character of a name, number or address: a letter of any script, a digit, _ . $ or a backslash. */
function isWordChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    return (
      (code >= 97 && code <= 122) || // a–z
      (code >= 65 && code <= 90) || // A–Z
      (code >= 48 && code <= 57) || // 0–9
      code === 95 || // _
      code === 46 || // .
      code === 36 || // $
      code === 92 // backslash
    );
  }
  return WORD.test(ch);
}
/** Excel's error values, the newer ones (dynamic arrays, data types, Python) included. */
const ERROR_LITERALS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#PYTHON!',
];

export class FormulaError extends Error {}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = text.indexOf('"', i + 1);
      while (j >= 0 && text[j + 1] === '"') j = text.indexOf('"', j + 2);
      if (j < 0) throw new FormulaError(`unterminated text in ${text}`);
      out.push({ kind: 'string', text: text.slice(i, j + 1) });
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) {
        name += text[j];
        j += text[j] === "'" ? 2 : 1;
      }
      if (text[j + 1] !== '!') throw new FormulaError(`quoted sheet name without "!" in ${text}`);
      out.push({ kind: 'sheet', text: text.slice(i, j + 2), sheet: name });
      i = j + 2;
    } else if (ch === '#') {
      const error = ERROR_LITERALS.find((literal) => text.startsWith(literal, i));
      if (!error) throw new FormulaError(`unknown error literal in ${text}`);
      out.push({ kind: 'error', text: error });
      i += error.length;
    } else if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === '[') depth++;
        if (text[j] === ']' && --depth === 0) break;
      }
      out.push({ kind: 'bracket', text: text.slice(i, j + 1) });
      i = j + 1;
    } else if (isWordChar(ch)) {
      let j = i + 1;
      while (j < text.length && isWordChar(text[j]!)) j++;
      const word = text.slice(i, j);
      if (text[j] === '!') {
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

const join = (tokens: Token[]): string => tokens.map((token) => token.text).join('');

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
  for (const token of tokens) {
    if (token.kind !== 'sheet') continue;
    const to = renames.get(token.sheet!.toLowerCase());
    if (to === undefined) continue;
    token.text = `${quoteSheet(to)}!`;
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
  tokens.forEach((token, i) => {
    if (token.kind !== 'word' || tokens[i + 1]?.kind !== 'bracket') return;
    const to = renames.get(token.text.toLowerCase());
    if (to === undefined) return;
    token.text = to;
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
    tokens.forEach((token, i) => {
      if (token.kind === 'sheet') sheets.push(token.sheet!);
      else if (token.kind === 'word' && tokens[i + 1]?.kind === 'bracket') tables.push(token.text);
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
    absolute: boolean,
    delta: number,
    own: boolean,
    map: ((index: number) => number | undefined) | undefined,
  ): number => {
    const mapped = own ? map?.(index) : undefined;
    return mapped ?? (absolute ? index : index + delta);
  };
  // A whole-row or whole-column range moved off the sheet: "#REF!" in place of all of it.
  const offSheet = (first: number): void => {
    tokens[first]!.text = '#REF!';
    tokens[first + 1]!.text = '';
    tokens[first + 2]!.text = '';
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word' || tokens[i + 1]?.text === '(' || tokens[i + 1]?.kind === 'bracket') {
      continue;
    }
    // The sheet this reference is on: the token before it, or before the range's first end.
    let before = i - 1;
    if (tokens[before]?.text === ':' && tokens[before - 1]?.kind === 'word') before -= 2;
    const sheet = tokens[before]?.kind === 'sheet' ? tokens[before]!.sheet! : null;
    const own = sheet === null || (move.sameSheet?.(sheet) ?? false);
    const cell = CELL.exec(token.text);
    if (cell && columnIndex(cell[2]!) >= 0 && rowIndex(cell[4]!) >= 0) {
      const col = place(columnIndex(cell[2]!), cell[1] === '$', dCol, own, move.col);
      const row = place(rowIndex(cell[4]!), cell[3] === '$', dRow, own, move.row);
      token.text =
        col < 0 || row < 0 || col >= MAX_COLS || row >= MAX_ROWS
          ? '#REF!'
          : `${cell[1]}${columnLetter(col)}${cell[3]}${row + 1}`;
      continue;
    }
    const next = tokens[i + 2];
    if (tokens[i + 1]?.text === ':' && next?.kind === 'word') {
      const firstColumn = COLUMN.exec(token.text);
      const lastColumn = COLUMN.exec(next.text);
      const firstRow = ROW.exec(token.text);
      const lastRow = ROW.exec(next.text);
      if (
        firstColumn &&
        lastColumn &&
        columnIndex(firstColumn[2]!) >= 0 &&
        columnIndex(lastColumn[2]!) >= 0
      ) {
        const from = place(
          columnIndex(firstColumn[2]!),
          firstColumn[1] === '$',
          dCol,
          own,
          move.col,
        );
        const to = place(columnIndex(lastColumn[2]!), lastColumn[1] === '$', dCol, own, move.col);
        if (from < 0 || to < 0 || from >= MAX_COLS || to >= MAX_COLS) offSheet(i);
        else {
          token.text = `${firstColumn[1]}${columnLetter(from)}`;
          next.text = `${lastColumn[1]}${columnLetter(to)}`;
        }
        i += 2;
      } else if (firstRow && lastRow && rowIndex(firstRow[2]!) >= 0 && rowIndex(lastRow[2]!) >= 0) {
        const from = place(rowIndex(firstRow[2]!), firstRow[1] === '$', dRow, own, move.row);
        const to = place(rowIndex(lastRow[2]!), lastRow[1] === '$', dRow, own, move.row);
        if (from < 0 || to < 0 || from >= MAX_ROWS || to >= MAX_ROWS) offSheet(i);
        else {
          token.text = `${firstRow[1]}${from + 1}`;
          next.text = `${lastRow[1]}${to + 1}`;
        }
        i += 2;
      }
    }
  }
  return join(tokens);
}
