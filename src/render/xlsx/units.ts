// The units' loop on .xlsx files, for every door outside Excel (the command line, the page):
// a tracker's bytes → one unit file per unit and the tracker with the files recorded in Lịch
// sử; a tracker's bytes and the units' answered files → the merge's result and the tracker
// with the answers (or null: nothing new, nothing to write). The tracker is read by the one
// tracker reader, laid out again from itself (src/layout/tracker/relayout.ts), written by the
// same writer as a build and spliced into the old file, so only PhuLuc's parts change. No Node
// APIs; the caller gives the clock ("dd/mm/yyyy hh:mm" and the day).

import type { IsoDate } from '../../core/plan/types';
import { viDate } from '../../layout/context';
import { labelsFor } from '../../layout/labels';
import { bookFromXlsx } from '../../layout/tracker/fromXlsx';
import type { HistoryRow, TrackerContents } from '../../layout/tracker/model';
import { planFromTracker } from '../../layout/tracker/plan';
import { ownedParts, readTracker } from '../../layout/tracker/read';
import { relayoutTracker } from '../../layout/tracker/relayout';
import { applyMerge, changesNothing, withHistory } from '../../layout/unitfile/apply';
import { unitFileLayout, unitFiles } from '../../layout/unitfile/layout';
import { mergeAnswers, type AnswerInput, type MergeResult } from '../../layout/unitfile/merge';
import type { UnitFile } from '../../layout/unitfile/model';
import { readAnswerFile, UnitFileError } from '../../layout/unitfile/read';
import { openWorkbook, XlsxReadError } from '../../readers/xlsx';
import { renderXlsx, type RenderOptions } from './index';
import { SpliceError, spliceWorkbook, trackerSpliceSpec } from './splice';

/** Why a tracker cannot be used, in both languages. */
export class UnitsError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'UnitsError';
  }
}

export interface UnitsClock {
  /** "dd/mm/yyyy hh:mm" */
  now: string;
  today: IsoDate;
}

interface OpenTracker {
  bytes: Uint8Array;
  tracker: TrackerContents;
  owned: { sheets: string[]; names: string[] };
  others: string[];
}

/** A PhuLuc tracker read from its bytes, or a UnitsError saying why not. */
function openTracker(bytes: Uint8Array): OpenTracker {
  let book;
  try {
    book = bookFromXlsx(openWorkbook(bytes));
  } catch (error) {
    if (error instanceof XlsxReadError)
      throw new UnitsError(
        `sổ theo dõi không đọc được như tệp Excel (${error.vi})`,
        `the tracker cannot be read as an Excel file (${error.en})`,
      );
    throw error;
  }
  const owned = ownedParts(book);
  const tracker = readTracker(book);
  if (owned.sheets.length === 0 || !tracker.taskList)
    throw new UnitsError('tệp không phải sổ theo dõi PhuLuc', 'the file is not a PhuLuc tracker');
  if (!tracker.identity)
    throw new UnitsError(
      'sổ không ghi kế hoạch nó theo dõi (trang Cài đặt): hãy tạo lại sổ trước',
      'the tracker does not record the plan it tracks (Cài đặt sheet): rebuild it first',
    );
  const mine = new Set(owned.sheets);
  return { bytes, tracker, owned, others: book.sheets.filter((s) => !mine.has(s)) };
}

/** The tracker laid out again from the amended contents, spliced into its old file. */
async function rewrite(
  open: OpenTracker,
  tracker: TrackerContents,
  today: IsoDate,
  options: RenderOptions,
): Promise<Uint8Array> {
  const { layout } = relayoutTracker(tracker, {
    today,
    reservedSheetNames: open.others,
    names: open.owned.names,
  });
  const fresh = await renderXlsx(layout, options);
  try {
    return spliceWorkbook(open.bytes, fresh, trackerSpliceSpec(open.tracker, open.owned)).bytes;
  } catch (error) {
    if (error instanceof SpliceError)
      throw new UnitsError(
        `không ghi lại được sổ: ${error.vi}`,
        `cannot rewrite the tracker: ${error.en}`,
      );
    throw error;
  }
}

export interface SentForms {
  files: (UnitFile & { bytes: Uint8Array })[];
  /** The tracker with the files recorded in Lịch sử. */
  tracker: Uint8Array;
  replyBy: IsoDate;
}

/** One unit file per unit, and the tracker recording them. */
export async function sendForms(
  trackerBytes: Uint8Array,
  replyBy: IsoDate,
  clock: UnitsClock,
  options: RenderOptions = {},
): Promise<SentForms> {
  const open = openTracker(trackerBytes);
  const { tracker } = open;
  const { plan } = planFromTracker(tracker);
  const files = unitFiles(tracker, plan, { sentAt: clock.now, replyBy });
  if (files.length === 0)
    throw new UnitsError(
      'sổ không có nhiệm vụ nào giao cho đơn vị, nên không có phiếu để gửi',
      'the tracker assigns no task to a unit, so there is no form to send',
    );
  const words = labelsFor(tracker.language).words;
  const out: SentForms['files'] = [];
  const sent: HistoryRow[] = [];
  for (const file of files) {
    const layout = unitFileLayout(plan, tracker.identity!.fingerprint, file, {
      sentAt: clock.now,
      replyBy,
      language: tracker.language,
    });
    out.push({ ...file, bytes: await renderXlsx(layout, options) });
    sent.push({
      at: clock.now,
      action: 'sent',
      unit: file.unit,
      file: file.fileName,
      ticket: file.ticket,
      code: '',
      field: words.replyBy!,
      before: '',
      after: viDate(replyBy),
    });
  }
  return {
    files: out,
    tracker: await rewrite(open, withHistory(tracker, sent), clock.today, options),
    replyBy,
  };
}

/** An answered file read from its bytes (a damaged or altered one carries its reason). */
export function readAnswer(name: string, bytes: Uint8Array): AnswerInput {
  try {
    return { name, read: readAnswerFile(bookFromXlsx(openWorkbook(bytes))) };
  } catch (error) {
    if (error instanceof XlsxReadError)
      return {
        name,
        read: {
          error: {
            vi: `không đọc được như tệp Excel .xlsx, có thể tệp bị hỏng hoặc gửi thiếu (${error.vi})`,
            en: `cannot be read as an Excel .xlsx file; it may be damaged or cut short (${error.en})`,
          },
        },
      };
    if (error instanceof UnitFileError)
      return { name, read: { error: { vi: error.vi, en: error.en } } };
    throw error;
  }
}

export interface MergedForms {
  result: MergeResult;
  /** The tracker as it was read (its Lịch sử before this merge, for the summary). */
  before: TrackerContents;
  /** The tracker with the answers, or null when nothing is new. */
  tracker: Uint8Array | null;
}

/** The units' answers merged into the tracker. */
export async function mergeForms(
  trackerBytes: Uint8Array,
  answers: AnswerInput[],
  clock: UnitsClock,
  options: RenderOptions = {},
): Promise<MergedForms> {
  const open = openTracker(trackerBytes);
  const result = mergeAnswers(open.tracker, answers, clock.now);
  if (changesNothing(result)) return { result, before: open.tracker, tracker: null };
  return {
    result,
    before: open.tracker,
    tracker: await rewrite(open, applyMerge(open.tracker, result), clock.today, options),
  };
}
