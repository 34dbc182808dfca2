// Calendar arithmetic on ISO date strings. Dates are built with `new Date(y, m, d)` and formatted
// with date-fns in local time, so the time zone never shifts a day.
import {
  addBusinessDays,
  addDays,
  addMonths,
  addWeeks,
  differenceInCalendarDays,
  format,
  getDaysInMonth,
} from 'date-fns';
import type { IsoDate } from '../plan/types';

export type OffsetUnit = 'day' | 'workday' | 'week' | 'month';

/** Years a plan can plausibly name; anything else is a misread number. */
export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1900 && year <= 2199;
}

/** Days of each month in a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Years whose dates are worked out directly: Date reads 0–99 as 1900–1999, so not those. */
const isPlainYear = (year: number): boolean =>
  Number.isInteger(year) && year >= 100 && year <= 9999;

const isLeapYear = (year: number): boolean =>
  year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

export function daysInMonth(year: number, month: number): number {
  if (isPlainYear(year) && Number.isInteger(month) && month >= 1 && month <= 12) {
    return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
  }
  return getDaysInMonth(new Date(year, month - 1, 1));
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO date of a real day (2024, 2, 29), or null for one that is not (2023, 2, 29). */
export function validIsoDate(year: number, month: number, day: number): IsoDate | null {
  return isValidDay(year, month, day) ? isoDate(year, month, day) : null;
}

/** "2024-03-15" when it is written YYYY-MM-DD and is a real day; otherwise null. */
export function parseIsoDate(text: string): IsoDate | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return parts ? validIsoDate(Number(parts[1]), Number(parts[2]), Number(parts[3])) : null;
}

/** ISO → dd/mm/yyyy, the way Vietnamese offices write dates; empty for no date. The one formatter. */
export function viDate(iso: IsoDate | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function endOfMonthIso(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

function toLocalDate(iso: IsoDate): Date {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/**
 * The day a Date falls on where the code runs, as ISO. The core never reads the clock: the
 * pane and the CLI pass it the moment they read.
 */
export function isoOfLocalDate(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}

/** A Date where the code runs as "dd/mm/yyyy hh:mm", the way Lịch sử records a moment. */
export function viDateTime(date: Date): string {
  return format(date, 'dd/MM/yyyy HH:mm');
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toLocalDate(to), toLocalDate(from));
}

/** `iso` moved by `amount` units; working days skip Saturdays and Sundays (not public holidays). */
export function shiftIso(iso: IsoDate, amount: number, unit: OffsetUnit): IsoDate {
  if (unit === 'day') {
    const shifted = shiftDays(iso, amount);
    if (shifted !== null) return shifted;
  }
  const date = toLocalDate(iso);
  switch (unit) {
    case 'day':
      return isoOfLocalDate(addDays(date, amount));
    case 'workday':
      return isoOfLocalDate(addBusinessDays(date, amount));
    case 'week':
      return isoOfLocalDate(addWeeks(date, amount));
    case 'month':
      return isoOfLocalDate(addMonths(date, amount));
  }
}

/**
 * `iso` moved by whole days, worked out on the calendar (as `addDays` does in local time);
 * null for the years `isPlainYear` leaves to Date.
 */
function shiftDays(iso: IsoDate, amount: number): IsoDate | null {
  const year = Number(iso.slice(0, 4));
  if (!isPlainYear(year) || !Number.isInteger(amount)) return null;
  const date = new Date(
    Date.UTC(year, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + amount),
  );
  const shiftedYear = date.getUTCFullYear();
  if (!isPlainYear(shiftedYear)) return null;
  return isoDate(shiftedYear, date.getUTCMonth() + 1, date.getUTCDate());
}

export function dayBefore(iso: IsoDate): IsoDate {
  return shiftIso(iso, -1, 'day');
}

export function dayAfter(iso: IsoDate): IsoDate {
  return shiftIso(iso, 1, 'day');
}
