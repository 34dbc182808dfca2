// The plan behind a workbook, read back from its task list: what the ribbon commands rebuild
// from when the task pane (and the original appendix) is not at hand. The task list is read by
// the one tracker reader (src/layout/tracker/read.ts, through ./tracker.ts) and turned into a
// plan by planFromTracker (src/layout/tracker/plan.ts), with the document and sections the last
// build stored in the workbook's settings.

import type { Plan } from '../core/plan/types';
import type { Language } from '../layout/labels';
import type { LayoutOptions } from '../layout';
import { readTracker } from '../layout/tracker/read';
import { planFromTracker } from '../layout/tracker/plan';
import type { HistoryRow, TrackerContents } from '../layout/tracker/model';
import type { XlRequestContext } from '../render/office/excel-api';
import { ALL_FEATURES, type Features } from '../render/office/features';
import { runReads } from './reads';
import { queueSurvey, SETTINGS_KEY, type Survey } from './survey';
import type { StoredSettings } from './rebuild';
import { queueTrackerLocate, trackerReadJobs, valueEstimates } from './tracker';

export interface MasterList {
  sheet: string;
  language: Language;
  /** Header texts by column, from column A ("" for blank ones). */
  headers: string[];
  /** 1-based sheet row of every task row read, by Mã. */
  rowOf: Map<string, number>;
  /** Headers that are not PhuLuc's: columns people added. */
  extraColumns: string[];
  plan: Plan;
  stored: StoredSettings | null;
  /** Mã of every row of the list, in order (occurrences included). */
  codes: string[];
  /** Rows people typed into the list without a Mã: a rebuild gives them one. */
  typedRows: number;
  /** The horizon year set in Cài đặt (null: the default). */
  horizon: number | null;
  /** Rows of Lịch sử (units' files sent and answers merged). */
  history: HistoryRow[];
  /** The tracker as the one reader read it (facts and entries; no notes or fills). */
  tracker: TrackerContents;
}

export class MasterListError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'MasterListError';
  }
}

function isStored(value: unknown): value is StoredSettings {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { schema?: unknown }).schema === 'phuluc.settings/1'
  );
}

/** The task's facts are all a command needs: no fills, no notes. */
const FACTS_ONLY: Features = { ...ALL_FEATURES, notes: false, cellProperties: false };

/** Reads the task list of the workbook and parses it back into a plan. */
export async function readMasterList(ctx: XlRequestContext): Promise<MasterList> {
  const readSurvey = queueSurvey(ctx, false);
  await ctx.sync();
  const survey: Survey = readSurvey();
  const marked = survey.sheets.find((s) => s.key === 'tasks' && s.leftover === null);
  if (!marked) {
    throw new MasterListError(
      'Bảng tính này chưa có danh sách nhiệm vụ của PhuLuc. Hãy mở ngăn PhuLuc (nút "Mở PhuLuc") để tạo sổ theo dõi.',
      'This workbook has no PhuLuc master list yet. Open the PhuLuc pane ("Open PhuLuc") to build the tracker.',
    );
  }
  const locate = queueTrackerLocate(ctx, survey, FACTS_ONLY);
  await ctx.sync();
  const located = locate();
  await runReads(ctx, trackerReadJobs(located, FACTS_ONLY, survey.date1904, valueEstimates(null)));
  const tracker = readTracker(located.book);
  const list = tracker.taskList;
  if (!list) {
    throw new MasterListError(
      `Không tìm thấy dòng tiêu đề (Mã, Nhiệm vụ…) trên trang "${marked.name}".`,
      `The header row (Mã, Nhiệm vụ…) was not found on "${marked.name}".`,
    );
  }
  const language: Language = tracker.language;
  const headers = list.headers;
  const extraColumns = list.extraColumns;
  const codes = tracker.rows.filter((r) => r.code !== '').map((r) => r.code);
  const typedRows = tracker.rows.filter((r) => r.code === '' && r.title !== '').length;

  const stored = isStored(survey.stored) ? survey.stored : null;
  const { plan, rowOf } = planFromTracker(tracker, stored);
  return {
    sheet: list.sheet,
    language,
    headers,
    rowOf,
    extraColumns,
    plan,
    stored,
    codes,
    typedRows,
    horizon: tracker.horizon,
    history: tracker.history,
    tracker,
  };
}

/** The layout options a command builds with: what the last build stored, or the defaults. */
export function storedOptions(master: MasterList): Partial<LayoutOptions> {
  return {
    language: master.language,
    ...(master.stored?.options ?? {}),
    horizon: master.horizon,
    ...(master.history.length > 0 ? { history: master.history } : {}),
  };
}

export { SETTINGS_KEY };
