// A recurring task is tracked per period: "Thực hiện hàng quý" in a plan for 2019 is four pieces
// of work, due 31/03, 30/06, 30/09 and 31/12/2019, each done (or not) on its own. This file
// turns a task's time into those occurrences, inside the years the plan covers. Pure: the
// horizon of open-ended tasks is given by the caller, never read from a clock.
//
//   - The plan's years come from its title ("năm 2019", "giai đoạn 2021–2025"); a plan whose
//     title names no term runs from the year of its issue date.
//   - A task is open-ended when its time says so ("… và các năm tiếp theo"), or when the plan
//     names no term (a plan carrying out a decree: "Báo cáo hàng quý" goes on): it runs to the
//     horizon year. Otherwise its occurrences stay inside the plan's years (and inside a span
//     its own text names, "Giai đoạn 2021-2025, hàng năm").
//   - A mixed time ("Quý IV/2018 và các năm tiếp theo") gives its fixed first occurrence, then
//     the periodic ones whose period starts after it.

import type { IsoDate, PlanDocument, Recurrence, TaskTime, TimeOccurrence } from '../plan/types';
import type { Language } from '../text/language';
import { endOfMonthIso, isoDate, isPlausibleYear } from './calendar';
import { cleanText, fold } from './text';

export type { TimeOccurrence } from '../plan/types';

const MONTHS: Record<Recurrence, number> = {
  monthly: 1,
  quarterly: 3,
  'half-yearly': 6,
  yearly: 12,
};

const ROMAN = ['I', 'II', 'III', 'IV'];

export interface PlanYears {
  first: number;
  last: number;
  /** True when the title names the term; false when only the issue date gives a year. */
  stated: boolean;
}

/** The years a plan covers: its title's term, else the year of its issue date. */
export function planYears(doc: Pick<PlanDocument, 'title' | 'date' | 'year'>): PlanYears | null {
  const title = doc.title ?? '';
  const span = /(?<!\d)((?:19|20|21)\d{2})\s*(?:-|–|—|đến|den)\s*((?:19|20|21)\d{2})(?!\d)/u.exec(
    title,
  );
  if (span) {
    const a = Number(span[1]);
    const b = Number(span[2]);
    if (isPlausibleYear(a) && isPlausibleYear(b) && a <= b && b - a <= 20)
      return { first: a, last: b, stated: true };
  }
  const year = /năm\s+((?:19|20|21)\d{2})(?!\d)/iu.exec(title);
  if (year) {
    const y = Number(year[1]);
    return { first: y, last: y, stated: true };
  }
  const fallback = doc.year ?? (doc.date ? Number(doc.date.slice(0, 4)) : null);
  return fallback !== null && isPlausibleYear(fallback)
    ? { first: fallback, last: fallback, stated: false }
    : null;
}

/** "… và các năm tiếp theo", "những năm sau": the task goes on past its first period. */
const GOES_ON = /\b(?:cac|nhung)\s+(?:nam|quy|thang|ky)\s+(?:tiep theo|tiep|sau|ke tiep)\b/;

/** True when the task runs to the horizon rather than to the end of the plan's years. */
export function isOpenEnded(text: string, years: PlanYears | null): boolean {
  if (GOES_ON.test(fold(cleanText(text)))) return true;
  return years !== null && !years.stated;
}

/** A span of years the time text names itself ("Giai đoạn 2021-2025, hàng năm"). */
function ownSpan(text: string): { first: number; last: number } | null {
  const m = /(?<!\d)((?:19|20|21)\d{2})\s*[-–—]\s*((?:19|20|21)\d{2})(?!\d)/.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a <= b && b - a <= 30 ? { first: a, last: b } : null;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The period key of the `index`-th period (1-based) of a year. */
function periodKey(year: number, recurrence: Recurrence, index: number): string {
  switch (recurrence) {
    case 'yearly':
      return String(year);
    case 'half-yearly':
      return `${year}-H${index}`;
    case 'quarterly':
      return `${year}-Q${index}`;
    case 'monthly':
      return `${year}-${pad2(index)}`;
  }
}

/** The label of a period in the workbook's language ("Quý I/2019", "Q1 2019"). */
export function periodLabel(period: string, language: Language = 'vi'): string {
  const m = /^(\d{4})(?:-(H|Q)?(\d{1,2}))?$/.exec(period);
  if (!m) return period;
  const year = m[1]!;
  const kind = m[2];
  const n = m[3] === undefined ? null : Number(m[3]);
  if (n === null) return language === 'vi' ? `Năm ${year}` : `Year ${year}`;
  if (kind === 'H')
    return language === 'vi'
      ? `6 tháng ${n === 1 ? 'đầu' : 'cuối'} năm ${year}`
      : `${n === 1 ? 'First' : 'Second'} half of ${year}`;
  if (kind === 'Q') return language === 'vi' ? `Quý ${ROMAN[n - 1]}/${year}` : `Q${n} ${year}`;
  return language === 'vi' ? `Tháng ${pad2(n)}/${year}` : `${year}-${pad2(n)}`;
}

function occurrence(year: number, recurrence: Recurrence, index: number): TimeOccurrence {
  const months = MONTHS[recurrence];
  const period = periodKey(year, recurrence, index);
  return {
    period,
    label: periodLabel(period),
    start: isoDate(year, (index - 1) * months + 1, 1),
    due: endOfMonthIso(year, index * months),
  };
}

/**
 * The fixed first occurrence of a mixed time, or null when the time's first due is simply the
 * end of its first period (a plain "hàng quý"). Its period is the smallest calendar period
 * holding it: a quarter ("Quý IV/2018"), a half, a month or a year.
 */
function fixedFirst(
  time: Pick<TaskTime, 'start' | 'due'>,
  recurrence: Recurrence,
): TimeOccurrence | null {
  const due = time.due!;
  const year = Number(due.slice(0, 4));
  const month = Number(due.slice(5, 7));
  const start = time.start ?? due;
  const plain = occurrence(year, recurrence, Math.ceil(month / MONTHS[recurrence]));
  if (plain.start === start && plain.due === due) return null;
  for (const r of ['monthly', 'quarterly', 'half-yearly', 'yearly'] as Recurrence[]) {
    const p = occurrence(year, r, Math.ceil(month / MONTHS[r]));
    if (p.start <= start && due <= p.due) return { ...p, start, due };
  }
  return { ...occurrence(year, 'yearly', 1), start, due };
}

export interface OccurrenceSpan {
  /** The plan's years (planYears); null when the plan has no year at all. */
  years: PlanYears | null;
  /** Open-ended tasks run to the end of this year (at least the plan's last year). */
  horizon: number;
}

/**
 * The occurrences of a recurring task, in order; [] for a task that does not recur (or whose
 * first due is unknown). Occurrences never start before the task's first one, and end with the
 * plan's last year — or with the horizon for an open-ended task.
 */
export function occurrencesOf(
  time: Pick<TaskTime, 'text' | 'kind' | 'start' | 'due' | 'recurrence'>,
  span: OccurrenceSpan,
): TimeOccurrence[] {
  const recurrence = time.recurrence;
  if (recurrence === null || time.due === null) return [];
  const years = span.years;
  const firstYear = Number((time.start ?? time.due).slice(0, 4));
  const own = ownSpan(time.text);
  let lastYear = own?.last ?? Math.max(years?.last ?? firstYear, firstYear);
  if (!own && isOpenEnded(time.text, years)) lastYear = Math.max(lastYear, span.horizon);
  // A plan spans a few years; a misread year far away must not make thousands of rows.
  lastYear = Math.min(lastYear, firstYear + 50);

  const out: TimeOccurrence[] = [];
  const first = fixedFirst(time, recurrence);
  if (first) out.push(first);
  const after = first?.due ?? null;
  const perYear = 12 / MONTHS[recurrence];
  for (let year = firstYear; year <= lastYear; year++) {
    for (let i = 1; i <= perYear; i++) {
      const o = occurrence(year, recurrence, i);
      if (o.due < time.due && !first) continue;
      if (after !== null && o.start <= after) continue;
      out.push(o);
    }
  }
  return out;
}

/** Whether an ISO date falls inside an occurrence's period. */
export function inPeriod(date: IsoDate, o: TimeOccurrence): boolean {
  return o.start <= date && date <= o.due;
}

/** "V.1/2019-Q1" → { task: "V.1", period: "2019-Q1" }; null when the code is not an occurrence's. */
export function splitOccurrenceCode(code: string): { task: string; period: string } | null {
  const m = /^(.+)\/(\d{4}(?:-(?:H[12]|Q[1-4]|0[1-9]|1[0-2]))?)$/.exec(code.trim());
  return m ? { task: m[1]!, period: m[2]! } : null;
}

/** The Mã of an occurrence: the task's Mã, "/", the period. */
export function occurrenceCode(task: string, period: string): string {
  return `${task}/${period}`;
}

/** The plan's last year, for `parse --json` (open-ended tasks stop there too). */
export function planHorizon(doc: Pick<PlanDocument, 'title' | 'date' | 'year'>): number | null {
  return planYears(doc)?.last ?? null;
}
