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
import { nodeCompressor } from './compressor';
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
import { cliText, cliWords, speakerIn } from './messages';
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
  if (!path) throw new CliError('tracker-name-missing', {});
  try {
    return { path, bytes: new Uint8Array(await fs.readFile(path)) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError('no-such-file', { path });
    throw writeError(path, error);
  }
}

/** A UnitsError about the tracker at `path`, as the command line says it. */
async function about<T>(path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UnitsError)
      throw new CliError('tracker-refused', { path, reason: { vi: error.vi, en: error.en } });
    if (error instanceof LayoutError)
      throw new CliError('design-error', { problems: error.problems }, 70);
    throw error;
  }
}

function clock(): UnitsClock {
  return { now: viDateTime(new Date()), today: localToday() };
}

export async function runUnitsOut(args: UnitsArgs, io: CommandIO): Promise<number> {
  const { path, bytes } = await trackerBytes(args.tracker);
  if (!args.output) throw new CliError('forms-folder-missing', {});
  const now = clock();
  let replyBy = shiftIso(now.today, 7, 'day');
  if (args.replyBy !== undefined) {
    const iso = isoFromText(args.replyBy);
    if (!iso) throw new CliError('reply-by-not-a-date', { replyBy: args.replyBy });
    replyBy = iso;
  }
  const sent = await about(path, () =>
    sendForms(bytes, replyBy, now, { compressor: nodeCompressor }),
  );
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
  const wrote = { forms: sent.files.length, folder: args.output, replyBy, tracker: path };
  io.stdout(`${cliText(args.lang, 'wrote-forms', wrote)}\n`);
  for (const form of sent.files) {
    const rows = cliText(args.lang, 'form-rows', { rows: form.rows.length });
    io.stdout(`  ${form.fileName}  ${rows}  (${form.ticket})\n`);
  }
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
      read: { error: cliWords('answer-unreadable', { reason: { vi: e.vi, en: e.en } }) },
    };
  }
}

export async function runUnitsIn(args: UnitsArgs, io: CommandIO): Promise<number> {
  const { path, bytes } = await trackerBytes(args.tracker);
  if (args.files.length === 0) throw new CliError('answer-files-missing', {});
  const inputs: AnswerInput[] = [];
  for (const file of args.files) inputs.push(await answerOf(file));
  const merged = await about(path, () =>
    mergeForms(bytes, inputs, clock(), { compressor: nodeCompressor }),
  );
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
  const say = speakerIn(lang);
  const language = tracker.language;
  const out: string[] = [];
  for (const f of result.files) {
    if (f.refused) {
      out.push(say('form-refused', { file: f.file, reason: f.refused }));
      continue;
    }
    const { file, unit, applied, conflicts, requests } = f;
    out.push(say('form-merged', { file, unit, again: !f.firstTime, applied, conflicts, requests }));
    for (const warning of f.warnings) out.push(`    ${warning[lang]}`);
  }
  for (const a of result.applied)
    out.push(
      `  ${a.code} · ${fieldLabel(a.field, language)}: "${a.before}" → "${a.after}" (${a.unit})`,
    );
  if (result.conflicts.length > 0) {
    out.push(say('conflicts-heading', {}));
    for (const c of result.conflicts) {
      const answers = c.answers.map((a) => `${a.unit}: "${a.value}"`).join('; ');
      const why =
        c.kind === 'tracker-changed'
          ? say('conflict-tracker-changed', { sent: c.sent, tracker: c.tracker })
          : c.kind === 'units-disagree'
            ? say('conflict-units-disagree', {})
            : say('conflict-task-gone', {});
      out.push(`  ${c.code} · ${fieldLabel(c.field, language)}: ${why}; ${answers}`);
    }
  }
  if (result.requests.length > 0) {
    out.push(say('requests-heading', {}));
    for (const r of result.requests)
      out.push(`  ${r.code} · ${r.unit}: ${viDate(r.to)}${r.reason ? ` — ${r.reason}` : ''}`);
  }
  const pending = summarizeMerge(result, tracker, changed).units.filter((u) => !u.answered);
  if (pending.length > 0)
    out.push(
      say('not-answered', {
        units: pending
          .map((u) => `${u.unit}${u.replyBy ? ` (${viDate(u.replyBy)})` : ''}`)
          .join('; '),
      }),
    );
  out.push(
    changed
      ? say('wrote-merge', {
          path,
          values: result.applied.length,
          history: result.history.length,
        })
      : say('nothing-new', { path }),
  );
  return out.join('\n') + '\n';
}
