// What Lịch sử says about the units: the last file sent to each, its reply deadline, and whether
// an answer to it came back. The dashboard lists it; the merge's summary uses it too.

import { isoFromText } from '../../excel/dates';
import type { IsoDate } from '../../core/plan/types';
import type { HistoryRow } from './model';

export interface UnitAnswer {
  unit: string;
  /** When the last file was sent ("dd/mm/yyyy hh:mm") and its stamp. */
  sentAt: string;
  ticket: string;
  replyBy: IsoDate | null;
  /** When the answer to that file was received, or null. */
  answeredAt: string | null;
}

/** The date part of a history time ("dd/mm/yyyy hh:mm"). */
export function historyDate(at: string): IsoDate | null {
  return isoFromText(at.split(' ')[0] ?? '') ?? null;
}

/** One entry per unit a file was sent to (its last file), in the order they were first sent. */
export function unitAnswers(history: HistoryRow[]): UnitAnswer[] {
  const byUnit = new Map<string, UnitAnswer>();
  const received = new Map<string, string>();
  for (const row of history) {
    if (row.action === 'received' && row.ticket && !received.has(row.ticket))
      received.set(row.ticket, row.at);
  }
  for (const row of history) {
    if (row.action !== 'sent') continue;
    byUnit.set(row.unit, {
      unit: row.unit,
      sentAt: row.at,
      ticket: row.ticket,
      replyBy: isoFromText(row.after) ?? null,
      answeredAt: null,
    });
  }
  for (const answer of byUnit.values()) answer.answeredAt = received.get(answer.ticket) ?? null;
  return [...byUnit.values()];
}
