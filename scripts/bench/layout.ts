// The layout alone: its time on the bench's synthetic plan, and a fingerprint of its output to
// prove a speed-up changed nothing. Not a test.
//
//   npm run bench:layout -- time [counts…]   best of 3 (CPU) of layoutWorkbook per task count,
//                                             after one run
//   npm run bench:layout -- hashes [file]    one hash per case (every seed at three report
//                                             dates and in English and Arial, the bench plan at
//                                             100 and 1,000 tasks); with a file of earlier
//                                             hashes, says which cases differ (exit code 1)
//
// Profile: node --cpu-prof dist/bench/scripts/bench/layout.js time 10000

import { createHash } from 'crypto';
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import { layoutWorkbook, type LayoutOptions } from '../../src/layout';
import { syntheticPlan } from './generate';
import { BENCH_OPTIONS } from './renderers';
import { leastCpu, fmt } from './timing';

const SEED_DIR = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'seeds');

interface LayoutCase {
  name: string;
  plan: () => Plan;
  options: Partial<LayoutOptions>;
}

function cases(): LayoutCase[] {
  const out: LayoutCase[] = [];
  const seeds = readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const file of seeds) {
    const plan = (): Plan => parsePlanText(readFileSync(join(SEED_DIR, file), 'utf8'));
    for (const reportDate of [null, '2019-06-30', '2024-06-30']) {
      out.push({ name: `${file} ${reportDate ?? 'no date'}`, plan, options: { reportDate } });
    }
    out.push({
      name: `${file} en Arial groups`,
      plan,
      options: { reportDate: '2020-03-31', language: 'en', font: 'Arial', groupSheets: true },
    });
  }
  for (const count of [100, 1000]) {
    out.push({ name: `bench ${count}`, plan: () => syntheticPlan(count), options: BENCH_OPTIONS });
  }
  out.push({
    name: 'bench 100 Calibri groups',
    plan: () => syntheticPlan(100),
    options: { ...BENCH_OPTIONS, font: 'Calibri', groupSheets: true },
  });
  return out;
}

function hashes(previousFile: string | undefined): void {
  const now: Record<string, string> = {};
  for (const layoutCase of cases()) {
    const layout = layoutWorkbook(layoutCase.plan(), layoutCase.options);
    now[layoutCase.name] = createHash('sha256').update(JSON.stringify(layout)).digest('hex');
  }
  if (!previousFile) {
    console.log(JSON.stringify(now, null, 2));
    return;
  }
  const before = JSON.parse(readFileSync(previousFile, 'utf8')) as Record<string, string>;
  const differing = Object.keys(now).filter((name) => before[name] !== now[name]);
  const missing = Object.keys(before).filter((name) => !(name in now));
  for (const name of differing) console.log(`differs: ${name}`);
  for (const name of missing) console.log(`missing: ${name}`);
  console.log(`${Object.keys(now).length - differing.length} of ${Object.keys(now).length} same`);
  if (differing.length + missing.length > 0) process.exitCode = 1;
  writeFileSync(`${previousFile}.now`, JSON.stringify(now, null, 2));
}

async function times(counts: number[]): Promise<void> {
  for (const count of counts) {
    const plan = syntheticPlan(count);
    // One run first, as `npm run bench` lays the plan out once before it times anything.
    layoutWorkbook(plan, BENCH_OPTIONS);
    const timing = await leastCpu(3, async () => layoutWorkbook(plan, BENCH_OPTIONS));
    console.log(`layout, ${count} tasks: ${fmt(timing.cpu)} CPU (${fmt(timing.wall)} wall)`);
  }
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === 'hashes') hashes(rest[0]);
  else {
    const counts = rest.map(Number).filter((n) => n > 0);
    await times(counts.length > 0 ? counts : [1000, 10000]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
