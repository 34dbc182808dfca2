// Runs fuzzed inputs through `phuluc build` (in process, as the command line runs it) and opens
// every workbook written with a second reader that is not ExcelJS: openpyxl (Debian's
// python3-openpyxl, many files per Python run), and LibreOffice for a sample. Each case must end
// in a workbook both open, or in a clear refusal (one "phuluc: Lỗi: …" line, exit 1 or 2) —
// never in "design error" (exit 70) or an unexpected error.

import { spawn, spawnSync } from 'child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { withoutCalculatedColumns } from '../../test/helpers/exceljs';
import { convert, privateProfile } from '../../test/libreoffice/soffice';
import { fuzzCase, type FuzzCase } from './cases';

/** Debian's Python, which has openpyxl (the `python3` on PATH may be another one). */
export const PYTHON = '/usr/bin/python3';

/** A refusal as the command line words it: "phuluc: Lỗi: … / Error: …." */
export const REFUSAL = /^phuluc: Lỗi: [\s\S]+ \/ Error: [\s\S]+\.$/;

export type Outcome = 'written' | 'refused' | 'design-error';

export interface CaseResult {
  id: string;
  kind: FuzzCase['kind'];
  outcome: Outcome;
  exit: number;
  /** What the command printed on stderr. */
  message: string;
  ms: number;
  rebuilt: boolean;
}

export interface Unreadable {
  id: string;
  reader: 'openpyxl' | 'LibreOffice';
  error: string;
}

export interface FuzzReport {
  cases: number;
  written: number;
  refused: CaseResult[];
  designErrors: CaseResult[];
  rebuilt: number;
  openedByOpenpyxl: number;
  openedByLibreOffice: number;
  unreadable: Unreadable[];
  buildMs: number;
  openpyxlMs: number;
  libreOfficeMs: number;
  slowest: CaseResult | null;
  /** Where failing inputs and workbooks were kept. */
  kept: string;
}

export interface FuzzOptions {
  count: number;
  seed?: number;
  first?: number;
  /** A scratch folder (emptied first). */
  dir: string;
  /** Open every n-th written workbook with LibreOffice too (0: never). */
  libreOfficeEvery?: number;
  soffice?: string | null;
  /** Workbooks per openpyxl run. */
  batch?: number;
  onProgress?: (done: number, report: FuzzReport) => void;
}

const OPENPYXL_CHECK = `
import sys, json, warnings
warnings.simplefilter('ignore')
import openpyxl
for line in sys.stdin:
    path = line.rstrip('\\n')
    if not path:
        continue
    try:
        wb = openpyxl.load_workbook(path)
        cells = 0
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                cells += len(row)
        print(json.dumps({'file': path, 'ok': True, 'sheets': len(wb.worksheets), 'cells': cells}), flush=True)
    except Exception as e:
        print(json.dumps({'file': path, 'ok': False, 'error': (type(e).__name__ + ': ' + str(e))[:400]}), flush=True)
`;

/** True when Debian's Python with openpyxl is there. */
export function hasOpenpyxl(): boolean {
  const probe = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' });
  return probe.status === 0;
}

/**
 * Opens the workbooks with openpyxl, in one Python run (while the caller goes on); resolves to
 * the path → error of those it cannot open.
 */
export function openWithOpenpyxl(files: string[]): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  if (files.length === 0) return Promise.resolve(failed);
  return new Promise((resolve) => {
    const python = spawn(PYTHON, ['-c', OPENPYXL_CHECK], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    python.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    python.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => python.kill('SIGKILL'), 900_000);
    python.on('close', () => {
      clearTimeout(timer);
      const seen = new Set<string>();
      for (const line of out.split('\n')) {
        if (!line.trim()) continue;
        const r = JSON.parse(line) as { file: string; ok: boolean; error?: string };
        seen.add(r.file);
        if (!r.ok) failed.set(r.file, r.error ?? 'failed');
      }
      for (const f of files) {
        if (!seen.has(f)) failed.set(f, `openpyxl did not answer (${err.slice(-300)})`);
      }
      resolve(failed);
    });
    python.stdin.end(files.join('\n') + '\n');
  });
}

/** Opens the workbooks with LibreOffice (recalculated, saved again); the path → error of those it cannot. */
export function openWithLibreOffice(
  soffice: string,
  files: string[],
  dir: string,
): Map<string, string> {
  const failed = new Map<string, string>();
  if (files.length === 0) return failed;
  const out = join(dir, 'lo-out');
  rmSync(out, { recursive: true, force: true });
  const result = convert(
    soffice,
    privateProfile(join(dir, 'lo-profile')),
    files,
    'xlsx:Calc MS Excel 2007 XML',
    out,
    900_000,
  );
  const made = new Set(existsSync(out) ? readdirSync(out) : []);
  for (const f of files) {
    const name = f.split('/').pop()!;
    if (!made.has(name)) failed.set(f, `LibreOffice did not open it: ${result.output.slice(-300)}`);
  }
  return failed;
}

/** Types values into the tracker's Ghi chú column and a column of its own, as a person would. */
async function typeInto(path: string, values: string[]): Promise<void> {
  // ExcelJS cannot read a table's calculated columns: it reads a copy without them.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await withoutCalculatedColumns(readFileSync(path))) as unknown as ExcelJS.Buffer,
  );
  const ws = wb.worksheets.find((s) => s.name === 'Nhiệm vụ' || s.name === 'Tasks');
  if (!ws) return;
  const header = ws.getRow(3);
  let note = 0;
  header.eachCell((cell, c) => {
    if (cell.value === 'Ghi chú' || cell.value === 'Notes') note = c;
  });
  const added = header.cellCount + 1;
  header.getCell(added).value = values[0] ?? 'Thêm';
  values.forEach((v, i) => {
    if (note) ws.getRow(4 + i).getCell(note).value = v;
    ws.getRow(4 + i).getCell(added).value = v;
  });
  await wb.xlsx.writeFile(path);
}

export async function runCase(c: FuzzCase, dir: string): Promise<CaseResult & { file: string }> {
  const input = join(dir, `${c.id}.${c.kind === 'json' ? 'json' : 'txt'}`);
  const file = join(dir, `${c.id}.xlsx`);
  writeFileSync(input, c.input);
  const started = Date.now();
  let err = '';
  const io = { stdout: () => undefined, stderr: (t: string) => void (err += t) };
  let exit = await main(['build', input, '-o', file, ...c.options], io);
  let rebuilt = false;
  if (exit === 0 && c.retype) {
    await typeInto(file, c.retype);
    err = '';
    exit = await main(['build', input, '-o', file, ...c.options], io);
    rebuilt = true;
  }
  // One message, which may quote the input's line breaks.
  const message = err.trim();
  const designError =
    exit === 70 ||
    /design error|Unexpected error|lỗi thiết kế|Lỗi không mong đợi/.test(err) ||
    (exit !== 0 && !REFUSAL.test(message));
  return {
    id: c.id,
    kind: c.kind,
    outcome: exit === 0 ? 'written' : designError ? 'design-error' : 'refused',
    exit,
    message,
    ms: Date.now() - started,
    rebuilt,
    file,
  };
}

function keep(kept: string, c: FuzzCase, file: string | null): void {
  mkdirSync(kept, { recursive: true });
  writeFileSync(join(kept, `${c.id}.${c.kind === 'json' ? 'json' : 'txt'}`), c.input);
  if (file && existsSync(file)) copyFileSync(file, join(kept, `${c.id}.xlsx`));
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { count, dir } = options;
  const seed = options.seed ?? 1;
  const first = options.first ?? 0;
  const batch = options.batch ?? 100;
  const every = options.libreOfficeEvery ?? 0;
  const kept = join(dir, 'kept');
  rmSync(dir, { recursive: true, force: true });
  const report: FuzzReport = {
    cases: 0,
    written: 0,
    refused: [],
    designErrors: [],
    rebuilt: 0,
    openedByOpenpyxl: 0,
    openedByLibreOffice: 0,
    unreadable: [],
    buildMs: 0,
    openpyxlMs: 0,
    libreOfficeMs: 0,
    slowest: null,
    kept,
  };
  const idOf = (file: string): string =>
    file
      .split('/')
      .pop()!
      .replace(/\.xlsx$/, '');
  // openpyxl reads one batch while the next one is built.
  let reading: Promise<void> = Promise.resolve();
  for (let start = first; start < first + count; start += batch) {
    const work = join(dir, `batch-${start}`);
    mkdirSync(work, { recursive: true });
    const cases = new Map<string, FuzzCase>();
    const written: string[] = [];
    for (let i = start; i < Math.min(start + batch, first + count); i++) {
      const c = fuzzCase(i, seed);
      cases.set(c.id, c);
      const r = await runCase(c, work);
      report.cases++;
      report.buildMs += r.ms;
      if (!report.slowest || r.ms > report.slowest.ms) report.slowest = r;
      if (r.rebuilt) report.rebuilt++;
      if (r.outcome === 'written') {
        report.written++;
        written.push(r.file);
      } else if (r.outcome === 'refused') report.refused.push(r);
      else {
        report.designErrors.push(r);
        keep(kept, c, null);
      }
    }
    if (every > 0 && options.soffice) {
      const sample = written.filter((_, k) => (report.written - written.length + k) % every === 0);
      const t = Date.now();
      const byLibreOffice = openWithLibreOffice(options.soffice, sample, dir);
      report.libreOfficeMs += Date.now() - t;
      report.openedByLibreOffice += sample.length - byLibreOffice.size;
      for (const [file, error] of byLibreOffice) {
        report.unreadable.push({ id: idOf(file), reader: 'LibreOffice', error });
        keep(kept, cases.get(idOf(file))!, file);
      }
    }
    await reading;
    const t = Date.now();
    reading = openWithOpenpyxl(written).then((failed) => {
      report.openpyxlMs += Date.now() - t;
      report.openedByOpenpyxl += written.length - failed.size;
      for (const [file, error] of failed) {
        report.unreadable.push({ id: idOf(file), reader: 'openpyxl', error });
        keep(kept, cases.get(idOf(file))!, file);
      }
      rmSync(work, { recursive: true, force: true });
    });
    options.onProgress?.(report.cases, report);
  }
  await reading;
  return report;
}
