// The browser tests' harness: a production build of the pane, a small static server on
// 127.0.0.1, and Debian's Chromium driven by playwright-core (never a downloaded browser).

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { extname, join, normalize, resolve, sep } from 'path';
import { privateProfile } from '../libreoffice/soffice';
import { csp } from '../helpers/scripts';

export const ROOT = resolve(__dirname, '..', '..');

/** axe-core, the accessibility engine, injected into the page under test (no network). */
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface AxeResult {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[]; html: string }[];
  }[];
}

/**
 * Fluent UI's focus manager (tabster) puts focusable, aria-hidden "dummy" elements
 * (`<i data-tabster-dummy tabindex="0" aria-hidden="true">`) at the edges of a TabList or a
 * focus group: they only pass focus on and must not be announced. axe's aria-hidden-focus rule
 * flags them; Fluent documents it as a known false positive (microsoft/fluentui#27517, "by
 * design"; microsoft/tabster#288), and Microsoft's Accessibility Insights suppresses exactly these
 * nodes. So does this check — nothing else.
 */
const isTabsterDummy = (rule: string, html: string): boolean =>
  rule === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(html);

/** What a page needs to run axe: playwright-core's Page, narrowed to the call used. */
interface AxePage {
  evaluate<R>(fn: (() => R | Promise<R>) | string): Promise<R>;
}

/**
 * Serious and critical accessibility violations axe-core finds on the page as it is now (WCAG
 * 2.x A and AA rules and axe's best practices), one line each: rule, impact, what, where.
 */
export async function axeViolations(page: AxePage): Promise<string[]> {
  // Fluent's enter animations (a message bar fading in) would be measured half-transparent.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated by the browser's debugging protocol, as a console would: the pages'
  // Content-Security-Policy refuses inline scripts, so a <script> tag with axe's text would not run.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document): Promise<AxeResult> } }).axe.run(
      document,
    ),
  );
  return result.violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.map(String).join(' '))
          .join('; ')}`,
    );
}

/** Chromium's flags for a headless run that never talks to the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium (or CHROMIUM_PATH); null when it is not installed. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/**
 * Whether the browser tests can run. Without a browser they are skipped on a workstation, and
 * fail under CI=true (CI must run them: .ci/run installs Debian's chromium).
 */
export function browserAvailability(): { run: boolean; reason: string } {
  const path = chromiumPath();
  if (path) return { run: true, reason: path };
  const reason =
    'Chromium not found at /usr/bin/chromium (apt-get install -y chromium, or set CHROMIUM_PATH)';
  if (process.env.CI === 'true')
    throw new Error(`${reason}: the browser tests cannot be skipped in CI`);
  return { run: false, reason };
}

export interface Build {
  dir: string;
  cleanup(): void;
}

/**
 * A production build of the pane into a temporary folder (office.js is served, not copied), its
 * manifest built for `addinUrl` when given (as ADDIN_URL does).
 */
export async function buildPane(options: { addinUrl?: string } = {}): Promise<Build> {
  const dir = mkdtempSync(join(tmpdir(), 'phuluc-e2e-'));
  // webpack and its config are CommonJS tools of the repository, loaded at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require(join(ROOT, 'node_modules', 'webpack')) as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configOf = require(join(ROOT, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => import('webpack').Configuration;
  const config = configOf(
    { outputPath: dir, noOfficeCopy: true, addinUrl: options.addinUrl },
    { mode: 'production' },
  );
  config.stats = 'errors-only';
  config.infrastructureLogging = { level: 'error' };
  // No source maps to serve here; a persistent cache makes a rerun take seconds, not a minute
  // (a fresh machine pays once).
  config.devtool = false;
  config.cache = {
    type: 'filesystem',
    cacheDirectory: join(ROOT, 'node_modules', '.cache', 'phuluc-e2e-webpack'),
    buildDependencies: { config: [join(ROOT, 'webpack.config.js')] },
  };
  await new Promise<void>((done, fail) => {
    const compiler = webpack(config);
    compiler.run((error, stats) => {
      // Closing stores the cache: wait for it.
      compiler.close(() => {
        if (error) return fail(error);
        if (stats?.hasErrors()) return fail(new Error(stats.toString('errors-only')));
        done();
      });
    });
  });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.css': 'text/css',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** The header a server of the add-in sends with every response (scripts/csp.js). */
export const HEADER_CSP = csp.serialize(csp.headerPolicy());

/**
 * Serves `dir` on 127.0.0.1 (a free port), with /office-js/ from the installed package, `/` as
 * the standalone page (index.html) and the add-in's Content-Security-Policy header.
 */
export async function serve(dir: string): Promise<StaticServer> {
  const officeJs = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = decodeURIComponent(url.pathname);
    if (path === '/') path = '/index.html';
    const [base, rel] = path.startsWith('/office-js/')
      ? [officeJs, path.slice('/office-js/'.length)]
      : [dir, path.slice(1)];
    const file = normalize(join(base, rel));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'content-security-policy': HEADER_CSP,
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** LibreOffice's soffice, when installed. */
export function sofficePath(): string | null {
  const candidates = [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/**
 * Recalculates an .xlsx in LibreOffice (headless) and returns one sheet's values as CSV rows:
 * the formulas computed by a real spreadsheet engine.
 */
export function recalculatedSheet(
  soffice: string,
  xlsx: Uint8Array,
  sheetNumber: number,
): string[][] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFileSync } = require('child_process') as typeof import('child_process');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Papa = require('papaparse') as typeof import('papaparse');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  const dir = mkdtempSync(join(tmpdir(), 'phuluc-lo-'));
  try {
    const file = join(dir, 'book.xlsx');
    fs.writeFileSync(file, xlsx);
    execFileSync(
      soffice,
      [
        '--headless',
        '--norestore',
        // A profile that recalculates on load: the file carries stored values.
        privateProfile(join(dir, 'profile')),
        '--convert-to',
        `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheetNumber}`,
        '--outdir',
        dir,
        file,
      ],
      { stdio: 'pipe', timeout: 60_000 },
    );
    const csv = fs.readdirSync(dir).find((f) => f.endsWith('.csv'));
    if (!csv) throw new Error('LibreOffice wrote no CSV');
    return Papa.parse<string[]>(fs.readFileSync(join(dir, csv), 'utf8')).data;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Retries a check until it passes or the time is up (pages update asynchronously). */
export async function eventually(check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** What a locator holds, for jest's expect (playwright-core has no assertions of its own). */
interface Probe {
  textContent(): Promise<string | null>;
  count(): Promise<number>;
  getAttribute(name: string): Promise<string | null>;
  inputValue(): Promise<string>;
  isVisible(): Promise<boolean>;
  evaluate<R>(fn: (el: Element) => R): Promise<R>;
}

const textOf = async (l: Probe): Promise<string> =>
  ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Assertions that wait, in the manner of Playwright's own. */
export const see = {
  text: (l: Probe, expected: string) =>
    eventually(async () => expect(await textOf(l)).toBe(expected)),
  contains: (l: Probe, expected: string) =>
    eventually(async () => expect(await textOf(l)).toContain(expected)),
  lacks: (l: Probe, unexpected: string) =>
    eventually(async () => expect(await textOf(l)).not.toContain(unexpected)),
  count: (l: Probe, n: number) => eventually(async () => expect(await l.count()).toBe(n)),
  attr: (l: Probe, name: string, value: string | RegExp) =>
    eventually(async () =>
      typeof value === 'string'
        ? expect(await l.getAttribute(name)).toBe(value)
        : expect(await l.getAttribute(name)).toMatch(value),
    ),
  value: (l: Probe, v: string) => eventually(async () => expect(await l.inputValue()).toBe(v)),
  visible: (l: Probe) => eventually(async () => expect(await l.isVisible()).toBe(true)),
  focused: (l: Probe) =>
    eventually(async () =>
      expect(await l.evaluate((el) => el === document.activeElement)).toBe(true),
    ),
};
