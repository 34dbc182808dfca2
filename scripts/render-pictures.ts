// Pictures of the workbook for the docs: seed 000 built for a fixed report date with some
// values typed in (so several colours show), printed to PDF by LibreOffice with the workbook's
// own print setup, then the dashboard, the task list and two unit sheets cut out as PNG pages;
// and a unit's form (phuluc units-out) made from that tracker.
//
//   npx tsc -p tsconfig.bench.json && node dist/bench/scripts/render-pictures.js [docs/img]
//
// Needs LibreOffice (soffice) and poppler-utils (pdftoppm, pdftotext).

import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join, resolve } from 'path';
import { parsePlanText } from '../src/core/plan/parse';
import { labelsFor, layoutWorkbook, type EnteredValues } from '../src/layout';
import { renderXlsx } from '../src/render/xlsx';
import { bookFromXlsx } from '../src/layout/tracker/fromXlsx';
import { planFromTracker } from '../src/layout/tracker/plan';
import { readTracker } from '../src/layout/tracker/read';
import { unitFileLayout, unitFiles } from '../src/layout/unitfile/layout';
import { openWorkbook } from '../src/readers/xlsx';
import { convert, findSoffice, privateProfile } from '../test/libreoffice/soffice';

const ROOT = resolve(__dirname, '..', '..', '..');
const SEED = join(ROOT, 'test', 'fixtures', 'seeds', '000_f1ce80b955e1ea55.txt');
const REPORT_DATE = '2019-12-26';

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 240_000 });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * The workbook printed to PDF by LibreOffice with its own print setup, next to it; with a private
 * profile beside it that recalculates on load, so the pages show the formulas' results.
 */
function printed(xlsx: string): string {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const dir = resolve(xlsx, '..');
  const profile = privateProfile(join(dir, 'profile'));
  const result = convert(soffice, profile, [xlsx], 'pdf', dir);
  if (result.status !== 0) throw new Error(`soffice failed: ${result.output}`);
  return join(dir, `${basename(xlsx, '.xlsx')}.pdf`);
}

/** Page `page` of `pdf` as `<name>.png` in `outDir` (70 dpi, the size the docs show). */
function pagePicture(pdf: string, page: number, name: string, outDir: string): void {
  const prefix = join(resolve(pdf, '..'), name);
  const number = String(page);
  run('pdftoppm', ['-png', '-r', '70', '-f', number, '-l', number, '-singlefile', pdf, prefix]);
  copyFileSync(`${prefix}.png`, join(outDir, `${name}.png`));
}

async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? join(ROOT, 'docs', 'img'));
  const work = mkdtempSync(join(tmpdir(), 'phuluc-pictures-'));
  const L = labelsFor('vi');
  const plan = parsePlanText(readFileSync(SEED, 'utf8'));

  // Typed values (seed 000's tasks): done on time, done late, paused, cancelled, under way;
  // with the report date, V.10 is overdue and the year-end tasks are due soon.
  const entered: Record<string, EnteredValues> = {
    'I.1': { state: L.states.done, completed: '2019-02-20', note: 'Đã ban hành kế hoạch' },
    'V.4': { state: L.states.done, completed: '2019-04-10', note: 'Hoàn thành muộn' },
    'I.2': { state: L.states.paused, note: 'Chờ hướng dẫn của tỉnh' },
    'II.1': { state: L.states.cancelled },
    'I.3': { state: L.states['in-progress'], progress: 60 },
  };
  const layout = layoutWorkbook(plan, {
    reportDate: REPORT_DATE,
    dueSoonDays: 7,
    language: 'vi',
    groupSheets: false,
    entered,
  });
  const xlsx = join(work, 'seed000.xlsx');
  writeFileSync(xlsx, await renderXlsx(layout));
  const pdf = printed(xlsx);

  // Which page shows which sheet: the first page whose heading (the first line under the
  // page header) is the sheet's title (its cell A1).
  const headings = run('pdftotext', ['-layout', pdf, '-'])
    .split('\f')
    .map(
      (text) =>
        text
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)[1] ?? '',
    );
  const pageOf = (key: string): number => {
    const sheet = layout.sheets.find((s) => s.key === key || s.kind === key)!;
    const title = sheet.blocks.find((b) => b.origin === 'A1')?.rows[0]?.[0]?.text ?? sheet.name;
    const index = headings.findIndex((h) => h.startsWith(title.slice(0, 40)));
    if (index < 0) throw new Error(`no page shows "${title}"`);
    return index + 1;
  };
  const units = layout.sheets.filter((s) => s.kind === 'unit').slice(0, 2);
  const wanted: [string, string][] = [
    ['dashboard', 'seed000-tong-hop'],
    ['tasks', 'seed000-nhiem-vu'],
    ...units.map((u, i): [string, string] => [u.key, `seed000-don-vi-${i + 1}`]),
  ];
  mkdirSync(outDir, { recursive: true });
  for (const [key, name] of wanted) {
    const page = pageOf(key);
    pagePicture(pdf, page, name, outDir);
    console.log(`${name}.png ← page ${page} (${key})`);
  }
  await unitFilePicture(readFileSync(xlsx), work, outDir);
  rmSync(work, { recursive: true, force: true });
}

/**
 * A unit's form (phuluc units-out) from the same tracker: the Văn phòng's, with the tracker's
 * values already in it, a reply deadline a week after the report date; its first page.
 */
async function unitFilePicture(tracker: Uint8Array, work: string, outDir: string): Promise<void> {
  const contents = readTracker(bookFromXlsx(openWorkbook(tracker)));
  const { plan } = planFromTracker(contents);
  const options = { sentAt: '26/12/2019 09:00', replyBy: '2020-01-02' };
  const file = unitFiles(contents, plan, options).find(
    (f) => f.unit === 'Văn phòng HĐND&UBND thị xã',
  )!;
  const layout = unitFileLayout(plan, contents.identity!.fingerprint, file, {
    ...options,
    language: 'vi',
  });
  const xlsx = join(work, 'phieu.xlsx');
  writeFileSync(xlsx, await renderXlsx(layout));
  pagePicture(printed(xlsx), 1, 'seed000-phieu-don-vi', outDir);
  console.log('seed000-phieu-don-vi.png ← a unit file (units-out)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
