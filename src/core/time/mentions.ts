// Mentions: the dated phrases inside a segment ("quý III/2019", "tháng 2", "15/3/2024", "2021").
// Every mention is a run of months of one year, optionally narrowed to a day or to a Civil Code
// point (đầu / giữa / cuối). Patterns run on folded text, most specific first; each match is
// masked so a later, looser pattern cannot read the same digits again.
import type { IsoDate } from '../plan/types';
import { daysInMonth, endOfMonthIso, isPlausibleYear, isValidDay, isoDate } from './calendar';
import { matches } from '../text/regex';
import { blankSpans } from './text';

/**
 * Civil Code 2015 art. 146: đầu = first day, giữa = middle, cuối = last day. "Tuần đầu tháng"
 * (the first week of the month) ends on the 7th.
 */
export type PeriodPoint = 'dau' | 'giua' | 'cuoi' | 'tuan-dau';

export interface Mention {
  from: number;
  to: number;
  /** Months covered, 1-based, inclusive. */
  firstMonth: number;
  lastMonth: number;
  /** A single day inside `firstMonth`. */
  day: number | null;
  point: PeriodPoint | null;
  /** null when the text gives no year (it is borrowed from a neighbour or the plan). */
  year: number | null;
  /** The text looks like a time but names none (31/02, tháng 13, quý V). */
  invalid: boolean;
}

type Shape = Omit<Mention, 'from' | 'to'>;

/** Where a mention lies once its year is known. */
export interface ResolvedMention {
  from: number;
  to: number;
  /** First day covered. */
  first: IsoDate;
  /** The deadline it names: the day, the Civil Code point, or the end of the period. */
  due: IsoDate;
  /** A day ("15/3/2024") rather than a period. */
  isDay: boolean;
  /** Day-precise (a day or a Civil Code point): "trước" counts from it, not from the period. */
  precise: boolean;
}

export const MASK_MENTION = '\u0001';

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function quarterNumber(token: string): number {
  return ROMAN[token] ?? Number(token);
}

function toYear(token: string | undefined): number | null {
  return token === undefined ? null : Number(token);
}

const INVALID: Shape = {
  firstMonth: 1,
  lastMonth: 1,
  day: null,
  point: null,
  year: null,
  invalid: true,
};

function months(
  first: number,
  last: number,
  year: number | null,
  point: PeriodPoint | null = null,
): Shape {
  const yearOk = year === null || isPlausibleYear(year);
  const monthsOk = first >= 1 && last <= 12 && first <= last;
  if (!yearOk || !monthsOk) return INVALID;
  return { firstMonth: first, lastMonth: last, day: null, point, year, invalid: false };
}

function dayShape(day: number, month: number, year: number | null): Shape {
  // Without a year, 29/02 is checked once the year is known.
  const ok =
    year === null
      ? isValidDay(2024, month, day)
      : isPlausibleYear(year) && isValidDay(year, month, day);
  if (!ok) return INVALID;
  return { firstMonth: month, lastMonth: month, day, point: null, year, invalid: false };
}

function quarterShape(q: number, year: number | null, point: PeriodPoint | null = null): Shape {
  return q >= 1 && q <= 4 ? months(q * 3 - 2, q * 3, year, point) : INVALID;
}

/** "6 tháng đầu năm" = months 1–6; "6 tháng cuối năm" = months 7–12. */
function leadingMonths(count: number, side: string | undefined, year: number | null): Shape {
  if (count < 1 || count > 12) return INVALID;
  return side === 'cuoi' ? months(13 - count, 12, year) : months(1, count, year);
}

interface Pattern {
  re: RegExp;
  build: (m: RegExpExecArray) => Shape;
  /** Every match holds a digit: a segment without one ("Hằng quý") is not searched. */
  digit?: true;
}

// Building blocks (folded text).
// A Roman numeral may touch its year ("Quý IV2026", a typo): the year then follows at once.
const QUARTER = String.raw`(?:\bquy|\bqui|\bq)\s*\.?\s*(iv|iii|ii|i|[1-4])(?:(?![a-z0-9])|(?<=[iv])(?=(?:19|20|21)\d{2}(?!\d)))`;
const YEAR_SEP = String.raw`\s*(?:[/.-]|nam)?\s*`;
const YEAR = String.raw`(\d{4})(?![\d/])`;
const NOT_AFTER_NUMBER = String.raw`(?<![\d/.])`;

const PATTERNS: Pattern[] = [
  // ngày 15 tháng 3 năm 2024
  {
    re: new RegExp(
      String.raw`(?:\bngay\s*)?\b(\d{1,2})\s*thang\s*(\d{1,2})\s*,?\s*nam\s*${YEAR}`,
      'g',
    ),
    digit: true,
    build: (m) => dayShape(Number(m[1]), Number(m[2]), toYear(m[3])),
  },
  // 15/3/2024, 15.3.2024, 15-3-2024 (one separator throughout)
  {
    re: new RegExp(
      String.raw`(?:\bngay\s*)?${NOT_AFTER_NUMBER}(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*${YEAR}`,
      'g',
    ),
    digit: true,
    build: (m) => dayShape(Number(m[1]), Number(m[3]), toYear(m[4])),
  },
  // 6 tháng đầu năm (2024), 9 tháng cuối năm
  {
    re: new RegExp(String.raw`\b(\d{1,2})\s*thang\s*(dau|cuoi)\s*nam(?:\s*${YEAR})?`, 'g'),
    digit: true,
    build: (m) => leadingMonths(Number(m[1]), m[2], toYear(m[3])),
  },
  // nửa đầu năm, nửa cuối năm 2024
  {
    re: new RegExp(String.raw`\bnua\s*(dau|cuoi)\s*nam(?:\s*${YEAR})?`, 'g'),
    build: (m) => leadingMonths(6, m[1], toYear(m[2])),
  },
  // bare "6 tháng", "9 tháng (năm) 2024": the first months of the year (report periods)
  {
    re: new RegExp(String.raw`\b([369])\s*thang(?:\s*(?:nam\s*)?${YEAR})?(?!\s*\d)`, 'g'),
    digit: true,
    build: (m) => leadingMonths(Number(m[1]), undefined, toYear(m[2])),
  },
  // tuần đầu / tuần cuối (của) tháng 3(/2024)
  {
    re: new RegExp(
      String.raw`\btuan\s*(dau|cuoi)\s*(?:cua\s*)?thang\s*(\d{1,2})(?:${YEAR_SEP}${YEAR})?(?![\d/])`,
      'g',
    ),
    digit: true,
    build: (m) =>
      months(Number(m[2]), Number(m[2]), toYear(m[3]), m[1] === 'dau' ? 'tuan-dau' : 'cuoi'),
  },
  // đầu / giữa / cuối tháng 3(/2024)
  {
    re: new RegExp(
      String.raw`\b(dau|giua|cuoi)\s*thang\s*(\d{1,2})(?:${YEAR_SEP}${YEAR})?(?![\d/])`,
      'g',
    ),
    digit: true,
    build: (m) => months(Number(m[2]), Number(m[2]), toYear(m[3]), m[1] as PeriodPoint),
  },
  // đầu / giữa / cuối quý II(/2024)
  {
    re: new RegExp(String.raw`\b(dau|giua|cuoi)\s*${QUARTER}(?:${YEAR_SEP}${YEAR})?`, 'g'),
    build: (m) => quarterShape(quarterNumber(m[2] ?? ''), toYear(m[3]), m[1] as PeriodPoint),
  },
  // đầu / giữa / cuối năm (2024)
  {
    re: new RegExp(String.raw`\b(dau|giua|cuoi)\s*nam(?:\s*${YEAR})?`, 'g'),
    build: (m) => months(1, 12, toYear(m[2]), m[1] as PeriodPoint),
  },
  // tháng 12/2023, T12/2023, tháng 12 năm 2023, tháng 12 2023
  {
    re: new RegExp(String.raw`(?:\bthang|\bt\.?)\s*(\d{1,2})${YEAR_SEP}${YEAR}`, 'g'),
    digit: true,
    build: (m) => months(Number(m[1]), Number(m[1]), toYear(m[2])),
  },
  // quý III/2019, QIII/2019, quý 3 năm 2019
  {
    re: new RegExp(String.raw`${QUARTER}${YEAR_SEP}${YEAR}`, 'g'),
    digit: true,
    build: (m) => quarterShape(quarterNumber(m[1] ?? ''), toYear(m[2])),
  },
  // quý V/2019 and other numerals that name no quarter
  {
    re: new RegExp(String.raw`\bqu[yi]\s*[a-z0-9]+\s*/\s*\d{4}`, 'g'),
    digit: true,
    build: () => INVALID,
  },
  // năm 2021
  {
    re: new RegExp(String.raw`\bnam\s*${YEAR}`, 'g'),
    digit: true,
    build: (m) => months(1, 12, toYear(m[1])),
  },
  // bare 6/2024 (the second half of "tháng 02/2024 - 6/2024")
  {
    re: new RegExp(String.raw`${NOT_AFTER_NUMBER}(\d{1,2})\s*/\s*${YEAR}`, 'g'),
    digit: true,
    build: (m) => months(Number(m[1]), Number(m[1]), toYear(m[2])),
  },
  // bare III/2025 (the second half of "quý I - III/2025")
  {
    re: new RegExp(String.raw`\b(iv|iii|ii|i)\s*/\s*${YEAR}`, 'g'),
    digit: true,
    build: (m) => quarterShape(quarterNumber(m[1] ?? ''), toYear(m[2])),
  },
  // bare year: "2021 - 2025"
  {
    re: /(?<![\d/.,])\b((?:19|20|21)\d{2})\b(?![\d/])/g,
    digit: true,
    build: (m) => months(1, 12, toYear(m[1])),
  },
  // ngày 15 tháng 3 (no year)
  {
    re: /\bngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?![\d/])/g,
    digit: true,
    build: (m) => dayShape(Number(m[1]), Number(m[2]), null),
  },
  // (ngày) 15/3 (no year)
  {
    re: new RegExp(
      String.raw`(?:\bngay\s*)?${NOT_AFTER_NUMBER}(\d{1,2})\s*[/.]\s*(\d{1,2})(?![\d/.])`,
      'g',
    ),
    digit: true,
    build: (m) => dayShape(Number(m[1]), Number(m[2]), null),
  },
  // tháng 3, T3 (no year)
  {
    re: /(?:\bthang\s*|\bt)(\d{1,2})(?![\d/])/g,
    digit: true,
    build: (m) => months(Number(m[1]), Number(m[1]), null),
  },
  // quý II (no year)
  {
    re: new RegExp(QUARTER, 'g'),
    build: (m) => quarterShape(quarterNumber(m[1] ?? ''), null),
  },
];

/** Finds the mentions of a folded segment, in text order, and masks them. */
export function findMentions(folded: string): { mentions: Mention[]; masked: string } {
  let masked = folded;
  const mentions: Mention[] = [];
  // Masking only removes text, so a segment without a digit never gets one.
  const digits = /\d/.test(folded);
  for (const pattern of PATTERNS) {
    if (pattern.digit && !digits) continue;
    const found: Mention[] = [];
    for (const m of matches(masked, pattern.re)) {
      const from = m.index;
      found.push({ from, to: from + m[0].length, ...pattern.build(m) });
    }
    for (const mention of found) mentions.push(mention);
    masked = blankSpans(masked, found, MASK_MENTION);
  }
  mentions.sort((a, b) => a.from - b.from);
  return { mentions, masked };
}

/** The middle of a run of months: 15th of the middle month, or the end of its first half. */
function middleOf(year: number, first: number, last: number): IsoDate {
  const count = last - first + 1;
  if (count % 2 === 0) return endOfMonthIso(year, first + count / 2 - 1);
  return isoDate(year, first + (count - 1) / 2, 15);
}

/** The day a Civil Code point (or "tuần đầu") names inside a run of months. */
function pointDue(
  point: PeriodPoint,
  year: number,
  firstMonth: number,
  lastMonth: number,
): IsoDate {
  switch (point) {
    case 'dau':
      return isoDate(year, firstMonth, 1);
    case 'giua':
      return middleOf(year, firstMonth, lastMonth);
    case 'cuoi':
      return endOfMonthIso(year, lastMonth);
    case 'tuan-dau':
      return isoDate(year, firstMonth, 7);
  }
}

/** Dates of a mention in `year`; null when the day does not exist in that year (29/02/2023). */
export function resolveMention(m: Mention, year: number): ResolvedMention | null {
  const span = { from: m.from, to: m.to };
  if (m.day !== null) {
    if (m.day > daysInMonth(year, m.firstMonth)) return null;
    const day = isoDate(year, m.firstMonth, m.day);
    return { ...span, first: day, due: day, isDay: true, precise: true };
  }
  const first = isoDate(year, m.firstMonth, 1);
  const end = endOfMonthIso(year, m.lastMonth);
  if (m.point === null) return { ...span, first, due: end, isDay: false, precise: false };
  const due = pointDue(m.point, year, m.firstMonth, m.lastMonth);
  return { ...span, first, due, isDay: false, precise: true };
}
