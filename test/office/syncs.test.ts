// The sync-count proof and the request-size limit. A build whose writes fit one request takes
//   first build  2 syncs: survey, write-and-swap;
//   rebuild      5 syncs: survey, locate, read, write-and-swap, clean-up;
// whatever its number of tasks and units (target: at most 6). Only size adds syncs, and this
// proof counts them explicitly: Excel on the web refuses a request or a response over 5 MB, so
// writes over one request's budget (3.5 MB) take one more write request per 3.5 MB, and a read
// over one response's budget (about 4 MB) one more read — no request more than the size needs.
// 300 tasks / 15 units fit one request; 3,000 tasks / 150 units (the recurring fifth of them
// over four quarters: 5,400 rows) take several, none over 4 MB.

import { layoutWorkbook } from '../../src/layout';
import { buildWorkbook, type BuildReport } from '../../src/office/rebuild';
import {
  DEFAULT_BUDGET,
  partition,
  planWrites,
  REQUEST_LIMIT,
  WRITE_REQUESTS,
  type WriteOp,
} from '../../src/render/office';
import { ExcelDouble } from '../excel-double';
import { syntheticPlan } from './helpers';
import { master, type } from './workbook';

const OPTIONS = { reportDate: '2024-06-01' };

/** Syncs of a build whose writes and reads each fit one request. */
const FIRST_BUILD = 2;
const REBUILD = 5;

interface Builds {
  first: number;
  rebuild: number;
  /** Write requests of the first build and of the rebuild. */
  writes: [number, number];
  /** Estimated bytes of all writes of the rebuild. */
  written: number;
  /** Read requests of the rebuild (after the survey and the locate request). */
  reads: number;
  response: number;
  max: number;
  /** True when the double measured every write request at or under its estimate (packing). */
  estimatesHold: boolean;
}

async function twoBuilds(tasks: number, units: number): Promise<Builds> {
  const plan = syntheticPlan(tasks, units);
  expect(plan.tasks.length).toBe(tasks);
  expect(plan.units.filter((u) => u.leadCount > 0).length).toBe(units);
  const excel = new ExcelDouble({ requestBytes: REQUEST_LIMIT });
  excel.addSheet('Sheet1');
  const firstReport = await buildWorkbook(excel, { plan, options: OPTIONS });
  const first = excel.stats.syncs;
  const estimated = (report: BuildReport, sent: number[]): boolean =>
    report.requests.every((r, i) => sent[i]! <= r.bytes);
  let estimatesHold = estimated(
    firstReport,
    excel.stats.requests.slice(1).map((r) => r.requestBytes),
  );
  type(excel, plan.tasks[0]!.id, 'Trạng thái', 'Hoàn thành');
  excel.resetStats();
  const report = await buildWorkbook(excel, { plan, options: OPTIONS });
  expect(report.carried).toBe(1);
  const m = master(excel);
  expect(
    excel.state.cell(m.sheet, m.rows.get(plan.tasks[0]!.id)!, m.columns.get('Trạng thái')!)?.value,
  ).toBe('Hoàn thành');
  // After the survey and the locate request: the reads, until the first write.
  const requests = excel.stats.requests;
  const firstWrite = requests.findIndex((r, i) => i >= 2 && r.responseBytes === 0);
  const reads = requests.slice(2, firstWrite);
  estimatesHold &&= estimated(
    report,
    requests.slice(firstWrite, firstWrite + report.requests.length).map((r) => r.requestBytes),
  );
  return {
    first,
    rebuild: excel.stats.syncs,
    writes: [firstReport.requests.length, report.requests.length],
    written: report.requests.reduce((n, r) => n + r.bytes, 0),
    reads: reads.length,
    response: Math.max(...reads.map((r) => r.responseBytes)),
    max: excel.stats.maxRequestBytes,
    estimatesHold,
  };
}

test('2 syncs for a first build and 5 for a rebuild, whatever the size, plus one per request size needs', async () => {
  for (const [tasks, units] of [
    [20, 3],
    [300, 15],
  ] as const) {
    const fits = await twoBuilds(tasks, units);
    expect(fits.writes).toEqual([1, 1]);
    expect(fits.reads).toBe(1);
    expect(fits.first).toBe(FIRST_BUILD);
    expect(fits.rebuild).toBe(REBUILD);
    expect(fits.estimatesHold).toBe(true);
  }
  const large = await twoBuilds(3000, 150);
  // Size alone adds requests: one sync per write request past the first and per read past
  // the first, and no more requests than the budget needs.
  expect(large.first).toBe(FIRST_BUILD + large.writes[0] - 1);
  expect(large.rebuild).toBe(REBUILD + large.writes[1] - 1 + large.reads - 1);
  expect(large.writes[1]).toBeLessThanOrEqual(
    Math.ceil(large.written / (DEFAULT_BUDGET - 200 * 1024)),
  );
  expect(large.writes[1]).toBeGreaterThan(1);
  expect(large.reads).toBe(2);
  expect(large.response).toBeLessThanOrEqual(5 * 1024 * 1024);
  // Requests filled to the 3.5 MB budget may measure a little over their estimate, never over 4 MB.
  expect(large.max).toBeLessThanOrEqual(4 * 1024 * 1024);
}, 600_000);

test('a plan bigger than the requests hold takes more of them, none over the limit', async () => {
  const plan = syntheticPlan(400, 20);
  const limit = 300 * 1024;
  const excel = new ExcelDouble({ requestBytes: limit });
  excel.addSheet('Sheet1');
  const report = await buildWorkbook(excel, { plan, options: OPTIONS, budget: 200 * 1024 });
  expect(report.requests.length).toBeGreaterThan(WRITE_REQUESTS);
  expect(report.requests.every((r) => r.bytes <= 200 * 1024)).toBe(true);
  expect(excel.stats.maxRequestBytes).toBeLessThanOrEqual(limit);
  // Survey, then the write requests, the last one ending with the swap.
  expect(excel.stats.syncs).toBe(1 + report.requests.length);
  expect([...master(excel).rows.keys()].filter((c) => !c.includes('/'))).toHaveLength(400);
}, 120_000);

test('a request over the limit is refused by Excel — which is why the writes are split', async () => {
  const plan = syntheticPlan(400, 20);
  const excel = new ExcelDouble({ requestBytes: 300 * 1024 });
  excel.addSheet('Sheet1');
  const before = excel.snapshot();
  await expect(
    buildWorkbook(excel, { plan, options: OPTIONS, budget: 2_000_000 }),
  ).rejects.toMatchObject({
    restored: true,
  });
  expect(excel.snapshot()).toEqual(before);
}, 120_000);

describe('partition', () => {
  const ops = (sizes: number[]): WriteOp[] =>
    sizes.map((bytes) => ({ bytes, run: () => undefined }));

  test('a fixed number of parts while the plan fits, each under budget', () => {
    const parts = partition(ops(Array(100).fill(1000)), 100_000, 8);
    expect(parts.length).toBe(8);
    expect(parts.flat().length).toBe(100);
    expect(Math.max(...parts.map((p) => p.reduce((n, o) => n + o.bytes, 0)))).toBeLessThanOrEqual(
      100_000,
    );
  });

  test('more parts when it does not, each under budget', () => {
    const parts = partition(ops(Array(1000).fill(1000)), 100_000, 8);
    // As few as the budget allows: ten full requests.
    expect(parts.length).toBe(10);
    for (const p of parts) expect(p.reduce((n, o) => n + o.bytes, 0)).toBeLessThanOrEqual(100_000);
  });

  test('by default, one request for a plan within the budget', () => {
    const parts = partition(ops(Array(99).fill(1000)), 100_000, WRITE_REQUESTS);
    expect(parts.map((p) => p.length)).toEqual([99]);
  });

  test('an operation larger than the budget is a bug, not a silent overflow', () => {
    expect(() => partition(ops([10, 200_000]), 100_000, 8)).toThrow(/exceeds/);
  });
});

test('no single write is larger than a slice', () => {
  const layout = layoutWorkbook(syntheticPlan(400, 20), OPTIONS);
  const plan = planWrites(layout);
  const largest = Math.max(...plan.phases.flatMap((p) => p.ops.map((o) => o.bytes)));
  expect(largest).toBeLessThan(200 * 1024);
});
