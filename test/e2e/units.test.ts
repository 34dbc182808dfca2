// Issue 13 on the page, in Debian's Chromium: a tracker chosen, the units' forms downloaded as a
// zip (with the tracker recording them), one form filled by another program (openpyxl) as a unit
// would, uploaded: the tracker with the answer comes back; uploaded again: nothing new; a cut
// file: refused in words.

import { spawnSync } from 'child_process';
import { unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { main } from '../../src/cli/main';
import { bookFromXlsx } from '../../src/layout/tracker/fromXlsx';
import { readTracker } from '../../src/layout/tracker/read';
import { openWorkbook } from '../../src/readers/xlsx';
import { seedNamed, seedPath } from '../helpers/seeds';
import {
  browserAvailability,
  buildPane,
  CHROMIUM_ARGS,
  chromiumPath,
  serve,
  type Build,
  type StaticServer,
} from './harness';

const availability = browserAvailability();
const PYTHON = '/usr/bin/python3';
const openpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
const run = availability.run && (openpyxl || process.env.CI === 'true');
if (!run) console.warn('Units page tests skipped: Chromium or openpyxl missing');

const tmp = mkdtempSync(join(tmpdir(), 'phuluc-units-page-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

(run ? describe : describe.skip)('units report back on the page', () => {
  let build: Build;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    build = await buildPane();
    server = await serve(build.dir);
    browser = await chromium.launch({ executablePath: chromiumPath()!, args: CHROMIUM_ARGS });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    build?.cleanup();
  });

  async function download(
    page: Page,
    action: () => Promise<void>,
  ): Promise<{ name: string; bytes: Uint8Array }> {
    const [d] = await Promise.all([page.waitForEvent('download'), action()]);
    return { name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync((await d.path())!)) };
  }

  test('send the forms as a zip, merge an answer, merge it again, refuse a cut file', async () => {
    const tracker = join(tmp, 'So theo doi.xlsx');
    const built = await main(
      ['build', seedPath(seedNamed('000')), '-o', tracker, '--today', '2019-10-01'],
      {
        stdout: () => undefined,
        stderr: () => undefined,
      },
    );
    expect(built).toBe(0);

    const context = await browser.newContext({
      acceptDownloads: true,
      locale: 'vi-VN',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    const external: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !/^(blob|data):/.test(r.url())) external.push(r.url());
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByTestId('host').waitFor();
    await page.getByTestId('tab-units').click();
    await page.getByTestId('units-tracker-input').setInputFiles(tracker);
    await page.getByTestId('units-tracker').getByText('So theo doi.xlsx').waitFor();

    // 1. The forms, and the tracker recording them, in one zip.
    const zip = await download(page, () => page.getByTestId('units-send').click());
    expect(zip.name).toMatch(/\.zip$/);
    const entries = unzipSync(zip.bytes);
    const names = Object.keys(entries);
    expect(names).toContain('So theo doi.xlsx');
    const form = names.find((n) => n.endsWith('/Văn phòng HĐND&UBND thị xã.xlsx'))!;
    expect(form).toBeDefined();
    await page.getByTestId('units-sent').waitFor();
    const sentTracker = readTracker(bookFromXlsx(openWorkbook(entries['So theo doi.xlsx']!)));
    expect(sentTracker.history.filter((h) => h.action === 'sent').length).toBe(names.length - 1);

    // 2. The unit fills its form with another program and sends it back.
    const blank = join(tmp, 'blank.xlsx');
    writeFileSync(blank, entries[form]!);
    const edits = join(tmp, 'edits.json');
    writeFileSync(
      edits,
      JSON.stringify({
        'I.1': { 'Trạng thái': 'Hoàn thành', 'Ngày hoàn thành': { date: '2019-09-20' } },
        'V.2/2019-Q3': {
          'Đề nghị gia hạn đến': { date: '2019-12-31' },
          'Lý do đề nghị': 'Chờ số liệu',
        },
      }),
    );
    const answered = join(tmp, 'Văn phòng - đã điền.xlsx');
    const py = spawnSync(
      PYTHON,
      [join(__dirname, '..', 'cli', 'helpers', 'units.py'), 'fill', blank, answered, edits],
      {
        encoding: 'utf8',
      },
    );
    expect(py.stderr).toBe('');
    const merged = await download(page, () =>
      page.getByTestId('units-answers-input').setInputFiles(answered),
    );
    expect(merged.name).toBe('So theo doi.xlsx');
    const after = readTracker(bookFromXlsx(openWorkbook(merged.bytes)));
    const row = (code: string) => after.rows.find((r) => r.code === code)!.entries;
    expect(row('I.1')).toMatchObject({ state: 'Hoàn thành', completed: '2019-09-20' });
    expect(row('V.2/2019-Q3')).toMatchObject({
      extensionRequest: '2019-12-31',
      extensionReason: 'Chờ số liệu',
    });
    expect(row('V.2/2019-Q3').extendedTo).toBeUndefined();
    expect(after.history.filter((h) => h.action === 'changed').map((h) => h.code)).toEqual([
      'I.1',
      'I.1',
      'V.2/2019-Q3',
      'V.2/2019-Q3',
    ]);
    const summary = page.getByTestId('units-summary');
    await summary.getByText(/Đã cập nhật sổ/).waitFor();
    await page
      .getByTestId('units-requests')
      .getByText(/V\.2\/2019-Q3/)
      .waitFor();
    await page
      .getByTestId('units-answered')
      .getByText(/Văn phòng HĐND&UBND thị xã: đã trả lời/)
      .waitFor();

    // 3. The same form again: nothing new, nothing downloaded.
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByTestId('units-answers-input').setInputFiles(answered);
    await summary.getByText(/Không có gì mới/).waitFor();
    await page
      .getByTestId('units-file')
      .getByText(/đã nhập trước đó/)
      .waitFor();

    // 4. A cut file: refused, in words.
    const cut = join(tmp, 'cut.xlsx');
    const whole = readFileSync(answered);
    writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    await page.getByTestId('units-answers-input').setInputFiles(cut);
    await page
      .getByTestId('units-file')
      .getByText(/Từ chối — không đọc được như tệp Excel/)
      .waitFor();
    expect(downloads).toBe(0);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  }, 240_000);
});
