// The plan contract's one schema: it accepts every plan the reader makes, and the published
// JSON Schema (docs/plan.schema.json) is what `npm run schema` makes of it today.
import { readFileSync } from 'fs';
import { join } from 'path';
import { parsePlanText } from '../../src/core/plan/parse';
import { PLAN_JSON_SCHEMA_FILE, planJsonSchema, planSchema } from '../../src/core/plan/schema';
import { hostilePlan } from '../helpers/hostile';
import { seedText, SEEDS } from '../helpers/seeds';

const published = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', PLAN_JSON_SCHEMA_FILE), 'utf8')) as Record<
    string,
    unknown
  >;

describe('the plan schema', () => {
  it.each(SEEDS)('accepts the plan of seed %s, as JSON, unchanged', (name) => {
    const json = JSON.parse(JSON.stringify(parsePlanText(seedText(name)))) as unknown;
    const result = planSchema.safeParse(json);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toEqual(json);
  });

  it('accepts a plan of hostile names and values', () => {
    const json = JSON.parse(JSON.stringify(hostilePlan())) as unknown;
    expect(planSchema.safeParse(json).error?.issues ?? []).toEqual([]);
  });
});

describe(PLAN_JSON_SCHEMA_FILE, () => {
  it('is up to date with src/core/plan/schema.ts (run npm run schema)', () => {
    expect(published()).toEqual(planJsonSchema());
  });

  it('is a draft 2020-12 schema of the phuluc.plan/1 object and its required parts', () => {
    const schema = published();
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['title']).toBe('phuluc.plan/1');
    expect(schema['required']).toEqual([
      'schema',
      'document',
      'tables',
      'sections',
      'tasks',
      'units',
      'findings',
    ]);
  });

  it('tells outside tools which dates exist on the calendar', () => {
    const text = readFileSync(join(__dirname, '..', '..', PLAN_JSON_SCHEMA_FILE), 'utf8');
    const patterns = [...text.matchAll(/"format": "date",\s*"pattern": ("(?:[^"\\]|\\.)*")/g)].map(
      (m) => new RegExp(JSON.parse(m[1]!) as string, 'u'),
    );
    expect(patterns.length).toBeGreaterThan(3);
    for (const pattern of patterns) {
      for (const date of ['2024-02-29', '2019-12-31', '2000-02-29'])
        expect([date, pattern.test(date)]).toEqual([date, true]);
      for (const date of ['2019-02-29', '1900-02-29', '2019-04-31', '31/12/2019', '2019-1-5'])
        expect([date, pattern.test(date)]).toEqual([date, false]);
    }
  });
});
