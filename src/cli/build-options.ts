// The options of `phuluc build`, checked before anything is read: the files named, the report
// date, the due-soon window and the font.

import { promises as fs } from 'fs';
import { extname, resolve } from 'path';
import { isoDateSchema } from '../core/plan/schema';
import { FONT_NAMES, isFontName } from '../layout/metrics';
import { CliError } from './errors';
import type { Language } from './messages';

export interface BuildArgs {
  file: string | undefined;
  output: string | undefined;
  /** Report date, YYYY-MM-DD; none: the workbook uses =TODAY(). */
  today: string | undefined;
  dueSoon: string | undefined;
  units: string | undefined;
  lang: Language;
  groupSheets: boolean;
  beforeInclusive: boolean;
  /** The workbook's font (Times New Roman when absent). */
  font?: string;
  /** Carry entries across pairs the matcher is unsure of (a person checked them). */
  acceptUncertain?: boolean;
  /** Replace the plan of a tracker that tracks another plan. */
  replacePlan?: boolean;
}

/** The due-soon window when --due-soon is not given, in days. */
const DEFAULT_DUE_SOON_DAYS = 7;

/** The arguments that must be there, and the checked due-soon window. */
export function checkBuildArgs(args: BuildArgs): {
  file: string;
  output: string;
  dueSoonDays: number;
} {
  if (!args.file) throw new CliError('appendix-name-missing', {});
  if (!args.output) throw new CliError('output-missing', {});
  if (extname(args.output).toLowerCase() !== '.xlsx')
    throw new CliError('output-not-xlsx', { output: args.output });
  if (args.today !== undefined && !isoDateSchema.safeParse(args.today).success)
    throw new CliError('today-not-a-date', { today: args.today });
  let dueSoonDays = DEFAULT_DUE_SOON_DAYS;
  if (args.dueSoon !== undefined) {
    dueSoonDays = Number(args.dueSoon);
    if (!/^\d+$/.test(args.dueSoon) || dueSoonDays > 365)
      throw new CliError('due-soon-invalid', { dueSoon: args.dueSoon });
  }
  if (args.font !== undefined && !isFontName(args.font))
    throw new CliError('font-unknown', { font: args.font, fonts: FONT_NAMES });
  return { file: args.file, output: args.output, dueSoonDays };
}

/** Same file (by device and inode), for existing paths; else the same absolute path. */
async function samePath(first: string, second: string): Promise<boolean> {
  if (resolve(first) === resolve(second)) return true;
  try {
    const [a, b] = await Promise.all([fs.stat(first), fs.stat(second)]);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/** Refuses an output that is one of the input files, so the appendix is never overwritten. */
export async function refuseOverwritingInput(
  inputs: (string | undefined)[],
  output: string,
): Promise<void> {
  for (const input of inputs) {
    if (input && (await samePath(input, output))) {
      throw new CliError('output-is-input', { output });
    }
  }
}

/** Today's date where the command runs (for "Bỏ từ ngày"), as YYYY-MM-DD. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
