// The Office door's reading of an existing tracker (src/office/tracker.ts → the one reader), in
// the cases issue 9 lists: a header moved down, another plan over the tracker, pairs of tasks
// nobody can be sure of, a list too large for one response, an Excel without notes.

import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import { carryOver } from '../../src/layout/tracker/carry';
import { readTracker } from '../../src/layout/tracker/read';
import { layoutWorkbook } from '../../src/layout';
import { isoToSerial } from '../../src/excel/dates';
import { ALL_FEATURES } from '../../src/render/office/features';
import { runReads } from '../../src/office/reads';
import { BuildError, buildWorkbook } from '../../src/office/rebuild';
import { queueSurvey } from '../../src/office/survey';
import { queueTrackerLocate, trackerReadJobs, valueEstimates } from '../../src/office/tracker';
import { ExcelDouble } from '../excel-double';
import { originalPlan, revisedPlan } from '../helpers/revision-scenario';
import { syntheticPlan } from './helpers';
import { insertRows } from './people';
import { master, newWorkbook, normalized, type } from './workbook';
import { trackedRows } from '../../src/core/status/items';
import { colName } from '../excel-double/a1';

const OPTIONS = { reportDate: '2019-06-01', language: 'vi' as const };
const PLAN = originalPlan();

async function typed(): Promise<ExcelDouble> {
  const excel = newWorkbook();
  await buildWorkbook(excel, { plan: PLAN, options: OPTIONS });
  type(excel, 'I.1', 'Trạng thái', 'Hoàn thành');
  type(excel, 'II.1', 'Tiến độ (%)', 70);
  type(excel, 'VI.2', 'Ghi chú', 'Gộp vào VI.1');
  type(excel, 'III.2', 'Người theo dõi', 'Chị Hà');
  return excel;
}

function expectCarried(excel: ExcelDouble): void {
  const m = master(excel);
  const at = (code: string, header: string): unknown =>
    excel.state.cell(m.sheet, m.rows.get(code)!, m.columns.get(header)!)?.value;
  expect(at('I.1', 'Trạng thái')).toBe('Hoàn thành');
  expect(at('II.1', 'Tiến độ (%)')).toBe(70);
  expect(at('VI.2', 'Ghi chú')).toBe('Gộp vào VI.1');
  expect(at('III.2', 'Người theo dõi')).toBe('Chị Hà');
}

describe('a header moved down', () => {
  test('10 rows inserted above the title: the table and the moved marker still lead to it', async () => {
    const excel = await typed();
    insertRows(excel, 'Nhiệm vụ', 0, 10);
    expect(excel.state.names.find((n) => n.name === 'PhuLuc_NhiemVu')?.formula).toBe(
      "='Nhiệm vụ'!$A$11",
    );
    const report = await buildWorkbook(excel, { plan: PLAN, options: OPTIONS });
    expect(report.renamed).toEqual([]);
    expect(report.rebuild?.plan.verdict).toBe('same');
    expect(report.carried).toBe(4);
    expectCarried(excel);
    expect(excel.sheetNames().filter((n) => n.startsWith('Nhiệm vụ'))).toEqual(['Nhiệm vụ']);
  });

  test('without its table and marker, the header is found by its words', async () => {
    const excel = await typed();
    insertRows(excel, 'Nhiệm vụ', 2, 10);
    excel.state.tables = excel.state.tables.filter((t) => t.name !== 'PhuLuc_NhiemVu_Bang');
    excel.state.names = excel.state.names.filter((n) => n.name !== 'PhuLuc_NhiemVu');
    const report = await buildWorkbook(excel, { plan: PLAN, options: OPTIONS });
    // The old list is no longer marked as PhuLuc's: it is left alone, and read.
    expect(report.renamed).toEqual([{ key: 'tasks', wanted: 'Nhiệm vụ', name: 'Nhiệm vụ (2)' }]);
    expect(report.carried).toBe(4);
    expectCarried(excel);
  });

  test('more rows down than the first rows PhuLuc looks at: the sheet is read whole', async () => {
    const excel = await typed();
    insertRows(excel, 'Nhiệm vụ', 2, 60);
    excel.state.tables = excel.state.tables.filter((t) => t.name !== 'PhuLuc_NhiemVu_Bang');
    const report = await buildWorkbook(excel, { plan: PLAN, options: OPTIONS });
    expect(report.carried).toBe(4);
    expectCarried(excel);
  });
});

describe('the plan the workbook tracks', () => {
  /** A table pasted from somewhere: no number, no title; tasks of another plan. */
  const pasted: Plan = parsePlanText(
    [
      'STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian',
      '1\tTổ chức hội nghị tổng kết công tác dân vận\tBan Dân vận\tQuý IV/2019',
      '2\tRà soát quy hoạch sử dụng đất các xã\tPhòng Tài nguyên và Môi trường\tTháng 11/2019',
      '3\tKiểm tra an toàn thực phẩm dịp Tết\tPhòng Y tế\tTháng 01/2020',
    ].join('\n'),
  );

  test('an untitled plan over another plan’s tracker is refused: a question, nothing changed', async () => {
    const excel = await typed();
    const before = normalized(excel);
    excel.resetStats();
    const error = (await buildWorkbook(excel, { plan: pasted, options: OPTIONS }).catch(
      (e: unknown) => e,
    )) as BuildError;
    expect(error).toBeInstanceOf(BuildError);
    expect(error).toMatchObject({ code: 'plan-differs', restored: true });
    expect(error.question?.plan).toMatchObject({
      before: { number: '15/KH-UBND', tasks: 20 },
      after: { number: null, title: null, tasks: 3 },
    });
    expect(error.vi).toMatch(/kế hoạch khác/);
    expect(normalized(excel)).toEqual(before);
    expect(excel.stats.syncs).toBe(3);
  });

  test('… and accepted when the person says so: the old entries are kept, apart', async () => {
    const excel = await typed();
    const report = await buildWorkbook(excel, {
      plan: pasted,
      options: OPTIONS,
      replacePlan: true,
    });
    expect(report.rebuild?.plan.verdict).toBe('different');
    expect(master(excel).rows.size).toBe(3);
    expect(report.rebuild?.removed.filter((r) => r.kept).map((r) => r.code)).toEqual([
      'I.1',
      'II.1',
      'III.2',
      'VI.2',
    ]);
  });

  test('pairs the matcher is unsure of come back as a question, then as the person decided', async () => {
    const excel = await typed();
    // A revision that rewrites II.1's title: the same lead and time, other words.
    const revised: Plan = {
      ...PLAN,
      tasks: PLAN.tasks.map((t) =>
        t.id === 'II.1'
          ? {
              ...t,
              title: `${t.title.split(' ').slice(0, 5).join(' ')} theo hướng dẫn mới của tỉnh`,
            }
          : t,
      ),
    };
    const error = (await buildWorkbook(excel, { plan: revised, options: OPTIONS }).catch(
      (e: unknown) => e,
    )) as BuildError;
    expect(error.code).toBe('tasks-uncertain');
    const pairs = error.question!.uncertain!;
    expect(pairs.map((p) => [p.key, p.to])).toEqual([['II.1', 'II.1']]);
    // "Not the same task": II.1's progress goes to the removed-tasks sheet.
    const apart = await buildWorkbook(excel, {
      plan: revised,
      options: OPTIONS,
      decisions: { 'II.1': null },
    });
    expect(apart.rebuild?.removed.map((r) => r.code)).toEqual(['II.1']);
    expect(
      excel.state.cell(
        master(excel).sheet,
        master(excel).rows.get('II.1')!,
        master(excel).columns.get('Tiến độ (%)')!,
      )?.value ?? null,
    ).toBeNull();
  });
});

describe('size and hosts', () => {
  test('a 10,000-task list takes more than one read, each response under Excel’s limit', async () => {
    const plan = syntheticPlan(10_000, 150);
    const layout = layoutWorkbook(plan, { ...OPTIONS, extraColumns: ['Người theo dõi'] });
    const excel = new ExcelDouble({ responseBytes: 5 * 1024 * 1024 });
    materialize(excel, layout);
    const sheet = layout.sheets.find((s) => s.kind === 'tasks')!;
    // Entries near the start, the middle and the end of the list.
    const rowOf = new Map(trackedRows(plan, { horizon: 2024 }).map((r, i) => [r.code, 4 + i]));
    const col = (header: string): number => sheet.table!.columns.indexOf(header);
    const at = (header: string, code: string): string =>
      `${colName(col(header))}${rowOf.get(code)!}`;
    const lastId = plan.tasks[plan.tasks.length - 1]!.id;
    excel.setCells(sheet.name, at('Trạng thái', plan.tasks[1]!.id), [['Hoàn thành']]);
    excel.setCells(sheet.name, at('Tiến độ (%)', plan.tasks[5000]!.id), [[45]]);
    excel.setCells(sheet.name, at('Người theo dõi', lastId), [['Anh Tuấn']]);
    excel.state.ensureCell(
      excel.sheet(sheet.name),
      rowOf.get(lastId)! - 1,
      col('Ghi chú'),
    ).format.fill = '#FFC000';
    excel.addNote(sheet.name, at('Nhiệm vụ', lastId), 'Cuối danh sách');
    const tracker = await excel.run({}, async (ctx) => {
      const survey = queueSurvey(ctx, false);
      await ctx.sync();
      const s = survey();
      const locate = queueTrackerLocate(ctx, s, ALL_FEATURES);
      await ctx.sync();
      const located = locate();
      const jobs = trackerReadJobs(located, ALL_FEATURES, s.date1904, valueEstimates(plan));
      await runReads(ctx, jobs);
      return readTracker(located.book);
    });
    const reads = excel.stats.requests.slice(2);
    expect(reads.length).toBeGreaterThan(1);
    expect(Math.max(...reads.map((r) => r.responseBytes))).toBeLessThanOrEqual(5 * 1024 * 1024);
    // Every row: the 10,000 tasks, and the quarters of the recurring ones.
    expect(tracker.rows).toHaveLength(trackedRows(plan, { horizon: 2024 }).length);
    expect(tracker.rows.filter((r) => !r.code.includes('/'))).toHaveLength(10_000);
    const carried = carryOver(tracker, plan, { today: '2024-06-02' });
    expect(carried.report.plan.verdict).toBe('same');
    const id = (i: number): string => plan.tasks[i]!.id;
    expect(carried.entered[id(1)]?.state).toBe('Hoàn thành');
    expect(carried.entered[id(5000)]?.progress).toBe(45);
    const end = carried.entered[id(9999)]!;
    expect(end.extra).toEqual({ 'Người theo dõi': 'Anh Tuấn' });
    expect(end.notes).toEqual({ 'Nhiệm vụ': 'Cuối danh sách' });
    expect(end.fills).toEqual({ 'Ghi chú': 'FFC000' });
  }, 120_000);

  test('a response Excel refuses anyway is split and asked again', async () => {
    // The same rebuild twice: once to see the size of its read, once with a limit below it.
    const measured = await typed();
    measured.resetStats();
    await buildWorkbook(measured, { plan: PLAN, options: OPTIONS });
    const [survey, locate, read] = measured.stats.requests.map((r) => r.responseBytes);
    expect(measured.stats.syncs).toBe(5);
    const limit = Math.max(survey!, locate!, Math.floor(read! * 0.6));
    expect(limit).toBeLessThan(read!);
    const small = new ExcelDouble({ responseBytes: limit });
    small.state = (await typed()).state;
    const report = await buildWorkbook(small, { plan: PLAN, options: OPTIONS });
    expect(report.carried).toBe(4);
    expectCarried(small);
    // The refused read and its two halves: two more requests than the rebuild above.
    expect(small.stats.syncs).toBe(7);
  });

  test('a workbook on the 1904 date system (old Mac) keeps its dates on their days', async () => {
    const excel = newWorkbook();
    excel.state.date1904 = true;
    await buildWorkbook(excel, { plan: PLAN, options: OPTIONS });
    const serial = isoToSerial('2019-02-20', true);
    type(excel, 'I.1', 'Ngày hoàn thành', serial);
    const report = await buildWorkbook(excel, {
      plan: revisedPlan(),
      options: OPTIONS,
      today: '2019-09-15',
    });
    expect(report.rebuild?.renumbered).toContainEqual({ from: 'I.1', to: 'I.3' });
    const m = master(excel);
    const cell = excel.state.cell(m.sheet, m.rows.get('I.3')!, m.columns.get('Ngày hoàn thành')!);
    expect(cell?.value).toBe(serial);
    expect(cell?.numberFormat).toBe('dd/mm/yyyy');
  });

  test('an Excel without notes (ExcelApi 1.17) says it left them out', async () => {
    const excel = await typed();
    const m = master(excel);
    excel.addNote('Nhiệm vụ', `D${m.rows.get('I.1')! + 1}`, 'Ghi chú của tôi');
    const old = new ExcelDouble({ api: '1.17' });
    old.state = excel.state;
    const report = await buildWorkbook(old, { plan: PLAN, options: OPTIONS });
    expect(report.omitted.map((o) => o.feature)).toEqual(['undoGroup', 'notes']);
    expectCarried(old);
  });
});

/** Writes a layout straight into the double's state (fast: no requests), as a built workbook. */
function materialize(excel: ExcelDouble, layout: ReturnType<typeof layoutWorkbook>): void {
  for (const sheet of layout.sheets) {
    excel.addSheet(sheet.name);
    for (const block of sheet.blocks) {
      const rows = block.rows.map((row) =>
        row.map((cell) => {
          if (!cell) return null;
          if (cell.formula !== undefined) return null;
          if (cell.text !== undefined) return cell.text === '' ? null : cell.text;
          if (cell.number !== undefined) return cell.number;
          if (cell.date !== undefined)
            return { value: isoToSerial(cell.date), numberFormat: 'dd/mm/yyyy' };
          return null;
        }),
      );
      excel.setCells(sheet.name, block.origin, rows);
    }
    if (sheet.table) excel.addTable(sheet.name, sheet.table.range, sheet.table.name);
  }
  for (const n of layout.names) excel.addName(n.name, n.ref, n.comment ?? '');
}
