// The `phuluc.plan/1` contract, defined once: the TypeScript types in ./types are inferred from
// these schemas, `phuluc build` checks a plan given as JSON against `planSchema`, and
// docs/plan.schema.json is generated from it (`npm run schema`). Extend it, never break it: a
// new field is optional, so plans written before it still pass.
//
// Objects accept fields they do not know (a newer writer may add some); `checkPlanJson` in the
// command line reports them as ignored.

import { z } from 'zod';
import { COLUMN_ROLES, PLAN_SCHEMA, TIME_KINDS } from './types';

/** An ISO date `YYYY-MM-DD` that exists on the calendar (no 2024-02-30). */
export const isoDateSchema = z.iso.date().describe('ISO date YYYY-MM-DD');

/** A 1-based line of a text source, or a row of a sheet. */
const sourceRow = z.int().min(1);

/** A 0-based column index; Excel has 16,384 columns. */
const columnIndex = z.int().min(0).max(16383);

export const columnRoleSchema = z.enum(COLUMN_ROLES);

export const tableKindSchema = z.enum(['tasks', 'report-form', 'other']);

export const timeKindSchema = z.enum(TIME_KINDS);

export const recurrenceSchema = z.enum(['monthly', 'quarterly', 'half-yearly', 'yearly']);

export const severitySchema = z.enum(['error', 'warning', 'info']);

export const planDocumentSchema = z.object({
  number: z.string().nullable().describe('e.g. 15/KH-UBND; null when the document does not say'),
  type: z.string().nullable().describe('e.g. KẾ HOẠCH, QUYẾT ĐỊNH'),
  place: z.string().nullable(),
  date: isoDateSchema.nullable().describe('Issue date'),
  title: z.string().nullable(),
  year: z
    .int()
    .min(1)
    .max(9999)
    .nullable()
    .describe('The plan\'s year: from the title ("năm 2024"), else the issue date'),
});

export const planTableSchema = z.object({
  kind: tableKindSchema,
  title: z.string().nullable().describe('The caption above the table (e.g. "Phụ lục I — …")'),
  columns: z
    .partialRecord(columnRoleSchema, columnIndex)
    .describe('Role → 0-based column index; only roles present in the table are listed'),
  extraColumns: z
    .record(z.string(), columnIndex)
    .describe('Columns with no known role, by header text → 0-based column index'),
  headers: z
    .array(z.string())
    .describe('Header text of every column, in order (grouped headers joined with " / ")'),
  firstRow: sourceRow.describe(
    "1-based source line (or sheet row) of the table's first header row",
  ),
  lastRow: sourceRow.describe("1-based source line (or sheet row) of the table's last row"),
});

export const planSectionSchema = z.object({
  id: z
    .string()
    .describe('The labels from the outermost level, joined by ".": "I", "A.II", "II.3"'),
  title: z.string(),
  parent: z.string().optional().describe("The enclosing section's id, when sections nest"),
  level: z
    .enum(['part', 'section', 'group'])
    .optional()
    .describe('Only for nested levels: part (A, B), group (1., 2.)'),
});

export const timePartSchema = z.object({
  text: z.string().describe("The text of one sub-group's time, when a cell holds several"),
  kind: timeKindSchema.nullable(),
  start: isoDateSchema.nullable(),
  due: isoDateSchema.nullable(),
  recurrence: recurrenceSchema.nullable(),
});

export const timeOccurrenceSchema = z
  .object({
    period: z
      .string()
      .regex(/^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/)
      .describe('YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM'),
    label: z.string().describe('"Quý I/2019", "6 tháng đầu năm 2019", "Tháng 03/2019", "Năm 2019"'),
    start: isoDateSchema,
    due: isoDateSchema,
  })
  .describe('One period of a recurring task: its own deadline, tracked on its own row');

export const taskTimeSchema = z.object({
  text: z.string().describe('The time as written; two-column layouts give "start – due"'),
  kind: timeKindSchema.nullable(),
  start: isoDateSchema.nullable(),
  due: isoDateSchema.nullable(),
  recurrence: recurrenceSchema.nullable(),
  startText: z.string().optional().describe('Two-column layouts: the start cell, as written'),
  dueText: z.string().optional().describe('Two-column layouts: the due cell, as written'),
  parts: z
    .array(timePartSchema)
    .optional()
    .describe('Several times in one cell: every part; due is the earliest'),
  occurrences: z
    .array(timeOccurrenceSchema)
    .optional()
    .describe("Recurring tasks: one entry per period inside the plan's years"),
});

export const planTaskSchema = z.object({
  id: z
    .string()
    .min(1)
    .describe('Stable id, unique in the plan: <section>.<stt> in sectioned tables, else the STT'),
  section: z.string().nullable(),
  stt: z.string(),
  title: z.string(),
  lead: z.array(z.string()),
  support: z.array(z.string()),
  time: taskTimeSchema,
  product: z.string(),
  note: z.string().optional(),
  extra: z
    .record(z.string(), z.string())
    .optional()
    .describe('Extra columns (e.g. "Cấp trình", "Căn cứ") by header text'),
  rows: z
    .array(sourceRow)
    .describe('1-based source lines (text) or sheet rows (Excel) the task came from'),
  parent: z.string().optional().describe('The id of the task this is a sub-task of'),
});

export const planUnitSchema = z.object({
  name: z.string(),
  group: z.boolean(),
  aliases: z.array(z.string()),
  leadCount: z.int().min(0),
  supportCount: z.int().min(0),
  members: z
    .array(z.string())
    .optional()
    .describe('Members of a group, when a directory supplied them'),
});

/** A finding's parameters: what its message is built from. */
export const findingParamSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
  z.array(z.number()),
]);

export const findingSchema = z.object({
  code: z.string().describe('What kind of finding, e.g. lead-missing'),
  params: z
    .record(z.string(), findingParamSchema)
    .optional()
    .describe("The values the finding's message is built from"),
  severity: severitySchema,
  task: z.string().nullable().describe('The task id, or null for findings about the whole plan'),
  message: z.string(),
  messageEn: z.string().optional(),
  rows: z.array(sourceRow),
  suggestion: z.string().optional().describe('A suggested fix, in words (Vietnamese)'),
  suggestionEn: z.string().optional(),
  field: z
    .enum(['stt', 'title', 'lead', 'support', 'time', 'product'])
    .optional()
    .describe('Which field the finding is about, when it is about one'),
});

export const planSchema = z
  .object({
    schema: z.literal(PLAN_SCHEMA),
    document: planDocumentSchema,
    tables: z.array(planTableSchema),
    sections: z.array(planSectionSchema),
    tasks: z.array(planTaskSchema),
    units: z.array(planUnitSchema),
    findings: z.array(findingSchema),
  })
  .superRefine((plan, context) => {
    const seen = new Set<string>();
    plan.tasks.forEach((task, index) => {
      if (seen.has(task.id))
        context.addIssue({
          code: 'custom',
          path: ['tasks', index, 'id'],
          message: 'duplicate task id',
          params: { duplicateId: task.id },
        });
      seen.add(task.id);
    });
  })
  .meta({
    title: PLAN_SCHEMA,
    description:
      'A plan read from an appendix by PhuLuc (phuluc parse --json); phuluc build accepts it as input. Task ids are unique in a plan.',
  });

/** Where the published JSON Schema of the contract lives, from the project's root. */
export const PLAN_JSON_SCHEMA_FILE = 'docs/plan.schema.json';

/**
 * The contract as a JSON Schema (draft 2020-12), for outside tools: what `npm run schema` writes
 * to docs/plan.schema.json. It describes the JSON a plan is read from, so objects leave room
 * for fields a newer writer adds. One rule it cannot say: task ids are unique in a plan.
 */
export function planJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(planSchema, { target: 'draft-2020-12', io: 'input' });
}
