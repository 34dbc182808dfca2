// Building (and rebuilding) the tracking workbook inside Excel, without losing anything. A
// build of a plan whose writes fit one request (about 3.5 MB) takes at most five syncs:
//
//   1  survey        sheets by id, names (PhuLuc's markers among them), tables, date system
//                    (./survey.ts)
//   2  locate        (rebuild only) where the old task list, the removed-tasks sheet and the
//                    plan's identity are (./tracker.ts); where people's formulas, names,
//                    conditional formats and validations are (./references.ts)
//   3  read          (rebuild only) what the one tracker reader needs, and those references,
//                    in requests sized for Excel's response limit (./reads.ts: one for an
//                    ordinary plan, one more per 4 MB or so of response); then readTracker and
//                    carryOver (./carried.ts): a plan that is not the tracker's, or task pairs
//                    the matcher is unsure of, stop the build here with a question for the pane
//   4  write + swap  the new sheets under temporary names ("PhuLuc~new~1", hidden; ./naming.ts,
//                    ./layout-rewrite.ts), names they need, then every write of the layout
//                    (values, formulas, formats, rules; src/render/office), then the swap
//                    (./swap.ts): old sheets → "PhuLuc~old~n" (hidden), new sheets → their
//                    names; people's references set again; names re-pointed; settings stored;
//                    positions; events back on. Writes over the size budget take one more
//                    request per 3.5 MB; the swap ends the last one (or, when it does not fit
//                    there, goes alone).
//   5  clean up      (when there is something to delete) old sheets deleted (./cleanup.ts)
//
// Until the swap the old sheets are untouched, so a failure anywhere before it is undone by
// deleting the new sheets and names; a failure in the swap's request is undone from the survey
// (./restore.ts: names, positions, visibility restored by id, people's references set as they
// were). After the swap the new workbook is complete: a failing clean-up only leaves hidden
// "PhuLuc~old~n" sheets, which the next build removes.
//
// A sheet with a name PhuLuc wants but no PhuLuc marker belongs to someone: it is never renamed,
// overwritten or deleted; the new sheet takes another name and the report says so.

import { isoOfLocalDate } from '../core/time/calendar';
import { defaultHorizon } from '../core/status/items';
import type { IsoDate, Plan } from '../core/plan/types';
import { layoutWorkbook, type LayoutOptions } from '../layout';
import type { Language } from '../layout/labels';
import type { RebuildReport } from '../layout/tracker/carry';
import type { TrackerContents } from '../layout/tracker/model';
import { readTracker } from '../layout/tracker/read';
import type { SheetKind, WorkbookLayout } from '../layout/types';
import { executeWrites, planWrites, requestsOf, type WriteEnv } from '../render/office';
import type { ExcelHost, XlRequestContext, XlWorksheet } from '../render/office/excel-api';
import {
  detectFeatures,
  OMISSION_TEXT,
  type Features,
  type Omission,
} from '../render/office/features';
import { BuildError, describe, untouched } from './build-error';
import { carryFrom, hasTraces, mergeColumns, translateStates, type CarryAnswers } from './carried';
import { cleanUp } from './cleanup';
import { rewriteLayout } from './layout-rewrite';
import { nameSheets, refsScope, successorNames } from './naming';
import { runReads } from './reads';
import { NO_REFS, orphanWarnings, queueRefsLocate, type UserRefs } from './references';
import { restore } from './restore';
import { isMarker, queueSurvey, TEMP_PREFIX } from './survey';
import { prepare, swapOp } from './swap';
import { queueTrackerLocate, trackerReadJobs, valueEstimates } from './tracker';

export { BuildError, type BuildErrorCode, type BuildQuestion } from './build-error';
export type { StoredSettings } from './swap';

export interface BuildRequest extends CarryAnswers {
  options?: Partial<LayoutOptions>;
  /** Replace only the sheets of these kinds (the ribbon's Làm mới and Kiểm tra). */
  only?: SheetKind[];
  /** The layout function; layoutWorkbook unless a test gives another. */
  makeLayout?: (plan: Plan, options: Partial<LayoutOptions>) => WorkbookLayout;
  /** Adjusts the layout before it is written (e.g. link rows of a master list kept as is). */
  adjust?: (layout: WorkbookLayout) => void;
  fill?: 'scalar' | 'array';
  /** Bytes per request (default 3.5 MB). */
  budget?: number;
  /** Called with each step's name as the build goes (for a progress bar). */
  progress?: (step: string) => void;
  /** The day of the build, written on rows moved to the removed-tasks sheet (default: today). */
  today?: IsoDate;
  /**
   * Changes the tracker as read before its entries are carried (units' answers merged, files
   * sent recorded in Lịch sử): the build writes the amended contents.
   */
  amend?: (tracker: TrackerContents) => TrackerContents;
}

export interface BuildReport {
  /** Sheets written: layout key and the name it got. */
  sheets: { key: string; name: string }[];
  /** Sheets that could not take the name the layout wanted (a sheet PhuLuc did not create has it). */
  renamed: { key: string; wanted: string; name: string }[];
  /** Tasks whose entered values were carried over from the previous build. */
  carried: number;
  extraColumns: string[];
  /** What the rebuild kept, renumbered, edited, added and removed (null: nothing to carry). */
  rebuild: RebuildReport | null;
  /** Parts of the layout this Excel cannot write. */
  omitted: Omission[];
  warnings: { vi: string; en: string }[];
  /** `context.sync()` calls of this build. */
  syncs: number;
  /** Estimated bytes of each write request. */
  requests: { phase: string; bytes: number }[];
  /** True when the build is one undo step (ExcelApi 1.20). */
  oneUndoStep: boolean;
}

/** What building needs: names.add, getItemOrNullObject (1.4), NamedItem.formula, tabColor (1.7). */
export const MIN_API = '1.7';

function counted(ctx: XlRequestContext, count: () => void): XlRequestContext {
  return {
    workbook: ctx.workbook,
    application: ctx.application,
    runtime: ctx.runtime,
    sync: () => {
      count();
      return ctx.sync();
    },
  };
}

/** Builds the workbook for `request.plan` in the open workbook; see the top of this file. */
export async function buildWorkbook(host: ExcelHost, request: BuildRequest): Promise<BuildReport> {
  const features = detectFeatures((v) => host.isSetSupported(v));
  // The manifest asks for ExcelApi 1.7; a host that loads the add-in anyway is told plainly.
  if (!host.isSetSupported(MIN_API)) {
    throw new BuildError(
      `Excel này quá cũ để PhuLuc tạo sổ (cần ExcelApi ${MIN_API}: Office 2019, Office 2021/2024 hoặc Microsoft 365). Có thể tạo tệp .xlsx bằng lệnh phuluc rồi mở trong Excel này.`,
      `This Excel is too old for PhuLuc to build the workbook (ExcelApi ${MIN_API} is needed: Office 2019, 2021/2024 or Microsoft 365). The phuluc command can write an .xlsx file to open in it.`,
      true,
      'requirements',
      undefined,
      'excel-too-old',
    );
  }
  let syncs = 0;
  return host.run(features.undoGroup ? { mergeUndoGroup: true } : {}, async (raw) => {
    const ctx = counted(raw, () => syncs++);
    const step = (name: string): void => request.progress?.(name);

    step('survey');
    const readSurvey = queueSurvey(ctx, features.properties);
    const survey = await untouched('survey', async () => {
      await ctx.sync();
      return readSurvey();
    });

    const only = request.only;
    const writes = (kind: string): boolean => !only || (only as string[]).includes(kind);
    const scope = refsScope(survey, writes);

    // S2, S3: the old tracker and people's references, before anything changes.
    const readTasks = writes('tasks') && hasTraces(survey);
    const before: { tracker: TrackerContents | null; refs: UserRefs } =
      readTasks || scope.replaced.length > 0
        ? await untouched('carry', async () => {
            step('carry');
            const locateTracker = readTasks ? queueTrackerLocate(ctx, survey, features) : null;
            const locateRefs =
              scope.replaced.length > 0
                ? queueRefsLocate(ctx, scope, survey.names, features)
                : null;
            await ctx.sync();
            const located = locateTracker?.() ?? null;
            const refsLocated = locateRefs?.() ?? null;
            await runReads(ctx, [
              ...(located
                ? trackerReadJobs(located, features, survey.date1904, valueEstimates(request.plan))
                : []),
              ...(refsLocated ? refsLocated.jobs() : []),
            ]);
            return {
              tracker: located ? readTracker(located.book) : null,
              refs: refsLocated ? refsLocated.found() : NO_REFS,
            };
          })
        : { tracker: null, refs: NO_REFS };
    const tracker =
      before.tracker && request.amend ? request.amend(before.tracker) : before.tracker;
    let refs = before.refs;

    const today = request.today ?? todayIso();
    const reportDate = request.options?.reportDate ?? null;
    // Recurring tasks run to the horizon set in the tracker, else to the later of the plan's
    // last year and the report date's (with =TODAY(): this year).
    const storedHorizon = request.options?.horizon ?? tracker?.horizon ?? null;
    const horizon = defaultHorizon(
      request.plan,
      Number((reportDate ?? today).slice(0, 4)),
      storedHorizon,
    );
    const carried = carryFrom(tracker, request, today, horizon);
    const language: Language = request.options?.language ?? 'vi';
    const options: Partial<LayoutOptions> = {
      buildDate: today,
      ...request.options,
      horizon: storedHorizon,
      ...(carried?.horizon != null ? { minHorizon: carried.horizon } : {}),
      entered: {
        ...translateStates(carried?.entered ?? {}, language),
        ...request.options?.entered,
      },
      extraColumns: mergeColumns(request.options?.extraColumns, carried?.extraColumns ?? []),
      ...(carried && carried.removed.length > 0 ? { removed: carried.removed } : {}),
      ...(carried ? { moved: carried.moved } : {}),
      // Lịch sử is never lost: every rebuild writes its rows again.
      ...(tracker && tracker.history.length > 0 ? { history: tracker.history } : {}),
    };
    const plan = carried?.plan ?? request.plan;
    const layout = (request.makeLayout ?? layoutWorkbook)(plan, options);
    request.adjust?.(layout);

    const naming = nameSheets(survey, layout, writes);
    const written = rewriteLayout(layout, naming);
    const writePlan = planWrites(written, {
      features,
      date1904: survey.date1904,
      fill: request.fill,
      budget: request.budget,
    });
    // People's workbook names that point at replaced sheets (PhuLuc's own names are set apart).
    const own = new Set([
      ...layout.names.map((n) => n.name.toLowerCase()),
      ...survey.names.filter(isMarker).map((n) => n.name.toLowerCase()),
    ]);
    refs = { ...refs, names: refs.names.filter((n) => !own.has(n.name.toLowerCase())) };
    const successors = successorNames(naming);
    const orphans = naming.replaced
      .filter((r) => !successors.has(r.survey.name.toLowerCase()))
      .map((r) => r.survey.name);
    // What this Excel could not read: notes and fills of the task list, people's validations.
    const unread: (keyof Features)[] = [];
    if (tracker?.taskList) unread.push('notes', 'cellProperties');
    if (scope.replaced.length > 0) unread.push('specialCells');
    const proxies = new Map<string, XlWorksheet>();
    const env: WriteEnv = {
      ctx,
      sheet: (name) => proxies.get(name) ?? ctx.workbook.worksheets.getItem(name),
    };
    const finish = swapOp(ctx, features, survey, naming, layout, request, refs);
    const report: BuildReport = {
      sheets: naming.writes.map((w) => ({ key: w.sheet.key, name: w.actual })),
      renamed: naming.writes
        .filter((w) => w.actual !== w.sheet.name)
        .map((w) => ({ key: w.sheet.key, wanted: w.sheet.name, name: w.actual })),
      carried: carried?.report.carried ?? 0,
      extraColumns: options.extraColumns ?? [],
      rebuild: carried?.report ?? null,
      omitted: [
        ...writePlan.omitted,
        ...(['properties', 'undoGroup', ...unread] as const)
          .filter((f, i, all) => !features[f] && all.indexOf(f) === i)
          .filter((f) => !writePlan.omitted.some((o) => o.feature === f))
          .map((feature) => ({ feature, ...OMISSION_TEXT[feature]! })),
      ],
      warnings: [
        ...(carried?.report.warnings ?? []),
        ...naming.warnings,
        ...refs.warnings,
        ...orphanWarnings(refs, orphans),
      ],
      syncs: 0,
      requests: requestsOf(writePlan, finish).map((r) => ({
        phase: r.phase,
        bytes: r.ops.reduce((n, o) => n + o.bytes, 0),
      })),
      oneUndoStep: features.undoGroup,
    };

    // 'swap' from the request that ends with the swap: a failure there may have renamed sheets
    // and reset people's references, which the restore then sets back.
    let stage = 'write';
    try {
      step('write');
      await executeWrites(env, writePlan, {
        beforeOps: (_env, index, last) => {
          if (index === 0) prepare(ctx, features, survey, naming, layout, proxies);
          if (last) {
            stage = 'swap';
            step('swap');
          }
        },
        beforeSync: () => {
          if (features.suspendCalculation) ctx.application.suspendApiCalculationUntilNextSync();
          if (features.suspendScreen) ctx.application.suspendScreenUpdatingUntilNextSync();
        },
        afterSync: (phase) => step(phase),
        finish,
      });
    } catch (error) {
      step('restore');
      const restored = await restore(ctx, features, survey, stage === 'swap' ? refs : NO_REFS).then(
        () => true,
        () => false,
      );
      throw new BuildError(
        restored
          ? `Không tạo được sổ theo dõi (${describe(error)}). Bảng tính đã được đưa về như trước.`
          : `Không tạo được sổ theo dõi (${describe(error)}), và không đưa được bảng tính về như trước. Hãy chạy lại: PhuLuc sẽ dọn các trang "${TEMP_PREFIX}…".`,
        restored
          ? `The workbook could not be built (${describe(error)}). It was put back as it was.`
          : `The workbook could not be built (${describe(error)}) nor put back as it was. Run the build again: PhuLuc will remove the "${TEMP_PREFIX}…" sheets.`,
        restored,
        stage,
        error,
      );
    }

    step('clean');
    const cleanupWarnings = await cleanUp(ctx, survey, naming);
    report.warnings.push(...cleanupWarnings);
    report.syncs = syncs;
    return report;
  });
}

/** Today where Excel runs (the add-in may read the clock; the core and the layout never do). */
export function todayIso(): IsoDate {
  return isoOfLocalDate(new Date());
}
