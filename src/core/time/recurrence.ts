// Recurring phrases: "hàng/hằng năm", "định kỳ 6 tháng", "báo cáo quý, BC năm", "các năm tiếp
// theo". A phrase names one or more periods; the shortest one sets the recurrence ("hàng Quý,
// năm" → quarterly), since the task falls due at every occurrence of it.
import type { IsoDate, Recurrence } from '../plan/types';
import { endOfMonthIso, isoDate } from './calendar';
import { matches } from '../text/regex';
import { blankSpans } from './text';

export interface RecurringPhrase {
  from: number;
  to: number;
  /** null for "định kỳ" that names no period. */
  recurrence: Recurrence | null;
}

export const MASK_RECURRING = '\u0002';

// A period word, unless a number, numeral or đầu/giữa/cuối follows it: "năm 2019", "quý I" and
// "6 tháng đầu năm" are dated mentions, not repetitions.
const PERIOD = String.raw`(?:6 thang|sau thang|nua nam|ban nien|quy|thang|nam)(?!\s*(?:\d|/|(?:iv|iii|ii|i)\b|dau\b|cuoi\b|giua\b))`;
const TRIGGER = String.raw`(?:hang|dinh ky|bao cao|bc|moi)`;
const LINKER = String.raw`(?:hang|dinh ky|theo|bao cao|bc)`;

const PHRASES: RegExp[] = [
  // hàng Quý, năm; báo cáo quý, BC năm; định kỳ 6 tháng. At most four linking words ("báo cáo
  // định kỳ hằng năm" has two): with any number, each word of a long run of them with no period
  // after ("định kỳ định kỳ …") started a scan to the run's end, which is quadratic.
  new RegExp(
    String.raw`\b${TRIGGER}(?:\s+${LINKER}){0,4}\s+${PERIOD}(?:\s*(?:,|va|/|-|hoac)\s*(?:(?:hang|bao cao|bc)\s+)?${PERIOD})*`,
    'g',
  ),
  // các năm tiếp theo; những quý sau
  /\b(?:cac|nhung)\s+(?:nam|quy|thang)\s+(?:tiep theo|tiep|sau|ke tiep)\b/g,
  // định kỳ (no period named)
  /\bdinh ky\b/g,
];

/** Shortest first. */
export const RECURRENCE_ORDER: Recurrence[] = ['monthly', 'quarterly', 'half-yearly', 'yearly'];

const PERIOD_WORDS: [RegExp, Recurrence][] = [
  [/\bthang\b(?<!\b(?:6|sau) thang)/, 'monthly'],
  [/\bquy\b/, 'quarterly'],
  [/\b(?:6 thang|sau thang|nua nam|ban nien)\b/, 'half-yearly'],
  [/\bnam\b(?<!\bnua nam)/, 'yearly'],
];

/** The shortest period a phrase names, or null when it names none. */
function shortestPeriod(phrase: string): Recurrence | null {
  for (const [re, recurrence] of PERIOD_WORDS) if (re.test(phrase)) return recurrence;
  return null;
}

/** Finds recurring phrases in a folded segment and masks them. */
export function findRecurringPhrases(folded: string): {
  phrases: RecurringPhrase[];
  masked: string;
} {
  let masked = folded;
  const phrases: RecurringPhrase[] = [];
  for (const re of PHRASES) {
    const found: RecurringPhrase[] = [];
    for (const m of matches(masked, re)) {
      const from = m.index;
      found.push({ from, to: from + m[0].length, recurrence: shortestPeriod(m[0]) });
    }
    for (const phrase of found) phrases.push(phrase);
    masked = blankSpans(masked, found, MASK_RECURRING);
  }
  phrases.sort((a, b) => a.from - b.from);
  return { phrases, masked };
}

const PERIOD_MONTHS: Record<Recurrence, number> = {
  monthly: 1,
  quarterly: 3,
  'half-yearly': 6,
  yearly: 12,
};

/** The end of the period of this recurrence that holds `date`: 2021-05-10, quarterly → 2021-06-30. */
export function endOfPeriodContaining(date: IsoDate, recurrence: Recurrence): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const length = PERIOD_MONTHS[recurrence];
  return endOfMonthIso(year, Math.ceil(month / length) * length);
}

/** With no first date: from 1 January of the plan year to the end of its first period. */
export function firstOccurrence(
  recurrence: Recurrence | null,
  planYear: number | null,
): { start: IsoDate | null; due: IsoDate | null } {
  if (recurrence === null || planYear === null) return { start: null, due: null };
  return {
    start: isoDate(planYear, 1, 1),
    due: endOfMonthIso(planYear, PERIOD_MONTHS[recurrence]),
  };
}
