// The plan behind a workbook, read back from its task list: what the ribbon commands rebuild
// from when the task pane (and the original appendix) is not at hand. The task list is read by
// the one tracker reader (src/layout/tracker/read.ts, through ./tracker.ts), turned into an
// appendix-like grid (STT, Nhiệm vụ, Chủ trì, Phối hợp, Thời gian, Sản phẩm, Ghi chú with its
// sections) and parsed by the core like any other source, so times, units and findings are read
// exactly as the first time; each task then takes back its Mã.

import { planFromGrid } from '../core/plan/parse';
import type { Plan, PlanDocument, PlanSection } from '../core/plan/types';
import type { GridRow } from '../core/grid/types';
import type { Language } from '../layout/labels';
import type { LayoutOptions } from '../layout';
import { readTracker } from '../layout/tracker/read';
import { splitOccurrenceCode } from '../core/time/occurrences';
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
  // The plan's tasks: rows with a Mã that are not occurrences (those follow their task).
  const rows = tracker.rows.filter((r) => r.code !== '' && splitOccurrenceCode(r.code) === null);
  const codes = tracker.rows.filter((r) => r.code !== '').map((r) => r.code);
  const typedRows = tracker.rows.filter((r) => r.code === '' && r.title !== '').length;

  const stored = isStored(survey.stored) ? survey.stored : null;
  const sectionTitles = new Map((stored?.sections ?? []).map((s) => [s.id, s.title]));
  const doc = stored?.document ?? null;
  const gridRows: GridRow[] = headLines(doc).map((line, i) => ({
    line: i + 1,
    cells: [line],
    tabular: false,
  }));
  let line = gridRows.length + 1;
  gridRows.push({
    line: line++,
    cells: [
      'STT',
      'Nhiệm vụ',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Thời gian',
      'Sản phẩm',
      'Ghi chú',
    ],
    tabular: true,
  });
  const masterRowOfLine = new Map<number, number>();
  const codeOfLine = new Map<number, string>();
  let section: string | null = null;
  rows.forEach((row, i) => {
    const sec = row.section || null;
    if (sec !== section) {
      section = sec;
      if (sec)
        gridRows.push({
          line: line++,
          cells: [sec, sectionTitles.get(sec) ?? sec, '', '', '', '', ''],
          tabular: true,
        });
    }
    // A task without STT would continue the one above: give it its Mã's last part.
    const stt = row.stt || row.code.split('.').pop() || String(i + 1);
    masterRowOfLine.set(line, row.sheetRow);
    codeOfLine.set(line, row.code);
    gridRows.push({
      line: line++,
      cells: [stt, row.title, row.lead, row.support, row.time, row.product, row.entries.note ?? ''],
      tabular: true,
    });
  });
  const parsed = planFromGrid({ source: 'sheet', rows: gridRows }, { beforeInclusive: false });
  const rowOf = new Map<string, number>();
  const tasks = parsed.tasks.map((t) => {
    const first = t.rows[0]!;
    const code = codeOfLine.get(first) || t.id;
    const sheetRows = t.rows
      .map((l) => masterRowOfLine.get(l))
      .filter((r): r is number => r !== undefined);
    rowOf.set(code, sheetRows[0] ?? first);
    return { ...t, id: code, rows: sheetRows };
  });
  const ids = new Map(parsed.tasks.map((t, i) => [t.id, tasks[i]!.id]));
  const plan: Plan = {
    ...parsed,
    document: doc ?? parsed.document,
    sections: mergeSections(parsed.sections, stored?.sections ?? []),
    tasks,
    findings: parsed.findings.map((f) => ({
      ...f,
      task: f.task ? (ids.get(f.task) ?? f.task) : null,
      rows: f.rows.map((l) => masterRowOfLine.get(l) ?? l),
    })),
  };
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
  };
}

function mergeSections(parsed: PlanSection[], stored: PlanSection[]): PlanSection[] {
  const titles = new Map(stored.map((s) => [s.id, s.title]));
  return parsed.map((s) => ({ ...s, title: titles.get(s.id) ?? s.title }));
}

/** Document lines the core reads the plan's year and date from. */
function headLines(doc: PlanDocument | null): string[] {
  if (!doc) return [];
  const out: string[] = [];
  if (doc.number) out.push(`Số: ${doc.number}`);
  if (doc.date) {
    const [y, m, d] = doc.date.split('-').map(Number);
    out.push(`${doc.place ? `${doc.place}, ` : ''}ngày ${d} tháng ${m} năm ${y}`);
  }
  if (doc.type) out.push(doc.type);
  if (doc.title) out.push(doc.title);
  else if (doc.year) out.push(`năm ${doc.year}`);
  return out;
}

/** The layout options a command builds with: what the last build stored, or the defaults. */
export function storedOptions(master: MasterList): Partial<LayoutOptions> {
  return { language: master.language, ...(master.stored?.options ?? {}), horizon: master.horizon };
}

export { SETTINGS_KEY };
