// A unit file ("phiếu báo cáo"): the small workbook a unit fills and sends back. What it holds,
// as data shared by its layout (./layout.ts), its reader (./read.ts) and the merge (./merge.ts).

import type { IsoDate } from '../../core/plan/types';
import type { WorkState } from '../../core/status';

/** The format of the ticket a unit file carries. */
export const UNIT_FILE_FORMAT = 'phuluc.unitfile/1';
/** The hidden sheet with the ticket, and the names that mark the file's two sheets. */
export const TICKET_SHEET = 'PhuLuc_Phieu';
export const TICKET_MARKER = 'PhuLuc_Phieu_Ve';
export const ANSWER_MARKER = 'PhuLuc_Phieu_BaoCao';

/** The fields a unit fills, in the order of their columns. */
export const ANSWER_FIELDS = [
  'state',
  'progress',
  'completed',
  'note',
  'extensionRequest',
  'extensionReason',
] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];

/**
 * A field's value in one comparable form: a state is its WorkState ("done"), a number its
 * decimal text, a date its ISO text, a text itself trimmed; "" is empty. A state the tracker
 * holds that is no label keeps its text.
 */
export type FieldValues = Record<AnswerField, string>;

export interface UnitFileRow {
  /** Mã of the task or occurrence. */
  code: string;
  role: 'lead' | 'support';
  /** What the unit reads: the task's text (an occurrence's period first), units, time, deadline. */
  title: string;
  lead: string;
  support: string;
  time: string;
  /** The deadline that counts: Gia hạn đến, else Hạn. */
  due: IsoDate | null;
  /** The tracker's values when the file was made (written in the file, and kept in its ticket). */
  values: FieldValues;
}

export interface UnitFile {
  unit: string;
  /** A file name for it (no folder), ending in .xlsx. */
  fileName: string;
  /** The stamp that tells this file from every other one sent. */
  ticket: string;
  rows: UnitFileRow[];
}

/** What the ticket says: the plan, the unit, when the file was made, and its rows at that time. */
export interface Ticket {
  format: string;
  fingerprint: string;
  planNumber: string;
  unit: string;
  /** "dd/mm/yyyy hh:mm". */
  sentAt: string;
  replyBy: IsoDate | null;
  ticket: string;
  rows: { code: string; values: FieldValues }[];
}

/** A unit file read back: its ticket and what the unit wrote on each row. */
export interface AnswerFile {
  ticket: Ticket;
  /** By Mã: what the file holds now. */
  answers: Map<string, FieldValues>;
}

export const NO_VALUES: FieldValues = {
  state: '',
  progress: '',
  completed: '',
  note: '',
  extensionRequest: '',
  extensionReason: '',
};

export type { WorkState };
