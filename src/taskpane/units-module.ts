// The units' loop for the pane (its own chunk): outside Excel, a tracker file in and a zip or
// the tracker out (src/render/xlsx/units.ts, as the command line); inside Excel, the forms the
// workbook laid out written and zipped. Errors are PaneFailures in the person's words.

import { zipSync } from 'fflate';
import { summarizeMerge } from '../layout/unitfile/merge';
import { renderXlsx } from '../render/xlsx';
import { mergeForms, readAnswer, sendForms, UnitsError } from '../render/xlsx/units';
import { PaneFailure } from './model/errors';
import type { UnitsModule } from './model/ports';

/** The folder the forms take in the zip. */
export const FORMS_FOLDER = 'Phiếu đơn vị';

async function saying<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UnitsError)
      throw new PaneFailure('file-unreadable', error.en, {
        vi: `${error.vi[0]!.toUpperCase()}${error.vi.slice(1)}.`,
        en: `${error.en[0]!.toUpperCase()}${error.en.slice(1)}.`,
      });
    throw error;
  }
}

export const unitsModule: UnitsModule = {
  send: (tracker, replyBy, clock) =>
    saying(async () => {
      const sent = await sendForms(tracker.bytes, replyBy, clock);
      const zip = zipSync({
        [tracker.name]: sent.tracker,
        ...Object.fromEntries(sent.files.map((f) => [`${FORMS_FOLDER}/${f.fileName}`, f.bytes])),
      });
      return {
        zip,
        tracker: sent.tracker,
        files: sent.files.map((f) => ({ unit: f.unit, fileName: f.fileName, rows: f.rows.length })),
      };
    }),
  merge: (tracker, answers, clock) =>
    saying(async () => {
      const merged = await mergeForms(
        tracker,
        answers.map((a) => readAnswer(a.name, a.bytes)),
        clock,
      );
      return {
        summary: summarizeMerge(merged.result, merged.before, merged.tracker !== null),
        tracker: merged.tracker,
      };
    }),
  async zip(files) {
    const out: Record<string, Uint8Array> = {};
    for (const f of files) out[`${FORMS_FOLDER}/${f.fileName}`] = await renderXlsx(f.layout);
    return zipSync(out);
  },
  readAnswers: (answers) => answers.map((a) => readAnswer(a.name, a.bytes)),
};
