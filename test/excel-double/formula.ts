// Just enough of Excel's formula grammar for the double: find references (sheets, tables,
// names), follow a sheet or table rename, turn references to a deleted sheet into #REF!, and
// translate R1C1 formulas to A1. Independent of PhuLuc's own formula helpers.

import { colIndex, colName, MAX_COLS, MAX_ROWS, parseCell, quoteSheet } from './a1';

export type TokenKind =
  | 'string'
  | 'sheet' // a sheet prefix, including the "!"
  | 'word' // identifiers, references, numbers, booleans
  | 'table' // a structured reference: Name[...] or [...] (the brackets included)
  | 'error'
  | 'other';

export interface Token {
  kind: TokenKind;
  text: string;
  /** For sheet tokens: the unquoted name. */
  sheet?: string;
}

const WORD = /[\p{L}\p{N}_.$\\]/u;
const ERRORS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
];

export class FormulaSyntaxError extends Error {}

/** Splits a formula (with or without the leading "=") into tokens; throws on broken syntax. */
export function tokenize(formula: string): Token[] {
  const s = formula;
  const out: Token[] = [];
  let i = 0;
  let depth = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= s.length) throw new FormulaSyntaxError('unterminated string');
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out.push({ kind: 'string', text: s.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = '';
      for (;;) {
        if (j >= s.length) throw new FormulaSyntaxError('unterminated sheet name');
        if (s[j] === "'") {
          if (s[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += s[j];
        j++;
      }
      if (s[j + 1] !== '!') throw new FormulaSyntaxError('quoted name without "!"');
      out.push({ kind: 'sheet', text: s.slice(i, j + 2), sheet: name });
      i = j + 2;
      continue;
    }
    if (ch === '#') {
      const err = ERRORS.find((e) => s.startsWith(e, i));
      if (!err) throw new FormulaSyntaxError(`unknown error literal at ${i}`);
      out.push({ kind: 'error', text: err });
      i += err.length;
      continue;
    }
    if (ch === '[') {
      const j = closeBracket(s, i);
      out.push({ kind: 'table', text: s.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (WORD.test(ch)) {
      let j = i;
      while (j < s.length && WORD.test(s[j]!)) j++;
      // R1C1 relative parts: R[1]C[-2]
      while (
        j < s.length &&
        s[j] === '[' &&
        /[RC]$/i.test(s.slice(i, j)) &&
        /^\[-?\d+\]/.test(s.slice(j))
      ) {
        const close = s.indexOf(']', j);
        j = close + 1;
        while (j < s.length && WORD.test(s[j]!)) j++;
      }
      const word = s.slice(i, j);
      if (s[j] === '!') {
        out.push({ kind: 'sheet', text: `${word}!`, sheet: word });
        i = j + 1;
        continue;
      }
      if (s[j] === '[') {
        const k = closeBracket(s, j);
        out.push({ kind: 'table', text: s.slice(i, k + 1) });
        i = k + 1;
        continue;
      }
      // A number with an exponent: 1E+5
      if (/^\d+(\.\d+)?E$/i.test(word) && (s[j] === '+' || s[j] === '-')) {
        let k = j + 1;
        while (k < s.length && /\d/.test(s[k]!)) k++;
        out.push({ kind: 'word', text: s.slice(i, k) });
        i = k;
        continue;
      }
      out.push({ kind: 'word', text: word });
      i = j;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') {
      depth--;
      if (depth < 0) throw new FormulaSyntaxError('unbalanced parentheses');
    }
    out.push({ kind: 'other', text: ch });
    i++;
  }
  if (depth !== 0) throw new FormulaSyntaxError('unbalanced parentheses');
  return out;
}

function closeBracket(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    if (s[j] === "'" && s[j + 1] !== undefined) {
      j++; // escaped character inside a structured reference
      continue;
    }
    if (s[j] === '[') depth++;
    if (s[j] === ']') {
      depth--;
      if (depth === 0) return j;
    }
  }
  throw new FormulaSyntaxError('unbalanced brackets');
}

export function join(tokens: Token[]): string {
  return tokens.map((t) => t.text).join('');
}

const FUNCTION_AFTER = (tokens: Token[], i: number): boolean => tokens[i + 1]?.text === '(';

export interface References {
  sheets: string[];
  tables: string[];
  /** Identifiers that are neither functions, references, numbers nor booleans: defined names. */
  names: string[];
}

/** Sheet, table and defined names a formula refers to. */
export function references(formula: string): References {
  const tokens = tokenize(formula);
  const out: References = { sheets: [], tables: [], names: [] };
  tokens.forEach((t, i) => {
    if (t.kind === 'sheet') out.sheets.push(t.sheet!);
    if (t.kind === 'table') {
      const name = t.text.slice(0, t.text.indexOf('['));
      if (name) out.tables.push(name);
    }
    if (t.kind === 'word' && !FUNCTION_AFTER(tokens, i) && tokens[i - 1]?.kind !== 'sheet') {
      if (isReferenceWord(t.text) || /^[\d.]/.test(t.text) || /^(TRUE|FALSE)$/i.test(t.text))
        return;
      out.names.push(t.text);
    }
  });
  return out;
}

/** A1 cell, whole column ("$A") or whole row ("$3") part of a reference. */
function isReferenceWord(word: string): boolean {
  return parseCell(word) !== null || /^\$?[A-Za-z]{1,3}$/.test(word) || /^\$?\d+$/.test(word);
}

/** Rewrites sheet prefixes naming `from` (ignoring case) to `to`. */
export function renameSheet(formula: string, from: string, to: string): string {
  const tokens = tokenize(formula);
  let changed = false;
  for (const t of tokens) {
    if (t.kind === 'sheet' && t.sheet!.toLowerCase() === from.toLowerCase()) {
      t.text = `${quoteSheet(to)}!`;
      t.sheet = to;
      changed = true;
    }
  }
  return changed ? join(tokens) : formula;
}

/** References to a deleted sheet become #REF! (prefix and reference together). */
export function dropSheet(formula: string, name: string): string {
  const tokens = tokenize(formula);
  const out: Token[] = [];
  let changed = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'sheet' && t.sheet!.toLowerCase() === name.toLowerCase()) {
      changed = true;
      out.push({ kind: 'error', text: '#REF!' });
      // Skip the reference itself: word (":" word)?
      if (tokens[i + 1]?.kind === 'word') {
        i++;
        if (tokens[i + 1]?.text === ':' && tokens[i + 2]?.kind === 'word') i += 2;
      }
      continue;
    }
    out.push(t);
  }
  return changed ? join(out) : formula;
}

/** Structured references to table `from` follow its new name. */
export function renameTable(formula: string, from: string, to: string): string {
  const tokens = tokenize(formula);
  let changed = false;
  for (const t of tokens) {
    if (t.kind !== 'table') continue;
    const name = t.text.slice(0, t.text.indexOf('['));
    if (name.toLowerCase() === from.toLowerCase()) {
      t.text = to + t.text.slice(name.length);
      changed = true;
    }
  }
  return changed ? join(tokens) : formula;
}

// ---------- R1C1 → A1 ----------

const R1C1 = /^R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?$/i;
const R_ONLY = /^R(\[-?\d+\]|\d+)?$/i;
const C_ONLY = /^C(\[-?\d+\]|\d+)?$/i;

function part(
  spec: string | undefined,
  base: number,
  max: number,
): { index: number; abs: boolean } {
  if (spec === undefined) return { index: base, abs: false };
  if (spec.startsWith('[')) {
    const index = base + Number(spec.slice(1, -1));
    if (index < 0 || index >= max) throw new FormulaSyntaxError('R1C1 reference outside the grid');
    return { index, abs: false };
  }
  const index = Number(spec) - 1;
  if (index < 0 || index >= max) throw new FormulaSyntaxError('R1C1 reference outside the grid');
  return { index, abs: true };
}

/** Translates an R1C1 formula to A1 for the cell at (row, col), 0-based. */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  return compileR1C1(formula)(row, col);
}

/** Tokenizes an R1C1 formula once; the result translates it for any cell. */
export function compileR1C1(formula: string): (row: number, col: number) => string {
  const tokens = tokenize(formula);
  return (row, col) =>
    translate(
      tokens.map((t) => ({ ...t })),
      row,
      col,
    );
}

function translate(tokens: Token[], row: number, col: number): string {
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || FUNCTION_AFTER(tokens, i)) return;
    let m = R1C1.exec(t.text);
    if (m) {
      const r = part(m[1], row, MAX_ROWS);
      const c = part(m[2], col, MAX_COLS);
      t.text = `${c.abs ? '$' : ''}${colName(c.index)}${r.abs ? '$' : ''}${r.index + 1}`;
      return;
    }
    // Whole rows / columns appear in pairs around ":" ("C15:C15" or "R3:R3") or alone ("C15").
    const neighbours = tokens[i - 1]?.text === ':' || tokens[i + 1]?.text === ':';
    m = C_ONLY.exec(t.text);
    if (m && (neighbours || m[1] !== undefined)) {
      const c = part(m[1], col, MAX_COLS);
      const letters = `${c.abs ? '$' : ''}${colName(c.index)}`;
      t.text = neighbours ? letters : `${letters}:${letters}`;
      return;
    }
    m = R_ONLY.exec(t.text);
    if (m && (neighbours || m[1] !== undefined)) {
      const r = part(m[1], row, MAX_ROWS);
      const digits = `${r.abs ? '$' : ''}${r.index + 1}`;
      t.text = neighbours ? digits : `${digits}:${digits}`;
    }
  });
  return join(tokens);
}

/** Translates an A1 formula written for (fromRow, fromCol) to (row, col), as a fill would. */
export function shiftA1(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  const tokens = tokenize(formula);
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || FUNCTION_AFTER(tokens, i)) return;
    const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(t.text);
    if (m && parseCell(t.text)) {
      const c = m[1] ? colIndex(m[2]!) : colIndex(m[2]!) + dCol;
      const r = m[3] ? Number(m[4]) - 1 : Number(m[4]) - 1 + dRow;
      if (c < 0 || r < 0) {
        t.text = '#REF!';
        return;
      }
      t.text = `${m[1]}${colName(c)}${m[3]}${r + 1}`;
    }
  });
  return join(tokens);
}
