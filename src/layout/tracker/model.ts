// An existing tracker as either door reads it: the .xlsx reader (command line, page) and
// Office.js (add-in) each turn a workbook into a `ReadBook`, and one reader
// (`readTracker`) finds PhuLuc's task list in it and reads what people typed. Cells keep their
// types: a date stays a date, a formula stays a formula, a number stays a number.

import type { IsoDate } from '../../core/plan/types';
import type { Language } from '../../core/text/language';

export type ReadValue =
  | { type: 'empty' }
  | { type: 'text'; text: string }
  | { type: 'number'; value: number }
  | { type: 'date'; iso: IsoDate }
  | { type: 'bool'; value: boolean }
  | { type: 'error'; text: string };

export interface ReadCell {
  value: ReadValue;
  /** A1 formula without "=", when the cell holds one. */
  formula?: string;
  /** The cell's note (comment) text. */
  note?: string;
  /** A solid fill a person gave the cell, "RRGGBB". */
  fill?: string;
}

export interface ReadSheet {
  name: string;
  /** Last row and column (1-based) that hold anything. */
  lastRow: number;
  lastCol: number;
  /** 1-based row and column. */
  cell(row: number, col: number): ReadCell | undefined;
}

export interface ReadBook {
  /** Sheet names in workbook order. */
  sheets: string[];
  /** Workbook-level defined names. */
  names: { name: string; formula: string; comment?: string }[];
  tables: { name: string; sheet: string; ref: string }[];
  /** The cells of a sheet (names as in `sheets`); undefined when not read. */
  sheet(name: string): ReadSheet | undefined;
}

/** A value carried into a column people added: what they typed, in its type. */
export type CarriedValue =
  | string
  | number
  | { bool: boolean }
  | { date: IsoDate }
  /** A formula with the 1-based row and 0-based column it was typed at, and its last value. */
  | { formula: string; row: number; col: number; value?: string | number };

/** What people typed on one task row of the task list. */
export interface Entries {
  /** Trạng thái as written (a label of either language). */
  state?: string;
  progress?: number;
  completed?: IsoDate;
  /** Gia hạn đến: the extended deadline. */
  extendedTo?: IsoDate;
  /** Căn cứ gia hạn: the document or reason for the extension. */
  extensionBasis?: string;
  note?: string;
  /** Đề nghị gia hạn đến: an extension a unit asked for (not granted until Gia hạn đến is set). */
  extensionRequest?: IsoDate;
  /** Lý do đề nghị: the unit's reason for it. */
  extensionReason?: string;
  /** Columns people added, by header. */
  extra?: Record<string, CarriedValue>;
  /** Cell notes (comments) by column header. */
  notes?: Record<string, string>;
  /** Solid fills people gave cells, by column header. */
  fills?: Record<string, string>;
}

/** One row of a tracker's task list (or of its removed-tasks sheet). */
export interface TrackedRow {
  /** 1-based sheet row. */
  sheetRow: number;
  /** Mã; "" for a row a person typed without one. */
  code: string;
  section: string;
  stt: string;
  title: string;
  lead: string;
  support: string;
  time: string;
  product: string;
  entries: Entries;
  /** For rows of the removed-tasks sheet: when PhuLuc moved it there. */
  removedOn?: IsoDate;
}

/** The plan a tracker tracks, as stored in it. */
export interface StoredPlanIdentity {
  number: string | null;
  date: IsoDate | null;
  title: string | null;
  tasks: number;
  fingerprint: string;
}

export interface TaskListPlace {
  sheet: string;
  /** 1-based header row and last row read. */
  headerRow: number;
  lastRow: number;
  /** Header text of every column (0-based index), "" for blank ones. */
  headers: string[];
  /** Headers of the columns people added, in order. */
  extraColumns: string[];
  /** How it was found. */
  foundBy: 'table' | 'marker' | 'header';
}

/** What a row of Lịch sử records. */
export type HistoryAction = 'sent' | 'received' | 'changed' | 'conflict';

/**
 * One row of the "Lịch sử" sheet: a unit file sent, an answer received, one value an answer
 * changed, or an answer not applied because of a conflict (kept, so that merging one of two
 * disagreeing files again later does not apply it). Values are the words a person reads (dates
 * dd/mm/yyyy).
 */
export interface HistoryRow {
  /** When, "dd/mm/yyyy hh:mm". */
  at: string;
  action: HistoryAction;
  unit: string;
  /** The unit file's name. */
  file: string;
  /** The unit file's stamp (phiếu): which export an answer belongs to. */
  ticket: string;
  /** Mã of the task or occurrence ("" for sent / received). */
  code: string;
  /** The field's header (Trạng thái, Tiến độ (%)…); for a file sent: the reply deadline's. */
  field: string;
  before: string;
  after: string;
}

export interface TrackerContents {
  /** The language the task list is written in. */
  language: Language;
  taskList: TaskListPlace | null;
  rows: TrackedRow[];
  /** Rows of the removed-tasks sheet, and its name when there is one. */
  removed: TrackedRow[];
  removedSheet?: string;
  identity: StoredPlanIdentity | null;
  /** The horizon year a person set in Cài đặt (null: the default, a formula, or none). */
  horizon: number | null;
  /** Cài đặt: a fixed report date (null: =TODAY() or none) and the "due soon" days. */
  settings: { reportDate: IsoDate | null; dueSoonDays: number | null };
  /** Rows of the Lịch sử sheet, oldest first, and its name when there is one. */
  history: HistoryRow[];
  historySheet?: string;
  /** Things read but not understood, in words. */
  warnings: { vi: string; en: string }[];
}
