// Tasks people typed into a tracker's task list (rows with no Mã of the plan): a rebuild keeps
// them as tasks of the plan, read like the appendix's own — units split, the time read — so they
// are counted, coloured and listed like the others.

import { readTimeExpression, type TimeContext } from '../time';
import { occurrencesOf, planYears } from '../time/occurrences';
import { buildUnitDirectory, splitUnits, type UnitDirectoryEntry } from '../units';
import type { Plan, PlanTask } from './types';

export interface TypedTask {
  /** The Mã it has or is given ("+1", "+2"…). */
  id: string;
  section: string | null;
  stt: string;
  title: string;
  lead: string;
  support: string;
  time: string;
  product: string;
}

/** The Mã of a task a person typed into the tracker: "+1", "+2"… */
export function isTypedTaskId(id: string): boolean {
  return /^\+\d+$/.test(id.trim());
}

/** The plan with the typed tasks added at its end, its unit directory rebuilt over all tasks. */
export function withTypedTasks(
  plan: Plan,
  typed: TypedTask[],
  options: { beforeInclusive?: boolean; directory?: UnitDirectoryEntry[] } = {},
): Plan {
  if (typed.length === 0) return plan;
  const head = plan.document;
  const ctx: TimeContext = {
    planYear: head.year,
    issueDate: head.date,
    beforeInclusive: options.beforeInclusive ?? false,
  };
  const years = planYears(head);
  const added: PlanTask[] = typed.map((t) => {
    const reading = readTimeExpression(t.time, ctx);
    const occurrences = occurrencesOf(
      { text: t.time, ...reading },
      { years, horizon: years?.last ?? 0 },
    );
    return {
      id: t.id,
      section: t.section,
      stt: t.stt,
      title: t.title,
      lead: splitUnits(t.lead),
      support: splitUnits(t.support),
      time: {
        text: t.time,
        kind: reading.kind,
        start: reading.start,
        due: reading.due,
        recurrence: reading.recurrence,
        ...(reading.parts ? { parts: reading.parts } : {}),
        ...(occurrences.length > 0 ? { occurrences } : {}),
      },
      product: t.product,
      rows: [],
    };
  });
  const tasks = [...plan.tasks, ...added];
  const directory = buildUnitDirectory(tasks, { directory: options.directory });
  return { ...plan, tasks, units: directory.units };
}
