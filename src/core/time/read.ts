// Reading a whole time cell, and the two-column layout (Bắt đầu / Hoàn thành).
import type { TimeKind, TimePart } from '../plan/types';
import { readSegment } from './segment';
import { trimEndWhere } from '../text/normalize';
import { cleanText, fold, splitSegments } from './text';
import type { Item, Reading, TimeContext, TimeReading } from './types';

const EMPTY: TimeReading = {
  kind: null,
  start: null,
  due: null,
  recurrence: null,
  understood: true,
};
const NOT_UNDERSTOOD: TimeReading = {
  kind: null,
  start: null,
  due: null,
  recurrence: null,
  understood: false,
};

interface TextItem {
  text: string;
  reading: Reading;
}

/** Reads a time cell as a person would. See docs/domain.md, "Time expressions → dates". */
export function readTimeExpression(text: string, ctx: TimeContext): TimeReading {
  const segments = splitSegments(cleanText(text));
  if (segments.length === 0) return EMPTY;
  const items: TextItem[] = [];
  // A segment no rule understands is dropped when another one is understood: a label line
  // ("* Nhóm UBND cấp xã:") must not hide the times next to it.
  for (const segment of segments) {
    const reading = readSegment(segment, ctx);
    if (reading.understood) for (const item of labelItems(segment, reading.items)) items.push(item);
  }
  return items.length === 0 ? NOT_UNDERSTOOD : combine(items);
}

/** The text of each item: a segment's words from one item's start to the next one's. */
function labelItems(segment: string, items: Item[]): TextItem[] {
  if (items.length === 1) return items.map((item) => ({ text: segment, reading: item.reading }));
  return items.map((item, i) => {
    const from = i === 0 ? 0 : item.from;
    const to = items[i + 1]?.from ?? segment.length;
    return {
      text: trimEndWhere(segment.slice(from, to), (c) => /[\s,;:-]/.test(c)).trim(),
      reading: item.reading,
    };
  });
}

function isDated(reading: Reading): boolean {
  return reading.start !== null || reading.due !== null;
}

/** The item with the earliest due (the first one on a tie); items without a due come last. */
function earliestDue(items: TextItem[]): TextItem | undefined {
  let best: TextItem | undefined;
  for (const item of items) {
    const due = item.reading.due;
    if (due !== null && (best?.reading.due == null || due < best.reading.due)) best = item;
  }
  return best ?? items.find((item) => isDated(item.reading));
}

/**
 * Several times in one cell: `parts` lists them and the top level is the part with the earliest
 * due. Only dated times count as "several": "Báo cáo quý; BC đột xuất theo yêu cầu" is one
 * recurring time plus an on-demand remark, not two times.
 */
function combine(items: TextItem[]): TimeReading {
  const dated = items.filter((item) => isDated(item.reading));
  const top = (dated.length >= 2 ? earliestDue(items) : dated[0]) ?? items[0];
  if (top === undefined) return NOT_UNDERSTOOD;
  const reading: TimeReading = { ...top.reading, understood: true };
  if (dated.length >= 2) reading.parts = items.map(toPart);
  return reading;
}

function toPart(item: TextItem): TimePart {
  const { kind, start, due, recurrence } = item.reading;
  return { text: item.text, kind, start, due, recurrence };
}

// Kinds that describe how the work runs rather than when it ends; they win over "range".
const OPEN_KINDS: TimeKind[] = ['continuous', 'recurring', 'conditional'];

function sameText(a: string, b: string): boolean {
  return fold(cleanText(a)) === fold(cleanText(b));
}

/**
 * Two-column layout (Bắt đầu / Hoàn thành). With one cell filled (a merged cell that lost its
 * merge, or only the due), that cell is read as a whole expression. With both filled, start comes
 * from the start cell (its start, or its date) and due from the due cell.
 */
export function readTimeColumns(startText: string, dueText: string, ctx: TimeContext): TimeReading {
  const startCell = readTimeExpression(startText, ctx);
  const dueCell = readTimeExpression(dueText, ctx);
  // Only "Hoàn thành" is filled: it says when the work ends, not when it starts ("Tháng 12/2019"
  // is due 31/12 with no known start). A range or a repeat written there still has its start.
  if (startCell.kind === null && startCell.understood) {
    return dueCell.kind === 'period' ? { ...dueCell, start: null } : dueCell;
  }
  if (dueCell.kind === null && dueCell.understood) return startCell;
  if (!startCell.understood || !dueCell.understood) return NOT_UNDERSTOOD;
  if (sameText(startText, dueText)) return dueCell;
  return joinColumns(startCell, dueCell);
}

/** Top-level fields only: the parts of one column say nothing about the pair. */
function withoutParts(reading: TimeReading): TimeReading {
  const { kind, start, due, recurrence, understood } = reading;
  return { kind, start, due, recurrence, understood };
}

function joinColumns(startCell: TimeReading, dueCell: TimeReading): TimeReading {
  const start = startCell.start ?? startCell.due;
  const due = dueCell.due;
  // "Thường xuyên" / "Hàng năm" / "Sau khi có hướng dẫn" in either cell says more than "range":
  // keep that kind, with the start cell's start and the due cell's due (e.g. recurring, first
  // due = the due cell). The due cell's word wins when both cells hold one.
  if (dueCell.kind !== null && OPEN_KINDS.includes(dueCell.kind)) {
    return { ...withoutParts(dueCell), start: start ?? dueCell.start };
  }
  if (startCell.kind !== null && OPEN_KINDS.includes(startCell.kind)) {
    return {
      kind: startCell.kind,
      start: startCell.start,
      due,
      recurrence: startCell.recurrence,
      understood: true,
    };
  }
  // A start cell with no date ("Kịp thời") adds nothing; a due cell with no date keeps its kind.
  if (start === null) return withoutParts(dueCell);
  if (due === null)
    return { kind: dueCell.kind, start, due: null, recurrence: null, understood: true };
  // Cells in the wrong order (start after due) are a mistake to report, not a time to guess.
  if (start > due) return NOT_UNDERSTOOD;
  return { kind: 'range', start, due, recurrence: null, understood: true };
}
