// Reading one segment of a cell (a line, or a piece between semicolons).
//
// Order of rules, first match wins:
//   1. "Đã hoàn thành"                                  → none
//   2. "N ngày kể từ …"                                 → relative (or conditional)
//   3. "Theo kế hoạch …", "Sau khi …", "Theo yêu cầu"   → conditional, unless a time stands before it
//   4. dated mentions, joined by "từ … đến …", "trước", "và hàng năm" … → date/period/range/…
//   5. "Thường xuyên", "liên tục"                       → continuous
//   6. "Kịp thời", "Đột xuất", "Theo tiến độ"           → vague
// Explicit dates beat the words of rules 5 and 6 ("Thường xuyên trong năm 2024" is the year 2024).
import type { Recurrence } from '../plan/types';
import { dayAfter, dayBefore } from './calendar';
import {
  CONDITIONAL,
  CONDITIONAL_RE,
  CONTINUOUS,
  CONTINUOUS_RE,
  DONE_RE,
  NONE,
  VAGUE,
  VAGUE_RE,
  readRelative,
} from './keywords';
import { findMentions, resolveMention, type Mention, type ResolvedMention } from './mentions';
import {
  RECURRENCE_ORDER,
  endOfPeriodContaining,
  findRecurringPhrases,
  firstOccurrence,
  type RecurringPhrase,
} from './recurrence';
import { blankCitedDates, gapWords, hasContent, prepareSegment } from './text';
import type { Item, Reading, SegmentReading, TimeContext } from './types';

const NOT_UNDERSTOOD: SegmentReading = { understood: false, items: [] };

// What may stand between two mentions of one time.
const RANGE_GAP_RE = /^(?:-|den|toi|den het|toi het|cho den|cho den het)$/;
const LIST_GAP_RE = /^(?:-|,|va|den|toi|den het|toi het|cho den|hoac|\/)?$/;
// What may stand before or after a mention.
const FROM_RE = /(?:^|\s)(?:tu|ke tu|bat dau tu|bat dau)$/;
const FROM_NOW_RE = /(?:^|\s)tu nay (?:den|toi)(?: het)?$/;
const BEFORE_RE = /(?:^|\s)truoc$/;
const AFTER_RE = /(?:^|\s)sau$/;
const ONWARD_RE = /^(?:tro di|tro ve sau|ve sau)\b/;

// "Trước ngày 31/01 năm liền kề": a day without a year falls in the year after the plan's.
const NEXT_YEAR_RE = /\bnam\s+(?:lien ke|sau|tiep theo|ke tiep)\b/;

export function readSegment(segment: string, ctx: TimeContext): SegmentReading {
  const { text: folded, cited } = blankCitedDates(prepareSegment(segment));
  if (!hasContent(folded)) return NOT_UNDERSTOOD;
  const nextYear = NEXT_YEAR_RE.test(folded) && ctx.planYear !== null;
  const reading = readFolded(folded, nextYear ? { ...ctx, planYear: ctx.planYear! + 1 } : ctx);
  // Only a cited document's date: the time follows that document's schedule.
  if (!reading.understood && cited) return whole(folded, CONDITIONAL);
  return reading;
}

function whole(folded: string, reading: Reading): SegmentReading {
  return { understood: true, items: [{ from: 0, to: folded.length, reading }] };
}

function readFolded(folded: string, ctx: TimeContext): SegmentReading {
  if (DONE_RE.test(folded)) return whole(folded, NONE);
  const relative = readRelative(folded, ctx);
  if (relative) return whole(folded, relative);
  const trigger = CONDITIONAL_RE.exec(folded);
  if (trigger) return readBeforeTrigger(folded, trigger.index, ctx) ?? whole(folded, CONDITIONAL);
  return readDated(folded, ctx);
}

/** "Quý I/2019 theo hướng dẫn của Bộ": the time before the trigger phrase is the deadline. */
function readBeforeTrigger(folded: string, index: number, ctx: TimeContext): SegmentReading | null {
  const prefix = folded.slice(0, index);
  if (!hasContent(prefix)) return null;
  const reading = readFolded(prefix, ctx);
  const dated = reading.understood && reading.items.every((item) => item.reading.kind !== 'vague');
  return dated ? reading : null;
}

function readDated(folded: string, ctx: TimeContext): SegmentReading {
  const recurring = findRecurringPhrases(folded);
  const { mentions, masked } = findMentions(recurring.masked);
  if (mentions.some((m) => m.invalid)) return NOT_UNDERSTOOD;
  const resolved = resolveYears(mentions, masked, ctx.planYear);
  if (resolved === null) return NOT_UNDERSTOOD;
  const items = joinMentions(resolved, masked, ctx);
  if (items === null) return NOT_UNDERSTOOD;
  const withRecurrence = bindRecurrence(items, recurring.phrases, ctx.planYear);
  if (withRecurrence.length > 0) return { understood: true, items: withRecurrence };
  if (CONTINUOUS_RE.test(masked)) return whole(folded, CONTINUOUS);
  if (VAGUE_RE.test(masked)) return whole(folded, VAGUE);
  return NOT_UNDERSTOOD;
}

function gapBetween(masked: string, from: number, to: number): string {
  return gapWords(masked.slice(from, to));
}

/**
 * Gives every mention a year: its own, else a neighbour's in the same list ("quý I - III/2025",
 * "tháng 2 đến tháng 6/2024"), else the plan year. null if a year is missing or a day does not
 * exist in its year.
 */
function resolveYears(
  mentions: Mention[],
  masked: string,
  planYear: number | null,
): ResolvedMention[] | null {
  const years = mentions.map((m) => m.year);
  const linked = (i: number): boolean => {
    const left = mentions[i];
    const right = mentions[i + 1];
    return (
      left !== undefined &&
      right !== undefined &&
      LIST_GAP_RE.test(gapBetween(masked, left.to, right.from))
    );
  };
  for (let i = mentions.length - 2; i >= 0; i -= 1) {
    if (years[i] === null && linked(i)) years[i] = years[i + 1] ?? null;
  }
  for (let i = 1; i < mentions.length; i += 1) {
    if (years[i] === null && linked(i - 1)) years[i] = years[i - 1] ?? null;
  }
  const resolved: ResolvedMention[] = [];
  for (const [i, mention] of mentions.entries()) {
    const year = years[i] ?? planYear;
    if (year === null) return null;
    const r = resolveMention(mention, year);
    if (r === null) return null;
    resolved.push(r);
  }
  return resolved;
}

function plain(m: ResolvedMention): Reading {
  return m.isDay
    ? { kind: 'date', start: null, due: m.due, recurrence: null }
    : { kind: 'period', start: m.first, due: m.due, recurrence: null };
}

/** "Trước ngày X" = the day before X (or X, if the office counts it); "trước năm X" = 31/12 of X-1. */
function before(m: ResolvedMention, inclusive: boolean): Reading {
  const due = m.precise ? (inclusive ? m.due : dayBefore(m.due)) : dayBefore(m.first);
  return { kind: 'date', start: null, due, recurrence: null };
}

function range(start: string | null, due: string): Reading | null {
  if (start !== null && start > due) return null;
  return { kind: 'range', start, due, recurrence: null };
}

/** "Quý IV/2018 và năm 2019": two periods that touch read as one span. */
function touches(a: ResolvedMention, b: ResolvedMention): boolean {
  return b.first > a.first && b.first <= dayAfter(a.due);
}

/** Joins mentions into items: ranges, open starts, "trước", or a mention alone. null: inverted range. */
function joinMentions(
  mentions: ResolvedMention[],
  masked: string,
  ctx: TimeContext,
): Item[] | null {
  const items: Item[] = [];
  let i = 0;
  while (i < mentions.length) {
    const m = mentions[i] as ResolvedMention;
    const next = mentions[i + 1];
    const previousEnd = mentions[i - 1]?.to ?? 0;
    const gapBefore = gapBetween(masked, previousEnd, m.from);
    const gapAfter = gapBetween(masked, m.to, next?.from ?? masked.length);
    if (next && (RANGE_GAP_RE.test(gapAfter) || (gapAfter === 'va' && touches(m, next)))) {
      const reading = range(m.first, next.due);
      if (reading === null) return null;
      items.push({ from: m.from, to: next.to, reading });
      i += 2;
      continue;
    }
    items.push({ from: m.from, to: m.to, reading: readAlone(m, gapBefore, gapAfter, ctx) });
    i += 1;
  }
  return items;
}

function readAlone(
  m: ResolvedMention,
  gapBefore: string,
  gapAfter: string,
  ctx: TimeContext,
): Reading {
  if (FROM_NOW_RE.test(gapBefore)) return range(ctx.issueDate, m.due) ?? plain(m);
  if (FROM_RE.test(gapBefore) || ONWARD_RE.test(gapAfter)) {
    return { kind: 'continuous', start: m.first, due: null, recurrence: null };
  }
  if (BEFORE_RE.test(gapBefore)) return before(m, ctx.beforeInclusive);
  if (AFTER_RE.test(gapBefore))
    return { kind: 'continuous', start: dayAfter(m.due), due: null, recurrence: null };
  return plain(m);
}

/**
 * A recurring phrase repeats the item before it ("Quý I/2019 và hàng năm": first due 31/03/2019),
 * else the item after it ("Hàng năm, trước 15/12"); alone it recurs from the plan year.
 */
function bindRecurrence(
  items: Item[],
  phrases: RecurringPhrase[],
  planYear: number | null,
): Item[] {
  const dated = items.map((item) => ({ ...item }));
  const alone: RecurringPhrase[] = [];
  // Items and phrases come in text order and do not overlap, and binding keeps the items' ends
  // in order: the items that end before a phrase are a run from the first, which grows phrase
  // after phrase, so it is found by moving forward (a cell of many times stays linear).
  let before = 0;
  for (const phrase of phrases) {
    while (before < dated.length && dated[before]!.to <= phrase.from) before++;
    const previous = before > 0 ? dated[before - 1] : undefined;
    let after = before;
    while (after < dated.length && dated[after]!.from < phrase.to) after++;
    const target = previous ?? dated[after];
    if (target) {
      target.reading = repeat(target.reading, phrase.recurrence);
      target.from = Math.min(target.from, phrase.from);
      target.to = Math.max(target.to, phrase.to);
    } else {
      alone.push(phrase);
    }
  }
  const standalone = aloneItem(alone, planYear);
  return [...dated, ...(standalone ? [standalone] : [])].sort((a, b) => a.from - b.from);
}

/**
 * The item as the first occurrence of a repetition. A span longer than one period ("Giai đoạn
 * 2021-2025, hàng năm") or an open start ("Từ năm 2019, hàng năm") first falls due at the end of
 * the period it starts in.
 */
function repeat(reading: Reading, recurrence: Recurrence | null): Reading {
  const firstEnd =
    recurrence !== null && reading.start !== null
      ? endOfPeriodContaining(reading.start, recurrence)
      : null;
  const due =
    firstEnd !== null && (reading.due === null || firstEnd < reading.due) ? firstEnd : reading.due;
  return { ...reading, kind: 'recurring', due, recurrence };
}

/** Recurring phrases with no dated item make one item; the shortest period named wins. */
function aloneItem(phrases: RecurringPhrase[], planYear: number | null): Item | null {
  const first = phrases[0];
  const last = phrases[phrases.length - 1];
  if (first === undefined || last === undefined) return null;
  const named = phrases.map((p) => p.recurrence).filter((r): r is Recurrence => r !== null);
  const recurrence = RECURRENCE_ORDER.find((r) => named.includes(r)) ?? null;
  const reading: Reading = {
    kind: 'recurring',
    ...firstOccurrence(recurrence, planYear),
    recurrence,
  };
  return { from: first.from, to: last.to, reading };
}
