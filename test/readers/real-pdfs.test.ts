// Real published PDFs of plans, each beside a golden file written by reading it (see
// test/fixtures/pdf/README.md). The PDFs are data fetched from public sources: they live outside
// the repository, in the folder PHULUC_REAL_PDFS names (default: shared/pdf beside the
// repository). Every PDF there with a `<name>.json` golden file must parse with all counts right
// and its due dates and lead units at 95 % or better. Without that folder the test is skipped,
// loudly.

import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { planFromGrid } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import { readPdfGrid } from '../../src/readers/pdf';
import { loadPdfLib } from '../../src/readers/pdf/node';
import type { GoldenPlan } from '../helpers/seeds';

const DIR = process.env.PHULUC_REAL_PDFS ?? join(__dirname, '..', '..', '..', 'shared', 'pdf');
const CASES = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith('.pdf') && existsSync(join(DIR, f.replace(/\.pdf$/, '.json'))))
      .map((f) => f.replace(/\.pdf$/, ''))
      .sort()
  : [];

if (CASES.length === 0) {
  console.warn(
    `\n\n*** No real PDFs with golden files in ${DIR}: the real-PDF tests are SKIPPED. ***\n` +
      '*** See test/fixtures/pdf/README.md (set PHULUC_REAL_PDFS to their folder). ***\n\n',
  );
}

/** Share of golden tasks whose value `of` gives the same in the plan read (by position). */
function agreement(plan: Plan, expected: GoldenPlan, of: (t: Plan['tasks'][number]) => string) {
  const wanted = expected.tasks ?? [];
  if (wanted.length === 0) return 1;
  const same = wanted.filter((t, i) => plan.tasks[i] && of(plan.tasks[i]!) === of(t)).length;
  return same / wanted.length;
}

(CASES.length > 0 ? describe.each(CASES) : describe.skip.each(['none']))('real PDF %s', (name) => {
  let plan: Plan;
  let expected: GoldenPlan;

  beforeAll(async () => {
    expected = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as GoldenPlan;
    const bytes = new Uint8Array(readFileSync(join(DIR, `${name}.pdf`)));
    plan = planFromGrid(await readPdfGrid(bytes, await loadPdfLib()));
  }, 120_000);

  it('has every table, section and task', () => {
    expect(plan.tables.map((t) => t.kind)).toEqual(expected.tables.map((t) => t.kind));
    expect(plan.sections.map((s) => s.id)).toEqual((expected.sections ?? []).map((s) => s.id));
    expect(plan.tasks.map((t) => t.id)).toEqual((expected.tasks ?? []).map((t) => t.id));
  });

  it('reads due dates and lead units at 95 % or better', () => {
    expect(agreement(plan, expected, (t) => String(t.time.due))).toBeGreaterThanOrEqual(0.95);
    expect(agreement(plan, expected, (t) => t.lead.join('; '))).toBeGreaterThanOrEqual(0.95);
  });
});
