// Any input `phuluc parse` and `phuluc build` accept, read into a plan: an appendix as text,
// .xlsx, .docx or PDF, or the JSON of `phuluc parse --json` (./plan-json).

import { planFromGrid, parsePlanText, type ParseOptions } from '../core/plan/parse';
import type { Plan } from '../core/plan/types';
import { DocxReadError, readDocxGridSync } from '../readers/docx';
import { PdfReadError, readPdfGrid } from '../readers/pdf';
import { loadPdfLib } from '../readers/pdf/node';
import { openXlsx, XlsxReadError } from '../readers/xlsx';
import { CliError } from './errors';
import { bothLanguages, type NoTasksCause } from './messages';
import { readSource, type Source } from './input';
import type { CommandIO } from './io';
import { looksLikePlanJson, planFromJson } from './plan-json';

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
    throw new CliError('xlsx-unreadable', {
      path,
      reason: { vi: error.vi, en: error.en },
      detail: error.detail,
    });
  }
}

/** A Word document: its tables read from the document's XML, merges known. */
function planFromDocx(bytes: Uint8Array, path: string, options: ParseOptions): Plan {
  try {
    return planFromGrid(readDocxGridSync(bytes), options);
  } catch (error) {
    if (!(error instanceof DocxReadError)) throw error;
    if (error.code === 'encrypted') throw new CliError('docx-encrypted', { path });
    throw new CliError('docx-unreadable', { path, detail: error.message });
  }
}

/** A PDF: its tables read from ruling lines and text positions. */
async function planFromPdf(bytes: Uint8Array, path: string, options: ParseOptions): Promise<Plan> {
  try {
    return planFromGrid(await readPdfGrid(bytes, await loadPdfLib()), options);
  } catch (error) {
    if (!(error instanceof PdfReadError)) throw error;
    throw new CliError('pdf-unreadable', { path, reason: error.code });
  }
}

/** Reads any input the command line accepts into a plan. */
export async function readAnyPlan(
  path: string,
  options: ParseOptions,
  io: CommandIO,
  source?: Source,
): Promise<Plan> {
  const input = source ?? (await readSource(path));
  if (input.kind === 'text' && looksLikePlanJson(input.text, path)) {
    if (options.directory || options.beforeInclusive) {
      io.stderr(`${bothLanguages('json-plan-ignores-options', {})}\n`);
    }
    return planFromJson(input.text, path, io.stderr);
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
    throw new CliError(input.kind === 'pdf' ? 'no-appendix-in-pdf' : 'no-appendix', {});
  }
  return plan;
}

/**
 * A plan without tasks makes no tracker: the command refuses, as the page does, and says what to
 * do (a report-forms-only document, seed 003; a task table with no rows).
 */
export function noTasksError(path: string, plan: Plan): CliError {
  const forms = plan.tables.filter((t) => t.kind === 'report-form').length;
  const cause: NoTasksCause = plan.tables.some((t) => t.kind === 'tasks')
    ? { cause: 'empty-task-table' }
    : forms > 0
      ? { cause: 'report-forms-only', forms }
      : { cause: 'no-task-table' };
  return new CliError('no-tasks', { path, ...cause });
}
