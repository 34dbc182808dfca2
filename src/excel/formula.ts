// Formulas as SpreadsheetML stores them, read back: the text a person sees in Excel's formula
// bar (without "="), and shared formulas moved to the cell that uses them. Pure.

import { columnName, columnNumber, MAX_COLS, MAX_ROWS } from './a1';

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
