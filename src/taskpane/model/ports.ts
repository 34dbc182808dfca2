// What the pane needs from the outside world, as interfaces: the pipeline's lazily loaded
// modules, Excel (inside Excel only), the browser (downloads, storage). The store depends on
// these only, so tests drive the pane's actions with doubles and the real browser alike.

import type { Grid } from '../../core/grid/types';
import type { Finding, Plan } from '../../core/plan/types';
import type { WorkbookLayout } from '../../layout/types';
import type { AnswerInput, MergeSummary } from '../../layout/unitfile/merge';
import type { Language } from '../i18n';

/** The layout options the pane sets (src/layout's LayoutOptions). */
export interface PaneLayoutOptions {
  reportDate: string | null;
  dueSoonDays: number;
  language: Language;
  groupSheets: boolean;
  includeSupport: boolean;
  /** The day of the build: a downloaded file stores its formulas' values for that day. */
  buildDate?: string | null;
}

/** Pipeline stages that live in chunks of their own, loaded on first use. */
export interface PipelineModules {
  layout(): Promise<(plan: Plan, options: PaneLayoutOptions) => WorkbookLayout>;
  xlsxWriter(): Promise<(layout: WorkbookLayout) => Promise<Uint8Array>>;
  xlsxReader(): Promise<(bytes: Uint8Array) => Promise<Grid>>;
  docxReader(): Promise<(bytes: Uint8Array) => Promise<Grid>>;
  /** PDF.js and the PDF table reader; failures are PaneFailures with the pdf-… codes. */
  pdfReader(): Promise<(bytes: Uint8Array) => Promise<Grid>>;
  /** The units' loop on .xlsx files (src/render/xlsx/units.ts) and a zip writer. */
  units(): Promise<UnitsModule>;
}

/** "dd/mm/yyyy hh:mm" and the day, as the pane reads them from the clock. */
export interface UnitsClock {
  now: string;
  today: string;
}

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** A unit file as the pane lists it. */
export interface SentUnitFile {
  unit: string;
  fileName: string;
  rows: number;
}

export interface UnitsModule {
  /** A tracker's bytes → a zip of the unit files with the tracker recording them. */
  send(
    tracker: NamedBytes,
    replyBy: string,
    clock: UnitsClock,
  ): Promise<{ zip: Uint8Array; tracker: Uint8Array; files: SentUnitFile[] }>;
  /** A tracker's bytes and answered files → what the merge did, and the tracker (null: unchanged). */
  merge(
    tracker: Uint8Array,
    answers: NamedBytes[],
    clock: UnitsClock,
  ): Promise<{ summary: MergeSummary; tracker: Uint8Array | null }>;
  /** Unit files laid out inside Excel, written and zipped. */
  zip(files: { fileName: string; layout: WorkbookLayout }[]): Promise<Uint8Array>;
  /** Answered files read (inside Excel the merge runs on the open workbook). */
  readAnswers(answers: NamedBytes[]): AnswerInput[];
}

/** Where a grid read from Excel sits: its sheet, and the sheet cell of the grid's first cell. */
export interface SheetOrigin {
  sheet: string;
  /** The range read, e.g. "A1:G40". */
  address: string;
  /** 0-based column of the grid's first cell on the sheet. */
  firstColumn: number;
}

/** What a rebuild did with the tasks the workbook tracked (src/layout/tracker/carry.ts). */
export interface RebuildSummary {
  /** Tasks found again as they were. */
  kept: number;
  renumbered: { from: string; to: string }[];
  edited: { from: string; to: string; before: string; after: string }[];
  /** Tasks of the plan that are new to the workbook. */
  added: string[];
  /** Tasks no longer in the plan; `kept`: what was typed for it is on the removed-tasks sheet. */
  removed: { code: string; title: string; kept: boolean }[];
  /** Rows people typed into the task list: kept as tasks (`to`: their Mã). */
  typed: { title: string; to: string }[];
  /** Removed tasks back in the plan, with their values. */
  restored: { code: string; to: string }[];
  /** Pairs the person said are not the same task: both kept, apart. */
  apart: { from: string; to: string }[];
}

/** What a build inside Excel wrote, for the pane's summary. */
export interface ExcelBuildReport {
  /** Sheets written, in workbook order. */
  sheets: { name: string; kind: string }[];
  /** Tasks whose typed-in values (status, dates, notes) were kept from the previous build. */
  keptEntries: number;
  /** Things to tell the person: sheets that took another name, parts this Excel cannot write,
   * references that will break… */
  notes: { vi: string; en: string }[];
  /** Null for a first build. */
  rebuild: RebuildSummary | null;
}

/** A plan as the question about it shows it. */
export interface PlanFacts {
  number: string | null;
  date: string | null;
  title: string | null;
  tasks: number;
}

/** What a rebuild asks before it changes anything (src/office/rebuild.ts, BuildError.code). */
export type ExcelQuestion =
  | {
      /** The plan looks like another one than the workbook tracks: replace it anyway? */
      kind: 'plan';
      before: PlanFacts | null;
      after: PlanFacts;
      /** Share of the tasks found in both, 0–1. */
      share: number;
    }
  | {
      /** Old and new tasks that may be the same: which are? */
      kind: 'pairs';
      pairs: { key: string; from: string; to: string; before: string; after: string }[];
    };

/** The person's answers, sent with the next attempt. */
export interface BuildAnswers {
  replacePlan?: boolean;
  /** Pair key → the new task's id (the same task) or null (not the same). */
  decisions?: Record<string, string | null>;
}

/** Excel, inside Excel: the Office.js reader and builder (src/office) behind the pane's few needs. */
export interface ExcelPort {
  /**
   * The appendix on the sheet: the selection, or the whole used range of the active sheet when a
   * single cell is selected. `findings` are the reader's own (error values, unknown merges).
   */
  readSource(): Promise<{ grid: Grid; origin: SheetOrigin; findings: Finding[] }>;
  /** Selects one cell of the source sheet (row = the grid row's line); returns its address. */
  selectCell(origin: SheetOrigin, line: number, column: number): Promise<string>;
  /**
   * Builds the workbook in the open workbook: a safe rebuild that keeps what people typed
   * (src/office/rebuild.ts). `onProgress` gets 0–1. Throws a PaneQuestion when the rebuild
   * needs the person's word (another plan, unsure pairs of tasks): nothing changed then.
   */
  build(
    plan: Plan,
    options: PaneLayoutOptions,
    onProgress: (fraction: number) => void,
    answers?: BuildAnswers & { beforeInclusive?: boolean },
  ): Promise<ExcelBuildReport>;
  /** One form per unit (as layouts), recorded in the workbook's Lịch sử (src/office/units.ts). */
  sendUnitFiles?(
    replyBy: string,
    clock: UnitsClock,
  ): Promise<{ files: (SentUnitFile & { layout: WorkbookLayout })[] }>;
  /** Units' answers merged into the open workbook. */
  mergeUnitFiles?(answers: AnswerInput[], clock: UnitsClock): Promise<MergeSummary>;
}

/** The browser's side: saving a file, remembering settings. */
export interface BrowserPort {
  /** Saves a file; `type` is its MIME type (default: an .xlsx workbook). */
  download(bytes: Uint8Array, fileName: string, type?: string): void;
}
