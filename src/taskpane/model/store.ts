// The pane's state and actions, without React: the UI renders the state and calls the actions;
// tests call the same actions with doubles of Excel and of the browser. Domain work is the
// core's (planFromGrid); this file only wires sources, corrections and outputs together.

import type { Grid } from '../../core/grid/types';
import { planFromGrid } from '../../core/plan/parse';
import type { ColumnRole, Finding, Plan } from '../../core/plan/types';
import type { HostInfo } from '../host';
import type { Language, StepId } from '../i18n';
import { type PaneError, PaneFailure, PaneQuestion, toPaneError } from './errors';
import {
  applyFixes,
  columnsOfField,
  directoryOf,
  findingKey,
  type Fix,
  fixFor,
  tableOfTask,
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
  isoOfLocalDate,
  type KeyValueStorage,
  loadSettings,
  saveSettings,
  type Settings,
} from './settings';
import { gridFromFile, gridFromPaste } from './sources';
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
  { kind: 'selected'; address: string } | { kind: 'read'; tasks: number; sections: number };

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
  highlight: { taskId: string; seq: number } | null;
  /** A rebuild inside Excel waits for the person's word (nothing was changed yet). */
  question: ExcelQuestion | null;
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

  /** Inside Excel, once M4's reader and writer are loaded. */
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
      const pdf = grid.structure?.startsWith('pdf') || /\.pdf$/i.test(label);
      const code = pdf ? 'pdf-no-table' : 'no-table';
      this.set({ busy: null, step: 'source', error: { code, intent: 'error' } });
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
    this.set({ source, columnRoles: {}, fixes: [], build: null, highlight: null, busy: null });
    this.reread();
    const plan = this.state.plan;
    if (!plan) return;
    if (plan.tasks.length > 0) {
      this.set({
        step: 'preview',
        notice: { kind: 'read', tasks: plan.tasks.length, sections: plan.sections.length },
      });
    } else {
      this.set({ step: 'preview', error: { code: 'report-forms-only', intent: 'warning' } });
    }
  }

  /** The plan of a grid with the person's corrections; null (and an error shown) if reading
   * failed. */
  private planOf(
    grid: Grid,
    fixes: readonly Fix[],
    columnRoles: Record<number, RoleMap>,
  ): Plan | null {
    const directory = directoryOf(fixes);
    try {
      return planFromGrid(applyFixes(grid, fixes), {
        beforeInclusive: this.state.settings.beforeInclusive,
        ...(Object.keys(columnRoles).length > 0 ? { columnRoles } : {}),
        ...(directory.length > 0 ? { directory } : {}),
      });
    } catch (error) {
      this.set({ error: toPaneError(error) });
      return null;
    }
  }

  /** Reads the plan again from the source with the person's corrections. */
  private reread(): void {
    const { source, fixes, columnRoles } = this.state;
    if (!source) {
      this.set({ plan: null, fixable: {} });
      return;
    }
    const read = this.planOf(source.grid, fixes, columnRoles);
    const plan =
      read && source.findings
        ? { ...read, findings: [...source.findings, ...read.findings] }
        : read;
    if (!plan) {
      this.set({ plan: null, fixable: {} });
      return;
    }
    const grid = applyFixes(source.grid, fixes);
    const fixable: Record<string, Fix> = {};
    for (const f of plan.findings) {
      const fix = fixFor(f, plan, grid);
      if (fix) fixable[findingKey(f)] = fix;
    }
    this.set({ plan, fixable, build: null });
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

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function toPaneFailure(error: unknown, code: 'module-load-failed'): PaneFailure {
  const pe = toPaneError(error, code);
  return new PaneFailure(pe.code === 'unexpected' ? code : pe.code, pe.detail);
}
