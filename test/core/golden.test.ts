// Each seed's plan, field by field, against its golden file (written by reading the seed; see
// test/golden/README.md). A field the golden file leaves out is not compared.
import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan, PlanTask } from '../../src/core/plan/types';
import { golden, SEEDS, seedText } from '../helpers/seeds';

const plans = new Map<string, Plan>();
const planOf = (name: string): Plan => {
  if (!plans.has(name)) plans.set(name, parsePlanText(seedText(name)));
  return plans.get(name)!;
};

/** Only the keys the expected object names. */
function pick<T extends object>(actual: T, expected: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(expected) as (keyof T)[]) out[key] = actual[key];
  return out;
}

describe.each(SEEDS)('seed %s', (name) => {
  const expected = golden(name);

  it('reads the document head', () => {
    expect(planOf(name).document).toEqual(expected.document);
  });

  it('finds every table, of the right kind, with its title, rows and columns', () => {
    const actual = planOf(name).tables;
    expect(actual).toHaveLength(expected.tables.length);
    expected.tables.forEach((table, i) => expect(pick(actual[i]!, table)).toEqual(table));
  });

  it('opens the sections', () => {
    expect(planOf(name).sections).toEqual(expected.sections ?? []);
  });

  it('reads every task: id, STT, text, product, source rows', () => {
    const actual = planOf(name).tasks;
    const wanted = expected.tasks ?? [];
    expect(actual.map((t) => t.id)).toEqual(wanted.map((t) => t.id));
    for (const [i, task] of wanted.entries()) {
      const got = actual[i]!;
      expect({
        id: got.id,
        section: got.section,
        stt: got.stt,
        title: got.title,
        product: got.product,
        rows: got.rows,
      }).toEqual({
        id: task.id,
        section: task.section,
        stt: task.stt,
        title: task.title,
        product: task.product,
        rows: task.rows,
      });
    }
  });

  it('splits lead and coordinating units as a person reads them', () => {
    const actual = planOf(name).tasks;
    for (const [i, task] of (expected.tasks ?? []).entries()) {
      expect({ id: task.id, lead: actual[i]?.lead, support: actual[i]?.support }).toEqual({
        id: task.id,
        lead: task.lead,
        support: task.support,
      });
    }
  });

  it('keeps the time text as written', () => {
    const actual = planOf(name).tasks;
    const textOf = (t: PlanTask | undefined) =>
      t && { text: t.time.text, startText: t.time.startText, dueText: t.time.dueText };
    for (const [i, task] of (expected.tasks ?? []).entries()) {
      expect({ id: task.id, ...textOf(actual[i]) }).toEqual({ id: task.id, ...textOf(task) });
    }
  });

  it('derives the dates of every deadline', () => {
    const actual = planOf(name).tasks;
    for (const [i, task] of (expected.tasks ?? []).entries()) {
      const { kind, start, due, recurrence } = actual[i]!.time;
      const want = task.time;
      expect({ id: task.id, kind, start, due, recurrence }).toEqual({
        id: task.id,
        kind: want.kind,
        start: want.start,
        due: want.due,
        recurrence: want.recurrence,
      });
      if (want.parts) expect(actual[i]!.time.parts).toEqual(want.parts);
    }
  });

  if (expected.units) {
    it('builds the unit directory', () => {
      expect(planOf(name).units).toEqual(expected.units);
    });
  }

  if (expected.findings) {
    it('raises exactly the reviewed findings', () => {
      const slim = (p: Plan['findings']) =>
        p.map((f) => ({
          code: f.code,
          severity: f.severity,
          task: f.task,
          rows: f.rows,
          field: f.field,
          params: f.params,
        }));
      expect(slim(planOf(name).findings)).toEqual(slim(expected.findings!));
    });
  }
});
