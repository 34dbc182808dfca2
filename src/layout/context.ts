// What every sheet builder needs: the plan, the options, the words, and where things are.

import type { Entered } from '../core/status';
import type { TaskStanding } from '../core/status/rollup';
import type { IsoDate, Plan, PlanTask } from '../core/plan/types';
import { viDate } from '../core/time/calendar';
import type { Labels, Language } from './labels';
import { DEFAULT_FONT, type FontName } from './metrics';
import type { Entries, HistoryRow, TrackedRow } from './tracker/model';
import type { CellStyle, PrintSetup, StyleId } from './types';

/** What people typed on a task's row: Trạng thái, Tiến độ, dates, notes, added columns. */
export type EnteredValues = Entries;

export interface LayoutOptions {
  /** A fixed report date, or null for =TODAY() (the workbook then moves with the calendar). */
  reportDate: IsoDate | null;
  /**
   * The day of the build. With =TODAY() as the report date, the values stored with the
   * formulas (for programs that do not calculate) are those of this day, and recurring tasks
   * run at least to its year. The layout never reads the clock: the caller gives it.
   */
  buildDate?: IsoDate | null;
  /**
   * The year open-ended recurring tasks are tracked to, as set in Cài đặt (read back on a
   * rebuild); null: the later of the plan's last year and the report date's year.
   */
  horizon?: number | null;
  /** At least this horizon (a rebuild keeps the periods that have entries). */
  minHorizon?: number | null;
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
  /** Rows of the Lịch sử sheet (units' files sent and answers merged): kept by every rebuild. */
  history?: HistoryRow[];
  /**
   * The font every cell is set in, on screen and on paper (row heights are measured in it):
   * Times New Roman by default, as Nghị định 30/2020 asks of documents.
   */
  font?: FontName;
  /** Names of sheets in the workbook that are not PhuLuc's: its sheets take other names. */
  reservedSheetNames?: string[];
}

export const DEFAULT_OPTIONS: LayoutOptions = {
  reportDate: null,
  dueSoonDays: 7,
  language: 'vi',
  font: DEFAULT_FONT,
  groupSheets: false,
  includeSupport: true,
};

/**
 * The columns of the task list (Nhiệm vụ) people see, in order, with their Vietnamese headers
 * (src/layout/labels.ts holds them in both languages).
 */
export const TASK_LIST_COLUMNS = [
  'code', // Mã
  'section', // Mục
  'stt', // STT
  'task', // Nhiệm vụ
  'lead', // Chủ trì
  'support', // Phối hợp
  'time', // Thời gian
  'start', // Bắt đầu
  'due', // Hạn
  'kind', // Loại thời hạn
  'product', // Sản phẩm
  'state', // Trạng thái
  'progress', // Tiến độ (%)
  'completed', // Ngày hoàn thành
  'extendedTo', // Gia hạn đến
  'extensionBasis', // Căn cứ gia hạn
  'status', // Tình trạng
  'daysLeft', // Còn lại (ngày)
  'note', // Ghi chú
  'extensionRequest', // Đề nghị gia hạn đến
  'extensionReason', // Lý do đề nghị
] as const;

/**
 * Hidden helper columns of the task list, right of the columns people added, numbers wherever
 * the counts use them (no formula takes a name or a Mã as a criterion):
 *   effectiveDue  the deadline that counts (Gia hạn đến, else Hạn);
 *   itemStatus    an item's own Tình trạng ("" on a recurring task's heading), which the
 *                 heading sums up without reading its own cell;
 *   isItem        1 for an item of work, 0 for a heading (a row typed at the end: 1);
 *   isDue         1 for an item whose deadline has come and that is not set aside;
 *   overdueOrder  the running number of overdue items, for the dashboard's list;
 *   periods       on a heading, the number of its occurrences;
 *   taskNo        the task's number, the same on a heading and its occurrences.
 */
export const TASK_LIST_HELPER_COLUMNS = [
  'effectiveDue',
  'itemStatus',
  'isItem',
  'isDue',
  'overdueOrder',
  'periods',
  'taskNo',
] as const;
export type TaskListHelperColumn = (typeof TASK_LIST_HELPER_COLUMNS)[number];
export type TaskListColumn = (typeof TASK_LIST_COLUMNS)[number] | TaskListHelperColumn;
/** Every column the layout writes on the task list, the hidden helpers last. */
export const TASK_LIST_ALL_COLUMNS: readonly TaskListColumn[] = [
  ...TASK_LIST_COLUMNS,
  ...TASK_LIST_HELPER_COLUMNS,
];

/** The task-list columns people type into (Trạng thái, Tiến độ, dates, notes, requests). */
export const TASK_LIST_ENTRY_COLUMNS: TaskListColumn[] = [
  'state',
  'progress',
  'completed',
  'extendedTo',
  'extensionBasis',
  'note',
  'extensionRequest',
  'extensionReason',
];

/** One row of the master list: a task, a recurring task's heading, or one of its occurrences. */
export interface MasterRow {
  /** 1-based sheet row. */
  r: number;
  /** Mã. */
  code: string;
  task: PlanTask;
  role: TaskStanding['role'];
  /** The task's number (1-based, in plan order): the same on a heading and its occurrences. */
  group: number;
  /** Occurrences under a heading. */
  periods: number;
  standing: TaskStanding;
}

export interface Context {
  plan: Plan;
  options: LayoutOptions;
  labels: Labels;
  sheetNames: {
    dashboard: string;
    tasks: string;
    removed: string;
    findings: string;
    units: string;
    assignments: string;
    settings: string;
    history: string;
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
    col: Record<TaskListColumn, number>;
    extraColumns: string[];
    /** Mã → 1-based sheet row. */
    rowOf: Map<string, number>;
    /** Every row of the list, in order. */
    rows: MasterRow[];
  };
  /**
   * The date the stored values are computed for (the report date, or the build day with
   * =TODAY()); null: formulas are written without stored values.
   */
  valueDate: IsoDate | null;
  /** The horizon year recurring tasks run to in this build. */
  horizon: number | null;
  /** Where each item stands on `valueDate` (every row of the master list, headings included). */
  standings: TaskStanding[];
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

/** Page margins (inches): room for the page header and footer. */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 };

/**
 * A4 landscape, fit to width, `repeatRows` on every page; the plan (and `title`, a unit's
 * name) in the page header, never the product's name; the sheet, the report date and the page
 * in the footer. With =TODAY() the report date is the day of printing: Excel's &D.
 * Kinds of sheet with print rules of their own refine this in layout/print.
 */
export function printSetup(ctx: Context, repeatRows?: string, title?: string): PrintSetup {
  const escape = (text: string): string => text.replace(/&/g, '&&');
  const words = ctx.labels.words;
  const date = ctx.options.reportDate ? viDate(ctx.options.reportDate) : '&D';
  const plan = escape(ctx.planLine);
  return {
    orientation: 'landscape',
    paperSize: 'A4',
    fitToWidth: true,
    ...(repeatRows ? { repeatRows } : {}),
    margins: { ...MARGINS },
    header: title ? `&L&B${escape(title)}&B&R${plan}` : `&L${plan}`,
    footer: `&L&A&C${escape(words.asOf!)} ${date}&R${words.pageOf!}`,
  };
}

export function toEntered(
  values: EnteredValues | undefined,
  stateOf: (label: string) => Entered['state'],
): Entered {
  return {
    state: values?.state ? stateOf(values.state) : undefined,
    completed: values?.completed ?? null,
    extendedTo: values?.extendedTo ?? null,
  };
}
