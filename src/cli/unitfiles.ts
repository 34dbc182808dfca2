// `phuluc units-out TRACKER.xlsx -o DIR/` and `phuluc units-in TRACKER.xlsx FILE…`: the units
// report back. Out: one small workbook per unit (src/layout/unitfile), and the files sent
// recorded in the tracker's Lịch sử. In: the answers read and merged (src/layout/unitfile/merge),
// the tracker laid out again from itself with the new values (src/layout/tracker/relayout) and
// only PhuLuc's parts of the file rewritten, as `phuluc build` does. Nothing changes when there
// is nothing to apply (merging a file again).

import { promises as fs } from 'fs';
import { basename, join } from 'path';
import type { IsoDate } from '../core/plan/types';
import { viDate } from '../layout/context';
import { labelsFor, type Language } from '../layout/labels';
import type { HistoryRow, TrackerContents } from '../layout/tracker/model';
import { bookFromXlsx } from '../layout/tracker/fromXlsx';
import { planFromTracker } from '../layout/tracker/plan';
import { relayoutTracker } from '../layout/tracker/relayout';
import { unitAnswers } from '../layout/tracker/history';
import { applyMerge, changesNothing, withHistory } from '../layout/unitfile/apply';
import { unitFileLayout, unitFiles } from '../layout/unitfile/layout';
import { mergeAnswers, type AnswerInput, type MergeResult } from '../layout/unitfile/merge';
import { readAnswerFile, UnitFileError } from '../layout/unitfile/read';
import { fieldLabel } from '../layout/unitfile/values';
import { isoFromText } from '../excel/dates';
import { openWorkbook, XlsxReadError } from '../readers/xlsx';
import {
  localToday,
  readExistingTracker,
  renderOrReport,
  spliceOver,
  type BuildIO,
  type ExistingTracker,
} from './build';
import { CliError } from './errors';
import { writeError, writeWhole } from './write';

export interface UnitsArgs {
  tracker: string | undefined;
  files: string[];
  output: string | undefined;
  replyBy: string | undefined;
  json: boolean;
  lang: Language;
}

/** Now where the command runs, as Lịch sử writes it: "dd/mm/yyyy hh:mm". */
function localNow(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function addDays(iso: IsoDate, days: number): IsoDate {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function openTracker(path: string | undefined): Promise<ExistingTracker> {
  if (!path)
    throw new CliError(
      'thiếu tên sổ theo dõi; xem phuluc --help',
      'missing tracker file name; see phuluc --help',
    );
  const existing = await readExistingTracker(path);
  if (!existing) throw new CliError(`không có tệp "${path}"`, `there is no file "${path}"`);
  if (!existing.tracker.identity)
    throw new CliError(
      `"${path}" không ghi kế hoạch nó theo dõi (trang Cài đặt): hãy tạo lại sổ bằng phuluc build`,
      `"${path}" does not record the plan it tracks (Cài đặt sheet): rebuild it with phuluc build`,
    );
  return existing;
}

/** The tracker laid out again with its new entries and history, written in place. */
async function rewriteTracker(
  path: string,
  existing: ExistingTracker,
  tracker: TrackerContents,
): Promise<void> {
  const { layout } = relayoutTracker(tracker, {
    today: localToday(),
    reservedSheetNames: existing.othersSheets,
    names: existing.owned.names,
  });
  const bytes = await renderOrReport(layout);
  await writeWhole(path, spliceOver(existing, bytes, path).bytes);
}

export async function runUnitsOut(args: UnitsArgs, io: BuildIO): Promise<number> {
  const existing = await openTracker(args.tracker);
  const path = args.tracker!;
  if (!args.output)
    throw new CliError(
      'thiếu thư mục ghi phiếu: phuluc units-out SO.xlsx -o THU-MUC/',
      'missing output folder: phuluc units-out TRACKER.xlsx -o FOLDER/',
    );
  const today = localToday();
  let replyBy = addDays(today, 7);
  if (args.replyBy !== undefined) {
    const iso = isoFromText(args.replyBy);
    if (!iso)
      throw new CliError(
        `--reply-by "${args.replyBy}" không phải ngày dạng dd/mm/yyyy`,
        `--reply-by "${args.replyBy}" is not a dd/mm/yyyy date`,
      );
    replyBy = iso;
  }
  try {
    await fs.mkdir(args.output, { recursive: true });
  } catch (error) {
    throw writeError(args.output, error);
  }
  const tracker = existing.tracker;
  const { plan } = planFromTracker(tracker);
  const sentAt = localNow();
  const files = unitFiles(tracker, plan, { sentAt, replyBy });
  if (files.length === 0)
    throw new CliError(
      'sổ không có nhiệm vụ nào giao cho đơn vị, nên không có phiếu để gửi',
      'the tracker assigns no task to a unit, so there is no form to send',
    );
  const language = tracker.language;
  const w = labelsFor(language).words;
  const history: HistoryRow[] = [];
  for (const file of files) {
    const layout = unitFileLayout(plan, tracker.identity!.fingerprint, file, {
      sentAt,
      replyBy,
      language,
    });
    await writeWhole(join(args.output, file.fileName), await renderOrReport(layout));
    history.push({
      at: sentAt,
      action: 'sent',
      unit: file.unit,
      file: file.fileName,
      ticket: file.ticket,
      code: '',
      field: w.replyBy!,
      before: '',
      after: viDate(replyBy),
    });
  }
  await rewriteTracker(path, existing, withHistory(tracker, history));
  if (args.json) {
    io.stdout(
      JSON.stringify(
        {
          folder: args.output,
          replyBy,
          sentAt,
          files: files.map((f) => ({
            unit: f.unit,
            file: f.fileName,
            ticket: f.ticket,
            rows: f.rows.length,
          })),
        },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  const vi = args.lang === 'vi';
  io.stdout(
    vi
      ? `Đã ghi ${files.length} phiếu báo cáo vào ${args.output} (hạn trả lời ${viDate(replyBy)}); đã ghi vào Lịch sử của ${path}:\n`
      : `Wrote ${files.length} report forms to ${args.output} (reply by ${viDate(replyBy)}); recorded in the History of ${path}:\n`,
  );
  for (const f of files)
    io.stdout(`  ${f.fileName}  ${f.rows.length} ${vi ? 'dòng' : 'rows'}  (${f.ticket})\n`);
  return 0;
}

async function readAnswer(path: string): Promise<AnswerInput> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    const e = writeError(path, error);
    return {
      name,
      read: { error: { vi: `không đọc được tệp (${e.vi})`, en: `cannot read the file (${e.en})` } },
    };
  }
  try {
    return { name, read: readAnswerFile(bookFromXlsx(openWorkbook(new Uint8Array(bytes)))) };
  } catch (error) {
    if (error instanceof XlsxReadError)
      return {
        name,
        read: {
          error: {
            vi: `không đọc được như tệp Excel .xlsx, có thể tệp bị hỏng hoặc gửi thiếu (${error.vi})`,
            en: `cannot be read as an Excel .xlsx file; it may be damaged or cut short (${error.en})`,
          },
        },
      };
    if (error instanceof UnitFileError)
      return { name, read: { error: { vi: error.vi, en: error.en } } };
    throw error;
  }
}

export async function runUnitsIn(args: UnitsArgs, io: BuildIO): Promise<number> {
  const existing = await openTracker(args.tracker);
  const path = args.tracker!;
  if (args.files.length === 0)
    throw new CliError(
      'thiếu tệp báo cáo của đơn vị: phuluc units-in SO.xlsx TEP…',
      "missing the units' files: phuluc units-in TRACKER.xlsx FILE…",
    );
  const inputs: AnswerInput[] = [];
  for (const file of args.files) inputs.push(await readAnswer(file));
  const tracker = existing.tracker;
  const result = mergeAnswers(tracker, inputs, localNow());
  const changed = !changesNothing(result);
  if (changed) await rewriteTracker(path, existing, applyMerge(tracker, result));
  const refused = result.files.filter((f) => f.refused).length;
  if (args.json) {
    io.stdout(JSON.stringify(mergeJson(result, tracker, changed), null, 2) + '\n');
  } else {
    io.stdout(formatMerge(result, tracker, path, changed, args.lang));
  }
  return refused > 0 ? 1 : 0;
}

function mergeJson(result: MergeResult, tracker: TrackerContents, changed: boolean): unknown {
  const language = tracker.language;
  return {
    written: changed,
    files: result.files,
    applied: result.applied,
    conflicts: result.conflicts.map((c) => ({ ...c, fieldLabel: fieldLabel(c.field, language) })),
    requests: result.requests,
    history: result.history,
    units: pendingUnits(tracker, result),
  };
}

/** Units sent a form that has not come back (before and with this merge). */
function pendingUnits(
  tracker: TrackerContents,
  result: MergeResult,
): { unit: string; replyBy: string | null; answered: boolean }[] {
  return unitAnswers([...tracker.history, ...result.history]).map((a) => ({
    unit: a.unit,
    replyBy: a.replyBy,
    answered: a.answeredAt !== null,
  }));
}

function formatMerge(
  result: MergeResult,
  tracker: TrackerContents,
  path: string,
  changed: boolean,
  lang: Language,
): string {
  const vi = lang === 'vi';
  const language = tracker.language;
  const out: string[] = [];
  for (const f of result.files) {
    if (f.refused) {
      out.push(`✗ ${f.file}: ${vi ? 'TỪ CHỐI' : 'REFUSED'} — ${vi ? f.refused.vi : f.refused.en}`);
      continue;
    }
    const again = f.firstTime ? '' : vi ? ' (đã nhập trước đó)' : ' (merged before)';
    out.push(
      vi
        ? `✓ ${f.file} — ${f.unit}${again}: ${f.applied} giá trị cập nhật, ${f.conflicts} xung đột, ${f.requests} đề nghị gia hạn`
        : `✓ ${f.file} — ${f.unit}${again}: ${f.applied} values updated, ${f.conflicts} conflicts, ${f.requests} extension requests`,
    );
    for (const w of f.warnings) out.push(`    ${vi ? w.vi : w.en}`);
  }
  for (const a of result.applied)
    out.push(
      `  ${a.code} · ${fieldLabel(a.field, language)}: "${a.before}" → "${a.after}" (${a.unit})`,
    );
  if (result.conflicts.length > 0) {
    out.push(
      vi
        ? 'Xung đột (chưa ghi, cần người quyết định):'
        : 'Conflicts (not written; a person decides):',
    );
    for (const c of result.conflicts) {
      const answers = c.answers.map((a) => `${a.unit}: "${a.value}"`).join('; ');
      const why =
        c.kind === 'tracker-changed'
          ? vi
            ? `sổ đã đổi từ "${c.sent}" thành "${c.tracker}" sau khi gửi phiếu`
            : `the tracker changed from "${c.sent}" to "${c.tracker}" after the form was sent`
          : c.kind === 'units-disagree'
            ? vi
              ? 'các đơn vị trả lời khác nhau'
              : 'units answer differently'
            : vi
              ? 'nhiệm vụ không còn trong sổ'
              : 'the task is no longer in the tracker';
      out.push(`  ${c.code} · ${fieldLabel(c.field, language)}: ${why}; ${answers}`);
    }
  }
  if (result.requests.length > 0) {
    out.push(
      vi
        ? 'Đề nghị gia hạn (chờ duyệt: duyệt thì ghi Gia hạn đến và Căn cứ gia hạn):'
        : 'Extension requests (pending: to approve, fill Extended to and Extension basis):',
    );
    for (const r of result.requests)
      out.push(`  ${r.code} · ${r.unit}: ${viDate(r.to)}${r.reason ? ` — ${r.reason}` : ''}`);
  }
  const pending = pendingUnits(tracker, result).filter((u) => !u.answered);
  if (pending.length > 0)
    out.push(
      (vi ? 'Chưa trả lời: ' : 'Not answered yet: ') +
        pending.map((u) => `${u.unit}${u.replyBy ? ` (${viDate(u.replyBy)})` : ''}`).join('; '),
    );
  out.push(
    changed
      ? vi
        ? `Đã ghi ${path}: ${result.applied.length} giá trị, ${result.history.length} dòng Lịch sử.`
        : `Wrote ${path}: ${result.applied.length} values, ${result.history.length} History rows.`
      : vi
        ? `Không có gì mới: ${path} không đổi.`
        : `Nothing new: ${path} is unchanged.`,
  );
  return out.join('\n') + '\n';
}
