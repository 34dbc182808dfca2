// The reader's part of `npm run bench` (issue 15): how long `parsePlanText` takes on synthetic
// appendices of 1,000, 10,000 and 40,000 tasks (scripts/bench/generate.ts), against the time a
// Node process needs to read the same file and split it into cells, and how the time grows
// along each dimension of scripts/bench/dimensions.ts. Each figure is printed next to its target.
//
// Targets are judged on CPU time, which another program on a busy machine inflates far less than
// the wall clock; on a quiet machine the wall clock of a parse is about its CPU time.
//
//   npm run bench -- parse        (the reader's figures only)

import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parsePlanText } from '../../src/core/plan/parse';
import { DIMENSIONS } from './dimensions';
import { syntheticAppendix } from './generate';
import { fmt, leastCpu, time, type Timing } from './timing';

/** Targets of issue 15. */
export const PARSE_TARGETS = {
  /** 10,000 tasks parsed in under 0.3 s. */
  ms10k: 300,
  /** …and within about 3× of a Node process that reads the file and splits it into cells. */
  ofSplit: 3,
  /** Linear: 4× the input takes about 4× the time (a quadratic step would take 16×). */
  growth: 5,
};

const READ = "const text=require('fs').readFileSync(process.argv[1],'utf8');";
/** Splits the text into cells, as the yardstick does. */
const SPLIT = "const cells=text.split('\\n').map((l)=>l.split('\\t'));if(cells.length<0)throw 0;";
/** Parses it with the compiled reader (the module path is the second argument). */
const PARSE = 'require(process.argv[2]).parsePlanText(text);';
const REPORT = 'const u=process.cpuUsage();console.log((u.user+u.system)/1000);';

/** A fresh Node process running `script` on `file`, best of `runs`: wall clock and its CPU time. */
function child(script: string, file: string, runs: number): Timing {
  const parser = require.resolve('../../src/core/plan/parse');
  let min: Timing = { wall: Infinity, cpu: Infinity };
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['-e', READ + script + REPORT, file, parser]);
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`node -e failed: ${String(run.stderr)}`);
    const cpu = Number(String(run.stdout).trim());
    if (cpu < min.cpu) min = { wall, cpu };
  }
  return min;
}

const mark = (ok: boolean): string => (ok ? 'ok' : 'MISSED');
const both = (t: Timing): string => `${fmt(t.cpu)} (${fmt(t.wall)})`;

/**
 * CPU time of parsing a dimension's size and 4× it, best of `runs`, in a process of its own
 * (scripts/bench/growth-child.ts): the growth of one dimension.
 */
function growth(index: number, runs: number): number {
  const script = join(__dirname, 'growth-child.js');
  const run = spawnSync(process.execPath, [script, String(index), String(runs)]);
  if (run.status !== 0) throw new Error(`growth of dimension ${index}: ${String(run.stderr)}`);
  const [small, large] = String(run.stdout).trim().split(' ').map(Number);
  return large! / small!;
}

export async function benchParse(): Promise<void> {
  console.log('\nreader (parsePlanText), synthetic appendices: CPU time (wall clock in brackets)');
  console.log('tasks    text      first run         best of 3         per task   target');
  const dir = mkdtempSync(join(tmpdir(), 'phuluc-bench-parse-'));
  try {
    const times = new Map<number, Timing>();
    let file10k = '';
    for (const count of [1000, 10_000, 40_000]) {
      const text = syntheticAppendix(count);
      const file = join(dir, `appendix-${count}.txt`);
      writeFileSync(file, text);
      if (count === 10_000) file10k = file;
      const first = await time(async () => parsePlanText(text));
      const t = await leastCpu(3, async () => parsePlanText(text));
      times.set(count, t);
      const target =
        count === 10_000
          ? `< ${fmt(PARSE_TARGETS.ms10k)}: ${mark(t.cpu < PARSE_TARGETS.ms10k)}`
          : '';
      console.log(
        [
          String(count).padEnd(8),
          `${(text.length / 1e6).toFixed(1)} MB`.padEnd(9),
          both(first).padEnd(17),
          both(t).padEnd(17),
          `${((t.cpu / count) * 1000).toFixed(0)} µs`.padEnd(10),
          target,
        ].join(' '),
      );
    }
    const t10 = times.get(10_000)!;
    const t40 = times.get(40_000)!;
    const ratio = t40.cpu / t10.cpu;
    console.log(
      `40,000 / 10,000 tasks: ${ratio.toFixed(1)}× the time for 4× the text ` +
        `(target ≈ 4×, at most ${PARSE_TARGETS.growth}×): ${mark(ratio <= PARSE_TARGETS.growth)}`,
    );
    const split = child(SPLIT, file10k, 5);
    const ofSplit = t10.cpu / split.cpu;
    console.log(
      `10,000 tasks: a Node process that reads the file and splits it into cells takes ` +
        `${both(split)}; the parse above is ${ofSplit.toFixed(1)}× that ` +
        `(target ≤ ${PARSE_TARGETS.ofSplit}×): ${mark(ofSplit <= PARSE_TARGETS.ofSplit)}`,
    );
    const cold = child(PARSE, file10k, 3);
    console.log(
      `  a fresh Node process that reads the file and parses it (loading the reader, nothing ` +
        `compiled yet): ${both(cold)}, ${(cold.cpu / split.cpu).toFixed(1)}× (no target)`,
    );
    console.log(`growth of the time for 4× the size, CPU (target ≤ ${PARSE_TARGETS.growth}×):`);
    for (const [index, dimension] of DIMENSIONS.entries()) {
      const g = growth(index, 5);
      console.log(
        `  ${dimension.name.padEnd(52)} ${g.toFixed(1)}×  ${mark(g <= PARSE_TARGETS.growth)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
