// The request context of the Excel double: a queue of actions sent to the workbook on
// `context.sync()`, the way Office.js batches them. Faithful where bugs hide:
//   - a queued action runs only at sync, in order; an error stops the batch there and the
//     actions before it stay applied (Excel batches are not transactions);
//   - a property read before `load` + `sync` throws PropertyNotLoaded;
//   - a request over the payload limit is refused whole (RequestPayloadSizeLimitExceeded);
//   - an API above the host's requirement set fails with ApiNotFound;
//   - faults can be injected at any sync or action.

import type { ExcelDouble } from './index';
import { DoubleError } from './state';

export interface Action {
  /** "Range.values", "WorksheetCollection.add"… */
  label: string;
  /** The ExcelApi requirement set the member needs. */
  set: string;
  /** Bytes of this action in the request body. */
  bytes: number;
  /** Runs the action against the workbook; returns the bytes it adds to the response. */
  run: () => number | void;
  /** True when the action changes the workbook (for undo accounting). */
  mutates: boolean;
  /** The proxy acted on: its object path is sent once per request. */
  owner?: object;
}

export interface RunInfo {
  mergeUndoGroup: boolean;
  mutated: boolean;
}

const encoder = new TextEncoder();
export function byteLength(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/**
 * Sizes of Office.js's request JSON, measured on its serializer (excel-web-16.00.debug.js): an
 * action record ({Id, ActionType, Name, ObjectPathId, ArgumentInfo}) is about 80 bytes plus its
 * arguments; each object path an action uses (getItem, getRange, format, font…, with its
 * "instantiate" action) about 150, sent once per request. A proxy stands for its whole chain.
 */
export const ACTION_OVERHEAD = 80;
export const PATH_BYTES = 300;
/** Fixed per-request overhead. */
export const REQUEST_OVERHEAD = 200;

export class DoubleContext {
  private queue: Action[] = [];

  constructor(
    readonly double: ExcelDouble,
    readonly run: RunInfo,
  ) {}

  enqueue(action: Omit<Action, 'bytes'> & { args?: unknown }): void {
    const bytes = ACTION_OVERHEAD + byteLength(action.args ?? null);
    this.queue.push({ ...action, bytes });
  }

  /** Number of actions waiting for the next sync (for tests of the double). */
  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const d = this.double;
    d.stats.syncs++;
    const syncNo = d.stats.syncs;
    // Office.js sends the request asynchronously: nothing runs before the caller awaits.
    await Promise.resolve();

    const owners = new Set(batch.map((a) => a.owner).filter((o) => o !== undefined));
    const requestBytes =
      REQUEST_OVERHEAD + batch.reduce((n, a) => n + a.bytes, 0) + owners.size * PATH_BYTES;
    const record = { sync: syncNo, actions: batch.length, requestBytes, responseBytes: 0 };
    d.stats.requests.push(record);
    if (d.broken) throw new DoubleError('GeneralException', 'The connection to Excel was lost.');
    if (requestBytes > d.limits.requestBytes) {
      throw new DoubleError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size (${requestBytes} bytes) has exceeded the limit.`,
      );
    }
    const fault = d.takeFault(syncNo);
    let mutated = false;
    try {
      batch.forEach((action, index) => {
        if (fault && (fault.afterActions ?? 0) === index) {
          if (fault.persistent) d.broken = true;
          throw new DoubleError(
            fault.code ?? 'GeneralException',
            `Injected fault at sync ${syncNo}, action ${index} (${action.label}).`,
          );
        }
        if (d.failWhen?.(action.label, syncNo)) {
          throw new DoubleError('GeneralException', `Injected fault on ${action.label}.`);
        }
        if (!d.supports(action.set)) {
          throw new DoubleError(
            'ApiNotFound',
            `The API you are trying to use could not be found (${action.label}, ExcelApi ${action.set}).`,
            action.label,
          );
        }
        const response = action.run();
        if (action.mutates) mutated = true;
        if (typeof response === 'number') record.responseBytes += response;
      });
      if (fault && (fault.afterActions ?? 0) >= batch.length && fault.afterActions !== undefined) {
        if (fault.persistent) d.broken = true;
        throw new DoubleError(
          fault.code ?? 'GeneralException',
          `Injected fault after sync ${syncNo}.`,
        );
      }
    } finally {
      if (mutated) {
        if (!this.run.mergeUndoGroup) d.stats.undoSteps++;
        this.run.mutated = true;
      }
      d.stats.maxRequestBytes = Math.max(d.stats.maxRequestBytes, requestBytes);
      d.stats.totalRequestBytes += requestBytes;
      d.stats.maxResponseBytes = Math.max(d.stats.maxResponseBytes, record.responseBytes);
    }
    if (record.responseBytes > d.limits.responseBytes) {
      throw new DoubleError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`,
      );
    }
  }
}
