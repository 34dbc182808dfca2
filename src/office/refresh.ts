// The ribbon's "Làm mới" and "Kiểm tra", without the task pane: the plan is read back from the
// master list by the one tracker reader (src/office/masterlist.ts) and the derived sheets are
// rebuilt from it.
//
//   Làm mới   dashboard, unit sheets, Kiểm tra, Đơn vị, Phân công are rebuilt; the master list
//             (with everything typed in it) and Cài đặt stay as they are. When the master list's
//             columns are no longer where PhuLuc put them (a column inserted in the middle), the
//             formulas of derived sheets would point at the wrong columns: the whole workbook is
//             rebuilt instead, carrying every entered value over.
//   Kiểm tra  validation runs again on the master list; only the Kiểm tra sheet is rebuilt.

import type { Plan } from '../core/plan/types';
import { labelsFor, layoutWorkbook, type LayoutOptions } from '../layout';
import type { SheetKind, WorkbookLayout } from '../layout/types';
import type { ExcelHost } from '../render/office/excel-api';
import { readMasterList, storedOptions, type MasterList } from './masterlist';
import { buildWorkbook, todayIso, type BuildReport } from './rebuild';

export interface CommandResult {
  mode: 'derived' | 'full' | 'findings';
  report: BuildReport;
  /** One line for a notification, in both languages. */
  summary: { vi: string; en: string };
}

const DERIVED: SheetKind[] = ['dashboard', 'unit', 'findings', 'units', 'assignments'];

async function readBack(host: ExcelHost): Promise<MasterList> {
  return host.run({}, (ctx) => readMasterList(ctx));
}

/** Findings link to master rows as they are in the sheet (not as a fresh layout would place them). */
function linkRows(master: MasterList, tasksSheet: string): (layout: WorkbookLayout) => void {
  return (layout) => {
    for (const sheet of layout.sheets) {
      for (const block of sheet.blocks) {
        for (const row of block.rows) {
          for (const cell of row) {
            if (!cell?.link || cell.link.sheet !== tasksSheet || cell.text === undefined) continue;
            const r = master.rowOf.get(cell.text);
            if (r !== undefined) cell.link = { ...cell.link, address: `A${r}` };
          }
        }
      }
    }
  };
}

const norm = (s: string): string => s.normalize('NFC').trim().toLowerCase();

/**
 * The master list still has PhuLuc's columns where the layout puts them (columns added after
 * the last one do not matter: nothing refers to them).
 */
function sameColumns(master: MasterList, layout: WorkbookLayout): boolean {
  const table = layout.sheets.find((s) => s.kind === 'tasks')?.table;
  if (!table) return false;
  const have = master.headers.map(norm);
  const want = table.columns.map(norm);
  return want.length <= have.length && want.every((h, i) => h === have[i]);
}

/** The list holds the rows (Mã, in order) the layout writes: tasks, headings, occurrences. */
function sameRows(master: MasterList, layout: WorkbookLayout): boolean {
  const tasks = layout.sheets.find((s) => s.kind === 'tasks');
  const top = /^[A-Z]+(\d+)/.exec(tasks?.table?.range ?? '')?.[1];
  const body = top ? tasks!.blocks.find((b) => b.origin === `A${Number(top) + 1}`) : undefined;
  const codes = (body?.rows ?? []).map((row) => row[0]?.text ?? String(row[0]?.number ?? ''));
  return codes.length === master.codes.length && codes.every((c, i) => c === master.codes[i]);
}

/** Added columns the derived sheets must count: those before the master list's last column. */
function countedExtras(master: MasterList): string[] {
  const helpers = new Set(
    ['vi', 'en'].map((l) => norm(labelsFor(l as 'vi' | 'en').words.overdueOrder ?? '')),
  );
  const helper = master.headers.findIndex((h) => helpers.has(norm(h)));
  if (helper < 0) return master.extraColumns;
  const before = new Set(master.headers.slice(0, helper).map(norm));
  return master.extraColumns.filter((h) => before.has(norm(h)));
}

/** "Làm mới": rebuilds what derives from the master list, keeping what people entered. */
export async function refreshWorkbook(host: ExcelHost, today = todayIso()): Promise<CommandResult> {
  const master = await readBack(host);
  const options: Partial<LayoutOptions> = {
    ...storedOptions(master),
    buildDate: today,
    extraColumns: countedExtras(master),
  };
  const plan: Plan = master.plan;
  const layout = layoutWorkbook(plan, options);
  const tasksName = layout.sheets.find((s) => s.kind === 'tasks')!.name;
  // Only the derived sheets when the list has the rows and columns a fresh layout would write;
  // rows typed without a Mã, or a new year's periods, need the whole workbook rebuilt (which
  // keeps every entry and gives the typed rows their Mã).
  if (sameColumns(master, layout) && sameRows(master, layout) && master.typedRows === 0) {
    const report = await buildWorkbook(host, {
      plan,
      options,
      only: DERIVED,
      adjust: linkRows(master, tasksName),
    });
    return {
      mode: 'derived',
      report,
      summary: {
        vi: `Đã làm mới ${report.sheets.length} trang từ danh sách ${plan.tasks.length} nhiệm vụ.`,
        en: `Refreshed ${report.sheets.length} sheets from the list of ${plan.tasks.length} tasks.`,
      },
    };
  }
  // The plan is the workbook's own list: the same plan, and no pair to ask about.
  const report = await buildWorkbook(host, {
    plan,
    options: { ...options, extraColumns: master.extraColumns },
    replacePlan: true,
    acceptUncertain: false,
    today,
  });
  return {
    mode: 'full',
    report,
    summary: {
      vi: `Danh sách nhiệm vụ có cột đã đổi, dòng mới gõ thêm hoặc kỳ mới: đã dựng lại cả sổ (${report.carried} nhiệm vụ giữ nguyên dữ liệu đã nhập).`,
      en: `The master list had changed columns, rows typed in or new periods: the whole workbook was rebuilt (${report.carried} tasks kept their entered values).`,
    },
  };
}

/** "Kiểm tra": validation again, on the master list as it is now. */
export async function checkWorkbook(host: ExcelHost): Promise<CommandResult> {
  const master = await readBack(host);
  const options: Partial<LayoutOptions> = {
    ...storedOptions(master),
    buildDate: todayIso(),
    extraColumns: countedExtras(master),
  };
  const layout = layoutWorkbook(master.plan, options);
  const tasksName = layout.sheets.find((s) => s.kind === 'tasks')!.name;
  const report = await buildWorkbook(host, {
    plan: master.plan,
    options,
    only: ['findings'],
    adjust: linkRows(master, tasksName),
  });
  const count = master.plan.findings.length;
  return {
    mode: 'findings',
    report,
    summary: {
      vi:
        count === 0
          ? 'Không phát hiện vấn đề nào.'
          : `Phát hiện ${count} vấn đề, xem trang Kiểm tra.`,
      en: count === 0 ? 'No problems found.' : `${count} problems found: see the findings sheet.`,
    },
  };
}
