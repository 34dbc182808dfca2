// One dimension's growth, measured in a process of its own: the parse of size n and of 4n, best
// of several runs by CPU time. Run by `npm run bench` (scripts/bench/parse.ts). Alone in its
// process a measurement does not pay for the garbage the benches before it left, which made the
// ratio swing between 4× and 6× from one run of the bench to the next. (Forcing a collection
// before each run is worse: V8 then shrinks its young generation, and a large parse pays for it.)
//
//   node dist/bench/scripts/bench/growth-child.js INDEX RUNS  → "small large" (ms CPU)

import { parsePlanText } from '../../src/core/plan/parse';
import { DIMENSIONS } from './dimensions';

function leastCpu(text: string, runs: number): number {
  parsePlanText(text); // warms the JIT up
  let least = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    parsePlanText(text);
    const used = process.cpuUsage(start);
    least = Math.min(least, (used.user + used.system) / 1000);
  }
  return least;
}

const dimension = DIMENSIONS[Number(process.argv[2])]!;
const runs = Number(process.argv[3] ?? 5);
const small = leastCpu(dimension.appendix(dimension.base), runs);
const large = leastCpu(dimension.appendix(4 * dimension.base), runs);
console.log(`${small} ${large}`);
