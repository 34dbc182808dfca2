// The plan behind a workbook, read back from its master list: what the ribbon commands rebuild
// from when the task pane (and the original appendix) is not at hand. The master list is turned
// into an appendix-like grid (STT, Nhiệm vụ, Chủ trì, Phối hợp, Thời gian, Sản phẩm, Ghi chú with
// its sections) and parsed by the core like any other source, so times, units and findings are
// read exactly as the first time; each task then takes back its Mã.

import { planFromGrid } from '../core/plan/parse';
import type { Plan, PlanDocument, PlanSection } from '../core/plan/types';
import type { GridRow } from '../core/grid/types';
import { columnLetter } from '../layout/a1';
import { labelsFor, type Language } from '../layout/labels';
import { MASTER_FIELDS, type LayoutOptions, type MasterColumn } from '../layout';
import type { XlCellValue, XlRequestContext } from './excel-api';
import { queueSurvey, SETTINGS_KEY, type Survey } from './survey';
import type { StoredSettings } from './rebuild';

const FIELDS = MASTER_FIELDS;
type Field = MasterColumn;

const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

export interface MasterList {
  sheet: string;
  language: Language;
  /** Header texts in sheet order, as they are. */
  headers: string[];
  /** 1-based sheet row of every task row read, by Mã. */
  rowOf: Map<string, number>;
  /** Headers that are not PhuLuc's: columns people added. */
  extraColumns: string[];
  plan: Plan;
  stored: StoredSettings | null;
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

/** Reads the master list of the workbook and parses it back into a plan. */
export async function readMasterList(ctx: XlRequestContext): Promise<MasterList> {
  const readSurvey = queueSurvey(ctx, false);
  await ctx.sync();
  const survey: Survey = readSurvey();
  const sheet = survey.sheets.find((s) => s.key === 'tasks' && s.leftover === null);
  if (!sheet) {
    throw new MasterListError(
      'Bảng tính này chưa có danh sách nhiệm vụ của PhuLuc. Hãy mở ngăn PhuLuc (nút "Mở PhuLuc") để tạo sổ theo dõi.',
      'This workbook has no PhuLuc master list yet. Open the PhuLuc pane ("Open PhuLuc") to build the tracker.',
    );
  }
  const ws = ctx.workbook.worksheets.getItem(sheet.name);
  const top = ws.getRange('A1:CZ12').load('values');
  const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
  await ctx.sync();

  const known = new Map<string, { field: Field; language: Language }>();
  for (const language of ['vi', 'en'] as const) {
    const w = labelsFor(language).words;
    for (const f of FIELDS) if (w[f]) known.set(norm(w[f]), { field: f, language });
  }
  const rows = top.values as XlCellValue[][];
  const headerIndex = rows.findIndex((row) =>
    row.some((v) => known.get(norm(String(v)))?.field === 'code'),
  );
  if (headerIndex < 0 || used.isNullObject) {
    throw new MasterListError(
      `Không tìm thấy dòng tiêu đề (Mã, Nhiệm vụ…) trên trang "${sheet.name}".`,
      `The header row (Mã, Nhiệm vụ…) was not found on "${sheet.name}".`,
    );
  }
  const header = rows[headerIndex]!.map((v) => String(v).normalize('NFC').trim());
  let lastCol = header.length - 1;
  while (lastCol > 0 && header[lastCol] === '') lastCol--;
  const headers = header.slice(0, lastCol + 1);
  const columnOf = new Map<Field, number>();
  const extraColumns: string[] = [];
  let language: Language = 'vi';
  headers.forEach((h, i) => {
    const k = known.get(norm(h));
    if (k) {
      if (!columnOf.has(k.field)) columnOf.set(k.field, i);
      if (k.field === 'code') language = k.language;
    } else if (h) extraColumns.push(h);
  });
  const lastRow = used.rowIndex + used.rowCount; // 1-based, inclusive
  const firstRow = headerIndex + 2;
  const count = lastRow - firstRow + 1;
  const wanted: Field[] = [
    'code',
    'section',
    'stt',
    'task',
    'lead',
    'support',
    'time',
    'product',
    'note',
  ];
  const data = new Map<Field, XlCellValue[]>();
  if (count > 0) {
    const chunk = 20_000;
    for (let start = 0; start < count; start += chunk) {
      const n = Math.min(chunk, count - start);
      const loads = wanted
        .filter((f) => columnOf.has(f))
        .map((f) => {
          const c = columnLetter(columnOf.get(f)!);
          return [
            f,
            ws.getRange(`${c}${firstRow + start}:${c}${firstRow + start + n - 1}`).load('values'),
          ] as const;
        });
      await ctx.sync();
      for (const [f, range] of loads) {
        const list = data.get(f) ?? [];
        list.push(...(range.values as XlCellValue[][]).map((r) => r[0]!));
        data.set(f, list);
      }
    }
  }

  const stored = isStored(survey.stored) ? survey.stored : null;
  const text = (f: Field, i: number): string => {
    const v = data.get(f)?.[i];
    return v === undefined || v === null ? '' : String(v).trim();
  };
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
  for (let i = 0; i < count; i++) {
    const code = text('code', i);
    const task = text('task', i);
    if (!code && !task) continue;
    const sec = text('section', i) || null;
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
    const stt = text('stt', i) || code.split('.').pop() || String(i + 1);
    masterRowOfLine.set(line, firstRow + i);
    codeOfLine.set(line, code);
    gridRows.push({
      line: line++,
      cells: [
        stt,
        task,
        text('lead', i),
        text('support', i),
        text('time', i),
        text('product', i),
        text('note', i),
      ],
      tabular: true,
    });
  }
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
  return { sheet: sheet.name, language, headers, rowOf, extraColumns, plan, stored };
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
  return { language: master.language, ...(master.stored?.options ?? {}) };
}

export { SETTINGS_KEY };
