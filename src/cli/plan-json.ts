// A plan given to `phuluc build` as JSON (the output of `phuluc parse --json`): it may come from
// anywhere, so it is checked against the one schema of the contract (src/core/plan/schema.ts)
// and every problem is told by its JSON path (`tasks[3].lead`) and what was expected there.

import { extname } from 'path';
import { z } from 'zod';
import { planSchema } from '../core/plan/schema';
import { PLAN_SCHEMA, type Plan } from '../core/plan/types';
import { CliError } from './errors';
import { bothLanguages, cliWords, JSON_VALUE_WORDS as WORDS, type Words } from './messages';

/** Problems named in one error; the rest are counted. */
const PROBLEMS_SHOWN = 3;
/** Ignored fields named in the warning; the rest are counted. */
const IGNORED_SHOWN = 5;

type PathPart = PropertyKey;

/**
 * A JSON document rather than an appendix: a `.json` file, an object naming a schema, or a
 * list (an appendix never starts with "[" and parses as JSON).
 */
export function looksLikePlanJson(text: string, path: string): boolean {
  if (extname(path).toLowerCase() === '.json') return true;
  if (/^\s*\{/.test(text)) return /"schema"\s*:/.test(text.slice(0, 4096));
  if (!/^\s*\[/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** `tasks[3].time.due`, `tasks[0].extra["Cấp trình"]`; the root is empty (said "(gốc)" / "(root)"). */
export function jsonPath(path: readonly PathPart[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(part))) text += `${text ? '.' : ''}${String(part)}`;
    else text += `[${JSON.stringify(String(part))}]`;
  }
  return text;
}

/** The schema of the value at `path`, when the path follows the schema's shape. */
function schemaAt(schema: z.ZodType, path: readonly PathPart[]): z.ZodType | null {
  let here: z.ZodType = schema;
  for (const part of path) {
    here = unwrapped(here);
    if (here instanceof z.ZodObject && typeof part === 'string' && part in here.shape)
      here = here.shape[part] as z.ZodType;
    else if (here instanceof z.ZodArray && typeof part === 'number')
      here = here.element as z.ZodType;
    else if (here instanceof z.ZodRecord) here = here.valueType as z.ZodType;
    else return null;
  }
  return here;
}

function unwrapped(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional || schema instanceof z.ZodNullable
    ? unwrapped(schema.unwrap() as z.ZodType)
    : schema;
}

const joinWords = (parts: Words[], between: Words): Words => ({
  vi: parts.map((p) => p.vi).join(` ${between.vi} `),
  en: parts.map((p) => p.en).join(` ${between.en} `),
});

/** What a schema accepts, in words. */
function expected(schema: z.ZodType): Words {
  if (schema instanceof z.ZodOptional) return expected(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodNullable)
    return joinWords([expected(schema.unwrap() as z.ZodType), WORDS.null], WORDS.either);
  if (schema instanceof z.ZodUnion)
    return joinWords((schema.options as z.ZodType[]).map(expected), WORDS.either);
  if (schema instanceof z.ZodISODate) return WORDS.isoDate;
  if (schema instanceof z.ZodString) {
    const shape = schema.description;
    if (shape && schema.format === 'regex') return WORDS.stringOfForm(shape);
    return (schema.minLength ?? 0) > 0 ? WORDS.nonEmptyString : WORDS.string;
  }
  if (schema instanceof z.ZodNumber) {
    const { minValue, maxValue } = schema;
    const whole = schema.isInt;
    const range =
      minValue !== null && maxValue !== null && maxValue < Number.MAX_SAFE_INTEGER
        ? WORDS.between(minValue, maxValue)
        : minValue !== null && minValue > Number.MIN_SAFE_INTEGER
          ? WORDS.atLeast(minValue)
          : { vi: '', en: '' };
    return whole ? WORDS.wholeNumber(range) : WORDS.number(range);
  }
  if (schema instanceof z.ZodBoolean) return WORDS.boolean;
  if (schema instanceof z.ZodNull) return WORDS.null;
  if (schema instanceof z.ZodLiteral) {
    const value = JSON.stringify(schema.value);
    return { vi: value, en: value };
  }
  if (schema instanceof z.ZodEnum) {
    const values = schema.options.map((o) => JSON.stringify(o)).join(', ');
    return WORDS.oneOf(values);
  }
  if (schema instanceof z.ZodArray) {
    return WORDS.listOf(expected(schema.element as z.ZodType));
  }
  if (schema instanceof z.ZodRecord) return WORDS.record;
  if (schema instanceof z.ZodObject) return WORDS.object;
  return WORDS.other;
}

/** A value met in the JSON, in words. */
function found(value: unknown): Words {
  if (value === undefined) return WORDS.nothing;
  if (value === null) return WORDS.null;
  if (Array.isArray(value)) return WORDS.aList;
  if (typeof value === 'object') return WORDS.anObject;
  if (typeof value === 'number' && !Number.isFinite(value)) return WORDS.tooLarge;
  const text = JSON.stringify(value);
  const shown = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return { vi: shown, en: shown };
}

/** One problem of the plan, by its JSON path. */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): Words {
  const path = jsonPath(issue.path);
  const schema = schemaAt(planSchema, issue.path);
  const want = schema ? expected(schema) : WORDS.other;
  const wrong = (): Words =>
    cliWords('json-value-wrong', { path, expected: want, found: found(issue.input) });
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? cliWords('json-value-missing', { path, expected: want })
        : wrong();
    case 'unrecognized_keys':
      return cliWords('json-names-not-allowed', {
        path,
        names: issue.keys.map((k) => JSON.stringify(k)),
      });
    case 'custom':
      if (issue.params?.['duplicateId'] !== undefined) {
        const id = String(issue.params['duplicateId']);
        const first = findFirstTask(value, id);
        return cliWords('json-duplicate-id', { path, id: JSON.stringify(id), first });
      }
      return cliWords('json-invalid-value', { path });
    default:
      return wrong();
  }
}

function findFirstTask(value: unknown, id: string): number {
  const tasks = (value as { tasks?: { id?: unknown }[] }).tasks ?? [];
  return tasks.findIndex((t) => t.id === id);
}

/** Paths of the fields the schema does not know: the checked value drops them. */
function ignoredFields(input: unknown, checked: unknown, path: PathPart[], out: string[]): void {
  if (Array.isArray(input) && Array.isArray(checked)) {
    input.forEach((item, index) => ignoredFields(item, checked[index], [...path, index], out));
  } else if (isObject(input) && isObject(checked)) {
    for (const key of Object.keys(input)) {
      if (Object.hasOwn(checked, key)) ignoredFields(input[key], checked[key], [...path, key], out);
      else out.push(jsonPath([...path, key]));
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export type PlanJsonCheck =
  { ok: true; plan: Plan; ignored: string[] } | { ok: false; problems: Words[] };

/** A parsed JSON value checked as a `phuluc.plan/1` plan. */
export function checkPlanJson(value: unknown): PlanJsonCheck {
  const result = planSchema.safeParse(value, { reportInput: true });
  if (!result.success)
    return { ok: false, problems: result.error.issues.map((i) => describeIssue(i, value)) };
  const ignored: string[] = [];
  ignoredFields(value, result.data, [], ignored);
  return { ok: true, plan: result.data, ignored };
}

/** Line and column of a JSON syntax error, when the parser gives its position. */
function syntaxErrorPlace(text: string, detail: string): { line: number; column: number } | null {
  const position = /at position (\d+)/.exec(detail);
  const offset = position
    ? Number(position[1])
    : /end of JSON input/.test(detail)
      ? text.length
      : null;
  if (offset === null) return null;
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return { line, column };
}

/** The plan in a JSON text, or a CliError naming the first problems by their JSON paths. */
export function planFromJson(text: string, path: string, warn: (text: string) => void): Plan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError('invalid-json', { path, place: syntaxErrorPlace(text, detail), detail });
  }
  const check = checkPlanJson(value);
  if (!check.ok) {
    const problems = check.problems.slice(0, PROBLEMS_SHOWN);
    throw new CliError('not-a-plan', {
      path,
      schema: PLAN_SCHEMA,
      problems,
      more: check.problems.length - problems.length,
    });
  }
  if (check.ignored.length > 0) {
    const fields = check.ignored.slice(0, IGNORED_SHOWN);
    const more = check.ignored.length - IGNORED_SHOWN;
    warn(`${bothLanguages('ignored-fields', { schema: PLAN_SCHEMA, fields, more })}\n`);
  }
  return check.plan;
}
