// The Office.js door: a WorkbookLayout written into the open workbook. The design is the
// layout's (src/layout); this only turns it into batched Office.js calls:
//
//   planWrites(layout, options)  → four phases of operations (values, formulas, formats, rules)
//   executeWrites(env, phases)   → the phases, in order, packed into as few requests as the size
//                                  budget allows, one context.sync() per request; the caller's
//                                  last operation (the swap) rides in the last request
//
// A plan whose writes fit the budget (about 3.5 MB) is written in one request whatever its
// number of tasks and units; a bigger one takes one more request per 3.5 MB.
// Creating, naming and swapping the sheets is src/office/rebuild.ts's work.

import type { WorkbookLayout } from '../../layout/types';
import { ALL_FEATURES, type Features, type Omission } from './features';
import { partition, type PhaseName, type WriteEnv, type WriteOp, type WritePhase } from './ops';
import { omissionsOf, sheetOps, type SheetWriteOptions } from './sheet';

export type { WriteEnv, WriteOp, WritePhase, PhaseName } from './ops';
export { pack, partition, cost, jsonBytes, ACTION_BYTES } from './ops';
export { needsQuote, textInput } from './cells';
export { widthToPoints, headerSections } from './sheet';

/** No request may exceed 4 MB (Excel on the web refuses 5 MB); the budget leaves a margin. */
export const REQUEST_LIMIT = 4 * 1024 * 1024;
export const DEFAULT_BUDGET = 3_500_000;
/**
 * Fewest write requests per build: one, unless the writes outgrow the budget; then one more per
 * 3.5 MB (Excel on the web refuses a bigger request).
 */
export const WRITE_REQUESTS = 1;
const DEFAULT_SLICE = 128 * 1024;

export interface WriteOptions {
  features?: Features;
  date1904?: boolean;
  fill?: 'scalar' | 'array';
  /** Bytes per request; default 3.5 MB. */
  budget?: number;
  /** Requests the writes are spread over (default WRITE_REQUESTS). */
  requests?: number;
  sliceBytes?: number;
}

export interface WritePlan {
  phases: WritePhase[];
  /** Parts of the layout this Excel cannot write. */
  omitted: Omission[];
  budget: number;
  requests: number;
}

const PHASES: PhaseName[] = ['values', 'formulas', 'formats', 'rules'];

/**
 * Every write of the layout's sheets, by phase. Workbook-level parts (names, document
 * properties, the active sheet) are the caller's: they belong to the swap.
 */
export function planWrites(layout: WorkbookLayout, options: WriteOptions = {}): WritePlan {
  const sheetOptions: SheetWriteOptions = {
    features: options.features ?? ALL_FEATURES,
    date1904: options.date1904 ?? false,
    fill: options.fill ?? 'scalar',
    sliceBytes: options.sliceBytes ?? DEFAULT_SLICE,
  };
  const omitted = new Set<keyof Features>();
  const byPhase: Record<PhaseName, WriteOp[]> = {
    values: [],
    formulas: [],
    formats: [],
    rules: [],
  };
  for (const sheet of layout.sheets) {
    const ops = sheetOps(sheet, layout, sheetOptions, omitted);
    for (const phase of PHASES) byPhase[phase].push(...ops[phase]);
  }
  return {
    phases: PHASES.map((name) => ({ name, ops: byPhase[name] })),
    omitted: omissionsOf(omitted),
    budget: options.budget ?? DEFAULT_BUDGET,
    requests: options.requests ?? WRITE_REQUESTS,
  };
}

/** A request's name: the phase it starts in, or "finish" for the caller's last operation alone. */
export type RequestName = PhaseName | 'finish';

/**
 * The requests of the plan, in order, each named after the phase it starts in. `finish` (the
 * caller's last operation) is packed after every write, so it ends the last request, or starts
 * one of its own when the budget needs another.
 */
export function requestsOf(
  plan: WritePlan,
  finish?: WriteOp,
): { phase: RequestName; ops: WriteOp[] }[] {
  const phaseOf = new Map<WriteOp, RequestName>();
  for (const phase of plan.phases) for (const op of phase.ops) phaseOf.set(op, phase.name);
  const all = plan.phases.flatMap((p) => p.ops);
  if (finish) {
    phaseOf.set(finish, 'finish');
    all.push(finish);
  }
  return partition(all, plan.budget, plan.requests).map((ops) => ({
    phase: phaseOf.get(ops[0]!)!,
    ops,
  }));
}

export interface ExecuteHooks {
  /** Called before each request's operations are queued; `last`: the request ends the build. */
  beforeOps?(env: WriteEnv, index: number, last: boolean): void;
  /** Called before each request is synced (to suspend calculation, screen updates…). */
  beforeSync?(env: WriteEnv): void;
  /** Called after each request has been synced. */
  afterSync?(phase: RequestName, index: number): void;
  /** The caller's last operation, queued after every write (see requestsOf). */
  finish?: WriteOp;
}

/** Queues and syncs every request of the plan. */
export async function executeWrites(
  env: WriteEnv,
  plan: WritePlan,
  hooks: ExecuteHooks = {},
): Promise<number> {
  const requests = requestsOf(plan, hooks.finish);
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i]!;
    hooks.beforeOps?.(env, i, i === requests.length - 1);
    for (const op of request.ops) op.run(env);
    hooks.beforeSync?.(env);
    await env.ctx.sync();
    hooks.afterSync?.(request.phase, i);
  }
  return requests.length;
}
