// The reader's time grows linearly along every dimension of an appendix (issue 15): parsing 4×
// the input takes about 4× the CPU time, never the 16× of a step that compares every pair (the
// unit directory's pairs of names, a search of every task for each guessed row, a carried-on cell
// read again at each row, every item searched for each recurring phrase). The dimensions and their
// sizes are shared with `npm run bench` (scripts/bench/dimensions.ts).
//
// Measured as CPU time, best of three, after a warm-up run: a busy machine slows the wall clock,
// not the work. A ratio over the limit is measured again before the test fails, so one unlucky
// run on a loaded 2-core machine does not fail it, while a quadratic step fails every time.
import { parsePlanText } from '../../src/core/plan/parse';
import { DIMENSIONS, type Dimension } from '../../scripts/bench/dimensions';

/** Linear is 4×; a quadratic step that dominates is 16×. */
const LIMIT = 8;
const ATTEMPTS = 3;

/** CPU milliseconds of this process spent in `run`. */
function cpu(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** CPU time of parsing 4× the base size over that of the base size, best of three each. */
function growth(dimension: Dimension): number {
  const small = dimension.appendix(dimension.base);
  const large = dimension.appendix(4 * dimension.base);
  parsePlanText(small);
  let a = Infinity;
  let b = Infinity;
  for (let run = 0; run < 3; run++) {
    a = Math.min(
      a,
      cpu(() => parsePlanText(small)),
    );
    b = Math.min(
      b,
      cpu(() => parsePlanText(large)),
    );
  }
  return b / a;
}

describe('parsing 4× the input takes about 4× the time', () => {
  it.each(DIMENSIONS.map((d) => [d.name, d] as const))(
    'along %s',
    (_name, dimension) => {
      let ratio = growth(dimension);
      for (let attempt = 1; attempt < ATTEMPTS && ratio > LIMIT; attempt++) {
        ratio = Math.min(ratio, growth(dimension));
      }
      expect(ratio).toBeLessThanOrEqual(LIMIT);
    },
    120_000,
  );
});
