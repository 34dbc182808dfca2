// The items of work a plan is tracked by: a task without occurrences is one item; a recurring
// task is a heading over its occurrences, each of which is an item (Mã "V.1/2019-Q1"). Counts,
// rates and the overdue list are over items; a heading is never counted.

import type { Plan, PlanTask, TaskTime, TimeOccurrence } from '../plan/types';
import { occurrenceCode, occurrencesOf, planYears, type PlanYears } from '../time/occurrences';

export interface TrackedRowItem {
  /** Mã: the task's id, or the task's id + "/" + the period. */
  code: string;
  task: PlanTask;
  /** "task": a task tracked as one item; "heading": a recurring task's own row; "occurrence". */
  role: 'task' | 'heading' | 'occurrence';
  occurrence?: TimeOccurrence;
  /** The deadline facts the status is computed from. */
  time: Pick<TaskTime, 'due' | 'kind' | 'start'>;
}

export interface ItemOptions {
  /**
   * Open-ended recurring tasks run to the end of this year (null: the plan's last year). The
   * layout gives the later of the plan's last year and the report date's year, or the horizon
   * set in the workbook.
   */
  horizon?: number | null;
}

/** The occurrences of a task in the tracker: from its time, up to the horizon. */
export function taskOccurrences(
  task: PlanTask,
  years: PlanYears | null,
  horizon: number | null,
): TimeOccurrence[] {
  const h = Math.max(horizon ?? 0, years?.last ?? 0);
  const computed = occurrencesOf(task.time, { years, horizon: h });
  // A plan given as JSON may carry its own occurrences (a tool made them): they win when the
  // time alone gives none.
  return computed.length > 0 ? computed : (task.time.occurrences ?? []);
}

/** Every row of the task list in order: tasks, and recurring tasks with their occurrences. */
export function trackedRows(
  plan: Pick<Plan, 'tasks' | 'document'>,
  options: ItemOptions = {},
): TrackedRowItem[] {
  const years = planYears(plan.document);
  const out: TrackedRowItem[] = [];
  for (const task of plan.tasks) {
    const occurrences = taskOccurrences(task, years, options.horizon ?? null);
    if (occurrences.length === 0) {
      out.push({ code: task.id, task, role: 'task', time: task.time });
      continue;
    }
    out.push({ code: task.id, task, role: 'heading', time: task.time });
    for (const o of occurrences) {
      out.push({
        code: occurrenceCode(task.id, o.period),
        task,
        role: 'occurrence',
        occurrence: o,
        time: { due: o.due, start: o.start, kind: 'period' },
      });
    }
  }
  return out;
}

/** The horizon the workbook uses: the later of the plan's last year and the report year. */
export function defaultHorizon(
  plan: Pick<Plan, 'document'>,
  reportYear: number | null,
  stored: number | null = null,
): number | null {
  if (stored !== null) return stored;
  const last = planYears(plan.document)?.last ?? null;
  if (last === null) return reportYear;
  return Math.max(last, reportYear ?? last);
}
