// The real corpus (test/fixtures/real/README.md): every table's task count, due dates and leads
// against what a person read in the document. Prints the figures; fails below the target.
import { readFileSync } from 'fs';
import { join } from 'path';
import { parsePlanText } from '../../src/core/plan/parse';

interface Expected {
  tasks: { id: string; due: string | null; lead: string[] }[];
}
interface Entry {
  file: string;
  expected: Expected;
  misses?: { task: string; field: string; reason: string }[];
}

const DIR = join(__dirname, '..', 'fixtures', 'real');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as {
  tables: Entry[];
};

/** Counts over the corpus: tables with the right task count, due dates and leads right. */
function measure(entries: Entry[]): {
  tables: number;
  countsRight: number;
  dues: [number, number];
  leads: [number, number];
  misses: string[];
} {
  let countsRight = 0;
  const dues: [number, number] = [0, 0];
  const leads: [number, number] = [0, 0];
  const misses: string[] = [];
  for (const entry of entries) {
    const plan = parsePlanText(readFileSync(join(DIR, entry.file), 'utf8'));
    const want = entry.expected.tasks;
    if (plan.tasks.length === want.length) countsRight++;
    else
      misses.push(`${entry.file}: ${plan.tasks.length} tasks read, ${want.length} in the document`);
    want.forEach((task, i) => {
      const got = plan.tasks[i];
      dues[1]++;
      leads[1]++;
      if (got && got.time.due === task.due) dues[0]++;
      else
        misses.push(`${entry.file} ${task.id}: due ${got?.time.due ?? '—'}, expected ${task.due}`);
      if (got && JSON.stringify(got.lead) === JSON.stringify(task.lead)) leads[0]++;
      else
        misses.push(
          `${entry.file} ${task.id}: lead ${JSON.stringify(got?.lead)}, expected ${JSON.stringify(task.lead)}`,
        );
    });
  }
  return { tables: entries.length, countsRight, dues, leads, misses };
}

const pct = ([right, all]: [number, number]): number => (all === 0 ? 100 : (100 * right) / all);

describe('the real corpus', () => {
  if (manifest.tables.length === 0) {
    it.skip('has no table yet: see test/fixtures/real/README.md', () => undefined);
    console.warn(
      'real corpus: manifest.json lists no table; the figures of issue 11 are not measured',
    );
    return;
  }
  const figures = measure(manifest.tables);

  it('reads every table: all counts right, ≥ 95 % of due dates and leads', () => {
    console.log(
      [
        `real corpus: ${figures.tables} tables`,
        `task counts right: ${figures.countsRight}/${figures.tables}`,
        `due dates right: ${figures.dues[0]}/${figures.dues[1]} (${pct(figures.dues).toFixed(1)} %)`,
        `leads right: ${figures.leads[0]}/${figures.leads[1]} (${pct(figures.leads).toFixed(1)} %)`,
        ...figures.misses.map((m) => `  miss: ${m}`),
      ].join('\n'),
    );
    expect(figures.countsRight).toBe(figures.tables);
    expect(pct(figures.dues)).toBeGreaterThanOrEqual(95);
    expect(pct(figures.leads)).toBeGreaterThanOrEqual(95);
  });
});
