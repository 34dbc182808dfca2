// The tracking year as staff live it, in another program: seed 000's tracker, built for
// 01/10/2019, gets an occurrence cancelled, one paused, one marked done without a date, one
// extended (Gia hạn đến, Căn cứ gia hạn) and a task typed into a new row at the end of the task
// list, all by openpyxl; the file is saved by openpyxl — or opened and saved again by LibreOffice
// — and rebuilt by `phuluc build`. LibreOffice then recalculates it: each edit gives its
// category (before the rebuild too, on the rows that were there), the typed row is a task with a
// Mã and a status, every dashboard and unit-sheet row equals the core's for the same entries and
// adds up to its Tổng số, and the entries are still on their items.
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parsePlanText } from '../../src/core/plan/parse';
import { withTypedTasks } from '../../src/core/plan/typed';
import type { Entered } from '../../src/core/status';
import { layoutWorkbook } from '../../src/layout';
import { openWorkbook } from '../../src/readers/xlsx';
import { seedNamed, seedPath, seedText } from '../helpers/seeds';
import {
  type Case,
  type Cells,
  DUE_SOON,
  expectDashboard,
  expectStatuses,
  expectUnitSheets,
  L,
  sheetOf,
  statusesOf,
  storedValues,
} from '../helpers/tracking';
import { convert, findSoffice, privateProfile } from '../libreoffice/soffice';
import { runCli, suiteFolder } from './helpers/harness';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(__dirname, 'helpers', 'scenario.py');
const ci = process.env.CI === 'true';
const openpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
const soffice = findSoffice();
if ((!openpyxl || !soffice) && !ci)
  console.warn('\n*** openpyxl or LibreOffice missing: the tracking-year edits are SKIPPED. ***\n');

const TODAY = '2019-10-01';
const c = L.categories;
/** What a person types, by Mã (header → value), and the category each edit must give. */
const EDITS: Record<string, { values: Record<string, unknown>; entered: Entered; want: string }> = {
  'V.1/2019-Q3': {
    values: { 'Trạng thái': 'Đã hủy' },
    entered: { state: 'cancelled' },
    want: c.cancelled,
  },
  'V.2/2019-Q3': {
    values: { 'Trạng thái': 'Tạm dừng' },
    entered: { state: 'paused' },
    want: c.paused,
  },
  'V.3/2019-Q3': {
    values: { 'Trạng thái': 'Hoàn thành' },
    entered: { state: 'done' },
    want: c['done-undated'],
  },
  // Overdue since 30/06/2019, extended to 20/10/2019: in time again; Hạn keeps 30/06.
  'V.1/2019-Q2': {
    values: {
      'Gia hạn đến': { date: '2019-10-20' },
      'Căn cứ gia hạn': 'Công văn số 12/UBND-VP ngày 25/6/2019',
    },
    entered: { extendedTo: '2019-10-20' },
    want: c['on-track'],
  },
  // Extended, and still late: extended to 20/09/2019.
  'V.2/2019-Q2': {
    values: { 'Gia hạn đến': { date: '2019-09-20' } },
    entered: { extendedTo: '2019-09-20' },
    want: c.overdue,
  },
};
const TYPED_ROW = {
  'Nhiệm vụ': 'Kiểm tra việc niêm yết công khai tại 12 xã, phường',
  'Chủ trì': 'Văn phòng HĐND&UBND thị xã',
  'Thời gian': 'Tháng 9/2019',
};

const { file } = suiteFolder('phuluc-year-');

const run = runCli;

/** Opened, recalculated and saved by LibreOffice (a private profile: recalculation on load). */
function libreOffice(path: string): string {
  const dir = file('lo');
  mkdirSync(dir);
  const input = join(dir, 'so.xlsx');
  copyFileSync(path, input);
  const outDir = join(dir, 'out');
  const r = convert(soffice!, privateProfile(join(dir, 'profile')), [input], 'xlsx', outDir);
  expect(r.status).toBe(0);
  return join(outDir, 'so.xlsx');
}

/** Seed 000's tracker with the edits typed by openpyxl. */
async function edited(): Promise<string> {
  const built = file('so.xlsx');
  const r = await run(['build', seedPath(seedNamed('000')), '-o', built, '--today', TODAY]);
  expect(r.code).toBe(0);
  const values: Record<string, Record<string, unknown>> = {};
  for (const [code, e] of Object.entries(EDITS)) values[code] = e.values;
  const edits = file('edits.json');
  writeFileSync(edits, JSON.stringify({ values, typedRow: TYPED_ROW }));
  const out = file('so-da-nhap.xlsx');
  const py = spawnSync(PYTHON, [SCRIPT, 'type', built, out, edits], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (py.status !== 0) throw new Error(`scenario.py: ${py.stderr}`);
  return out;
}

/** The core's case for the rebuilt tracker: the plan with the typed task, the entries typed. */
function expected(): Case {
  const plan = withTypedTasks(parsePlanText(seedText(seedNamed('000'))), [
    {
      id: '+1',
      section: null,
      stt: '',
      title: TYPED_ROW['Nhiệm vụ'],
      lead: TYPED_ROW['Chủ trì'],
      support: '',
      time: TYPED_ROW['Thời gian'],
      product: '',
    },
  ]);
  const core: Record<string, Entered> = {};
  for (const [code, e] of Object.entries(EDITS)) core[code] = e.entered;
  const layout = layoutWorkbook(plan, { reportDate: TODAY, dueSoonDays: DUE_SOON, language: 'vi' });
  return { name: 'so-000', plan, layout, reportDate: TODAY, core };
}

/** The computed values of a workbook LibreOffice saved: sheet name → cells. */
function computed(path: string): (sheet: string) => Cells {
  const book = openWorkbook(readFileSync(path));
  return (name) => storedValues(book.sheet(name));
}

function expectEdits(tasks: Cells): void {
  const got = statusesOf(tasks);
  const want: Record<string, unknown> = {};
  for (const [code, e] of Object.entries(EDITS)) want[code] = e.want;
  expect(Object.fromEntries(Object.keys(EDITS).map((code) => [code, got.get(code)]))).toEqual(want);
}

function expectRebuilt(path: string): void {
  const sheets = computed(path);
  const b = expected();
  const tasks = sheets(sheetOf(b, 'tasks').name);
  expectEdits(tasks);
  expect(statusesOf(tasks).get('+1')).toBe(c.overdue);
  // Every status, every dashboard and unit row is the core's for the same entries, adding up.
  expectStatuses(b, tasks);
  expectDashboard(b, sheets(sheetOf(b, 'dashboard').name));
  expectUnitSheets(b, sheets);
  // The extension is still there, on its occurrence, with its basis; Hạn kept the original.
  const book = openWorkbook(readFileSync(path));
  const sheet = book.sheet(sheetOf(b, 'tasks').name);
  const header = sheet.cells.find((x) => x.value.type === 'text' && x.value.text === L.words.code)!;
  const col = (label: string): number =>
    sheet.cells.find(
      (x) => x.row === header.row && x.value.type === 'text' && x.value.text === label,
    )!.col;
  const row = sheet.cells.find(
    (x) => x.col === header.col && x.value.type === 'text' && x.value.text === 'V.1/2019-Q2',
  )!.row;
  const at = (label: string) => sheet.cell(row, col(label))?.value;
  expect([at(L.words.due!), at(L.words.extendedTo!), at(L.words.extensionBasis!)]).toEqual([
    { type: 'date', iso: '2019-06-30', serial: 43646 },
    { type: 'date', iso: '2019-10-20', serial: 43758 },
    { type: 'text', text: 'Công văn số 12/UBND-VP ngày 25/6/2019' },
  ]);
}

((openpyxl && soffice) || ci ? describe : describe.skip)(
  'a tracker edited in another program, saved by it, then rebuilt',
  () => {
    test('openpyxl: each edit gives its category, and every row adds up after the rebuild', async () => {
      const path = await edited();
      // Before the rebuild, the rows that were there already judge the entries.
      expectEdits(computed(libreOffice(path))(sheetOf(expected(), 'tasks').name));
      const r = await run(['build', seedPath(seedNamed('000')), '-o', path, '--today', TODAY]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/\+1 "Kiểm tra việc niêm yết/);
      expectRebuilt(libreOffice(path));
    });

    test('LibreOffice: the same, the file saved by LibreOffice before the rebuild', async () => {
      const saved = libreOffice(await edited());
      const r = await run(['build', seedPath(seedNamed('000')), '-o', saved, '--today', TODAY]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expectRebuilt(libreOffice(saved));
    });
  },
);

/**
 * Seed 000's tracker as the code before occurrences and extensions wrote it (main at 25656c6:
 * `phuluc build 000_….txt --today 2019-06-30`): no Gia hạn đến, no Căn cứ gia hạn, V.1–V.3 on
 * one row each.
 */
interface Inspected {
  tasks: {
    headers: string[];
    rows: Record<string, { row: number; cells: Record<string, { value: unknown }> }>;
  };
}
const OLD_TRACKER = join(__dirname, '..', 'fixtures', 'trackers', 'm6-seed000.xlsx');
const OLD_EDITS: Record<string, Record<string, unknown>> = {
  'I.1': {
    'Trạng thái': 'Hoàn thành',
    'Ngày hoàn thành': { date: '2019-02-20' },
    'Ghi chú': 'Đã ban hành hướng dẫn',
    'Người theo dõi': 'Chị Lan',
  },
  'I.2': { 'Trạng thái': 'Đang thực hiện', 'Tiến độ (%)': 60 },
  'V.8': { 'Trạng thái': 'Tạm dừng', 'Ghi chú': 'Chờ hướng dẫn của tỉnh' },
  // A quarterly task, marked done on its one row: now tracked per quarter.
  'V.1': { 'Trạng thái': 'Hoàn thành', 'Ngày hoàn thành': { date: '2019-03-25' } },
};

(openpyxl || ci ? describe : describe.skip)(
  'a tracker built before occurrences and extensions',
  () => {
    test('keeps every entry on a rebuild; a task now split into periods keeps them in words', async () => {
      const old = file('so-cu.xlsx');
      const py = (...args: string[]): string => {
        const r = spawnSync(PYTHON, [SCRIPT, ...args], { encoding: 'utf8', timeout: 120_000 });
        if (r.status !== 0) throw new Error(`scenario.py: ${r.stderr}`);
        return r.stdout;
      };
      const edits = file('edits.json');
      writeFileSync(edits, JSON.stringify({ values: OLD_EDITS, added: ['Người theo dõi'] }));
      py('type', OLD_TRACKER, old, edits);
      const before = JSON.parse(py('inspect', old)) as Inspected;
      expect(before.tasks.headers).not.toContain(L.words.extendedTo);
      expect(Object.keys(before.tasks.rows)).not.toContain('V.1/2019-Q1');

      const r = await run(['build', seedPath(seedNamed('000')), '-o', old, '--today', TODAY]);
      expect(r.code).toBe(0);
      expect(r.out + r.err).toMatch(/V\.1 nay được theo dõi theo từng kỳ/);
      const seen = JSON.parse(py('inspect', old)) as Inspected;
      const value = (code: string, header: string): unknown =>
        seen.tasks.rows[code]?.cells[header]?.value;
      for (const [code, cells] of Object.entries(OLD_EDITS)) {
        if (code === 'V.1') continue;
        for (const [header, v] of Object.entries(cells))
          expect({ code, header, value: value(code, header) }).toEqual({ code, header, value: v });
      }
      // V.1 is a heading over four quarters; what was typed on its row is in its note, in words.
      expect(Object.keys(seen.tasks.rows).filter((k) => k.startsWith('V.1/'))).toEqual(
        [1, 2, 3, 4].map((q) => `V.1/2019-Q${q}`),
      );
      expect(value('V.1', 'Ghi chú')).toMatch(/Hoàn thành.*25\/03\/2019/s);
      expect(value('V.1', 'Trạng thái')).toBeNull();
      expect(value('V.1/2019-Q1', 'Trạng thái')).toBe(L.states['not-started']);
      // The new columns are there, empty, for staff to use.
      expect(seen.tasks.headers).toEqual(
        expect.arrayContaining([L.words.extendedTo, L.words.extensionBasis, 'Người theo dõi']),
      );
      if (!soffice) return;
      // Recalculated, the entries count as the core counts them, every row adding up.
      const sheets = computed(libreOffice(old));
      const plan = parsePlanText(seedText(seedNamed('000')));
      const b: Case = {
        name: 'so-cu',
        plan,
        layout: layoutWorkbook(plan, { reportDate: TODAY, dueSoonDays: DUE_SOON, language: 'vi' }),
        reportDate: TODAY,
        core: {
          'I.1': { state: 'done', completed: '2019-02-20' },
          'I.2': { state: 'in-progress' },
          'V.8': { state: 'paused' },
        },
      };
      expectStatuses(b, sheets(sheetOf(b, 'tasks').name));
      expectDashboard(b, sheets(sheetOf(b, 'dashboard').name));
    });
  },
);
