// Rebuilding over an existing tracker: read it with the one tracker reader, carry what people
// typed to the task they typed it for (src/layout/tracker), and write back only PhuLuc's parts
// of the file (src/render/xlsx/splice): the user's own sheets, names, comments, charts and
// pictures stay as they were.

import { promises as fs } from 'fs';
import { planIdentity } from '../core/plan/identity';
import type { Plan } from '../core/plan/types';
import { carryOver, type Carried, type CarryOptions } from '../layout/tracker/carry';
import { bookFromXlsx } from '../layout/tracker/fromXlsx';
import type { TrackerContents } from '../layout/tracker/model';
import { ownedParts, readTracker } from '../layout/tracker/read';
import { openWorkbook, XlsxReadError } from '../readers/xlsx';
import { SpliceError, spliceWorkbook, trackerSpliceSpec } from '../render/xlsx/splice';
import { CliError } from './errors';
import { writeError } from './write';

export interface ExistingTracker {
  bytes: Uint8Array;
  tracker: TrackerContents;
  owned: { sheets: string[]; names: string[] };
  /** Sheets that are not PhuLuc's: the new sheets take other names. */
  othersSheets: string[];
}

/**
 * The tracker at `path`, or null when there is no file. Refuses (CliError) to replace a file
 * that is not a PhuLuc tracker.
 */
export async function readExistingTracker(path: string): Promise<ExistingTracker | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw writeError(path, error);
  }
  let book;
  try {
    book = bookFromXlsx(openWorkbook(new Uint8Array(bytes)));
  } catch (error) {
    if (error instanceof XlsxReadError)
      throw new CliError('tracker-not-excel', { path, reason: { vi: error.vi, en: error.en } });
    throw error;
  }
  const owned = ownedParts(book);
  const tracker = readTracker(book);
  if (owned.sheets.length === 0 || !tracker.taskList)
    throw new CliError('tracker-not-phuluc', { path });
  const mine = new Set(owned.sheets);
  return {
    bytes: new Uint8Array(bytes),
    tracker,
    owned,
    othersSheets: book.sheets.filter((s) => !mine.has(s)),
  };
}

/**
 * A fresh build put into the existing tracker: only PhuLuc's parts of the file are replaced
 * (src/render/xlsx/splice.ts); the user's own sheets, names, comments and pictures stay.
 */
export function spliceOver(
  existing: ExistingTracker,
  bytes: Uint8Array,
  output: string,
): { bytes: Uint8Array; warnings: { vi: string; en: string }[] } {
  try {
    return spliceWorkbook(
      existing.bytes,
      bytes,
      trackerSpliceSpec(existing.tracker, existing.owned),
    );
  } catch (error) {
    if (!(error instanceof SpliceError)) throw error;
    throw new CliError('tracker-not-rewritten', {
      output,
      reason: { vi: error.vi, en: error.en },
    });
  }
}

/**
 * What people typed in the existing tracker, carried over to the new plan. Refuses (exit
 * status 3) a tracker of another plan unless the plan is to be replaced.
 */
export function carryIntoPlan(
  existing: ExistingTracker,
  parsed: Plan,
  output: string,
  options: CarryOptions & { replacePlan?: boolean },
): Carried {
  const { replacePlan, ...carryOptions } = options;
  const carried = carryOver(existing.tracker, parsed, carryOptions);
  const { verdict, share, before } = carried.report.plan;
  if (verdict === 'different' && !replacePlan) {
    throw new CliError(
      'tracker-of-another-plan',
      { output, tracker: before, given: planIdentity(parsed), percent: Math.round(share * 100) },
      3,
    );
  }
  return carried;
}
