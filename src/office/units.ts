// The units report back, inside Excel: the workbook's own task list read back (./masterlist.ts),
// then the whole tracker built again through the one rebuild (./rebuild.ts) with its contents
// amended — the files sent recorded in Lịch sử, or the units' answers merged
// (src/layout/unitfile). A fixed number of syncs whatever the plan's size: the master list's
// read, then the rebuild's own. Merging nothing new writes nothing.
//
// The unit files themselves are layouts: the pane renders them with the .xlsx writer it loads
// when needed (the add-in's bundle does not carry it until then).

import type { IsoDate } from '../core/plan/types';
import { viDate } from '../layout/context';
import { labelsFor } from '../layout/labels';
import type { HistoryRow } from '../layout/tracker/model';
import type { WorkbookLayout } from '../layout/types';
import { applyMerge, changesNothing, withHistory } from '../layout/unitfile/apply';
import { unitFileLayout, unitFiles } from '../layout/unitfile/layout';
import {
  mergeAnswers,
  summarizeMerge,
  type AnswerInput,
  type MergeResult,
  type MergeSummary,
} from '../layout/unitfile/merge';
import type { UnitFile } from '../layout/unitfile/model';
import type { ExcelHost } from '../render/office/excel-api';
import { MasterListError, readMasterList, storedOptions, type MasterList } from './masterlist';
import { buildWorkbook, todayIso, type BuildReport } from './rebuild';

export interface UnitsClock {
  /** "dd/mm/yyyy hh:mm", for Lịch sử and the files' stamps. */
  now: string;
  today?: IsoDate;
}

async function readBack(host: ExcelHost): Promise<MasterList> {
  const master = await host.run({}, (ctx) => readMasterList(ctx));
  if (!master.tracker.identity)
    throw new MasterListError(
      'Sổ không ghi kế hoạch nó theo dõi (trang Cài đặt): hãy tạo lại sổ trước khi gửi phiếu.',
      'The workbook does not record the plan it tracks (Settings sheet): rebuild it before sending forms.',
    );
  return master;
}

/** The whole workbook built again from its own list, the tracker amended as read. */
function rebuild(
  host: ExcelHost,
  master: MasterList,
  today: IsoDate,
  amend: Parameters<typeof buildWorkbook>[1]['amend'],
): Promise<BuildReport> {
  return buildWorkbook(host, {
    plan: master.plan,
    options: { ...storedOptions(master), buildDate: today, extraColumns: master.extraColumns },
    replacePlan: true,
    acceptUncertain: false,
    today,
    amend,
  });
}

export interface SentFiles {
  files: (UnitFile & { layout: WorkbookLayout })[];
  report: BuildReport;
}

/** One unit file per unit (as layouts), and the files recorded in Lịch sử. */
export async function sendUnitFiles(
  host: ExcelHost,
  replyBy: IsoDate,
  clock: UnitsClock,
): Promise<SentFiles> {
  const master = await readBack(host);
  const today = clock.today ?? todayIso();
  const files = unitFiles(master.tracker, master.plan, { sentAt: clock.now, replyBy });
  if (files.length === 0)
    throw new MasterListError(
      'Sổ không có nhiệm vụ nào giao cho đơn vị, nên không có phiếu để gửi.',
      'The workbook assigns no task to a unit, so there is no form to send.',
    );
  const fingerprint = master.tracker.identity!.fingerprint;
  const w = labelsFor(master.language).words;
  const sent: HistoryRow[] = files.map((f) => ({
    at: clock.now,
    action: 'sent',
    unit: f.unit,
    file: f.fileName,
    ticket: f.ticket,
    code: '',
    field: w.replyBy!,
    before: '',
    after: viDate(replyBy),
  }));
  const report = await rebuild(host, master, today, (t) => withHistory(t, sent));
  return {
    files: files.map((f) => ({
      ...f,
      layout: unitFileLayout(master.plan, fingerprint, f, {
        sentAt: clock.now,
        replyBy,
        language: master.language,
      }),
    })),
    report,
  };
}

export interface MergedFiles {
  result: MergeResult;
  /** The rebuild, or null when there was nothing to write. */
  report: BuildReport | null;
  /** What the merge did, for the pane. */
  summary: MergeSummary;
}

/** Units' answers merged into the workbook (or nothing written, when nothing is new). */
export async function mergeUnitFiles(
  host: ExcelHost,
  inputs: AnswerInput[],
  clock: UnitsClock,
): Promise<MergedFiles> {
  const master = await readBack(host);
  const result = mergeAnswers(master.tracker, inputs, clock.now);
  if (changesNothing(result))
    return { result, report: null, summary: summarizeMerge(result, master.tracker, false) };
  const today = clock.today ?? todayIso();
  // The answers go onto the tracker as the rebuild reads it (with notes and fills).
  const report = await rebuild(host, master, today, (t) => applyMerge(t, result));
  return { result, report, summary: summarizeMerge(result, master.tracker, true) };
}
