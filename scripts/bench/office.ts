// The Office.js writer against the Excel double: context.sync() calls, request sizes and time
// for 100, 1,000 and 3,000 tasks (the same synthetic plans as scripts/bench/run.ts), for a
// first build and for a rebuild that carries entered values over. Target: at most 6 syncs, plus
// one per request the size needs past the first (writes over 3.5 MB, reads over about 4 MB).
//
//   npm run bench:office [-- counts…] [--array]     (npm run bench prints the same table)
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
  /** Read requests past the first (a rebuild's large task list). */
  extraReads: number;
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
  // After the survey (and a rebuild's locate request): the reads, until the first write.
  const requests = excel.stats.requests;
  const firstWrite = requests.findIndex((r, i) => i >= 1 && r.responseBytes === 0);
  const reads = build === 'rebuild' ? Math.max(0, firstWrite - 2) : 0;
  return {
    build,
    extraReads: Math.max(0, reads - 1),
    syncs: excel.stats.syncs,
    requests: report.requests.length,
    total: excel.stats.totalRequestBytes,
    max: excel.stats.maxRequestBytes,
    ms,
  };
}

/** Syncs of a build whose writes and reads each fit one request. */
export const SYNC_TARGET = 6;

/** Prints the syncs, requests and time of a first build and a rebuild for each task count. */
export async function benchOffice(
  counts = [100, 1000, 3000],
  fill: 'scalar' | 'array' = 'scalar',
): Promise<void> {
  console.log(
    `PhuLuc Office.js bench (Excel double, request limit ${mb(REQUEST_LIMIT)}, fill: ${fill}) — Node ${process.version}`,
  );
  console.log(
    `tasks   units  sheets  build     syncs (target ≤ ${SYNC_TARGET} + size)  write requests  request bytes (total)  largest request  time`,
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
      // Requests past the first that the size needs: writes, and reads of a rebuild.
      const extra = r.requests - 1 + r.extraReads;
      const target = SYNC_TARGET + extra;
      const verdict = `${r.syncs} (≤ ${SYNC_TARGET}${extra > 0 ? ` + ${extra}` : ''}${r.syncs <= target ? '' : ', over'})`;
      console.log(
        [
          String(count).padEnd(7),
          String(plan.units.length).padEnd(6),
          String(sheets).padEnd(7),
          r.build.padEnd(9),
          verdict.padEnd(28),
          String(r.requests).padEnd(15),
          mb(r.total).padEnd(22),
          mb(r.max).padEnd(16),
          secs(r.ms),
        ].join(' '),
      );
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fill = args.includes('--array') ? ('array' as const) : ('scalar' as const);
  const sizes = args.map(Number).filter((n) => n > 0);
  await benchOffice(sizes.length > 0 ? sizes : undefined, fill);
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
