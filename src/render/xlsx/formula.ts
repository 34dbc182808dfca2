// Formulas as the file stores them. Excel 2010+ functions are stored with an "_xlfn." prefix
// (Excel shows #NAME? without it); the layout writes plain names, as Office.js does.

/** Functions added after Excel 2007 that the file format stores as `_xlfn.NAME`. */
const XLFN = new Set([
  'AGGREGATE',
  'ARABIC',
  'BASE',
  'BITAND',
  'BITLSHIFT',
  'BITOR',
  'BITRSHIFT',
  'BITXOR',
  'CEILING.MATH',
  'CEILING.PRECISE',
  'COMBINA',
  'CONCAT',
  'COT',
  'COTH',
  'CSC',
  'CSCH',
  'DAYS',
  'DECIMAL',
  'FLOOR.MATH',
  'FLOOR.PRECISE',
  'FORMULATEXT',
  'IFNA',
  'IFS',
  'ISFORMULA',
  'ISOWEEKNUM',
  'MAXIFS',
  'MINIFS',
  'MODE.MULT',
  'MODE.SNGL',
  'NETWORKDAYS.INTL',
  'NUMBERVALUE',
  'PERCENTILE.EXC',
  'PERCENTILE.INC',
  'QUARTILE.EXC',
  'QUARTILE.INC',
  'RANK.AVG',
  'RANK.EQ',
  'SEC',
  'SECH',
  'SHEET',
  'SHEETS',
  'STDEV.P',
  'STDEV.S',
  'SWITCH',
  'TEXTJOIN',
  'UNICHAR',
  'UNICODE',
  'VAR.P',
  'VAR.S',
  'WORKDAY.INTL',
  'XOR',
]);

/**
 * Dynamic-array and lambda functions: they need array metadata this writer does not produce,
 * and Office 2016/2019 lack them. A layout must not use them.
 */
const UNSUPPORTED = new Set([
  'FILTER',
  'SORT',
  'SORTBY',
  'UNIQUE',
  'SEQUENCE',
  'RANDARRAY',
  'XLOOKUP',
  'XMATCH',
  'LET',
  'LAMBDA',
  'TEXTSPLIT',
  'TEXTBEFORE',
  'TEXTAFTER',
  'VSTACK',
  'HSTACK',
  'TOCOL',
  'TOROW',
  'CHOOSECOLS',
  'CHOOSEROWS',
  'TAKE',
  'DROP',
  'EXPAND',
  'WRAPROWS',
  'WRAPCOLS',
  'MAP',
  'REDUCE',
  'SCAN',
  'BYROW',
  'BYCOL',
  'MAKEARRAY',
  'ISOMITTED',
]);

/**
 * Any name of either list followed by "(" (fast pre-check: most formulas use neither). Not
 * preceded by a letter, digit, "_" or ".": "NETWORKDAYS(" does not make "DAYS(" a candidate, and
 * the pattern fails at most places at once (twice as fast on 590,000 formulas).
 */
const CANDIDATE = new RegExp(
  `(?<![A-Za-z0-9_.])(?:${[...XLFN, ...UNSUPPORTED].map((n) => n.replace(/\./g, '\\.')).join('|')})\\s*\\(`,
  'i',
);

/** String literals ("…", with "" inside) and quoted sheet names ('…'), kept as they are. */
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;
const FUNCTION = /(?<![\w.])([A-Za-z][A-Za-z0-9.]*)(?=\s*\()/g;

/** Calls `fn` on every part of the formula outside quotes; returns the joined result. */
function mapOutsideQuotes(formula: string, fn: (code: string) => string): string {
  return formula
    .split(QUOTED)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('');
}

/** Function names used by a formula (upper case), outside string literals. */
function functionNames(formula: string): string[] {
  const names: string[] = [];
  mapOutsideQuotes(formula, (code) => {
    for (const m of code.matchAll(FUNCTION)) names.push(m[1]!.toUpperCase());
    return code;
  });
  return names;
}

/** Problems that make a formula unwritable, for the layout checks. */
export function formulaProblem(formula: string): string | null {
  if (/^\s*$/.test(formula)) return 'empty formula';
  if (/^\s*=/.test(formula)) return 'formula starts with "=" (the layout omits it)';
  const bad = CANDIDATE.test(formula)
    ? functionNames(formula).find((n) => UNSUPPORTED.has(n))
    : undefined;
  if (bad) return `${bad} is a dynamic-array function, unavailable in Office 2016/2019`;
  if (formula.length > 8192) return 'formula longer than 8,192 characters';
  return null;
}

/** The formula as the file stores it: newer functions get their "_xlfn." prefix. */
export function fileFormula(formula: string): string {
  if (!CANDIDATE.test(formula)) return formula;
  return mapOutsideQuotes(formula, (code) =>
    code.replace(FUNCTION, (name: string) =>
      XLFN.has(name.toUpperCase()) ? `_xlfn.${name}` : name,
    ),
  );
}

/**
 * One token of a formula: a quoted text or sheet name, a cell reference, a whole-row range, or
 * anything else up to the next of those. Relative row numbers are what a fill-down changes.
 */
const TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![A-Za-z0-9_.])(\$?[A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(])|(?<![A-Za-z0-9_.$])(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![A-Za-z0-9_.])/g;

/**
 * A formula as text pieces and relative row numbers: `template(f)` rendered `k` rows lower is
 * the formula Excel gets by filling `f` down `k` rows. Null when the formula holds something
 * this does not model (structured table references).
 */
export type FormulaTemplate = (string | number)[];

export function formulaTemplate(formula: string): FormulaTemplate | null {
  if (formula.includes('[')) return null;
  const pieces: FormulaTemplate = [];
  let text = '';
  let last = 0;
  for (const m of formula.matchAll(TOKEN)) {
    text += formula.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[3] !== undefined) {
      // A cell reference: column part, then the row (relative unless "$").
      text += m[1]! + m[2]!;
      if (m[2]) text += m[3];
      else {
        pieces.push(text, Number(m[3]));
        text = '';
      }
    } else if (m[5] !== undefined) {
      // A whole-row range "4:7" / "$4:$7".
      for (const [abs, r, sep] of [
        [m[4]!, m[5], ':'],
        [m[6]!, m[7]!, ''],
      ] as const) {
        text += abs;
        if (abs) text += r;
        else {
          pieces.push(text, Number(r));
          text = '';
        }
        text += sep;
      }
    } else text += m[0];
  }
  pieces.push(text + formula.slice(last));
  return pieces;
}

/** The template rendered `offset` rows below its own row. */
export function shiftedFormula(template: FormulaTemplate, offset: number): string {
  let out = '';
  for (const p of template) out += typeof p === 'number' ? String(p + offset) : p;
  return out;
}
