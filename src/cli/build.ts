// `phuluc build FILE -o OUT.xlsx`: an appendix (text, .xlsx, or the JSON of `phuluc parse
// --json`) → the tracking workbook. The file appears whole or not at all: it is written next
// to OUT under a temporary name, then renamed.

import { promises as fs } from 'fs';
import { basename, dirname, extname, join, resolve } from 'path';
import { planFromGrid, parsePlanText, type ParseOptions } from '../core/plan/parse';
import { PLAN_SCHEMA, type Plan } from '../core/plan/types';
import ExcelJS from 'exceljs';
import { labelsFor, layoutWorkbook, MASTER_COLUMNS, type EnteredValues } from '../layout';
import { propertyText } from '../layout/legal';
import { openXlsx, XlsxReadError } from '../readers/xlsx';
import { LayoutError, renderXlsx } from '../render/xlsx';
import { splitSheetRef } from '../render/xlsx/refs';
import { CliError } from './errors';
import { readSource, type Source } from './input';
import { loadUnitDirectory } from './units';

export interface BuildArgs {
  file: string | undefined;
  output: string | undefined;
  /** Report date, YYYY-MM-DD; none: the workbook uses =TODAY(). */
  today: string | undefined;
  dueSoon: string | undefined;
  units: string | undefined;
  lang: 'vi' | 'en';
  groupSheets: boolean;
  beforeInclusive: boolean;
}

export interface BuildIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Past this many tasks, say what is happening while the file is written. */
export const PROGRESS_THRESHOLD = 500;

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

// ---------------------------------------------------------------------------------------------
// A plan given as JSON: checked field by field, since it may come from anywhere.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const TIME_KINDS = [
  'date',
  'period',
  'range',
  'recurring',
  'continuous',
  'conditional',
  'relative',
  'vague',
  'none',
];
const RECURRENCES = ['monthly', 'quarterly', 'half-yearly', 'yearly'];
const TABLE_KINDS = ['tasks', 'report-form', 'other'];
const SEVERITIES = ['error', 'warning', 'info'];

/** The first problem of a value that should be a `phuluc.plan/1` plan, or null. */
export function planProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not a JSON object';
  if (value.schema !== PLAN_SCHEMA)
    return `"schema" is ${JSON.stringify(value.schema)}, not "${PLAN_SCHEMA}"`;
  const str = (v: unknown): boolean => typeof v === 'string';
  const strOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
  const dateOrNull = (v: unknown): boolean => v === null || (typeof v === 'string' && isIsoDate(v));
  const strings = (v: unknown): boolean => Array.isArray(v) && v.every(str);
  const numbers = (v: unknown): boolean =>
    Array.isArray(v) && v.every((n) => typeof n === 'number');
  const doc = value.document;
  if (!isObject(doc)) return '"document" is missing';
  for (const k of ['number', 'type', 'place', 'title'])
    if (!strOrNull(doc[k])) return `document.${k}`;
  if (!dateOrNull(doc.date)) return 'document.date';
  if (!(doc.year === null || Number.isInteger(doc.year))) return 'document.year';
  for (const k of ['tables', 'sections', 'tasks', 'units', 'findings']) {
    if (!Array.isArray(value[k])) return `"${k}" is not a list`;
  }
  for (const [i, t] of (value.tables as unknown[]).entries()) {
    if (!isObject(t) || !TABLE_KINDS.includes(String(t.kind))) return `tables[${i}].kind`;
  }
  for (const [i, s] of (value.sections as unknown[]).entries()) {
    if (!isObject(s) || !str(s.id) || !str(s.title)) return `sections[${i}]`;
  }
  const ids = new Set<string>();
  for (const [i, t] of (value.tasks as unknown[]).entries()) {
    const at = `tasks[${i}]`;
    if (!isObject(t)) return at;
    if (!str(t.id) || t.id === '') return `${at}.id`;
    if (ids.has(t.id as string)) return `${at}.id "${String(t.id)}" is used twice`;
    ids.add(t.id as string);
    if (!strOrNull(t.section)) return `${at}.section`;
    for (const k of ['stt', 'title', 'product']) if (!str(t[k])) return `${at}.${k}`;
    if (!strings(t.lead)) return `${at}.lead`;
    if (!strings(t.support)) return `${at}.support`;
    if (!numbers(t.rows)) return `${at}.rows`;
    const time = t.time;
    if (!isObject(time) || !str(time.text)) return `${at}.time`;
    if (!(time.kind === null || TIME_KINDS.includes(String(time.kind)))) return `${at}.time.kind`;
    if (!dateOrNull(time.start)) return `${at}.time.start`;
    if (!dateOrNull(time.due)) return `${at}.time.due`;
    if (!(time.recurrence === null || RECURRENCES.includes(String(time.recurrence))))
      return `${at}.time.recurrence`;
  }
  for (const [i, u] of (value.units as unknown[]).entries()) {
    const at = `units[${i}]`;
    if (!isObject(u) || !str(u.name) || typeof u.group !== 'boolean' || !strings(u.aliases))
      return at;
    if (typeof u.leadCount !== 'number' || typeof u.supportCount !== 'number')
      return `${at} counts`;
  }
  for (const [i, f] of (value.findings as unknown[]).entries()) {
    const at = `findings[${i}]`;
    if (!isObject(f) || !str(f.code) || !SEVERITIES.includes(String(f.severity))) return at;
    if (!strOrNull(f.task) || !str(f.message) || !numbers(f.rows)) return at;
  }
  return null;
}

/** A text that is a JSON document naming a schema (not an appendix that starts with "{"). */
function looksLikePlanJson(text: string): boolean {
  return /^\s*\{/.test(text) && /"schema"\s*:/.test(text.slice(0, 4096));
}

function planFromJson(text: string, path: string): Plan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(
      `"${path}" không phải JSON hợp lệ (${detail})`,
      `"${path}" is not valid JSON (${detail})`,
    );
  }
  const problem = planProblem(value);
  if (problem) {
    throw new CliError(
      `"${path}" không phải kế hoạch ${PLAN_SCHEMA} (in bởi phuluc parse --json): ${problem}`,
      `"${path}" is not a ${PLAN_SCHEMA} plan (as printed by phuluc parse --json): ${problem}`,
    );
  }
  return value as Plan;
}

const hasAppendix = (plan: Plan): boolean =>
  plan.tables.some((t) => t.kind === 'tasks' || t.kind === 'report-form');

/** An .xlsx appendix: the sheet shown on opening, or else the first sheet with tasks. */
async function planFromXlsx(bytes: Uint8Array, path: string, options: ParseOptions): Promise<Plan> {
  try {
    const book = await openXlsx(bytes);
    const order = [
      book.active,
      ...book.sheets.filter((s) => !s.hidden && s.name !== book.active).map((s) => s.name),
    ];
    let fallback: Plan | null = null;
    for (const name of order) {
      const plan = planFromGrid(book.grid(name), options);
      if (plan.tasks.length > 0) return plan;
      if (!fallback && hasAppendix(plan)) fallback = plan;
    }
    return fallback ?? planFromGrid(book.grid(book.active), options);
  } catch (error) {
    if (!(error instanceof XlsxReadError)) throw error;
    throw new CliError(
      `không đọc được tệp Excel "${path}" (${error.message})`,
      `cannot read the Excel file "${path}" (${error.message})`,
    );
  }
}

/** Reads any input the command line accepts into a plan. */
export async function readAnyPlan(
  path: string,
  options: ParseOptions,
  io: BuildIO,
  source?: Source,
): Promise<Plan> {
  const input = source ?? (await readSource(path));
  if (input.kind === 'text' && looksLikePlanJson(input.text)) {
    if (options.directory || options.beforeInclusive) {
      io.stderr(
        'phuluc: --units và --before-inclusive không áp dụng cho kế hoạch JSON (đã đọc xong). / --units and --before-inclusive do not apply to a JSON plan (already read).\n',
      );
    }
    return planFromJson(input.text, path);
  }
  const plan =
    input.kind === 'xlsx'
      ? await planFromXlsx(input.bytes, path, options)
      : parsePlanText(input.text, options);
  if (!hasAppendix(plan)) {
    throw new CliError(
      'không tìm thấy bảng phụ lục trong tệp (cần một bảng có cột STT, Nhiệm vụ, Đơn vị chủ trì, Thời gian…)',
      'no appendix table found in the file (expected a table with STT, task, lead unit, time… columns)',
    );
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Rebuilding over an existing workbook: what people typed in it (Trạng thái, Tiến độ, Ngày
// hoàn thành, Ghi chú, columns they added) is read back by Mã and written into the new one.

/** The defined name that marks PhuLuc's task list (src/layout/sheets/tasks.ts). */
const TASKS_MARKER = 'PhuLuc_NhiemVu';

export interface Kept {
  entered: Record<string, EnteredValues>;
  extraColumns: string[];
  /** Tasks with something typed in. */
  count: number;
}

const word = (key: string): string[] =>
  (['vi', 'en'] as const).map((lang) => labelsFor(lang).words[key]!).filter(Boolean);

function isoOf(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(value);
    const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : value.trim();
    return isIsoDate(iso) ? iso : undefined;
  }
  return undefined;
}

function plainValue(value: unknown): string | number | Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'object' && 'richText' in value) {
    return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
  if (typeof value === 'object' && 'result' in value)
    return plainValue((value as { result: unknown }).result);
  if (typeof value === 'object' && 'text' in value)
    return plainValue((value as { text: unknown }).text);
  return undefined;
}

/**
 * The values typed into an existing PhuLuc workbook, or null when there is no file. Refuses
 * (CliError) to replace a file that is not PhuLuc's workbook of this plan.
 */
export async function keptEntries(path: string, plan: Plan): Promise<Kept | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw writeError(path, error);
  }
  const notOurs = (why: string, whyEn: string): CliError =>
    new CliError(
      `"${path}" đã có và ${why}: hãy chọn tên khác, hoặc xóa tệp đó`,
      `"${path}" exists and ${whyEn}: choose another name, or delete that file`,
    );
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw notOurs('không phải tệp Excel đọc được', 'is not a readable Excel file');
  }
  const ref = wb.definedNames.getRanges(TASKS_MARKER).ranges[0];
  const sheetName = ref ? splitSheetRef(ref)?.sheet : undefined;
  const ws = sheetName ? wb.getWorksheet(sheetName) : undefined;
  if (!ws) throw notOurs('không phải sổ theo dõi PhuLuc', 'is not a PhuLuc workbook');
  // The subject holds the title as the layout writes it (legal, at most 255 characters).
  const title = propertyText(plan.document.title ?? '');
  if (wb.subject && title && wb.subject !== title) {
    throw notOurs(
      `là sổ theo dõi của kế hoạch khác ("${wb.subject.slice(0, 60)}")`,
      `is the workbook of another plan ("${wb.subject.slice(0, 60)}")`,
    );
  }

  // The header row: the one holding Mã and Trạng thái (in either language).
  const codes = word('code');
  const states = word('state');
  let header = 0;
  const headers = new Map<number, string>();
  for (let r = 1; r <= Math.min(ws.rowCount, 20) && !header; r++) {
    const texts = new Map<number, string>();
    ws.getRow(r).eachCell((cell, c) => {
      if (typeof cell.value === 'string') texts.set(c, cell.value.trim());
    });
    const values = [...texts.values()];
    if (values.some((v) => codes.includes(v)) && values.some((v) => states.includes(v))) {
      header = r;
      texts.forEach((v, c) => headers.set(c, v));
    }
  }
  if (!header) return { entered: {}, extraColumns: [], count: 0 };

  const role = new Map<number, 'code' | 'state' | 'progress' | 'completed' | 'note' | 'extra'>();
  const known = new Set([...MASTER_COLUMNS, 'overdueOrder'].flatMap((k) => word(k)));
  const extraColumns: string[] = [];
  for (const [c, text] of headers) {
    const found = (['code', 'state', 'progress', 'completed', 'note'] as const).find((k) =>
      word(k).includes(text),
    );
    if (found) role.set(c, found);
    else if (!known.has(text)) {
      role.set(c, 'extra');
      extraColumns.push(text);
    }
  }
  const codeColumn = [...role].find(([, r]) => r === 'code')?.[0];
  const entered: Record<string, EnteredValues> = {};
  let count = 0;
  for (let r = header + 1; codeColumn && r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const id = plainValue(row.getCell(codeColumn).value);
    if (id === undefined) continue;
    const values: EnteredValues = {};
    for (const [c, kind] of role) {
      const v = plainValue(row.getCell(c).value);
      if (v === undefined || kind === 'code') continue;
      if (kind === 'state' && typeof v === 'string') values.state = v.trim();
      else if (kind === 'progress') {
        const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
        if (Number.isFinite(n)) values.progress = n;
      } else if (kind === 'completed') {
        const iso = isoOf(v);
        if (iso) values.completed = iso;
      } else if (kind === 'note') values.note = String(v);
      else if (kind === 'extra') {
        values.extra = {
          ...values.extra,
          [headers.get(c)!]: typeof v === 'number' ? v : String(v),
        };
      }
    }
    if (Object.keys(values).length === 0) continue;
    entered[String(id)] = values;
    if (values.progress !== undefined || values.completed || values.note || values.extra) count++;
    else if (
      values.state &&
      values.state !== labelsFor('vi').states['not-started'] &&
      values.state !== labelsFor('en').states['not-started']
    )
      count++;
  }
  return { entered, extraColumns, count };
}

// ---------------------------------------------------------------------------------------------

/** Same file (by device and inode), for existing paths; else the same absolute path. */
async function samePath(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function writeError(path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return new CliError(
      `thư mục của "${path}" không tồn tại`,
      `the folder of "${path}" does not exist`,
    );
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY')
    return new CliError(
      `không ghi được "${path}" (không có quyền, hoặc tệp đang mở trong Excel: hãy đóng tệp rồi chạy lại)`,
      `cannot write "${path}" (no permission, or the file is open in Excel: close it and try again)`,
    );
  if (code === 'EISDIR') return new CliError(`"${path}" là thư mục`, `"${path}" is a folder`);
  if (code === 'ENOSPC') return new CliError('ổ đĩa đã đầy', 'the disk is full');
  const detail = error instanceof Error ? error.message : String(error);
  return new CliError(`không ghi được "${path}" (${detail})`, `cannot write "${path}" (${detail})`);
}

/** Writes the bytes to `path` whole: a temporary file in the same folder, then a rename. */
export async function writeWhole(path: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(resolve(path));
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    await fs.rename(tmp, path);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw writeError(path, error);
  }
}

function checkArgs(args: BuildArgs): { file: string; output: string; dueSoonDays: number } {
  if (!args.file)
    throw new CliError(
      'thiếu tên tệp phụ lục; xem phuluc --help',
      'missing appendix file name; see phuluc --help',
    );
  if (!args.output)
    throw new CliError(
      'thiếu tệp kết quả: phuluc build TỆP -o SO-THEO-DOI.xlsx',
      'missing output file: phuluc build FILE -o TRACKER.xlsx',
    );
  if (extname(args.output).toLowerCase() !== '.xlsx')
    throw new CliError(
      `tệp kết quả "${args.output}" phải có đuôi .xlsx`,
      `the output file "${args.output}" must end in .xlsx`,
    );
  if (args.today !== undefined && !isIsoDate(args.today))
    throw new CliError(
      `--today "${args.today}" không phải ngày dạng YYYY-MM-DD (ví dụ 2024-06-30)`,
      `--today "${args.today}" is not a YYYY-MM-DD date (e.g. 2024-06-30)`,
    );
  let dueSoonDays = 7;
  if (args.dueSoon !== undefined) {
    dueSoonDays = Number(args.dueSoon);
    if (!/^\d+$/.test(args.dueSoon) || dueSoonDays > 365)
      throw new CliError(
        `--due-soon "${args.dueSoon}" phải là số ngày từ 0 đến 365`,
        `--due-soon "${args.dueSoon}" must be a number of days from 0 to 365`,
      );
  }
  return { file: args.file, output: args.output, dueSoonDays };
}

/** Runs `phuluc build`; returns the exit status (CliErrors are thrown to the caller). */
export async function runBuild(args: BuildArgs, io: BuildIO): Promise<number> {
  const { file, output, dueSoonDays } = checkArgs(args);
  for (const input of [file, args.units]) {
    if (input && (await samePath(input, output))) {
      throw new CliError(
        `tệp kết quả "${output}" trùng với tệp đầu vào: hãy chọn tên khác, để không ghi đè lên phụ lục`,
        `the output "${output}" is an input file: choose another name, so the appendix is not overwritten`,
      );
    }
  }
  const directory = args.units ? await loadUnitDirectory(args.units) : undefined;
  const plan = await readAnyPlan(file, { beforeInclusive: args.beforeInclusive, directory }, io);
  const kept = await keptEntries(output, plan);
  if (kept && kept.count > 0) {
    io.stderr(
      `Giữ lại giá trị đã nhập của ${kept.count} nhiệm vụ từ ${output}. / Keeping the values typed for ${kept.count} tasks in ${output}.\n`,
    );
  }

  const layout = layoutWorkbook(plan, {
    reportDate: args.today ?? null,
    dueSoonDays,
    language: args.lang,
    groupSheets: args.groupSheets,
    ...(kept ? { entered: kept.entered, extraColumns: kept.extraColumns } : {}),
  });
  const count = plan.tasks.length;
  if (count > PROGRESS_THRESHOLD) {
    io.stderr(
      `Đang ghi sổ theo dõi: ${count} nhiệm vụ, ${layout.sheets.length} trang tính… / Writing the workbook: ${count} tasks, ${layout.sheets.length} sheets…\n`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await renderXlsx(layout);
  } catch (error) {
    if (!(error instanceof LayoutError)) throw error;
    // A bug of ours, not of the input: say so, with the first problems.
    throw new CliError(
      `lỗi thiết kế sổ theo dõi (${error.problems.slice(0, 3).join('; ')}). Hãy báo lỗi kèm tệp đầu vào`,
      `workbook design error (${error.problems.slice(0, 3).join('; ')}). Please report it with the input file`,
      70,
    );
  }
  await writeWhole(output, bytes);
  const date = args.today ? args.today.split('-').reverse().join('/') : null;
  io.stdout(
    args.lang === 'vi'
      ? `Đã ghi ${output}: ${count} nhiệm vụ, ${layout.sheets.length} trang tính, ngày báo cáo ${date ?? 'hôm nay (=TODAY())'}.\n`
      : `Wrote ${output}: ${count} tasks, ${layout.sheets.length} sheets, report date ${date ?? 'today (=TODAY())'}.\n`,
  );
  return 0;
}
