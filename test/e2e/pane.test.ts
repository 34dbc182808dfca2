// The task pane as a person meets it outside Excel: the production build, served locally, in
// Debian's Chromium. Each step is photographed at the pane's narrow width (320 px) and wide
// (1280 px): into docs/screenshots/ with UPDATE_SCREENSHOTS=1 (the README shows them). Every step
// is checked by axe-core, a real accessibility engine: no serious or critical violation.

import * as espree from 'espree';
import ExcelJS from 'exceljs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { checkManifest, manifestBase } from '../../scripts/check-manifest';
import { main } from '../../src/cli/main';
import { seedNamed, seedPath, seedText } from '../helpers/seeds';
import { seedAsDocx } from '../taskpane/fixtures';
import { miniPdf, ruledTable, scannedPdf } from '../helpers/mini-pdf';
import {
  axeViolations,
  browserAvailability,
  buildPane,
  CHROMIUM_ARGS,
  chromiumPath,
  recalculatedSheet,
  ROOT,
  see,
  serve,
  sofficePath,
  type Build,
  type StaticServer,
} from './harness';
import { withoutCalculatedColumns } from '../helpers/exceljs';

const availability = browserAvailability();
const describeInBrowser = availability.run ? describe : describe.skip;
if (!availability.run) console.warn(`Browser tests skipped: ${availability.reason}`);

// The README's pictures are refreshed on request (`npm run screenshots`); an ordinary test run
// writes its screenshots to a temporary folder, so it never dirties the work tree.
const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(ROOT, 'docs', 'screenshots')
  : join(tmpdir(), 'phuluc-e2e-screenshots');
const WIDTHS = [320, 1280] as const;
type Width = (typeof WIDTHS)[number];

const SEED_000 = seedText(seedNamed('000'));

/** The address the test build's manifest is built for (as ADDIN_URL=… npm run build). */
const ADDIN_URL = 'https://phuluc.example.vn/addin';

let build: Build;

beforeAll(async () => {
  build = await buildPane({ addinUrl: ADDIN_URL });
}, 240_000);

afterAll(() => build?.cleanup());

describe('the built pages', () => {
  const PAGES = ['taskpane.html', 'index.html', 'commands.html', 'help.html'];
  const html = (page: string) => readFileSync(join(build.dir, page), 'utf8');

  it.each(PAGES)(
    '%s: its Content-Security-Policy, first in <head>, loads nothing from elsewhere',
    (page) => {
      const text = html(page);
      const metas = [
        ...text.matchAll(/<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/gi),
      ];
      expect(metas).toHaveLength(1);
      // Before anything the page loads, so it governs all of it.
      const at = text.indexOf(metas[0]![0]);
      for (const tag of ['<script', '<link', '<style']) {
        if (text.includes(tag)) expect(text.indexOf(tag)).toBeGreaterThan(at);
      }
      const policy = parsePolicy(metas[0]![1]!);
      expect(Object.fromEntries(policy)).toEqual({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'frame-src': ["'none'"],
        'worker-src': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'none'"],
      });
      // Every script and stylesheet the page names is its own, and no script is inline.
      for (const m of text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="?([^"\s>]+)/gi)) {
        expect(m[1]).not.toMatch(/^(https?:)?\/\//);
      }
      for (const m of text.matchAll(/<script\b([^>]*)>/gi)) expect(m[1]).toMatch(/\bsrc=/);
    },
  );

  it('the server sends the policy with frame-ancestors: Excel on the web may frame the pane', async () => {
    const server = await serve(build.dir);
    try {
      const response = await fetch(`${server.url}/taskpane.html`);
      const policy = parsePolicy(response.headers.get('content-security-policy') ?? '');
      const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/i.exec(
        await response.text(),
      )![1]!;
      for (const [directive, sources] of parsePolicy(meta)) {
        expect([directive, policy.get(directive)]).toEqual([directive, sources]);
      }
      expect(policy.get('frame-ancestors')).toEqual([
        "'self'",
        'https://*.officeapps.live.com',
        'https://*.cloud.microsoft',
        'https://*.office.com',
        'https://*.microsoft365.com',
        'https://*.sharepoint.com',
        'https://onedrive.live.com',
      ]);
    } finally {
      await server.close();
    }
  });

  it('the pane pages start with old-host.js, plain ES5 as written; only taskpane.html may load office.js', () => {
    for (const file of ['old-host.js', 'office-host.js']) {
      const source = readFileSync(join(ROOT, 'src', 'taskpane', file), 'utf8');
      expect(readFileSync(join(build.dir, file), 'utf8')).toBe(source);
      expect(() => espree.parse(source, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    }
    // The check is real: ES2015 is refused.
    expect(() => espree.parse('var f = () => 1;', { ecmaVersion: 5 })).toThrow();
    const scriptsOf = (page: string) =>
      [...html(page).matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]!);
    // taskpane.html: office-host.js writes office.js's tag when an Office host opened the page.
    expect(scriptsOf('taskpane.html')).toEqual([
      expect.stringMatching(/^(\.\/)?old-host\.js\?v=[0-9a-f]{8}$/),
      expect.stringMatching(/^(\.\/)?office-host\.js\?v=[0-9a-f]{8}$/),
      expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/),
    ]);
    expect(scriptsOf('index.html')).toEqual([
      expect.stringMatching(/^(\.\/)?old-host\.js\?v=[0-9a-f]{8}$/),
      expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/),
    ]);
  });

  it('writes dist/manifest.xml for the address given at build time', () => {
    const manifest = html('manifest.xml');
    expect(manifestBase(manifest)).toBe(ADDIN_URL);
    expect(manifest).not.toMatch(/"https:\/\/localhost/);
    expect(checkManifest(manifest, ROOT, { baseUrl: ADDIN_URL })).toEqual([]);
  });
});

/** A Content-Security-Policy as directive → sources. */
function parsePolicy(text: string): Map<string, string[]> {
  const policy = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [directive, ...sources] = part.trim().split(/\s+/);
    if (directive) {
      expect(policy.has(directive)).toBe(false);
      policy.set(directive.toLowerCase(), sources);
    }
  }
  return policy;
}

describeInBrowser('the pane, standalone in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext | null = null;
  /** Requests that left the local server, page errors, console errors: all must stay empty. */
  let external: string[] = [];
  let pageErrors: string[] = [];
  let consoleProblems: string[] = [];
  let requested: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await serve(build.dir);
    browser = await chromium.launch({ executablePath: chromiumPath()!, args: CHROMIUM_ARGS });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    await context?.close();
    context = null;
    expect(pageErrors).toEqual([]);
    expect(external).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  /**
   * Opens a page of the build: the standalone page (index.html, what people open in a browser)
   * unless told otherwise; `ready` waits for the pane.
   */
  async function open(
    width: Width,
    init?: (page: Page) => Promise<void>,
    { path = 'index.html', ready = true }: { path?: string; ready?: boolean } = {},
  ): Promise<Page> {
    context = await browser.newContext({
      viewport: { width, height: width === 320 ? 720 : 860 },
      acceptDownloads: true,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    external = [];
    pageErrors = [];
    consoleProblems = [];
    requested = [];
    page.on('request', (r) => {
      const url = r.url();
      requested.push(url);
      if (!url.startsWith(server.url) && !/^(blob|data):/.test(url)) external.push(url);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Office.js's "loaded outside of Office client", a frame or request the page's policy
    // blocked (its telemetry), any error logged: none on a standalone page.
    page.on('console', (m) => {
      if (m.type() === 'error' || /Office\.js|Content Security Policy|Refused to/i.test(m.text()))
        consoleProblems.push(`${m.type()}: ${m.text()}`);
    });
    // The page's own report of anything the policy refuses, as a console error.
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP-VIOLATION ${e.effectiveDirective} ${e.blockedURI}`),
      ),
    );
    if (init) await init(page);
    await page.goto(`${server.url}/${path}`);
    if (ready) await page.getByTestId('host').waitFor();
    return page;
  }

  async function shot(page: Page, name: string, width: Width): Promise<void> {
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`) });
  }

  /** A real paste event, as Ctrl+V delivers it (text, and HTML when given). */
  async function paste(page: Page, text: string, html?: string): Promise<void> {
    await page.locator('textarea[data-testid="paste-box"]').evaluate(
      (box, [t, h]) => {
        const data = new DataTransfer();
        data.setData('text/plain', t!);
        if (h) data.setData('text/html', h);
        (box as HTMLTextAreaElement).focus();
        box.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      },
      [text, html ?? ''],
    );
  }

  /** No control without a name; nothing wider than the window; no serious axe violation. */
  async function checkLayoutAndLabels(page: Page, width: Width): Promise<void> {
    expect({ width, axe: await axeViolations(page) }).toEqual({ width, axe: [] });
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      const visible = (el: Element): boolean => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const nameOf = (el: HTMLElement): string => {
        const labelledBy = el.getAttribute('aria-labelledby');
        const byIds = labelledBy
          ? labelledBy
              .split(/\s+/)
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ')
          : '';
        const labels =
          'labels' in el
            ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent ?? '').join(' ')
            : '';
        return [
          el.getAttribute('aria-label') ?? '',
          byIds,
          labels,
          el.tagName === 'BUTTON' ? (el.textContent ?? '') : '',
          el.title,
        ]
          .join(' ')
          .trim();
      };
      for (const el of document.querySelectorAll<HTMLElement>(
        'button, input, select, textarea, [role="tab"], [role="radio"]',
      )) {
        if ((el as HTMLInputElement).type === 'file' || !visible(el)) continue;
        if (!nameOf(el))
          out.push(`unnamed ${el.tagName.toLowerCase()} ${el.outerHTML.slice(0, 80)}`);
      }
      if (document.documentElement.scrollWidth > window.innerWidth + 1) {
        out.push(`page wider than the window: ${document.documentElement.scrollWidth}px`);
      }
      return out;
    });
    expect({ width, problems }).toEqual({ width, problems: [] });
  }

  describe.each(WIDTHS)('at %i px', (width) => {
    it('pastes seed 000: preview, findings, settings, and the .xlsx download', async () => {
      const page = await open(width);
      await see.text(page.getByTestId('host'), 'Ngoài Excel: tải tệp .xlsx về máy');
      await see.visible(page.getByRole('button', { name: 'Dùng kế hoạch mẫu' }));
      // A modern browser: the old-host check stays silent.
      await see.attr(page.locator('html'), 'data-phuluc', 'started');
      await see.count(page.locator('#phuluc-old-host'), 0);
      await checkLayoutAndLabels(page, width);
      await shot(page, '01-source', width);

      // 1 → 2: the pasted plan in the preview.
      await paste(page, SEED_000);
      await page.getByTestId('panel-preview').waitFor();
      await see.count(page.getByTestId('task-row'), 20);
      await see.count(page.getByTestId('section-row'), 6);
      await see.text(page.getByTestId('plan-counts'), '20 nhiệm vụ · 6 mục · 12 đơn vị');
      await see.text(page.getByTestId('doc-number'), 'KẾ HOẠCH 15/KH-UBND');
      await see.text(page.getByTestId('doc-date'), '26/12/2019');
      await see.text(page.getByTestId('notice'), 'Đã đọc 20 nhiệm vụ trong 6 mục.');
      await see.value(page.getByTestId('role-0-2'), 'lead');
      await checkLayoutAndLabels(page, width);
      await shot(page, '02-preview', width);

      // 3: findings, grouped by severity.
      await page.getByTestId('next').click();
      await page.getByTestId('panel-findings').waitFor();
      await see.text(page.getByTestId('findings-summary'), '0 lỗi · 4 cảnh báo · 0 lưu ý');
      await see.count(page.getByTestId('findings-warning').getByTestId('finding'), 4);
      // Kinds of findings are words here, never codes.
      await see.lacks(page.getByTestId('panel-findings'), 'due-before-issue');
      await see.contains(page.getByTestId('panel-findings'), 'ngày 16/02/2019');
      await checkLayoutAndLabels(page, width);
      await shot(page, '03-findings', width);

      // Clicking a finding highlights its row in the preview.
      await page
        .getByTestId('finding')
        .nth(2)
        .getByRole('button', { name: /Xem trong bảng/ })
        .click();
      await page.getByTestId('panel-preview').waitFor();
      const highlighted = page.locator('[data-testid="task-row"][aria-current="true"]');
      await see.attr(highlighted, 'data-task-id', 'V.4');
      await see.focused(highlighted);

      // 5: settings — a fixed report date, typed dd/mm/yyyy.
      await page.getByTestId('tab-settings').click();
      await page.getByRole('radio', { name: 'Một ngày cố định' }).check();
      await page.getByTestId('report-date').fill('30/06/2019');
      await see.value(page.getByTestId('report-date'), '30/06/2019');
      await checkLayoutAndLabels(page, width);
      await shot(page, '05-settings', width);

      // 4: build and download.
      await page.getByTestId('tab-build').click();
      await see.contains(page.getByTestId('panel-build'), 'Ngày báo cáo: 30/06/2019');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('build').click(),
      ]);
      expect(download.suggestedFilename()).toBe('Sổ theo dõi 15-KH-UBND.xlsx');
      const bytes = readFileSync((await download.path())!);
      await see.contains(
        page.getByTestId('build-result'),
        'Đã tạo tệp “Sổ theo dõi 15-KH-UBND.xlsx”',
      );
      await see.contains(
        page.getByTestId('build-result'),
        '20 nhiệm vụ · 12 đơn vị · 4 kết quả kiểm tra',
      );
      expect(await page.getByTestId('build').isEnabled()).toBe(true);
      await checkLayoutAndLabels(page, width);
      await shot(page, '04-build', width);

      // The workbook: its sheets as the pane listed them, and the dashboard's count.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await withoutCalculatedColumns(bytes)) as unknown as ExcelJS.Buffer);
      const names = wb.worksheets.map((w) => w.name);
      const listed = await page.getByTestId('build-sheets').locator('li strong').allTextContents();
      expect(names).toEqual(listed);
      expect(names.slice(0, 2)).toEqual(['Tổng hợp', 'Nhiệm vụ']);
      expect(names).toEqual(expect.arrayContaining(['Văn phòng HĐND&UBND thị xã', 'Kiểm tra']));
      const dashboard = wb.getWorksheet('Tổng hợp')!;
      let whole: ExcelJS.Row | null = null;
      dashboard.eachRow((row) => {
        if (row.getCell(2).text === 'Toàn kế hoạch') whole = row;
      });
      expect(whole).not.toBeNull();
      // Items of work: 17 tasks and the four quarters of V.1–V.3 (a formula, its value stored).
      expect(whole!.getCell(3).value).toEqual({ formula: expect.any(String), result: 29 });

      // Recalculated by a spreadsheet engine: 8 items due by 30/06/2019 (I.1, V.4, and the first
      // two quarters of V.1–V.3).
      const soffice = sofficePath();
      if (width === 1280 && soffice) {
        const rows = recalculatedSheet(soffice, bytes, 1);
        const header = rows.find((r) => r.includes('Đến hạn'))!;
        const total = rows.find((r) => r[1] === 'Toàn kế hoạch')!;
        expect([total[2], total[header.indexOf('Đến hạn')]]).toEqual(['29', '8']);
      } else if (width === 1280 && process.env.CI === 'true') {
        throw new Error('LibreOffice (soffice) is needed in CI to recalculate the workbook');
      }
    }, 90_000);

    it('reads a corrected column role into the preview at once', async () => {
      const page = await open(width);
      await page.getByRole('button', { name: 'Dùng kế hoạch mẫu' }).click();
      await page.getByTestId('panel-preview').waitFor();
      const firstLead = page.getByTestId('task-row').first().getByTestId('task-lead');
      const leadBefore = 'Văn phòng HĐND&UBND thị xã';
      await see.contains(firstLead, leadBefore);
      // "Đơn vị phối hợp" (column 4) as the lead: the preview now reads the other column.
      await page.getByTestId('role-0-3').selectOption('lead');
      await see.value(page.getByTestId('role-0-2'), 'none');
      await see.lacks(firstLead, leadBefore);
      await see.contains(firstLead, 'Các phòng, ban, cơ quan');
      await see.contains(firstLead, 'UBND xã, phường');
      // The notice follows the plan.
      await see.text(page.getByTestId('notice'), 'Đã đọc 20 nhiệm vụ trong 6 mục.');
      await see.lacks(page.getByTestId('plan-counts'), '20 nhiệm vụ · 6 mục · 12 đơn vị');
      await page.getByTestId('columns').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `06-columns-${width}.png`) });
      await page.getByRole('button', { name: 'Khôi phục cột tự nhận' }).click();
      await see.contains(firstLead, leadBefore);
      await see.text(page.getByTestId('plan-counts'), '20 nhiệm vụ · 6 mục · 12 đơn vị');
    }, 60_000);

    it('opens seed 001 from a file and applies a suggested fix', async () => {
      const page = await open(width);
      await page.getByTestId('file-input').setInputFiles(seedPath(seedNamed('001')));
      await page.getByTestId('panel-preview').waitFor();
      await see.count(page.getByTestId('task-row'), 28);
      await see.count(page.getByTestId('section-row'), 11);
      await see.count(page.getByTestId('current-source'), 0);
      await page.getByTestId('tab-findings').click();
      const errors = page.getByTestId('findings-error').getByTestId('finding');
      const before = await errors.count();
      expect(before).toBeGreaterThan(0);
      await errors.first().getByTestId('apply-fix').click();
      await see.count(errors, before - 1);
      await see.contains(page.getByTestId('applied-fixes'), 'Các chỗ đã sửa (1)');
      await checkLayoutAndLabels(page, width);
      await shot(page, '07-fixes', width);
      await page.getByRole('button', { name: 'Hoàn tác' }).click();
      await see.count(errors, before);
    }, 60_000);

    it('switches to English and back', async () => {
      const page = await open(width);
      await page.getByRole('button', { name: 'Dùng kế hoạch mẫu' }).click();
      await page.getByTestId('panel-preview').waitFor();
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await see.attr(page.locator('html'), 'lang', 'en');
      await see.contains(page.getByTestId('tab-preview'), 'Preview');
      await see.text(page.getByTestId('plan-counts'), '20 tasks · 6 sections · 12 units');
      await see.text(page.getByTestId('host'), 'Outside Excel: downloads an .xlsx');
      // A screen reader hears each finding of a cell with its severity, one finding: "Warning: …".
      const firstNote = page.getByTestId('cell-findings').first().locator('li').first();
      expect(await firstNote.textContent()).toMatch(/^(Error|Warning|Note): \S/);
      await checkLayoutAndLabels(page, width);
      await shot(page, '08-english', width);
      // Remembered on this computer.
      await page.reload();
      await see.contains(page.getByTestId('tab-source'), 'Source');
      await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
      await see.attr(page.locator('html'), 'lang', 'vi');
      await see.contains(page.getByTestId('tab-preview'), 'Xem trước');
    }, 60_000);

    it('answers garbage with a helpful message, not a blank pane', async () => {
      const page = await open(width);
      await page
        .locator('textarea[data-testid="paste-box"]')
        .fill('asdf qwerty\n12345 ;;; lorem ipsum');
      await page.getByRole('button', { name: 'Đọc nội dung đã dán' }).click();
      const error = page.getByTestId('pane-error');
      await see.attr(error, 'data-code', 'no-table');
      await see.contains(error, 'Không tìm thấy bảng phân công nhiệm vụ');
      await see.contains(error, 'dòng tiêu đề');
      await see.visible(page.getByTestId('panel-source'));
      await see.visible(page.getByRole('button', { name: 'Dùng kế hoạch mẫu' }));
      await checkLayoutAndLabels(page, width);
      await shot(page, '09-error', width);
    }, 60_000);
  });

  it('works when office.js cannot load (offline)', async () => {
    const page = await open(
      1280,
      async (p) => {
        await p.route('**/office-js/**', (route) => route.abort());
      },
      { path: `taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0` },
    );
    await see.text(page.getByTestId('host'), 'Ngoài Excel: tải tệp .xlsx về máy');
    await page.getByRole('button', { name: 'Dùng kế hoạch mẫu' }).click();
    await see.count(page.getByTestId('task-row'), 20);
    // Office's address made the page ask for office.js, which could not load.
    expect(requested.some((u) => u.endsWith('/office-js/office.js'))).toBe(true);
    consoleProblems = consoleProblems.filter((m) => !/office-js\/office\.js|ERR_FAILED/.test(m));
  }, 60_000);

  it('inside Excel, offers the open sheet as the source and writes into the workbook', async () => {
    // A stand-in for the Office host's answer (office.js itself only runs inside Office): the
    // pane's Excel mode, photographed for the README. Its Excel actions are tested on the
    // Excel double (test/taskpane/excel.test.ts).
    const page = await open(
      320,
      async (p) => {
        await p.route('**/office-js/office.js', (route) => route.abort());
        await p.addInitScript(() => {
          Object.assign(window, {
            Office: {
              HostType: { Excel: 'Excel' },
              onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
              context: { requirements: { isSetSupported: () => true } },
            },
          });
        });
      },
      { path: 'taskpane.html' },
    );
    await see.text(page.getByTestId('host'), 'Trong Excel');
    await see.visible(page.getByRole('button', { name: 'Dùng vùng đang chọn' }));
    await checkLayoutAndLabels(page, 320);
    await shot(page, '10-in-excel-source', 320);
    await page.getByRole('button', { name: 'Dùng kế hoạch mẫu' }).click();
    await page.getByTestId('tab-build').click();
    await see.text(page.getByTestId('build'), 'Ghi sổ vào bảng tính này');
    await see.visible(page.getByTestId('build-download'));
    await checkLayoutAndLabels(page, 320);
    await shot(page, '11-in-excel-build', 320);
  }, 60_000);

  it('opens a Word .docx', async () => {
    const page = await open(1280);
    await page.getByTestId('file-input').setInputFiles({
      name: 'ke-hoach-15.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(await seedAsDocx(SEED_000)),
    });
    await page.getByTestId('panel-preview').waitFor();
    await see.count(page.getByTestId('task-row'), 20);
    await see.text(page.getByTestId('doc-number'), 'KẾ HOẠCH 15/KH-UBND');
  }, 60_000);

  it('opens a PDF: its ruled table read in the browser, nothing fetched from elsewhere', async () => {
    const page = await open(1280);
    const table = ruledTable(
      [
        ['STT', 'Noi dung', 'Don vi chu tri', 'Thoi gian'],
        ['1', 'Ra soat thu tuc hanh chinh', 'Van phong', 'Quy I/2024'],
        ['2', 'Bao cao ket qua', 'So Noi vu', 'Thang 6/2024'],
        ['3', 'Kiem tra cong vu', 'Thanh tra', 'Nam 2024'],
      ],
      [40, 300, 140, 120],
      40,
      700,
    );
    await page.getByTestId('file-input').setInputFiles({
      name: 'ke-hoach.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        miniPdf([
          {
            width: 595,
            height: 842,
            lines: table.lines,
            texts: [{ x: 200, y: 760, text: 'KE HOACH nam 2024' }, ...table.texts],
          },
        ]),
      ),
    });
    await page.getByTestId('panel-preview').waitFor();
    await see.count(page.getByTestId('task-row'), 3);
    await see.contains(page.getByTestId('panel-preview'), 'So Noi vu');
  }, 60_000);

  it('a scanned PDF gets advice in the pane: it needs OCR', async () => {
    const page = await open(320);
    await page.getByTestId('file-input').setInputFiles({
      name: 'ke-hoach-quet.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(scannedPdf()),
    });
    await see.attr(page.getByTestId('pane-error'), 'data-code', 'pdf-scanned');
    await see.contains(page.getByTestId('pane-error'), 'OCR');
  }, 60_000);

  it('an unreadable file gets advice in the pane', async () => {
    const page = await open(320);
    await page.getByTestId('file-input').setInputFiles({
      name: 'ke-hoach.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n'),
    });
    await see.attr(page.getByTestId('pane-error'), 'data-code', 'pdf-damaged');
    await see.contains(page.getByTestId('pane-error'), 'Word (.docx)');
  }, 60_000);

  it('is usable from the keyboard', async () => {
    const page = await open(1280);
    // Tab from the top reaches the sample button; Enter loads the sample.
    const sample = page.getByRole('button', { name: 'Dùng kế hoạch mẫu' });
    for (
      let i = 0;
      i < 12 && !(await sample.evaluate((el) => el === document.activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await see.focused(sample);
    await page.keyboard.press('Enter');
    await page.getByTestId('panel-preview').waitFor();
    // The button is gone with its step: the preview's heading has the focus, not the page's
    // body, and the live region says what was read.
    await see.focused(page.getByTestId('panel-heading'));
    await see.text(page.getByTestId('live'), 'Đã đọc 20 nhiệm vụ trong 6 mục.');
    await see.attr(page.getByTestId('live'), 'aria-live', 'polite');
    // The next Tab goes on into the preview.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => !!document.activeElement?.closest('[data-testid="panel-preview"]')),
    ).toBe(true);
    // The step tabs: arrow keys move, Enter selects.
    await page.getByTestId('tab-preview').focus();
    await page.keyboard.press('ArrowRight');
    await see.focused(page.getByTestId('tab-findings'));
    await page.keyboard.press('Enter');
    await page.getByTestId('panel-findings').waitFor();
    await see.attr(page.getByRole('tabpanel'), 'aria-labelledby', /tab-findings/);
  }, 60_000);

  /** The advice an old host shows instead of the pane, in both languages, with the address. */
  async function seeOldHostAdvice(page: Page): Promise<void> {
    const advice = page.locator('#phuluc-old-host');
    await see.visible(advice);
    await see.attr(advice, 'role', 'alert');
    await see.contains(advice, 'PhuLuc không chạy được trong khung này');
    await see.contains(advice, 'Internet Explorer hoặc Edge bản cũ');
    await see.contains(advice, 'PhuLuc cannot run in this pane');
    await see.contains(advice, 'phuluc build');
    // The standalone page: this folder, without Office's query string.
    // (Read from Playwright's own world: the page may lack globalThis.)
    const anchors = advice.locator('a');
    const links = [
      await anchors.nth(0).getAttribute('href'),
      await anchors.nth(1).getAttribute('href'),
    ];
    await see.count(anchors, 2);
    expect(links).toEqual([`${server.url}/`, `${server.url}/`]);
    await see.attr(page.locator('html'), 'data-phuluc', 'old-host');
    expect(await page.locator('#root').isVisible()).toBe(false);
    await see.count(page.getByTestId('host'), 0);
  }

  // Office 2019 (volume-licensed) shows add-ins in Internet Explorer 11 or the old Edge: each lacks
  // all of these. Hiding any one of them in Chromium makes it such a host.
  it.each([
    ['Promise', 'window.Promise'],
    ['fetch', 'window.fetch'],
    ['Object.fromEntries', 'Object.fromEntries'],
    ['globalThis', 'window.globalThis'],
    ['Array.prototype.findLast', 'Array.prototype.findLast'],
  ])(
    'an old host (no %s) gets advice instead of a blank pane',
    async (_name, feature) => {
      const page = await open(
        320,
        async (p) => {
          await p.addInitScript((path) => {
            const names = path.split('.');
            const last = names.pop()!;
            let owner = window as unknown as Record<string, unknown>;
            for (const name of names) if (name !== 'window') owner = owner[name] as typeof owner;
            delete owner[last];
          }, feature);
        },
        { path: `taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0`, ready: false },
      );
      await seeOldHostAdvice(page);
      await page.screenshot({ path: join(SHOTS, '15-old-host-320.png') });
      // office.js may still complain about the missing feature; the pane itself raised nothing.
      pageErrors = pageErrors.filter((e) => !/Promise|fetch/.test(e));
      // Office's address made the page load office.js, with no Office behind it here.
      consoleProblems = consoleProblems.filter((m) => !/loaded outside of Office client/.test(m));
    },
    60_000,
  );

  it('a host that cannot parse the bundle gets the advice once the page has loaded', async () => {
    const page = await open(
      320,
      async (p) => {
        await p.route(/\/taskpane\.[0-9a-f]{8}\.js$/, (route) =>
          route.fulfill({ contentType: 'text/javascript', body: 'let pane = ;' }),
        );
      },
      { path: 'taskpane.html', ready: false },
    );
    await seeOldHostAdvice(page);
    expect(pageErrors).toEqual([expect.stringMatching(/Unexpected token/)]);
    pageErrors = [];
  }, 60_000);

  describe.each(WIDTHS)('seed 001 at %i px', (width) => {
    it('shows every column, the whole text and the time as written, without a hover', async () => {
      const page = await open(width);
      await page.getByTestId('file-input').setInputFiles(seedPath(seedNamed('001')));
      await page.getByTestId('panel-preview').waitFor();
      await see.count(page.getByTestId('task-row'), 28);
      const row = (id: string) => page.locator(`[data-testid="task-row"][data-task-id="${id}"]`);
      // Coordinating units and deliverables are there at every width.
      await see.visible(row('II.3').getByTestId('task-support'));
      await see.contains(row('II.3').getByTestId('task-support'), 'các đơn vị liên quan');
      await see.visible(row('II.3').getByTestId('task-product'));
      await see.contains(row('II.3').getByTestId('task-product'), 'Tổ chức thực hiện Kế hoạch');
      // A conditional time shows what the document says, not just "Có điều kiện".
      await see.contains(row('III.1').getByTestId('task-due'), 'Có điều kiện');
      await see.contains(row('III.1').getByTestId('task-due'), 'Theo Kế hoạch số 17/KH-UBND');
      // No text hides in a tooltip.
      expect(await page.getByTestId('tasks').locator('[title]').count()).toBe(0);
      // A long text is shortened behind a button a keyboard or a finger reaches.
      const more = row('V.1').getByTestId('task-product').getByTestId('show-more');
      await see.attr(more, 'aria-expanded', 'false');
      await see.lacks(row('V.1').getByTestId('task-product'), 'TTĐT của các đơn vị');
      await more.focus();
      await page.keyboard.press('Enter');
      await see.attr(more, 'aria-expanded', 'true');
      await see.contains(row('V.1').getByTestId('task-product'), 'trên Cổng TTĐT của các đơn vị');

      const geometry = await page.evaluate(() => {
        const out: string[] = [];
        const cells = [
          ...document.querySelectorAll<HTMLElement>(
            '[data-testid="tasks"] td, [data-testid="tasks"] dd, [data-testid="tasks"] h3',
          ),
        ];
        // Nothing runs out of its cell.
        for (const cell of cells) {
          if (cell.scrollWidth > cell.clientWidth + 1)
            out.push(`overflow: ${cell.textContent!.slice(0, 40)}`);
        }
        // No word is cut across two lines: each word's box is one line.
        const walker = document.createTreeWalker(
          document.querySelector('[data-testid="tasks"]')!,
          NodeFilter.SHOW_TEXT,
        );
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          // A word: letters and digits between spaces, hyphens and slashes (a line may break
          // after "2023-" as any text does; never inside "2023").
          for (const m of text.matchAll(/[^\s\-–/]+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index!);
            range.setEnd(node, m.index! + m[0].length);
            const lines = new Set(
              [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
            );
            if (lines.size > 1) out.push(`word cut: ${m[0]}`);
          }
        }
        const table = document.querySelector<HTMLElement>('[data-testid="tasks-table"]');
        const due = [
          ...document.querySelectorAll<HTMLElement>('[data-testid="tasks-table"] th'),
        ].find((th) => th.textContent === 'Hạn');
        // The long time text under a date wraps (it is on more than one line).
        const long = [...document.querySelectorAll<HTMLElement>('[data-testid="time-text"]')].find(
          (el) => el.textContent!.startsWith('Theo Kế hoạch CCHC năm 2024'),
        );
        const lineHeight = long ? parseFloat(getComputedStyle(long).lineHeight) : 0;
        return {
          problems: out.slice(0, 10),
          dueShare: table && due ? due.getBoundingClientRect().width / table.clientWidth : null,
          longLines: long ? Math.round(long.getBoundingClientRect().height / lineHeight) : 0,
        };
      });
      expect(geometry.problems).toEqual([]);
      expect(geometry.longLines).toBeGreaterThan(1);
      if (width === 1280) {
        expect(geometry.dueShare).not.toBeNull();
        expect(geometry.dueShare!).toBeLessThan(0.15);
      }
      await checkLayoutAndLabels(page, width);
      // The picture: the task list from its top.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.mouse.move(0, 0);
      await page.getByTestId('tasks').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(SHOTS, `12-seed001-preview-${width}.png`) });
    }, 90_000);

    it('a missing lead with no suggestion is typed in the preview; the workbook has it', async () => {
      const page = await open(width);
      await page.getByTestId('file-input').setInputFiles(seedPath(seedNamed('001')));
      await page.getByTestId('panel-preview').waitFor();
      await page.getByTestId('tab-findings').click();
      const errors = page.getByTestId('findings-error').getByTestId('finding');
      const before = await errors.count();
      const x1 = page.locator('[data-testid="finding"][data-code="lead-missing"][data-task="X.1"]');
      await see.count(x1.getByTestId('apply-fix'), 0);
      await x1.getByTestId('edit-finding').click();
      // The preview opens with the cell's box focused.
      await page.getByTestId('panel-preview').waitFor();
      const input = page.getByTestId('cell-editor').getByTestId('cell-input');
      await see.focused(input);
      await checkLayoutAndLabels(page, width);
      await page.keyboard.type('Văn phòng HĐND - UBND huyện');
      await page.getByTestId('cell-editor').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `13-edit-${width}.png`) });
      await page.getByTestId('cell-save').click();
      const row = page.locator('[data-testid="task-row"][data-task-id="X.1"]');
      await see.contains(row.getByTestId('task-lead'), 'Văn phòng HĐND - UBND huyện');
      await see.contains(row.getByTestId('task-lead'), 'đã sửa');
      // Focus back on the cell's edit button.
      await see.focused(row.getByTestId('task-lead').getByTestId('cell-edit'));
      await page.getByTestId('tab-findings').click();
      await see.count(errors, before - 1);
      await see.contains(page.getByTestId('applied-fixes'), 'Nhiệm vụ X.1, Chủ trì');
      await page.getByTestId('tab-build').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('build').click(),
      ]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        (await withoutCalculatedColumns(
          new Uint8Array(readFileSync((await download.path())!)),
        )) as unknown as ExcelJS.Buffer,
      );
      const sheet = wb.getWorksheet('Nhiệm vụ')!;
      let lead: string | null = null;
      sheet.eachRow((r) => {
        const cells = Array.from(r.values as unknown[], (v) => (v == null ? '' : String(v)));
        if (cells.includes('X.1')) lead = cells.find((c) => c.startsWith('Văn phòng HĐND')) ?? '';
      });
      expect(lead).toBe('Văn phòng HĐND - UBND huyện');
    }, 90_000);

    it("merges the office's five names, keeps and downloads the directory", async () => {
      const page = await open(width);
      await page.getByTestId('file-input').setInputFiles(seedPath(seedNamed('001')));
      await page.getByTestId('panel-preview').waitFor();
      const suggestion = page.getByTestId('merge-suggestion');
      await see.count(suggestion.getByRole('checkbox'), 5);
      await see.value(suggestion.getByTestId('merge-keep'), 'Văn phòng HĐND - UBND huyện');
      await suggestion.scrollIntoViewIfNeeded();
      await checkLayoutAndLabels(page, width);
      await page.getByTestId('units').screenshot({ path: join(SHOTS, `14-units-${width}.png`) });
      await suggestion.getByTestId('merge-apply').click();
      await see.text(page.getByTestId('plan-counts'), '28 nhiệm vụ · 11 mục · 7 đơn vị');
      await see.count(page.getByTestId('merge-suggestion'), 0);
      await page.getByTestId('directory-save').click();
      await see.contains(page.getByTestId('directory-status'), '7 đơn vị đã lưu');
      await see.text(
        page.getByTestId('live'),
        'Đã lưu danh mục 7 đơn vị trên máy này: các kế hoạch đọc sau dùng danh mục này.',
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('directory-export').click(),
      ]);
      expect(download.suggestedFilename()).toBe('Danh muc don vi.csv');
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv).toMatch(/^\uFEFF"Tên đơn vị","Tên khác","Nhóm","Thành viên"/);
      // The command line reads the same units from it.
      const units = join(tmpdir(), `phuluc-units-${width}.csv`);
      writeFileSync(units, csv);
      let out = '';
      const code = await main(['parse', seedPath(seedNamed('001')), '--units', units, '--json'], {
        stdout: (t) => (out += t),
        stderr: () => undefined,
      });
      expect(code).toBe(0);
      expect((JSON.parse(out) as { units: unknown[] }).units).toHaveLength(7);
      // Kept on this computer: the page, opened again, reads with it.
      await page.reload();
      await page.getByTestId('file-input').setInputFiles(seedPath(seedNamed('001')));
      await see.text(page.getByTestId('plan-counts'), '28 nhiệm vụ · 11 mục · 7 đơn vị');
    }, 90_000);
  });

  it('a column change that leaves no task column says so, and the notice goes', async () => {
    const page = await open(1280);
    await page.getByRole('button', { name: 'Dùng kế hoạch mẫu' }).click();
    await see.text(page.getByTestId('notice'), 'Đã đọc 20 nhiệm vụ trong 6 mục.');
    await page.getByTestId('role-0-1').selectOption('none');
    await see.count(page.getByTestId('notice'), 0);
    await see.attr(page.getByTestId('pane-error'), 'data-code', 'no-task-column');
    await see.text(
      page.getByTestId('live'),
      'Không bảng nào còn cột “Nhiệm vụ”, nên chưa đọc được nhiệm vụ nào.',
    );
    await checkLayoutAndLabels(page, 1280);
    await page.getByRole('button', { name: 'Khôi phục cột tự nhận' }).click();
    await see.count(page.getByTestId('pane-error'), 0);
  }, 60_000);

  it('seed 003 (report forms only): no workbook, and the same reason as the command line', async () => {
    const page = await open(320);
    await paste(page, seedText(seedNamed('003')));
    await see.attr(page.getByTestId('pane-error'), 'data-code', 'report-forms-only');
    await page.getByTestId('tab-build').click();
    await see.contains(
      page.getByTestId('build-no-tasks'),
      'Văn bản không có nhiệm vụ nào để theo dõi, nên không tạo sổ.',
    );
    await see.count(page.getByTestId('build'), 0);
    await checkLayoutAndLabels(page, 320);
    let err = '';
    const code = await main(['build', seedPath(seedNamed('003')), '-o', join(tmpdir(), 'x.xlsx')], {
      stdout: () => undefined,
      stderr: (t) => (err += t),
    });
    expect(code).toBe(2);
    expect(err).toContain('không có nhiệm vụ để theo dõi và không tạo sổ');
  }, 60_000);

  it('loads Office.js only when an Office host opened the page', async () => {
    const page = await open(1280, undefined, { path: 'taskpane.html' });
    await see.text(page.getByTestId('host'), 'Ngoài Excel: tải tệp .xlsx về máy');
    expect(requested.filter((u) => u.includes('/office-js/'))).toEqual([]);
    // Office's address carries its host: then the page asks for Office.js (refused here, where
    // there is no Office to talk to, so the page goes on standalone).
    await page.route('**/office-js/**', (route) => route.abort());
    requested = [];
    await page.goto(`${server.url}/taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0`);
    await page.getByTestId('host').waitFor();
    expect(requested.some((u) => u.endsWith('/office-js/office.js'))).toBe(true);
    consoleProblems = consoleProblems.filter((m) => !/office-js\/office\.js|ERR_FAILED/.test(m));
  }, 60_000);

  it('keeps the initial JavaScript under 400 KB gzip, the .xlsx writer on demand', () => {
    const report = JSON.parse(readFileSync(join(build.dir, 'bundle-size.json'), 'utf8')) as {
      initial: { files: { file: string }[]; gzip: number };
      lazy: { chunk: string; gzip: number }[];
    };
    expect(report.initial.gzip).toBeLessThan(400 * 1024);
    expect(report.initial.files.map((f) => f.file).join(' ')).not.toMatch(/xlsx|docx/);
    expect(report.lazy.map((c) => c.chunk)).toEqual(
      expect.arrayContaining(['xlsx', 'docx', 'layout']),
    );
    // The writer is PhuLuc's own over fflate: no spreadsheet library is bundled.
    expect(report.lazy.map((c) => c.chunk)).not.toContain('exceljs');
    expect(readdirSync(build.dir).join(' ')).not.toMatch(/exceljs/);
    const html = readFileSync(join(build.dir, 'taskpane.html'), 'utf8');
    expect(html).not.toMatch(/exceljs|xlsx\./);
  });
});
