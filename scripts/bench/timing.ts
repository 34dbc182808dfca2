// Timing for the benches: wall-clock and CPU time of a run, best of several.

export interface Timing {
  /** Wall-clock milliseconds. */
  wall: number;
  /** CPU milliseconds of this process (user + system): less sensitive to a busy machine. */
  cpu: number;
}

export async function time(run: () => Promise<unknown>): Promise<Timing> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  return {
    wall: Number(process.hrtime.bigint() - start) / 1e6,
    cpu: (used.user + used.system) / 1000,
  };
}

/** Best of `runs` (the first run also warms the JIT up). */
export async function best(runs: number, run: () => Promise<unknown>): Promise<Timing> {
  let min: Timing = { wall: Infinity, cpu: Infinity };
  for (let i = 0; i < runs; i++) {
    const t = await time(run);
    if (t.wall < min.wall) min = t;
  }
  return min;
}

/** Best of `runs` by CPU time: the figure a busy machine disturbs least. */
export async function leastCpu(runs: number, run: () => Promise<unknown>): Promise<Timing> {
  let min: Timing = { wall: Infinity, cpu: Infinity };
  for (let i = 0; i < runs; i++) {
    const t = await time(run);
    if (t.cpu < min.cpu) min = t;
  }
  return min;
}

export const fmt = (ms: number): string =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
