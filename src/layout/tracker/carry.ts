// A rebuild over an existing tracker: what people typed follows the task they typed it for.
//
// The tracker's rows (its task list, the rows people typed into it, and its removed-tasks sheet)
// are matched to the plan's tasks by content (core/plan/identity). Then:
//   - a row matched for certain (or a pair a person accepted) gives its entries to its task;
//   - a task row with entries that matches nothing goes to the removed-tasks sheet, with the
//     date; so does the old side of a pair nobody confirmed (the new side starts empty);
//   - a row people typed (no Mã, or a "+n" Mã) that matches nothing stays, as a task of its own;
//   - a removed row that matches a task again comes back to it.
// Nothing is dropped. The report says what was kept, renumbered, edited, new and removed.

import {
  matchTasks,
  pairedShare,
  planIdentity,
  planVerdict,
  type PlanVerdict,
  type TaskFacts,
} from '../../core/plan/identity';
import type { IsoDate, Plan, PlanTask } from '../../core/plan/types';
import type { Language } from '../../core/text/language';
import { isTypedTaskId, withTypedTasks, type TypedTask } from '../../core/plan/typed';
import { taskOccurrences } from '../../core/status/items';
import { occurrenceCode, planYears, splitOccurrenceCode } from '../../core/time/occurrences';
import { viDate } from '../context';
import { labelsFor } from '../labels';
import type { Entries, StoredPlanIdentity, TrackedRow, TrackerContents } from './model';

export interface CarryOptions {
  /** Take the pairs the matcher is unsure of as the same task (a person confirmed them). */
  acceptUncertain?: boolean;
  /** Pairs a person decided one by one: old row's Mã → the new task's id, or null for "not the same". */
  decisions?: Record<string, string | null>;
  /** The day of this rebuild, written on rows moved to the removed-tasks sheet. */
  today: IsoDate;
  beforeInclusive?: boolean;
  /**
   * The year open-ended recurring tasks run to in the new workbook (defaultHorizon). The
   * tracker's own occurrences are kept too: the horizon never drops a period that has entries.
   */
  horizon?: number | null;
}

export interface RebuildReport {
  /** How the plan relates to the one the tracker tracked. */
  plan: { verdict: PlanVerdict | 'new'; share: number; before: StoredPlanIdentity | null };
  /** Tasks found again (same Mã and title). */
  kept: number;
  renumbered: { from: string; to: string }[];
  /** Title changed (and maybe the Mã too). */
  edited: { from: string; to: string; before: string; after: string }[];
  /** Tasks of the plan that were not in the tracker. */
  added: string[];
  /** Tracker tasks that are not in the plan now; those with entries are kept on the removed sheet. */
  removed: { code: string; title: string; kept: boolean }[];
  /** Pairs the matcher was unsure of. `accepted`: entries were carried; else both kept apart. */
  uncertain: {
    /** The key `CarryOptions.decisions` takes for this pair (the old Mã, or "@row" without one). */
    key: string;
    from: string;
    to: string;
    before: string;
    after: string;
    score: number;
    accepted: boolean;
  }[];
  /** Rows people typed into the task list: kept as tasks (to: their Mã) or joined to a plan task. */
  typed: { title: string; to: string; joined: boolean }[];
  /** Removed tasks that are back in this plan, with their entries. */
  restored: { code: string; to: string }[];
  /** Tasks whose entries were carried. */
  carried: number;
  warnings: { vi: string; en: string }[];
}

export interface Carried {
  /** The plan, with the tasks people typed added at its end. */
  plan: Plan;
  /** Entries by task id of `plan`. */
  entered: Record<string, Entries>;
  extraColumns: string[];
  /** Rows of the removed-tasks sheet after this rebuild. */
  removed: TrackedRow[];
  /** For formulas in added columns: the old task list's headers, and the task each old row held. */
  moved: { headers: string[]; taskAtRow: Record<number, string> };
  /** The horizon the layout must use (at least the given one, and every carried period's year). */
  horizon: number | null;
  report: RebuildReport;
}

/** True when the row holds something a person typed (a state other than the default counts). */
function hasEntries(entries: Entries): boolean {
  const notStarted = new Set(
    (['vi', 'en'] as const).map((l) => labelsFor(l).states['not-started'].toLowerCase()),
  );
  return (
    (entries.state !== undefined && !notStarted.has(entries.state.trim().toLowerCase())) ||
    entries.progress !== undefined ||
    entries.completed !== undefined ||
    entries.extendedTo !== undefined ||
    (entries.extensionBasis !== undefined && entries.extensionBasis !== '') ||
    entries.extensionRequest !== undefined ||
    (entries.extensionReason !== undefined && entries.extensionReason !== '') ||
    (entries.note !== undefined && entries.note !== '') ||
    Object.keys(entries.extra ?? {}).length > 0 ||
    Object.keys(entries.notes ?? {}).length > 0 ||
    Object.keys(entries.fills ?? {}).length > 0
  );
}

const factsOfRow = (row: TrackedRow): TaskFacts => ({
  code: row.code,
  title: row.title,
  lead: row.lead.split('\n').join('; '),
  time: row.time,
  section: row.section,
});

const factsOfPlan = (plan: Plan): TaskFacts[] =>
  plan.tasks.map((t) => ({
    code: t.id,
    title: t.title,
    lead: t.lead.join('; '),
    time: t.time.text,
    section: t.section ?? '',
  }));

type Origin = 'task' | 'typed' | 'removed';

/** Carries a tracker's entries over to `plan` (see the top of this file). Pure. */
export function carryOver(tracker: TrackerContents, plan: Plan, options: CarryOptions): Carried {
  // Occurrence rows ("V.1/2019-Q1") follow their task: they are not tasks to match.
  const isOccurrence = (row: TrackedRow): boolean => splitOccurrenceCode(row.code) !== null;
  const occurrenceRows = tracker.rows.filter(isOccurrence);
  const removedOccurrences = tracker.removed.filter(isOccurrence);
  const rows: { row: TrackedRow; origin: Origin }[] = [
    ...tracker.rows
      .filter((row) => !isOccurrence(row))
      .map((row) => ({
        row,
        origin: (row.code === '' || isTypedTaskId(row.code) ? 'typed' : 'task') as Origin,
      })),
    ...tracker.removed
      .filter((row) => !isOccurrence(row))
      .map((row) => ({ row, origin: 'removed' as Origin })),
  ];
  // Typed rows without a title are entries on nothing a person could name: keep them as they are.
  const matchable = rows.filter((r) => r.row.title !== '');
  const matching = matchTasks(
    matchable.map((r) => factsOfRow(r.row)),
    factsOfPlan(plan),
  );
  const taskRows = rows.filter((r) => r.origin === 'task').length;
  const share = pairedShare(matching, taskRows, plan.tasks.length);
  const identity = planIdentity(plan);
  const report: RebuildReport = {
    plan: {
      verdict: tracker.taskList ? planVerdict(tracker.identity, identity, share) : 'new',
      share,
      before: tracker.identity,
    },
    kept: 0,
    renumbered: [],
    edited: [],
    added: [],
    removed: [],
    uncertain: [],
    typed: [],
    restored: [],
    carried: 0,
    warnings: [...tracker.warnings],
  };

  const entered: Record<string, Entries> = {};
  const taskAtRow: Record<number, string> = {};
  const pairedNew = new Set<number>();
  const pairedOld = new Set<number>();
  const give = (oldIndex: number, newIndex: number): void => {
    const { row, origin } = matchable[oldIndex]!;
    const task = plan.tasks[newIndex]!;
    pairedOld.add(oldIndex);
    pairedNew.add(newIndex);
    if (origin !== 'removed') taskAtRow[row.sheetRow] = task.id;
    if (hasEntries(row.entries)) {
      entered[task.id] = mergeEntries(entered[task.id], row.entries);
      report.carried++;
    }
    if (origin === 'removed') report.restored.push({ code: row.code, to: task.id });
    else if (origin === 'typed') report.typed.push({ title: row.title, to: task.id, joined: true });
    else if (row.title !== task.title && !sameTitleText(row.title, task.title))
      report.edited.push({ from: row.code, to: task.id, before: row.title, after: task.title });
    else if (row.code !== task.id) report.renumbered.push({ from: row.code, to: task.id });
    else report.kept++;
  };

  for (const m of [...matching.matches].sort((a, b) => a.old - b.old)) give(m.old, m.new);
  for (const m of matching.uncertain) {
    const { row } = matchable[m.old]!;
    const task = plan.tasks[m.new]!;
    const key = row.code || `@${row.sheetRow}`;
    const decided = options.decisions?.[key];
    const accepted = decided !== undefined ? decided === task.id : !!options.acceptUncertain;
    report.uncertain.push({
      key,
      from: row.code,
      to: task.id,
      before: row.title,
      after: task.title,
      score: Math.round(m.score * 100) / 100,
      accepted,
    });
    if (accepted) give(m.old, m.new);
  }

  // What is left of the tracker.
  const removed: TrackedRow[] = [];
  const typed: { row: TrackedRow; id: string }[] = [];
  let nextTyped =
    Math.max(
      0,
      ...rows.filter((r) => isTypedTaskId(r.row.code)).map((r) => Number(r.row.code.slice(1))),
    ) + 1;
  const left = rows.filter((r) => {
    const i = matchable.indexOf(r);
    return i < 0 || !pairedOld.has(i);
  });
  for (const { row, origin } of left) {
    if (origin === 'removed') removed.push(row);
    else if (origin === 'typed') {
      if (row.title === '' && !hasEntries(row.entries)) continue;
      const id = isTypedTaskId(row.code) ? row.code.trim() : `+${nextTyped++}`;
      typed.push({ row, id });
      report.typed.push({ title: row.title, to: id, joined: false });
    } else {
      const keep = hasEntries(row.entries);
      report.removed.push({ code: row.code, title: row.title, kept: keep });
      if (keep) removed.push({ ...row, removedOn: options.today });
    }
  }
  plan.tasks.forEach((task, j) => {
    if (!pairedNew.has(j)) report.added.push(task.id);
  });

  const typedTasks: TypedTask[] = typed.map(({ row, id }) => ({
    id,
    section: row.section || null,
    stt: row.stt,
    title: row.title,
    lead: row.lead,
    support: row.support,
    time: row.time,
    product: row.product,
  }));
  for (const { row, id } of typed) {
    taskAtRow[row.sheetRow] = id;
    if (hasEntries(row.entries)) entered[id] = row.entries;
  }
  const newPlan = withTypedTasks(plan, typedTasks, { beforeInclusive: options.beforeInclusive });

  // Occurrences: their task's old Mã → its new id, then the same period.
  const newIdOf = new Map<string, string>();
  const codeAtRow = new Map(tracker.rows.map((r) => [r.sheetRow, r.code]));
  for (const [sheetRow, id] of Object.entries(taskAtRow)) {
    const old = codeAtRow.get(Number(sheetRow));
    if (old) newIdOf.set(old, id);
  }
  for (const { row, id } of typed) if (row.code) newIdOf.set(row.code, id);
  const years = planYears(newPlan.document);
  let horizon = options.horizon ?? null;
  for (const row of occurrenceRows) {
    const year = Number(splitOccurrenceCode(row.code)!.period.slice(0, 4));
    if (hasEntries(row.entries) && (horizon === null || year > horizon)) horizon = year;
  }
  const tasksById = new Map(newPlan.tasks.map((t) => [t.id, t]));
  const periodsOf = new Map<string, Set<string>>();
  const periods = (task: PlanTask): Set<string> => {
    let set = periodsOf.get(task.id);
    if (!set) {
      set = new Set(taskOccurrences(task, years, horizon).map((o) => o.period));
      periodsOf.set(task.id, set);
    }
    return set;
  };
  for (const row of occurrenceRows) {
    const { task: oldTask, period } = splitOccurrenceCode(row.code)!;
    const id = newIdOf.get(oldTask);
    const task = id !== undefined ? tasksById.get(id) : undefined;
    if (task && periods(task).has(period)) {
      const code = occurrenceCode(task.id, period);
      taskAtRow[row.sheetRow] = code;
      if (hasEntries(row.entries)) {
        entered[code] = mergeEntries(entered[code], row.entries);
        report.carried++;
      }
    } else if (hasEntries(row.entries)) {
      report.removed.push({ code: row.code, title: row.title, kept: true });
      removed.push({ ...row, removedOn: options.today });
    }
  }
  for (const row of removedOccurrences) {
    const { task: oldTask, period } = splitOccurrenceCode(row.code)!;
    const id = newIdOf.get(oldTask);
    const task = id !== undefined ? tasksById.get(id) : undefined;
    const code = task ? occurrenceCode(task.id, period) : null;
    if (task && code && periods(task).has(period) && !entered[code]) {
      entered[code] = row.entries;
      report.restored.push({ code: row.code, to: code });
    } else removed.push(row);
  }

  // A task tracked on one row before it was split into periods: what was typed on that row
  // (state, progress, dates) is kept in words on its heading's note, for a person to enter per
  // period; notes, fills and added columns stay on the heading.
  const language = tracker.language;
  for (const [id, entries] of Object.entries(entered)) {
    const task = tasksById.get(id);
    if (!task || splitOccurrenceCode(id) || periods(task).size === 0) continue;
    const words = singleRowWords(entries, language);
    if (!words) continue;
    const rest: Entries = { ...entries, note: [entries.note, words].filter(Boolean).join('\n') };
    for (const key of ['state', 'progress', 'completed', 'extendedTo', 'extensionBasis'] as const)
      delete rest[key];
    entered[id] = rest;
    report.warnings.push({
      vi: `Nhiệm vụ ${id} nay được theo dõi theo từng kỳ: những gì đã nhập cho cả nhiệm vụ (${words}) được ghi vào Ghi chú của dòng nhiệm vụ; hãy nhập lại cho từng kỳ.`,
      en: `Task ${id} is now tracked per period: what was entered for the whole task (${words}) is kept in the Notes of its row; enter it again for each period.`,
    });
  }
  return {
    plan: newPlan,
    entered,
    extraColumns: tracker.taskList?.extraColumns ?? [],
    removed,
    moved: { headers: tracker.taskList?.headers ?? [], taskAtRow },
    horizon,
    report,
  };
}

/** What was typed on a task's one row, in words; "" when nothing but a note or columns. */
function singleRowWords(entries: Entries, language: Language): string {
  const words = labelsFor(language).words;
  const notStarted = (['vi', 'en'] as const).map((l) =>
    labelsFor(l).states['not-started'].toLowerCase(),
  );
  const parts: string[] = [];
  if (entries.state && !notStarted.includes(entries.state.trim().toLowerCase()))
    parts.push(`${words.state}: ${entries.state}`);
  if (entries.progress !== undefined) parts.push(`${words.progress}: ${entries.progress}`);
  if (entries.completed) parts.push(`${words.completed}: ${viDate(entries.completed)}`);
  if (entries.extendedTo) parts.push(`${words.extendedTo}: ${viDate(entries.extendedTo)}`);
  if (entries.extensionBasis) parts.push(`${words.extensionBasis}: ${entries.extensionBasis}`);
  return parts.join('; ');
}

function sameTitleText(a: string, b: string): boolean {
  const fold = (t: string): string => t.normalize('NFC').replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
}

/** Two rows for one task (a row typed by a person that is now a plan task): the first wins. */
function mergeEntries(into: Entries | undefined, from: Entries): Entries {
  if (!into) return from;
  return {
    ...from,
    ...into,
    extra: { ...from.extra, ...into.extra },
    notes: { ...from.notes, ...into.notes },
    fills: { ...from.fills, ...into.fills },
  };
}
