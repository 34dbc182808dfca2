// Issue 9's scenario through the command line, with the tracker edited and saved by other
// programs: seed 000's tracker, 28 values typed by openpyxl (states, progress, dates, notes,
// three added columns, a formula), an own sheet, name, note and fill, then rebuilt with a revision
// that renumbers, edits, removes and adds tasks. Every value must stay on its task; the user's
// own content must stay as it was; nothing may be dropped.
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { seedNamed, seedPath } from '../helpers/seeds';
import {
  ADDED_COLUMNS,
  countTyped,
  REVISED_ID,
  REVISION_PATH,
  TYPED,
  type TypedValue,
} from '../helpers/revision-scenario';
import { convert, findSoffice, privateProfile } from '../libreoffice/soffice';
import { pythonScript, runCli, suiteFolder } from './helpers/harness';

const PYTHON = '/usr/bin/python3';
const ci = process.env.CI === 'true';
const openpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
const soffice = findSoffice();
if (!openpyxl && !ci)
  console.warn('\n*** python3-openpyxl missing: the rebuild scenario tests are SKIPPED. ***\n');

const { file } = suiteFolder('phuluc-rebuild-');

const run = runCli;

const python = pythonScript('scenario.py');

type CellSeen = { value: unknown; note?: string; fill?: string };
interface Seen {
  sheets: string[];
  names: Record<string, string>;
  tasks: { header: number; rows: Record<string, { row: number; cells: Record<string, CellSeen> }> };
  removed: Seen['tasks'] | null;
  own: { cells: unknown[][]; note: string | null; fill: string | null } | null;
}

const inspect = (path: string): Seen => JSON.parse(python('inspect', path)) as Seen;

const TYPED_ROW = {
  'Nhiệm vụ': 'Kiểm tra việc niêm yết tại 12 xã, phường',
  'Chủ trì': 'Văn phòng HĐND&UBND thị xã',
  'Thời gian': 'Quý IV/2019',
  'Trạng thái': 'Đang thực hiện',
};

function edits(): string {
  const values: Record<string, Record<string, unknown>> = {};
  for (const [code, cells] of Object.entries(TYPED)) {
    values[code] = {};
    for (const [header, v] of Object.entries(cells)) {
      values[code]![header] =
        'text' in v
          ? v.text
          : 'number' in v
            ? v.number
            : 'date' in v
              ? { date: v.date }
              : { formula: `=${v.formula}` };
    }
  }
  const path = file('edits.json');
  writeFileSync(path, JSON.stringify({ values, added: ADDED_COLUMNS, typedRow: TYPED_ROW }));
  return path;
}

/** A tracker of seed 000 with the scenario typed into it by openpyxl. */
async function editedTracker(rowsAbove = 0): Promise<string> {
  const built = file('so.xlsx');
  expect(
    (await run(['build', seedPath(seedNamed('000')), '-o', built, '--today', '2019-06-30'])).code,
  ).toBe(0);
  const edited = file('so-da-nhap.xlsx');
  python('type', built, edited, edits(), String(rowsAbove));
  return edited;
}

function expectValue(seen: CellSeen | undefined, typed: TypedValue, row: number): void {
  if ('text' in typed) expect(seen?.value).toBe(typed.text);
  else if ('number' in typed) expect(seen?.value).toBe(typed.number);
  else if ('date' in typed) expect(seen?.value).toEqual({ date: typed.date });
  else expect(seen?.value).toBe(`=${typed.expect(row)}`);
}

/** Every typed value on its task (or, for the removed one, on the removed-tasks sheet). */
function expectScenario(seen: Seen): void {
  let checked = 0;
  for (const [code, values] of Object.entries(TYPED)) {
    const to = REVISED_ID[code];
    const row = to ? seen.tasks.rows[to] : seen.removed?.rows[code];
    expect(row).toBeDefined();
    for (const [header, typed] of Object.entries(values)) {
      if (!to && 'formula' in typed) continue;
      expectValue(row!.cells[header], typed, row!.row);
      checked++;
    }
  }
  expect(checked).toBe(countTyped());
  // The note and fill on III.1's Ghi chú, the typed row, the own sheet and name.
  const note = seen.tasks.rows['III.1']!.cells['Ghi chú']!;
  expect(note.note).toMatch(/Hỏi lại phòng Nội vụ/);
  expect(note.fill).toBe('FFC000');
  const typedRow = seen.tasks.rows['+1']!;
  expect(typedRow.cells['Nhiệm vụ']!.value).toBe(TYPED_ROW['Nhiệm vụ']);
  expect(typedRow.cells['Trạng thái']!.value).toBe('Đang thực hiện');
  expect(seen.own!.cells).toEqual([
    ['Số nhiệm vụ hoàn thành', `=COUNTIF('Nhiệm vụ'!L:L,"Hoàn thành")`],
    ['Ngày báo cáo', '=NgayBaoCao'],
    ['Ghi chú riêng', 'không được mất'],
  ]);
  expect(seen.own!.note).toMatch(/Ô của tôi/);
  expect(seen.own!.fill).toBe('92D050');
  expect(seen.names['SoHoanThanh']).toBe("'Theo dõi riêng'!$B$1");
}

(openpyxl || ci ? describe : describe.skip)('a rebuild over a tracker edited by openpyxl', () => {
  test('with a revised plan: every value stays on its task, and the report says what moved', async () => {
    const tracker = await editedTracker();
    const before = inspect(tracker);
    expect(Object.keys(before.tasks.rows)).toContain('V.4');
    const result = await run(['build', REVISION_PATH, '-o', tracker, '--today', '2019-09-15']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /Tạo lại sổ: 19 nhiệm vụ tìm lại được \(10 giữ nguyên, 8 đổi số, 1 sửa nội dung\), 1 mới, 1 bỏ; giá trị đã nhập của 10 nhiệm vụ được giữ\./,
    );
    expect(result.out).toMatch(/Đổi số: I\.1 → I\.3, I\.3 → I\.1/);
    expect(result.out).toMatch(/Mới: V\.10/);
    expect(result.out).toMatch(/Bỏ: V\.4 "Xây dựng mẫu phiếu.*Nhiệm vụ đã bỏ/);
    expect(result.out).toMatch(/\+1 "Kiểm tra việc niêm yết/);
    const seen = inspect(tracker);
    expectScenario(seen);
    expect(seen.sheets).toContain('Theo dõi riêng');
    expect(seen.sheets).toContain('Nhiệm vụ đã bỏ');
  });

  test('rebuilding again with the same plan changes no value and drops nothing', async () => {
    const tracker = await editedTracker();
    await run(['build', REVISION_PATH, '-o', tracker, '--today', '2019-09-15']);
    const first = inspect(tracker);
    const again = await run(['build', REVISION_PATH, '-o', tracker, '--today', '2019-10-15']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/0 đổi số, 0 sửa nội dung\), 0 mới, 0 bỏ/);
    const second = inspect(tracker);
    expectScenario(second);
    expect(second.removed).toEqual(first.removed);
  });

  test('a header moved 18 rows down is still found, and every value carried', async () => {
    const tracker = await editedTracker(18);
    expect(inspect(tracker).tasks.header).toBe(21);
    const result = await run(['build', REVISION_PATH, '-o', tracker, '--today', '2019-09-15']);
    expect(result.code).toBe(0);
    expectScenario(inspect(tracker));
  });

  test('a plan without a title (a pasted table) is not written over another plan’s tracker', async () => {
    const tracker = await editedTracker();
    const pasted = file('dan.txt');
    writeFileSync(
      pasted,
      [
        'STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian',
        '1\tTổ chức hội nghị tổng kết công tác dân vận\tBan Dân vận\tQuý IV/2024',
        '2\tRà soát quy chế dân chủ ở cơ sở\tPhòng Nội vụ\tTháng 11/2024',
        '3\tBáo cáo kết quả thực hiện quy chế dân chủ\tPhòng Nội vụ\tTháng 12/2024',
      ].join('\n'),
    );
    const before = readFileSync(tracker);
    const refused = await run(['build', pasted, '-o', tracker]);
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/tracks another plan/);
    expect(Buffer.compare(readFileSync(tracker), before)).toBe(0);
    // Told to, it replaces the plan and keeps every value it cannot place on the removed sheet.
    const replaced = await run([
      'build',
      pasted,
      '-o',
      tracker,
      '--replace-plan',
      '--today',
      '2024-11-01',
    ]);
    expect(replaced.code).toBe(0);
    const seen = inspect(tracker);
    expect(Object.keys(seen.tasks.rows).sort()).toEqual(['+1', '1', '2', '3']);
    expect(Object.keys(seen.removed!.rows).sort()).toEqual(
      Object.keys(TYPED)
        .filter((c) => c !== 'III.2' || true)
        .sort(),
    );
    expect(seen.own!.cells[2]).toEqual(['Ghi chú riêng', 'không được mất']);
  });
});

(openpyxl && (soffice || ci) ? describe : describe.skip)(
  'a rebuild over a tracker saved by LibreOffice',
  () => {
    test('every value stays on its task', async () => {
      const edited = await editedTracker();
      const dir = file('lo');
      mkdirSync(dir);
      const profile = privateProfile(file('profile'));
      const input = join(dir, 'input.xlsx');
      copyFileSync(edited, input);
      const outDir = join(dir, 'out');
      const r = convert(soffice!, profile, [input], 'xlsx', outDir);
      expect(r.status).toBe(0);
      const saved = join(outDir, 'input.xlsx');
      const result = await run(['build', REVISION_PATH, '-o', saved, '--today', '2019-09-15']);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expectScenario(inspect(saved));
    });
  },
);
