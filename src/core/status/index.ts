// Where a piece of work stands on a report date: the categories of docs/domain.md. The workbook
// computes the same with formulas (src/layout); these functions are the reference the formulas
// are checked against, and the values the written file caches.

import type { IsoDate, TaskTime } from '../plan/types';
import { daysBetween } from '../time/calendar';

/** What staff type in "Trạng thái". */
export type WorkState = 'not-started' | 'in-progress' | 'done' | 'paused' | 'cancelled';

export type StatusCategory =
  | 'done-on-time'
  | 'done-late'
  | 'done-undated'
  | 'overdue'
  | 'due-soon'
  | 'on-track'
  | 'no-deadline'
  | 'waiting'
  | 'paused'
  | 'cancelled';

/** Every category, in the order the workbook lists them (legend, counts). */
export const CATEGORIES: StatusCategory[] = [
  'done-on-time',
  'done-late',
  'done-undated',
  'overdue',
  'due-soon',
  'on-track',
  'no-deadline',
  'waiting',
  'paused',
  'cancelled',
];

export interface Entered {
  state?: WorkState | null;
  /** Ngày hoàn thành. */
  completed?: IsoDate | null;
  /** Gia hạn đến: the extended deadline, which replaces the due date for the status. */
  extendedTo?: IsoDate | null;
}

/**
 * The deadline that counts: the extension when one is entered, else the item's own due date.
 * A recurring task is tracked per occurrence (core/time/occurrences), each with a fixed due.
 */
export function effectiveDue(
  time: Pick<TaskTime, 'due'>,
  entered: Pick<Entered, 'extendedTo'> = {},
): IsoDate | null {
  return entered.extendedTo || time.due || null;
}

/** "Đã hoàn thành" in the time column: the task starts as done. */
export function initialState(time: Pick<TaskTime, 'kind'>): WorkState {
  return time.kind === 'none' ? 'done' : 'not-started';
}

/** The category of docs/domain.md for one item of work on the report date. */
export function taskStatus(
  time: Pick<TaskTime, 'due' | 'kind'>,
  entered: Entered,
  reportDate: IsoDate,
  dueSoonDays: number,
): StatusCategory {
  if (entered.state === 'cancelled') return 'cancelled';
  if (entered.state === 'paused') return 'paused';
  const due = effectiveDue(time, entered);
  if (entered.state === 'done' || entered.completed) {
    if (!due) return 'done-on-time';
    if (!entered.completed) return 'done-undated';
    return entered.completed <= due ? 'done-on-time' : 'done-late';
  }
  if (!due) return time.kind === 'conditional' ? 'waiting' : 'no-deadline';
  const left = daysBetween(reportDate, due);
  if (left < 0) return 'overdue';
  if (left <= dueSoonDays) return 'due-soon';
  return 'on-track';
}

export const DONE: StatusCategory[] = ['done-on-time', 'done-late', 'done-undated'];

/** Set aside by hand: neither due nor pending. */
const SET_ASIDE: StatusCategory[] = ['paused', 'cancelled'];

/**
 * How a recurring task's own row sums up its occurrences: the first category of this list that
 * one of them has — the worst news first.
 */
export const SUMMARY_ORDER: StatusCategory[] = [
  'overdue',
  'due-soon',
  'done-late',
  'done-undated',
  'on-track',
  'done-on-time',
  'waiting',
  'no-deadline',
  'paused',
  'cancelled',
];

export function summaryStatus(statuses: StatusCategory[]): StatusCategory | null {
  return SUMMARY_ORDER.find((c) => statuses.includes(c)) ?? null;
}

/** True when the item counts as due on the report date: its deadline has come, and it is not set aside. */
export function isDue(due: IsoDate | null, status: StatusCategory, reportDate: IsoDate): boolean {
  return due !== null && due <= reportDate && !SET_ASIDE.includes(status);
}
