// The options of `phuluc build`, checked before anything is read: the files named, the report
// date, the due-soon window and the font.

import { promises as fs } from 'fs';
import { extname, resolve } from 'path';
import { isoDateSchema } from '../core/plan/schema';
import { FONT_NAMES, isFontName } from '../layout/metrics';
import { CliError } from './errors';

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

/** The due-soon window when --due-soon is not given, in days. */
const DEFAULT_DUE_SOON_DAYS = 7;

/** The arguments that must be there, and the checked due-soon window. */
export function checkBuildArgs(args: BuildArgs): {
  file: string;
  output: string;
  dueSoonDays: number;
} {
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
  if (args.today !== undefined && !isoDateSchema.safeParse(args.today).success)
    throw new CliError(
      `--today "${args.today}" không phải ngày dạng YYYY-MM-DD (ví dụ 2024-06-30)`,
      `--today "${args.today}" is not a YYYY-MM-DD date (e.g. 2024-06-30)`,
    );
  let dueSoonDays = DEFAULT_DUE_SOON_DAYS;
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
      throw new CliError(
        `tệp kết quả "${output}" trùng với tệp đầu vào: hãy chọn tên khác, để không ghi đè lên phụ lục`,
        `the output "${output}" is an input file: choose another name, so the appendix is not overwritten`,
      );
    }
  }
}

/** Today's date where the command runs (for "Bỏ từ ngày"), as YYYY-MM-DD. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
