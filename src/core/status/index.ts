// Where a task stands on a report date: the categories of docs/domain.md. The workbook computes
// the same with formulas (src/layout); these functions are the reference the formulas are
// checked against.

import type { IsoDate, Recurrence, TaskTime } from '../plan/types';

/** What staff type in "Trạng thái". */
export type WorkState = 'not-started' | 'in-progress' | 'done' | 'paused' | 'cancelled';

export type StatusCategory =
  | 'done-on-time'
  | 'done-late'
  | 'overdue'
  | 'due-soon'
  | 'on-track'
  | 'no-deadline'
  | 'waiting'
  | 'paused'
  | 'cancelled';

export interface Entered {
  state?: WorkState | null;
  /** Ngày hoàn thành. */
  completed?: IsoDate | null;
}

const MONTHS: Record<Recurrence, number> = {
  monthly: 1,
  quarterly: 3,
  'half-yearly': 6,
  yearly: 12,
};

function parts(iso: IsoDate): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y!, m!, d!];
}

function endOfMonth(year: number, month: number): IsoDate {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/**
 * The deadline that counts on the report date. A recurring task is due at the end of its first
 * period, then at the end of each later period: once the first has passed, the end of the
 * period holding the report date.
 */
export function effectiveDue(
  time: Pick<TaskTime, 'due' | 'recurrence'>,
  reportDate: IsoDate,
): IsoDate | null {
  if (!time.due) return null;
  if (!time.recurrence || reportDate <= time.due) return time.due;
  const k = MONTHS[time.recurrence];
  const [y, m] = parts(reportDate);
  const monthsAhead = k - 1 - ((m - 1) % k);
  const target = m + monthsAhead;
  return endOfMonth(y + Math.floor((target - 1) / 12), ((target - 1) % 12) + 1);
}

/** "Đã hoàn thành" in the time column: the task starts as done. */
export function initialState(time: Pick<TaskTime, 'kind'>): WorkState {
  return time.kind === 'none' ? 'done' : 'not-started';
}

/** The category of docs/domain.md for a task on the report date. */
export function taskStatus(
  time: Pick<TaskTime, 'due' | 'recurrence' | 'kind'>,
  entered: Entered,
  reportDate: IsoDate,
  dueSoonDays: number,
): StatusCategory {
  if (entered.state === 'cancelled') return 'cancelled';
  if (entered.state === 'paused') return 'paused';
  const due = effectiveDue(time, reportDate);
  if (entered.state === 'done' || entered.completed) {
    if (!due || !entered.completed || entered.completed <= due) return 'done-on-time';
    return 'done-late';
  }
  if (!due) return time.kind === 'conditional' ? 'waiting' : 'no-deadline';
  const left = daysBetween(reportDate, due);
  if (left < 0) return 'overdue';
  if (left <= dueSoonDays) return 'due-soon';
  return 'on-track';
}

export const DONE: StatusCategory[] = ['done-on-time', 'done-late'];
