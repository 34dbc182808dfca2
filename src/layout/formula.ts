// Formula text the Office.js writer needs to transform: A1 → R1C1 (so a column of formulas
// that differ only by their row is one R1C1 formula, written once for the whole column), and
// sheet names in references (when a sheet must take another name than the layout's).

import { columnLetter, sheetRef } from './a1';

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

function letters(col: string): number {
  let n = 0;
  for (const ch of col.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;

function rel(abs: boolean, index: number, base: number, axis: 'R' | 'C'): string {
  if (abs) return `${axis}${index + 1}`;
  const d = index - base;
  return d === 0 ? axis : `${axis}[${d}]`;
}

/**
 * An A1 formula (English names, without "=") as R1C1 for the cell at `row`, `col` (0-based).
 * Strings, names, functions and structured references are left as they are.
 */
export function toR1C1(formula: string, row: number, col: number): string {
  const tokens = tokenize(formula);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || tokens[i + 1]?.text === '(' || tokens[i + 1]?.kind === 'bracket') {
      continue;
    }
    const cell = CELL.exec(t.text);
    if (cell && letters(cell[2]!) < 16384) {
      t.text =
        rel(cell[3] === '$', Number(cell[4]) - 1, row, 'R') +
        rel(cell[1] === '$', letters(cell[2]!), col, 'C');
      continue;
    }
    // Whole columns ($O:$O) and rows ($3:$3) come as a pair around ":".
    const next = tokens[i + 2];
    if (tokens[i + 1]?.text === ':' && next?.kind === 'word') {
      const c1 = COLUMN.exec(t.text);
      const c2 = COLUMN.exec(next.text);
      if (c1 && c2) {
        t.text = rel(c1[1] === '$', letters(c1[2]!), col, 'C');
        next.text = rel(c2[1] === '$', letters(c2[2]!), col, 'C');
        i += 2;
        continue;
      }
      const r1 = ROW.exec(t.text);
      const r2 = ROW.exec(next.text);
      if (r1 && r2) {
        t.text = rel(r1[1] === '$', Number(r1[2]) - 1, row, 'R');
        next.text = rel(r2[1] === '$', Number(r2[2]) - 1, row, 'R');
        i += 2;
      }
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
    t.text = `${sheetRef(to)}!`;
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

/** True when the formula mentions a sheet with this name (ignoring case). */
export function mentionsSheet(formula: string, name: string): boolean {
  try {
    const k = name.toLowerCase();
    return tokenize(formula).some((t) => t.kind === 'sheet' && t.sheet!.toLowerCase() === k);
  } catch {
    return false;
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
    if (cell && letters(cell[2]!) < 16384) {
      const col = place(letters(cell[2]!), cell[1] === '$', dCol, own, move.col);
      const row = place(Number(cell[4]) - 1, cell[3] === '$', dRow, own, move.row);
      t.text =
        col < 0 || row < 0 || col >= 16384 || row >= 1_048_576
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
      if (c1 && c2) {
        const a = place(letters(c1[2]!), c1[1] === '$', dCol, own, move.col);
        const b = place(letters(c2[2]!), c2[1] === '$', dCol, own, move.col);
        if (a < 0 || b < 0) t.text = '#REF!';
        else {
          t.text = `${c1[1]}${columnLetter(a)}`;
          next.text = `${c2[1]}${columnLetter(b)}`;
        }
        i += 2;
      } else if (r1 && r2) {
        const a = place(Number(r1[2]) - 1, r1[1] === '$', dRow, own, move.row);
        const b = place(Number(r2[2]) - 1, r2[1] === '$', dRow, own, move.row);
        if (a < 0 || b < 0) t.text = '#REF!';
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
