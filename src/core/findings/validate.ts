// Runs the validation rules (`rules/`, one per file) over a plan, and orders the findings.
import type { Finding, PlanTask } from '../plan/types';
import { SEVERITY_ORDER } from './messages';
import { RULES, titleYears, type PlanBody, type TaskRule, type ValidationContext } from './rules';

export { titleYears };
export type { ValidationContext };

/**
 * Everything a careful clerk would flag before the plan is signed or tracked: each rule of the
 * registry in its order, the task rules between two plan rules run task by task.
 */
export function validatePlan(plan: PlanBody, context: ValidationContext): Finding[] {
  const { document: doc } = plan;
  const years = titleYears(doc.title);
  const out: Finding[] = [];
  let taskRules: TaskRule[] = [];
  const runTaskRules = (): void => {
    plan.tasks.forEach((task, i) => {
      const above = i > 0 ? plan.tasks[i - 1]! : null;
      for (const rule of taskRules) out.push(...rule.check({ task, above, plan, context, years }));
    });
    taskRules = [];
  };
  for (const rule of RULES) {
    if (rule.scope === 'task') {
      taskRules.push(rule);
      continue;
    }
    runTaskRules();
    out.push(...rule.check(plan, context));
  }
  runTaskRules();
  return out;
}

/** Plan-level findings first, then by the task's place in the document, then by severity. */
export function sortFindings(findings: Finding[], tasks: PlanTask[]): Finding[] {
  const order = new Map(tasks.map((task, i) => [task.id, i]));
  const place = (item: Finding): number =>
    item.task === null ? -1 : (order.get(item.task) ?? tasks.length);
  return findings
    .map((item, i) => ({ item, i }))
    .sort(
      (first, second) =>
        place(first.item) - place(second.item) ||
        SEVERITY_ORDER[first.item.severity] - SEVERITY_ORDER[second.item.severity] ||
        first.i - second.i,
    )
    .map(({ item }) => item);
}
