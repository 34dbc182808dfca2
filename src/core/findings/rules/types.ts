// What a validation rule is: a function of the plan (or of one task and its neighbour above)
// that returns findings, with the codes it may raise.
import type { Finding, Plan, PlanTask } from '../../plan/types';
import type { Field, FindingCode } from '../messages';

/** The plan as the rules see it: everything but the findings. */
export type PlanBody = Omit<Plan, 'findings'>;

export interface ValidationContext {
  /** Every unit spelling → its canonical name (from the unit directory). */
  aliasToUnit: Map<string, string>;
  /**
   * True when the source knew its merged cells (an Excel sheet, a Word or HTML table, a ruled
   * PDF table): a blank cell is then truly empty, never a lost merge.
   */
  mergesKnown?: boolean;
  /**
   * Cells a person filled "as above" (a merged cell lost in conversion), by source line and
   * field: the row did lose its merges, so a blank beside them is still a likely lost merge.
   */
  mergedAbove?: readonly { line: number; field: Field }[];
}

/** One task to check, with what a rule may compare it with. */
export interface TaskInput {
  task: PlanTask;
  /** The task on the rows above, or null for the first task. */
  above: PlanTask | null;
  plan: PlanBody;
  context: ValidationContext;
  /** The years the plan's title names (`titleYears`), worked out once for every task. */
  years: [number, number] | null;
}

/** A rule about one task at a time. */
export interface TaskRule {
  scope: 'task';
  codes: readonly FindingCode[];
  check(input: TaskInput): Finding[];
}

/** A rule about the whole plan (its tables, the tasks' numbering, repeated tasks). */
export interface PlanRule {
  scope: 'plan';
  codes: readonly FindingCode[];
  check(plan: PlanBody, context: ValidationContext): Finding[];
}

export type Rule = TaskRule | PlanRule;
