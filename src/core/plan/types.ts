// The `phuluc.plan/1` contract (../docs/architecture.md, docs/plan.schema.json). Tests and
// outside tools read this shape: extend it, never break it. The shape is defined once, in
// ./schema; these types are inferred from it, so they cannot drift from what `build` accepts.
// Only types are imported from ./schema, so code that needs no checking does not load zod.

import type { z } from 'zod';
import type {
  columnRoleSchema,
  findingSchema,
  planDocumentSchema,
  planSchema,
  planSectionSchema,
  planTableSchema,
  planTaskSchema,
  planUnitSchema,
  recurrenceSchema,
  severitySchema,
  tableKindSchema,
  taskTimeSchema,
  timeKindSchema,
  timeOccurrenceSchema,
  timePartSchema,
} from './schema';

export const PLAN_SCHEMA = 'phuluc.plan/1';

/** What a table's column holds; the schema's list, for code that must not load zod. */
export const COLUMN_ROLES = [
  'stt',
  'task',
  'lead',
  'support',
  'time',
  'start',
  'due',
  'product',
  'note',
] as const;

/** The kinds of time a task's time cell can say; the schema's list, without zod. */
export const TIME_KINDS = [
  'date',
  'period',
  'range',
  'recurring',
  'continuous',
  'conditional',
  'relative',
  'vague',
  'none',
] as const;

/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;

export type ColumnRole = z.infer<typeof columnRoleSchema>;
export type TableKind = z.infer<typeof tableKindSchema>;
export type TimeKind = z.infer<typeof timeKindSchema>;
export type Recurrence = z.infer<typeof recurrenceSchema>;
export type Severity = z.infer<typeof severitySchema>;

export type PlanDocument = z.infer<typeof planDocumentSchema>;
export type PlanTable = z.infer<typeof planTableSchema>;
export type PlanSection = z.infer<typeof planSectionSchema>;
export type TimePart = z.infer<typeof timePartSchema>;
/** One period of a recurring task: its own deadline, tracked on its own row. */
export type TimeOccurrence = z.infer<typeof timeOccurrenceSchema>;
export type TaskTime = z.infer<typeof taskTimeSchema>;
export type PlanTask = z.infer<typeof planTaskSchema>;
export type PlanUnit = z.infer<typeof planUnitSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type Plan = z.infer<typeof planSchema>;

/** What a finding's message is built from (task ids, texts, numbers, ISO dates). */
export type FindingParams = NonNullable<Finding['params']>;
