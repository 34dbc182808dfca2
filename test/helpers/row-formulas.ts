// Just enough of Excel to compute the formulas of one row of the task list from the layout, in
// a unit test: numbers, text, references to cells of the same sheet, defined names given as
// values, IF (lazy), AND, OR, N, comparisons, & and + / -. Anything else throws, so a formula
// that grows past this is noticed, not misread. The LibreOffice suite computes whole workbooks.
import { isoToSerial } from '../../src/excel/dates';
import type { Cell, SheetLayout } from '../../src/layout/types';

export type Value = number | string | boolean | null;

const TOKEN =
  /\s*(?:(?<num>\d+(?:\.\d+)?)|"(?<str>(?:[^"]|"")*)"|(?<ref>\$?[A-Z]{1,3}\$?\d+)(?![\w(])|(?<name>[A-Za-z_][\w.]*)|(?<op><=|>=|<>|[=<>&+\-(),]))/y;

interface Token {
  kind: 'num' | 'str' | 'ref' | 'name' | 'op';
  text: string;
}

function tokens(formula: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(formula);
    if (!m || m.index !== at) throw new Error(`cannot read "${formula.slice(at)}"`);
    const kind = (Object.keys(m.groups!) as Token['kind'][]).find(
      (k) => m.groups![k] !== undefined,
    );
    if (!kind) break;
    out.push({
      kind,
      text: kind === 'str' ? m.groups!.str!.replace(/""/g, '"') : m.groups![kind]!,
    });
  }
  return out;
}

/** A sheet's cells by A1 address (without "$"). */
export function cellsByAddress(sheet: SheetLayout): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const letters = (n: number): string => {
    let s = '';
    for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26))
      s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
    return s;
  };
  for (const block of sheet.blocks) {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(block.origin)!;
    const col0 = [...col!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    block.rows.forEach((cells, i) =>
      cells.forEach((cell, j) => {
        if (cell) out.set(`${letters(col0 + j)}${Number(row) + i}`, cell);
      }),
    );
  }
  return out;
}

/** Computes formula cells of `cells`, names read from `names`. */
export class RowCalculator {
  private readonly memo = new Map<string, Value>();

  constructor(
    private readonly cells: Map<string, Cell>,
    private readonly names: Record<string, Value>,
  ) {}

  /** The value of a cell: its formula computed, a date as its serial, null when empty. */
  value(address: string): Value {
    const key = address.replace(/\$/g, '');
    if (this.memo.has(key)) return this.memo.get(key)!;
    const cell = this.cells.get(key);
    let value: Value = null;
    if (cell?.formula !== undefined) value = this.evaluate(cell.formula);
    else if (cell?.date !== undefined) value = isoToSerial(cell.date);
    else if (cell?.number !== undefined) value = cell.number;
    else if (cell?.text !== undefined && cell.text !== '') value = cell.text;
    this.memo.set(key, value);
    return value;
  }

  evaluate(formula: string): Value {
    const list = tokens(formula);
    let i = 0;
    const peek = (): Token | undefined => list[i];
    const take = (text?: string): Token => {
      const t = list[i++];
      if (!t || (text !== undefined && t.text !== text))
        throw new Error(`expected ${text ?? 'more'} in ${formula}`);
      return t;
    };
    // Arguments are parsed as thunks so IF computes only the branch it takes.
    type Thunk = () => Value;
    const args = (): Thunk[] => {
      take('(');
      const out: Thunk[] = [];
      if (peek()?.text !== ')') {
        out.push(comparison());
        while (peek()?.text === ',') {
          take(',');
          out.push(comparison());
        }
      }
      take(')');
      return out;
    };
    const call = (name: string, thunks: Thunk[]): Thunk => {
      switch (name.toUpperCase()) {
        case 'IF':
          return () => (truthy(thunks[0]!()) ? thunks[1]!() : (thunks[2]?.() ?? false));
        case 'AND':
          return () => thunks.every((t) => truthy(t()));
        case 'OR':
          return () => thunks.some((t) => truthy(t()));
        case 'N':
          return () => {
            const v = thunks[0]!();
            return typeof v === 'number' ? v : v === true ? 1 : 0;
          };
        default:
          throw new Error(`${name} is not computed here`);
      }
    };
    const primary = (): Thunk => {
      const t = take();
      if (t.kind === 'num') return () => Number(t.text);
      if (t.kind === 'str') return () => t.text;
      if (t.kind === 'ref') return () => this.value(t.text);
      if (t.text === '(') {
        const inner = comparison();
        take(')');
        return inner;
      }
      if (t.text === '-') {
        const operand = primary();
        return () => -number(operand());
      }
      if (t.kind === 'name') {
        if (peek()?.text === '(') return call(t.text, args());
        if (!(t.text in this.names)) throw new Error(`unknown name ${t.text}`);
        return () => this.names[t.text]!;
      }
      throw new Error(`unexpected ${t.text} in ${formula}`);
    };
    const additive = (): Thunk => {
      let left = primary();
      while (peek() && ['+', '-', '&'].includes(peek()!.text)) {
        const op = take().text;
        const l = left;
        const r = primary();
        left =
          op === '&'
            ? () => text(l()) + text(r())
            : () => number(l()) + (op === '+' ? 1 : -1) * number(r());
      }
      return left;
    };
    const comparison = (): Thunk => {
      const left = additive();
      const op = peek()?.text;
      if (!op || !['=', '<>', '<', '>', '<=', '>='].includes(op)) return left;
      take();
      const right = additive();
      return () => compare(left(), right(), op);
    };
    const result = comparison();
    if (i !== list.length) throw new Error(`left over in ${formula}`);
    return result();
  }
}

function truthy(v: Value): boolean {
  return typeof v === 'string' ? v !== '' : !!v;
}
function number(v: Value): number {
  if (v === null || v === '') return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  throw new Error(`"${v}" is not a number`);
}
function text(v: Value): string {
  return v === null ? '' : String(v);
}

/** Excel's comparison: an empty cell is "" beside text and 0 beside a number; text ignores case. */
function compare(a: Value, b: Value, op: string): boolean {
  let x = a;
  let y = b;
  if (x === null) x = typeof y === 'number' ? 0 : '';
  if (y === null) y = typeof x === 'number' ? 0 : '';
  let order: number;
  if (typeof x === 'number' && typeof y === 'number') order = x - y;
  else if (typeof x === 'string' && typeof y === 'string')
    order = x.toLowerCase().localeCompare(y.toLowerCase());
  // A number sorts before any text.
  else order = typeof x === 'number' ? -1 : 1;
  switch (op) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    default:
      return order >= 0;
  }
}
