import type { IsoDate, Recurrence, TimeKind, TimePart } from '../plan/types';

export interface TimeContext {
  /** A month or date written without a year takes this year. */
  planYear: number | null;
  /** Base for relative expressions ("trong 10 ngày kể từ ngày ban hành"). */
  issueDate: IsoDate | null;
  /** false (default): "Trước (ngày) X" = the day before X; true: X itself. */
  beforeInclusive: boolean;
}

export interface TimeReading {
  /** null = nothing to read (empty text) or not understood. */
  kind: TimeKind | null;
  start: IsoDate | null;
  due: IsoDate | null;
  recurrence: Recurrence | null;
  /** Several times in one cell: every part; the top-level fields come from the earliest due. */
  parts?: TimePart[];
  /** false when the text has content but no rule understood it. */
  understood: boolean;
}

/** One understood time, before it is placed in a reading. */
export interface Reading {
  kind: TimeKind;
  start: IsoDate | null;
  due: IsoDate | null;
  recurrence: Recurrence | null;
}

/** A reading and the span of the segment text it came from. */
export interface Item {
  from: number;
  to: number;
  reading: Reading;
}

/** What one segment (a line, or a `;`-separated piece) of a cell reads as. */
export interface SegmentReading {
  understood: boolean;
  items: Item[];
}
