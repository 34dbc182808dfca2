// The Office.js door: a WorkbookLayout written into the open workbook. The design is the
// layout's (src/layout); this only turns it into batched Office.js calls:
//
//   planWrites(layout, options)  → four phases of operations (values, formulas, formats, rules)
//   executeWrites(env, phases)   → each phase packed into requests under the size budget, one
//                                  context.sync() per request
//
// With every request under budget, a build makes one request per phase whatever the number of
// tasks and units; only a plan whose phase outgrows the budget (about 4 MB) takes more.
// Creating, naming and swapping the sheets is src/office/rebuild.ts's work.

import type { WorkbookLayout } from '../../layout/types';
import { ALL_FEATURES, type Features, type Omission } from './features';
import { partition, type PhaseName, type WriteEnv, type WriteOp, type WritePhase } from './ops';
import { omissionsOf, sheetOps, type SheetWriteOptions } from './sheet';

export type { WriteEnv, WriteOp, WritePhase, PhaseName } from './ops';
export { pack, partition, cost, jsonBytes, ACTION_BYTES } from './ops';
export { needsQuote, textInput, DEFAULT_DATE_FORMAT } from './cells';
export { widthToPoints, headerSections } from './sheet';

/** No request may exceed 4 MB (Excel on the web refuses 5 MB); the budget leaves a margin. */
export const REQUEST_LIMIT = 4 * 1024 * 1024;
export const DEFAULT_BUDGET = 3_500_000;
/**
 * Write requests per build: enough for about 17 MB of writes (a plan of some 3,500 tasks and
 * 150 units) at the budget; a bigger plan takes one more request per 3.5 MB.
 */
export const WRITE_REQUESTS = 8;
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

/** The requests of the plan, in order, each named after the phase it starts in. */
export function requestsOf(plan: WritePlan): { phase: PhaseName; ops: WriteOp[] }[] {
  const phaseOf = new Map<WriteOp, PhaseName>();
  for (const phase of plan.phases) for (const op of phase.ops) phaseOf.set(op, phase.name);
  const all = plan.phases.flatMap((p) => p.ops);
  return partition(all, plan.budget, plan.requests).map((ops) => ({
    phase: phaseOf.get(ops[0]!)!,
    ops,
  }));
}

export interface ExecuteHooks {
  /** Called before each request's operations are queued. */
  beforeOps?(env: WriteEnv, index: number): void;
  /** Called before each request is synced (to suspend calculation, screen updates…). */
  beforeSync?(env: WriteEnv): void;
  /** Called after each request has been synced. */
  afterSync?(phase: PhaseName, index: number): void;
}

/** Queues and syncs every request of the plan. */
export async function executeWrites(
  env: WriteEnv,
  plan: WritePlan,
  hooks: ExecuteHooks = {},
): Promise<number> {
  const requests = requestsOf(plan);
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i]!;
    hooks.beforeOps?.(env, i);
    for (const op of request.ops) op.run(env);
    hooks.beforeSync?.(env);
    await env.ctx.sync();
    hooks.afterSync?.(request.phase, i);
  }
  return requests.length;
}
