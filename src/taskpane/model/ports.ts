// What the pane needs from the outside world, as interfaces: the pipeline's lazily loaded
// modules, Excel (inside Excel only), the browser (downloads, storage). The store depends on
// these only, so tests drive the pane's actions with doubles and the real browser alike.

import type { Grid } from '../../core/grid/types';
import type { Finding, Plan } from '../../core/plan/types';
import type { WorkbookLayout } from '../../layout/types';
import type { Language } from '../i18n';

/** The layout options the pane sets (src/layout's LayoutOptions). */
export interface PaneLayoutOptions {
  reportDate: string | null;
  dueSoonDays: number;
  language: Language;
  groupSheets: boolean;
  includeSupport: boolean;
}

/** Pipeline stages that live in chunks of their own, loaded on first use. */
export interface PipelineModules {
  layout(): Promise<(plan: Plan, options: PaneLayoutOptions) => WorkbookLayout>;
  xlsxWriter(): Promise<(layout: WorkbookLayout) => Promise<Uint8Array>>;
  xlsxReader(): Promise<(bytes: Uint8Array) => Promise<Grid>>;
  docxReader(): Promise<(bytes: Uint8Array) => Promise<Grid>>;
  /** PDF.js and the PDF table reader; failures are PaneFailures with the pdf-… codes. */
  pdfReader(): Promise<(bytes: Uint8Array) => Promise<Grid>>;
}

/** Where a grid read from Excel sits: its sheet, and the sheet cell of the grid's first cell. */
export interface SheetOrigin {
  sheet: string;
  /** The range read, e.g. "A1:G40". */
  address: string;
  /** 0-based column of the grid's first cell on the sheet. */
  firstColumn: number;
}

/** What a build inside Excel wrote, for the pane's summary. */
export interface ExcelBuildReport {
  /** Sheets written, in workbook order. */
  sheets: { name: string; kind: string }[];
  /** Tasks whose typed-in values (status, dates, notes) were kept from the previous build. */
  keptEntries: number;
  /** Things to tell the person: sheets that took another name, parts this Excel cannot write,
   * tasks that left the plan with values entered… */
  notes: { vi: string; en: string }[];
}

/** Excel, inside Excel: M4's reader and builder behind the pane's few needs. */
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
   * (src/office/rebuild.ts). `onProgress` gets 0–1.
   */
  build(
    plan: Plan,
    options: PaneLayoutOptions,
    onProgress: (fraction: number) => void,
  ): Promise<ExcelBuildReport>;
}

/** The browser's side: saving a file, remembering settings. */
export interface BrowserPort {
  download(bytes: Uint8Array, fileName: string): void;
}
