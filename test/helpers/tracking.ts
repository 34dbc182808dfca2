// The tracking year's reference cases, shared by the test that reads a tracker's stored values
// (test/render/cached.test.ts) and the one that lets LibreOffice recalculate it
// (test/libreoffice/recalc.test.ts): every seed at a report date that shows every colour, seeds
// 000, 001 and 004 at the dates the issue names, a plan with thirty overdue items, each with
// values typed in (done on time, late, without a date, paused, cancelled, extended…); and the
// readings of a computed workbook (task list, Phân công, dashboard, unit sheets) compared with
// the core.
import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import type { Entered } from '../../src/core/status';
import { daysBetween } from '../../src/core/time/calendar';
import { defaultHorizon } from '../../src/core/status/items';
import {
  itemStandings,
  rollupOf,
  SPLIT,
  standings,
  type TaskStanding,
  type UnitRollup,
} from '../../src/core/status/rollup';
import { labelsFor, layoutWorkbook, stateOfLabel, type EnteredValues } from '../../src/layout';
import type { WorkbookLayout } from '../../src/layout/types';
import type { XlsxSheet } from '../../src/readers/xlsx';
import { hostilePlan } from './hostile';
import { SEEDS, seedNamed, seedText } from './seeds';

export const L = labelsFor('vi');
export const DUE_SOON = 7;
/** A plan whose unit names and Mã are wildcards, operators, case variants, 255+ characters. */
export const HOSTILE = 'hostile';
export const PLANS = [...SEEDS, HOSTILE];
/** The dates the issue names, for the seeds with recurring tasks. */
export const DATES = ['2019-10-01', '2019-12-31', '2025-01-15'];
const DATED = ['000', '001', '004'].flatMap((prefix) =>
  DATES.map((date) => ({ name: `${prefix}@${date}`, seed: seedNamed(prefix), date })),
);
export const OVERDUE_30 = 'overdue30';

/** One plan built for one report date, with values typed in. */
export interface Case {
  name: string;
  plan: Plan;
  layout: WorkbookLayout;
  reportDate: string;
  /** The typed values as the core takes them. */
  core: Record<string, Entered>;
}

/** A sheet's values: address → text, number (dates as serials), boolean or { error }. */
export type Cells = Map<string, unknown>;

/** A sheet's stored values by address (dates as serials), formulas not evaluated. */
export function storedValues(sheet: XlsxSheet): Cells {
  const cells: Cells = new Map();
  for (const c of sheet.cells) {
    const address = `${colLetter(c.col)}${c.row}`;
    const v = c.value;
    if (v.type === 'text') cells.set(address, v.text);
    else if (v.type === 'number' || v.type === 'bool') cells.set(address, v.value);
    else if (v.type === 'date') cells.set(address, v.serial);
    else if (v.type === 'error') cells.set(address, { error: v.text });
  }
  return cells;
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/**
 * A report date that leaves every colour on the sheet: the day after the 8th earliest fixed
 * deadline (the earliest tasks get typed values, the next ones stay overdue, later ones are
 * still ahead).
 */
function reportDateOf(plan: Plan): string {
  const dues = plan.tasks
    .filter((t) => !t.time.recurrence)
    .map((t) => t.time.due)
    .filter((d): d is string => !!d)
    .sort();
  const pivot = dues[Math.min(dues.length - 1, 7)];
  return pivot ? addDays(pivot, 1) : (plan.document.date ?? '2024-06-30');
}

/** The items of the plan on a date (headings left out), as the layout will list them. */
function itemsOf(plan: Plan, date: string): TaskStanding[] {
  const horizon = defaultHorizon(plan, Number(date.slice(0, 4)));
  return itemStandings(standings(plan, date, DUE_SOON, {}, { horizon }));
}

/** Values typed into the workbook (by Mã: tasks and occurrences), and the same for the core. */
export function typedValues(
  plan: Plan,
  date: string,
): { layout: Record<string, EnteredValues>; core: Record<string, Entered> } {
  const items = itemsOf(plan, date);
  const dated = items.filter((s) => s.due).sort((a, b) => (a.due! < b.due! ? -1 : 1));
  const pick = [...dated, ...items.filter((s) => !s.due)];
  const layout: Record<string, EnteredValues> = {};
  const set = (i: number, v: EnteredValues): void => {
    const item = pick[i];
    if (item && !layout[item.id]) layout[item.id] = v;
  };
  const due = (i: number): string => pick[i]?.due ?? '2024-01-01';
  set(0, { state: L.states.done, completed: addDays(due(0), -3), note: '=SUM(1,2) là ghi chú' });
  set(1, { state: L.states.done, completed: addDays(due(1), 10), note: '- đã xong, muộn' });
  set(2, { state: L.states.paused, note: '+84 912 345 678' });
  set(3, { state: L.states.cancelled, note: '@văn thư' });
  set(4, { completed: addDays(due(4), 1) });
  set(5, { state: L.states['in-progress'], progress: 40 });
  // Done, and nobody wrote when: not on time.
  set(6, { state: L.states.done });
  // An overdue item extended: judged against the new date (3 days ahead: due soon).
  const late = dated.findIndex((s, i) => i > 6 && s.due! < date);
  if (late >= 0)
    set(late, {
      extendedTo: addDays(date, 3),
      extensionBasis: 'Công văn số 12/UBND-VP',
    });
  set(pick.length - 1, { state: L.states.done });
  const core: Record<string, Entered> = {};
  for (const [id, v] of Object.entries(layout)) {
    core[id] = {
      state: stateOfLabel(v.state),
      completed: v.completed ?? null,
      extendedTo: v.extendedTo ?? null,
    };
  }
  return { layout, core };
}

/** Thirty tasks past their deadline (the last without a lead) and five ahead: all thirty listed. */
function overduePlan(): Plan {
  const rows = ['STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian'];
  for (let i = 1; i <= 35; i++) {
    const month = i <= 30 ? 1 + (i % 12) : 12;
    rows.push(
      `${i}\tNhiệm vụ số ${i}: báo cáo kết quả thực hiện\t${i === 30 ? '' : i % 2 ? 'Sở Nội vụ' : 'Sở Tư pháp'}\tTháng ${month}/${i <= 30 ? 2023 : 2024}`,
    );
  }
  return parsePlanText(rows.join('\n'));
}

export function colLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Finds the row holding `label`; returns the row and a header → column map. */
export function headerRow(
  cells: Map<string, unknown>,
  label: string,
): { row: number; cols: Map<string, number> } {
  for (const [address, value] of cells) {
    if (value !== label) continue;
    const row = Number(/\d+$/.exec(address)![0]);
    const cols = new Map<string, number>();
    for (let c = 1; c <= 40; c++) {
      const v = cells.get(`${colLetter(c)}${row}`);
      if (typeof v === 'string' && !cols.has(v)) cols.set(v, c);
    }
    return { row, cols };
  }
  throw new Error(`no "${label}" on the sheet`);
}

/** Code cell values as the Mã they stand for (a number is a plain whole-number Mã). */
export const code = (v: unknown): string => (typeof v === 'number' ? String(v) : String(v ?? ''));

/** Tình trạng of every row of the task list, by Mã, as computed. */
export function statusesOf(cells: Map<string, unknown>): Map<string, unknown> {
  const { row, cols } = headerRow(cells, L.words.code!);
  const codeCol = colLetter(cols.get(L.words.code!)!);
  const statusCol = colLetter(cols.get(L.words.status!)!);
  const got = new Map<string, unknown>();
  for (let r = row + 1; cells.has(`${codeCol}${r}`); r++)
    got.set(code(cells.get(`${codeCol}${r}`)), cells.get(`${statusCol}${r}`));
  return got;
}

const DASHBOARD_FIELDS = (): [keyof UnitRollup, string][] => [
  ['total', L.words.total!],
  ['doneOnTime', L.categories['done-on-time']],
  ['doneLate', L.categories['done-late']],
  ['doneUndated', L.categories['done-undated']],
  ['pendingInTime', L.words.pendingInTime!],
  ['overdue', L.categories.overdue],
  ['noDeadline', L.categories['no-deadline']],
  ['paused', L.categories.paused],
  ['cancelled', L.categories.cancelled],
  ['due', L.words.dueCount!],
  ['dueSoon', L.words.dueSoonOf!],
  ['extended', L.words.extendedCount!],
  ['pctDone', L.words.pctDone!],
  ['pctOnTime', L.words.pctOnTime!],
];

/** The dashboard's rows as computed: unit name → figures. */
export function dashboardRows(cells: Map<string, unknown>): Record<string, unknown>[] {
  const { row, cols } = headerRow(cells, L.words.leadUnit!);
  const out: Record<string, unknown>[] = [];
  for (let r = row + 1; ; r++) {
    const unit = cells.get(`${colLetter(cols.get(L.words.leadUnit!)!)}${r}`);
    if (unit === undefined) break;
    const figures: Record<string, unknown> = { unit };
    for (const [key, label] of DASHBOARD_FIELDS()) {
      const v = cells.get(`${colLetter(cols.get(label)!)}${r}`);
      figures[key] =
        typeof v === 'number' && key.startsWith('pct')
          ? Math.round(v * 1e9) / 1e9
          : v === '' || v === undefined
            ? null
            : v;
    }
    out.push(figures);
    if (unit === L.words.wholePlan) break;
  }
  return out;
}

function wanted(u: UnitRollup, unit: string): Record<string, unknown> {
  const out: Record<string, unknown> = { unit };
  for (const [key] of DASHBOARD_FIELDS()) {
    const v = u[key];
    out[key] = typeof v === 'number' && key.startsWith('pct') ? Math.round(v * 1e9) / 1e9 : v;
  }
  return out;
}

const addsUp = (row: Record<string, unknown>): boolean =>
  SPLIT.reduce((n, k) => n + Number(row[k] ?? 0), 0) === row.total;

/** Builds a plan for a report date, with the typed values of `typedValues` unless told not to. */
export function buildCase(name: string, plan: Plan, reportDate: string, typing = true): Case {
  const typed = typing ? typedValues(plan, reportDate) : { layout: {}, core: {} };
  const layout = layoutWorkbook(plan, {
    reportDate,
    dueSoonDays: DUE_SOON,
    language: 'vi',
    groupSheets: false,
    entered: typed.layout,
  });
  return { name, plan, layout, reportDate, core: typed.core };
}

/** Every case: the seeds and the hostile plan, the named dates, the thirty overdue items. */
export function trackingCases(): Case[] {
  const out: Case[] = [];
  for (const name of PLANS) {
    const plan = name === HOSTILE ? hostilePlan() : parsePlanText(seedText(name));
    out.push(buildCase(name, plan, reportDateOf(plan)));
  }
  for (const d of DATED) out.push(buildCase(d.name, parsePlanText(seedText(d.seed)), d.date));
  out.push(buildCase(OVERDUE_30, overduePlan(), '2024-06-30', false));
  return out;
}

/** The core's standings (headings included) and roll-up for a case. */
export function coreOf(b: Case): { all: TaskStanding[]; rollup: ReturnType<typeof rollupOf> } {
  const horizon = defaultHorizon(b.plan, Number(b.reportDate.slice(0, 4)));
  const all = standings(b.plan, b.reportDate, DUE_SOON, b.core, { horizon });
  return { all, rollup: rollupOf(b.plan, itemStandings(all), b.reportDate) };
}

export const sheetOf = (b: Case, kind: string) => b.layout.sheets.find((s) => s.kind === kind)!;

/** Every Tình trạng of the task list (tasks, headings, occurrences) equals the core's. */
export function expectStatuses(b: Case, tasks: Cells): void {
  const { all } = coreOf(b);
  if (b.plan.tasks.length === 0) {
    expect(all).toEqual([]);
    return;
  }
  const got = statusesOf(tasks);
  const want = new Map(all.map((s) => [s.id, L.categories[s.status]]));
  expect({ plan: b.name, statuses: Object.fromEntries(got) }).toEqual({
    plan: b.name,
    statuses: Object.fromEntries(want),
  });
}

/** Every Phân công row reads the status of its own item; no heading is listed. */
export function expectAssignments(b: Case, cells: Cells): void {
  if (b.plan.tasks.length === 0) return;
  const { all } = coreOf(b);
  const want = new Map(all.map((s) => [s.id, L.categories[s.status]]));
  const headings = new Set(all.filter((s) => s.role === 'heading').map((s) => s.id));
  const { row, cols } = headerRow(cells, L.words.code!);
  const c = colLetter(cols.get(L.words.code!)!);
  const status = colLetter(cols.get(L.words.status!)!);
  const wrongRows: string[] = [];
  let rows = 0;
  for (let r = row + 1; cells.has(`${c}${r}`); r++, rows++) {
    const id = code(cells.get(`${c}${r}`));
    if (headings.has(id)) wrongRows.push(`${id}: a heading counted as an item`);
    if (cells.get(`${status}${r}`) !== want.get(id))
      wrongRows.push(`${id}: ${String(cells.get(`${status}${r}`))} ≠ ${want.get(id)}`);
  }
  expect({ plan: b.name, wrong: wrongRows }).toEqual({ plan: b.name, wrong: [] });
  // Every item with a lead has a row (an item without one has nobody to assign it to).
  expect(rows).toBeGreaterThanOrEqual(
    itemStandings(all).filter((s) => s.row.task.lead.length > 0).length,
  );
}

/** Every dashboard row equals the core roll-up and adds up to its Tổng số. */
export function expectDashboard(b: Case, cells: Cells): void {
  const { rollup } = coreOf(b);
  if (b.plan.tasks.length === 0) {
    expect(rollup.units).toEqual([]);
    expect([...cells.values()]).toContain(L.words.noTasks);
    return;
  }
  const rows = dashboardRows(cells);
  expect({ plan: b.name, rows }).toEqual({
    plan: b.name,
    rows: [...rollup.units.map((u) => wanted(u, u.unit)), wanted(rollup.total, L.words.wholePlan!)],
  });
  for (const row of rows)
    expect({ plan: b.name, unit: row.unit, addsUp: addsUp(row) }).toEqual({
      plan: b.name,
      unit: row.unit,
      addsUp: true,
    });
}

/** Every unit sheet counts its items as lead like the core, the parts adding up to Tổng số. */
export function expectUnitSheets(b: Case, sheet: (name: string) => Cells): void {
  const { rollup } = coreOf(b);
  for (const layout of b.layout.sheets.filter((s) => s.kind === 'unit')) {
    const cells = sheet(layout.name);
    const value = (label: string): number => {
      for (const [address, v] of cells) {
        if (v !== label || !/^[A-Z]+[35]$/.test(address)) continue;
        const m = /^([A-Z]+)(\d+)$/.exec(address)!;
        return Number(cells.get(`${m[1]}${Number(m[2]) + 1}`));
      }
      throw new Error(`${layout.name}: no count "${label}"`);
    };
    const c = L.categories;
    const parts = [
      c.overdue,
      c['due-soon'],
      c['on-track'],
      c['done-on-time'],
      c['done-late'],
      c['done-undated'],
      c['no-deadline'],
      c.paused,
      c.cancelled,
    ].map(value);
    const unit = layout.key.slice('unit:'.length);
    const figures = rollup.units.find((u) => u.unit === unit)!;
    expect({
      plan: b.name,
      unit,
      total: value(L.words.total!),
      sum: parts.reduce((x, y) => x + y),
      overdue: value(c.overdue),
      extended: value(L.words.extendedCount!),
    }).toEqual({
      plan: b.name,
      unit,
      total: figures.total,
      sum: figures.total,
      overdue: figures.overdue,
      extended: figures.extended,
    });
  }
}

/** The dashboard lists every overdue item, numbered, in document order, with its days late. */
export function expectOverdueList(b: Case, cells: Cells): void {
  if (b.plan.tasks.length === 0) return;
  const overdue = itemStandings(coreOf(b).all).filter((s) => s.status === 'overdue');
  const { row, cols } = headerRow(cells, L.words.daysLate!);
  const at = (label: string, r: number): unknown => cells.get(`${colLetter(cols.get(label)!)}${r}`);
  const listed: string[] = [];
  const late: unknown[] = [];
  const leads: unknown[] = [];
  for (let r = row + 1; typeof at(L.words.stt!, r) === 'number'; r++) {
    expect(at(L.words.stt!, r)).toBe(listed.length + 1);
    expect(String(at(L.words.task!, r) ?? '')).not.toBe('');
    listed.push(code(at(L.words.code!, r)));
    late.push(at(L.words.daysLate!, r));
    leads.push(at(L.words.lead!, r) ?? '');
  }
  expect({ plan: b.name, listed, late, leads }).toEqual({
    plan: b.name,
    listed: overdue.map((s) => s.id),
    late: overdue.map((s) => daysBetween(s.due!, b.reportDate)),
    // A task without a lead shows an empty cell, not 0.
    leads: overdue.map((s) => s.row.task.lead.join('\n')),
  });
  const title = [...cells.values()].find(
    (v) => typeof v === 'string' && v.startsWith(L.words.overdueList!),
  );
  expect(title).toBe(`${L.words.overdueList!} (${L.words.overdueTotal!}: ${overdue.length})`);
}

/**
 * The periods of seed 000's V.1–V.3 and of seed 004's and 001's recurring tasks, each its own
 * row with its own status, at the dates the issue names (`statuses`: a case's task list, Mã →
 * Tình trạng). An item that got a typed value (see `typedValues`) must show the core's status
 * for it; the others the status the date gives them.
 */
export function expectPeriods(cases: Case[], statuses: (c: Case) => Map<string, unknown>): void {
  const caseAt = (prefix: string, date: string): Case =>
    cases.find((x) => x.name === `${prefix}@${date}`)!;
  const at = (prefix: string, date: string) => statuses(caseAt(prefix, date));
  const check = (prefix: string, date: string, codes: string[], label: string): void => {
    const c = caseAt(prefix, date);
    const core = new Map(coreOf(c).all.map((s) => [s.id, L.categories[s.status]]));
    const got = at(prefix, date);
    expect({ case: c.name, statuses: codes.map((code) => got.get(code)) }).toEqual({
      case: c.name,
      statuses: codes.map((code) => (code in c.core ? core.get(code) : label)),
    });
    // At least half of them are untouched, so the date alone decides.
    expect(codes.filter((code) => !(code in c.core)).length).toBeGreaterThanOrEqual(
      codes.length / 2,
    );
  };
  const codes = (prefix: string, date: string, id: string): string[] =>
    [...at(prefix, date).keys()].filter((c) => c.startsWith(`${id}/`));
  const q = (id: string, year = 2019) => [1, 2, 3, 4].map((n) => `${id}/${year}-Q${n}`);
  for (const date of DATES)
    for (const id of ['V.1', 'V.2', 'V.3']) expect(codes('000', date, id)).toEqual(q(id));
  // 01/10/2019: the third quarter was due yesterday, the fourth is ahead, and the task's own row
  // sums them up as its worst.
  check('000', '2019-10-01', ['V.1/2019-Q3', 'V.2/2019-Q3', 'V.3/2019-Q3'], 'Quá hạn');
  check('000', '2019-10-01', ['V.1/2019-Q4', 'V.2/2019-Q4', 'V.3/2019-Q4'], 'Trong hạn');
  check('000', '2019-10-01', ['V.1', 'V.2', 'V.3'], 'Quá hạn');
  // 31/12/2019: the fourth quarter is due today; in 2025 every quarter of 2019 is overdue.
  check('000', '2019-12-31', ['V.1/2019-Q4', 'V.2/2019-Q4', 'V.3/2019-Q4'], 'Sắp đến hạn');
  check(
    '000',
    '2025-01-15',
    ['V.1', 'V.2', 'V.3'].flatMap((id) => q(id)),
    'Quá hạn',
  );
  // Seed 004 names no term: its yearly tasks run to the report date's year.
  const years = (from: number, to: number): string[] =>
    Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  expect(codes('004', '2019-10-01', '21')).toEqual(years(2018, 2019).map((y) => `21/${y}`));
  expect(codes('004', '2025-01-15', '21')).toEqual(years(2018, 2025).map((y) => `21/${y}`));
  check(
    '004',
    '2025-01-15',
    years(2018, 2024).map((y) => `21/${y}`),
    'Quá hạn',
  );
  check('004', '2025-01-15', ['21/2025'], 'Trong hạn');
  // "Quý IV/2018 và các năm tiếp theo": the fixed quarter, then the following years.
  expect(codes('004', '2025-01-15', '4')).toEqual([
    '4/2018-Q4',
    ...years(2019, 2025).map((y) => `4/${y}`),
  ]);
  check('004', '2025-01-15', ['4/2018-Q4', '4/2019', '4/2020', '4/2024'], 'Quá hạn');
  check('004', '2019-10-01', ['4/2019'], 'Trong hạn');
  // Seed 001: "Báo cáo quý" in a plan for 2024, four quarters of 2024 only.
  expect(codes('001', '2025-01-15', 'XI.1')).toEqual(q('XI.1', 2024));
  check('001', '2025-01-15', q('XI.1', 2024), 'Quá hạn');
}
