// `phuluc build`: the five seeds, the JSON of `parse --json`, an .xlsx appendix, and every way
// it can be misused — each answered with one clear line, never a half-written file, never the
// input overwritten.
import ExcelJS from 'exceljs';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { PROGRESS_THRESHOLD } from '../../src/cli/build-output';
import { parsePlanText } from '../../src/core/plan/parse';
import { syntheticAppendix } from '../../scripts/bench/generate';
import { seedNamed, seedPath, seedText, SEEDS } from '../helpers/seeds';
import { appendixXlsx } from '../render/helpers/appendix-xlsx';
import { miniPdf, ruledTable } from '../helpers/mini-pdf';
import { seedAsWordTable } from '../helpers/seed-word';
import { arr, get, XlsxParts, xlsxProblems } from '../render/helpers/xlsx-parts';
import { withoutCalculatedColumns } from '../helpers/exceljs';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'phuluc-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let counter = 0;
const fresh = (name = 'so-theo-doi.xlsx'): string => {
  const dir = join(tmp, String(++counter));
  mkdirSync(dir);
  return join(dir, name);
};

/**
 * Sheet names and the Mã column of the task table of a built workbook: the tasks' (`codes`)
 * and every row's, occurrences of recurring tasks included (`rows`).
 */
function shape(path: string): { sheets: string[]; codes: string[]; rows: string[] } {
  const parts = new XlsxParts(readFileSync(path));
  const tasks = parts.sheetNames.find((n) => n === 'Nhiệm vụ' || n === 'Tasks')!;
  const sheetPath = parts.sheetPaths.get(tasks)!;
  const part = arr(get(parts.sheet(tasks), 'tableParts', 'tablePart'))[0];
  if (!part) return { sheets: parts.sheetNames, codes: [], rows: [] };
  const table = get(parts.xml(parts.relsOf(sheetPath).get(String(part['@r:id']))!), 'table');
  const ref = String(get(table, '@ref'));
  const [, col, top, bottom] = /^([A-Z]+)(\d+):[A-Z]+(\d+)$/.exec(ref)!;
  const cells = parts.cells(tasks);
  const rows: string[] = [];
  for (let r = Number(top) + 1; r <= Number(bottom); r++) {
    const v = cells.get(`${col}${r}`)?.v;
    if (v) rows.push(v);
  }
  return { sheets: parts.sheetNames, codes: rows.filter((c) => !c.includes('/')), rows };
}

describe('phuluc build', () => {
  // Seed 003 has no task table: the command refuses it (below).
  const WITH_TASKS = SEEDS.filter((name) => !name.startsWith('003'));
  it.each(WITH_TASKS)('builds a sound workbook for seed %s', async (name) => {
    const out = fresh();
    const {
      code,
      out: stdout,
      err,
    } = await run(['build', seedPath(name), '-o', out, '--today', '2019-06-30']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Đã ghi .*so-theo-doi\.xlsx: \d+ nhiệm vụ, \d+ trang tính, ngày báo cáo 30\/06\/2019\.\n$/,
    );
    const bytes = readFileSync(out);
    expect(xlsxProblems(bytes)).toEqual([]);
    const plan = parsePlanText(seedText(name));
    const { sheets, codes, rows } = shape(out);
    expect(sheets).toEqual(expect.arrayContaining(['Tổng hợp', 'Nhiệm vụ', 'Cài đặt']));
    expect(codes).toEqual(plan.tasks.map((t) => t.id));
    // A recurring task's occurrences are rows of their own, right under it.
    for (const task of plan.tasks.filter((t) => t.time.occurrences)) {
      const at = rows.indexOf(task.id);
      expect(rows[at + 1]).toBe(`${task.id}/${task.time.occurrences![0]!.period}`);
    }
    // Nothing but the workbook in the folder: no temporary file left behind.
    expect(readdirSync(join(out, '..'))).toEqual(['so-theo-doi.xlsx']);
  });

  it('refuses seed 003 (report forms, no task table), as the page does: no file, exit 2', async () => {
    const out = fresh();
    const { code, out: stdout, err } = await run(['build', seedPath(seedNamed('003')), '-o', out]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(
      /chỉ có biểu mẫu báo cáo \(3 bảng\), không có bảng phân công nhiệm vụ, nên không có nhiệm vụ để theo dõi và không tạo sổ\. Nếu một bảng thực ra là bảng nhiệm vụ, hãy mở tệp trên trang PhuLuc/,
    );
    expect(err).toMatch(/it holds report forms only \(3 tables\), no task table/);
    expect(existsSync(out)).toBe(false);
    // An existing tracker is left alone too: a plan without tasks would move every task away.
    const tracker = fresh();
    expect((await run(['build', seedPath(seedNamed('000')), '-o', tracker])).code).toBe(0);
    const before = readFileSync(tracker);
    expect((await run(['build', seedPath(seedNamed('003')), '-o', tracker])).code).toBe(2);
    expect(readFileSync(tracker).equals(before)).toBe(true);
  });

  it('refuses a task table without rows, and a JSON plan without tasks', async () => {
    const empty = join(tmp, 'trong.txt');
    writeFileSync(empty, 'STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian\n');
    const a = await run(['build', empty, '-o', fresh()]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/bảng phân công không có nhiệm vụ nào/);
    const json = join(tmp, 'trong.json');
    writeFileSync(json, (await run(['parse', seedPath(seedNamed('003')), '--json'])).out);
    const b = await run(['build', json, '-o', fresh()]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/không có nhiệm vụ để theo dõi/);
  });

  it('rebuilds with the same sheet names and Mã', async () => {
    const out = fresh();
    const seed = seedPath(seedNamed('001'));
    expect((await run(['build', seed, '-o', out, '--today', '2021-05-01'])).code).toBe(0);
    const first = shape(out);
    expect((await run(['build', seed, '-o', out, '--today', '2021-09-01'])).code).toBe(0);
    expect(shape(out)).toEqual(first);
  });

  it.each(SEEDS)(
    'takes the JSON of phuluc parse --json (%s) and makes the same workbook',
    async (name) => {
      const seed = seedPath(name);
      const parsed = await run(['parse', seed, '--json']);
      const json = join(tmp, `${name}.json`);
      writeFileSync(json, parsed.out);
      const fromJson = fresh();
      const fromText = fresh();
      const viaJson = await run(['build', json, '-o', fromJson]);
      const viaText = await run(['build', seed, '-o', fromText]);
      // A plan without tasks (seed 003) is refused either way; the others build without warnings.
      expect(viaJson.code).toBe(viaText.code);
      if (viaText.code !== 0) return;
      expect(viaJson.err).toBe('');
      expect(shape(fromJson)).toEqual(shape(fromText));
    },
  );

  it('takes an .xlsx appendix', async () => {
    const name = seedNamed('004');
    const xlsx = join(tmp, 'phu-luc.xlsx');
    writeFileSync(
      xlsx,
      (await appendixXlsx(seedText(name), { borders: true, mergeRepeats: true })).bytes,
    );
    const out = fresh();
    const result = await run(['build', xlsx, '-o', out, '--today', '2019-01-15']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(shape(out).codes).toEqual(parsePlanText(seedText(name)).tasks.map((t) => t.id));
    // `parse` reads it too.
    const parsed = await run(['parse', xlsx, '--json']);
    expect(JSON.parse(parsed.out).tasks).toHaveLength(parsePlanText(seedText(name)).tasks.length);
  });

  it('takes a Word .docx and a PDF of the plan', async () => {
    const name = seedNamed('004');
    const ids = parsePlanText(seedText(name)).tasks.map((t) => t.id);
    const docx = join(tmp, 'ke-hoach.docx');
    writeFileSync(docx, seedAsWordTable(name));
    const fromWord = fresh();
    const word = await run(['build', docx, '-o', fromWord, '--today', '2019-01-15']);
    expect(word.err).toBe('');
    expect(word.code).toBe(0);
    expect(shape(fromWord).codes).toEqual(ids);

    const table = ruledTable(
      [
        ['STT', 'Noi dung', 'Don vi chu tri', 'Thoi gian'],
        ['1', 'Ra soat thu tuc', 'Van phong', 'Quy I/2024'],
        ['2', 'Bao cao ket qua', 'So Noi vu', 'Thang 6/2024'],
      ],
      [40, 260, 140, 120],
      40,
      700,
    );
    const pdf = join(tmp, 'ke-hoach.pdf');
    writeFileSync(pdf, miniPdf([{ width: 595, height: 842, ...table }]));
    const fromPdf = fresh();
    const printed = await run(['build', pdf, '-o', fromPdf, '--today', '2024-01-15']);
    expect(printed.err).toBe('');
    expect(printed.code).toBe(0);
    expect(shape(fromPdf).codes).toEqual(['1', '2']);
  });

  it('speaks English with --lang en and gives group units sheets with --group-sheets', async () => {
    const seed = seedPath(seedNamed('000'));
    const en = fresh();
    const { out } = await run(['build', seed, '-o', en, '--lang', 'en', '--today', '2019-06-30']);
    expect(out).toMatch(/^Wrote .*: \d+ tasks, \d+ sheets, report date 30\/06\/2019\.\n$/);
    expect(shape(en).sheets).toEqual(expect.arrayContaining(['Dashboard', 'Tasks', 'Settings']));
    const plain = fresh();
    const grouped = fresh();
    await run(['build', seed, '-o', plain]);
    await run(['build', seed, '-o', grouped, '--group-sheets']);
    expect(shape(grouped).sheets.length).toBeGreaterThan(shape(plain).sheets.length);
  });

  it('writes the report date and the due-soon window into the workbook', async () => {
    const out = fresh();
    await run([
      'build',
      seedPath(seedNamed('000')),
      '-o',
      out,
      '--today',
      '2019-03-01',
      '--due-soon',
      '3',
    ]);
    const parts = new XlsxParts(readFileSync(out));
    const settings = parts.cells('Cài đặt');
    const values = [...settings.values()].map((c) => c.v);
    expect(values).toContain('43525'); // 01/03/2019 as a serial
    expect(values).toContain('3');
  });

  it('says what it is doing on big plans', async () => {
    const big = join(tmp, 'lon.txt');
    writeFileSync(big, syntheticAppendix(PROGRESS_THRESHOLD + 20));
    const out = fresh();
    const { code, err } = await run(['build', big, '-o', out, '--today', '2024-06-30']);
    expect(code).toBe(0);
    expect(err).toMatch(
      /^Đang ghi sổ theo dõi: 520 nhiệm vụ, \d+ trang tính… \/ Writing the workbook: 520 tasks/,
    );
    expect(err.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});

describe('phuluc build over an existing workbook', () => {
  const seed = seedPath(seedNamed('000'));

  /** Types values into the task list of a built workbook, as a person would in Excel. */
  async function typeInto(path: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await withoutCalculatedColumns(readFileSync(path))) as unknown as ExcelJS.Buffer,
    );
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    const header = ws.getRow(3);
    const col = (text: string): number => {
      let found = 0;
      header.eachCell((cell, c) => {
        if (cell.value === text) found = c;
      });
      return found;
    };
    const row = (id: string): ExcelJS.Row => {
      for (let r = 4; r <= ws.rowCount; r++) {
        if (ws.getRow(r).getCell(col('Mã')).value === id) return ws.getRow(r);
      }
      throw new Error(`no task ${id}`);
    };
    row('I.1').getCell(col('Trạng thái')).value = 'Hoàn thành';
    row('I.1').getCell(col('Ngày hoàn thành')).value = new Date(Date.UTC(2019, 1, 20));
    row('I.1').getCell(col('Ghi chú')).value = '- đã xong';
    row('I.3').getCell(col('Tiến độ (%)')).value = 60;
    row('V.4').getCell(col('Trạng thái')).value = 'Tạm dừng';
    // A column people added to the right of the table.
    header.getCell(ws.columnCount + 1).value = 'Người theo dõi';
    row('I.1').getCell(ws.columnCount).value = 'Chị Lan';
    writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  }

  it('keeps what people typed in it, by Mã', async () => {
    const out = fresh();
    expect((await run(['build', seed, '-o', out, '--today', '2019-06-30'])).code).toBe(0);
    await typeInto(out);
    const again = await run(['build', seed, '-o', out, '--today', '2019-06-30']);
    expect(again.code).toBe(0);
    expect(again.err).toBe('');
    expect(again.out).toMatch(
      /Tạo lại sổ: 20 nhiệm vụ tìm lại được \(20 giữ nguyên, 0 đổi số, 0 sửa nội dung\), 0 mới, 0 bỏ; giá trị đã nhập của 3 nhiệm vụ được giữ\./,
    );
    const parts = new XlsxParts(readFileSync(out));
    expect(xlsxProblems(readFileSync(out))).toEqual([]);
    const cells = parts.cells('Nhiệm vụ');
    const headerOf = new Map<string, string>();
    for (const [address, c] of cells) {
      if (/^[A-Z]+3$/.test(address) && c.v) headerOf.set(c.v, address.replace(/3$/, ''));
    }
    const rowOf = (id: string): number => {
      for (const [address, c] of cells) {
        if (address.startsWith(headerOf.get('Mã')!) && c.v === id)
          return Number(/\d+$/.exec(address)![0]);
      }
      throw new Error(id);
    };
    const at = (id: string, header: string): string | undefined =>
      cells.get(`${headerOf.get(header)}${rowOf(id)}`)?.v;
    expect(at('I.1', 'Trạng thái')).toBe('Hoàn thành');
    expect(at('I.1', 'Ngày hoàn thành')).toBe('43516'); // 20/02/2019
    expect(at('I.1', 'Ghi chú')).toBe('- đã xong');
    expect(at('I.3', 'Tiến độ (%)')).toBe('60');
    expect(at('V.4', 'Trạng thái')).toBe('Tạm dừng');
    expect(at('I.1', 'Người theo dõi')).toBe('Chị Lan');
  });

  it('refuses to replace a file that is not a PhuLuc workbook, or is one of another plan', async () => {
    const other = join(tmp, 'bang-khac.xlsx');
    writeFileSync(other, (await appendixXlsx(seedText(seedNamed('004')))).bytes);
    const notOurs = await run(['build', seed, '-o', other]);
    expect(notOurs.code).toBe(2);
    expect(notOurs.err).toMatch(/exists and is not a PhuLuc workbook/);

    const tracker = fresh();
    await run(['build', seedPath(seedNamed('004')), '-o', tracker]);
    const before = readFileSync(tracker);
    const anotherPlan = await run(['build', seed, '-o', tracker]);
    expect(anotherPlan.code).toBe(3);
    expect(anotherPlan.err).toMatch(/tracks another plan/);
    expect(anotherPlan.err).toMatch(/--replace-plan/);
    expect(Buffer.compare(readFileSync(tracker), before)).toBe(0);

    const text = join(tmp, 'van-ban.xlsx');
    writeFileSync(text, 'không phải excel');
    const notExcel = await run(['build', seed, '-o', text]);
    expect(notExcel.err).toMatch(/cannot be read as an Excel file/);
  });
});

describe('phuluc build refuses, with one clear line', () => {
  const seed = seedPath(seedNamed('000'));
  const oneLine = (err: string): void => {
    expect(err).toMatch(/^phuluc: Lỗi: .+\. \/ Error: .+\.\n$/);
    expect(err.trim().split('\n')).toHaveLength(1);
  };

  it.each<[string, () => string[], RegExp]>([
    ['no output', () => ['build', seed], /missing output file/],
    ['no input', () => ['build', '-o', fresh()], /missing appendix file/],
    [
      'an output that is not .xlsx',
      () => ['build', seed, '-o', join(tmp, 'x.xls')],
      /must end in \.xlsx/,
    ],
    [
      'a bad --today',
      () => ['build', seed, '-o', fresh(), '--today', '30/06/2019'],
      /not a YYYY-MM-DD date/,
    ],
    [
      'an impossible --today',
      () => ['build', seed, '-o', fresh(), '--today', '2019-02-30'],
      /not a YYYY-MM-DD date/,
    ],
    [
      'a bad --due-soon',
      () => ['build', seed, '-o', fresh(), '--due-soon', 'bảy'],
      /--due-soon "bảy" must be/,
    ],
    [
      'a missing input file',
      () => ['build', join(tmp, 'khong-co.txt'), '-o', fresh()],
      /file not found/,
    ],
    [
      'an output folder that does not exist',
      () => ['build', seed, '-o', join(tmp, 'khong-co', 'a.xlsx')],
      /folder of .* does not exist/,
    ],
    [
      'a damaged Word file',
      () => [
        'build',
        writeTmp('a.docx', Buffer.from('PK\x03\x04word/document.xml')),
        '-o',
        fresh(),
      ],
      /không đọc được tệp Word.*cannot read the Word file/,
    ],
    [
      'an old .xls file',
      () => [
        'build',
        writeTmp('a.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
        '-o',
        fresh(),
      ],
      /97–2003/,
    ],
    [
      'a broken .xlsx file',
      () => [
        'build',
        writeTmp('hong.xlsx', Buffer.from('PK\x03\x04 xl/workbook.xml but not a zip')),
        '-o',
        fresh(),
      ],
      /cannot read the Excel file/,
    ],
    [
      'JSON that is not a plan',
      () => ['build', writeTmp('a.json', '{"schema": "khac/1", "tasks": []}'), '-o', fresh()],
      /is not a phuluc\.plan\/1 plan .*schema: expected "phuluc\.plan\/1", got "khac\/1"/,
    ],
    [
      'a plan with a broken task',
      () => ['build', writeTmp('b.json', brokenPlan()), '-o', fresh()],
      /tasks\[0\]\.time\.due/,
    ],
    [
      'malformed JSON',
      () => ['build', writeTmp('c.json', '{"schema": "phuluc.plan/1",'), '-o', fresh()],
      /is not valid JSON/,
    ],
  ])('%s', async (_label, args, message) => {
    const { code, out, err } = await run(args());
    expect(out).toBe('');
    expect(code).toBe(2);
    oneLine(err);
    expect(err).toMatch(message);
  });

  it('never overwrites an input file, and leaves it untouched', async () => {
    const input = join(tmp, 'phu-luc-vao.xlsx');
    const bytes = (await appendixXlsx(seedText(seedNamed('000')), { borders: true })).bytes;
    writeFileSync(input, bytes);
    for (const output of [input, join(tmp, '.', 'phu-luc-vao.xlsx')]) {
      const { code, err } = await run(['build', input, '-o', output]);
      expect(code).toBe(2);
      oneLine(err);
      expect(err).toMatch(/is an input file/);
    }
    expect(Buffer.compare(readFileSync(input), Buffer.from(bytes))).toBe(0);
  });

  it('leaves no file behind when it cannot write', async () => {
    const dir = join(tmp, 'thu-muc');
    mkdirSync(join(dir, 'so.xlsx'), { recursive: true }); // the output name is a folder
    const { code, err } = await run(['build', seed, '-o', join(dir, 'so.xlsx')]);
    expect(code).toBe(2);
    oneLine(err);
    expect(readdirSync(dir)).toEqual(['so.xlsx']);
    expect(existsSync(join(dir, 'so.xlsx', 'x'))).toBe(false);
  });
});

function writeTmp(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

function brokenPlan(): string {
  const plan = JSON.parse(JSON.stringify(parsePlanText(seedText(seedNamed('000'))))) as {
    tasks: { time: { due: unknown } }[];
  };
  plan.tasks[0]!.time.due = '31/12/2019';
  return JSON.stringify(plan);
}
