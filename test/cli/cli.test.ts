// The command line as a user meets it: real seed files, readable output, and one clear line on
// stderr (never a stack trace) for every kind of bad input.
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { MAX_INPUT_BYTES } from '../../src/cli/input';
import { planFromGrid } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import { gridFromFile } from '../../src/taskpane/model/sources';
import { golden, seedNamed, seedPath, seedText, SEEDS } from '../helpers/seeds';
import { seedAsWordTable } from '../helpers/seed-word';
import { miniPdf, ruledTable, scannedPdf } from '../helpers/mini-pdf';

async function run(
  args: string[],
  columns = 100,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), columns });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'phuluc-cli-'));
const file = (name: string, content: string | Buffer): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe('phuluc parse --json', () => {
  it.each(SEEDS)('prints the phuluc.plan/1 contract for seed %s', async (name) => {
    const { code, out, err } = await run(['parse', seedPath(name), '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const plan = JSON.parse(out);
    expect(plan.schema).toBe('phuluc.plan/1');
    expect(Object.keys(plan)).toEqual([
      'schema',
      'document',
      'tables',
      'sections',
      'tasks',
      'units',
      'findings',
    ]);
    for (const task of plan.tasks) {
      expect(Object.keys(task)).toEqual(
        expect.arrayContaining([
          'id',
          'section',
          'stt',
          'title',
          'lead',
          'support',
          'time',
          'product',
          'rows',
        ]),
      );
      expect(Object.keys(task.time)).toEqual(
        expect.arrayContaining(['text', 'kind', 'start', 'due', 'recurrence']),
      );
    }
  });

  it('gives the counts the product owner expects', async () => {
    const counts = await Promise.all(
      ['000', '001', '002', '003', '004'].map(async (prefix) => {
        const plan = JSON.parse((await run(['parse', seedPath(seedNamed(prefix)), '--json'])).out);
        return [
          prefix,
          plan.tasks.length,
          plan.sections.length,
          plan.tables.map((t: { kind: string }) => t.kind).join(','),
        ];
      }),
    );
    expect(counts).toEqual([
      ['000', 20, 6, 'tasks'],
      ['001', 28, 11, 'tasks'],
      ['002', 25, 7, 'tasks'],
      ['003', 0, 0, 'report-form,report-form,report-form'],
      ['004', 21, 0, 'tasks'],
    ]);
  });
});

describe('phuluc parse (summary)', () => {
  it('shows document, tables, sections and a task table that fits the terminal', async () => {
    const { code, out } = await run(['parse', seedPath(seedNamed('000'))], 80);
    expect(code).toBe(0);
    expect(out).toContain('KẾ HOẠCH, số 15/KH-UBND, Từ Sơn, ngày 26/12/2019');
    expect(out).toContain('Mục / Sections: 6');
    expect(out).toContain('Nhiệm vụ / Tasks: 20');
    expect(out).toMatch(/^V\.10\s+│/m);
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('says the document, tables, columns and findings in English with --lang en', async () => {
    const { code, out } = await run(['parse', seedPath(seedNamed('000')), '--lang', 'en'], 100);
    expect(code).toBe(0);
    expect(out).toContain('KẾ HOẠCH, no. 15/KH-UBND, Từ Sơn, of 26/12/2019');
    expect(out).toMatch(/^No\.\s+│ Task\s+│ Lead\s+│ Time$/m);
    expect(out).toMatch(/^- task table \(tasks\), rows \d+–\d+/m);
    expect(out).toMatch(/^Kiểm tra \/ Findings: \d+ errors?, \d+ warnings?, \d+ notes?/m);
    expect(out).not.toContain('Chủ trì');
  });

  it('says plainly when a document has report forms but no task table', async () => {
    const { code, out } = await run(['parse', seedPath(seedNamed('003'))]);
    expect(code).toBe(0);
    expect(out).toContain('Nhiệm vụ / Tasks: 0');
    expect(out).toContain('biểu mẫu báo cáo (report-form)');
  });
});

describe('bad input gets one clear line and a non-zero exit', () => {
  const cases: [string, () => string[], RegExp][] = [
    [
      'a missing file',
      () => ['parse', join(tmp, 'khong-co.txt')],
      /không tìm thấy tệp.*file not found/,
    ],
    ['an empty file', () => ['parse', file('rong.txt', '  \n\n')], /rỗng.*empty/],
    [
      'a binary file',
      () => ['parse', file('anh.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]))],
      /nhị phân.*binary/,
    ],
    [
      'a Word file',
      () => ['parse', file('kehoach.docx', Buffer.from('PK\x03\x04rest-of-zip'))],
      /\.docx.*zipped/,
    ],
    [
      'a legacy-encoded file',
      () => ['parse', file('tcvn3.txt', Buffer.from([0x4b, 0xd5, 0x20, 0x68, 0xae, 0x61]))],
      /UTF-8/,
    ],
    [
      'a scanned PDF',
      () => ['parse', file('quet.pdf', Buffer.from(scannedPdf()))],
      /bản quét.*OCR.*scan.*OCR/,
    ],
    [
      'a PDF with text but no table',
      () => [
        'parse',
        file(
          'cong-van.pdf',
          Buffer.from(
            miniPdf([
              {
                width: 595,
                height: 842,
                texts: [
                  { x: 60, y: 780, text: 'Kinh gui: cac co quan, don vi.' },
                  { x: 60, y: 760, text: 'De nghi bao cao truoc ngay 15/3/2024.' },
                ],
              },
            ]),
          ),
        ),
      ],
      /không tìm thấy bảng phụ lục trong tệp PDF.*no appendix table found in the PDF/,
    ],
    ['a damaged PDF', () => ['parse', file('hong.pdf', '%PDF-1.4\n')], /PDF bị hỏng.*damaged/],
    [
      'text with no appendix table',
      () => ['parse', file('thu.txt', 'Kính gửi các đơn vị.\nĐề nghị báo cáo.')],
      /không tìm thấy bảng phụ lục.*no appendix table/,
    ],
    [
      'a folder',
      () => ['parse', (mkdirSync(join(tmp, 'thu-muc'), { recursive: true }), join(tmp, 'thu-muc'))],
      /thư mục.*folder/,
    ],
    ['no file name', () => ['parse'], /thiếu tên tệp.*missing file/],
    ['an unknown command', () => ['lam-gi', 'x'], /lệnh không có.*unknown command/],
    [
      'an unknown option',
      () => ['parse', 'x', '--bogus'],
      /Lỗi: không có tùy chọn "--bogus"; xem phuluc --help\. \/ Error: unknown option "--bogus"/,
    ],
    [
      'an option without its value',
      () => ['build', 'x', '-o'],
      /Lỗi: tùy chọn --output cần một giá trị.*the option --output needs a value/,
    ],
    [
      'a value given to a switch',
      () => ['check', 'x', '--json=yes'],
      /Lỗi: tùy chọn --json không nhận giá trị.*the option --json takes no value/,
    ],
    ['two files', () => ['check', 'a.txt', 'b.txt'], /thừa tham số "b.txt".*unexpected argument/],
  ];
  it.each(cases)('%s', async (_label, args, message) => {
    const { code, out, err } = await run(args());
    expect(code).not.toBe(0);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^phuluc: Lỗi: /);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
    // Node's own option-parser words never reach the person.
    expect(err).not.toMatch(/Unknown option|argument missing|does not take|To specify/);
  });

  it('a huge file', async () => {
    const path = file('lon.txt', Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61));
    const { code, err } = await run(['parse', path]);
    expect(code).toBe(2);
    expect(err).toMatch(/quá lớn.*too large/);
  });
});

describe('the same inputs as the page', () => {
  it('reads an HTML page (Word\'s "Save as Web Page") by its tables, as the page does', async () => {
    const text = seedText(seedNamed('000'));
    const escape = (t: string): string =>
      t
        .replace(/<[^>]+>/g, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;');
    const body: string[] = [];
    let table: string[] = [];
    const flush = (): void => {
      if (table.length > 0) body.push(`<table border="1">${table.join('')}</table>`);
      table = [];
    };
    for (const line of text.split('\n')) {
      if (line.includes('\t')) {
        table.push(
          `<tr>${line
            .split('\t')
            .map((c) => `<td>${escape(c)}</td>`)
            .join('')}</tr>`,
        );
      } else {
        flush();
        if (line.trim()) body.push(`<p>${escape(line.replace(/[#*]/g, '').trim())}</p>`);
      }
    }
    flush();
    const html = `<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>${body.join('\n')}</body></html>`;
    const path = file('ke-hoach.htm', html);
    const { code, out, err } = await run(['parse', path, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const fromCli = JSON.parse(out) as Plan;
    const fromPage = planFromGrid(
      await gridFromFile('ke-hoach.htm', new TextEncoder().encode(html), {
        docx: () => Promise.reject(new Error('not docx')),
        xlsx: () => Promise.reject(new Error('not xlsx')),
        pdf: () => Promise.reject(new Error('not pdf')),
      }),
    );
    expect(fromCli.tasks).toHaveLength(20);
    expect(fromCli.tasks).toEqual(fromPage.tasks);
    expect(fromCli.document).toEqual(fromPage.document);
  });
});

describe('Word and PDF files', () => {
  it('reads a .docx: its Word table, merges known', async () => {
    const name = seedNamed('002');
    const path = file('ke-hoach.docx', Buffer.from(seedAsWordTable(name)));
    const { code, out, err } = await run(['parse', path, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const plan = JSON.parse(out);
    expect(plan.tasks).toHaveLength(golden(name).tasks!.length);
    expect(plan.findings[0]).toMatchObject({ code: 'source-structure', severity: 'info' });
  });

  it('reads a PDF table', async () => {
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
    const path = file(
      'ke-hoach.pdf',
      Buffer.from(miniPdf([{ width: 595, height: 842, ...table }])),
    );
    const { code, out, err } = await run(['parse', path, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const plan = JSON.parse(out);
    expect(
      plan.tasks.map((t: { lead: string[]; time: { due: string } }) => [t.lead, t.time.due]),
    ).toEqual([
      [['Van phong'], '2024-03-31'],
      [['So Noi vu'], '2024-06-30'],
    ]);
  });
});

describe('the installed command', () => {
  const bin = join(__dirname, '..', '..', 'bin', 'phuluc.js');

  it('runs from the repository root as `phuluc`', () => {
    const out = execFileSync(
      process.execPath,
      [bin, 'parse', seedPath(seedNamed('004')), '--json'],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out).tasks).toHaveLength(21);
  });

  it('is linked into node_modules/.bin so `npx phuluc` finds it after npm ci', () => {
    const linked = join(__dirname, '..', '..', 'node_modules', '.bin', 'phuluc');
    const out = execFileSync(linked, ['--version'], { encoding: 'utf8' });
    expect(out).toMatch(/^phuluc \d+\.\d+\.\d+/);
  });

  it('reads a PDF with nothing on stderr (PDF.js loads in plain Node 20)', () => {
    const table = ruledTable(
      [
        ['STT', 'Noi dung', 'Don vi chu tri', 'Thoi gian'],
        ['1', 'Ra soat thu tuc', 'Van phong', 'Quy I/2024'],
      ],
      [40, 260, 140, 120],
      40,
      700,
    );
    const path = file('cli.pdf', Buffer.from(miniPdf([{ width: 595, height: 842, ...table }])));
    const result = spawnSync(process.execPath, [bin, 'parse', path, '--json'], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).tasks).toHaveLength(1);
  });

  it('exits non-zero with one line on stderr for a missing file', () => {
    const result = spawnSync(process.execPath, [bin, 'parse', 'khong-co.txt'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });
});

describe('phuluc check', () => {
  it('lists findings grouped by severity with row and task, and exits 1 on errors', async () => {
    const { code, out } = await run(['check', seedPath(seedNamed('001'))]);
    expect(code).toBe(1);
    const errors = out.indexOf('LỖI (');
    const warnings = out.indexOf('CẢNH BÁO (');
    const notes = out.indexOf('LƯU Ý (');
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(errors);
    expect(notes).toBeGreaterThan(warnings);
    expect(out).toContain('Nhiệm vụ II.4 · dòng 114 — Thiếu đơn vị chủ trì');
    expect(out).toContain('Nhiệm vụ IV.2 · dòng 121 — Thiếu đơn vị chủ trì');
    // Codes are for programs (--json): none reads as a word in the list.
    expect(out).not.toMatch(/\[?\b(lead-missing|time-missing|maybe-lost-merge|due-\w+)\b/);
    const en = await run(['check', seedPath(seedNamed('000')), '--lang', 'en']);
    expect(en.out).toContain('Task I.1 · row 72 — Due before the issue date');
    expect(en.out).not.toContain('due-before-issue');
  });

  it('exits 0 when there are warnings but no errors, and speaks English on request', async () => {
    const { code, out } = await run(['check', seedPath(seedNamed('002')), '--lang', 'en']);
    expect(code).toBe(0);
    expect(out).toContain('WARNINGS (3)');
    expect(out).toContain('"Văn phòng UBND xã" is both lead and coordinating.');
  });

  it('counts in English with the singular for one', async () => {
    const { out } = await run(['check', seedPath(seedNamed('003')), '--lang', 'en']);
    expect(out.split('\n')[0]).toMatch(/: 0 errors, 2 warnings, 1 note$/);
  });

  it('says so when there is nothing to fix', async () => {
    const clean = file(
      'sach.txt',
      [
        'STT\tNhiệm vụ\tChủ trì\tThời gian',
        '1\tRà soát thủ tục\tSở Nội vụ\tQuý II/2024',
        '2\tCông khai thủ tục\tSở Tư pháp\tThường xuyên',
      ].join('\n'),
    );
    const { code, out } = await run(['check', clean]);
    expect(code).toBe(0);
    expect(out).toContain('Không có điểm nào cần sửa.');
  });

  it.each(SEEDS)(
    'works on seed %s: the reviewed findings, exit 1 only with errors',
    async (name) => {
      const { code, out, err } = await run(['check', seedPath(name), '--json']);
      expect(err).toBe('');
      const expected = golden(name).findings ?? [];
      const findings = JSON.parse(out) as Plan['findings'];
      // Each finding: its code, task and parameters (the values its message names).
      const keyed = (list: Plan['findings']) => list.map((f) => [f.code, f.task, f.params]);
      expect(keyed(findings)).toEqual(keyed(expected));
      expect(code).toBe(expected.some((f) => f.severity === 'error') ? 1 : 0);
    },
  );

  it('rejects an unknown language', async () => {
    const { code, err } = await run(['check', seedPath(seedNamed('002')), '--lang', 'fr']);
    expect(code).toBe(2);
    expect(err).toMatch(/--lang fr/);
  });
});

describe('options', () => {
  it('--before-inclusive counts the named day itself', async () => {
    const read = async (extra: string[]) =>
      JSON.parse(
        (await run(['parse', seedPath(seedNamed('001')), '--json', ...extra])).out,
      ).tasks.find((t: { id: string }) => t.id === 'II.1').time.due;
    expect(await read([])).toBe('2024-01-09');
    expect(await read(['--before-inclusive'])).toBe('2024-01-10');
  });

  it('--units takes an office directory (JSON or CSV): its names win and unknown units are flagged', async () => {
    const json = file(
      'donvi.json',
      JSON.stringify([
        { name: 'Văn phòng UBND xã', aliases: [], group: false },
        { name: 'Các ban, ngành, đoàn thể', aliases: ['Các ban, ngành'], group: true },
      ]),
    );
    const csv = file(
      'donvi.csv',
      'name,aliases,group\nVăn phòng UBND xã,,\n"Các ban, ngành, đoàn thể","Các ban, ngành",x\n',
    );
    for (const directory of [json, csv]) {
      const { code, out, err } = await run([
        'parse',
        seedPath(seedNamed('002')),
        '--json',
        '--units',
        directory,
      ]);
      expect(err).toBe('');
      expect(code).toBe(0);
      const plan = JSON.parse(out);
      const groups = plan.units.find(
        (u: { name: string }) => u.name === 'Các ban, ngành, đoàn thể',
      );
      expect(groups.supportCount).toBe(23);
      const unknown = plan.findings.filter((f: { code: string }) => f.code === 'unit-unknown');
      expect(unknown.map((f: { message: string }) => f.message).join('\n')).toContain(
        'Công chức Tư pháp - Hộ tịch',
      );
    }
  });

  it('a malformed directory is one clear error', async () => {
    const bad = file('hong.json', '{ "units": [ { "aliases": [] } ] }');
    const { code, err } = await run(['parse', seedPath(seedNamed('002')), '--units', bad]);
    expect(code).toBe(2);
    expect(err).toMatch(/^phuluc: Lỗi: danh mục đơn vị .* không hợp lệ/);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});
