// An in-memory stand-in for the part of Excel that PhuLuc uses, for tests and benchmarks.
//
//   const excel = new ExcelDouble({ api: '1.17' });
//   excel.addSheet('Sheet1', 'A1', [['STT', 'Nhiệm vụ'], ['1', 'Rà soát']]);
//   await excel.run({}, async (context) => { … await context.sync(); });
//   excel.stats.syncs, excel.stats.maxRequestBytes, excel.snapshot()
//
// See context.ts for what it reproduces (load/sync, payload limits, requirement sets, faults),
// state.ts for what it checks (sheet names, merges, tables, names, formulas).

import type { ExcelHost, XlRequestContext } from '../../src/render/office/excel-api';
import { MAX_COLS, parseRect, rectName, splitSheet, type Rect } from './a1';
import { DoubleContext, type RunInfo } from './context';
import { DRequestContext } from './proxies';
import { DoubleError, WorkbookState, type CellState, type SheetState, type Value } from './state';

export { DoubleError } from './state';
export type { CellState, SheetState } from './state';

export interface Fault {
  /** The global sync number (1-based, counted over the double's life) that fails. */
  onSync: number;
  /** Fail before this action of the batch (0: before the first, the default). */
  afterActions?: number;
  code?: string;
  /** The connection stays broken: every later sync fails too. */
  persistent?: boolean;
}

export interface DoubleOptions {
  /** Highest ExcelApi requirement set the host supports, e.g. "1.7" (Office 2019). */
  api?: string;
  /** Request and response size limits in bytes (Excel on the web: 5 MB). */
  requestBytes?: number;
  responseBytes?: number;
}

export interface Stats {
  runs: number;
  syncs: number;
  requests: { sync: number; actions: number; requestBytes: number; responseBytes: number }[];
  maxRequestBytes: number;
  totalRequestBytes: number;
  maxResponseBytes: number;
  undoSteps: number;
  calculationSuspensions: number;
  screenSuspensions: number;
}

/** A cell for setup: a value, or a formula / error / display text with its cached value. */
export type SetupCell =
  | Value
  | null
  | { value?: Value; formula?: string; error?: string; display?: string; numberFormat?: string };

const versionNumber = (v: string): number => {
  const [major, minor] = v.split('.').map(Number);
  return (major ?? 0) * 1000 + (minor ?? 0);
};

export class ExcelDouble implements ExcelHost {
  state = new WorkbookState();
  readonly api: string;
  readonly limits: { requestBytes: number; responseBytes: number };
  stats: Stats = ExcelDouble.emptyStats();
  broken = false;
  /** Fails any action whose label matches (e.g. "WorksheetCollection.add"), for fault tests. */
  failWhen: ((label: string, sync: number) => boolean) | null = null;
  private faults: Fault[] = [];

  constructor(options: DoubleOptions = {}) {
    this.api = options.api ?? '1.20';
    this.limits = {
      requestBytes: options.requestBytes ?? 5 * 1024 * 1024,
      responseBytes: options.responseBytes ?? 5 * 1024 * 1024,
    };
  }

  static emptyStats(): Stats {
    return {
      runs: 0,
      syncs: 0,
      requests: [],
      maxRequestBytes: 0,
      totalRequestBytes: 0,
      maxResponseBytes: 0,
      undoSteps: 0,
      calculationSuspensions: 0,
      screenSuspensions: 0,
    };
  }

  resetStats(): void {
    this.stats = ExcelDouble.emptyStats();
  }

  // ---------- ExcelHost ----------

  isSetSupported(version: string): boolean {
    return this.supports(version);
  }

  supports(set: string): boolean {
    return versionNumber(set) <= versionNumber(this.api);
  }

  async run<T>(
    options: { mergeUndoGroup?: boolean },
    batch: (context: XlRequestContext) => Promise<T>,
  ): Promise<T> {
    const info: RunInfo = {
      // Hosts before ExcelApi 1.20 ignore the option: each sync is its own undo step.
      mergeUndoGroup: options.mergeUndoGroup === true && this.supports('1.20'),
      mutated: false,
    };
    const inner = new DoubleContext(this, info);
    const context = new DRequestContext(inner);
    this.stats.runs++;
    try {
      const result = await batch(context);
      if (inner.pending > 0) {
        throw new DoubleError(
          'DoubleStrict',
          `${inner.pending} queued action(s) were never synced before Excel.run ended.`,
        );
      }
      return result;
    } finally {
      if (info.mergeUndoGroup && info.mutated) this.stats.undoSteps++;
    }
  }

  // ---------- faults ----------

  /** Makes a sync fail (counted over the double's life: stats.syncs + 1 is the next one). */
  failAt(fault: Fault): void {
    this.faults.push(fault);
  }

  /** Makes the n-th sync from now fail (1: the next one). */
  failNextSync(n = 1, rest: Omit<Fault, 'onSync'> = {}): void {
    this.faults.push({ ...rest, onSync: this.stats.syncs + n });
  }

  takeFault(sync: number): Fault | undefined {
    const i = this.faults.findIndex((f) => f.onSync === sync);
    if (i < 0) return undefined;
    return this.faults.splice(i, 1)[0];
  }

  heal(): void {
    this.broken = false;
    this.faults = [];
    this.failWhen = null;
  }

  // ---------- setup (what a person did in Excel before PhuLuc ran) ----------

  addSheet(name: string, origin?: string, rows?: SetupCell[][]): SheetState {
    const sheet = this.state.addSheet(name);
    if (origin && rows) this.setCells(name, origin, rows);
    return sheet;
  }

  sheet(name: string): SheetState {
    const s = this.state.sheetByName(name);
    if (!s) throw new Error(`double: no sheet "${name}"`);
    return s;
  }

  setCells(sheetName: string, origin: string, rows: SetupCell[][]): void {
    const sheet = this.sheet(sheetName);
    const at = parseRect(origin);
    if (!at) throw new Error(`double: bad origin ${origin}`);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const cell = this.state.ensureCell(sheet, at.r0 + i, at.c0 + j);
        if (typeof v === 'object') {
          cell.value = v.value ?? (v.error ? v.error : null);
          cell.formula = v.formula ?? null;
          this.state.indexFormula(cell);
          if (v.error) cell.error = v.error;
          if (v.display !== undefined) cell.display = v.display;
          if (v.numberFormat) cell.numberFormat = v.numberFormat;
        } else {
          cell.value = v;
        }
      }),
    );
  }

  merge(sheetName: string, address: string): void {
    this.state.merge(this.sheet(sheetName), this.rect(address), false);
  }

  select(sheetName: string, ...addresses: string[]): void {
    const sheet = this.sheet(sheetName);
    this.state.activeSheet = sheet;
    this.state.selection = { sheet, areas: addresses.map((a) => this.rect(a)) };
  }

  addName(name: string, reference: string, comment = ''): void {
    this.state.addName(name, reference, comment, null);
  }

  /** A note a person put on a cell. */
  addNote(sheetName: string, address: string, content: string, author = 'Người dùng'): void {
    const r = this.rect(address);
    this.sheet(sheetName).notes.set(r.r0 * MAX_COLS + r.c0, { content, author });
  }

  addTable(sheetName: string, address: string, name?: string): void {
    const table = this.state.addTable(this.sheet(sheetName), this.rect(address), true);
    if (name) this.state.renameTable(table, name);
  }

  private rect(address: string): Rect {
    const r = parseRect(address.replace(/\$/g, ''));
    if (!r) throw new Error(`double: bad address ${address}`);
    return r;
  }

  // ---------- inspection ----------

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  cell(address: string): CellState | undefined {
    const { sheet, ref } = splitSheet(address);
    if (sheet === undefined) throw new Error('double: cell() needs "Sheet!A1"');
    const r = this.rect(ref);
    return this.state.cell(this.sheet(sheet), r.r0, r.c0);
  }

  value(address: string): Value | null {
    return this.cell(address)?.value ?? null;
  }

  formula(address: string): string | null {
    return this.cell(address)?.formula ?? null;
  }

  /** Everything observable, as plain data, for "the workbook is as it was" comparisons. */
  snapshot(): unknown {
    const s = this.state;
    return {
      sheets: s.sheets.map((sheet) => ({
        id: sheet.id,
        name: sheet.name,
        visibility: sheet.visibility,
        tabColor: sheet.tabColor,
        cells: [...sheet.cells.entries()]
          .filter(
            ([, c]) =>
              c.value !== null ||
              c.formula ||
              Object.keys(c.format).length > 0 ||
              c.numberFormat !== 'General' ||
              c.hyperlink,
          )
          .sort(([a], [b]) => a - b)
          .map(([k, c]) => [k, JSON.parse(JSON.stringify(c)) as unknown]),
        merges: sheet.merges.map(rectName).sort(),
        columnWidths: [...sheet.columnWidths.entries()].sort(),
        hiddenColumns: [...sheet.hiddenColumns].sort(),
        rowHeights: [...sheet.rowHeights.entries()].sort(),
        freeze: sheet.freeze,
        conditionalFormats: JSON.parse(
          JSON.stringify(sheet.conditionalFormats.map((c) => ({ ...c, id: undefined }))),
        ) as unknown,
        validations: JSON.parse(JSON.stringify(sheet.validations)) as unknown,
        page: JSON.parse(JSON.stringify(sheet.page)) as unknown,
        notes: [...sheet.notes.entries()].sort(([a], [b]) => a - b),
        protection: JSON.parse(JSON.stringify(sheet.protection)) as unknown,
      })),
      tables: s.tables.map((t) => ({
        id: t.id,
        name: t.name,
        sheet: t.sheet.name,
        rect: rectName(t.rect),
        style: t.style,
        calculated: [...t.calculated.entries()].sort(([a], [b]) => a - b),
      })),
      names: s.names.map((n) => ({
        name: n.name,
        formula: n.formula,
        comment: n.comment,
        visible: n.visible,
        scope: n.scope?.name ?? null,
      })),
      settings: Object.fromEntries(s.settings),
      properties: { ...s.properties },
      activeSheet: s.activeSheet?.name ?? null,
      enableEvents: s.enableEvents,
    };
  }
}
