// The validation rules, one per file, in the order their findings are listed: the plan's
// tables, then each task (blank cells, time, units, cut and long cells), then the numbering
// and repeated tasks across the plan.
import { cellCut } from './cell-cut';
import { cellTooLong } from './cell-too-long';
import { dueBeforeIssue } from './due-before-issue';
import { dueBeforeStart } from './due-before-start';
import { dueOutsidePlan } from './due-outside-plan';
import { leadIsSupport } from './lead-is-support';
import { leadMissing } from './lead-missing';
import { lostMerge } from './lost-merge';
import { noTaskTable } from './no-task-table';
import { sttNumbering } from './stt-numbering';
import { taskDuplicate } from './task-duplicate';
import { taskEmpty } from './task-empty';
import { timeMissing } from './time-missing';
import { timeSeveral } from './time-several';
import { timeUnknown } from './time-unknown';
import { timeVague } from './time-vague';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  noTaskTable,
  taskEmpty,
  leadMissing,
  timeMissing,
  lostMerge,
  timeUnknown,
  timeVague,
  dueBeforeStart,
  dueBeforeIssue,
  dueOutsidePlan,
  leadIsSupport,
  cellCut,
  cellTooLong,
  timeSeveral,
  sttNumbering,
  taskDuplicate,
];

export { titleYears } from './due-outside-plan';
export type { PlanBody, PlanRule, Rule, TaskInput, TaskRule, ValidationContext } from './types';
