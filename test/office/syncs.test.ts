// The sync-count proof and the request-size limit: a build makes the same number of
// context.sync() calls for 20 tasks / 3 units and 3,000 tasks / 150 units (the recurring
// fifth of them over four quarters: 5,400 rows), and no request goes over 4 MB; a plan that
// outgrows the requests is split into more of them, each under budget. A rebuild adds the
// locate request, the read of the old task list (one response under Excel's 5 MB limit per
// 4 MB or so: two for the large list's 5,400 rows and their fills) and the clean-up.

import { layoutWorkbook } from '../../src/layout';
import { buildWorkbook } from '../../src/office/rebuild';
import {
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

async function twoBuilds(
  tasks: number,
  units: number,
): Promise<{ first: number; rebuild: number; max: number; reads: number; response: number }> {
  const plan = syntheticPlan(tasks, units);
  expect(plan.tasks.length).toBe(tasks);
  expect(plan.units.filter((u) => u.leadCount > 0).length).toBe(units);
  const excel = new ExcelDouble({ requestBytes: REQUEST_LIMIT });
  excel.addSheet('Sheet1');
  await buildWorkbook(excel, { plan, options: OPTIONS });
  const first = excel.stats.syncs;
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
  return {
    first,
    rebuild: excel.stats.syncs,
    max: excel.stats.maxRequestBytes,
    reads: reads.length,
    response: Math.max(...reads.map((r) => r.responseBytes)),
  };
}

test('the same number of syncs for 20 tasks / 3 units and 3,000 tasks / 150 units', async () => {
  const small = await twoBuilds(20, 3);
  const large = await twoBuilds(3000, 150);
  // survey + WRITE_REQUESTS + swap; a rebuild adds locate, the reads (the tracker and people's
  // references, under Excel's response limit) and the clean-up.
  expect(small.first).toBe(1 + WRITE_REQUESTS + 1);
  expect(small.reads).toBe(1);
  expect(small.rebuild).toBe(3 + WRITE_REQUESTS + 2);
  expect(large.first).toBe(small.first);
  expect(large.reads).toBe(2);
  expect(large.rebuild).toBe(small.rebuild + large.reads - 1);
  expect(large.response).toBeLessThanOrEqual(5 * 1024 * 1024);
  expect(large.max).toBeLessThanOrEqual(4 * 1024 * 1024);
}, 300_000);

test('a plan bigger than the requests hold takes more of them, none over the limit', async () => {
  const plan = syntheticPlan(400, 20);
  const limit = 300 * 1024;
  const excel = new ExcelDouble({ requestBytes: limit });
  excel.addSheet('Sheet1');
  const report = await buildWorkbook(excel, { plan, options: OPTIONS, budget: 200 * 1024 });
  expect(report.requests.length).toBeGreaterThan(WRITE_REQUESTS);
  expect(report.requests.every((r) => r.bytes <= 200 * 1024)).toBe(true);
  expect(excel.stats.maxRequestBytes).toBeLessThanOrEqual(limit);
  expect(excel.stats.syncs).toBe(1 + report.requests.length + 1);
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
    expect(parts.length).toBe(Math.ceil(1_000_000 / 99_000));
    for (const p of parts) expect(p.reduce((n, o) => n + o.bytes, 0)).toBeLessThanOrEqual(100_000);
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
