// One worksheet part, parsed as it is inflated: the cells that exist (never rows × columns),
// their values with types kept, formulas (shared ones expanded), styles, merged areas and
// links. Cells and rows without an `r` attribute take the next position, as Excel does.

import { parseBoxRef, parseCellRef } from '../../excel/a1';
import { isoTextToSerial, serialToIso } from '../../excel/dates';
import { readableFormula, translateFormula } from '../../excel/formula';
import type { XmlHandlers } from '../xml';
import type { Budget } from './budget';
import type { CellValue, XlsxBox, XlsxCell } from './model';
import { PLAIN_STYLE, type CellStyle } from './styles';
import { RunText } from './text';

export interface SheetContext {
  part: string;
  date1904: boolean;
  sharedStrings: () => string[];
  styles: () => CellStyle[];
  budget: Budget;
}

export interface ParsedSheet {
  cells: XlsxCell[];
  merges: XlsxBox[];
  /** Links as stored: a range, and a relationship id and/or a location in the workbook. */
  links: { ref: string; relId?: string; location?: string }[];
}

const EMPTY: CellValue = { type: 'empty' };
/** Sort key of a position: row-major. */
const KEY_COLS = 16_385;

/** The worksheet's handlers; `result()` once the part is parsed. */
export function sheetCollector(ctx: SheetContext): {
  handlers: XmlHandlers;
  result(): ParsedSheet;
} {
  const { budget, date1904 } = ctx;
  const cells: XlsxCell[] = [];
  const merges: XlsxBox[] = [];
  const links: ParsedSheet['links'] = [];
  // Shared formulas by their si: the formula as its first cell holds it, and that cell.
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let strings: string[] | null = null;
  let styles: CellStyle[] | null = null;
  // Values shared by the cells that hold the same shared string or the same day.
  const stringValues = new Map<number, CellValue>();
  const dayNames = new Map<number, string | null>();
  const isoOf = (serial: number): string | null => {
    const day = Math.floor(serial);
    let iso = dayNames.get(day);
    if (iso === undefined) {
      iso = serialToIso(day, date1904);
      if (dayNames.size < 100_000) dayNames.set(day, iso);
    }
    return iso;
  };

  let inData = false;
  let rowCursor = 0;
  let colCursor = 0;
  let lastKey = -1;
  let sorted = true;

  // The cell being read.
  let row = 0;
  let col = 0;
  let type = 'n';
  let styleIndex = 0;
  let v: string | null = null;
  let inV = false;
  let f: string | null = null;
  let fAttrs: Record<string, string> | null = null;
  let inF = false;
  let inIs = false;
  let hasIs = false;
  const inline = new RunText();

  const text = (t: string): CellValue => ({ type: 'text', text: budget.keep(t, ctx.part) });

  const value = (style: CellStyle): CellValue => {
    if (type === 'inlineStr' || (hasIs && type !== 's')) return text(inline.value());
    if (v === null) return EMPTY;
    switch (type) {
      case 's': {
        const index = Number(v);
        let shared = stringValues.get(index);
        if (!shared) {
          strings ??= ctx.sharedStrings();
          const s = strings[index];
          shared = s === undefined ? EMPTY : { type: 'text', text: s };
          stringValues.set(index, shared);
        }
        return shared;
      }
      case 'str':
        return text(v);
      case 'b':
        return { type: 'bool', value: v.trim() === '1' || v.trim().toLowerCase() === 'true' };
      case 'e':
        return { type: 'error', text: v.trim() };
      case 'd': {
        const serial = isoTextToSerial(v, date1904);
        if (serial === null) return text(v);
        const iso = isoOf(serial);
        return iso ? { type: 'date', iso, serial } : { type: 'number', value: serial };
      }
      default: {
        const n = Number(v); // "" and "  " are 0 to Number: empty here
        if (n === 0 && v.trim() === '') return EMPTY;
        if (!Number.isFinite(n)) return text(v);
        if (style.date) {
          const iso = isoOf(n);
          if (iso) return { type: 'date', iso, serial: n };
        }
        return { type: 'number', value: n };
      }
    }
  };

  const finishCell = (): void => {
    styles ??= ctx.styles();
    const style = styles[styleIndex] ?? PLAIN_STYLE;
    const cell: XlsxCell = { row, col, value: value(style), bordered: style.bordered };
    if (f !== null || fAttrs) {
      const kind = fAttrs?.t;
      const stored = f ?? '';
      if (kind === 'shared' && fAttrs?.si !== undefined) {
        const master = shared.get(fAttrs.si);
        if (stored.trim() !== '') {
          const formula = readableFormula(stored);
          shared.set(fAttrs.si, { formula, row, col });
          cell.formula = formula;
        } else if (master) {
          cell.formula = translateFormula(master.formula, row - master.row, col - master.col);
        }
      } else if (kind !== 'dataTable' && stored.trim() !== '') {
        cell.formula = readableFormula(stored);
        if (kind === 'array' && fAttrs?.ref) cell.arrayRef = fAttrs.ref;
      }
      if (cell.formula !== undefined) budget.keep(cell.formula, ctx.part);
    }
    if (style.numFmt !== undefined) cell.numFmt = style.numFmt;
    if (style.fill !== undefined) cell.fill = style.fill;
    const key = row * KEY_COLS + col;
    if (key <= lastKey) sorted = false;
    lastKey = key;
    cells.push(cell);
  };

  const handlers: XmlHandlers = {
    open(name, attrs) {
      if (inData) {
        switch (name) {
          case 'c': {
            budget.cell();
            const at = attrs.r === undefined ? null : parseCellRef(attrs.r);
            if (at) {
              row = at.row;
              col = at.col;
            } else {
              row = Math.max(rowCursor, 1);
              col = colCursor + 1;
            }
            rowCursor = row;
            colCursor = col;
            type = attrs.t ?? 'n';
            styleIndex = attrs.s === undefined ? 0 : Number(attrs.s) || 0;
            v = null;
            f = null;
            fAttrs = null;
            hasIs = false;
            return;
          }
          case 'v':
            inV = true;
            v = '';
            return;
          case 'f':
            inF = true;
            f = '';
            fAttrs = attrs;
            return;
          case 'is':
            inIs = true;
            hasIs = true;
            inline.reset();
            return;
          case 'row': {
            budget.cell();
            const r = attrs.r === undefined ? NaN : Number(attrs.r);
            rowCursor = Number.isInteger(r) && r >= 1 && r <= 1_048_576 ? r : rowCursor + 1;
            colCursor = 0;
            return;
          }
          default:
            if (inIs) inline.open(name);
            return;
        }
      }
      if (name === 'sheetData') inData = true;
      else if (name === 'mergeCell') {
        budget.cell();
        const box = attrs.ref ? parseBoxRef(attrs.ref) : null;
        if (box) merges.push(box);
      } else if (name === 'hyperlink' && attrs.ref) {
        budget.cell();
        const relId = relationshipId(attrs);
        links.push({
          ref: attrs.ref,
          ...(relId ? { relId } : {}),
          ...(attrs.location ? { location: attrs.location } : {}),
        });
      }
    },
    close(name) {
      if (!inData) return;
      switch (name) {
        case 'c':
          finishCell();
          return;
        case 'v':
          inV = false;
          return;
        case 'f':
          inF = false;
          return;
        case 'is':
          inIs = false;
          return;
        case 'sheetData':
          inData = false;
          return;
        default:
          if (inIs) inline.close(name);
      }
    },
    text(chars) {
      if (inV) v += chars;
      else if (inF) f += chars;
      else if (inIs) inline.text(chars);
    },
  };

  return {
    handlers,
    result() {
      if (!sorted) {
        // Row-major, one cell per position (the last one written wins).
        const byKey = new Map<number, XlsxCell>();
        for (const c of cells) byKey.set(c.row * KEY_COLS + c.col, c);
        const keys = [...byKey.keys()].sort((a, b) => a - b);
        cells.length = 0;
        for (const k of keys) cells.push(byKey.get(k)!);
      }
      return { cells, merges, links };
    },
  };
}

/** The relationship id attribute (r:id, whatever the prefix). */
export function relationshipId(attrs: Record<string, string>): string | undefined {
  for (const key in attrs) if (/^[^:]+:id$/.test(key)) return attrs[key];
  return undefined;
}
