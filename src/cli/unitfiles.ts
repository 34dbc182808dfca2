// `phuluc units-out TRACKER.xlsx -o DIR/` and `phuluc units-in TRACKER.xlsx FILE…`: the units
// report back. Out: one small workbook per unit (src/layout/unitfile), and the files sent
// recorded in the tracker's Lịch sử. In: the answers read and merged (src/layout/unitfile/merge),
// the tracker laid out again from itself with the new values and only PhuLuc's parts of the
// file rewritten (src/render/xlsx/units.ts, shared with the page). Nothing changes when there is
// nothing to apply (merging a file again). Files are written whole or not at all.

import { promises as fs } from 'fs';
import { basename, join } from 'path';
import { shiftIso, viDateTime } from '../core/time/calendar';
import { isoFromText } from '../excel/dates';
import { viDate } from '../layout/context';
import type { Language } from '../layout/labels';
import type { TrackerContents } from '../layout/tracker/model';
import { summarizeMerge, type AnswerInput, type MergeResult } from '../layout/unitfile/merge';
import { fieldLabel } from '../layout/unitfile/values';
import { LayoutError } from '../render/xlsx';
import {
  mergeForms,
  readAnswer,
  sendForms,
  UnitsError,
  type UnitsClock,
} from '../render/xlsx/units';
import { localToday } from './build-options';
import type { CommandIO } from './io';
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

async function trackerBytes(
  path: string | undefined,
): Promise<{ path: string; bytes: Uint8Array }> {
  if (!path)
    throw new CliError(
      'thiếu tên sổ theo dõi; xem phuluc --help',
      'missing tracker file name; see phuluc --help',
    );
  try {
    return { path, bytes: new Uint8Array(await fs.readFile(path)) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError(`không có tệp "${path}"`, `there is no file "${path}"`);
    throw writeError(path, error);
  }
}

/** A UnitsError about the tracker at `path`, as the command line says it. */
async function about<T>(path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UnitsError)
      throw new CliError(`"${path}": ${error.vi}`, `"${path}": ${error.en}`);
    if (error instanceof LayoutError)
      throw new CliError(
        `lỗi thiết kế sổ theo dõi (${error.problems.slice(0, 3).join('; ')}). Hãy báo lỗi kèm tệp`,
        `workbook design error (${error.problems.slice(0, 3).join('; ')}). Please report it with the file`,
        70,
      );
    throw error;
  }
}

function clock(): UnitsClock {
  return { now: viDateTime(new Date()), today: localToday() };
}

export async function runUnitsOut(args: UnitsArgs, io: CommandIO): Promise<number> {
  const { path, bytes } = await trackerBytes(args.tracker);
  if (!args.output)
    throw new CliError(
      'thiếu thư mục ghi phiếu: phuluc units-out SO.xlsx -o THU-MUC/',
      'missing output folder: phuluc units-out TRACKER.xlsx -o FOLDER/',
    );
  const now = clock();
  let replyBy = shiftIso(now.today, 7, 'day');
  if (args.replyBy !== undefined) {
    const iso = isoFromText(args.replyBy);
    if (!iso)
      throw new CliError(
        `--reply-by "${args.replyBy}" không phải ngày dạng dd/mm/yyyy`,
        `--reply-by "${args.replyBy}" is not a dd/mm/yyyy date`,
      );
    replyBy = iso;
  }
  const sent = await about(path, () => sendForms(bytes, replyBy, now));
  try {
    await fs.mkdir(args.output, { recursive: true });
  } catch (error) {
    throw writeError(args.output, error);
  }
  for (const file of sent.files) await writeWhole(join(args.output, file.fileName), file.bytes);
  await writeWhole(path, sent.tracker);
  if (args.json) {
    io.stdout(
      JSON.stringify(
        {
          folder: args.output,
          replyBy,
          sentAt: now.now,
          files: sent.files.map((f) => ({
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
      ? `Đã ghi ${sent.files.length} phiếu báo cáo vào ${args.output} (hạn trả lời ${viDate(replyBy)}); đã ghi vào Lịch sử của ${path}:\n`
      : `Wrote ${sent.files.length} report forms to ${args.output} (reply by ${viDate(replyBy)}); recorded in the History of ${path}:\n`,
  );
  for (const f of sent.files)
    io.stdout(`  ${f.fileName}  ${f.rows.length} ${vi ? 'dòng' : 'rows'}  (${f.ticket})\n`);
  return 0;
}

async function answerOf(path: string): Promise<AnswerInput> {
  const name = basename(path);
  try {
    return readAnswer(name, new Uint8Array(await fs.readFile(path)));
  } catch (error) {
    if (!(error as NodeJS.ErrnoException).code) throw error;
    const e = writeError(path, error);
    return {
      name,
      read: { error: { vi: `không đọc được tệp (${e.vi})`, en: `cannot read the file (${e.en})` } },
    };
  }
}

export async function runUnitsIn(args: UnitsArgs, io: CommandIO): Promise<number> {
  const { path, bytes } = await trackerBytes(args.tracker);
  if (args.files.length === 0)
    throw new CliError(
      'thiếu tệp báo cáo của đơn vị: phuluc units-in SO.xlsx TEP…',
      "missing the units' files: phuluc units-in TRACKER.xlsx FILE…",
    );
  const inputs: AnswerInput[] = [];
  for (const file of args.files) inputs.push(await answerOf(file));
  const merged = await about(path, () => mergeForms(bytes, inputs, clock()));
  if (merged.tracker) await writeWhole(path, merged.tracker);
  const changed = merged.tracker !== null;
  const { result, before: tracker } = merged;
  const refused = result.files.filter((f) => f.refused).length;
  if (args.json) {
    io.stdout(
      JSON.stringify(
        { ...summarizeMerge(result, tracker, changed), history: result.history },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.stdout(formatMerge(result, tracker, path, changed, args.lang));
  }
  return refused > 0 ? 1 : 0;
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
  const pending = summarizeMerge(result, tracker, changed).units.filter((u) => !u.answered);
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
