// Calendar arithmetic on ISO date strings. Dates are built with `new Date(y, m, d)` and formatted
// with date-fns in local time, so the time zone never shifts a day.
import { addBusinessDays, addDays, addMonths, addWeeks, format, getDaysInMonth } from 'date-fns';
import type { IsoDate } from '../plan/types';

export type OffsetUnit = 'day' | 'workday' | 'week' | 'month';

/** Years a plan can plausibly name; anything else is a misread number. */
export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1900 && year <= 2199;
}

export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(new Date(year, month - 1, 1));
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
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

function fromLocalDate(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}

/** `iso` moved by `amount` units; working days skip Saturdays and Sundays (not public holidays). */
export function shiftIso(iso: IsoDate, amount: number, unit: OffsetUnit): IsoDate {
  const date = toLocalDate(iso);
  switch (unit) {
    case 'day':
      return fromLocalDate(addDays(date, amount));
    case 'workday':
      return fromLocalDate(addBusinessDays(date, amount));
    case 'week':
      return fromLocalDate(addWeeks(date, amount));
    case 'month':
      return fromLocalDate(addMonths(date, amount));
  }
}

export function dayBefore(iso: IsoDate): IsoDate {
  return shiftIso(iso, -1, 'day');
}

export function dayAfter(iso: IsoDate): IsoDate {
  return shiftIso(iso, 1, 'day');
}
