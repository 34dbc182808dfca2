// The Office.js writer against the Excel double: context.sync() calls, request sizes and time
// for 100, 1,000 and 10,000 tasks (the same synthetic plans as scripts/bench/run.ts), for a
// first build and for a rebuild that carries entered values over.
//
//   npx tsc -p tsconfig.bench.json && node dist/bench/scripts/bench/office.js [counts…] [--array]
//
// Not a test: it prints figures. "time" is PhuLuc's own work (layout, planning, carrying) plus
// the double's bookkeeping; Excel's own time per request and the network are not in it (on the
// web, each sync is a round trip of roughly 0.2–1 s).

import { layoutWorkbook } from '../../src/layout';
import { buildWorkbook, type BuildReport } from '../../src/office/rebuild';
import { REQUEST_LIMIT } from '../../src/render/office';
import { ExcelDouble } from '../../test/excel-double';
import { syntheticPlan } from './generate';

const OPTIONS = {
  reportDate: '2024-06-30',
  dueSoonDays: 7,
  language: 'vi' as const,
  groupSheets: false,
};

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const secs = (ms: number): string =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;

interface Row {
  build: string;
  syncs: number;
  requests: number;
  total: number;
  max: number;
  ms: number;
}

async function measure(
  excel: ExcelDouble,
  run: () => Promise<BuildReport>,
  build: string,
): Promise<Row> {
  excel.resetStats();
  const start = process.hrtime.bigint();
  const report = await run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return {
    build,
    syncs: excel.stats.syncs,
    requests: report.requests.length,
    total: excel.stats.totalRequestBytes,
    max: excel.stats.maxRequestBytes,
    ms,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fill = args.includes('--array') ? ('array' as const) : ('scalar' as const);
  const sizes = args.map(Number).filter((n) => n > 0);
  const counts = sizes.length > 0 ? sizes : [100, 1000, 10000];
  console.log(
    `PhuLuc Office.js bench (Excel double, request limit ${mb(REQUEST_LIMIT)}, fill: ${fill}) — Node ${process.version}`,
  );
  console.log(
    'tasks   units  sheets  build     syncs  write requests  request bytes (total)  largest request  time',
  );
  for (const count of counts) {
    const plan = syntheticPlan(count);
    const sheets = layoutWorkbook(plan, OPTIONS).sheets.length;
    const excel = new ExcelDouble({ requestBytes: REQUEST_LIMIT, responseBytes: 5 * 1024 * 1024 });
    excel.addSheet('Sheet1');
    const rows = [
      await measure(excel, () => buildWorkbook(excel, { plan, options: OPTIONS, fill }), 'first'),
      await measure(excel, () => buildWorkbook(excel, { plan, options: OPTIONS, fill }), 'rebuild'),
    ];
    for (const r of rows) {
      console.log(
        [
          String(count).padEnd(7),
          String(plan.units.length).padEnd(6),
          String(sheets).padEnd(7),
          r.build.padEnd(9),
          String(r.syncs).padEnd(6),
          String(r.requests).padEnd(15),
          mb(r.total).padEnd(22),
          mb(r.max).padEnd(16),
          secs(r.ms),
        ].join(' '),
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
