// Plan → workbook layout: the one place where the workbook's design lives. Pure data; the
// .xlsx writer and the Office.js writer render it without decisions of their own.

import type { Plan, PlanTask } from '../core/plan/types';
import type { Language } from '../core/text/language';
import { CATEGORIES } from '../core/status';
import { defaultHorizon } from '../core/status/items';
import { leadUnitNames, standings, unitNames } from '../core/status/rollup';
import { absoluteRange, quoteSheet } from '../excel/a1';
import {
  DEFAULT_OPTIONS,
  TASK_LIST_HELPER_COLUMNS,
  TASK_LIST_COLUMNS,
  toEntered,
  type Context,
  type LayoutOptions,
  type TaskListColumn,
  type MasterRow,
  viDate,
} from './context';
import { CATEGORY_NAMES, HORIZON_NAME, STATE_NAMES } from './names';
import { labelsFor, stateOfLabel } from './labels';
import { legalLayout } from './legal';
import { RowFitter } from './fit';
import { DEFAULT_FONT, DEFAULT_SIZE } from './metrics';
import { uniqueSheetNames, unitSheetName } from './sheetNames';
import { assignments, assignmentsSheet } from './sheets/assignments';
import { DASHBOARD, dashboardSheet } from './sheets/dashboard';
import { dashboardPrint, tasksPrint, unitPrint } from './print';
import { findingsSheet } from './sheets/findings';
import { SETTINGS, settingsSheet, STATES } from './sheets/settings';
import { unitsSheet } from './sheets/unitDirectory';
import { historySheet } from './sheets/history';
import { removedSheet } from './sheets/removed';
import { tasksSheet } from './sheets/tasks';
import { IDENTITY_NAME } from './tracker/read';
import { UNIT_HEADER_ROW, unitSheet } from './sheets/unit';
import { legendStyles, STYLES } from './styles';
import type { WorkbookLayout } from './types';

export type { LayoutOptions, EnteredValues } from './context';
export {
  DEFAULT_OPTIONS,
  TASK_LIST_COLUMNS,
  TASK_LIST_ALL_COLUMNS,
  TASK_LIST_ENTRY_COLUMNS,
} from './context';
export type { TaskListColumn } from './context';
export { labelsFor, stateOfLabel } from './labels';
export { TASK_LIST_HELPER_COLUMNS } from './context';
export type { Labels, Language } from './labels';

const TASK_LIST_HEADER_ROW = 3;

function planLine(plan: Plan, language: Language): string {
  const doc = plan.document;
  const words = labelsFor(language).words;
  const parts = [
    doc.type ? doc.type.charAt(0) + doc.type.slice(1).toLocaleLowerCase('vi') : words.plan,
  ];
  if (doc.number) parts.push(language === 'vi' ? `số ${doc.number}` : `No. ${doc.number}`);
  if (doc.date) parts.push(`${words.dated} ${viDate(doc.date)}`);
  return parts.join(' ');
}

/** The workbook for a plan, every sheet described down to its cells. */
export function layoutWorkbook(plan: Plan, options: Partial<LayoutOptions> = {}): WorkbookLayout {
  const opts: LayoutOptions = { ...DEFAULT_OPTIONS, ...options };
  const labels = labelsFor(opts.language);
  const names = unitNames(plan);
  const unitOf = (name: string): string => names.get(name) ?? name;

  const byUnit = new Map<string, { lead: PlanTask[]; support: PlanTask[] }>();
  for (const task of plan.tasks) {
    for (const role of ['lead', 'support'] as const) {
      for (const unit of new Set(task[role].map(unitOf))) {
        if (!byUnit.has(unit)) byUnit.set(unit, { lead: [], support: [] });
        byUnit.get(unit)![role].push(task);
      }
    }
  }
  const tasksOf = (unit: string) => byUnit.get(unit) ?? { lead: [], support: [] };

  // PhuLuc's own sheets never take the name of a sheet someone else made.
  const reserved = opts.reservedSheetNames ?? [];
  const fixedKeys = Object.keys(labels.sheets) as (keyof typeof labels.sheets)[];
  const fixedNames = uniqueSheetNames(
    fixedKeys.map((k) => labels.sheets[k]),
    reserved,
  );
  const fixed = Object.fromEntries(
    fixedKeys.map((k, i) => [k, fixedNames[i]!]),
  ) as typeof labels.sheets;
  // Units that lead a task get a sheet (groups only when asked), in directory order.
  const sheetUnits = [
    ...new Set(
      plan.units
        .filter((u) => u.leadCount > 0 && (opts.groupSheets || !u.group))
        .map((u) => u.name),
    ),
  ];
  const unitSheetNames = uniqueSheetNames(sheetUnits.map(unitSheetName), [
    ...Object.values(fixed),
    ...reserved,
  ]);

  const extraColumns = opts.extraColumns ?? [];
  const col = {} as Record<TaskListColumn, number>;
  TASK_LIST_COLUMNS.forEach((key, i) => (col[key] = i));
  TASK_LIST_HELPER_COLUMNS.forEach(
    (key, i) => (col[key] = TASK_LIST_COLUMNS.length + extraColumns.length + i),
  );
  const firstRow = TASK_LIST_HEADER_ROW + 1;

  // The rows of the master list (recurring tasks: a heading and its occurrences) and where each
  // stands on the day the stored values are for.
  const valueDate = opts.reportDate ?? opts.buildDate ?? null;
  const base = defaultHorizon(
    plan,
    valueDate ? Number(valueDate.slice(0, 4)) : null,
    opts.horizon ?? null,
  );
  const horizon =
    opts.minHorizon != null ? Math.max(base ?? opts.minHorizon, opts.minHorizon) : base;
  const entered = Object.fromEntries(
    Object.entries(opts.entered ?? {}).map(([code, values]) => [
      code,
      toEntered(values, stateOfLabel),
    ]),
  );
  const all = standings(plan, valueDate ?? '1900-01-01', opts.dueSoonDays, entered, { horizon });
  const groupOf = new Map(plan.tasks.map((t, i) => [t, i + 1]));
  const masterRows: MasterRow[] = [];
  all.forEach((standing, i) => {
    const row = standing.row;
    masterRows.push({
      r: firstRow + i,
      code: row.code,
      task: row.task,
      role: row.role,
      group: groupOf.get(row.task)!,
      periods: 0,
      standing,
    });
  });
  let heading: MasterRow | null = null;
  for (const row of masterRows) {
    if (row.role === 'heading') heading = row;
    else if (row.role === 'occurrence' && heading) heading.periods++;
  }

  const ctx: Context = {
    plan,
    options: opts,
    labels,
    sheetNames: { ...fixed },
    unitSheets: new Map(sheetUnits.map((u, i) => [u, unitSheetNames[i]!])),
    unitOf,
    tasksOf,
    master: {
      headerRow: TASK_LIST_HEADER_ROW,
      firstRow,
      lastRow: firstRow + Math.max(masterRows.length, 1) - 1,
      col,
      extraColumns,
      rowOf: new Map(masterRows.map((row) => [row.code, row.r])),
      rows: masterRows,
    },
    valueDate,
    horizon,
    standings: all,
    planLine: planLine(plan, opts.language),
    derivedStyles: {},
  };

  const leadUnits = leadUnitNames(plan);
  const sheets = [
    dashboardSheet(ctx, leadUnits),
    tasksSheet(ctx),
    ...(opts.removed && opts.removed.length > 0 ? [removedSheet(ctx, opts.removed)] : []),
    ...sheetUnits.map((u, i) => unitSheet(ctx, u, unitSheetNames[i]!)),
    findingsSheet(ctx),
    unitsSheet(ctx),
    assignmentsSheet(ctx, assignments(ctx)),
    settingsSheet(ctx),
    ...(opts.history && opts.history.length > 0 ? [historySheet(ctx, opts.history)] : []),
  ];

  // One font for every cell (Cài đặt), at the size each style names or 11; then every row as
  // tall as its text needs in it.
  const font = opts.font ?? DEFAULT_FONT;
  const styles = Object.fromEntries(
    Object.entries({ ...STYLES, ...legendStyles(), ...ctx.derivedStyles }).map(([id, style]) => [
      id,
      { ...style, font: { ...style.font, name: font, size: style.font?.size ?? DEFAULT_SIZE } },
    ]),
  );
  const rowFitter = new RowFitter(styles, font, labels.words.tooTall!);
  for (const sheet of sheets) rowFitter.fitSheet(sheet);
  // The printed page, from the rows' final heights: a rule per kind of sheet.
  for (const sheet of sheets) {
    if (sheet.kind === 'dashboard' && sheet.print.printArea) {
      const last = Number(/(\d+)$/.exec(sheet.print.printArea)![1]);
      sheet.print = dashboardPrint(ctx, sheet, styles, DASHBOARD.header, last);
    } else if (sheet.kind === 'tasks') {
      sheet.print = tasksPrint(ctx, sheet, styles, TASK_LIST_HEADER_ROW, ctx.master.col.task + 1);
    } else if (sheet.kind === 'unit') {
      sheet.print = unitPrint(ctx, sheet, sheet.key.slice('unit:'.length), UNIT_HEADER_ROW);
    }
  }

  const settings = quoteSheet(fixed.settings);
  const abs = (a1: string): string => a1.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const layout: WorkbookLayout = {
    sheets,
    names: [
      {
        name: 'NgayBaoCao',
        ref: `${settings}!${abs(SETTINGS.reportDate)}`,
        comment: labels.words.reportDate,
      },
      {
        name: 'SoNgaySapDenHan',
        ref: `${settings}!${abs(SETTINGS.dueSoon)}`,
        comment: labels.words.dueSoon,
      },
      {
        name: 'DsTrangThai',
        ref: absoluteRange(
          fixed.settings,
          0,
          SETTINGS.stateListFirst,
          SETTINGS.stateListFirst + STATES.length - 1,
        ),
        comment: labels.words.stateList,
      },
      {
        name: IDENTITY_NAME,
        ref: absoluteRange(fixed.settings, 1, SETTINGS.identityFirst, SETTINGS.identityFirst + 4),
        comment: labels.words.identityTitle,
      },
      {
        name: HORIZON_NAME,
        ref: `${settings}!${abs(SETTINGS.horizon)}`,
        comment: labels.words.horizon,
      },
      // The words formulas compare with and return: the legend's and the state list's cells.
      ...CATEGORIES.map((c, i) => ({
        name: CATEGORY_NAMES[c],
        ref: `${settings}!$A$${SETTINGS.legendFirst + i}`,
        comment: labels.categories[c],
      })),
      ...STATES.map((st, i) => ({
        name: STATE_NAMES[st],
        ref: `${settings}!$A$${SETTINGS.stateListFirst + i}`,
        comment: labels.states[st],
      })),
      ...sheets.map((s) => ({
        name: s.marker,
        ref: `${quoteSheet(s.name)}!$A$1`,
        comment: `PhuLuc: ${s.key}`,
      })),
    ],
    styles,
    activeSheet: fixed.dashboard,
    properties: {
      title: `${labels.words.trackerTitle} — ${ctx.planLine}`,
      subject: plan.document.title ?? '',
      creator: 'PhuLuc',
      description: `phuluc.plan/1; ${plan.tasks.length} tasks; ${ctx.master.rows.filter((r) => r.role !== 'heading').length} items; ${plan.units.length} units`,
    },
  };
  // Every string made one Excel takes, whatever the plan or the carried values hold.
  return legalLayout(layout, opts.language);
}
