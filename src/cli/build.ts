// `phuluc build FILE -o OUT.xlsx`: an appendix (text, .xlsx, or the JSON of `phuluc parse
// --json`) → the tracking workbook. The file appears whole or not at all: it is written next
// to OUT under a temporary name, then renamed.

import { FONT_NAMES, isFontName } from '../layout/metrics';
import { promises as fs } from 'fs';
import { extname, resolve } from 'path';
import { planFromGrid, parsePlanText, type ParseOptions } from '../core/plan/parse';
import { PLAN_SCHEMA, type Plan } from '../core/plan/types';
import { viDate } from '../core/time/calendar';
import { planIdentity } from '../core/plan/identity';
import { defaultHorizon } from '../core/status/items';
import { layoutWorkbook } from '../layout';
import { carryOver, type Carried } from '../layout/tracker/carry';
import { bookFromXlsx } from '../layout/tracker/fromXlsx';
import type { TrackerContents } from '../layout/tracker/model';
import { ownedParts, readTracker } from '../layout/tracker/read';
import { DocxReadError, readDocxGridSync } from '../readers/docx';
import { PdfReadError, readPdfGrid } from '../readers/pdf';
import { loadPdfLib } from '../readers/pdf/node';
import { openWorkbook, openXlsx, XlsxReadError } from '../readers/xlsx';
import { LayoutError, renderXlsx } from '../render/xlsx';
import { SpliceError, spliceWorkbook, trackerSpliceSpec } from '../render/xlsx/splice';
import { formatRebuildReport } from './rebuild-report';
import { CliError } from './errors';
import { readSource, type Source } from './input';
import { loadUnitDirectory } from './units';
import { writeError, writeWhole } from './write';

export { writeWhole };

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
  /** The workbook's font (Times New Roman when absent). */
  font?: string;
  /** Carry entries across pairs the matcher is unsure of (a person checked them). */
  acceptUncertain?: boolean;
  /** Replace the plan of a tracker that tracks another plan. */
  replacePlan?: boolean;
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
    if (time.occurrences !== undefined) {
      if (!Array.isArray(time.occurrences)) return `${at}.time.occurrences`;
      for (const [j, o] of time.occurrences.entries()) {
        const where = `${at}.time.occurrences[${j}]`;
        if (!isObject(o) || !str(o.label) || typeof o.period !== 'string') return where;
        if (!/^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/.test(o.period)) return `${where}.period`;
        if (!(typeof o.start === 'string' && isIsoDate(o.start))) return `${where}.start`;
        if (!(typeof o.due === 'string' && isIsoDate(o.due))) return `${where}.due`;
      }
    }
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
      `không đọc được tệp Excel "${path}": ${error.vi} (${error.detail})`,
      `cannot read the Excel file "${path}": ${error.en} (${error.detail})`,
    );
  }
}

/** A Word document: its tables read from the document's XML, merges known. */
function planFromDocx(bytes: Uint8Array, path: string, options: ParseOptions): Plan {
  try {
    return planFromGrid(readDocxGridSync(bytes), options);
  } catch (error) {
    if (!(error instanceof DocxReadError)) throw error;
    if (error.code === 'encrypted') {
      throw new CliError(
        `tệp Word "${path}" có mật khẩu: hãy mở và lưu lại không đặt mật khẩu`,
        `the Word file "${path}" is password-protected: open it and save it without a password`,
      );
    }
    throw new CliError(
      `không đọc được tệp Word "${path}" (${error.message})`,
      `cannot read the Word file "${path}" (${error.message})`,
    );
  }
}

/** What to tell a person whose PDF cannot be read, by the reader's reason. */
export const PDF_MESSAGES: Record<PdfReadError['code'], [string, string]> = {
  scanned: [
    'tệp PDF là bản quét (ảnh chụp các trang), không có lớp chữ: cần nhận dạng chữ (OCR) trước, việc PhuLuc không làm. Hãy dùng bản Word (.docx) hoặc bản PDF có chữ của văn bản',
    'the PDF is a scan (pictures of its pages) with no text layer: it needs OCR first, which PhuLuc does not do. Use the Word (.docx) version or a PDF with text',
  ],
  garbage: [
    'lớp chữ của tệp PDF không đọc được (phông chữ mã hóa lạ): đọc ra sẽ là chữ vô nghĩa. Hãy dùng bản Word (.docx) hoặc một bản PDF khác của văn bản',
    "the PDF's text layer cannot be read (fonts with an odd encoding): reading it would give nonsense. Use the Word (.docx) version or another PDF of the document",
  ],
  empty: ['tệp PDF không có chữ nào', 'the PDF holds no text'],
  encrypted: [
    'tệp PDF có mật khẩu: hãy mở và lưu (in) lại thành PDF không mật khẩu',
    'the PDF is password-protected: open it and save (print) it again as a PDF without a password',
  ],
  damaged: ['tệp PDF bị hỏng, không mở được', 'the PDF is damaged and cannot be opened'],
};

/** A PDF: its tables read from ruling lines and text positions. */
async function planFromPdf(bytes: Uint8Array, path: string, options: ParseOptions): Promise<Plan> {
  try {
    return planFromGrid(await readPdfGrid(bytes, await loadPdfLib()), options);
  } catch (error) {
    if (!(error instanceof PdfReadError)) throw error;
    const [vi, en] = PDF_MESSAGES[error.code];
    throw new CliError(`"${path}": ${vi}`, `"${path}": ${en}`);
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
  let plan: Plan;
  switch (input.kind) {
    case 'xlsx':
      plan = await planFromXlsx(input.bytes, path, options);
      break;
    case 'docx':
      plan = planFromDocx(input.bytes, path, options);
      break;
    case 'pdf':
      plan = await planFromPdf(input.bytes, path, options);
      break;
    default:
      plan = parsePlanText(input.text, options);
  }
  if (!hasAppendix(plan)) {
    if (input.kind === 'pdf') {
      throw new CliError(
        'không tìm thấy bảng phụ lục trong tệp PDF: PDF có chữ nhưng không có bảng nào có cột STT, Nhiệm vụ, Đơn vị chủ trì, Thời gian… (bảng có thể ở một tệp phụ lục riêng, hoặc là ảnh chèn vào)',
        'no appendix table found in the PDF: it has text but no table with STT, task, lead unit, time… columns (the table may be in a separate appendix file, or a picture)',
      );
    }
    throw new CliError(
      'không tìm thấy bảng phụ lục trong tệp (cần một bảng có cột STT, Nhiệm vụ, Đơn vị chủ trì, Thời gian…)',
      'no appendix table found in the file (expected a table with STT, task, lead unit, time… columns)',
    );
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Rebuilding over an existing tracker: read it with the one tracker reader, carry what people
// typed to the task they typed it for (src/layout/tracker), and write back only PhuLuc's parts
// of the file (src/render/xlsx/splice): the user's own sheets, names, comments, charts and
// pictures stay as they were.

export interface ExistingTracker {
  bytes: Uint8Array;
  tracker: TrackerContents;
  owned: { sheets: string[]; names: string[] };
  /** Sheets that are not PhuLuc's: the new sheets take other names. */
  othersSheets: string[];
}

/**
 * The tracker at `path`, or null when there is no file. Refuses (CliError) to replace a file
 * that is not a PhuLuc tracker.
 */
export async function readExistingTracker(path: string): Promise<ExistingTracker | null> {
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
  let book;
  try {
    book = bookFromXlsx(openWorkbook(new Uint8Array(bytes)));
  } catch (error) {
    if (error instanceof XlsxReadError)
      throw notOurs(
        `không đọc được như tệp Excel (${error.vi})`,
        `cannot be read as an Excel file (${error.en})`,
      );
    throw error;
  }
  const owned = ownedParts(book);
  const tracker = readTracker(book);
  if (owned.sheets.length === 0 || !tracker.taskList)
    throw notOurs('không phải sổ theo dõi PhuLuc', 'is not a PhuLuc workbook');
  const mine = new Set(owned.sheets);
  return {
    bytes: new Uint8Array(bytes),
    tracker,
    owned,
    othersSheets: book.sheets.filter((s) => !mine.has(s)),
  };
}

/**
 * A fresh build put into the existing tracker: only PhuLuc's parts of the file are replaced
 * (src/render/xlsx/splice.ts); the user's own sheets, names, comments and pictures stay.
 */
export function spliceOver(
  existing: ExistingTracker,
  bytes: Uint8Array,
  output: string,
): { bytes: Uint8Array; warnings: { vi: string; en: string }[] } {
  try {
    return spliceWorkbook(
      existing.bytes,
      bytes,
      trackerSpliceSpec(existing.tracker, existing.owned),
    );
  } catch (error) {
    if (!(error instanceof SpliceError)) throw error;
    throw new CliError(
      `không ghi lại được "${output}": ${error.vi}`,
      `cannot rewrite "${output}": ${error.en}`,
    );
  }
}

/** A workbook design error is a bug of ours, not of the input: say so, with the first problems. */
export async function renderOrReport(
  layout: Parameters<typeof renderXlsx>[0],
): Promise<Uint8Array> {
  try {
    return await renderXlsx(layout);
  } catch (error) {
    if (!(error instanceof LayoutError)) throw error;
    throw new CliError(
      `lỗi thiết kế sổ theo dõi (${error.problems.slice(0, 3).join('; ')}). Hãy báo lỗi kèm tệp đầu vào`,
      `workbook design error (${error.problems.slice(0, 3).join('; ')}). Please report it with the input file`,
      70,
    );
  }
}

/** Today's date where the command runs (for "Bỏ từ ngày"), as YYYY-MM-DD. */
export function localToday(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function planLabel(identity: {
  number: string | null;
  title: string | null;
  tasks: number;
}): string {
  const parts = [identity.number, identity.title ? `"${identity.title.slice(0, 70)}"` : null]
    .filter(Boolean)
    .join(' ');
  return `${parts || '(không tiêu đề / untitled)'}, ${identity.tasks}`;
}

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
  if (args.font !== undefined && !isFontName(args.font))
    throw new CliError(
      `--font "${args.font}": chọn một trong ${FONT_NAMES.join(', ')}`,
      `--font "${args.font}": choose one of ${FONT_NAMES.join(', ')}`,
    );
  return { file: args.file, output: args.output, dueSoonDays };
}

/**
 * A plan without tasks makes no tracker: the command refuses, as the page does, and says what to
 * do (a report-forms-only document, seed 003; a task table with no rows).
 */
export function noTasksError(path: string, plan: Plan): CliError {
  const forms = plan.tables.filter((t) => t.kind === 'report-form').length;
  const hasTaskTable = plan.tables.some((t) => t.kind === 'tasks');
  const [what, whatEn] = hasTaskTable
    ? ['bảng phân công không có nhiệm vụ nào', 'its task table holds no task']
    : forms > 0
      ? [
          `chỉ có biểu mẫu báo cáo (${forms} bảng), không có bảng phân công nhiệm vụ`,
          `it holds report forms only (${forms} tables), no task table`,
        ]
      : ['không có bảng phân công nhiệm vụ', 'it has no task table'];
  return new CliError(
    `"${path}": ${what}, nên không có nhiệm vụ để theo dõi và không tạo sổ. Nếu một bảng thực ra là bảng nhiệm vụ, hãy mở tệp trên trang PhuLuc (npm start) và chọn cột "Nhiệm vụ" cho bảng đó; nếu các hạn nằm trong lời văn, hãy lập bảng phân công`,
    `"${path}": ${whatEn}, so there is nothing to track and no workbook was made. If a table is in fact a task table, open the file in the PhuLuc page (npm start) and choose its "Task" column; if the deadlines are in the prose, make an assignment table`,
  );
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
  const parsed = await readAnyPlan(file, { beforeInclusive: args.beforeInclusive, directory }, io);
  if (parsed.tasks.length === 0) throw noTasksError(file, parsed);
  const existing = await readExistingTracker(output);
  const today = localToday();
  // Recurring tasks run to the horizon: the year set in the tracker's Cài đặt, else the later of
  // the plan's last year and the report date's (with =TODAY(): this year).
  const horizon = defaultHorizon(
    parsed,
    Number((args.today ?? today).slice(0, 4)),
    existing?.tracker.horizon ?? null,
  );
  let plan = parsed;
  let carried: Carried | null = null;
  if (existing) {
    carried = carryOver(existing.tracker, parsed, {
      today,
      acceptUncertain: args.acceptUncertain,
      beforeInclusive: args.beforeInclusive,
      horizon,
    });
    const { verdict, share, before } = carried.report.plan;
    if (verdict === 'different' && !args.replacePlan) {
      const now = planIdentity(parsed);
      const pct = Math.round(share * 100);
      throw new CliError(
        `"${output}" là sổ theo dõi của một kế hoạch khác (sổ: ${before ? planLabel(before) : '?'} nhiệm vụ; kế hoạch đưa vào: ${planLabel(now)} nhiệm vụ; chỉ ${pct}% nhiệm vụ trùng). Nếu đúng là muốn thay kế hoạch trong sổ này, chạy lại với --replace-plan (giá trị đã nhập của các nhiệm vụ không khớp được giữ ở trang "Nhiệm vụ đã bỏ"); nếu không, hãy ghi ra tệp khác`,
        `"${output}" tracks another plan (tracker: ${before ? planLabel(before) : '?'} tasks; given plan: ${planLabel(now)} tasks; only ${pct}% of tasks in common). To replace the plan in this tracker, run again with --replace-plan (entries of tasks that do not match are kept on the "Removed tasks" sheet); otherwise write another file`,
        3,
      );
    }
    plan = carried.plan;
  }

  const layout = layoutWorkbook(plan, {
    reportDate: args.today ?? null,
    buildDate: today,
    horizon: existing?.tracker.horizon ?? null,
    minHorizon: carried?.horizon ?? null,
    dueSoonDays,
    language: args.lang,
    groupSheets: args.groupSheets,
    ...(args.font && isFontName(args.font) ? { font: args.font } : {}),
    ...(carried
      ? {
          entered: carried.entered,
          extraColumns: carried.extraColumns,
          removed: carried.removed,
          moved: carried.moved,
        }
      : {}),
    ...(existing
      ? { reservedSheetNames: existing.othersSheets, history: existing.tracker.history }
      : {}),
  });
  const count = plan.tasks.length;
  if (count > PROGRESS_THRESHOLD) {
    io.stderr(
      `Đang ghi sổ theo dõi: ${count} nhiệm vụ, ${layout.sheets.length} trang tính… / Writing the workbook: ${count} tasks, ${layout.sheets.length} sheets…\n`,
    );
  }
  let bytes = await renderOrReport(layout);
  if (existing) {
    const spliced = spliceOver(existing, bytes, output);
    bytes = spliced.bytes;
    carried?.report.warnings.push(...spliced.warnings);
  }
  await writeWhole(output, bytes);
  const date = args.today ? viDate(args.today) : null;
  io.stdout(
    args.lang === 'vi'
      ? `Đã ghi ${output}: ${count} nhiệm vụ, ${layout.sheets.length} trang tính, ngày báo cáo ${date ?? 'hôm nay (=TODAY())'}.\n`
      : `Wrote ${output}: ${count} tasks, ${layout.sheets.length} sheets, report date ${date ?? 'today (=TODAY())'}.\n`,
  );
  if (carried) io.stdout(formatRebuildReport(carried.report, args.lang));
  return 0;
}
