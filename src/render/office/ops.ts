// Write operations and their cost. An operation queues one or more Office.js calls; its
// `bytes` estimates what they add to the request body, so operations can be packed into
// requests that stay under the size limit (Excel on the web refuses requests over 5 MB).

import type { XlRequestContext, XlWorksheet } from './excel-api';

export interface WriteEnv {
  ctx: XlRequestContext;
  /** The proxy of a sheet being written, by its final name. */
  sheet(name: string): XlWorksheet;
}

export type PhaseName = 'values' | 'formulas' | 'formats' | 'rules';

export interface WriteOp {
  bytes: number;
  run(env: WriteEnv): void;
}

export interface WritePhase {
  name: PhaseName;
  ops: WriteOp[];
}

/**
 * Sizes in Office.js's request JSON (see its serializer, excel-web-16.00.debug.js): an action
 * record ({Id, ActionType, Name, ObjectPathId, ArgumentInfo}) is about 80 bytes plus its
 * arguments; each object path (getRange, format, font…) about 100 more, with an "instantiate"
 * action of about 50. An operation acts on one chain of about three paths. Rounded up: the
 * estimate must stay above the real size.
 */
export const ACTION_BYTES = 90;
export const PATH_BYTES = 150;
export const OP_BYTES = 3 * PATH_BYTES;

const encoder = new TextEncoder();

export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? 'null').length;
}

/** Cost of an operation of `actions` calls on one object chain, with these arguments. */
export function cost(actions: number, ...args: unknown[]): number {
  return OP_BYTES + actions * ACTION_BYTES + args.reduce<number>((n, a) => n + jsonBytes(a), 0);
}

/**
 * Splits operations, in order, into at least `requests` requests, none over `budget`: as few as
 * the budget allows (filled in order, which is the fewest an ordered split can make), or, when
 * that is fewer than `requests`, `requests` requests of about equal size.
 */
export function partition(ops: WriteOp[], budget: number, requests: number): WriteOp[][] {
  if (ops.length === 0) return [];
  const packed = pack(ops, budget);
  const count = Math.min(ops.length, requests);
  if (packed.length >= count) return packed;
  const total = ops.reduce((n, op) => n + op.bytes, 0);
  // Each part ends at the first operation that reaches its share (so it exceeds its share by
  // less than one operation); should one still go over the budget, the packed split is used.
  const share = total / count;
  const out: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let done = 0;
  for (const op of ops) {
    current.push(op);
    done += op.bytes;
    if (done >= share * (out.length + 1) && out.length < count - 1) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  const over = out.some((part) => part.reduce((n, op) => n + op.bytes, 0) > budget);
  return over ? packed : out;
}

/**
 * Packs operations, in order, into requests of at most `budget` bytes each. An operation
 * larger than the budget on its own is an error in the caller (blocks are sliced before).
 */
export function pack(ops: WriteOp[], budget: number): WriteOp[][] {
  const requests: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let size = 0;
  for (const op of ops) {
    if (op.bytes > budget) {
      throw new Error(`a single write of ${op.bytes} bytes exceeds the ${budget}-byte budget`);
    }
    if (current.length > 0 && size + op.bytes > budget) {
      requests.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}
