// Issue 13's round trip through the command line, on seeds 000 and 001: a tracker with the
// office's own sheet, name and note; units-out; two unit files filled as units would — one with
// openpyxl, one with openpyxl then saved by LibreOffice — with some values, an extension
// request, a shared task answered differently and a value the office changed meanwhile;
// units-in, then units-in again. Then bad files, each refused with the tracker unchanged.
import { spawnSync } from 'child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { bookFromXlsx } from '../../src/layout/tracker/fromXlsx';
import { readAnswerFile } from '../../src/layout/unitfile/read';
import { openWorkbook } from '../../src/readers/xlsx';
import { seedNamed, seedPath } from '../helpers/seeds';
import { convert, findSoffice, privateProfile } from '../libreoffice/soffice';
import { pythonScript, runCli, suiteFolder } from './helpers/harness';

const PYTHON = '/usr/bin/python3';
const ci = process.env.CI === 'true';
const openpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
const soffice = findSoffice();
if ((!openpyxl || !soffice) && !ci)
  console.warn(
    '\n*** openpyxl or LibreOffice missing: the units round trip tests are SKIPPED. ***\n',
  );

const { dir: tmp, file } = suiteFolder('phuluc-units-');

const run = runCli;

const python = pythonScript('units.py');

type Value = string | number | { date: string } | null;
interface Seen {
  sheets: string[];
  names: Record<string, string>;
  tasks: Record<string, Record<string, Value>>;
  history: Record<string, string | null>[];
  own: { A1: string; A2: string; note: string | null } | null;
}
const inspect = (path: string): Seen => JSON.parse(python('inspect', path)) as Seen;

function fill(src: string, edits: Record<string, Record<string, Value>>, name: string): string {
  const json = file(`${name}.json`);
  writeFileSync(json, JSON.stringify(edits));
  const out = file(`${name}.xlsx`);
  python('fill', src, out, json);
  return out;
}

/** A file saved again by LibreOffice (as a unit using it would send it). */
function viaLibreOffice(src: string): string {
  const dir = mkdtempSync(join(tmp, 'lo-'));
  const profile = privateProfile(join(dir, 'profile'));
  const outDir = join(dir, 'out');
  const result = convert(soffice!, profile, [src], 'xlsx', outDir);
  expect(result.status).toBe(0);
  return join(outDir, src.split('/').pop()!);
}

const codesOf = (path: string): string[] =>
  readAnswerFile(bookFromXlsx(openWorkbook(new Uint8Array(readFileSync(path))))).ticket.rows.map(
    (r) => r.code,
  );

interface Sent {
  tracker: string;
  dir: string;
  files: { unit: string; file: string; ticket: string; rows: number }[];
}

/** A seed's tracker with the office's own content, and its unit files. */
async function sent(seed: string, today: string): Promise<Sent> {
  const built = file('so.xlsx');
  expect(
    (await run(['build', seedPath(seedNamed(seed)), '-o', built, '--today', today])).code,
  ).toBe(0);
  const tracker = file('so-rieng.xlsx');
  python('own', built, tracker);
  const dir = file('phieu');
  const out = await run(['units-out', tracker, '-o', dir, '--reply-by', '15/10/2019', '--json']);
  expect(out.code).toBe(0);
  const json = JSON.parse(out.out) as { files: Sent['files'] };
  return { tracker, dir, files: json.files };
}

/** Two unit files with a task in common and at least two tasks of their own each. */
function pair(s: Sent): { a: string; b: string; shared: string; onlyA: string[]; onlyB: string[] } {
  const files = s.files.map((f) => ({
    path: join(s.dir, f.file),
    codes: codesOf(join(s.dir, f.file)),
  }));
  for (const a of files) {
    for (const b of files) {
      if (a === b) continue;
      const shared = a.codes.find((c) => b.codes.includes(c));
      const onlyA = a.codes.filter((c) => !b.codes.includes(c));
      const onlyB = b.codes.filter((c) => !a.codes.includes(c));
      if (shared && onlyA.length >= 2 && onlyB.length >= 2)
        return { a: a.path, b: b.path, shared, onlyA, onlyB };
    }
  }
  throw new Error('no pair of units sharing a task');
}

const ROUND_TRIP: [string, string][] = [
  ['000', '2019-10-01'],
  ['001', '2019-10-01'],
];

(openpyxl && soffice ? describe : ci ? describe : describe.skip)('units report back (CLI)', () => {
  test.each(ROUND_TRIP)(
    'seed %s: send, fill with openpyxl and LibreOffice, merge, merge again',
    async (seed, today) => {
      const s = await sent(seed, today);
      const before = inspect(s.tracker);
      expect(before.history.filter((h) => h['Việc'] === 'Gửi đơn vị')).toHaveLength(s.files.length);
      expect(before.own).toEqual({
        A1: 'Ghi chép riêng của văn phòng',
        A2: "=COUNTA('Nhiệm vụ'!A:A)",
        note: expect.stringContaining('Ghi chú riêng') as unknown as string,
      });
      const { a, b, shared, onlyA, onlyB } = pair(s);
      const [a1, a2] = onlyA as [string, string];
      const [b1, b2] = onlyB as [string, string];
      // Unit A (openpyxl): a task done, an extension asked for, the shared task in progress.
      const filledA = fill(
        a,
        {
          [a1]: {
            'Trạng thái': 'Hoàn thành',
            'Tiến độ (%)': 100,
            'Ngày hoàn thành': { date: '2019-09-20' },
          },
          [a2]: {
            'Đề nghị gia hạn đến': { date: '2019-12-31' },
            'Lý do đề nghị': 'Chờ hướng dẫn của Sở',
          },
          [shared]: { 'Trạng thái': 'Đang thực hiện' },
        },
        'don-vi-a',
      );
      // Unit B (openpyxl, then saved by LibreOffice): the shared task done, a note on b1 (which
      // the office changes meanwhile), progress on b2.
      const filledB = viaLibreOffice(
        fill(
          b,
          {
            [shared]: { 'Trạng thái': 'Hoàn thành' },
            [b1]: { 'Kết quả / Ghi chú': 'Đơn vị B: đã xong phần việc' },
            [b2]: { 'Tiến độ (%)': 50 },
          },
          'don-vi-b',
        ),
      );
      // The office types a note on b1 in the tracker after the files were sent.
      const tracker = file('so-van-phong-sua.xlsx');
      python(
        'fill',
        s.tracker,
        tracker,
        (() => {
          const p = file('office.json');
          writeFileSync(p, JSON.stringify({ [b1]: { 'Ghi chú': 'Văn phòng: đã nhắc' } }));
          return p;
        })(),
      );

      const first = await run(['units-in', tracker, filledA, filledB, '--json']);
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      const merged = JSON.parse(first.out) as {
        written: boolean;
        files: { applied: number; conflicts: number; requests: number; firstTime: boolean }[];
        conflicts: { code: string; field: string; kind: string }[];
        requests: { code: string; to: string; reason: string }[];
      };
      expect(merged.written).toBe(true);
      expect(merged.files.map((f) => [f.applied, f.conflicts, f.requests, f.firstTime])).toEqual([
        [5, 1, 1, true],
        [1, 2, 0, true],
      ]);
      expect(merged.conflicts).toEqual([
        expect.objectContaining({ code: shared, field: 'state', kind: 'units-disagree' }),
        expect.objectContaining({ code: b1, field: 'note', kind: 'tracker-changed' }),
      ]);
      expect(merged.requests).toEqual([
        expect.objectContaining({ code: a2, to: '2019-12-31', reason: 'Chờ hướng dẫn của Sở' }),
      ]);

      const after = inspect(tracker);
      const t = after.tasks;
      expect(t[a1]).toMatchObject({
        'Trạng thái': 'Hoàn thành',
        'Tiến độ (%)': 100,
        'Ngày hoàn thành': { date: '2019-09-20' },
      });
      // The request is pending: the deadline itself is not extended.
      expect(t[a2]).toMatchObject({
        'Đề nghị gia hạn đến': { date: '2019-12-31' },
        'Lý do đề nghị': 'Chờ hướng dẫn của Sở',
        'Gia hạn đến': null,
      });
      expect(t[shared]!['Trạng thái']).toBe(before.tasks[shared]!['Trạng thái']);
      expect(t[b1]!['Ghi chú']).toBe('Văn phòng: đã nhắc');
      expect(t[b2]!['Tiến độ (%)']).toBe(50);
      // Every other task as it was.
      for (const [code, cells] of Object.entries(before.tasks)) {
        if ([a1, a2, b1, b2].includes(code)) continue;
        for (const h of ['Trạng thái', 'Tiến độ (%)', 'Ngày hoàn thành', 'Ghi chú'])
          expect([code, h, t[code]![h]]).toEqual([code, h, cells[h]]);
      }
      // Lịch sử: the files sent, two answers, one row per value applied, and the answers a
      // conflict kept out (so that merging one of the two files again does not apply it).
      const history = after.history.slice(before.history.length);
      const rows = history.map((h) => [h['Việc'], h['Mã'] ?? '', h['Trường'] ?? '']);
      expect(rows.slice(0, 8)).toEqual([
        ['Nhận báo cáo', '', ''],
        ['Nhận báo cáo', '', ''],
        ['Cập nhật', a1, 'Trạng thái'],
        ['Cập nhật', a1, 'Tiến độ (%)'],
        ['Cập nhật', a1, 'Ngày hoàn thành'],
        ['Cập nhật', a2, 'Đề nghị gia hạn đến'],
        ['Cập nhật', a2, 'Lý do đề nghị'],
        ['Cập nhật', b2, 'Tiến độ (%)'],
      ]);
      expect(
        history
          .slice(8)
          .map((h) => [h['Mã'], h['Trường'], h['Giá trị mới']])
          .sort(),
      ).toEqual(
        [
          [shared, 'Trạng thái', 'Đang thực hiện'],
          [shared, 'Trạng thái', 'Hoàn thành'],
          [b1, 'Ghi chú', 'Đơn vị B: đã xong phần việc'],
        ].sort(),
      );
      expect(history.slice(8).every((h) => h['Việc'] === 'Xung đột')).toBe(true);
      expect(history[2]).toMatchObject({
        'Giá trị cũ': 'Chưa thực hiện',
        'Giá trị mới': 'Hoàn thành',
      });
      expect(after.history.slice(0, before.history.length)).toEqual(before.history);
      // The office's own content is untouched.
      expect(after.own).toEqual(before.own);
      expect(after.names['SoRieng']).toBe(before.names['SoRieng']);
      expect(after.sheets).toEqual(before.sheets);

      // Merged again: nothing applied, no history, the file not even rewritten.
      const bytes = readFileSync(tracker);
      const again = await run(['units-in', tracker, filledA, filledB, '--json']);
      expect(again.code).toBe(0);
      const second = JSON.parse(again.out) as {
        written: boolean;
        history: unknown[];
        applied: unknown[];
      };
      expect(second).toMatchObject({ written: false, history: [], applied: [] });
      expect(readFileSync(tracker).equals(bytes)).toBe(true);
      const text = await run(['units-in', tracker, filledA]);
      expect(text.out).toMatch(/đã nhập trước đó/);
      expect(text.out).toMatch(/không đổi/);

      // A rebuild from the appendix keeps Lịch sử and what the units sent.
      expect(
        (await run(['build', seedPath(seedNamed(seed)), '-o', tracker, '--today', today])).code,
      ).toBe(0);
      const rebuilt = inspect(tracker);
      expect(rebuilt.history).toEqual(after.history);
      expect(rebuilt.tasks[a2]).toMatchObject({ 'Đề nghị gia hạn đến': { date: '2019-12-31' } });
      expect(rebuilt.own).toEqual(before.own);
    },
    300_000,
  );

  test('bad returned files are each refused, with a message, and change nothing', async () => {
    const s = await sent('000', '2019-10-01');
    const other = await sent('001', '2019-10-01');
    const unitFile = join(s.dir, s.files.find((f) => f.rows >= 3)!.file);
    const codes = codesOf(unitFile);
    const truncated = file('cut.xlsx');
    const whole = readFileSync(unitFile);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const added = file('added.xlsx');
    python('addrow', unitFile, added);
    const deleted = file('deleted.xlsx');
    python('delrow', unitFile, deleted, codes[1]!);
    const altered = file('altered.xlsx');
    python('setcode', unitFile, altered, codes[0]!, 'IX.99');
    const wrongNumber = fill(
      unitFile,
      { [codes[0]!]: { 'Tiến độ (%)': 'gần xong' } },
      'wrong-number',
    );
    const wrongDate = fill(
      unitFile,
      { [codes[0]!]: { 'Ngày hoàn thành': 'tuần sau' } },
      'wrong-date',
    );
    const wrongState = fill(unitFile, { [codes[0]!]: { 'Trạng thái': 'Xong rồi' } }, 'wrong-state');
    const cases: [string, RegExp][] = [
      [join(other.dir, other.files[0]!.file), /kế hoạch khác/],
      [truncated, /không đọc được như tệp Excel/],
      [added, /không có Mã \(dòng thêm vào\?\)/],
      [deleted, /thiếu 1 dòng/],
      [altered, /"IX\.99" không có trong phiếu/],
      [wrongNumber, /Tiến độ phải là một số/],
      [wrongDate, /không phải một ngày/],
      [wrongState, /không phải một trạng thái/],
    ];
    const bytes = readFileSync(s.tracker);
    for (const [path, message] of cases) {
      const result = await run(['units-in', s.tracker, path]);
      expect([path, result.code]).toEqual([path, 1]);
      expect(result.out).toMatch(/TỪ CHỐI/);
      expect(result.out).toMatch(message);
      expect(readFileSync(s.tracker).equals(bytes)).toBe(true);
    }
    // The good file still merges after all that.
    const copy = file('good.xlsx');
    copyFileSync(unitFile, copy);
    const good = await run(['units-in', s.tracker, copy]);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/Đã ghi/);
  }, 300_000);
});
