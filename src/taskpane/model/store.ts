// The pane's state and actions, without React: the UI renders the state and calls the actions;
// tests call the same actions with doubles of Excel and of the browser. Domain work is the
// core's (planFromGrid); this file only wires sources, corrections and outputs together.

import type { Grid } from '../../core/grid/types';
import { planFromGrid } from '../../core/plan/parse';
import type { ColumnRole, Finding, Plan } from '../../core/plan/types';
import { isoOfLocalDate } from '../../core/time/calendar';
import {
  applyUnitEdits,
  entriesOfUnits,
  type MergeSuggestion,
  suggestUnitMerges,
  writeUnitDirectory,
} from '../../core/unitdir';
import { parseUnitDirectory, type UnitDirectoryEntry } from '../../core/units';
import type { HostInfo } from '../host';
import type { Language, StepId } from '../i18n';
import { type ErrorCode, type PaneError, PaneFailure, PaneQuestion, toPaneError } from './errors';
import {
  applyFixes,
  columnsOfField,
  type EditableField,
  editFix,
  editKey,
  fieldValues,
  findingKey,
  type Fix,
  fixFor,
  mergedAboveOf,
  mergeFix,
  splitFix,
  tableOfTask,
  unitEditsOf,
} from './fixes';
import type {
  BrowserPort,
  BuildAnswers,
  ExcelPort,
  ExcelQuestion,
  PaneLayoutOptions,
  PipelineModules,
  RebuildSummary,
  SheetOrigin,
} from './ports';
import {
  DEFAULT_SETTINGS,
  type KeyValueStorage,
  loadOfficeUnits,
  loadSettings,
  saveOfficeUnits,
  saveSettings,
  type Settings,
} from './settings';
import { decodeText, gridFromFile, gridFromPaste, MAX_FILE_BYTES } from './sources';
import { UnitsController } from './units';

export type SourceKind = 'paste' | 'file' | 'sample' | 'selection';

export interface LoadedSource {
  kind: SourceKind;
  /** File name, sheet range…; empty for pasted text and the sample (the UI names those). */
  label: string;
  grid: Grid;
  /** Where the grid sits in Excel (Excel sources only). */
  origin?: SheetOrigin;
  /** What the reader itself noticed (Excel: error values, unknown merges), shown first. */
  findings?: Finding[];
}

export type RoleMap = Partial<Record<ColumnRole, number>>;

export type BuildPhase = 'load' | 'layout' | 'render' | 'write' | 'save' | 'done';

export interface Busy {
  task: 'read' | 'build';
  /** What is being read (a file name), for the status line. */
  what?: string;
  phase?: BuildPhase;
  /** 0–1. */
  progress?: number;
}

export interface BuildResult {
  target: 'download' | 'excel';
  fileName?: string;
  size?: number;
  sheets: { name: string; kind: string }[];
  tasks: number;
  units: number;
  findings: number;
  keptEntries?: number;
  /** What the Excel build wants the person to know (sheets renamed, parts left out…). */
  notes?: { vi: string; en: string }[];
  /** What a rebuild inside Excel kept, renumbered, edited, added and removed. */
  rebuild?: RebuildSummary | null;
}

export type Notice =
  | { kind: 'selected'; address: string }
  | { kind: 'read'; tasks: number; sections: number }
  /** The office's unit directory was kept on this computer, or read from a file. */
  | { kind: 'units-saved'; units: number }
  | { kind: 'units-opened'; units: number; file: string };

/** A preview row to show (and a cell of it to open for typing). */
export interface Highlight {
  taskId: string;
  /** Changes on every request, so the UI scrolls and focuses again. */
  seq: number;
  field?: EditableField;
  /** Open the field's editor. */
  edit?: boolean;
}

/** Warnings that say why a plan has no task: they go once tasks are read again. */
const EMPTY_PLAN_CODES = [
  'report-forms-only',
  'no-tasks',
  'no-task-column',
  'docx-tabbed',
] as const;

export interface PaneState {
  step: StepId;
  settings: Settings;
  host: HostInfo | null;
  /** Excel's reader and writer are ready (inside Excel only). */
  excel: boolean;
  source: LoadedSource | null;
  /** Column roles a person chose, by table index. */
  columnRoles: Record<number, RoleMap>;
  fixes: Fix[];
  plan: Plan | null;
  /** The fix each finding offers, by findingKey. */
  fixable: Record<string, Fix>;
  error: PaneError | null;
  notice: Notice | null;
  busy: Busy | null;
  build: BuildResult | null;
  /** The preview row to highlight; `seq` changes on every request so the UI scrolls again. */
  highlight: Highlight | null;
  /** A rebuild inside Excel waits for the person's word (nothing was changed yet). */
  question: ExcelQuestion | null;
  /** Changes when the step's panel should take the keyboard focus (a source was just read). */
  focusSeq: number;
  /** The office's unit directory kept on this computer: every plan is read with it. */
  officeUnits: UnitDirectoryEntry[] | null;
  /** Units of the plan that look like one office, offered for merging. */
  suggestions: MergeSuggestion[];
  /** Suggestions the person said are not one unit (by key), for this session. */
  dismissedMerges: string[];
}

export interface StoreDeps {
  modules: PipelineModules;
  browser: BrowserPort;
  storage: KeyValueStorage | null;
  /** The bundled sample plan's text. */
  sample(): Promise<string>;
  /** Lets the UI paint between build phases (a macrotask in the browser). */
  yieldToUi?(): Promise<void>;
}

type Listener = () => void;

const sleep = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A file name for the workbook from the plan's number: "Sổ theo dõi 15-KH-UBND.xlsx". */
export function workbookFileName(plan: Plan, language: Language): string {
  const base = language === 'vi' ? 'Sổ theo dõi' : 'Tracking workbook';
  const number = (plan.document.number ?? '')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, '')
    .replace(/^-+|-+$/g, '');
  return `${base}${number ? ` ${number}` : ''}.xlsx`;
}

export class PaneStore {
  private state: PaneState;
  private listeners = new Set<Listener>();
  private excelPort: ExcelPort | null = null;
  private lastBytes: { bytes: Uint8Array; fileName: string } | null = null;
  private highlightSeq = 0;
  /** Answers given to this plan's questions, sent with each attempt until a build succeeds. */
  private answers: BuildAnswers = {};
  /** "Đơn vị báo cáo": forms sent to the units and their answers merged. */
  readonly units: UnitsController;

  constructor(private readonly deps: StoreDeps) {
    this.units = new UnitsController({
      modules: deps.modules,
      browser: deps.browser,
      excel: () => this.excelPort,
    });
    this.state = {
      step: 'source',
      settings: deps.storage ? loadSettings(deps.storage) : { ...DEFAULT_SETTINGS },
      host: null,
      excel: false,
      source: null,
      columnRoles: {},
      fixes: [],
      plan: null,
      fixable: {},
      error: null,
      notice: null,
      busy: null,
      build: null,
      highlight: null,
      question: null,
      focusSeq: 0,
      officeUnits: loadOfficeUnits(deps.storage),
      suggestions: [],
      dismissedMerges: [],
    };
  }

  // ── subscription (React's useSyncExternalStore) ─────────────────────────────────────────

  getState = (): PaneState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  // ── host ────────────────────────────────────────────────────────────────────────────────

  setHost(host: HostInfo): void {
    this.set({ host });
  }

  /** Inside Excel, once the Office.js reader and builder (src/office) are loaded. */
  attachExcel(port: ExcelPort): void {
    this.excelPort = port;
    this.set({ excel: true });
  }

  // ── navigation, language, settings ──────────────────────────────────────────────────────

  setStep = (step: StepId): void => {
    this.set({ step, notice: step === this.state.step ? this.state.notice : null });
  };

  setLanguage = (language: Language): void => {
    this.updateSettings({ language });
  };

  updateSettings = (patch: Partial<Settings>): void => {
    const before = this.state.settings;
    const settings = { ...before, ...patch };
    saveSettings(this.deps.storage, settings);
    const reread = settings.beforeInclusive !== before.beforeInclusive;
    const layoutChanged = (Object.keys(patch) as (keyof Settings)[]).some(
      (k) => k !== 'language' && patch[k] !== before[k],
    );
    this.set({ settings, ...(layoutChanged ? { build: null } : {}) });
    if (reread) this.reread();
  };

  /** An error from outside the actions (e.g. Excel's part of the pane failed to load). */
  reportError = (error: unknown): void => {
    this.set({ error: toPaneError(error, 'module-load-failed') });
  };

  dismissError = (): void => {
    this.set({ error: null });
  };

  dismissNotice = (): void => {
    this.set({ notice: null });
  };

  // ── sources ─────────────────────────────────────────────────────────────────────────────

  loadPaste = async (text: string, html?: string | null): Promise<void> => {
    await this.load('paste', '', async () => gridFromPaste(text, html));
  };

  loadFile = async (name: string, bytes: Uint8Array): Promise<void> => {
    await this.load('file', name, () =>
      gridFromFile(name, bytes, {
        docx: async (b) => (await this.module(() => this.deps.modules.docxReader()))(b),
        xlsx: async (b) => (await this.module(() => this.deps.modules.xlsxReader()))(b),
        pdf: async (b) => (await this.module(() => this.deps.modules.pdfReader()))(b),
      }),
    );
  };

  loadSample = async (): Promise<void> => {
    await this.load('sample', '', async () => gridFromPaste(await this.deps.sample()));
  };

  /** Inside Excel: the selection (or, with one cell selected, the whole sheet). */
  loadExcel = async (): Promise<void> => {
    const port = this.excelPort;
    if (!port) return;
    let read: Awaited<ReturnType<ExcelPort['readSource']>> | undefined;
    await this.load(
      'selection',
      '',
      async () => {
        try {
          read = await port.readSource();
        } catch (error) {
          throw error instanceof PaneFailure
            ? error
            : new PaneFailure('excel-read-failed', errorText(error));
        }
        return read.grid;
      },
      () => (read ? { origin: read.origin, findings: read.findings } : {}),
    );
  };

  private async module<T>(load: () => Promise<T>): Promise<T> {
    try {
      return await load();
    } catch (error) {
      throw error instanceof PaneFailure ? error : toPaneFailure(error, 'module-load-failed');
    }
  }

  private async load(
    kind: SourceKind,
    label: string,
    read: () => Promise<Grid>,
    from: () => { origin?: SheetOrigin; findings?: Finding[] } = () => ({}),
  ): Promise<void> {
    this.set({ busy: { task: 'read', what: label }, error: null, notice: null });
    let grid: Grid;
    try {
      grid = await read();
    } catch (error) {
      this.set({
        busy: null,
        error: toPaneError(error, kind === 'file' ? 'file-unreadable' : 'unexpected'),
      });
      return;
    }
    // Nothing like a table at all: say so, and keep what was there before.
    const probe = this.planOf(grid, [], {});
    if (probe && probe.tables.length === 0) {
      this.set({
        busy: null,
        step: 'source',
        error: { code: noTableCode(grid, label), intent: 'error' },
      });
      return;
    }
    const { origin, findings } = from();
    const source: LoadedSource = {
      kind,
      label: label || (origin?.address ?? ''),
      grid,
      ...(origin ? { origin } : {}),
      ...(findings && findings.length > 0 ? { findings } : {}),
    };
    this.set({
      source,
      columnRoles: {},
      fixes: [],
      build: null,
      highlight: null,
      busy: null,
      dismissedMerges: [],
    });
    this.reread();
    const plan = this.state.plan;
    if (!plan) return;
    // The step's panel takes the focus (the button pressed is gone), and the notice, in a live
    // region, says what was read.
    this.set({
      step: 'preview',
      focusSeq: this.state.focusSeq + 1,
      ...(plan.tasks.length > 0
        ? { notice: { kind: 'read', tasks: plan.tasks.length, sections: plan.sections.length } }
        : {}),
    });
  }

  /** The plan of a grid with the person's corrections; null (and an error shown) if reading
   * failed. */
  private planOf(
    grid: Grid,
    fixes: readonly Fix[],
    columnRoles: Record<number, RoleMap>,
    directory: UnitDirectoryEntry[] | null = this.state.officeUnits,
  ): Plan | null {
    const mergedAbove = mergedAboveOf(fixes);
    try {
      return planFromGrid(applyFixes(grid, fixes), {
        beforeInclusive: this.state.settings.beforeInclusive,
        ...(Object.keys(columnRoles).length > 0 ? { columnRoles } : {}),
        ...(directory ? { directory } : {}),
        ...(mergedAbove.length > 0 ? { mergedAbove } : {}),
      });
    } catch (error) {
      this.set({ error: toPaneError(error) });
      return null;
    }
  }

  /**
   * The unit directory a reading uses: the office's (kept on this computer), with the person's
   * merges and splits replayed over it. Without a kept directory, edits start from the plan's
   * own units, so a merge never makes every other unit "not in the directory".
   */
  private directoryFor(
    fixes: readonly Fix[],
    columnRoles: Record<number, RoleMap>,
  ): {
    directory: UnitDirectoryEntry[] | null;
    failed: boolean;
  } {
    const office = this.state.officeUnits;
    const edits = unitEditsOf(fixes);
    if (edits.length === 0) return { directory: office, failed: false };
    const source = this.state.source;
    const before = source ? this.planOf(source.grid, fixes, columnRoles, office) : null;
    if (!before) return { directory: office, failed: true };
    const base = office ?? entriesOfUnits(before.units);
    return { directory: applyUnitEdits(base, before.units, edits), failed: false };
  }

  /** The directory in use now, whole (the plan's own units when none is kept): for export. */
  unitDirectory(): UnitDirectoryEntry[] {
    const { fixes, columnRoles, plan } = this.state;
    const { directory } = this.directoryFor(fixes, columnRoles);
    return directory ?? entriesOfUnits(plan?.units ?? []);
  }

  /** Reads the plan again from the source with the person's corrections. */
  private reread(): void {
    const { source, fixes, columnRoles } = this.state;
    if (!source) {
      this.set({ plan: null, fixable: {} });
      return;
    }
    const { directory, failed } = this.directoryFor(fixes, columnRoles);
    const read = failed ? null : this.planOf(source.grid, fixes, columnRoles, directory);
    const plan =
      read && source.findings
        ? { ...read, findings: [...source.findings, ...read.findings] }
        : read;
    if (!plan) {
      this.set({ plan: null, fixable: {}, suggestions: [] });
      return;
    }
    const grid = applyFixes(source.grid, fixes);
    const fixable: Record<string, Fix> = {};
    for (const f of plan.findings) {
      const fix = fixFor(f, plan, grid);
      if (fix) fixable[findingKey(f)] = fix;
    }
    const dismissed = new Set(this.state.dismissedMerges);
    const suggestions = suggestUnitMerges(plan.units).filter((x) => !dismissed.has(x.key));
    this.set({ plan, fixable, suggestions, build: null, ...this.statusOf(plan) });
  }

  /**
   * What the pane says about a plan read again: the "read N tasks" notice follows the counts;
   * a plan left without tasks says why (and the warning goes once tasks are back).
   */
  private statusOf(plan: Plan): Pick<PaneState, 'notice' | 'error'> {
    const { notice, error } = this.state;
    const emptyWarning = error && (EMPTY_PLAN_CODES as readonly string[]).includes(error.code);
    if (plan.tasks.length === 0) {
      return {
        notice: notice?.kind === 'read' ? null : notice,
        error:
          error && !emptyWarning
            ? error
            : {
                code: emptyPlanCode(plan, this.state.columnRoles, this.state.source),
                intent: 'warning',
              },
      };
    }
    return {
      notice:
        notice?.kind === 'read'
          ? { kind: 'read', tasks: plan.tasks.length, sections: plan.sections.length }
          : notice,
      error: emptyWarning ? null : error,
    };
  }

  // ── corrections ─────────────────────────────────────────────────────────────────────────

  /** Gives `column` of table `tableIndex` the role `role` (or none); another column holding
   * that role loses it. */
  setColumnRole = (tableIndex: number, column: number, role: ColumnRole | null): void => {
    const table = this.state.plan?.tables[tableIndex];
    if (!table) return;
    const current: RoleMap = { ...(this.state.columnRoles[tableIndex] ?? table.columns) };
    for (const [r, c] of Object.entries(current) as [ColumnRole, number][]) {
      if (c === column || r === role) delete current[r];
    }
    if (role) current[role] = column;
    this.set({ columnRoles: { ...this.state.columnRoles, [tableIndex]: current } });
    this.reread();
  };

  resetColumnRoles = (): void => {
    this.set({ columnRoles: {} });
    this.reread();
  };

  applyFix = (key: string): void => {
    const fix = this.state.fixable[key];
    if (!fix || this.state.fixes.some((f) => f.key === key)) return;
    this.set({ fixes: [...this.state.fixes, fix] });
    this.reread();
  };

  undoFix = (key: string): void => {
    this.set({ fixes: this.state.fixes.filter((f) => f.key !== key) });
    this.reread();
  };

  undoAllFixes = (): void => {
    this.set({ fixes: [] });
    this.reread();
  };

  /** Adds a correction, replacing an earlier one of the same key (a cell typed again). */
  private addFix(fix: Fix): void {
    const fixes = this.state.fixes;
    const at = fixes.findIndex((f) => f.key === fix.key);
    this.set({
      fixes: at >= 0 ? fixes.map((f, i) => (i === at ? fix : f)) : [...fixes, fix],
    });
    this.reread();
  }

  /** What a task's field holds now, for the preview's editor (one text per column). */
  fieldText(taskId: string, field: EditableField): string[] {
    const { plan, source, fixes } = this.state;
    const task = plan?.tasks.find((t) => t.id === taskId);
    if (!plan || !source || !task) return [];
    return fieldValues(plan, applyFixes(source.grid, fixes), task, field);
  }

  /**
   * A task's cell typed in the preview (`values`: one text per column of the field). Typing the
   * source's own text back removes the correction.
   */
  editTask = (taskId: string, field: EditableField, values: string[]): void => {
    const { plan, source, fixes } = this.state;
    const task = plan?.tasks.find((t) => t.id === taskId);
    if (!plan || !source || !task) return;
    const key = editKey(task, field);
    const others = fixes.filter((f) => f.key !== key);
    const original = fieldValues(plan, applyFixes(source.grid, others), task, field);
    const same =
      original.length === values.length && original.every((v, i) => v === values[i]?.trim());
    if (same) {
      if (others.length !== fixes.length) {
        this.set({ fixes: others });
        this.reread();
      }
      return;
    }
    const fix = editFix(
      plan,
      task,
      field,
      values.map((v) => v.trim()),
    );
    if (fix) this.addFix(fix);
  };

  /** These units are one: `into` is the name kept. */
  mergeUnits = (names: string[], into: string): void => {
    const unique = [...new Set(names)];
    if (unique.length < 2 || !unique.includes(into)) return;
    this.addFix(mergeFix(unique, into));
  };

  /** A spelling of a unit is a unit of its own. */
  splitUnit = (unit: string, alias: string): void => {
    this.addFix(splitFix(unit, alias));
  };

  /** "These are not one unit": the suggestion is not offered again for this plan. */
  dismissSuggestion = (key: string): void => {
    const dismissedMerges = [...this.state.dismissedMerges, key];
    this.set({
      dismissedMerges,
      suggestions: this.state.suggestions.filter((x) => x.key !== key),
    });
  };

  /** Keeps the units as they are now as the office's directory, for every plan read here. */
  saveOfficeUnits = (): void => {
    const entries = this.unitDirectory();
    if (entries.length === 0) return;
    saveOfficeUnits(this.deps.storage, entries);
    // The merges and splits are in the directory now.
    this.set({
      officeUnits: entries,
      fixes: this.state.fixes.filter((f) => f.units.length === 0),
      notice: { kind: 'units-saved', units: entries.length },
    });
    this.reread();
  };

  /** Plans are read without a kept directory again (units merged by their spelling only). */
  forgetOfficeUnits = (): void => {
    saveOfficeUnits(this.deps.storage, null);
    this.set({ officeUnits: null, notice: null });
    this.reread();
  };

  /** A unit directory file (the `--units` CSV or JSON) becomes the office's directory. */
  openOfficeUnits = async (name: string, bytes: Uint8Array): Promise<void> => {
    let entries: UnitDirectoryEntry[];
    try {
      if (bytes.length > MAX_FILE_BYTES) throw new PaneFailure('file-too-large');
      const text = decodeText(bytes);
      const json = /\.json$/i.test(name) || /^\s*[[{]/.test(text);
      try {
        entries = parseUnitDirectory(text, json ? 'json' : 'csv');
      } catch (error) {
        const [vi, en = vi] = (error instanceof Error ? error.message : String(error)).split(' / ');
        throw new PaneFailure('units-unreadable', `${name}: ${en}`, { vi: `${vi}.`, en: `${en}.` });
      }
    } catch (error) {
      this.set({ error: toPaneError(error, 'units-unreadable') });
      return;
    }
    if (entries.length === 0) {
      this.set({ error: { code: 'units-unreadable', intent: 'error', detail: name } });
      return;
    }
    saveOfficeUnits(this.deps.storage, entries);
    this.set({
      officeUnits: entries,
      fixes: this.state.fixes.filter((f) => f.units.length === 0),
      error: null,
      notice: { kind: 'units-opened', units: entries.length, file: name },
    });
    this.reread();
  };

  /** Saves the unit directory in use as a `--units` file (CSV for Excel, or JSON). */
  exportUnits = (format: 'csv' | 'json' = 'csv'): void => {
    const entries = this.unitDirectory();
    if (entries.length === 0) return;
    const text = writeUnitDirectory(entries, format);
    const base = this.state.settings.language === 'vi' ? 'Danh muc don vi' : 'Unit directory';
    try {
      this.deps.browser.download(
        new TextEncoder().encode(text),
        `${base}.${format}`,
        format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
      );
    } catch (error) {
      this.set({ error: toPaneError(new PaneFailure('download-failed', errorText(error))) });
    }
  };

  /** Inside Excel with an Excel source: selects the finding's cell. Otherwise: shows its row in
   * the preview. */
  showFinding = async (finding: Finding): Promise<void> => {
    const { plan, source } = this.state;
    if (!plan || !finding.task) return;
    const task = plan.tasks.find((t) => t.id === finding.task);
    if (!task) return;
    const port = this.excelPort;
    if (port && source?.origin) {
      const table = tableOfTask(plan, task);
      const column =
        (table && (columnsOfField(table, finding.field)[0] ?? table.columns.task)) ?? 0;
      const line = finding.rows[0] ?? task.rows[0] ?? 1;
      try {
        const address = await port.selectCell(source.origin, line, column);
        this.set({ notice: { kind: 'selected', address }, error: null });
      } catch (error) {
        this.set({ error: toPaneError(error, 'excel-read-failed') });
      }
      return;
    }
    this.highlightSeq += 1;
    this.set({ step: 'preview', highlight: { taskId: task.id, seq: this.highlightSeq } });
  };

  /** Opens the preview with the finding's cell ready for typing (its task's field). */
  editFinding = (finding: Finding): void => {
    const { plan } = this.state;
    const task = plan?.tasks.find((t) => t.id === finding.task);
    const field = editableFieldOf(finding);
    if (!task || !field) return;
    this.highlightSeq += 1;
    this.set({
      step: 'preview',
      highlight: { taskId: task.id, seq: this.highlightSeq, field, edit: true },
    });
  };

  // ── build ───────────────────────────────────────────────────────────────────────────────

  /** Builds the workbook: into the open workbook (inside Excel) or as a download. */
  build = async (
    target: 'excel' | 'download' = this.excelPort ? 'excel' : 'download',
  ): Promise<void> => {
    const plan = this.state.plan;
    if (!plan || plan.tasks.length === 0 || this.state.busy) return;
    const port = target === 'excel' ? this.excelPort : null;
    const progress = async (phase: BuildPhase, fraction: number): Promise<void> => {
      this.set({ busy: { task: 'build', phase, progress: fraction } });
      await (this.deps.yieldToUi ?? sleep)();
    };
    this.set({ error: null, notice: null, build: null, question: null });
    try {
      if (port) {
        await progress('write', 0.05);
        let report;
        try {
          report = await port.build(
            plan,
            this.layoutOptions(),
            (f) => this.set({ busy: { task: 'build', phase: 'write', progress: 0.05 + 0.9 * f } }),
            { ...this.answers, beforeInclusive: this.state.settings.beforeInclusive },
          );
        } catch (error) {
          if (!(error instanceof PaneQuestion)) throw error;
          this.set({ busy: null, question: error.question });
          return;
        }
        this.answers = {};
        await progress('done', 1);
        this.set({
          busy: null,
          build: {
            target: 'excel',
            sheets: report.sheets,
            tasks: plan.tasks.length,
            units: plan.units.length,
            findings: plan.findings.length,
            keptEntries: report.keptEntries,
            notes: report.notes,
            rebuild: report.rebuild,
          },
        });
        return;
      }
      await progress('load', 0.05);
      const layoutWorkbook = await this.module(() => this.deps.modules.layout());
      await progress('layout', 0.2);
      const layout = layoutWorkbook(plan, {
        ...this.layoutOptions(),
        buildDate: isoOfLocalDate(new Date()),
      });
      const counts = {
        sheets: layout.sheets.map((s) => ({ name: s.name, kind: s.kind })),
        tasks: plan.tasks.length,
        units: plan.units.length,
        findings: plan.findings.length,
      };
      await progress('load', 0.3);
      const renderXlsx = await this.module(() => this.deps.modules.xlsxWriter());
      await progress('render', 0.45);
      const bytes = await renderXlsx(layout);
      await progress('save', 0.9);
      const fileName = workbookFileName(plan, this.state.settings.language);
      this.lastBytes = { bytes, fileName };
      try {
        this.deps.browser.download(bytes, fileName);
      } catch (error) {
        throw new PaneFailure('download-failed', errorText(error));
      }
      await progress('done', 1);
      this.set({
        busy: null,
        build: { target: 'download', fileName, size: bytes.byteLength, ...counts },
      });
    } catch (error) {
      this.set({
        busy: null,
        error: toPaneError(error, port ? 'excel-write-failed' : 'build-failed'),
      });
    }
  };

  // ── questions a rebuild inside Excel asks ────────────────────────────────────────────────

  /** "This is another plan: replace the workbook's anyway?" — yes builds again, no leaves it. */
  answerPlan = async (replace: boolean): Promise<void> => {
    if (this.state.question?.kind !== 'plan') return;
    if (!replace) {
      this.cancelQuestion();
      return;
    }
    this.answers = { ...this.answers, replacePlan: true };
    this.set({ question: null });
    await this.build('excel');
  };

  /** The pairs the person says are the same task (by key); every other pair is kept apart. */
  answerPairs = async (same: string[]): Promise<void> => {
    const question = this.state.question;
    if (question?.kind !== 'pairs') return;
    const decisions: Record<string, string | null> = { ...this.answers.decisions };
    for (const pair of question.pairs)
      decisions[pair.key] = same.includes(pair.key) ? pair.to : null;
    this.answers = { ...this.answers, decisions };
    this.set({ question: null });
    await this.build('excel');
  };

  /** Nothing is written; the answers given so far are forgotten. */
  cancelQuestion = (): void => {
    this.answers = {};
    this.set({ question: null });
  };

  downloadAgain = (): void => {
    if (!this.lastBytes) return;
    try {
      this.deps.browser.download(this.lastBytes.bytes, this.lastBytes.fileName);
    } catch (error) {
      this.set({ error: toPaneError(new PaneFailure('download-failed', errorText(error))) });
    }
  };

  layoutOptions(): PaneLayoutOptions {
    const s = this.state.settings;
    return {
      reportDate: s.reportDate,
      dueSoonDays: s.dueSoonDays,
      language: s.language,
      groupSheets: s.groupSheets,
      includeSupport: s.includeSupport,
    };
  }
}

/** The field of a task a finding's cell is, when the preview lets a person type it. */
export function editableFieldOf(finding: Finding): EditableField | null {
  if (!finding.task) return null;
  const field = finding.field ?? 'title';
  return field === 'title' || field === 'lead' || field === 'support' || field === 'time'
    ? field
    : null;
}

/** Why a source gave no table at all, for the advice that fits it. */
function noTableCode(grid: Grid, label: string): ErrorCode {
  if (grid.structure?.startsWith('pdf') || /\.pdf$/i.test(label)) return 'pdf-no-table';
  if (/\.doc[xm]$/i.test(label)) return grid.structure === 'text' ? 'docx-tabbed' : 'docx-no-table';
  return 'no-table';
}

/**
 * Why a plan has no task: a task table without rows, no task column left after a change, a Word
 * appendix typed as tab-separated text whose columns were not recognised, or report forms only.
 */
function emptyPlanCode(
  plan: Plan,
  roles: Record<number, RoleMap>,
  source: LoadedSource | null,
): ErrorCode {
  if (plan.tables.some((t) => t.kind === 'tasks')) return 'no-tasks';
  if (Object.keys(roles).length > 0) return 'no-task-column';
  if (source && source.grid.structure === 'text' && /\.doc[xm]$/i.test(source.label))
    return 'docx-tabbed';
  return 'report-forms-only';
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function toPaneFailure(error: unknown, code: 'module-load-failed'): PaneFailure {
  const pe = toPaneError(error, code);
  return new PaneFailure(pe.code === 'unexpected' ? code : pe.code, pe.detail);
}
