// A merge's result put into the tracker as read: the answered fields of each changed row (what
// else the row holds — notes, fills, added columns — stays as read) and the new Lịch sử rows.
// Both doors then lay the tracker out again from these contents.

import type { Entries, HistoryRow, TrackerContents } from '../tracker/model';
import { ANSWER_FIELDS } from './model';
import type { MergeResult } from './merge';

/** The tracker with the merge's values and history. */
export function applyMerge(tracker: TrackerContents, result: MergeResult): TrackerContents {
  return {
    ...tracker,
    rows: tracker.rows.map((row) => {
      const merged = result.entries.get(row.code);
      if (!merged) return row;
      const entries: Entries = { ...row.entries };
      for (const f of ANSWER_FIELDS) {
        if (merged[f] === undefined) delete entries[f];
        else (entries as Record<string, unknown>)[f] = merged[f];
      }
      return { ...row, entries };
    }),
    history: [...tracker.history, ...result.history],
  };
}

/** The tracker with rows added to its Lịch sử. */
export function withHistory(tracker: TrackerContents, rows: HistoryRow[]): TrackerContents {
  return { ...tracker, history: [...tracker.history, ...rows] };
}

/** Nothing to write: no value changes and no history. */
export function changesNothing(result: MergeResult): boolean {
  return result.entries.size === 0 && result.history.length === 0;
}
