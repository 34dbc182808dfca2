// Merging units' answers into a tracker. Pure: the tracker as the one tracker reader read it,
// the answer files as read by ./read.ts, and the time → what to change, what conflicts, the
// extension requests and the history rows. A change is applied when the unit changed a value
// (the file differs from the ticket) and the tracker still holds what was sent; when the
// tracker's value changed since, or two units answer one task differently, it is listed as a
// conflict for a person to decide and nothing is written. A request for an extension lands in
// "Đề nghị gia hạn đến" / "Lý do đề nghị": the deadline itself changes only when the office
// fills Gia hạn đến. Merging the same file twice applies nothing and adds no history.

import type { Language } from '../labels';
import { unitAnswers } from '../tracker/history';
import type { Entries, HistoryRow, TrackedRow, TrackerContents } from '../tracker/model';
import { ANSWER_FIELDS, type AnswerField, type AnswerFile } from './model';
import { fieldLabel, valueWords, valuesOf, withValue } from './values';

export interface AnswerInput {
  /** The file's name, for messages and Lịch sử. */
  name: string;
  /** The file read, or why it could not be. */
  read: AnswerFile | { error: { vi: string; en: string } };
}

export interface Conflict {
  code: string;
  field: AnswerField;
  /** Why: the tracker's value changed since the file was sent, or units answer differently. */
  kind: 'tracker-changed' | 'units-disagree' | 'task-gone';
  /** What was sent, what the tracker holds now (in words). */
  sent: string;
  tracker: string;
  /** Each unit's answer (in words). */
  answers: { unit: string; file: string; value: string }[];
}

export interface ExtensionRequest {
  code: string;
  unit: string;
  file: string;
  /** ISO date asked for, and the reason given. */
  to: string;
  reason: string;
}

export interface FileOutcome {
  file: string;
  unit: string | null;
  ticket: string | null;
  /** Why the file was refused (nothing of it applied). */
  refused: { vi: string; en: string } | null;
  /** A first answer to this ticket (else it was merged before, or is a duplicate). */
  firstTime: boolean;
  applied: number;
  conflicts: number;
  requests: number;
  warnings: { vi: string; en: string }[];
}

export interface MergeResult {
  files: FileOutcome[];
  /** New entries of the rows that change, by Mã. */
  entries: Map<string, Entries>;
  applied: { code: string; field: AnswerField; before: string; after: string; unit: string }[];
  conflicts: Conflict[];
  requests: ExtensionRequest[];
  /** Rows to append to Lịch sử. */
  history: HistoryRow[];
}

interface Proposal {
  file: number;
  code: string;
  field: AnswerField;
  value: string;
  sent: string;
}

/** Merges answer files into the tracker's entries (see the top of this file). */
export function mergeAnswers(
  tracker: TrackerContents,
  inputs: AnswerInput[],
  at: string,
): MergeResult {
  const language: Language = tracker.language;
  const fingerprint = tracker.identity?.fingerprint ?? null;
  const sentTickets = new Set(
    tracker.history.filter((h) => h.action === 'sent').map((h) => h.ticket),
  );
  const receivedTickets = new Set(
    tracker.history.filter((h) => h.action === 'received').map((h) => h.ticket),
  );
  const rowOf = new Map<string, TrackedRow>();
  for (const row of tracker.rows) if (row.code && !rowOf.has(row.code)) rowOf.set(row.code, row);

  const outcomes: FileOutcome[] = [];
  const files: (AnswerFile | null)[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const outcome: FileOutcome = {
      file: input.name,
      unit: null,
      ticket: null,
      refused: null,
      firstTime: false,
      applied: 0,
      conflicts: 0,
      requests: 0,
      warnings: [],
    };
    outcomes.push(outcome);
    files.push(null);
    if ('error' in input.read) {
      outcome.refused = input.read.error;
      continue;
    }
    const { ticket } = input.read;
    outcome.unit = ticket.unit;
    outcome.ticket = ticket.ticket;
    if (fingerprint === null || ticket.fingerprint !== fingerprint) {
      outcome.refused = {
        vi: `phiếu của một kế hoạch khác${ticket.planNumber ? ` (số ${ticket.planNumber})` : ''}, không phải kế hoạch sổ này theo dõi`,
        en: `the form belongs to another plan${ticket.planNumber ? ` (No. ${ticket.planNumber})` : ''}, not the one this tracker tracks`,
      };
      continue;
    }
    if (sentTickets.size > 0 && !sentTickets.has(ticket.ticket)) {
      outcome.refused = {
        vi: `phiếu ${ticket.ticket} (${ticket.unit}, ${ticket.sentAt}) không được gửi từ sổ này (Lịch sử không có): có thể là phiếu của một bản sao khác của sổ`,
        en: `form ${ticket.ticket} (${ticket.unit}, ${ticket.sentAt}) was not sent from this tracker (not in its History): it may come from another copy of the tracker`,
      };
      continue;
    }
    if (sentTickets.size === 0)
      outcome.warnings.push({
        vi: 'sổ chưa ghi phiếu nào đã gửi (trang Lịch sử), nên không kiểm tra được phiếu có gửi từ sổ này không',
        en: 'the tracker records no form sent (History sheet), so whether this form was sent from it cannot be checked',
      });
    if (seen.has(ticket.ticket)) {
      outcome.warnings.push({
        vi: 'cùng một phiếu được đưa vào hai lần: chỉ đọc lần đầu',
        en: 'the same form was given twice: only the first is read',
      });
      continue;
    }
    seen.add(ticket.ticket);
    outcome.firstTime = !receivedTickets.has(ticket.ticket);
    files[files.length - 1] = input.read;
  }

  // What each file changed.
  const proposals: Proposal[] = [];
  files.forEach((file, i) => {
    if (!file) return;
    for (const sent of file.ticket.rows) {
      const now = file.answers.get(sent.code)!;
      for (const field of ANSWER_FIELDS) {
        const value = now[field];
        // An emptied state is no answer; any other emptied cell clears the value.
        if (field === 'state' && value === '') continue;
        if (value !== sent.values[field])
          proposals.push({ file: i, code: sent.code, field, value, sent: sent.values[field] });
      }
    }
  });

  const result: MergeResult = {
    files: outcomes,
    entries: new Map(),
    applied: [],
    conflicts: [],
    requests: [],
    history: [],
  };
  const words = (field: AnswerField, value: string): string => valueWords(field, value, language);
  const byKey = new Map<string, Proposal[]>();
  for (const p of proposals) {
    const key = `${p.code}\u0000${p.field}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push(p);
  }
  // Answers not applied before because of a conflict, by Mã and field.
  const recorded = new Map<string, HistoryRow[]>();
  for (const h of tracker.history) {
    if (h.action !== 'conflict') continue;
    const key = `${h.code}\u0000${h.field}`;
    if (!recorded.has(key)) recorded.set(key, []);
    recorded.get(key)!.push(h);
  }
  const conflictRows: HistoryRow[] = [];
  const changes: { p: Proposal; before: string }[] = [];
  for (const group of byKey.values()) {
    const { code, field } = group[0]!;
    const row = rowOf.get(code);
    const label = fieldLabel(field, language);
    const tickets = new Set(group.map((p) => files[p.file]!.ticket.ticket));
    // Other units' answers to this field that a conflict kept out before.
    const others = (recorded.get(`${code}\u0000${label}`) ?? []).filter(
      (h) => !tickets.has(h.ticket),
    );
    const answers = [
      ...group.map((p) => ({
        unit: files[p.file]!.ticket.unit,
        file: outcomes[p.file]!.file,
        value: words(field, p.value),
      })),
      ...others.map((h) => ({ unit: h.unit, file: h.file, value: h.after })),
    ];
    const conflict = (kind: Conflict['kind'], current: string): void => {
      result.conflicts.push({
        code,
        field,
        kind,
        sent: words(field, group[0]!.sent),
        tracker: words(field, current),
        answers,
      });
      for (const p of group) {
        outcomes[p.file]!.conflicts++;
        const file = files[p.file]!;
        const after = words(field, p.value);
        const known = (recorded.get(`${code}\u0000${label}`) ?? []).some(
          (h) => h.ticket === file.ticket.ticket && h.after === after,
        );
        if (!known)
          conflictRows.push({
            at,
            action: 'conflict',
            unit: file.ticket.unit,
            file: outcomes[p.file]!.file,
            ticket: file.ticket.ticket,
            code,
            field: label,
            before: words(field, current),
            after,
          });
      }
    };
    if (!row) {
      conflict('task-gone', '');
      continue;
    }
    const current = valuesOf(result.entries.get(code) ?? row.entries)[field];
    const values = new Set(group.map((p) => p.value));
    if (values.size > 1) {
      conflict('units-disagree', current);
      continue;
    }
    const value = group[0]!.value;
    if (current === value) continue; // already there (merged before, or typed by the office)
    if (others.some((h) => h.after !== words(field, value))) {
      conflict('units-disagree', current);
      continue;
    }
    const base = group.find((p) => p.sent === current);
    if (!base) {
      conflict('tracker-changed', current);
      continue;
    }
    changes.push({ p: base, before: current });
    result.entries.set(
      code,
      withValue(result.entries.get(code) ?? row.entries, field, value, language),
    );
  }

  // History: each first answer, then each change, in the files' order.
  files.forEach((file, i) => {
    if (!file || !outcomes[i]!.firstTime) return;
    result.history.push({
      at,
      action: 'received',
      unit: file.ticket.unit,
      file: outcomes[i]!.file,
      ticket: file.ticket.ticket,
      code: '',
      field: '',
      before: '',
      after: '',
    });
  });
  changes.sort((a, b) => a.p.file - b.p.file);
  for (const { p, before } of changes) {
    const file = files[p.file]!;
    const outcome = outcomes[p.file]!;
    outcome.applied++;
    result.applied.push({
      code: p.code,
      field: p.field,
      before: words(p.field, before),
      after: words(p.field, p.value),
      unit: file.ticket.unit,
    });
    result.history.push({
      at,
      action: 'changed',
      unit: file.ticket.unit,
      file: outcome.file,
      ticket: file.ticket.ticket,
      code: p.code,
      field: fieldLabel(p.field, language),
      before: words(p.field, before),
      after: words(p.field, p.value),
    });
    if (p.field === 'extensionRequest' && p.value) {
      outcome.requests++;
      const reason = valuesOf(result.entries.get(p.code)!).extensionReason;
      result.requests.push({
        code: p.code,
        unit: file.ticket.unit,
        file: outcome.file,
        to: p.value,
        reason,
      });
    }
  }
  result.history.push(...conflictRows);
  return result;
}

/** What a merge did, as every door reports it: per file, values, conflicts, requests, units. */
export interface MergeSummary {
  /** The tracker was written (false: nothing new). */
  written: boolean;
  files: FileOutcome[];
  applied: MergeResult['applied'];
  conflicts: Conflict[];
  requests: ExtensionRequest[];
  /** Every unit sent a form: its reply deadline and whether it answered (with this merge). */
  units: { unit: string; replyBy: string | null; answered: boolean }[];
}

export function summarizeMerge(
  result: MergeResult,
  before: TrackerContents,
  written: boolean,
): MergeSummary {
  return {
    written,
    files: result.files,
    applied: result.applied,
    conflicts: result.conflicts,
    requests: result.requests,
    units: unitAnswers([...before.history, ...result.history]).map((answer) => ({
      unit: answer.unit,
      replyBy: answer.replyBy,
      answered: answer.answeredAt !== null,
    })),
  };
}
