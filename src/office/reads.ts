// Reads packed into as few requests as the response limit allows. Excel on the web refuses a
// response over 5 MB; each read job estimates its response, jobs are packed under a budget, and
// a request Excel refuses anyway (an estimate too low: very long texts) is split in two and sent
// again — reads change nothing, so sending them again is safe.

import type { XlRequestContext } from '../render/office/excel-api';

/**
 * Estimated bytes of response per request. Excel's limit is 5 MB; the estimates run about a
 * quarter above what Excel sends (measured on the double: 3.8 MB estimated, 3.0 MB sent for a
 * 3,000-task list), so this keeps a margin of about 1.8 MB.
 */
export const READ_BUDGET = 4_200_000;

export interface ReadJob {
  /** Estimated response bytes. */
  bytes: number;
  /** Queues the loads; the returned function takes the results after the sync. */
  queue(ctx: XlRequestContext): () => void;
  /** Two halves of the job (fewer rows each), or null when it cannot be split. */
  split?(): [ReadJob, ReadJob] | null;
}

/** Excel's code for a response over its limit. */
function tooLarge(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; debugInfo?: { code?: unknown } };
  return (
    e.code === 'ResponsePayloadSizeLimitExceeded' ||
    e.debugInfo?.code === 'ResponsePayloadSizeLimitExceeded'
  );
}

/** Packs jobs, in order, into requests of at most `budget` estimated bytes. */
export function packReads(jobs: ReadJob[], budget: number): ReadJob[][] {
  const out: ReadJob[][] = [];
  let current: ReadJob[] = [];
  let size = 0;
  for (const job of jobs) {
    if (current.length > 0 && size + job.bytes > budget) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(job);
    size += job.bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Runs every job; returns the number of requests it took. With every estimate under the
 * budget, the jobs take `packReads(jobs).length` requests: one for an ordinary tracker.
 */
export async function runReads(
  ctx: XlRequestContext,
  jobs: ReadJob[],
  budget = READ_BUDGET,
): Promise<number> {
  let requests = 0;
  const send = async (batch: ReadJob[], depth: number): Promise<void> => {
    const take = batch.map((job) => job.queue(ctx));
    requests++;
    try {
      await ctx.sync();
    } catch (error) {
      if (!tooLarge(error) || depth > 12) throw error;
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await send(batch.slice(0, half), depth + 1);
        await send(batch.slice(half), depth + 1);
        return;
      }
      const halves = batch[0]!.split?.();
      if (!halves) throw error;
      await send([halves[0]], depth + 1);
      await send([halves[1]], depth + 1);
      return;
    }
    for (const t of take) t();
  };
  for (const batch of packReads(jobs, budget)) await send(batch, 0);
  return requests;
}
