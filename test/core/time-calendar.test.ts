// The calendar's arithmetic on ISO dates (src/core/time/calendar.ts, on date-fns): one place
// for adding days and months, ends of months, days between two dates, real days, and the
// dd/mm/yyyy the offices write.
import {
  dayAfter,
  dayBefore,
  daysBetween,
  daysInMonth,
  endOfMonthIso,
  isoOfLocalDate,
  parseIsoDate,
  shiftIso,
  validIsoDate,
  viDate,
  viDateTime,
  type OffsetUnit,
} from '../../src/core/time/calendar';

describe('calendar', () => {
  it.each([
    ['2024-03-15', 1, 'day', '2024-03-16'],
    ['2024-02-28', 1, 'day', '2024-02-29'],
    ['2023-02-28', 1, 'day', '2023-03-01'],
    ['2024-12-31', 1, 'day', '2025-01-01'],
    ['2024-03-01', -1, 'day', '2024-02-29'],
    ['2024-03-15', 7, 'day', '2024-03-22'],
    ['2024-03-15', -365, 'day', '2023-03-16'],
    ['2024-03-15', 1, 'workday', '2024-03-18'], // a Friday: Monday next
    ['2024-03-16', 1, 'workday', '2024-03-18'], // a Saturday
    ['2024-03-15', 2, 'week', '2024-03-29'],
    ['2024-01-31', 1, 'month', '2024-02-29'], // the month's last day when it is shorter
    ['2023-01-31', 1, 'month', '2023-02-28'],
    ['2024-03-31', -1, 'month', '2024-02-29'],
    ['2024-11-30', 3, 'month', '2025-02-28'],
  ])('%s moved by %d %s is %s', (iso, amount, unit, expected) => {
    expect(shiftIso(iso, amount, unit as OffsetUnit)).toBe(expected);
  });

  it('steps one day either way across months and years', () => {
    expect([dayBefore('2024-01-01'), dayAfter('2024-02-29')]).toEqual(['2023-12-31', '2024-03-01']);
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28], // not a leap year (Excel's 29/02/1900 is its own bug: src/excel/dates.ts)
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('%d-%d has %d days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
    expect(endOfMonthIso(year, month)).toBe(`${year}-${String(month).padStart(2, '0')}-${days}`);
  });

  it.each([
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2024-03-15', '2024-03-01', -14],
    ['2024-03-15', '2024-03-15', 0],
    ['2023-12-31', '2024-12-31', 366],
    // 23 and 25 hours in Paris: still one day (these bite when run with TZ=Europe/Paris)
    ['2024-03-31', '2024-04-01', 1],
    ['2024-10-27', '2024-10-28', 1],
  ])('from %s to %s is %d days', (from, to, days) => expect(daysBetween(from, to)).toBe(days));

  it.each([
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['2024-13-01', null],
    ['2024-00-10', null],
    ['2024-04-31', null],
    ['2024-3-5', null],
    ['15/03/2024', null],
    ['2024-03-15T00:00', null],
    ['', null],
  ])('%j as an ISO date is %j', (text, iso) => expect(parseIsoDate(text)).toBe(iso));

  it('builds only real days', () => {
    expect(validIsoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(validIsoDate(2023, 2, 29)).toBeNull();
    expect(validIsoDate(2024, 0, 1)).toBeNull();
    expect(validIsoDate(2024, 1, 0)).toBeNull();
    expect(validIsoDate(987, 1, 5)).toBe('0987-01-05');
  });

  it('writes dates and moments the way the offices do', () => {
    expect(viDate('2024-03-05')).toBe('05/03/2024');
    expect(viDate(null)).toBe('');
    // A moment where the code runs: local time, as the pane and the CLI pass `new Date()`.
    const moment = new Date(2024, 2, 5, 21, 7, 59);
    expect(viDateTime(moment)).toBe('05/03/2024 21:07');
    expect(isoOfLocalDate(moment)).toBe('2024-03-05');
    expect(isoOfLocalDate(new Date(2024, 11, 31, 23, 59))).toBe('2024-12-31');
  });
});
