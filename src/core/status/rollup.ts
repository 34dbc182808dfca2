// Reference figures for the leaders' dashboard: what the workbook's formulas must show.

import type { IsoDate, Plan } from '../plan/types';
import {
  DONE,
  effectiveDue,
  initialState,
  taskStatus,
  type Entered,
  type StatusCategory,
} from './index';

export interface UnitRollup {
  unit: string;
  total: number;
  /** Tasks whose (current) deadline is on or before the report date. */
  due: number;
  doneOnTime: number;
  doneLate: number;
  /** Not done and not overdue: on track or due soon. */
  pendingInTime: number;
  overdue: number;
  dueSoon: number;
  /** No deadline, or waiting for a condition. */
  noDeadline: number;
  /** Done among those due, over those due; null when none is due. */
  pctDone: number | null;
  /** Done on time among those due, over those due; null when none is due. */
  pctOnTime: number | null;
}

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
  id: string;
  due: IsoDate | null;
  status: StatusCategory;
}

/** Where each task stands on the report date. */
export function standings(
  plan: Pick<Plan, 'tasks'>,
  reportDate: IsoDate,
  dueSoonDays: number,
  entered: Record<string, Entered> = {},
): TaskStanding[] {
  return plan.tasks.map((task) => {
    const given = entered[task.id] ?? {};
    const state = given.state ?? initialState(task.time);
    return {
      id: task.id,
      due: effectiveDue(task.time, reportDate),
      status: taskStatus(task.time, { ...given, state }, reportDate, dueSoonDays),
    };
  });
}

function figures(unit: string, rows: TaskStanding[], reportDate: IsoDate): UnitRollup {
  const count = (...s: StatusCategory[]): number => rows.filter((r) => s.includes(r.status)).length;
  const dueRows = rows.filter((r) => r.due !== null && r.due <= reportDate);
  const due = dueRows.length;
  const doneDue = dueRows.filter((r) => DONE.includes(r.status)).length;
  const onTimeDue = dueRows.filter((r) => r.status === 'done-on-time').length;
  return {
    unit,
    total: rows.length,
    due,
    doneOnTime: count('done-on-time'),
    doneLate: count('done-late'),
    pendingInTime: count('on-track', 'due-soon'),
    overdue: count('overdue'),
    dueSoon: count('due-soon'),
    noDeadline: count('no-deadline', 'waiting'),
    pctDone: due === 0 ? null : doneDue / due,
    pctOnTime: due === 0 ? null : onTimeDue / due,
  };
}

/** The units the dashboard lists: those that lead a task, in directory order, each name once. */
export function leadUnitNames(plan: Pick<Plan, 'units'>): string[] {
  return [...new Set(plan.units.filter((u) => u.leadCount > 0).map((u) => u.name))];
}

/**
 * One row per unit that leads at least one task (a task counts once per unit), in the order of
 * `plan.units`, and a last row for the whole plan (each task once).
 */
export function rollupByUnit(
  plan: Pick<Plan, 'tasks' | 'units'>,
  reportDate: IsoDate,
  dueSoonDays: number,
  entered: Record<string, Entered> = {},
): { units: UnitRollup[]; total: UnitRollup } {
  const all = standings(plan, reportDate, dueSoonDays, entered);
  const names = unitNames(plan);
  const byId = new Map(all.map((s) => [s.id, s]));
  const units = leadUnitNames(plan).map((unit) => {
    const rows = plan.tasks
      .filter((t) => t.lead.some((l) => (names.get(l) ?? l) === unit))
      .map((t) => byId.get(t.id)!);
    return figures(unit, rows, reportDate);
  });
  return { units, total: figures('', all, reportDate) };
}
