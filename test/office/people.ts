// What people do in Excel around a PhuLuc workbook, for the tests: insert rows above the task
// list (Excel moves cells, tables, rules and every reference along), and read what their own
// formulas compute — a small evaluator over the double's cells, enough for the formulas people
// write against a tracker (references, COUNTIF, COUNTA, INDEX/MATCH, SUM, comparisons).

import type { ExcelDouble, SheetState } from '../excel-double';
import { colIndex, MAX_COLS, MAX_ROWS, parseCell, parseRect, type Rect } from '../excel-double/a1';
import { join, tokenize, type Token } from '../excel-double/formula';
import type { CellState } from '../excel-double/state';

// ---------- inserting rows ----------

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

/** Shifts, in one formula, the rows (≥ `at`, 0-based) of references to `sheet` by `count`. */
function shiftFormula(
  formula: string,
  host: string | null,
  sheet: string,
  at: number,
  count: number,
): string {
  let tokens: Token[];
  try {
    tokens = tokenize(formula.replace(/^=/, ''));
  } catch {
    return formula;
  }
  const k = sheet.toLowerCase();
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || tokens[i + 1]?.text === '(') return;
    const m = CELL.exec(t.text);
    if (!m || !parseCell(t.text.replace(/\$/g, ''))) return;
    // The sheet of this reference: its prefix, or the first end's prefix (A4:B9), or the host.
    let j = i - 1;
    if (tokens[j]?.text === ':' && tokens[j - 1]?.kind === 'word') j -= 2;
    const on = tokens[j]?.kind === 'sheet' ? tokens[j]!.sheet! : host;
    if (on === null || on.toLowerCase() !== k) return;
    const row = Number(m[4]) - 1;
    if (row >= at) t.text = `${m[1]}${m[2]}${m[3]}${row + count + 1}`;
  });
  return (formula.startsWith('=') ? '=' : '') + join(tokens);
}

const shiftRect = (r: Rect, at: number, count: number): Rect =>
  r.r0 >= at
    ? { ...r, r0: r.r0 + count, r1: r.r1 + count }
    : r.r1 >= at
      ? { ...r, r1: r.r1 + count }
      : r;

/** Inserts `count` whole rows before row `at` (0-based) of a sheet, as Excel does. */
export function insertRows(excel: ExcelDouble, name: string, at: number, count: number): void {
  const s = excel.state;
  const sheet = excel.sheet(name);
  const moveKeys = <V>(map: Map<number, V>): Map<number, V> => {
    const out = new Map<number, V>();
    for (const [key, v] of map) {
      const r = Math.floor(key / MAX_COLS);
      out.set(r >= at ? key + count * MAX_COLS : key, v);
    }
    return out;
  };
  sheet.cells = moveKeys(sheet.cells);
  sheet.notes = moveKeys(sheet.notes);
  sheet.rowHeights = new Map(
    [...sheet.rowHeights].map(([r, h]) => [r >= at ? r + count : r, h] as [number, number]),
  );
  sheet.merges = sheet.merges.map((m) => shiftRect(m, at, count));
  for (const cf of sheet.conditionalFormats) cf.rect = shiftRect(cf.rect, at, count);
  for (const dv of sheet.validations) dv.rect = shiftRect(dv.rect, at, count);
  for (const t of s.tables) if (t.sheet === sheet) t.rect = shiftRect(t.rect, at, count);
  for (const other of s.sheets) {
    for (const cell of other.cells.values()) {
      if (cell.formula) {
        cell.formula = shiftFormula(cell.formula, other.name, name, at, count);
        s.indexFormula(cell);
      }
    }
    for (const cf of other.conditionalFormats)
      if (cf.formula) cf.formula = shiftFormula(cf.formula, other.name, name, at, count);
    for (const dv of other.validations) {
      const list = dv.rule?.['list'] as { source?: string } | undefined;
      if (list?.source?.startsWith('='))
        list.source = shiftFormula(list.source, other.name, name, at, count);
    }
  }
  for (const n of s.names)
    n.formula = shiftFormula(n.formula, n.scope?.name ?? null, name, at, count);
}

// ---------- evaluating people's formulas ----------

type Scalar = string | number | boolean | null;
interface RangeRef {
  sheet: SheetState;
  rect: Rect;
}
type Val = Scalar | RangeRef;

const isRange = (v: Val): v is RangeRef => typeof v === 'object' && v !== null;

export class EvalError extends Error {}

/** What a formula on `sheet` computes, from the cells as they are now (formulas followed). */
export function evaluate(excel: ExcelDouble, sheet: string, formula: string): Scalar {
  return scalar(excel, new Evaluator(excel, excel.sheet(sheet), formula).run());
}

function cellValue(excel: ExcelDouble, sheet: SheetState, cell: CellState | undefined): Scalar {
  if (!cell) return null;
  if (cell.formula) return evaluate(excel, sheet.name, cell.formula);
  return cell.value;
}

function scalar(excel: ExcelDouble, v: Val): Scalar {
  if (!isRange(v)) return v;
  return cellValue(excel, v.sheet, excel.state.cell(v.sheet, v.rect.r0, v.rect.c0));
}

/** The cells of a range that exist, in row order. */
function cells(excel: ExcelDouble, r: RangeRef): { row: number; col: number; value: Scalar }[] {
  const out: { row: number; col: number; value: Scalar }[] = [];
  for (const [key, cell] of r.sheet.cells) {
    const row = Math.floor(key / MAX_COLS);
    const col = key % MAX_COLS;
    if (row < r.rect.r0 || row > r.rect.r1 || col < r.rect.c0 || col > r.rect.c1) continue;
    out.push({ row, col, value: cellValue(excel, r.sheet, cell) });
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

const same = (a: Scalar, b: Scalar): boolean =>
  typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;

class Evaluator {
  private tokens: Token[];
  private i = 0;
  constructor(
    private readonly excel: ExcelDouble,
    private readonly host: SheetState,
    formula: string,
  ) {
    this.tokens = tokenize(formula.replace(/^=/, '')).filter((t) => t.text.trim() !== '');
  }

  run(): Val {
    const v = this.comparison();
    if (this.i < this.tokens.length) throw new EvalError(`unexpected ${this.tokens[this.i]!.text}`);
    return v;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private comparison(): Val {
    const left = this.additive();
    const op = this.peek()?.text;
    if (op === '>' || op === '<' || op === '=') {
      this.i++;
      let full = op;
      if (this.peek()?.text === '=' || (op === '<' && this.peek()?.text === '>'))
        full += this.tokens[this.i++]!.text;
      const a = scalar(this.excel, left);
      const b = scalar(this.excel, this.additive());
      switch (full) {
        case '>':
          return Number(a) > Number(b);
        case '<':
          return Number(a) < Number(b);
        case '>=':
          return Number(a) >= Number(b);
        case '<=':
          return Number(a) <= Number(b);
        case '<>':
          return !same(a, b);
        default:
          return same(a, b);
      }
    }
    return left;
  }

  private additive(): Val {
    let v = this.term();
    for (
      let op = this.peek()?.text;
      op === '+' || op === '-' || op === '&';
      op = this.peek()?.text
    ) {
      this.i++;
      const a = scalar(this.excel, v);
      const b = scalar(this.excel, this.term());
      v =
        op === '&'
          ? `${a ?? ''}${b ?? ''}`
          : op === '+'
            ? Number(a) + Number(b)
            : Number(a) - Number(b);
    }
    return v;
  }

  private term(): Val {
    let v = this.primary();
    for (let op = this.peek()?.text; op === '*' || op === '/'; op = this.peek()?.text) {
      this.i++;
      const a = Number(scalar(this.excel, v));
      const b = Number(scalar(this.excel, this.primary()));
      v = op === '*' ? a * b : a / b;
    }
    return v;
  }

  private primary(): Val {
    const t = this.tokens[this.i++];
    if (!t) throw new EvalError('formula ends too soon');
    if (t.text === '-') return -Number(scalar(this.excel, this.primary()));
    if (t.text === '(') {
      const v = this.comparison();
      this.expect(')');
      return v;
    }
    if (t.kind === 'string') return t.text.slice(1, -1).replace(/""/g, '"');
    if (t.kind === 'error') throw new EvalError(t.text);
    if (t.kind === 'table') return this.structured(t.text);
    if (t.kind === 'sheet') {
      const sheet = this.excel.state.sheetByName(t.sheet!);
      if (!sheet) throw new EvalError(`#REF! (no sheet ${t.sheet})`);
      return this.reference(sheet);
    }
    if (t.kind === 'word') {
      if (this.peek()?.text === '(') return this.call(t.text.toUpperCase());
      if (/^\d+(\.\d+)?$/.test(t.text)) return Number(t.text);
      if (/^(TRUE|FALSE)$/i.test(t.text)) return t.text.toUpperCase() === 'TRUE';
      this.i--;
      if (this.isReference()) return this.reference(this.host);
      this.i++;
      const name = this.excel.state.names.find(
        (n) =>
          n.name.toLowerCase() === t.text.toLowerCase() &&
          (n.scope === null || n.scope === this.host),
      );
      if (!name) throw new EvalError(`#NAME? (${t.text})`);
      return new Evaluator(this.excel, name.scope ?? this.host, name.formula).run();
    }
    throw new EvalError(`unexpected ${t.text}`);
  }

  private isReference(): boolean {
    const t = this.peek();
    if (!t || t.kind !== 'word') return false;
    if (parseCell(t.text.replace(/\$/g, ''))) return true;
    return this.tokens[this.i + 1]?.text === ':';
  }

  /** A1, A1:B9, L:L or 3:5 on `sheet`. */
  private reference(sheet: SheetState): RangeRef {
    const a = this.tokens[this.i++]!.text.replace(/\$/g, '');
    let text = a;
    if (this.peek()?.text === ':') {
      this.i++;
      text = `${a}:${this.tokens[this.i++]!.text.replace(/\$/g, '')}`;
    }
    const rect = parseRect(text);
    if (!rect) throw new EvalError(`bad reference ${text}`);
    return { sheet, rect };
  }

  /** Table[Column] → the column's data rows. */
  private structured(text: string): RangeRef {
    const name = text.slice(0, text.indexOf('['));
    const column = text.slice(text.indexOf('[') + 1, -1);
    const table = this.excel.state.tableByName(name);
    if (!table) throw new EvalError(`#REF! (no table ${name})`);
    for (let c = table.rect.c0; c <= table.rect.c1; c++) {
      if (String(this.excel.state.cell(table.sheet, table.rect.r0, c)?.value ?? '') === column)
        return {
          sheet: table.sheet,
          rect: { r0: table.rect.r0 + 1, c0: c, r1: table.rect.r1, c1: c },
        };
    }
    throw new EvalError(`#REF! (no column ${column})`);
  }

  private expect(text: string): void {
    if (this.tokens[this.i++]?.text !== text) throw new EvalError(`expected ${text}`);
  }

  private call(fn: string): Val {
    this.expect('(');
    const args: Val[] = [];
    if (this.peek()?.text !== ')') {
      args.push(this.comparison());
      while (this.peek()?.text === ',') {
        this.i++;
        args.push(this.comparison());
      }
    }
    this.expect(')');
    const range = (k: number): RangeRef => {
      const v = args[k];
      if (v === undefined || !isRange(v))
        throw new EvalError(`${fn}: argument ${k + 1} is not a range`);
      return v;
    };
    switch (fn) {
      case 'COUNTIF': {
        const criterion = scalar(this.excel, args[1]!);
        return cells(this.excel, range(0)).filter((c) => same(c.value, criterion)).length;
      }
      case 'COUNTA':
        return cells(this.excel, range(0)).filter((c) => c.value !== null && c.value !== '').length;
      case 'SUM':
        return cells(this.excel, range(0)).reduce(
          (n, c) => n + (typeof c.value === 'number' ? c.value : 0),
          0,
        );
      case 'MATCH': {
        const wanted = scalar(this.excel, args[0]!);
        const r = range(1);
        const hit = cells(this.excel, r).find((c) => same(c.value, wanted));
        if (!hit) throw new EvalError('#N/A');
        return r.rect.r0 === r.rect.r1 ? hit.col - r.rect.c0 + 1 : hit.row - r.rect.r0 + 1;
      }
      case 'INDEX': {
        const r = range(0);
        const n = Number(scalar(this.excel, args[1]!));
        const row = r.rect.r0 + n - 1;
        if (row > Math.min(r.rect.r1, MAX_ROWS - 1)) throw new EvalError('#REF!');
        return cellValue(this.excel, r.sheet, this.excel.state.cell(r.sheet, row, r.rect.c0));
      }
      default:
        throw new EvalError(`the test evaluator does not know ${fn}`);
    }
  }
}

/** Column index of a letter, for tests. */
export const col = (letters: string): number => colIndex(letters);
