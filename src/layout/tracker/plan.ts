// The plan behind a tracker, read back from its task list: what a rebuild works from when the
// original appendix is not at hand (the ribbon's commands, merging units' answers). The task
// list, as the one tracker reader read it, is turned into an appendix-like grid (STT, Nhiệm vụ,
// Chủ trì, Phối hợp, Thời gian, Sản phẩm, Ghi chú with its sections) and parsed by the core like
// any other source, so times, units and findings are read exactly as the first time; each task
// then takes back its Mã.

import type { GridRow } from '../../core/grid/types';
import { planFromGrid } from '../../core/plan/parse';
import type { Plan, PlanDocument, PlanSection } from '../../core/plan/types';
import { splitOccurrenceCode } from '../../core/time/occurrences';
import type { TrackerContents } from './model';

export interface TrackerPlan {
  plan: Plan;
  /** 1-based sheet row of every task, by Mã. */
  rowOf: Map<string, number>;
}

/**
 * The plan of a tracker. `stored` is what a build kept of the document and its sections (the
 * add-in keeps it in the workbook's settings); without it the document is the plan's identity
 * stored on Cài đặt (number, date, title) and sections are named by their ids.
 */
export function planFromTracker(
  tracker: TrackerContents,
  stored?: { document: PlanDocument; sections: PlanSection[] } | null,
): TrackerPlan {
  // The plan's tasks: rows with a Mã and a text that are not occurrences (those follow their
  // task); the line an empty task list shows ("no task table") is not one.
  const rows = tracker.rows.filter(
    (r) => r.code !== '' && r.title !== '' && splitOccurrenceCode(r.code) === null,
  );
  const sectionTitles = new Map((stored?.sections ?? []).map((s) => [s.id, s.title]));
  const id = tracker.identity;
  const doc: PlanDocument | null =
    stored?.document ??
    (id
      ? { number: id.number, type: null, place: null, date: id.date, title: id.title, year: null }
      : null);
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
    document: doc ? { ...doc, year: doc.year ?? parsed.document.year } : parsed.document,
    sections: mergeSections(parsed.sections, stored?.sections ?? []),
    tasks,
    findings: parsed.findings.map((f) => ({
      ...f,
      task: f.task ? (ids.get(f.task) ?? f.task) : null,
      rows: f.rows.map((l) => masterRowOfLine.get(l) ?? l),
    })),
  };
  return { plan, rowOf };
}

function mergeSections(parsed: PlanSection[], stored: PlanSection[]): PlanSection[] {
  const titles = new Map(stored.map((s) => [s.id, s.title]));
  return parsed.map((s) => ({ ...s, title: titles.get(s.id) ?? s.title }));
}

/**
 * Document lines the core reads the plan's year and date from, shaped as a document's head is
 * (the core reads a date after a place, and a title under the type line).
 */
function headLines(doc: PlanDocument | null): string[] {
  if (!doc) return [];
  const out: string[] = [];
  if (doc.number) out.push(`Số: ${doc.number}`);
  if (doc.date) {
    const [y, m, d] = doc.date.split('-').map(Number);
    out.push(`${doc.place ?? 'Nơi ban hành'}, ngày ${d} tháng ${m} năm ${y}`);
  }
  out.push(doc.type ?? 'KẾ HOẠCH');
  if (doc.title) out.push(doc.title);
  else if (doc.year) out.push(`năm ${doc.year}`);
  return out;
}
