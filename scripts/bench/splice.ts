// `npm run bench:splice`: how long a rebuild takes to splice its new sheets into an existing
// tracker (src/render/xlsx/splice.ts) for 100, 1,000 and 10,000 tasks. The old tracker is the
// same plan built for an earlier report date, so every PhuLuc sheet is replaced and every
// style and string is merged. Not a test: it prints figures.

import { cpus, loadavg } from 'os';
import { layoutWorkbook } from '../../src/layout';
import { renderXlsx } from '../../src/render/xlsx';
import { spliceWorkbook } from '../../src/render/xlsx/splice';
import { syntheticPlan } from './generate';
import { BENCH_OPTIONS } from './renderers';
import { best, fmt } from './timing';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const counts = sizes.length > 0 ? sizes : [100, 1000, 10000];
  console.log(`PhuLuc splice bench — Node ${process.version}, ${cpus().length} CPUs`);
  console.log(
    `load average ${loadavg()[0]!.toFixed(1)} (wall-clock time, best run; CPU time in brackets)`,
  );
  console.log(
    'tasks   sheets  old file  new file  result    splice            build (layout + render)',
  );
  for (const count of counts) {
    const plan = syntheticPlan(count);
    const oldLayout = layoutWorkbook(plan, { ...BENCH_OPTIONS, reportDate: '2024-05-31' });
    const old = await renderXlsx(oldLayout);
    const layout = layoutWorkbook(plan, BENCH_OPTIONS);
    const fresh = await renderXlsx(layout);
    const spec = {
      ourSheets: oldLayout.sheets.map((s) => s.name),
      ourNames: [...oldLayout.names.map((n) => n.name), ...oldLayout.sheets.map((s) => s.marker)],
    };
    const runs = count >= 10000 ? 2 : 3;
    let size = 0;
    const splice = await best(runs, async () => {
      size = spliceWorkbook(old, fresh, spec).bytes.length;
    });
    const build = await best(runs, async () => renderXlsx(layoutWorkbook(plan, BENCH_OPTIONS)));
    console.log(
      [
        String(count).padEnd(7),
        String(layout.sheets.length).padEnd(7),
        mb(old.length).padEnd(9),
        mb(fresh.length).padEnd(9),
        mb(size).padEnd(9),
        `${fmt(splice.wall)} (${fmt(splice.cpu)})`.padEnd(17),
        `${fmt(build.wall)} (${fmt(build.cpu)})`,
      ].join(' '),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
