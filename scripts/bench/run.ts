// `npm run bench`: how long the reader takes for 1,000 to 40,000 tasks and how its time grows
// (scripts/bench/parse.ts), how long the workbook takes for 100, 1,000 and 10,000 tasks against
// the same ExcelJS writing the same cell values with no styles, rules or formulas, the Office.js
// writer's syncs for 100, 1,000 and 3,000 tasks (scripts/bench/office.ts), then the time to read
// a 20-page PDF appendix (scripts/bench/pdf.ts). Not a test: it prints figures, each
// next to its target (workbook: 10,000 tasks under 10 s, at most 2× the values-only write).
//
//   npm run bench [-- parse] [counts…]   ("parse": the reader's figures only)

import { cpus, loadavg } from 'os';
import type { Plan } from '../../src/core/plan/types';
import { layoutWorkbook } from '../../src/layout';
import { syntheticPlan } from './generate';
import { benchOffice } from './office';
import { benchPdf } from './pdf';
import { HOSTILE_UNITS, hostileCell, hostileTable } from './hostile';
import { parsePlanText } from '../../src/core/plan/parse';
import { benchParse } from './parse';
import { BENCH_OPTIONS, RENDERERS } from './renderers';
import { best, fmt } from './timing';
import { BUILD_TARGET_RATIO, valuesOnlyWrite } from './values-only';

/** Reading one appendix whose cells are 200 KB of each hostile shape (target: linear, < 1 s). */
async function benchHostileCells(): Promise<void> {
  const size = 200_000;
  const rows: string[] = [];
  let worst = 0;
  for (const unit of HOSTILE_UNITS) {
    const table = hostileTable(hostileCell(unit, size));
    const t = await best(2, async () => parsePlanText(table));
    worst = Math.max(worst, t.wall);
    rows.push(`${JSON.stringify(unit).slice(0, 24).padEnd(26)} ${fmt(t.wall)}`);
  }
  console.log(`reader, one table with 200 KB cells (task, lead, time): worst ${fmt(worst)}`);
  for (const row of rows) console.log(`  ${row}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizes = args.map(Number).filter((n) => n > 0);
  const counts = sizes.length > 0 ? sizes : [100, 1000, 10000];
  console.log(`PhuLuc bench — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  const load = loadavg()[0]!.toFixed(1);
  console.log(
    `${cpus().length} CPUs, load average ${load} (figures: wall-clock time of the best run, CPU time in brackets, unless a table says otherwise)`,
  );
  // `-- parse`: the reader's figures only; `-- build`: the build's only.
  if (!args.includes('build')) {
    await benchHostileCells();
    await benchParse();
  }
  if (args.includes('parse')) return;
  console.log(
    `tasks   units  sheets  renderer                 time              values only       ratio (target ≤ ${BUILD_TARGET_RATIO}×)  of which layout`,
  );
  for (const count of counts) {
    const plan: Plan = syntheticPlan(count);
    const layout = layoutWorkbook(plan, BENCH_OPTIONS);
    const runs = count >= 10000 ? 2 : 3;
    const plain = await best(runs, () => valuesOnlyWrite(layout));
    const layoutOnly = await best(runs, async () => layoutWorkbook(plan, BENCH_OPTIONS));
    for (const renderer of RENDERERS) {
      const ms = await best(runs, () => renderer.run(plan));
      console.log(
        [
          String(count).padEnd(7),
          String(plan.units.length).padEnd(6),
          String(layout.sheets.length).padEnd(7),
          renderer.name.padEnd(24),
          `${fmt(ms.wall)} (${fmt(ms.cpu)})`.padEnd(17),
          `${fmt(plain.wall)} (${fmt(plain.cpu)})`.padEnd(17),
          `${(ms.wall / plain.wall).toFixed(2)}×${ms.wall / plain.wall <= BUILD_TARGET_RATIO ? '' : ' (over)'}`.padEnd(
            20,
          ),
          fmt(layoutOnly.wall),
        ].join(' '),
      );
    }
  }
  if (args.includes('build')) return;
  await benchOffice();
  await benchPdf();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
