// Reference figures for the leaders' dashboard: what the workbook's formulas must show. Every
// figure counts items of work (core/status/items): a task, or one occurrence of a recurring task.
//
// A row adds up: total = doneOnTime + doneLate + doneUndated + pendingInTime + overdue +
// noDeadline + paused + cancelled. `due`, `dueSoon` (a part of pendingInTime) and `extended`
// are counted beside that split.

import type { IsoDate, Plan } from '../plan/types';
import {
  DONE,
  effectiveDue,
  initialState,
  isDue,
  summaryStatus,
  taskStatus,
  type Entered,
  type StatusCategory,
} from './index';
import { trackedRows, type ItemOptions, type TrackedRowItem } from './items';

export interface UnitRollup {
  unit: string;
  total: number;
  doneOnTime: number;
  doneLate: number;
  /** Done, no completion date, on an item with a deadline: done, not on time. */
  doneUndated: number;
  /** Not done and not overdue: on track or due soon. */
  pendingInTime: number;
  overdue: number;
  /** No deadline, or waiting for a condition. */
  noDeadline: number;
  paused: number;
  cancelled: number;
  /** Items whose deadline (extended, when it is) is on or before the report date, not set aside. */
  due: number;
  /** A part of pendingInTime: due within the due-soon window. */
  dueSoon: number;
  /** Items with a Gia hạn đến. */
  extended: number;
  /** Done among those due, over those due; null when none is due. */
  pctDone: number | null;
  /** Done on time among those due, over those due; null when none is due. */
  pctOnTime: number | null;
}

/** The categories that split Tổng số, in the dashboard's order. */
export const SPLIT = [
  'doneOnTime',
  'doneLate',
  'doneUndated',
  'pendingInTime',
  'overdue',
  'noDeadline',
  'paused',
  'cancelled',
] as const satisfies readonly (keyof UnitRollup)[];

/** Every spelling of a unit → its canonical name. */
export function unitNames(plan: Pick<Plan, 'units'>): Map<string, string> {
  const map = new Map<string, string>();
  for (const unit of plan.units) {
    map.set(unit.name, unit.name);
    for (const alias of unit.aliases) map.set(alias, unit.name);
  }
  return map;
}

export interface TaskStanding {
  /** Mã of the row. */
  id: string;
  role: TrackedRowItem['role'];
  /** The deadline that counts (the extension when there is one). */
  due: IsoDate | null;
  status: StatusCategory;
  extended: boolean;
  row: TrackedRowItem;
}

/**
 * Where every row of the task list stands on the report date: items by their own entries, and a
 * recurring task's heading by its occurrences (summaryStatus). `entered` is keyed by Mã.
 */
export function standings(
  plan: Pick<Plan, 'tasks' | 'document'>,
  reportDate: IsoDate,
  dueSoonDays: number,
  entered: Record<string, Entered> = {},
  options: ItemOptions = {},
): TaskStanding[] {
  const rows = trackedRows(plan, options);
  const out: TaskStanding[] = rows.map((row) => {
    const given = entered[row.code] ?? {};
    const state = given.state ?? initialState(row.task.time);
    const entries: Entered = { ...given, state };
    return {
      id: row.code,
      role: row.role,
      due: row.role === 'heading' ? null : effectiveDue(row.time, entries),
      status:
        row.role === 'heading'
          ? 'no-deadline'
          : taskStatus(row.time, entries, reportDate, dueSoonDays),
      extended: row.role !== 'heading' && !!given.extendedTo,
      row,
    };
  });
  // Headings sum up the occurrences listed under them.
  let heading: TaskStanding | null = null;
  let under: StatusCategory[] = [];
  const close = (): void => {
    if (heading) heading.status = summaryStatus(under) ?? 'no-deadline';
  };
  for (const s of out) {
    if (s.role === 'heading') {
      close();
      heading = s;
      under = [];
    } else if (s.role === 'occurrence') under.push(s.status);
  }
  close();
  return out;
}

/** Only the items (headings left out). */
export function itemStandings(all: TaskStanding[]): TaskStanding[] {
  return all.filter((s) => s.role !== 'heading');
}

export function figures(unit: string, rows: TaskStanding[], reportDate: IsoDate): UnitRollup {
  const count = (...s: StatusCategory[]): number => rows.filter((r) => s.includes(r.status)).length;
  const dueRows = rows.filter((r) => isDue(r.due, r.status, reportDate));
  const due = dueRows.length;
  const doneDue = dueRows.filter((r) => DONE.includes(r.status)).length;
  const onTimeDue = dueRows.filter((r) => r.status === 'done-on-time').length;
  return {
    unit,
    total: rows.length,
    doneOnTime: count('done-on-time'),
    doneLate: count('done-late'),
    doneUndated: count('done-undated'),
    pendingInTime: count('on-track', 'due-soon'),
    overdue: count('overdue'),
    noDeadline: count('no-deadline', 'waiting'),
    paused: count('paused'),
    cancelled: count('cancelled'),
    due,
    dueSoon: count('due-soon'),
    extended: rows.filter((r) => r.extended).length,
    pctDone: due === 0 ? null : doneDue / due,
    pctOnTime: due === 0 ? null : onTimeDue / due,
  };
}

/** The units the dashboard lists: those that lead a task, in directory order, each name once. */
export function leadUnitNames(plan: Pick<Plan, 'units'>): string[] {
  return [...new Set(plan.units.filter((u) => u.leadCount > 0).map((u) => u.name))];
}

/**
 * One row per unit that leads at least one task (an item counts once per unit), in the order
 * of `plan.units`, and a last row for the whole plan (each item once).
 */
export function rollupByUnit(
  plan: Pick<Plan, 'tasks' | 'units' | 'document'>,
  reportDate: IsoDate,
  dueSoonDays: number,
  entered: Record<string, Entered> = {},
  options: ItemOptions = {},
): { units: UnitRollup[]; total: UnitRollup } {
  const all = itemStandings(standings(plan, reportDate, dueSoonDays, entered, options));
  return rollupOf(plan, all, reportDate);
}

/** The roll-up of item standings already computed. */
export function rollupOf(
  plan: Pick<Plan, 'units'>,
  items: TaskStanding[],
  reportDate: IsoDate,
): { units: UnitRollup[]; total: UnitRollup } {
  const names = unitNames(plan);
  // Each unit's items in the order of `items`, found in one pass (not one pass per unit).
  const itemsByLead = new Map<string, TaskStanding[]>();
  for (const item of items) {
    for (const lead of new Set(item.row.task.lead.map((l) => names.get(l) ?? l))) {
      let own = itemsByLead.get(lead);
      if (!own) itemsByLead.set(lead, (own = []));
      own.push(item);
    }
  }
  const units = leadUnitNames(plan).map((unit) =>
    figures(unit, itemsByLead.get(unit) ?? [], reportDate),
  );
  return { units, total: figures('', items, reportDate) };
}
