// What every sheet builder needs: the plan, the options, the words, and where things are.

import type { Entered } from '../core/status';
import type { IsoDate, Plan, PlanTask } from '../core/plan/types';
import { labelsFor, type Labels, type Language } from './labels';
import type { Entries, TrackedRow } from './tracker/model';
import type { CellStyle, PrintSetup, StyleId } from './types';

/** What people typed on a task's row: Trạng thái, Tiến độ, dates, notes, added columns. */
export type EnteredValues = Entries;

export interface LayoutOptions {
  /** A fixed report date, or null for =TODAY() (the workbook then moves with the calendar). */
  reportDate: IsoDate | null;
  /** Unfinished tasks due within this many days are "due soon" (3–7 is usual). */
  dueSoonDays: number;
  language: Language;
  /** Give collective units ("Các phòng chuyên môn") a sheet of their own too. */
  groupSheets: boolean;
  /** List the tasks a unit coordinates on its sheet, under those it leads. */
  includeSupport?: boolean;
  /** What people typed, by Mã: a rebuild writes it back. */
  entered?: Record<string, EnteredValues>;
  /** Columns people added to the master list (kept after "Ghi chú"), in order. */
  extraColumns?: string[];
  /** Rows of the removed-tasks sheet: tasks no longer in the plan, with what was typed. */
  removed?: TrackedRow[];
  /**
   * Where carried formulas came from: the old task list's headers by column, and the task
   * each old row held, so a formula's references follow their task and their column.
   */
  moved?: { headers: string[]; taskAtRow: Record<number, string> };
  /** Names of sheets in the workbook that are not PhuLuc's: its sheets take other names. */
  reservedSheetNames?: string[];
}

export const DEFAULT_OPTIONS: LayoutOptions = {
  reportDate: null,
  dueSoonDays: 7,
  language: 'vi',
  groupSheets: false,
  includeSupport: true,
};

/** Master list columns, in order. `overdueOrder` is a hidden helper for the dashboard list. */
export const MASTER_COLUMNS = [
  'code',
  'section',
  'stt',
  'task',
  'lead',
  'support',
  'time',
  'start',
  'due',
  'kind',
  'product',
  'state',
  'progress',
  'completed',
  'status',
  'daysLeft',
  'note',
] as const;
export type MasterColumn = (typeof MASTER_COLUMNS)[number] | 'overdueOrder';
/** Every column the layout writes on the master list, the hidden helper last. */
export const MASTER_FIELDS: readonly MasterColumn[] = [...MASTER_COLUMNS, 'overdueOrder'];

export const ENTRY_COLUMNS: MasterColumn[] = ['state', 'progress', 'completed', 'note'];

export interface Context {
  plan: Plan;
  options: LayoutOptions;
  L: Labels;
  sheetNames: {
    dashboard: string;
    tasks: string;
    removed: string;
    findings: string;
    units: string;
    assignments: string;
    settings: string;
  };
  /** Canonical unit name → its sheet name (units with a sheet only). */
  unitSheets: Map<string, string>;
  /** Canonical unit name for every spelling. */
  unitOf: (name: string) => string;
  /** The tasks each unit leads and coordinates (grouped once: plans can have 10,000 tasks). */
  tasksOf: (unit: string) => { lead: PlanTask[]; support: PlanTask[] };
  master: {
    /** 1-based rows: the header and the first / last task rows. */
    headerRow: number;
    firstRow: number;
    lastRow: number;
    /** 0-based column of each master column. */
    col: Record<MasterColumn, number>;
    extraColumns: string[];
    rowOf: Map<string, number>;
  };
  /** "Kế hoạch số 15/KH-UBND ngày 26/12/2019" */
  planLine: string;
  /** Styles made while laying out (a base style with a person's fill), added to the workbook's. */
  derivedStyles: Record<StyleId, CellStyle>;
}

/** The style `base` with a solid fill a person gave a cell; registered once per pair. */
export function withFill(
  ctx: Context,
  base: StyleId | undefined,
  fill: string,
  styles: Record<StyleId, CellStyle>,
): StyleId {
  const id = `${base ?? 'plain'}~${fill.toUpperCase()}`;
  if (!ctx.derivedStyles[id]) {
    ctx.derivedStyles[id] = { ...(base ? styles[base] : {}), fill: fill.toUpperCase() };
  }
  return id;
}

export { viDate } from '../core/time/calendar';

/** A4 landscape, fit to width, the plan's number in the page header. */
export function printSetup(ctx: Context, repeatRows?: string): PrintSetup {
  const header = ctx.planLine.replace(/&/g, '&&');
  return {
    orientation: 'landscape',
    paperSize: 'A4',
    fitToWidth: true,
    ...(repeatRows ? { repeatRows } : {}),
    header: `&L${header}`,
    footer: `&LPhuLuc&R&P/&N`,
  };
}

export function toEntered(
  values: EnteredValues | undefined,
  stateOf: (label: string) => Entered['state'],
): Entered {
  return {
    state: values?.state ? stateOf(values.state) : undefined,
    completed: values?.completed ?? null,
  };
}

export function labels(language: Language): Labels {
  return labelsFor(language);
}
