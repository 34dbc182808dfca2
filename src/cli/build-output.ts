// The end of `phuluc build`: the workbook rendered (into the existing tracker when there is
// one), written whole, and what was written told in the chosen language.

import type { WorkbookLayout } from '../layout/types';
import type { Carried } from '../layout/tracker/carry';
import { LayoutError, renderXlsx } from '../render/xlsx';
import { nodeCompressor } from './compressor';
import type { CommandIO } from './io';
import { formatRebuildReport } from './rebuild-report';
import { CliError } from './errors';
import { bothLanguages, cliText, type Language } from './messages';
import { spliceOver, type ExistingTracker } from './tracker-rebuild';
import { writeWhole } from './write';

/** Past this many tasks, say what is happening while the file is written. */
export const PROGRESS_THRESHOLD = 500;

/** A workbook design error is a bug of ours, not of the input: say so, with the first problems. */
async function renderOrReport(layout: WorkbookLayout): Promise<Uint8Array> {
  try {
    return await renderXlsx(layout, { compressor: nodeCompressor });
  } catch (error) {
    if (!(error instanceof LayoutError)) throw error;
    throw new CliError('design-error', { problems: error.problems }, 70);
  }
}

/** Renders the layout, splices it into the existing tracker if any, writes it and says so. */
export async function writeTracker(
  layout: WorkbookLayout,
  target: {
    output: string;
    /** Tasks of the plan written (the progress line and the summary count them). */
    taskCount: number;
    existing: ExistingTracker | null;
    carried: Carried | null;
    /** The report date given with --today, or null for =TODAY(). */
    reportDate: string | null;
    lang: Language;
  },
  io: CommandIO,
): Promise<void> {
  const { output, taskCount: count, existing, carried, reportDate, lang } = target;
  const sheets = layout.sheets.length;
  if (count > PROGRESS_THRESHOLD) {
    io.stderr(`${bothLanguages('writing-workbook', { tasks: count, sheets })}\n`);
  }
  let bytes = await renderOrReport(layout);
  if (existing) {
    const spliced = spliceOver(existing, bytes, output);
    bytes = spliced.bytes;
    carried?.report.warnings.push(...spliced.warnings);
  }
  await writeWhole(output, bytes);
  io.stdout(`${cliText(lang, 'wrote-workbook', { output, tasks: count, sheets, reportDate })}\n`);
  if (carried) io.stdout(formatRebuildReport(carried.report, lang));
}
