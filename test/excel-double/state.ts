// The workbook the Excel double holds: sheets of cells, merges, tables, names, rules. Every
// mutation checks what Excel checks and throws a DoubleError with Office.js's error code.

import {
  cellCount,
  cellName,
  contains,
  dateSerial,
  intersects,
  MAX_COLS,
  parseRect,
  quoteSheet,
  rectName,
  serialParts,
  splitSheet,
  type Rect,
} from './a1';
import {
  compileR1C1,
  dropSheet,
  FormulaSyntaxError,
  references,
  type References,
  renameSheet,
  renameTable,
  shiftA1,
} from './formula';

export type Value = string | number | boolean;

export class DoubleError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

export const fail = (code: string, message: string): never => {
  throw new DoubleError(code, message);
};

export interface Border {
  style: string;
  color: string;
  weight: string;
}

export interface Format {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  strike?: boolean;
  underline?: string;
  fontName?: string;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  indent?: number;
  top?: Border;
  bottom?: Border;
  left?: Border;
  right?: Border;
  /** Cell protection: false = editable when the sheet is protected (Excel's default: locked). */
  locked?: boolean;
}

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface CellState {
  /** Constant value, or the cached result of a formula (null: empty / not calculated). */
  value: Value | null;
  /** "=…" in A1 notation, English function names. */
  formula: string | null;
  numberFormat: string;
  /** Written with a leading apostrophe: text that would otherwise be read as something else. */
  quotePrefix: boolean;
  /** An error value (#REF!, #N/A) set up by a test. */
  error?: string;
  /** What the cell shows, when a test wants it different from the formatted value ("####"). */
  display?: string;
  format: Format;
  hyperlink?: Hyperlink;
}

export interface ConditionalFormatState {
  id: string;
  type: 'Custom';
  rect: Rect;
  formula: string | null;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  stopIfTrue: boolean;
}

export interface ValidationState {
  rect: Rect;
  rule: Record<string, unknown> | null;
  prompt?: { message: string; showPrompt: boolean; title: string };
  errorAlert?: { message: string; showAlert: boolean; style: string; title: string };
  ignoreBlanks: boolean;
}

/** A note (the yellow "comment" of old Excel) on one cell. */
export interface NoteState {
  content: string;
  author: string;
}

export interface PageState {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
  printOrder: string;
  /** Points. */
  margins: Record<string, number>;
  centerHorizontally: boolean;
  /** Rows (1-based) a manual page break puts at the top of a page. */
  rowBreaks: number[];
  headers: Record<string, string>;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  tabColor: string;
  cells: Map<number, CellState>;
  merges: Rect[];
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  rowHeights: Map<number, number>;
  freeze: { rows: number; columns: number } | null;
  conditionalFormats: ConditionalFormatState[];
  validations: ValidationState[];
  page: PageState;
  /** Notes by cell (row * MAX_COLS + column, as `cells`). */
  notes: Map<number, NoteState>;
  /** Sheet protection: locked cells of a protected sheet cannot be changed. */
  protection: { protected: boolean; options: Record<string, boolean> };
}

export interface TableState {
  id: string;
  name: string;
  sheet: SheetState;
  rect: Rect;
  style: string;
  /**
   * Calculated columns (column offset → the formula of the first data row, A1): Excel makes a
   * column calculated when one formula is written over all of its data rows.
   */
  calculated: Map<number, string>;
}

export interface NameState {
  name: string;
  /** "=…" */
  formula: string;
  comment: string;
  visible: boolean;
  /** Worksheet scope, or null for the workbook. */
  scope: SheetState | null;
}

export const DEFAULT_COLUMN_WIDTH = 48; // points (8.43 characters of Calibri 11)
export const DEFAULT_ROW_HEIGHT = 15;
const SHEET_FORBIDDEN = /[\\/?*:[\]]/;
const COLOR = /^#[0-9A-F]{6}$/i;
const NAMED_COLORS: Record<string, string> = {
  white: '#FFFFFF',
  black: '#000000',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
};

const key = (r: number, c: number): number => r * MAX_COLS + c;

export function normalizeColor(color: string, allowEmpty = false): string {
  if (allowEmpty && color === '') return '';
  const named = NAMED_COLORS[color.toLowerCase()];
  if (named) return named;
  if (!COLOR.test(color)) fail('InvalidArgument', `"${color}" is not a colour (#RRGGBB).`);
  return color.toUpperCase();
}

export class WorkbookState {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  names: NameState[] = [];
  settings = new Map<string, unknown>();
  properties = { title: '', subject: '', author: '', comments: '' };
  activeSheet: SheetState | null = null;
  selection: { sheet: SheetState; areas: Rect[] } | null = null;
  enableEvents = true;
  /** The 1904 date system of old Mac workbooks (DATE(1904,1,1) is 0 instead of 1462). */
  date1904 = false;
  /** Text written to a cell that Excel turned into something else (number, date, formula). */
  conversions: { sheet: string; cell: string; text: string; became: string }[] = [];
  /** Values Excel dropped when cells were merged. */
  mergeLosses: { sheet: string; cell: string }[] = [];
  private nextId = 1;
  /**
   * Cells whose formula mentions a name (sheet or table, lower case), so a rename rewrites only
   * those. Entries may be stale (the formula changed since); rewriting checks again.
   */
  private mentions = new Map<string, Set<CellState>>();

  /** Records what a cell's formula mentions; call after setting `cell.formula`. */
  indexFormula(cell: CellState, known?: References): void {
    if (!cell.formula) return;
    let refs = known;
    if (!refs) {
      try {
        refs = references(cell.formula.slice(1));
      } catch {
        return;
      }
    }
    for (const name of [...refs.sheets, ...refs.tables]) {
      const k = name.toLowerCase();
      let set = this.mentions.get(k);
      if (!set) this.mentions.set(k, (set = new Set()));
      set.add(cell);
    }
  }

  id(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(4, '0')}}`;
  }

  // ---------- sheets ----------

  sheetByName(name: string): SheetState | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  checkSheetName(name: string, except?: SheetState): void {
    if (name.length === 0 || name.trim().length === 0)
      fail('InvalidArgument', 'A sheet name cannot be blank.');
    // Excel counts UTF-16 code units: an emoji is two characters.
    if (name.length > 31)
      fail('InvalidArgument', `Sheet name "${name}" is longer than 31 characters.`);
    if (SHEET_FORBIDDEN.test(name))
      fail('InvalidArgument', `Sheet name "${name}" contains one of \\ / ? * : [ ].`);
    if (name.startsWith("'") || name.endsWith("'"))
      fail('InvalidArgument', `Sheet name "${name}" begins or ends with an apostrophe.`);
    if (name.toLowerCase() === 'history') fail('InvalidArgument', '"History" is a reserved name.');
    const other = this.sheetByName(name);
    if (other && other !== except)
      fail('ItemAlreadyExists', `A sheet named "${other.name}" already exists.`);
  }

  addSheet(name?: string): SheetState {
    let final = name;
    if (final === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      final = `Sheet${n}`;
    }
    this.checkSheetName(final);
    const sheet: SheetState = {
      id: this.id('sheet'),
      name: final,
      visibility: 'Visible',
      tabColor: '',
      cells: new Map(),
      merges: [],
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      rowHeights: new Map(),
      freeze: null,
      conditionalFormats: [],
      validations: [],
      notes: new Map(),
      protection: { protected: false, options: {} },
      page: {
        orientation: 'Portrait',
        paperSize: 'Letter',
        zoom: { scale: 100 },
        printTitleRows: null,
        printTitleColumns: null,
        printArea: null,
        printOrder: 'DownThenOver',
        margins: {},
        centerHorizontally: false,
        rowBreaks: [],
        headers: {},
      },
    };
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  renameSheet(sheet: SheetState, name: string): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet);
    const old = sheet.name;
    sheet.name = name;
    this.rewriteFormulas((f) => renameSheet(f, old, name), old);
  }

  visibleSheets(): SheetState[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  setVisibility(sheet: SheetState, visibility: string): void {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility))
      fail('InvalidArgument', `Unknown visibility "${visibility}".`);
    if (
      visibility !== 'Visible' &&
      sheet.visibility === 'Visible' &&
      this.visibleSheets().length === 1
    )
      fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    sheet.visibility = visibility as SheetState['visibility'];
    if (visibility !== 'Visible' && this.activeSheet === sheet)
      this.activeSheet = this.visibleSheets()[0]!;
  }

  setPosition(sheet: SheetState, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length)
      fail('InvalidArgument', `Position ${position} is outside 0…${this.sheets.length - 1}.`);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  deleteSheet(sheet: SheetState): void {
    if (!this.sheets.includes(sheet)) fail('ItemNotFound', 'The sheet no longer exists.');
    if (sheet.visibility === 'Visible' && this.visibleSheets().length === 1)
      fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    this.names = this.names.filter((n) => n.scope !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.visibleSheets()[0] ?? null;
    if (this.selection?.sheet === sheet) this.selection = null;
    this.rewriteFormulas((f) => dropSheet(f, sheet.name), sheet.name);
  }

  /** Applies a formula transformation everywhere formulas mentioning `name` live. */
  private rewriteFormulas(fn: (formula: string) => string, name: string): void {
    const cells = this.mentions.get(name.toLowerCase());
    if (cells) {
      this.mentions.delete(name.toLowerCase());
      for (const cell of cells) {
        if (!cell.formula) continue;
        const before = cell.formula;
        cell.formula = fn(before);
        if (cell.formula !== before) this.indexFormula(cell);
      }
    }
    for (const sheet of this.sheets) {
      for (const cf of sheet.conditionalFormats) if (cf.formula) cf.formula = fn(cf.formula);
      for (const dv of sheet.validations) {
        const list = dv.rule?.['list'] as { source?: string } | undefined;
        if (list?.source?.startsWith('=')) list.source = fn(list.source);
      }
    }
    for (const name of this.names) name.formula = fn(name.formula);
  }

  // ---------- references and formulas ----------

  /** Resolves "Sheet!A1:B2" / "A1:B2" (on `base`). */
  resolveAddress(address: string, base: SheetState | null): { sheet: SheetState; rect: Rect } {
    const { sheet: sheetName, ref } = splitSheet(address);
    const sheet = sheetName !== undefined ? this.sheetByName(sheetName) : base;
    if (!sheet) fail('InvalidArgument', `The address "${address}" names no existing sheet.`);
    const rect = parseRect(ref.replace(/\$/g, ''));
    if (!rect) fail('InvalidArgument', `"${address}" is not a valid range address.`);
    return { sheet: sheet!, rect: rect! };
  }

  /** Checks a formula the way entering it would: syntax, sheets and tables must exist. */
  checkFormula(formula: string): References {
    if (!formula.startsWith('='))
      fail('InvalidArgument', `A formula must begin with "=": ${formula}`);
    let refs: References | undefined;
    try {
      refs = references(formula.slice(1));
    } catch (e) {
      if (e instanceof FormulaSyntaxError)
        fail('InvalidArgument', `Excel cannot read the formula ${formula}: ${e.message}`);
      throw e;
    }
    for (const s of refs!.sheets) {
      if (!this.sheetByName(s))
        fail('InvalidArgument', `The formula ${formula} refers to a missing sheet "${s}".`);
    }
    for (const t of refs!.tables) {
      if (!this.tableByName(t))
        fail('InvalidArgument', `The formula ${formula} refers to a missing table "${t}".`);
    }
    return refs!;
  }

  // ---------- cells ----------

  cell(sheet: SheetState, r: number, c: number): CellState | undefined {
    return sheet.cells.get(key(r, c));
  }

  ensureCell(sheet: SheetState, r: number, c: number): CellState {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) {
      cell = {
        value: null,
        formula: null,
        numberFormat: 'General',
        quotePrefix: false,
        format: {},
      };
      sheet.cells.set(key(r, c), cell);
    }
    return cell;
  }

  forEachCell(
    sheet: SheetState,
    rect: Rect,
    fn: (cell: CellState, r: number, c: number) => void,
  ): void {
    if (cellCount(rect) > 5_000_000)
      fail('InvalidOperation', 'The double does not materialise more than 5,000,000 cells.');
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) fn(this.ensureCell(sheet, r, c), r, c);
    }
  }

  mergeAt(sheet: SheetState, r: number, c: number): Rect | undefined {
    return sheet.merges.find((m) => m.r0 <= r && r <= m.r1 && m.c0 <= c && c <= m.c1);
  }

  /**
   * Excel refuses to change a locked cell of a protected sheet (values, formulas, formats,
   * merges); with `allow`, an option of the protection that permits it.
   */
  checkEditable(sheet: SheetState, rect: Rect, allow?: string): void {
    const p = sheet.protection;
    if (!p.protected || (allow && p.options[allow])) return;
    for (let r = rect.r0; r <= rect.r1; r++)
      for (let c = rect.c0; c <= rect.c1; c++) {
        if (this.cell(sheet, r, c)?.format.locked !== false)
          fail(
            'AccessDenied',
            'The cell or chart you are trying to change is on a protected sheet.',
          );
      }
  }

  /** Writes a 2-D array (or a single value for every cell). `mode` decides how strings read. */
  write(
    sheet: SheetState,
    rect: Rect,
    input: unknown,
    mode: 'values' | 'formulas' | 'formulasR1C1' | 'numberFormat',
  ): void {
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    this.checkEditable(sheet, rect, mode === 'numberFormat' ? 'allowFormatCells' : undefined);
    // A single value, or a 1×1 array, is applied to every cell of the range (Excel broadcasts
    // it; office-js-docs-pr#5400).
    const oneByOne =
      Array.isArray(input) &&
      input.length === 1 &&
      Array.isArray(input[0]) &&
      (input[0] as unknown[]).length === 1;
    if (oneByOne) input = (input as unknown[][])[0]![0];
    const scalar = !Array.isArray(input);
    if (!scalar) {
      const arr = input as unknown[];
      if (arr.length !== rows || arr.some((row) => !Array.isArray(row) || row.length !== cols))
        fail(
          'InvalidArgument',
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`,
        );
    }
    const at = (i: number, j: number): unknown => (scalar ? input : (input as unknown[][])[i]![j]);
    if (mode === 'values') {
      // A cell holds at most 32,767 characters (a leading apostrophe only marks text).
      const tooLong = (v: unknown): boolean =>
        typeof v === 'string' && v.replace(/^'/, '').length > 32_767;
      if (scalar ? tooLong(input) : (input as unknown[][]).some((row) => row.some(tooLong)))
        fail('InvalidArgument', 'A cell holds at most 32,767 characters.');
    }
    // A single R1C1 formula for the whole range is read once, and checked once.
    let compiled: ((r: number, c: number) => string) | null = null;
    let checked: References | undefined;
    if (scalar && mode === 'formulasR1C1' && typeof input === 'string' && input.startsWith('=')) {
      try {
        compiled = compileR1C1(input.slice(1));
        checked = this.checkFormula(`=${compiled(rect.r0, rect.c0)}`);
      } catch (e) {
        if (e instanceof FormulaSyntaxError)
          fail('InvalidArgument', `Excel cannot read the R1C1 formula ${input}: ${e.message}`);
        throw e;
      }
    }
    // Merged cells: only the top-left cell of an area takes a value.
    if (mode !== 'numberFormat') {
      for (const m of sheet.merges) {
        if (!intersects(m, rect)) continue;
        if (!contains(rect, m)) fail('InvalidOperation', 'Cannot change part of a merged cell.');
        for (let r = m.r0; r <= m.r1; r++)
          for (let c = m.c0; c <= m.c1; c++) {
            if (r === m.r0 && c === m.c0) continue;
            const v = at(r - rect.r0, c - rect.c0);
            if (v !== null && v !== '' && v !== undefined)
              fail('InvalidOperation', 'Cannot change part of a merged cell.');
          }
      }
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const v = at(i, j);
        if (v === null || v === undefined) continue;
        const r = rect.r0 + i;
        const c = rect.c0 + j;
        const cell = this.ensureCell(sheet, r, c);
        if (mode === 'numberFormat') {
          if (typeof v !== 'string') fail('InvalidArgument', 'A number format must be text.');
          cell.numberFormat = v as string;
          continue;
        }
        let value = v;
        if (typeof value === 'string' && value.startsWith('=')) {
          if (compiled) {
            value = `=${compiled(r, c)}`;
          } else if (mode === 'formulasR1C1') {
            try {
              value = `=${compileR1C1(value.slice(1))(r, c)}`;
            } catch (e) {
              if (e instanceof FormulaSyntaxError)
                fail(
                  'InvalidArgument',
                  `Excel cannot read the R1C1 formula ${String(v)}: ${e.message}`,
                );
              throw e;
            }
          } else if (scalar && (i > 0 || j > 0)) {
            // A single A1 formula for many cells is filled like Ctrl+Enter: relative parts move.
            value = `=${shiftA1((value as string).slice(1), i, j)}`;
          }
        }
        this.setCell(sheet, cell, r, c, value, checked);
      }
    }
    // One formula over all the data rows of a table column: Excel makes it a calculated column
    // (a row added to the table takes it).
    if (compiled && cols === 1) {
      for (const t of this.tables) {
        if (t.sheet !== sheet || rect.r0 !== t.rect.r0 + 1 || rect.r1 !== t.rect.r1) continue;
        if (rect.c0 < t.rect.c0 || rect.c0 > t.rect.c1) continue;
        t.calculated.set(rect.c0 - t.rect.c0, compiled(rect.r0, rect.c0));
      }
    }
  }

  private setCell(
    sheet: SheetState,
    cell: CellState,
    r: number,
    c: number,
    v: unknown,
    checked?: References,
  ): void {
    delete cell.error;
    delete cell.display;
    cell.quotePrefix = false;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) fail('InvalidArgument', 'A cell value must be a finite number.');
      cell.value = v;
      cell.formula = null;
      return;
    }
    if (typeof v === 'boolean') {
      cell.value = v;
      cell.formula = null;
      return;
    }
    if (typeof v !== 'string')
      fail('InvalidArgument', `Unsupported cell value ${JSON.stringify(v)}.`);
    const s = v as string;
    if (s === '') {
      cell.value = null;
      cell.formula = null;
      return;
    }
    if (cell.numberFormat === '@') {
      cell.value = s;
      cell.formula = null;
      return;
    }
    if (s.startsWith("'")) {
      cell.value = s.slice(1);
      cell.formula = null;
      cell.quotePrefix = true;
      return;
    }
    const note = (became: string): void => {
      this.conversions.push({ sheet: sheet.name, cell: cellName(r, c), text: s, became });
    };
    if (s.startsWith('=')) {
      const refs = checked ?? this.checkFormula(s);
      cell.formula = s;
      cell.value = null;
      this.indexFormula(cell, refs);
      return;
    }
    const parsed = parseTyped(s);
    if (parsed) {
      note(parsed.kind);
      cell.value = parsed.value;
      cell.formula = null;
      if (parsed.numberFormat && cell.numberFormat === 'General')
        cell.numberFormat = parsed.numberFormat;
      return;
    }
    if (/^[+\-@]/.test(s)) {
      // Excel reads a leading +, - or @ as the start of a formula.
      note('formula');
      cell.formula = `=${s}`;
      cell.value = '#NAME?';
      cell.error = '#NAME?';
      return;
    }
    cell.value = s;
    cell.formula = null;
  }

  merge(sheet: SheetState, rect: Rect, across: boolean): void {
    this.checkEditable(sheet, rect, 'allowFormatCells');
    if (this.tables.some((t) => t.sheet === sheet && intersects(t.rect, rect)))
      fail('InvalidOperation', "Merged cells can't be created in a table.");
    const areas: Rect[] = across
      ? Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => ({
          ...rect,
          r0: rect.r0 + i,
          r1: rect.r0 + i,
        }))
      : [rect];
    for (const area of areas) {
      if (cellCount(area) === 1) continue;
      for (const m of sheet.merges) {
        if (intersects(m, area) && !contains(area, m))
          fail('InvalidOperation', 'Cannot merge a range that overlaps part of a merged cell.');
      }
      sheet.merges = sheet.merges.filter((m) => !contains(area, m));
      // Excel keeps the top-left cell's value, and gives its format to the whole merged area.
      const anchor = this.cell(sheet, area.r0, area.c0);
      for (let r = area.r0; r <= area.r1; r++)
        for (let c = area.c0; c <= area.c1; c++) {
          if (r === area.r0 && c === area.c0) continue;
          const cell = this.cell(sheet, r, c);
          if (cell && (cell.value !== null || cell.formula)) {
            this.mergeLosses.push({ sheet: sheet.name, cell: cellName(r, c) });
            cell.value = null;
            cell.formula = null;
          }
          if (anchor) {
            const target = this.ensureCell(sheet, r, c);
            target.numberFormat = anchor.numberFormat;
            target.format = JSON.parse(JSON.stringify(anchor.format)) as Format;
          }
        }
      sheet.merges.push(area);
    }
  }

  /** What Excel shows in a cell (range.text). */
  text(cell: CellState | undefined): string {
    if (!cell) return '';
    if (cell.display !== undefined) return cell.display;
    if (cell.error) return cell.error;
    const v = cell.value;
    if (v === null) return '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'string') return v;
    return formatNumber(v, cell.numberFormat);
  }

  valueType(cell: CellState | undefined): string {
    if (!cell) return 'Empty';
    if (cell.error) return 'Error';
    if (cell.value === null) return cell.formula ? 'Double' : 'Empty';
    if (typeof cell.value === 'boolean') return 'Boolean';
    if (typeof cell.value === 'number') return 'Double';
    return 'String';
  }

  value(cell: CellState | undefined): Value {
    if (!cell) return '';
    if (cell.error) return cell.error;
    if (cell.value === null) return cell.formula ? 0 : '';
    return cell.value;
  }

  formulaOf(cell: CellState | undefined): Value {
    if (!cell) return '';
    if (cell.formula) return cell.formula;
    return this.value(cell);
  }

  // ---------- tables ----------

  tableByName(name: string): TableState | undefined {
    const k = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === k);
  }

  checkDefinedName(name: string, kind: 'name' | 'table', except?: object): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name))
      fail('InvalidArgument', `"${name}" is not a valid ${kind} name.`);
    if (name.length > 255) fail('InvalidArgument', `The ${kind} name "${name}" is too long.`);
    if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^R\d*C\d*$/i.test(name))
      fail('InvalidArgument', `"${name}" looks like a cell reference.`);
    const t = this.tableByName(name);
    const n = this.names.find(
      (x) => x.scope === null && x.name.toLowerCase() === name.toLowerCase(),
    );
    if ((t && t !== except) || (n && n !== except))
      fail('ItemAlreadyExists', `The name "${name}" is already used by a table or a defined name.`);
  }

  addTable(sheet: SheetState, rect: Rect, hasHeaders: boolean): TableState {
    if (!hasHeaders)
      fail('InvalidArgument', 'The double only models tables whose first row holds headers.');
    if (rect.r1 - rect.r0 < 1)
      fail('InvalidArgument', 'A table needs a header row and at least one row.');
    for (const t of this.tables) {
      if (t.sheet === sheet && intersects(t.rect, rect))
        fail('InvalidOperation', 'A table cannot overlap another table.');
    }
    if (sheet.merges.some((m) => intersects(m, rect)))
      fail('InvalidOperation', 'A table cannot overlap a range that contains merged cells.');
    // Headers: text, unique ignoring case; Excel fills blanks and repeats like the UI does.
    const seen = new Set<string>();
    for (let c = rect.c0; c <= rect.c1; c++) {
      const cell = this.ensureCell(sheet, rect.r0, c);
      if (cell.formula) fail('InvalidOperation', 'A table header cannot hold a formula.');
      let header = cell.value === null ? '' : String(cell.value);
      if (!header) header = `Column${c - rect.c0 + 1}`;
      let unique = header;
      for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${header}${n}`;
      seen.add(unique.toLowerCase());
      cell.value = unique;
    }
    let n = this.tables.length + 1;
    while (
      this.tableByName(`Table${n}`) ||
      this.names.some((x) => x.name.toLowerCase() === `table${n}`)
    )
      n++;
    const table: TableState = {
      id: String(this.nextId++),
      name: `Table${n}`,
      sheet,
      rect,
      style: 'TableStyleMedium2',
      calculated: new Map(),
    };
    this.tables.push(table);
    return table;
  }

  renameTable(table: TableState, name: string): void {
    if (table.name === name) return;
    this.checkDefinedName(name, 'table', table);
    const old = table.name;
    table.name = name;
    this.rewriteFormulas((f) => renameTable(f, old, name), old);
  }

  // ---------- names ----------

  addName(name: string, reference: string, comment: string, scope: SheetState | null): NameState {
    if (scope === null) this.checkDefinedName(name, 'name');
    else if (
      this.names.some((n) => n.scope === scope && n.name.toLowerCase() === name.toLowerCase())
    )
      fail('ItemAlreadyExists', `The name "${name}" already exists on this sheet.`);
    if (comment.length > 255) fail('InvalidArgument', 'A name comment has at most 255 characters.');
    const formula = reference.startsWith('=') ? reference : `=${reference}`;
    this.checkFormula(formula);
    const item: NameState = { name, formula, comment, visible: true, scope };
    this.names.push(item);
    return item;
  }

  nameType(item: NameState): string {
    const body = item.formula.slice(1);
    if (body.includes('#REF!')) return 'Error';
    const { sheet, ref } = splitSheet(body);
    if (sheet !== undefined && parseRect(ref.replace(/\$/g, ''))) return 'Range';
    if (/^".*"$/.test(body)) return 'String';
    if (/^-?\d+(\.\d+)?$/.test(body)) return 'Double';
    if (/^(TRUE|FALSE)$/i.test(body)) return 'Boolean';
    return 'Formula';
  }

  // ---------- used range ----------

  usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
    let out: Rect | null = null;
    for (const [k, cell] of sheet.cells) {
      const hasValue = cell.value !== null || cell.formula !== null || cell.error !== undefined;
      const hasFormat = cell.numberFormat !== 'General' || Object.keys(cell.format).length > 0;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      out = out
        ? {
            r0: Math.min(out.r0, r),
            c0: Math.min(out.c0, c),
            r1: Math.max(out.r1, r),
            c1: Math.max(out.c1, c),
          }
        : { r0: r, c0: c, r1: r, c1: c };
    }
    return out;
  }

  address(sheet: SheetState, rect: Rect): string {
    return `${quoteSheet(sheet.name)}!${rectName(rect)}`;
  }
}

/** What Excel makes of typed text (en-US): numbers, percentages, dates, booleans. */
function parseTyped(s: string): { kind: string; value: Value; numberFormat?: string } | null {
  const t = s.trim();
  if (/^(TRUE|FALSE)$/i.test(t)) return { kind: 'boolean', value: t.toUpperCase() === 'TRUE' };
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(E[+-]?\d+)?$/i.test(t) || /^[+-]?\.\d+$/.test(t))
    return { kind: 'number', value: Number(t.replace(/,/g, '')) };
  let m = /^([+-]?\d+(\.\d+)?)\s*%$/.exec(t);
  if (m) return { kind: 'number', value: Number(m[1]) / 100, numberFormat: '0%' };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    if (validDate(year, month, day))
      return { kind: 'date', value: dateSerial(year, month, day), numberFormat: 'm/d/yyyy' };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m && validDate(Number(m[1]), Number(m[2]), Number(m[3])))
    return {
      kind: 'date',
      value: dateSerial(Number(m[1]), Number(m[2]), Number(m[3])),
      numberFormat: 'yyyy-mm-dd',
    };
  m = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12)
    return {
      kind: 'date',
      value: dateSerial(Number(m[2]), Number(m[1]), 1),
      numberFormat: 'mmm-yy',
    };
  return null;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Enough of Excel's number formats for the double's `text`. */
export function formatNumber(v: number, format: string): string {
  const f = format.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '');
  if (/[dy]/i.test(f) || /m{1,4}[/\-. ]/i.test(f)) {
    const { y, m, d } = serialParts(v);
    const pad = (n: number): string => String(n).padStart(2, '0');
    return format
      .replace(/yyyy/gi, String(y))
      .replace(/yy/gi, String(y).slice(-2))
      .replace(/dd/gi, pad(d))
      .replace(/mm/gi, pad(m))
      .replace(/(?<![a-z])d(?![a-z])/gi, String(d))
      .replace(/(?<![a-z])m(?![a-z])/gi, String(m));
  }
  if (f === '0%') return `${Math.round(v * 100)}%`;
  if (f === '0') return String(Math.round(v));
  if (f === '0.00') return v.toFixed(2);
  if (f === '@') return String(v);
  return String(Number(v.toPrecision(11)));
}
