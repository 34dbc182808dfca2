// The `phuluc.plan/1` contract (../docs/architecture.md). Tests and outside tools read this
// shape: extend it, never break it.

export const PLAN_SCHEMA = 'phuluc.plan/1';

/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;

export type ColumnRole =
  'stt' | 'task' | 'lead' | 'support' | 'time' | 'start' | 'due' | 'product' | 'note';

export type TableKind = 'tasks' | 'report-form' | 'other';

export type TimeKind =
  | 'date'
  | 'period'
  | 'range'
  | 'recurring'
  | 'continuous'
  | 'conditional'
  | 'relative'
  | 'vague'
  | 'none';

export type Recurrence = 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

export type Severity = 'error' | 'warning' | 'info';

export interface PlanDocument {
  /** e.g. `15/KH-UBND`; null when the document does not say. */
  number: string | null;
  /** e.g. `KẾ HOẠCH`, `QUYẾT ĐỊNH`. */
  type: string | null;
  place: string | null;
  /** Issue date. */
  date: IsoDate | null;
  title: string | null;
  /** The plan's year: from the title ("năm 2024"), else the issue date. */
  year: number | null;
}

export interface PlanTable {
  kind: TableKind;
  /** The caption above the table (e.g. "Phụ lục I — …"), or null. */
  title: string | null;
  /** Role → 0-based column index. Only roles present in the table are listed. */
  columns: Partial<Record<ColumnRole, number>>;
  /** Columns with no known role, by header text → 0-based column index ("Ghi chú" has a role). */
  extraColumns: Record<string, number>;
  /** Header text of every column, in order (grouped headers joined with " / "). */
  headers: string[];
  /** 1-based source lines (or sheet rows) of the first header row and of the table's last row. */
  firstRow: number;
  lastRow: number;
}

export interface PlanSection {
  /** The labels from the outermost level, joined by ".": "I", "A.II", "II.3" (a group). */
  id: string;
  title: string;
  /** The enclosing section's id, when sections nest (a part over sections, a section over groups). */
  parent?: string;
  /** Only for nested levels: "part" (A, B), "group" (1., 2.); a Roman section alone has none. */
  level?: 'part' | 'section' | 'group';
}

export interface TimePart {
  /** The text of one sub-group's time, when a cell holds several. */
  text: string;
  kind: TimeKind | null;
  start: IsoDate | null;
  due: IsoDate | null;
  recurrence: Recurrence | null;
}

/** One period of a recurring task: its own deadline, tracked on its own row. */
export interface TimeOccurrence {
  /** `YYYY`, `YYYY-Hn`, `YYYY-Qn` or `YYYY-MM`. */
  period: string;
  /** "Quý I/2019", "6 tháng đầu năm 2019", "Tháng 03/2019", "Năm 2019". */
  label: string;
  start: IsoDate;
  due: IsoDate;
}

export interface TaskTime {
  /** The time as written; two-column layouts give "start – due" (see startText / dueText). */
  text: string;
  kind: TimeKind | null;
  start: IsoDate | null;
  due: IsoDate | null;
  recurrence: Recurrence | null;
  /** Two-column layouts (Bắt đầu / Hoàn thành): the text of each cell, as written. */
  startText?: string;
  dueText?: string;
  /** Several times in one cell: every part; `due` is the earliest. */
  parts?: TimePart[];
  /**
   * Recurring tasks: one entry per period inside the plan's years (open-ended tasks: up to the
   * plan's last year here; the workbook goes on to its horizon). `due` is the first one's.
   */
  occurrences?: TimeOccurrence[];
}

export interface PlanTask {
  /** Stable id: `<section>.<stt>` in sectioned tables, the STT alone otherwise. */
  id: string;
  section: string | null;
  stt: string;
  title: string;
  lead: string[];
  support: string[];
  time: TaskTime;
  product: string;
  note?: string;
  /** Extra columns (e.g. "Cấp trình", "Căn cứ") by header text. */
  extra?: Record<string, string>;
  /** 1-based source line numbers (text) or sheet rows (Excel) the task came from. */
  rows: number[];
  /** The id of the task this is a sub-task of ("II.2.1" under "II.2"). */
  parent?: string;
}

export interface PlanUnit {
  name: string;
  group: boolean;
  aliases: string[];
  leadCount: number;
  supportCount: number;
  /** Members of a group, when a directory supplied them. */
  members?: string[];
}

export interface Finding {
  code: string;
  severity: Severity;
  /** The task id, or null for findings about the whole plan. */
  task: string | null;
  message: string;
  messageEn?: string;
  rows: number[];
  /** A suggested fix, in words (Vietnamese). */
  suggestion?: string;
  suggestionEn?: string;
  /** Which field the finding is about, when it is about one. */
  field?: 'stt' | 'title' | 'lead' | 'support' | 'time' | 'product';
  /**
   * What the message says, as plain values (task ids, texts, numbers, ISO dates): the
   * findings' catalogue (`src/core/findings/messages.ts`) makes `message` from `code` and these.
   */
  params?: FindingParams;
}

/** A JSON value: what a finding's parameters hold. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type FindingParams = { readonly [key: string]: JsonValue };

export interface Plan {
  schema: typeof PLAN_SCHEMA;
  document: PlanDocument;
  tables: PlanTable[];
  sections: PlanSection[];
  tasks: PlanTask[];
  units: PlanUnit[];
  findings: Finding[];
}
