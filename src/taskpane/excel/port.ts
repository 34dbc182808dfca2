// The pane's Excel side, on the Office.js builder (src/office/rebuild.ts) and reader: what the pane's
// actions call inside Excel. It takes an ExcelHost, so tests run it on the Excel double.

import { columnLetter, columnNumber, splitSheetRef } from '../../excel/a1';
import { kindOfKey } from '../../office/survey';
import type { ExcelHost } from '../../render/office/excel-api';
import { BuildError, buildWorkbook, type BuildReport } from '../../office/rebuild';
import type { RebuildReport } from '../../layout/tracker/carry';
import { PaneFailure, PaneQuestion } from '../model/errors';
import type {
  BuildAnswers,
  ExcelBuildReport,
  ExcelPort,
  PaneLayoutOptions,
  PlanFacts,
  RebuildSummary,
  SheetOrigin,
} from '../model/ports';
import type { Finding, Plan } from '../../core/plan/types';
import type { Grid } from '../../core/grid/types';
import { readAppendix, ReadRefusal } from '../../office/reader';
import { MasterListError } from '../../office/masterlist';
import { mergeUnitFiles, sendUnitFiles } from '../../office/units';

/** The builder's steps, in order, with the share of the work done when each starts. */
const STEP_PROGRESS: Record<string, number> = {
  survey: 0.02,
  carry: 0.1,
  write: 0.2,
  swap: 0.85,
  restore: 0.9,
  clean: 0.95,
};

/** The pane's summary of a build: sheets and their kinds, what was kept, what to know. */
export function summarize(report: BuildReport): ExcelBuildReport {
  const notes: { vi: string; en: string }[] = [];
  for (const r of report.renamed) {
    notes.push({
      vi: `Đã có trang “${r.wanted}” không do PhuLuc tạo: trang mới mang tên “${r.name}”, trang cũ giữ nguyên.`,
      en: `A sheet “${r.wanted}” that PhuLuc did not create exists: the new sheet is named “${r.name}”; the old one is untouched.`,
    });
  }
  for (const o of report.omitted) notes.push({ vi: o.vi, en: o.en });
  notes.push(...report.warnings);
  return {
    sheets: report.sheets.map((s) => ({ name: s.name, kind: kindOfKey(s.key) })),
    keptEntries: report.carried,
    notes,
    rebuild: report.rebuild ? rebuildSummary(report.rebuild) : null,
  };
}

function rebuildSummary(r: RebuildReport): RebuildSummary {
  return {
    kept: r.kept,
    renumbered: r.renumbered,
    edited: r.edited,
    added: r.added,
    removed: r.removed,
    typed: r.typed.filter((t) => !t.joined).map((t) => ({ title: t.title, to: t.to })),
    restored: r.restored,
    apart: r.uncertain.filter((u) => !u.accepted).map((u) => ({ from: u.from, to: u.to })),
  };
}

const facts = (p: PlanFacts | null): PlanFacts | null =>
  p ? { number: p.number, date: p.date, title: p.title, tasks: p.tasks } : null;

/** A question of the builder, in the pane's terms; null for a failure. */
function questionOf(error: BuildError): PaneQuestion | null {
  const q = error.question;
  if (error.code === 'plan-differs' && q?.plan)
    return new PaneQuestion({
      kind: 'plan',
      before: facts(q.plan.before),
      after: facts(q.plan.after)!,
      share: q.plan.share,
    });
  if (error.code === 'tasks-uncertain' && q?.uncertain)
    return new PaneQuestion({
      kind: 'pairs',
      pairs: q.uncertain.map((u) => ({
        key: u.key,
        from: u.from,
        to: u.to,
        before: u.before,
        after: u.after,
      })),
    });
  return null;
}

/** The first column of an address ("'Kế hoạch'!C5:J40" → 2), 0-based. */
export function firstColumnOf(address: string): number {
  const ref = (splitSheetRef(address)?.range ?? address).replace(/\$/g, '');
  const letters = /^([A-Z]+)/i.exec(ref)?.[1] ?? 'A';
  return columnNumber(letters) - 1;
}

/** The Office.js reader of the selection (or the sheet), with its refusals in the pane's terms. */
async function readSelection(
  host: ExcelHost,
): Promise<{ grid: Grid; origin: SheetOrigin; findings: Finding[] }> {
  try {
    const read = await readAppendix(host);
    return {
      grid: read.grid,
      origin: {
        sheet: read.sheet,
        address: read.address,
        firstColumn: firstColumnOf(read.address),
      },
      findings: read.findings,
    };
  } catch (error) {
    if (error instanceof ReadRefusal) {
      throw new PaneFailure(
        error.reason === 'empty' ? 'selection-empty' : 'selection-refused',
        `${error.reason}: ${error.en}`,
        { vi: error.vi, en: error.en },
      );
    }
    throw new PaneFailure(
      'excel-read-failed',
      error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    );
  }
}

export function excelPort(host: ExcelHost): ExcelPort {
  return {
    readSource: () => readSelection(host),

    async selectCell(origin: SheetOrigin, line: number, column: number): Promise<string> {
      const address = `${columnLetter(origin.firstColumn + column)}${line}`;
      await host.run({}, async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem(origin.sheet);
        sheet.activate();
        sheet.getRange(address).select();
        await ctx.sync();
      });
      return `${origin.sheet}!${address}`;
    },

    async build(
      plan: Plan,
      options: PaneLayoutOptions,
      onProgress: (fraction: number) => void,
      answers: BuildAnswers & { beforeInclusive?: boolean } = {},
    ): Promise<ExcelBuildReport> {
      try {
        const report = await buildWorkbook(host, {
          plan,
          options,
          ...(answers.replacePlan ? { replacePlan: true } : {}),
          ...(answers.decisions ? { decisions: answers.decisions } : {}),
          ...(answers.beforeInclusive !== undefined
            ? { beforeInclusive: answers.beforeInclusive }
            : {}),
          progress: (step) => {
            const at = STEP_PROGRESS[step];
            if (at !== undefined) onProgress(at);
          },
        });
        onProgress(1);
        return summarize(report);
      } catch (error) {
        if (error instanceof BuildError) {
          const question = questionOf(error);
          if (question) throw question;
          throw new PaneFailure('excel-write-failed', `${error.step}: ${error.en}`, {
            vi: error.vi,
            en: error.en,
          });
        }
        throw error;
      }
    },

    async sendUnitFiles(replyBy, clock) {
      const sent = await inWords(() => sendUnitFiles(host, replyBy, clock));
      return {
        files: sent.files.map((f) => ({
          unit: f.unit,
          fileName: f.fileName,
          rows: f.rows.length,
          layout: f.layout,
        })),
      };
    },

    async mergeUnitFiles(answers, clock) {
      const merged = await inWords(() => mergeUnitFiles(host, answers, clock));
      return merged.summary;
    },
  };
}

/** The add-in's refusals (no plan recorded, a rebuild that fails) in the pane's terms. */
async function inWords<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MasterListError || error instanceof BuildError)
      throw new PaneFailure('excel-write-failed', error.en, { vi: error.vi, en: error.en });
    throw error;
  }
}
