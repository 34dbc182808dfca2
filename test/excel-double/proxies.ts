// Proxy objects of the Excel double, one class per Office.js class PhuLuc uses. Each
// `implements` the matching interface of src/office/excel-api.ts, so the double and the real
// API are held to the same contract.

import type {
  XlApplication,
  XlCellInput,
  XlCellProperties,
  XlCellPropertiesLoad,
  XlClientResult,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlConditionalFormatRule,
  XlConditionalRangeFormat,
  XlCustomConditionalFormat,
  XlDataValidation,
  XlDataValidationRule,
  XlDocumentProperties,
  XlFreezePanes,
  XlFunctionResult,
  XlFunctions,
  XlLoad,
  XlNamedItem,
  XlNamedItemCollection,
  XlNote,
  XlNoteCollection,
  XlPageLayout,
  XlRange,
  XlRangeAreas,
  XlRangeBorder,
  XlRangeBorderCollection,
  XlRangeCollection,
  XlRangeFill,
  XlRangeFont,
  XlRangeFormat,
  XlRangeHyperlink,
  XlRequestContext,
  XlRuntime,
  XlSetting,
  XlSettingCollection,
  XlTable,
  XlTableCollection,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
  XlWorksheetProtection,
  XlWorksheetProtectionOptions,
  XlFormatProtection,
} from '../../src/render/office/excel-api';
import {
  cellCount,
  cellName,
  contains,
  intersects,
  MAX_COLS,
  MAX_ROWS,
  parseRect,
  splitSheet,
  type Rect,
} from './a1';
import { byteLength, type DoubleContext } from './context';
import { references } from './formula';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  DoubleError,
  fail,
  normalizeColor,
  type Border,
  type ConditionalFormatState,
  type Format,
  type NameState,
  type NoteState,
  type SheetState,
  type TableState,
  type ValidationState,
  type WorkbookState,
} from './state';

type Resolver<T> = () => T | null;

interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

/** Base of every proxy: load/sync bookkeeping, lazy resolution, queued actions. */
abstract class DObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private bound: T | null | undefined;
  private nullKnown = false;

  constructor(
    protected readonly ctx: DoubleContext,
    protected readonly typeName: string,
    private readonly resolver: Resolver<T>,
    private readonly orNull = false,
    set = '1.1',
  ) {
    // *OrNullObject: the object is looked up in the next batch, so isNullObject is known after it.
    // A method of a later requirement set is checked by the host when the batch runs.
    if (orNull || set !== '1.1') {
      ctx.enqueue({
        label: `${typeName}.${orNull ? 'resolve' : 'create'}`,
        set,
        mutates: false,
        run: () => void (orNull ? this.probe() : undefined),
      });
    }
  }

  protected get wb(): WorkbookState {
    return this.ctx.double.state;
  }

  /** Resolves (once) and returns the target, or null for a null object. */
  protected probe(): T | null {
    if (this.bound === undefined) {
      const value = this.resolver();
      if (value === null && !this.orNull)
        fail('ItemNotFound', `The requested ${this.typeName} does not exist.`);
      this.bound = value;
      this.nullKnown = true;
    }
    this.checkAlive(this.bound);
    return this.bound;
  }

  /** Objects deleted after they were bound fail like Excel's. */
  protected checkAlive(_target: T | null): void {}

  /** The target, for an action that needs a real object. */
  protected target(): T {
    const t = this.probe();
    if (t === null) fail('InvalidOperation', `The ${this.typeName} is a null object.`);
    return t as T;
  }

  get isNullObject(): boolean {
    if (!this.nullKnown) this.notLoaded('isNullObject');
    return this.bound === null;
  }

  protected notLoaded(name: string): never {
    throw new DoubleError(
      'PropertyNotLoaded',
      `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) this.notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Sets a property: cached client-side at once (as Office.js does), applied at sync. */
  protected put(name: string, value: unknown, set: string, apply: (t: T) => void): void {
    this.loaded.set(name, value);
    this.ctx.enqueue({
      label: `${this.typeName}.${name}`,
      set,
      args: value,
      mutates: true,
      owner: this,
      run: () => apply(this.target()),
    });
  }

  protected call(
    name: string,
    args: unknown,
    set: string,
    run: (t: T) => void,
    mutates = true,
  ): void {
    this.ctx.enqueue({
      label: `${this.typeName}.${name}`,
      set,
      args,
      mutates,
      owner: this,
      run: () => run(this.target()),
    });
  }

  /** Property name → requirement set; unknown names cannot be loaded. */
  protected abstract props(): Record<string, string>;
  /** Reads a scalar property from the target (null object: null). */
  protected abstract read(name: string, t: T): unknown;
  /** Navigation properties that `load('nav/prop')` may follow. */
  protected nav(_name: string): DObject<unknown> | undefined {
    return undefined;
  }

  load(names?: XlLoad | { select?: string; expand?: string }): this {
    const list = parseLoad(names);
    this.ctx.enqueue({
      label: `${this.typeName}.load`,
      set: '1.1',
      args: list,
      mutates: false,
      owner: this,
      run: () => this.runLoad(list),
    });
    return this;
  }

  /** Runs a load at sync time; returns the response bytes. */
  runLoad(list: string[] | null): number {
    const t = this.probe();
    const props = this.props();
    const wanted = list ?? Object.keys(props);
    let bytes = 0;
    for (const path of wanted) {
      const slash = path.indexOf('/');
      if (slash > 0) {
        const child = this.nav(path.slice(0, slash));
        if (!child) fail('InvalidArgument', `Cannot load "${path}" on ${this.typeName}.`);
        bytes += child!.runLoad([path.slice(slash + 1)]);
        continue;
      }
      const set = props[path];
      if (set === undefined) {
        const child = this.nav(path);
        if (child) {
          bytes += child.runLoad(null);
          continue;
        }
        fail('InvalidArgument', `The property "${path}" does not exist on ${this.typeName}.`);
      }
      if (!this.ctx.double.supports(set!))
        fail('ApiNotFound', `${this.typeName}.${path} needs ExcelApi ${set}.`);
      const read = t === null ? null : this.read(path, t);
      // A loaded value is a copy sent over the wire: later changes in the workbook do not reach
      // it (grids are built fresh; objects such as a validation rule are copied).
      const value =
        read !== null && typeof read === 'object' && !Array.isArray(read)
          ? (JSON.parse(JSON.stringify(read)) as unknown)
          : read;
      this.loaded.set(path, value);
      bytes += byteLength(path) + byteLength(value);
    }
    return bytes;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

function parseLoad(names?: XlLoad | { select?: string; expand?: string }): string[] | null {
  if (names === undefined) return null;
  const raw =
    typeof names === 'string'
      ? names.split(',')
      : Array.isArray(names)
        ? names
        : [
            ...(names.select ? names.select.split(',') : []),
            ...(names.expand ? names.expand.split(',') : []),
          ];
  const list = raw.map((s) => s.trim()).filter((s) => s.length > 0);
  return list.length > 0 ? list : null;
}

/** Collections: `items` after load; loads apply to every item ("items/name" or "name"). */
abstract class DCollection<T, P extends DObject<T>> extends DObject<unknown> {
  private itemProxies: P[] | undefined;

  protected abstract list(): T[];
  protected abstract wrap(item: T): P;

  get items(): P[] {
    if (!this.itemProxies) this.notLoaded('items');
    return this.itemProxies!;
  }

  protected props(): Record<string, string> {
    return {};
  }

  protected read(): unknown {
    return null;
  }

  override runLoad(list: string[] | null): number {
    this.probe();
    const itemList =
      list?.map((p) => p.replace(/^items\//, '')).filter((p) => p !== 'items') ?? null;
    this.itemProxies = this.list().map((item) => this.wrap(item));
    let bytes = 0;
    for (const proxy of this.itemProxies)
      bytes += proxy.runLoad(itemList && itemList.length > 0 ? itemList : null);
    return bytes + 2;
  }
}

// ---------------------------------------------------------------------------------------------

export class DRequestContext implements XlRequestContext {
  readonly workbook: DWorkbook;
  readonly application: DApplication;
  readonly runtime: DRuntime;

  constructor(readonly inner: DoubleContext) {
    this.workbook = new DWorkbook(inner);
    this.application = new DApplication(inner);
    this.runtime = new DRuntime(inner);
  }

  sync(): Promise<void> {
    return this.inner.sync();
  }
}

class DApplication implements XlApplication {
  constructor(private readonly ctx: DoubleContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({
      label: 'Application.suspendApiCalculationUntilNextSync',
      set: '1.6',
      mutates: false,
      run: () => void this.ctx.double.stats.calculationSuspensions++,
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue({
      label: 'Application.suspendScreenUpdatingUntilNextSync',
      set: '1.9',
      mutates: false,
      run: () => void this.ctx.double.stats.screenSuspensions++,
    });
  }
}

class DRuntime extends DObject<WorkbookState> implements XlRuntime {
  constructor(ctx: DoubleContext) {
    super(ctx, 'Runtime', () => ctx.double.state);
  }

  get enableEvents(): boolean {
    return this.get('enableEvents');
  }

  set enableEvents(value: boolean) {
    this.put('enableEvents', value, '1.8', (wb) => {
      wb.enableEvents = value;
    });
  }

  protected props(): Record<string, string> {
    return { enableEvents: '1.8' };
  }

  protected read(_name: string, wb: WorkbookState): unknown {
    return wb.enableEvents;
  }
}

export class DWorkbook extends DObject<WorkbookState> implements XlWorkbook {
  readonly worksheets: DWorksheetCollection;
  readonly names: DNamedItemCollection;
  readonly tables: DTableCollection;
  readonly settings: DSettingCollection;
  readonly properties: DDocumentProperties;
  readonly functions: DFunctions;

  constructor(ctx: DoubleContext) {
    super(ctx, 'Workbook', () => ctx.double.state);
    this.functions = new DFunctions(ctx);
    this.worksheets = new DWorksheetCollection(ctx);
    this.names = new DNamedItemCollection(ctx, () => null);
    this.tables = new DTableCollection(ctx, () => null);
    this.settings = new DSettingCollection(ctx);
    this.properties = new DDocumentProperties(ctx);
  }

  getSelectedRange(): DRange {
    return new DRange(this.ctx, () => {
      const sel = this.wb.selection;
      if (!sel) fail('InvalidSelection', 'The current selection is not a range.');
      if (sel!.areas.length !== 1)
        fail(
          'InvalidSelection',
          'The current selection is invalid for this operation (more than one area).',
        );
      return { sheet: sel!.sheet, rect: sel!.areas[0]! };
    });
  }

  protected props(): Record<string, string> {
    return {};
  }

  protected read(): unknown {
    return null;
  }
}

// ---------- worksheets ----------

class DWorksheetCollection
  extends DCollection<SheetState, DWorksheet>
  implements XlWorksheetCollection
{
  constructor(ctx: DoubleContext) {
    super(ctx, 'WorksheetCollection', () => ctx.double.state);
  }

  protected list(): SheetState[] {
    return [...this.wb.sheets];
  }

  protected wrap(sheet: SheetState): DWorksheet {
    return new DWorksheet(this.ctx, () => sheet);
  }

  add(name?: string): DWorksheet {
    let created: SheetState | null = null;
    this.ctx.enqueue({
      label: 'WorksheetCollection.add',
      set: '1.1',
      args: name ?? null,
      mutates: true,
      run: () => {
        created = this.wb.addSheet(name);
      },
    });
    const proxy = new DWorksheet(this.ctx, () => {
      if (!created) fail('ItemNotFound', 'The worksheet was not added.');
      return created;
    });
    if (name !== undefined) proxy.cacheName(name);
    return proxy;
  }

  getItem(key: string): DWorksheet {
    return new DWorksheet(
      this.ctx,
      () => this.wb.sheetByName(key) ?? this.wb.sheets.find((s) => s.id === key) ?? null,
    );
  }

  getItemOrNullObject(key: string): DWorksheet {
    return new DWorksheet(
      this.ctx,
      () => this.wb.sheetByName(key) ?? this.wb.sheets.find((s) => s.id === key) ?? null,
      true,
      '1.4',
    );
  }

  getActiveWorksheet(): DWorksheet {
    return new DWorksheet(this.ctx, () => this.wb.activeSheet);
  }
}

const WORKSHEET_PROPS = {
  id: '1.1',
  name: '1.1',
  position: '1.1',
  visibility: '1.1',
  tabColor: '1.7',
} as const;

export class DWorksheet extends DObject<SheetState> implements XlWorksheet {
  private tablesProxy?: DTableCollection;
  private namesProxy?: DNamedItemCollection;

  constructor(ctx: DoubleContext, resolver: Resolver<SheetState>, orNull = false, set = '1.1') {
    super(ctx, 'Worksheet', resolver, orNull, set);
  }

  /** worksheets.add(name): Office.js knows the name it asked for. */
  cacheName(name: string): void {
    this.loaded.set('name', name);
  }

  protected override checkAlive(t: SheetState | null): void {
    if (t && !this.wb.sheets.includes(t)) fail('ItemNotFound', 'The worksheet has been deleted.');
  }

  protected props(): Record<string, string> {
    return WORKSHEET_PROPS;
  }

  protected read(name: string, s: SheetState): unknown {
    switch (name) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'position':
        return this.wb.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        return s.tabColor;
    }
    return undefined;
  }

  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.put('name', value, '1.1', (s) => this.wb.renameSheet(s, value));
  }
  get position(): number {
    return this.get('position');
  }
  set position(value: number) {
    this.put('position', value, '1.1', (s) => this.wb.setPosition(s, value));
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(value: string) {
    this.put('visibility', value, '1.1', (s) => this.wb.setVisibility(s, value));
  }
  get tabColor(): string {
    return this.get('tabColor');
  }
  set tabColor(value: string) {
    this.put('tabColor', value, '1.7', (s) => {
      s.tabColor = normalizeColor(value, true);
    });
  }

  get tables(): DTableCollection {
    this.tablesProxy ??= new DTableCollection(this.ctx, () => this.target());
    return this.tablesProxy;
  }

  get names(): DNamedItemCollection {
    this.namesProxy ??= new DNamedItemCollection(this.ctx, () => this.target());
    return this.namesProxy;
  }

  private freezeProxy?: DFreezePanes;
  private pageProxy?: DPageLayout;
  private notesProxy?: DNoteCollection;
  private protectionProxy?: DWorksheetProtection;

  get protection(): DWorksheetProtection {
    return (this.protectionProxy ??= new DWorksheetProtection(this.ctx, () => this.target()));
  }

  get notes(): DNoteCollection {
    return (this.notesProxy ??= new DNoteCollection(this.ctx, () => this.target()));
  }

  get freezePanes(): DFreezePanes {
    return (this.freezeProxy ??= new DFreezePanes(this.ctx, () => this.target()));
  }

  get pageLayout(): DPageLayout {
    return (this.pageProxy ??= new DPageLayout(this.ctx, () => this.target()));
  }

  /** ExcelApi 1.9: a break above the first row of the range given. */
  get horizontalPageBreaks(): { add(range: string): void } {
    const ctx = this.ctx;
    const sheet = (): SheetState => this.target();
    return {
      add: (range: string) =>
        ctx.enqueue({
          label: 'PageBreakCollection.add',
          set: '1.9',
          args: range,
          mutates: true,
          run: () => {
            const m = /^\$?[A-Z]{1,3}\$?(\d+)(:.*)?$/.exec(range);
            if (!m) fail('InvalidArgument', `Page break at "${range}"?`);
            const s = sheet();
            const r = Number(m![1]);
            if (!s.page.rowBreaks.includes(r)) s.page.rowBreaks.push(r);
            s.page.rowBreaks.sort((a, b) => a - b);
          },
        }),
    };
  }

  protected override nav(name: string): DObject<unknown> | undefined {
    if (name === 'tables') return this.tables as DObject<unknown>;
    if (name === 'notes') return this.notes as DObject<unknown>;
    return undefined;
  }

  getRange(address?: string): DRange {
    return new DRange(this.ctx, () => {
      const sheet = this.target();
      if (address === undefined)
        return { sheet, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
      if (address.includes('!'))
        fail(
          'InvalidArgument',
          `Worksheet.getRange takes an address without a sheet: "${address}".`,
        );
      const rect = parseRect(address.replace(/\$/g, ''));
      if (!rect) fail('InvalidArgument', `"${address}" is not a valid address.`);
      return { sheet, rect: rect! };
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): DRange {
    return new DRange(
      this.ctx,
      () => {
        if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0)
          fail('InvalidArgument', 'getRangeByIndexes: invalid dimensions.');
        return {
          sheet: this.target(),
          rect: {
            r0: startRow,
            c0: startColumn,
            r1: startRow + rowCount - 1,
            c1: startColumn + columnCount - 1,
          },
        };
      },
      false,
      '1.7',
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): DRange {
    return new DRange(
      this.ctx,
      () => {
        const sheet = this.target();
        const rect = this.wb.usedRect(sheet, valuesOnly ?? false);
        return rect ? { sheet, rect } : null;
      },
      true,
      '1.4',
    );
  }

  activate(): void {
    this.call(
      'activate',
      null,
      '1.1',
      (s) => {
        if (s.visibility !== 'Visible')
          fail('InvalidOperation', 'A hidden sheet cannot be activated.');
        this.wb.activeSheet = s;
      },
      false,
    );
  }

  delete(): void {
    this.call('delete', null, '1.1', (s) => this.wb.deleteSheet(s));
  }
}

const PROTECTION_OPTIONS = [
  'allowAutoFilter',
  'allowDeleteColumns',
  'allowDeleteRows',
  'allowEditObjects',
  'allowEditScenarios',
  'allowFormatCells',
  'allowFormatColumns',
  'allowFormatRows',
  'allowInsertColumns',
  'allowInsertHyperlinks',
  'allowInsertRows',
  'allowPivotTables',
  'allowSort',
];

/** Worksheet protection (ExcelApi 1.2): locked cells of a protected sheet cannot change. */
class DWorksheetProtection extends DObject<SheetState> implements XlWorksheetProtection {
  constructor(ctx: DoubleContext, resolver: Resolver<SheetState>) {
    super(ctx, 'WorksheetProtection', resolver);
  }

  protected props(): Record<string, string> {
    return { protected: '1.2', options: '1.2' };
  }

  protected read(name: string, s: SheetState): unknown {
    return name === 'protected' ? s.protection.protected : { ...s.protection.options };
  }

  get protected(): boolean {
    return this.get('protected');
  }
  get options(): XlWorksheetProtectionOptions {
    return this.get('options');
  }

  protect(options?: XlWorksheetProtectionOptions, password?: string): void {
    this.call('protect', { options, password }, '1.2', (s) => {
      if (s.protection.protected) fail('InvalidOperation', 'The worksheet is already protected.');
      const given = (options ?? {}) as Record<string, unknown>;
      for (const key of Object.keys(given))
        if (!PROTECTION_OPTIONS.includes(key))
          fail('InvalidArgument', `Protection option "${key}"?`);
      s.protection = {
        protected: true,
        options: Object.fromEntries(
          PROTECTION_OPTIONS.map((k) => [k, given[k] === true]),
        ) as Record<string, boolean>,
      };
      if (password) s.protection.options.password = true;
    });
  }

  unprotect(password?: string): void {
    this.call('unprotect', password ?? null, '1.2', (s) => {
      if (s.protection.options.password && !password)
        fail('InvalidArgument', 'The password is required.');
      s.protection = { protected: false, options: {} };
    });
  }
}

class DFormatProtection extends DObject<RangeTarget> implements XlFormatProtection {
  constructor(ctx: DoubleContext, resolver: Resolver<RangeTarget>) {
    super(ctx, 'FormatProtection', resolver);
  }
  protected props(): Record<string, string> {
    return { locked: '1.2' };
  }
  protected read(_name: string, t: RangeTarget): unknown {
    return uniform(this.wb, t, (f) => f.locked, true);
  }
  get locked(): boolean {
    return this.get('locked');
  }
  set locked(v: boolean) {
    this.put('locked', v, '1.2', ({ sheet, rect }) => {
      if (sheet.protection.protected)
        fail('AccessDenied', 'Cell protection cannot change on a protected sheet.');
      this.wb.forEachCell(sheet, rect, (cell) => (cell.format.locked = v));
    });
  }
}

class DFreezePanes implements XlFreezePanes {
  constructor(
    private readonly ctx: DoubleContext,
    private readonly sheet: () => SheetState,
  ) {}

  private enqueue(name: string, args: unknown, run: (s: SheetState) => void): void {
    this.ctx.enqueue({
      label: `WorksheetFreezePanes.${name}`,
      set: '1.7',
      args,
      mutates: true,
      owner: this,
      run: () => run(this.sheet()),
    });
  }

  freezeRows(count = 1): void {
    this.enqueue('freezeRows', count, (s) => {
      s.freeze = count > 0 ? { rows: count, columns: 0 } : null;
    });
  }

  freezeColumns(count = 1): void {
    this.enqueue('freezeColumns', count, (s) => {
      s.freeze = count > 0 ? { rows: 0, columns: count } : null;
    });
  }

  freezeAt(frozenRange: XlRange | string): void {
    const address = typeof frozenRange === 'string' ? frozenRange : null;
    const range = typeof frozenRange === 'string' ? null : (frozenRange as unknown as DRange);
    this.enqueue('freezeAt', address ?? 'range', (s) => {
      const rect = address !== null ? parseRect(address.replace(/\$/g, '')) : range!.rect().rect;
      if (!rect) fail('InvalidArgument', `"${address}" is not a valid address.`);
      if (rect!.r0 !== 0 || rect!.c0 !== 0)
        fail('InvalidArgument', 'freezeAt needs a range that starts at A1.');
      s.freeze = { rows: rect!.r1 + 1, columns: rect!.c1 + 1 };
    });
  }
}

const PAPER = ['Letter', 'Legal', 'A3', 'A4', 'A5', 'B4', 'B5'];

class DPageLayout extends DObject<SheetState> implements XlPageLayout {
  constructor(ctx: DoubleContext, resolver: Resolver<SheetState>) {
    super(ctx, 'PageLayout', resolver);
  }

  protected props(): Record<string, string> {
    return { orientation: '1.9', paperSize: '1.9', zoom: '1.9' };
  }

  protected read(name: string, s: SheetState): unknown {
    if (name === 'orientation') return s.page.orientation;
    if (name === 'paperSize') return s.page.paperSize;
    return s.page.zoom;
  }

  get orientation(): string {
    return this.get('orientation');
  }
  set orientation(value: string) {
    this.put('orientation', value, '1.9', (s) => {
      if (value !== 'Portrait' && value !== 'Landscape')
        fail('InvalidArgument', `Orientation "${value}"?`);
      s.page.orientation = value;
    });
  }
  get paperSize(): string {
    return this.get('paperSize');
  }
  set paperSize(value: string) {
    this.put('paperSize', value, '1.9', (s) => {
      if (!PAPER.includes(value)) fail('InvalidArgument', `Paper size "${value}"?`);
      s.page.paperSize = value;
    });
  }
  get zoom(): XlPageLayout['zoom'] {
    return this.get('zoom');
  }
  set zoom(value: XlPageLayout['zoom']) {
    this.put('zoom', value, '1.9', (s) => {
      if (value.scale !== undefined && (value.scale < 10 || value.scale > 400))
        fail('InvalidArgument', 'The print scale must be 10–400.');
      s.page.zoom = { ...value };
    });
  }

  get headersFooters(): XlPageLayout['headersFooters'] {
    const ctx = this.ctx;
    const sheet = (): SheetState => this.target();
    const section = {} as XlPageLayout['headersFooters']['defaultForAllPages'];
    for (const key of [
      'leftHeader',
      'centerHeader',
      'rightHeader',
      'leftFooter',
      'centerFooter',
      'rightFooter',
    ] as const) {
      Object.defineProperty(section, key, {
        enumerable: true,
        get: () => {
          throw new DoubleError('PropertyNotLoaded', `The property '${key}' is not available.`);
        },
        set: (value: string) => {
          ctx.enqueue({
            label: `HeaderFooter.${key}`,
            set: '1.9',
            args: value,
            mutates: true,
            run: () => {
              if (value.length > 255)
                fail('InvalidArgument', 'A header or footer has at most 255 characters.');
              sheet().page.headers[key] = value;
            },
          });
        },
      });
    }
    return { defaultForAllPages: section };
  }

  private pageProp<V>(name: string, value: V, apply: (s: SheetState) => void): void {
    this.put(name, value, '1.9', apply);
  }
  get printOrder(): string {
    return this.get('printOrder');
  }
  set printOrder(value: string) {
    this.pageProp('printOrder', value, (s) => {
      if (value !== 'DownThenOver' && value !== 'OverThenDown')
        fail('InvalidArgument', `Print order "${value}"?`);
      s.page.printOrder = value;
    });
  }
  private margin(name: string, value: number): void {
    this.pageProp(name, value, (s) => {
      if (!(value >= 0 && value < 1000)) fail('InvalidArgument', `Margin ${value}?`);
      s.page.margins[name] = value;
    });
  }
  get leftMargin(): number {
    return this.get('leftMargin');
  }
  set leftMargin(v: number) {
    this.margin('leftMargin', v);
  }
  get rightMargin(): number {
    return this.get('rightMargin');
  }
  set rightMargin(v: number) {
    this.margin('rightMargin', v);
  }
  get topMargin(): number {
    return this.get('topMargin');
  }
  set topMargin(v: number) {
    this.margin('topMargin', v);
  }
  get bottomMargin(): number {
    return this.get('bottomMargin');
  }
  set bottomMargin(v: number) {
    this.margin('bottomMargin', v);
  }
  get headerMargin(): number {
    return this.get('headerMargin');
  }
  set headerMargin(v: number) {
    this.margin('headerMargin', v);
  }
  get footerMargin(): number {
    return this.get('footerMargin');
  }
  set footerMargin(v: number) {
    this.margin('footerMargin', v);
  }
  get centerHorizontally(): boolean {
    return this.get('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this.pageProp('centerHorizontally', v, (s) => (s.page.centerHorizontally = v));
  }

  setPrintTitleColumns(columns: string): void {
    this.call('setPrintTitleColumns', columns, '1.9', (s) => {
      const m = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(columns);
      if (!m)
        fail('InvalidArgument', `Print title columns must look like "$A:$D", not "${columns}".`);
      s.page.printTitleColumns = `$${m![1]}:$${m![2]}`;
    });
  }

  setPrintArea(area: string): void {
    this.call('setPrintArea', area, '1.9', (s) => {
      if (!/^\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+$/.test(area))
        fail('InvalidArgument', `Print area "${area}"?`);
      s.page.printArea = area.replace(/\$/g, '');
    });
  }

  setPrintTitleRows(printTitleRows: XlRange | string): void {
    const text = typeof printTitleRows === 'string' ? printTitleRows : null;
    const range = typeof printTitleRows === 'string' ? null : (printTitleRows as unknown as DRange);
    this.call('setPrintTitleRows', text ?? 'range', '1.9', (s) => {
      if (text !== null) {
        const m = /^\$?(\d+):\$?(\d+)$/.exec(text);
        if (!m) fail('InvalidArgument', `Print title rows must look like "$3:$3", not "${text}".`);
        s.page.printTitleRows = `$${m![1]}:$${m![2]}`;
      } else {
        const rect = range!.rect().rect;
        s.page.printTitleRows = `$${rect.r0 + 1}:$${rect.r1 + 1}`;
      }
    });
  }
}

// ---------- ranges ----------

const RANGE_PROPS = {
  address: '1.1',
  rowIndex: '1.1',
  columnIndex: '1.1',
  rowCount: '1.1',
  columnCount: '1.1',
  cellCount: '1.1',
  values: '1.1',
  formulas: '1.1',
  formulasR1C1: '1.2',
  numberFormat: '1.1',
  text: '1.1',
  valueTypes: '1.1',
  hyperlink: '1.7',
  columnHidden: '1.2',
} as const;

/** Reads past this many cells fail, as in Excel (5 million cells per read). */
const READ_CELL_LIMIT = 5_000_000;

export class DRange extends DObject<RangeTarget> implements XlRange {
  constructor(ctx: DoubleContext, resolver: Resolver<RangeTarget>, orNull = false, set = '1.1') {
    super(ctx, 'Range', resolver, orNull, set);
  }

  /** For other proxies: the sheet and rectangle, at sync time. */
  rect(): RangeTarget {
    return this.target();
  }

  protected override checkAlive(t: RangeTarget | null): void {
    if (t && !this.wb.sheets.includes(t.sheet))
      fail('ItemNotFound', 'The worksheet of this range has been deleted.');
  }

  protected props(): Record<string, string> {
    return RANGE_PROPS;
  }

  protected read(name: string, { sheet, rect }: RangeTarget): unknown {
    const grid = <V>(fn: (r: number, c: number) => V): V[][] => {
      if (cellCount(rect) > READ_CELL_LIMIT)
        fail('GeneralException', 'The read is larger than 5 million cells.');
      const out: V[][] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row: V[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) row.push(fn(r, c));
        out.push(row);
      }
      return out;
    };
    const wb = this.wb;
    switch (name) {
      case 'address':
        return wb.address(sheet, rect);
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'rowCount':
        return rect.r1 - rect.r0 + 1;
      case 'columnCount':
        return rect.c1 - rect.c0 + 1;
      case 'cellCount':
        return cellCount(rect);
      case 'values':
        return grid((r, c) => wb.value(wb.cell(sheet, r, c)));
      case 'formulas':
        return grid((r, c) => wb.formulaOf(wb.cell(sheet, r, c)));
      case 'formulasR1C1':
        fail('InvalidArgument', 'The double does not read formulasR1C1.');
        return null;
      case 'numberFormat':
        return grid((r, c) => wb.cell(sheet, r, c)?.numberFormat ?? 'General');
      case 'text':
        return grid((r, c) => wb.text(wb.cell(sheet, r, c)));
      case 'valueTypes':
        return grid((r, c) => wb.valueType(wb.cell(sheet, r, c)));
      case 'hyperlink':
        return wb.cell(sheet, rect.r0, rect.c0)?.hyperlink ?? null;
      case 'columnHidden': {
        const hidden = new Set<boolean>();
        for (let c = rect.c0; c <= rect.c1; c++) hidden.add(sheet.hiddenColumns.has(c));
        return hidden.size === 1 ? [...hidden][0] : null;
      }
    }
    return undefined;
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }

  get values(): XlCellInput[][] {
    return this.get('values');
  }
  set values(value: XlCellInput[][]) {
    this.put('values', value, '1.1', ({ sheet, rect }) =>
      this.wb.write(sheet, rect, value, 'values'),
    );
  }
  get formulas(): XlCellInput[][] {
    return this.get('formulas');
  }
  set formulas(value: XlCellInput[][]) {
    this.put('formulas', value, '1.1', ({ sheet, rect }) =>
      this.wb.write(sheet, rect, value, 'formulas'),
    );
  }
  get formulasR1C1(): XlCellInput[][] {
    return this.get('formulasR1C1');
  }
  set formulasR1C1(value: XlCellInput[][]) {
    this.put('formulasR1C1', value, '1.2', ({ sheet, rect }) =>
      this.wb.write(sheet, rect, value, 'formulasR1C1'),
    );
  }
  get numberFormat(): (string | null)[][] {
    return this.get('numberFormat');
  }
  set numberFormat(value: (string | null)[][]) {
    this.put('numberFormat', value, '1.1', ({ sheet, rect }) =>
      this.wb.write(sheet, rect, value, 'numberFormat'),
    );
  }

  get hyperlink(): XlRangeHyperlink {
    return this.get('hyperlink');
  }
  set hyperlink(value: XlRangeHyperlink) {
    this.put('hyperlink', value, '1.7', ({ sheet, rect }) => {
      if (!value.address && !value.documentReference)
        fail('InvalidArgument', 'A hyperlink needs an address or a document reference.');
      // Excel does not check that a link's target exists (nor follow sheet renames).
      this.wb.forEachCell(sheet, rect, (cell) => {
        cell.hyperlink = { ...value };
        if (value.textToDisplay !== undefined) {
          cell.value = value.textToDisplay;
          cell.formula = null;
        }
      });
    });
  }

  get columnHidden(): boolean {
    return this.get('columnHidden');
  }
  set columnHidden(value: boolean) {
    this.put('columnHidden', value, '1.2', ({ sheet, rect }) => {
      for (let c = rect.c0; c <= rect.c1; c++) {
        if (value) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  // Navigation properties return the same object every time, as in Office.js.
  private nav_: {
    format?: DRangeFormat;
    cf?: DConditionalFormatCollection;
    dv?: DDataValidation;
    ws?: DWorksheet;
  } = {};

  get format(): DRangeFormat {
    return (this.nav_.format ??= new DRangeFormat(this.ctx, () => this.target()));
  }

  get conditionalFormats(): DConditionalFormatCollection {
    return (this.nav_.cf ??= new DConditionalFormatCollection(this.ctx, () => this.target()));
  }

  get dataValidation(): DDataValidation {
    return (this.nav_.dv ??= new DDataValidation(this.ctx, () => this.target()));
  }

  get worksheet(): DWorksheet {
    return (this.nav_.ws ??= new DWorksheet(this.ctx, () => this.target().sheet));
  }

  protected override nav(name: string): DObject<unknown> | undefined {
    if (name === 'format') return this.format as DObject<unknown>;
    if (name === 'worksheet') return this.worksheet as DObject<unknown>;
    return undefined;
  }

  merge(across?: boolean): void {
    this.call('merge', across ?? false, '1.2', ({ sheet, rect }) =>
      this.wb.merge(sheet, rect, across ?? false),
    );
  }

  select(): void {
    this.call(
      'select',
      null,
      '1.1',
      ({ sheet, rect }) => {
        this.wb.activeSheet = sheet;
        this.wb.selection = { sheet, areas: [rect] };
      },
      false,
    );
  }

  getMergedAreasOrNullObject(): DRangeAreas {
    return new DRangeAreas(this.ctx, () => {
      const { sheet, rect } = this.target();
      const areas = sheet.merges.filter(
        (m) => m.r0 >= rect.r0 && m.r0 <= rect.r1 && m.c0 >= rect.c0 && m.c0 <= rect.c1,
      );
      if (areas.length > 512)
        fail('GeneralException', 'The merged areas count in this range is more than 512.');
      return areas.length > 0 ? { sheet, areas } : null;
    });
  }

  getCellProperties(options: XlCellPropertiesLoad): XlClientResult<XlCellProperties[][]> {
    const result = new DClientResult<XlCellProperties[][]>('getCellProperties');
    this.call(
      'getCellProperties',
      options,
      '1.9',
      ({ sheet, rect }) => {
        if (cellCount(rect) > READ_CELL_LIMIT)
          fail('GeneralException', 'The read is larger than 5 million cells.');
        const fill = options.format?.fill?.color === true;
        const rows: XlCellProperties[][] = [];
        for (let r = rect.r0; r <= rect.r1; r++) {
          const row: XlCellProperties[] = [];
          for (let c = rect.c0; c <= rect.c1; c++) {
            // Excel reports a cell without fill as white.
            const color = this.wb.cell(sheet, r, c)?.format.fill ?? '#FFFFFF';
            row.push(fill ? { format: { fill: { color } } } : {});
          }
          rows.push(row);
        }
        result.resolve(rows);
        return byteLength(rows);
      },
      false,
    );
    return result;
  }

  /** The cells with a data validation ("DataValidations") or a formula ("Formulas"). */
  getSpecialCellsOrNullObject(cellType: string): DRangeAreas {
    return new DRangeAreas(
      this.ctx,
      () => {
        const { sheet, rect } = this.target();
        let rects: Rect[];
        if (cellType === 'DataValidations') {
          rects = sheet.validations
            .filter((v) => intersects(v.rect, rect))
            .map((v) => ({
              r0: Math.max(v.rect.r0, rect.r0),
              c0: Math.max(v.rect.c0, rect.c0),
              r1: Math.min(v.rect.r1, rect.r1),
              c1: Math.min(v.rect.c1, rect.c1),
            }));
        } else if (cellType === 'Formulas') {
          rects = [];
          for (const [k, cell] of sheet.cells) {
            const r = Math.floor(k / MAX_COLS);
            const c = k % MAX_COLS;
            if (cell.formula && contains(rect, { r0: r, c0: c, r1: r, c1: c }))
              rects.push({ r0: r, c0: c, r1: r, c1: c });
          }
        } else {
          fail('InvalidArgument', `The double models DataValidations and Formulas only.`);
          return null;
        }
        // Excel gives the cells as a union: side-by-side blocks of the same height come back
        // as one area, whatever rules they hold.
        const areas = unionAreas(rects);
        return areas.length > 0 ? { sheet, areas } : null;
      },
      '1.9',
    );
  }

  getCell(row: number, column: number): DRange {
    return new DRange(this.ctx, () => {
      const { sheet, rect } = this.target();
      const r = rect.r0 + row;
      const c = rect.c0 + column;
      if (r >= MAX_ROWS || c >= MAX_COLS || row < 0 || column < 0)
        fail('InvalidArgument', 'getCell outside the grid.');
      return { sheet, rect: { r0: r, c0: c, r1: r, c1: c } };
    });
  }
}

interface AreasTarget {
  sheet: SheetState;
  areas: Rect[];
}

/** Rectangles merged where two of them share an edge exactly (as a union of cells would). */
function unionAreas(rects: Rect[]): Rect[] {
  const out = rects.map((r) => ({ ...r }));
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        const side = a.r0 === b.r0 && a.r1 === b.r1 && (a.c1 + 1 === b.c0 || b.c1 + 1 === a.c0);
        const stack = a.c0 === b.c0 && a.c1 === b.c1 && (a.r1 + 1 === b.r0 || b.r1 + 1 === a.r0);
        if (side || stack) {
          out[i] = {
            r0: Math.min(a.r0, b.r0),
            c0: Math.min(a.c0, b.c0),
            r1: Math.max(a.r1, b.r1),
            c1: Math.max(a.c1, b.c1),
          };
          out.splice(j, 1);
          merged = true;
          break outer;
        }
      }
    }
  }
  return out.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

class DRangeAreas extends DObject<AreasTarget> implements XlRangeAreas {
  private areasProxy?: DRangeCollection;

  constructor(ctx: DoubleContext, resolver: Resolver<AreasTarget>, set = '1.13') {
    super(ctx, 'RangeAreas', resolver, true, set);
  }

  protected props(): Record<string, string> {
    return { address: '1.9', areaCount: '1.9' };
  }

  protected read(name: string, t: AreasTarget): unknown {
    if (name === 'areaCount') return t.areas.length;
    return t.areas.map((a) => this.wb.address(t.sheet, a)).join(', ');
  }

  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }

  get areas(): DRangeCollection {
    this.areasProxy ??= new DRangeCollection(this.ctx, () => this.probe());
    return this.areasProxy;
  }

  protected override nav(name: string): DObject<unknown> | undefined {
    return name === 'areas' ? (this.areas as DObject<unknown>) : undefined;
  }
}

class DRangeCollection extends DCollection<RangeTarget, DRange> implements XlRangeCollection {
  constructor(
    ctx: DoubleContext,
    private readonly source: () => AreasTarget | null,
  ) {
    super(ctx, 'RangeCollection', () => true);
  }

  protected list(): RangeTarget[] {
    const t = this.source();
    return t ? t.areas.map((rect) => ({ sheet: t.sheet, rect })) : [];
  }

  protected wrap(item: RangeTarget): DRange {
    return new DRange(this.ctx, () => item);
  }
}

// ---------- formats ----------

const H_ALIGN = [
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const UNDERLINE = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'];
const BORDER_STYLE = [
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Double',
  'SlantDashDot',
];
const BORDER_WEIGHT = ['Hairline', 'Thin', 'Medium', 'Thick'];

/** Reads one format property over a range: the common value, or null when cells differ. */
function uniform<V>(
  wb: WorkbookState,
  { sheet, rect }: RangeTarget,
  pick: (f: Format) => V | undefined,
  fallback: V,
): V | null {
  let first: V | undefined;
  let seen = false;
  for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 2000); r++)
    for (let c = rect.c0; c <= Math.min(rect.c1, rect.c0 + 200); c++) {
      const v = pick(wb.cell(sheet, r, c)?.format ?? {}) ?? fallback;
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  return first ?? fallback;
}

class DRangeFormat extends DObject<RangeTarget> implements XlRangeFormat {
  constructor(ctx: DoubleContext, resolver: Resolver<RangeTarget>) {
    super(ctx, 'RangeFormat', resolver);
  }

  protected props(): Record<string, string> {
    return {
      columnWidth: '1.2',
      rowHeight: '1.2',
      horizontalAlignment: '1.1',
      verticalAlignment: '1.1',
      wrapText: '1.1',
      indentLevel: '1.9',
    };
  }

  protected read(name: string, t: RangeTarget): unknown {
    const { sheet, rect } = t;
    switch (name) {
      case 'columnWidth': {
        const widths = new Set<number>();
        for (let c = rect.c0; c <= Math.min(rect.c1, rect.c0 + 200); c++)
          widths.add(sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return widths.size === 1 ? [...widths][0] : null;
      }
      case 'rowHeight': {
        const heights = new Set<number>();
        for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 2000); r++)
          heights.add(sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
        return heights.size === 1 ? [...heights][0] : null;
      }
      case 'horizontalAlignment':
        return uniform(this.wb, t, (f) => f.horizontal, 'General');
      case 'verticalAlignment':
        return uniform(this.wb, t, (f) => f.vertical, 'Bottom');
      case 'wrapText':
        return uniform(this.wb, t, (f) => f.wrap, false);
      case 'indentLevel':
        return uniform(this.wb, t, (f) => f.indent, 0);
    }
    return undefined;
  }

  private apply(
    name: string,
    value: unknown,
    set: string,
    fn: (f: Format) => void,
    check?: () => void,
  ): void {
    this.put(name, value, set, ({ sheet, rect }) => {
      check?.();
      this.wb.forEachCell(sheet, rect, (cell) => fn(cell.format));
    });
  }

  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(value: number) {
    this.put('columnWidth', value, '1.2', ({ sheet, rect }) => {
      if (!(value >= 0 && value <= 255 * 7.5))
        fail('InvalidArgument', `Column width ${value} is out of range.`);
      for (let c = rect.c0; c <= rect.c1; c++) sheet.columnWidths.set(c, value);
    });
  }
  get rowHeight(): number {
    return this.get('rowHeight');
  }
  set rowHeight(value: number) {
    this.put('rowHeight', value, '1.2', ({ sheet, rect }) => {
      if (!(value >= 0 && value <= 409))
        fail('InvalidArgument', `Row height ${value} is out of range.`);
      for (let r = rect.r0; r <= rect.r1; r++) sheet.rowHeights.set(r, value);
    });
  }
  get horizontalAlignment(): string {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    this.apply(
      'horizontalAlignment',
      value,
      '1.1',
      (f) => (f.horizontal = value),
      () => {
        if (!H_ALIGN.includes(value)) fail('InvalidArgument', `Horizontal alignment "${value}"?`);
      },
    );
  }
  get verticalAlignment(): string {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    this.apply(
      'verticalAlignment',
      value,
      '1.1',
      (f) => (f.vertical = value),
      () => {
        if (!V_ALIGN.includes(value)) fail('InvalidArgument', `Vertical alignment "${value}"?`);
      },
    );
  }
  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(value: boolean) {
    this.apply('wrapText', value, '1.1', (f) => (f.wrap = value));
  }
  get indentLevel(): number {
    return this.get('indentLevel');
  }
  set indentLevel(value: number) {
    this.apply(
      'indentLevel',
      value,
      '1.9',
      (f) => (f.indent = value),
      () => {
        if (!Number.isInteger(value) || value < 0 || value > 250)
          fail('InvalidArgument', 'Indent 0–250.');
      },
    );
  }

  private nav_: {
    font?: DRangeFont;
    fill?: DRangeFill;
    borders?: DRangeBorderCollection;
    protection?: DFormatProtection;
  } = {};

  get protection(): DFormatProtection {
    return (this.nav_.protection ??= new DFormatProtection(this.ctx, () => this.target()));
  }

  get font(): DRangeFont {
    return (this.nav_.font ??= new DRangeFont(this.ctx, () => this.target()));
  }
  get fill(): DRangeFill {
    return (this.nav_.fill ??= new DRangeFill(this.ctx, () => this.target()));
  }
  get borders(): DRangeBorderCollection {
    return (this.nav_.borders ??= new DRangeBorderCollection(this.ctx, () => this.target()));
  }

  protected override nav(name: string): DObject<unknown> | undefined {
    if (name === 'font') return this.font as DObject<unknown>;
    if (name === 'fill') return this.fill as DObject<unknown>;
    if (name === 'protection') return this.protection as DObject<unknown>;
    return undefined;
  }
}

class DRangeFont extends DObject<RangeTarget> implements XlRangeFont {
  constructor(ctx: DoubleContext, resolver: Resolver<RangeTarget>) {
    super(ctx, 'RangeFont', resolver);
  }

  protected props(): Record<string, string> {
    return {
      bold: '1.1',
      italic: '1.1',
      size: '1.1',
      color: '1.1',
      strikethrough: '1.9',
      underline: '1.1',
      name: '1.1',
    };
  }

  protected read(name: string, t: RangeTarget): unknown {
    switch (name) {
      case 'bold':
        return uniform(this.wb, t, (f) => f.bold, false);
      case 'italic':
        return uniform(this.wb, t, (f) => f.italic, false);
      case 'size':
        return uniform(this.wb, t, (f) => f.size, 11);
      case 'color':
        return uniform(this.wb, t, (f) => f.color, '#000000');
      case 'strikethrough':
        return uniform(this.wb, t, (f) => f.strike, false);
      case 'underline':
        return uniform(this.wb, t, (f) => f.underline, 'None');
      case 'name':
        return uniform(this.wb, t, (f) => f.fontName, 'Calibri');
    }
    return undefined;
  }

  private apply(name: string, value: unknown, set: string, fn: (f: Format) => void): void {
    this.put(name, value, set, ({ sheet, rect }) =>
      this.wb.forEachCell(sheet, rect, (cell) => fn(cell.format)),
    );
  }

  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.apply('bold', v, '1.1', (f) => (f.bold = v));
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(v: boolean) {
    this.apply('italic', v, '1.1', (f) => (f.italic = v));
  }
  get size(): number {
    return this.get('size');
  }
  set size(v: number) {
    this.apply('size', v, '1.1', (f) => {
      if (!(v >= 1 && v <= 409)) fail('InvalidArgument', `Font size ${v}?`);
      f.size = v;
    });
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.apply('color', v, '1.1', (f) => (f.color = normalizeColor(v)));
  }
  get strikethrough(): boolean {
    return this.get('strikethrough');
  }
  set strikethrough(v: boolean) {
    this.apply('strikethrough', v, '1.9', (f) => (f.strike = v));
  }
  get underline(): string {
    return this.get('underline');
  }
  set underline(v: string) {
    this.apply('underline', v, '1.1', (f) => {
      if (!UNDERLINE.includes(v)) fail('InvalidArgument', `Underline "${v}"?`);
      f.underline = v;
    });
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.apply('name', v, '1.1', (f) => (f.fontName = v));
  }
}

class DRangeFill extends DObject<RangeTarget> implements XlRangeFill {
  constructor(ctx: DoubleContext, resolver: Resolver<RangeTarget>) {
    super(ctx, 'RangeFill', resolver);
  }
  protected props(): Record<string, string> {
    return { color: '1.1' };
  }
  protected read(_name: string, t: RangeTarget): unknown {
    return uniform(this.wb, t, (f) => f.fill, '#FFFFFF');
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.put('color', v, '1.1', ({ sheet, rect }) => {
      const color = normalizeColor(v);
      this.wb.forEachCell(sheet, rect, (cell) => (cell.format.fill = color));
    });
  }
}

const BORDER_INDEX = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];

class DRangeBorderCollection implements XlRangeBorderCollection {
  constructor(
    private readonly ctx: DoubleContext,
    private readonly range: () => RangeTarget,
  ) {}

  getItem(index: string): DRangeBorder {
    if (!BORDER_INDEX.includes(index))
      throw new DoubleError('InvalidArgument', `Border index "${index}"?`);
    return new DRangeBorder(this.ctx, this.range, index);
  }
}

class DRangeBorder extends DObject<RangeTarget> implements XlRangeBorder {
  constructor(
    ctx: DoubleContext,
    resolver: Resolver<RangeTarget>,
    private readonly index: string,
  ) {
    super(ctx, 'RangeBorder', resolver);
  }

  protected props(): Record<string, string> {
    return { style: '1.1', color: '1.1', weight: '1.1' };
  }

  protected read(name: string, { sheet, rect }: RangeTarget): unknown {
    const side =
      this.index === 'EdgeTop'
        ? 'top'
        : this.index === 'EdgeBottom'
          ? 'bottom'
          : this.index === 'EdgeLeft'
            ? 'left'
            : 'right';
    const cell = this.wb.cell(sheet, rect.r0, rect.c0);
    const b = cell?.format[side as 'top'];
    if (name === 'style') return b?.style ?? 'None';
    if (name === 'color') return b?.color ?? '#000000';
    return b?.weight ?? 'Thin';
  }

  private apply(name: keyof Border, value: string): void {
    this.put(name, value, '1.1', ({ sheet, rect }) => {
      if (name === 'style' && !BORDER_STYLE.includes(value))
        fail('InvalidArgument', `Border style "${value}"?`);
      if (name === 'weight' && !BORDER_WEIGHT.includes(value))
        fail('InvalidArgument', `Border weight "${value}"?`);
      const v = name === 'color' ? normalizeColor(value) : value;
      const edge = (r: number, c: number, side: 'top' | 'bottom' | 'left' | 'right'): void => {
        const f = this.wb.ensureCell(sheet, r, c).format;
        f[side] = {
          ...(f[side] ?? { style: 'Continuous', color: '#000000', weight: 'Thin' }),
          [name]: v,
        };
      };
      for (let r = rect.r0; r <= rect.r1; r++)
        for (let c = rect.c0; c <= rect.c1; c++) {
          if (this.index === 'EdgeTop' && r === rect.r0) edge(r, c, 'top');
          if (this.index === 'EdgeBottom' && r === rect.r1) edge(r, c, 'bottom');
          if (this.index === 'EdgeLeft' && c === rect.c0) edge(r, c, 'left');
          if (this.index === 'EdgeRight' && c === rect.c1) edge(r, c, 'right');
          if (this.index === 'InsideHorizontal' && r < rect.r1) {
            edge(r, c, 'bottom');
            edge(r + 1, c, 'top');
          }
          if (this.index === 'InsideVertical' && c < rect.c1) {
            edge(r, c, 'right');
            edge(r, c + 1, 'left');
          }
        }
    });
  }

  get style(): string {
    return this.get('style');
  }
  set style(v: string) {
    this.apply('style', v);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.apply('color', v);
  }
  get weight(): string {
    return this.get('weight');
  }
  set weight(v: string) {
    this.apply('weight', v);
  }
}

// ---------- conditional formats ----------

class DConditionalFormatCollection
  extends DCollection<ConditionalFormatState, DConditionalFormat>
  implements XlConditionalFormatCollection
{
  constructor(
    ctx: DoubleContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx, 'ConditionalFormatCollection', () => true);
  }

  protected list(): ConditionalFormatState[] {
    const { sheet, rect } = this.range();
    return sheet.conditionalFormats.filter((cf) => intersects(cf.rect, rect));
  }

  protected wrap(item: ConditionalFormatState): DConditionalFormat {
    return new DConditionalFormat(this.ctx, () => item);
  }

  add(type: 'Custom'): DConditionalFormat {
    let created: ConditionalFormatState | null = null;
    this.ctx.enqueue({
      owner: this,
      label: 'ConditionalFormatCollection.add',
      set: '1.6',
      args: type,
      mutates: true,
      run: () => {
        if (type !== 'Custom')
          fail('InvalidArgument', 'The double models Custom conditional formats only.');
        const { sheet, rect } = this.range();
        created = { id: this.wb.id('cf'), type: 'Custom', rect, formula: null, stopIfTrue: false };
        sheet.conditionalFormats.unshift(created); // first (top) priority, as documented
      },
    });
    return new DConditionalFormat(this.ctx, () => created);
  }
}

class DConditionalFormat extends DObject<ConditionalFormatState> implements XlConditionalFormat {
  constructor(ctx: DoubleContext, resolver: Resolver<ConditionalFormatState>) {
    super(ctx, 'ConditionalFormat', resolver);
  }

  protected props(): Record<string, string> {
    return { id: '1.6', type: '1.6', priority: '1.6', stopIfTrue: '1.6' };
  }

  private sheetOf(cf: ConditionalFormatState): SheetState {
    const sheet = this.wb.sheets.find((s) => s.conditionalFormats.includes(cf));
    if (!sheet) fail('ItemNotFound', 'The conditional format no longer exists.');
    return sheet!;
  }

  protected read(name: string, cf: ConditionalFormatState): unknown {
    if (name === 'id') return cf.id;
    if (name === 'type') return cf.type;
    if (name === 'stopIfTrue') return cf.stopIfTrue;
    return this.sheetOf(cf).conditionalFormats.indexOf(cf);
  }

  get id(): string {
    return this.get('id');
  }
  get type(): string {
    return this.get('type');
  }
  get priority(): number {
    return this.get('priority');
  }
  set priority(v: number) {
    this.put('priority', v, '1.6', (cf) => {
      const list = this.sheetOf(cf).conditionalFormats;
      list.splice(list.indexOf(cf), 1);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, cf);
    });
  }
  get stopIfTrue(): boolean {
    return this.get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this.put('stopIfTrue', v, '1.6', (cf) => (cf.stopIfTrue = v));
  }

  getRange(): DRange {
    return new DRange(this.ctx, () => {
      const cf = this.target();
      return { sheet: this.sheetOf(cf), rect: cf.rect };
    });
  }

  get custom(): XlCustomConditionalFormat {
    const ctx = this.ctx;
    const target = (): ConditionalFormatState => this.target();
    const rule = new DConditionalFormatRule(ctx, target);
    const setter =
      (
        label: string,
        apply: (cf: ConditionalFormatState, v: never) => void,
        check?: (v: never) => void,
      ) =>
      (v: never): void => {
        ctx.enqueue({
          label,
          set: '1.6',
          args: v,
          mutates: true,
          owner: apply,
          run: () => {
            check?.(v);
            apply(target(), v);
          },
        });
      };
    const fill = {} as { color: string };
    Object.defineProperty(fill, 'color', {
      get: () => {
        throw new DoubleError('PropertyNotLoaded', "The property 'color' is not available.");
      },
      set: setter('ConditionalRangeFill.color', (cf, v: string) => (cf.fill = normalizeColor(v))),
    });
    const font = {} as XlConditionalRangeFormat['font'];
    const fontProps: [
      keyof XlConditionalRangeFormat['font'],
      (cf: ConditionalFormatState, v: never) => void,
    ][] = [
      ['color', (cf, v: string) => (cf.fontColor = normalizeColor(v))],
      ['bold', (cf, v: boolean) => (cf.bold = v)],
      ['italic', (cf, v: boolean) => (cf.italic = v)],
      ['strikethrough', (cf, v: boolean) => (cf.strike = v)],
    ];
    for (const [key, apply] of fontProps) {
      Object.defineProperty(font, key, {
        get: () => {
          throw new DoubleError('PropertyNotLoaded', `The property '${key}' is not available.`);
        },
        set: setter(`ConditionalRangeFont.${key}`, apply),
      });
    }
    return { rule, format: { fill, font } };
  }
}

class DConditionalFormatRule
  extends DObject<ConditionalFormatState>
  implements XlConditionalFormatRule
{
  constructor(ctx: DoubleContext, resolver: Resolver<ConditionalFormatState>) {
    super(ctx, 'ConditionalFormatRule', resolver);
  }
  protected props(): Record<string, string> {
    return { formula: '1.6' };
  }
  protected read(_name: string, cf: ConditionalFormatState): unknown {
    return cf.formula;
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(v: string) {
    this.put('formula', v, '1.6', (cf) => {
      this.wb.checkFormula(v);
      cf.formula = v;
    });
  }
}

// ---------- data validation ----------

const DV_OPERATORS = [
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqualTo',
  'LessThanOrEqualTo',
];

class DDataValidation extends DObject<RangeTarget> implements XlDataValidation {
  constructor(ctx: DoubleContext, resolver: Resolver<RangeTarget>) {
    super(ctx, 'DataValidation', resolver);
  }

  protected props(): Record<string, string> {
    return { rule: '1.8', prompt: '1.8', errorAlert: '1.8', ignoreBlanks: '1.8', type: '1.8' };
  }

  private find({ sheet, rect }: RangeTarget): ValidationState | undefined {
    return sheet.validations.find((v) => contains(v.rect, rect));
  }

  protected read(name: string, t: RangeTarget): unknown {
    const mixed = this.find(t) ? null : this.mixture(t);
    // One rule over the whole range (held by one validation, or several alike).
    const v =
      this.find(t) ??
      (mixed === null
        ? t.sheet.validations.find((x) => x.rule && intersects(x.rect, t.rect))
        : undefined);
    if (mixed) {
      // Different rules in the range, or a rule on some cells only: Excel reports the kind of
      // mixture and no rule.
      if (name === 'type') return mixed;
      if (name === 'rule') return {};
    }
    switch (name) {
      case 'rule':
        return v?.rule ?? {};
      case 'prompt':
        return v?.prompt ?? { message: '', showPrompt: false, title: '' };
      case 'errorAlert':
        return v?.errorAlert ?? { message: '', showAlert: true, style: 'Stop', title: '' };
      case 'ignoreBlanks':
        return v?.ignoreBlanks ?? true;
      case 'type': {
        const rule = v?.rule;
        if (!rule) return 'None';
        const k = Object.keys(rule)[0]!;
        return k === 'wholeNumber' ? 'WholeNumber' : k.charAt(0).toUpperCase() + k.slice(1);
      }
    }
    return undefined;
  }

  /** 'Inconsistent' (several rules), 'MixedCriteria' (a rule on some cells), or null. */
  private mixture({ sheet, rect }: RangeTarget): string | null {
    const touching = sheet.validations.filter((v) => v.rule && intersects(v.rect, rect));
    if (touching.length === 0) return null;
    const rules = new Set(touching.map((v) => JSON.stringify(v.rule)));
    if (rules.size > 1) return 'Inconsistent';
    let covered = 0;
    for (const v of touching) {
      covered += cellCount({
        r0: Math.max(v.rect.r0, rect.r0),
        c0: Math.max(v.rect.c0, rect.c0),
        r1: Math.min(v.rect.r1, rect.r1),
        c1: Math.min(v.rect.c1, rect.c1),
      });
    }
    return covered < cellCount(rect) ? 'MixedCriteria' : null;
  }

  /** The validation of exactly this range, created when missing. */
  private own({ sheet, rect }: RangeTarget): ValidationState {
    let v = sheet.validations.find(
      (x) =>
        x.rect.r0 === rect.r0 &&
        x.rect.c0 === rect.c0 &&
        x.rect.r1 === rect.r1 &&
        x.rect.c1 === rect.c1,
    );
    if (!v) {
      if (sheet.validations.some((x) => intersects(x.rect, rect)))
        fail('InvalidOperation', 'The range overlaps another data validation; clear it first.');
      v = { rect, rule: null, ignoreBlanks: true };
      sheet.validations.push(v);
    }
    return v;
  }

  get rule(): XlDataValidationRule {
    return this.get('rule');
  }
  set rule(value: XlDataValidationRule) {
    this.put('rule', value, '1.8', (t) => {
      const keys = Object.keys(value).filter(
        (k) => (value as Record<string, unknown>)[k] !== undefined,
      );
      if (keys.length !== 1)
        fail('InvalidArgument', 'A data validation rule has exactly one criterion.');
      const wb = this.wb;
      const checkFormulaArg = (x: unknown, kind: 'number' | 'date'): void => {
        if (typeof x === 'string' && x.startsWith('=')) {
          wb.checkFormula(x);
          return;
        }
        if (
          kind === 'number' &&
          (typeof x === 'number' || (typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x)))
        )
          return;
        if (
          kind === 'date' &&
          (x instanceof Date ||
            (typeof x === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(x)))
        )
          return;
        fail('InvalidArgument', `${JSON.stringify(x)} is not a valid ${kind} criterion.`);
      };
      if (value.list) {
        const source = value.list.source;
        if (typeof source !== 'string')
          fail('InvalidArgument', 'The double takes list sources as text.');
        const s = source as string;
        if (s.startsWith('=')) {
          wb.checkFormula(s);
          for (const n of references(s.slice(1)).names) {
            if (!wb.names.some((x) => x.name.toLowerCase() === n.toLowerCase()))
              fail('InvalidArgument', `A named range you specified cannot be found: ${n}.`);
          }
        } else if (s.length > 255)
          fail('InvalidArgument', 'A list source has at most 255 characters.');
      }
      for (const kind of ['decimal', 'date'] as const) {
        const c = value[kind];
        if (!c) continue;
        if (!DV_OPERATORS.includes(c.operator))
          fail('InvalidArgument', `Operator "${c.operator}"?`);
        checkFormulaArg(c.formula1, kind === 'date' ? 'date' : 'number');
        if (c.operator === 'Between' || c.operator === 'NotBetween') {
          if (c.formula2 === undefined) fail('InvalidArgument', 'Between needs formula2.');
          checkFormulaArg(c.formula2, kind === 'date' ? 'date' : 'number');
        }
      }
      const v = this.own(t);
      if (v.rule)
        fail(
          'InvalidOperation',
          'The range already has a data validation rule; call clear() first.',
        );
      v.rule = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
    });
  }

  get prompt(): XlDataValidation['prompt'] {
    return this.get('prompt');
  }
  set prompt(value: XlDataValidation['prompt']) {
    this.put('prompt', value, '1.8', (t) => {
      if (value.title.length > 32)
        fail(
          'InvalidArgument',
          `An input message title has at most 32 characters: "${value.title}".`,
        );
      if (value.message.length > 255)
        fail('InvalidArgument', 'An input message has at most 255 characters.');
      this.own(t).prompt = { ...value };
    });
  }

  get errorAlert(): XlDataValidation['errorAlert'] {
    return this.get('errorAlert');
  }
  set errorAlert(value: XlDataValidation['errorAlert']) {
    this.put('errorAlert', value, '1.8', (t) => {
      if (value.title.length > 32)
        fail(
          'InvalidArgument',
          `An error alert title has at most 32 characters: "${value.title}".`,
        );
      if (value.message.length > 225)
        fail('InvalidArgument', 'An error alert message has at most 225 characters.');
      if (!['Stop', 'Warning', 'Information'].includes(value.style))
        fail('InvalidArgument', `Alert style "${value.style}"?`);
      this.own(t).errorAlert = { ...value };
    });
  }

  get ignoreBlanks(): boolean {
    return this.get('ignoreBlanks');
  }
  set ignoreBlanks(value: boolean) {
    this.put('ignoreBlanks', value, '1.8', (t) => (this.own(t).ignoreBlanks = value));
  }

  get type(): string {
    return this.get('type');
  }

  clear(): void {
    this.call('clear', null, '1.8', ({ sheet, rect }) => {
      sheet.validations = sheet.validations.filter((v) => !intersects(v.rect, rect));
    });
  }
}

// ---------- names ----------

class DNamedItemCollection
  extends DCollection<NameState, DNamedItem>
  implements XlNamedItemCollection
{
  constructor(
    ctx: DoubleContext,
    private readonly scope: () => SheetState | null,
  ) {
    super(ctx, 'NamedItemCollection', () => true);
  }

  protected list(): NameState[] {
    const scope = this.scope();
    return this.wb.names.filter((n) => n.scope === scope);
  }

  protected wrap(item: NameState): DNamedItem {
    return new DNamedItem(this.ctx, () => item);
  }

  add(name: string, reference: XlRange | string, comment?: string): DNamedItem {
    let created: NameState | null = null;
    const ref = typeof reference === 'string' ? reference : null;
    const range = typeof reference === 'string' ? null : (reference as unknown as DRange);
    this.ctx.enqueue({
      owner: this,
      label: 'NamedItemCollection.add',
      set: '1.4',
      args: [name, ref ?? 'range', comment ?? ''],
      mutates: true,
      run: () => {
        let text = ref;
        if (text === null) {
          const { sheet, rect } = range!.rect();
          text = `=${this.wb.address(sheet, rect).replace(/!(.*)$/, (_m, a: string) => `!${absolute(a)}`)}`;
        }
        created = this.wb.addName(name, text, comment ?? '', this.scope());
      },
    });
    return new DNamedItem(this.ctx, () => created);
  }

  getItemOrNullObject(name: string): DNamedItem {
    return new DNamedItem(
      this.ctx,
      () => {
        const scope = this.scope();
        return (
          this.wb.names.find(
            (n) => n.scope === scope && n.name.toLowerCase() === name.toLowerCase(),
          ) ?? null
        );
      },
      true,
    );
  }
}

function absolute(a1: string): string {
  return a1.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

class DNamedItem extends DObject<NameState> implements XlNamedItem {
  constructor(ctx: DoubleContext, resolver: Resolver<NameState>, orNull = false) {
    super(ctx, 'NamedItem', resolver, orNull);
  }

  protected override checkAlive(t: NameState | null): void {
    if (t && !this.wb.names.includes(t)) fail('ItemNotFound', 'The name has been deleted.');
  }

  protected props(): Record<string, string> {
    return {
      name: '1.1',
      type: '1.1',
      formula: '1.7',
      comment: '1.4',
      visible: '1.1',
      value: '1.1',
    };
  }

  protected read(name: string, n: NameState): unknown {
    switch (name) {
      case 'name':
        return n.name;
      case 'type':
        return this.wb.nameType(n);
      case 'formula':
        return n.formula;
      case 'comment':
        return n.comment;
      case 'visible':
        return n.visible;
      case 'value':
        return n.formula.slice(1);
    }
    return undefined;
  }

  get name(): string {
    return this.get('name');
  }
  get type(): string {
    return this.get('type');
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(v: string) {
    this.put('formula', v, '1.7', (n) => {
      const f = v.startsWith('=') ? v : `=${v}`;
      this.wb.checkFormula(f);
      n.formula = f;
    });
  }
  get comment(): string {
    return this.get('comment');
  }
  set comment(v: string) {
    this.put('comment', v, '1.4', (n) => (n.comment = v));
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(v: boolean) {
    this.put('visible', v, '1.1', (n) => (n.visible = v));
  }

  delete(): void {
    this.call('delete', null, '1.4', (n) => {
      this.wb.names = this.wb.names.filter((x) => x !== n);
    });
  }
}

// ---------- tables ----------

class DTableCollection extends DCollection<TableState, DTable> implements XlTableCollection {
  constructor(
    ctx: DoubleContext,
    private readonly sheet: () => SheetState | null,
  ) {
    super(ctx, 'TableCollection', () => true);
  }

  protected list(): TableState[] {
    const sheet = this.sheet();
    return this.wb.tables.filter((t) => sheet === null || t.sheet === sheet);
  }

  protected wrap(item: TableState): DTable {
    return new DTable(this.ctx, () => item);
  }

  add(address: XlRange | string, hasHeaders: boolean): DTable {
    let created: TableState | null = null;
    const text = typeof address === 'string' ? address : null;
    const range = typeof address === 'string' ? null : (address as unknown as DRange);
    this.ctx.enqueue({
      owner: this,
      label: 'TableCollection.add',
      set: '1.1',
      args: [text ?? 'range', hasHeaders],
      mutates: true,
      run: () => {
        let target: RangeTarget;
        if (text !== null) {
          const base = this.sheet() ?? this.wb.activeSheet;
          target = this.wb.resolveAddress(text, base);
          const own = this.sheet();
          if (own && target.sheet !== own)
            fail('InvalidArgument', 'The address is on another sheet.');
        } else {
          target = range!.rect();
        }
        created = this.wb.addTable(target.sheet, target.rect, hasHeaders);
      },
    });
    return new DTable(this.ctx, () => created);
  }

  getItemOrNullObject(key: string): DTable {
    return new DTable(
      this.ctx,
      () => {
        const t = this.wb.tableByName(key) ?? this.wb.tables.find((x) => x.id === key) ?? null;
        const sheet = this.sheet();
        return t && (sheet === null || t.sheet === sheet) ? t : null;
      },
      true,
    );
  }
}

class DTable extends DObject<TableState> implements XlTable {
  constructor(ctx: DoubleContext, resolver: Resolver<TableState>, orNull = false) {
    super(ctx, 'Table', resolver, orNull);
  }

  protected override checkAlive(t: TableState | null): void {
    if (t && !this.wb.tables.includes(t)) fail('ItemNotFound', 'The table has been deleted.');
  }

  protected props(): Record<string, string> {
    return { id: '1.1', name: '1.1', style: '1.1' };
  }

  protected read(name: string, t: TableState): unknown {
    if (name === 'id') return t.id;
    if (name === 'name') return t.name;
    return t.style;
  }

  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.put('name', v, '1.1', (t) => this.wb.renameTable(t, v));
  }
  get style(): string {
    return this.get('style');
  }
  set style(v: string) {
    this.put('style', v, '1.1', (t) => {
      if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(v))
        fail('InvalidArgument', `Table style "${v}"?`);
      t.style = v;
    });
  }

  private worksheetProxy?: DWorksheet;

  get worksheet(): DWorksheet {
    this.worksheetProxy ??= new DWorksheet(this.ctx, () => this.target().sheet);
    return this.worksheetProxy;
  }

  protected override nav(name: string): DObject<unknown> | undefined {
    return name === 'worksheet' ? (this.worksheet as DObject<unknown>) : undefined;
  }

  getRange(): DRange {
    return new DRange(this.ctx, () => ({ sheet: this.target().sheet, rect: this.target().rect }));
  }

  getHeaderRowRange(): DRange {
    return new DRange(this.ctx, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: { ...t.rect, r1: t.rect.r0 } };
    });
  }

  getDataBodyRange(): DRange {
    return new DRange(this.ctx, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: { ...t.rect, r0: t.rect.r0 + 1 } };
    });
  }
}

// ---------- client results ----------

/** A value a method returns after the next sync (OfficeExtension.ClientResult). */
class DClientResult<T> implements XlClientResult<T> {
  private known = false;
  private result: T | undefined;
  constructor(private readonly label: string) {}
  resolve(value: T): void {
    this.result = value;
    this.known = true;
  }
  get value(): T {
    if (!this.known)
      throw new DoubleError(
        'PropertyNotLoaded',
        `The result of ${this.label} is not available before context.sync().`,
      );
    return this.result as T;
  }
}

// ---------- notes (ExcelApi 1.18) ----------

interface NoteTarget {
  sheet: SheetState;
  key: number;
  note: NoteState;
}

class DNoteCollection extends DCollection<NoteTarget, DNote> implements XlNoteCollection {
  constructor(
    ctx: DoubleContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx, 'NoteCollection', () => true, false, '1.18');
  }

  protected list(): NoteTarget[] {
    const sheet = this.sheet();
    return [...sheet.notes.entries()]
      .sort(([a], [b]) => a - b)
      .map(([key, note]) => ({ sheet, key, note }));
  }

  protected wrap(item: NoteTarget): DNote {
    return new DNote(this.ctx, () => item);
  }

  add(cellAddress: XlRange | string, content: string): DNote {
    let created: NoteTarget | null = null;
    const text = typeof cellAddress === 'string' ? cellAddress : null;
    const range = typeof cellAddress === 'string' ? null : (cellAddress as unknown as DRange);
    this.ctx.enqueue({
      owner: this,
      label: 'NoteCollection.add',
      set: '1.18',
      args: [text ?? 'range', content],
      mutates: true,
      run: () => {
        const own = this.sheet();
        let at: { sheet: SheetState; rect: Rect };
        if (text !== null) {
          const { sheet: name } = splitSheet(text);
          at = this.wb.resolveAddress(text, own);
          if (name !== undefined && at.sheet !== own)
            fail('InvalidArgument', 'The cell is not on this worksheet.');
        } else at = range!.rect();
        if (cellCount(at.rect) !== 1) fail('InvalidArgument', 'A note goes on a single cell.');
        const key = at.rect.r0 * MAX_COLS + at.rect.c0;
        if (at.sheet.notes.has(key))
          fail(
            'InvalidOperation',
            `The cell ${cellName(at.rect.r0, at.rect.c0)} already has a note.`,
          );
        const note: NoteState = { content: String(content), author: 'PhuLuc' };
        at.sheet.notes.set(key, note);
        created = { sheet: at.sheet, key, note };
      },
    });
    return new DNote(this.ctx, () => created);
  }
}

class DNote extends DObject<NoteTarget> implements XlNote {
  constructor(ctx: DoubleContext, resolver: Resolver<NoteTarget>) {
    super(ctx, 'Note', resolver);
  }

  protected override checkAlive(t: NoteTarget | null): void {
    if (t && t.sheet.notes.get(t.key) !== t.note)
      fail('ItemNotFound', 'The note has been deleted.');
  }

  protected props(): Record<string, string> {
    return { content: '1.18', authorName: '1.18' };
  }

  protected read(name: string, t: NoteTarget): unknown {
    return name === 'content' ? t.note.content : t.note.author;
  }

  get content(): string {
    return this.get('content');
  }
  set content(v: string) {
    this.put('content', v, '1.18', (t) => (t.note.content = v));
  }
  get authorName(): string {
    return this.get('authorName');
  }

  getLocation(): DRange {
    return new DRange(
      this.ctx,
      () => {
        const t = this.target();
        const r = Math.floor(t.key / MAX_COLS);
        const c = t.key % MAX_COLS;
        return { sheet: t.sheet, rect: { r0: r, c0: c, r1: r, c1: c } };
      },
      false,
      '1.18',
    );
  }
}

// ---------- worksheet functions ----------

class DFunctions implements XlFunctions {
  constructor(private readonly ctx: DoubleContext) {}

  date(year: number, month: number, day: number): DFunctionResult {
    return new DFunctionResult(this.ctx, () => {
      const wb = this.ctx.double.state;
      const serial = Math.round(
        (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000,
      );
      const s1900 = serial < 61 ? serial - 1 : serial;
      return { value: wb.date1904 ? s1900 - 1462 : s1900, error: '' };
    });
  }
}

class DFunctionResult
  extends DObject<{ value: number; error: string }>
  implements XlFunctionResult<number>
{
  constructor(ctx: DoubleContext, resolver: Resolver<{ value: number; error: string }>) {
    super(ctx, 'FunctionResult', resolver, false, '1.2');
  }
  protected props(): Record<string, string> {
    return { value: '1.2', error: '1.2' };
  }
  protected read(name: string, t: { value: number; error: string }): unknown {
    return name === 'value' ? t.value : t.error;
  }
  get value(): number {
    return this.get('value');
  }
  get error(): string {
    return this.get('error');
  }
}

// ---------- settings and properties ----------

const SETTINGS_LIMIT = 1_000_000;

class DSettingCollection implements XlSettingCollection {
  constructor(private readonly ctx: DoubleContext) {}

  add(key: string, value: unknown): DSetting {
    this.ctx.enqueue({
      label: 'SettingCollection.add',
      set: '1.4',
      args: [key, value],
      mutates: true,
      run: () => {
        const settings = this.ctx.double.state.settings;
        const copy = JSON.parse(JSON.stringify(value)) as unknown;
        const size = byteLength(Object.fromEntries([...settings, [key, copy]]));
        if (size > SETTINGS_LIMIT)
          fail('GeneralException', 'The settings are larger than Excel allows.');
        settings.set(key, copy);
      },
    });
    return new DSetting(this.ctx, () => (this.ctx.double.state.settings.has(key) ? key : null));
  }

  getItemOrNullObject(key: string): DSetting {
    return new DSetting(
      this.ctx,
      () => (this.ctx.double.state.settings.has(key) ? key : null),
      true,
    );
  }
}

class DSetting extends DObject<string> implements XlSetting {
  constructor(ctx: DoubleContext, resolver: Resolver<string>, orNull = false) {
    super(ctx, 'Setting', resolver, orNull);
  }
  protected props(): Record<string, string> {
    return { key: '1.4', value: '1.4' };
  }
  protected read(name: string, key: string): unknown {
    return name === 'key' ? key : JSON.parse(JSON.stringify(this.wb.settings.get(key) ?? null));
  }
  get key(): string {
    return this.get('key');
  }
  get value(): unknown {
    return this.get('value');
  }
  set value(v: unknown) {
    this.put('value', v, '1.4', (key) => this.wb.settings.set(key, JSON.parse(JSON.stringify(v))));
  }
  delete(): void {
    this.call('delete', null, '1.4', (key) => void this.wb.settings.delete(key));
  }
}

class DDocumentProperties extends DObject<WorkbookState> implements XlDocumentProperties {
  constructor(ctx: DoubleContext) {
    super(ctx, 'DocumentProperties', () => ctx.double.state);
  }
  protected props(): Record<string, string> {
    return { title: '1.7', subject: '1.7', author: '1.7', comments: '1.7' };
  }
  protected read(name: string, wb: WorkbookState): unknown {
    return wb.properties[name as 'title'];
  }
  private field(name: 'title' | 'subject' | 'author' | 'comments', v: string): void {
    this.put(name, v, '1.7', (wb) => {
      if (v.length > 255)
        fail('InvalidArgument', `The ${name} property has at most 255 characters.`);
      wb.properties[name] = v;
    });
  }
  get title(): string {
    return this.get('title');
  }
  set title(v: string) {
    this.field('title', v);
  }
  get subject(): string {
    return this.get('subject');
  }
  set subject(v: string) {
    this.field('subject', v);
  }
  get author(): string {
    return this.get('author');
  }
  set author(v: string) {
    this.field('author', v);
  }
  get comments(): string {
    return this.get('comments');
  }
  set comments(v: string) {
    this.field('comments', v);
  }
}
