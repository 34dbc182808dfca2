// Building (and rebuilding) the tracking workbook inside Excel, without losing anything.
//
//   S1  survey        sheets by id, names (PhuLuc's markers among them), tables, date system
//   S2  locate        (rebuild only) where the old task list, the removed-tasks sheet and the
//                     plan's identity are (./tracker.ts); where people's formulas, names,
//                     conditional formats and validations are (./references.ts)
//   S3  read          (rebuild only) what the one tracker reader needs, and those references,
//                     in requests sized for Excel's response limit (one for an ordinary plan);
//                     then readTracker and carryOver, as the command line does: a plan that is
//                     not the tracker's, or task pairs the matcher is unsure of, stop the build
//                     here with a question for the pane (BuildError.code)
//   W1  values        new sheets under temporary names ("PhuLuc~new~1"), hidden; missing names;
//                     widths, heights, panes, tab colours; values
//   W2  formulas      R1C1 runs
//   W3  formats       number formats, fonts, fills, alignment, borders
//   W4  rules         merges, table, conditional formats, validation, links, print
//   C1  swap          old sheets → "PhuLuc~old~n" (hidden); new sheets → their names; people's
//                     formulas, names, conditional formats and validations that pointed at the
//                     old sheets set again to point at the new ones; names re-pointed; settings
//                     stored; positions; events back on
//   C2  clean up      old sheets deleted
//
// Until C1 the old sheets are untouched, so a failure anywhere before it is undone by deleting
// the new sheets and names; a failure inside C1 is undone from the survey (names, positions,
// visibility restored by id, people's references set as they were). After C1 the new workbook
// is complete: a failing C2 only leaves
// hidden "PhuLuc~old~n" sheets, which the next build removes.
//
// A sheet with a name PhuLuc wants but no PhuLuc marker belongs to someone: it is never renamed,
// overwritten or deleted; the new sheet takes another name and the report says so.

import { planIdentity, type PlanIdentity } from '../core/plan/identity';
import { defaultHorizon } from '../core/status/items';
import type { IsoDate, Plan } from '../core/plan/types';
import {
  layoutWorkbook,
  labelsFor,
  stateOfLabel,
  type EnteredValues,
  type LayoutOptions,
} from '../layout';
import type { Language } from '../layout/labels';
import { carryOver, type Carried, type RebuildReport } from '../layout/tracker/carry';
import type { StoredPlanIdentity, TrackerContents } from '../layout/tracker/model';
import { readTracker } from '../layout/tracker/read';
import type { SheetKind, SheetLayout, WorkbookLayout } from '../layout/types';
import { executeWrites, planWrites, requestsOf, type WriteEnv } from '../render/office';
import type { ExcelHost, XlRequestContext, XlWorksheet } from '../render/office/excel-api';
import {
  detectFeatures,
  OMISSION_TEXT,
  type Features,
  type Omission,
} from '../render/office/features';
import { renameRefs, renameSheets } from '../layout/formula';
import { runReads } from './reads';
import {
  NO_REFS,
  orphanWarnings,
  queueOriginals,
  queueRefsLocate,
  queueResets,
  type UserRefs,
} from './references';
import {
  isMarker,
  kindOfKey,
  OLD_PREFIX,
  queueSurvey,
  SETTINGS_KEY,
  TEMP_PREFIX,
  type Survey,
  type SurveySheet,
} from './survey';
import { queueTrackerLocate, trackerReadJobs, valueEstimates } from './tracker';

export interface BuildRequest {
  plan: Plan;
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
  /**
   * The person confirmed that this plan replaces the one the workbook tracks, though it looks
   * like another plan (BuildError code "plan-differs").
   */
  replacePlan?: boolean;
  /** Task pairs the matcher is unsure of: all the same task (true) or none (false). */
  acceptUncertain?: boolean;
  /** Pairs decided one by one: the pair's key → the new task's id, or null ("not the same"). */
  decisions?: Record<string, string | null>;
  /** The day of the build, written on rows moved to the removed-tasks sheet (default: today). */
  today?: IsoDate;
  /** "Trước ngày X" counts X itself, for the tasks people typed into the task list. */
  beforeInclusive?: boolean;
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

/**
 * What the pane can act on: "plan-differs" and "tasks-uncertain" are questions (nothing was
 * changed; build again with `replacePlan`, or `decisions` / `acceptUncertain`); the others are
 * failures.
 */
export type BuildErrorCode =
  | 'excel-too-old'
  | 'name-taken'
  | 'read-failed'
  | 'write-failed'
  | 'plan-differs'
  | 'tasks-uncertain';

/** The question behind "plan-differs" / "tasks-uncertain". */
export interface BuildQuestion {
  plan?: { before: StoredPlanIdentity | null; after: PlanIdentity; share: number };
  uncertain?: RebuildReport['uncertain'];
}

export class BuildError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
    /** True when the workbook was put back as it was before the build. */
    readonly restored: boolean,
    readonly step: string,
    override readonly cause?: unknown,
    readonly code: BuildErrorCode = 'write-failed',
    readonly question?: BuildQuestion,
  ) {
    super(en);
    this.name = 'BuildError';
  }
}

/** What PhuLuc keeps in the workbook's settings so the ribbon commands can rebuild alone. */
export interface StoredSettings {
  schema: 'phuluc.settings/1';
  options: Partial<LayoutOptions>;
  document: Plan['document'];
  sections: Plan['sections'];
}

const MAX_NAME = 31;
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
    const tracker = before.tracker;
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
      requests: requestsOf(writePlan).map((r) => ({
        phase: r.phase,
        bytes: r.ops.reduce((n, o) => n + o.bytes, 0),
      })),
      oneUndoStep: features.undoGroup,
    };

    let stage = 'write';
    try {
      step('write');
      const proxies = new Map<string, XlWorksheet>();
      const env: WriteEnv = {
        ctx,
        sheet: (name) => proxies.get(name) ?? ctx.workbook.worksheets.getItem(name),
      };
      let prepared = false;
      await executeWrites(env, writePlan, {
        beforeOps: () => {
          if (prepared) return;
          prepare(ctx, features, survey, naming, layout, proxies);
          prepared = true;
        },
        beforeSync: () => {
          if (features.suspendCalculation) ctx.application.suspendApiCalculationUntilNextSync();
          if (features.suspendScreen) ctx.application.suspendScreenUpdatingUntilNextSync();
        },
        afterSync: (phase) => step(phase),
      });
      if (!prepared) {
        prepare(ctx, features, survey, naming, layout, proxies);
        await ctx.sync();
      }
      stage = 'swap';
      step('swap');
      swap(ctx, features, survey, naming, layout, request, refs);
      await ctx.sync();
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

/** A step that only reads: a failure there leaves the workbook untouched. */
async function untouched<T>(step: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BuildError) throw error;
    throw new BuildError(
      `Không đọc được bảng tính (${describe(error)}). Chưa có gì thay đổi.`,
      `The workbook could not be read (${describe(error)}). Nothing was changed.`,
      true,
      step,
      error,
      'read-failed',
    );
  }
}

function describe(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown };
    return (
      [e.code, e.message].filter((x) => typeof x === 'string' && x).join(': ') || String(error)
    );
  }
  return String(error);
}

// ---------- carried values ----------

/** A workbook PhuLuc has built before: its stored settings, a marker, its table or names. */
function hasTraces(survey: Survey): boolean {
  return (
    survey.stored !== null ||
    survey.sheets.some((s) => s.key !== null) ||
    survey.tables.some((t) => /^PhuLuc_/i.test(t.name)) ||
    survey.names.some((n) => /^PhuLuc_/i.test(n.name))
  );
}

/** Today where Excel runs (the add-in may read the clock; the core and the layout never do). */
export function todayIso(): IsoDate {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * What the old tracker gives the new plan (src/layout/tracker/carry.ts, as the command line
 * does), or null when there is no tracker to carry from. A plan that is not the tracker's, or
 * pairs of tasks nobody has decided on, stop the build with a question: nothing has changed yet.
 */
function carryFrom(
  tracker: TrackerContents | null,
  request: BuildRequest,
  today: IsoDate,
  horizon: number | null,
): Carried | null {
  if (!tracker || (!tracker.taskList && tracker.removed.length === 0)) return null;
  const carried = carryOver(tracker, request.plan, {
    today,
    horizon,
    ...(request.acceptUncertain !== undefined ? { acceptUncertain: request.acceptUncertain } : {}),
    ...(request.decisions ? { decisions: request.decisions } : {}),
    ...(request.beforeInclusive !== undefined ? { beforeInclusive: request.beforeInclusive } : {}),
  });
  const r = carried.report;
  if (r.plan.verdict === 'different' && !request.replacePlan) {
    const before = r.plan.before;
    const what = before?.number ?? before?.title ?? null;
    throw new BuildError(
      `Đây là kế hoạch khác với kế hoạch sổ này đang theo dõi${what ? ` (${what})` : ''}: chỉ ${Math.round(r.plan.share * 100)}% nhiệm vụ trùng nhau. Chưa có gì thay đổi.`,
      `This is another plan than the one this workbook tracks${what ? ` (${what})` : ''}: only ${Math.round(r.plan.share * 100)}% of the tasks are the same. Nothing was changed.`,
      true,
      'identity',
      undefined,
      'plan-differs',
      { plan: { before, after: planIdentity(request.plan), share: r.plan.share } },
    );
  }
  const open = r.uncertain.filter(
    (u) => request.acceptUncertain === undefined && request.decisions?.[u.key] === undefined,
  );
  if (open.length > 0) {
    throw new BuildError(
      `${open.length} cặp nhiệm vụ cũ – mới chưa chắc là cùng một nhiệm vụ: cần xác nhận trước khi mang dữ liệu đã nhập sang. Chưa có gì thay đổi.`,
      `${open.length} pairs of old and new tasks may or may not be the same task: they need confirming before the entries are carried. Nothing was changed.`,
      true,
      'identity',
      undefined,
      'tasks-uncertain',
      { uncertain: r.uncertain },
    );
  }
  return carried;
}

/** A state label typed in one language, written in the workbook's language. */
function translateStates(
  entered: Record<string, EnteredValues>,
  language: Language,
): Record<string, EnteredValues> {
  const labels = labelsFor(language).states;
  const out: Record<string, EnteredValues> = {};
  for (const [code, values] of Object.entries(entered)) {
    const state = values.state ? stateOfLabel(values.state) : null;
    out[code] = state ? { ...values, state: labels[state] } : values;
  }
  return out;
}

function mergeColumns(given: string[] | undefined, carried: string[]): string[] {
  const out = [...(given ?? [])];
  for (const c of carried) if (!out.some((x) => x.toLowerCase() === c.toLowerCase())) out.push(c);
  return out;
}

// ---------- names of the new sheets ----------

/** The PhuLuc sheets this build replaces, their tables, and every sheet that stays. */
function refsScope(survey: Survey, writes: (kind: string) => boolean) {
  const replaced = survey.sheets.filter(
    (s) => s.key !== null && s.leftover === null && writes(kindOfKey(s.key)),
  );
  const names = new Set(replaced.map((s) => s.name.toLowerCase()));
  return {
    replaced,
    tables: survey.tables.filter((t) => names.has(t.sheet.toLowerCase())).map((t) => t.name),
    kept: survey.sheets.filter((s) => s.leftover === null && !replaced.includes(s)),
  };
}

/** A replaced sheet's name (lower case) → the name of the new sheet of the same role. */
function successorNames(naming: Naming): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of naming.replaced) {
    const w = naming.writes.find((x) => x.sheet.key === r.survey.key);
    if (w) out.set(r.survey.name.toLowerCase(), w.actual);
  }
  return out;
}

interface SheetWrite {
  sheet: SheetLayout;
  /** Name while it is built. */
  temp: string;
  /** Name after the swap. */
  actual: string;
  /** Temporary table name, when the sheet has a table. */
  tempTable?: string;
}

interface Naming {
  writes: SheetWrite[];
  /** PhuLuc sheets replaced by this build (renamed to OLD names at the swap, then deleted). */
  replaced: { survey: SurveySheet; oldName: string }[];
  /** Layout sheets not written (commands): their existing names, by layout name. */
  kept: Map<string, string>;
  /** Layout sheet name (lower case) → the name formulas must use while building. */
  buildNames: Map<string, string>;
  /** Layout sheet name (lower case) → the name after the swap. */
  finalNames: Map<string, string>;
  tableRenames: Map<string, string>;
  warnings: { vi: string; en: string }[];
}

function nameSheets(
  survey: Survey,
  layout: WorkbookLayout,
  writes: (kind: string) => boolean,
): Naming {
  const lower = (s: string): string => s.toLowerCase();
  const existing = new Set(survey.sheets.map((s) => lower(s.name)));
  const existingTables = new Set([
    ...survey.tables.map((t) => lower(t.name)),
    ...survey.names.map((n) => lower(n.name)),
  ]);
  const written = layout.sheets.filter((s) => writes(s.kind));
  const ours = survey.sheets.filter((s) => s.key !== null && s.leftover === null);
  const replacedSheets = ours.filter((s) => writes(kindOfKey(s.key!)));
  const keptSheets = ours.filter((s) => !replacedSheets.includes(s));

  // Names that stay taken after the swap: every sheet that is neither replaced nor a leftover.
  const taken = new Set(
    survey.sheets
      .filter((s) => !replacedSheets.includes(s) && s.leftover === null)
      .map((s) => lower(s.name)),
  );
  const warnings: Naming['warnings'] = [];
  const kept = new Map<string, string>();
  for (const sheet of layout.sheets) {
    if (writes(sheet.kind)) continue;
    const have = keptSheets.find((s) => s.key === sheet.key);
    if (have) kept.set(lower(sheet.name), have.name);
  }

  let n = 1;
  const free = (prefix: string, used: Set<string>): string => {
    while (used.has(lower(`${prefix}${n}`))) n++;
    const name = `${prefix}${n}`;
    used.add(lower(name));
    return name;
  };
  const usedNow = new Set(existing);
  const usedTables = new Set(existingTables);
  const writesOut: SheetWrite[] = [];
  for (const sheet of written) {
    let actual = sheet.name;
    if (taken.has(lower(actual))) {
      for (let k = 2; taken.has(lower(actual)); k++) {
        const suffix = ` (${k})`;
        actual =
          [...sheet.name]
            .slice(0, MAX_NAME - suffix.length)
            .join('')
            .trimEnd() + suffix;
      }
      warnings.push({
        vi: `Đã có trang "${sheet.name}" không do PhuLuc tạo: PhuLuc không ghi đè lên trang đó, trang mới có tên "${actual}".`,
        en: `A sheet named "${sheet.name}" that PhuLuc did not create already exists: it was left alone, and the new sheet is called "${actual}".`,
      });
    }
    taken.add(lower(actual));
    const temp = free(TEMP_PREFIX, usedNow);
    const write: SheetWrite = { sheet, temp, actual };
    if (sheet.table) {
      if (
        survey.tables.some(
          (t) =>
            lower(t.name) === lower(sheet.table!.name) &&
            !ours.some((s) => lower(s.name) === lower(t.sheet)),
        )
      ) {
        throw new BuildError(
          `Bảng tính đã có một bảng hoặc tên "${sheet.table.name}" không do PhuLuc tạo. Hãy đổi tên bảng đó rồi chạy lại.`,
          `The workbook already has a table or name "${sheet.table.name}" that PhuLuc did not create. Rename it and try again.`,
          true,
          'survey',
          undefined,
          'name-taken',
        );
      }
      let t = 1;
      while (usedTables.has(lower(`PhuLuc_tmp_${t}`))) t++;
      write.tempTable = `PhuLuc_tmp_${t}`;
      usedTables.add(lower(write.tempTable));
    }
    writesOut.push(write);
  }

  let o = 1;
  const replaced = replacedSheets.map((s) => {
    while (usedNow.has(lower(`${OLD_PREFIX}${o}`))) o++;
    const oldName = `${OLD_PREFIX}${o}`;
    usedNow.add(lower(oldName));
    return { survey: s, oldName };
  });

  const buildNames = new Map<string, string>();
  const finalNames = new Map<string, string>();
  for (const [name, have] of kept) {
    buildNames.set(name, have);
    finalNames.set(name, have);
  }
  const tableRenames = new Map<string, string>();
  for (const w of writesOut) {
    buildNames.set(lower(w.sheet.name), w.temp);
    finalNames.set(lower(w.sheet.name), w.actual);
    if (w.sheet.table && w.tempTable) tableRenames.set(lower(w.sheet.table.name), w.tempTable);
  }
  return { writes: writesOut, replaced, kept, buildNames, finalNames, tableRenames, warnings };
}

/** The layout as it is written: sheets under temporary names, formulas pointing at them. */
function rewriteLayout(layout: WorkbookLayout, naming: Naming): WorkbookLayout {
  const f = (formula: string): string =>
    renameRefs(formula, naming.buildNames, naming.tableRenames);
  const sheets = naming.writes.map(({ sheet, temp, tempTable }) => {
    const finalOf = (name: string): string => naming.finalNames.get(name.toLowerCase()) ?? name;
    return {
      ...sheet,
      name: temp,
      blocks: sheet.blocks.map((block) => ({
        ...block,
        rows: block.rows.map((row) =>
          row.map((cell) => {
            if (!cell) return cell;
            let out = cell;
            if (cell.formula !== undefined) out = { ...out, formula: f(cell.formula) };
            if (cell.link) {
              // Links are text: Excel does not follow renames, so they name the final sheets.
              const target = finalOf(cell.link.sheet);
              out = {
                ...out,
                link: { ...cell.link, sheet: target },
                ...(cell.text === cell.link.sheet ? { text: target } : {}),
              };
            }
            return out;
          }),
        ),
      })),
      conditionalFormats: sheet.conditionalFormats.map((cf) => ({
        ...cf,
        rules: cf.rules.map((rule) => ({ ...rule, formula: f(rule.formula) })),
      })),
      dataValidations: sheet.dataValidations.map((dv) => ({
        ...dv,
        ...(dv.source?.startsWith('=') ? { source: `=${f(dv.source.slice(1))}` } : {}),
      })),
      ...(sheet.table && tempTable ? { table: { ...sheet.table, name: tempTable } } : {}),
    };
  });
  return { ...layout, sheets };
}

// ---------- W1 preparation: queued before the first write request ----------

function prepare(
  ctx: XlRequestContext,
  features: Features,
  survey: Survey,
  naming: Naming,
  layout: WorkbookLayout,
  proxies: Map<string, XlWorksheet>,
): void {
  if (features.events) ctx.runtime.enableEvents = false;
  for (const w of naming.writes) {
    const ws = ctx.workbook.worksheets.add(w.temp);
    ws.visibility = 'Hidden';
    proxies.set(w.temp, ws);
  }
  // Names the workbook does not have yet are added now, pointing at the new sheets (a rename
  // carries them along); existing ones are re-pointed at the swap.
  const have = new Set(survey.names.map((n) => n.name.toLowerCase()));
  for (const name of namesToWrite(layout, naming)) {
    if (have.has(name.name.toLowerCase())) continue;
    ctx.workbook.names.add(
      name.name,
      `=${renameSheets(name.ref.replace(/^=/, ''), naming.buildNames)}`,
      name.comment ?? '',
    );
  }
}

/** Layout names whose reference lies on a sheet this build writes. */
function namesToWrite(layout: WorkbookLayout, naming: Naming): WorkbookLayout['names'] {
  const writtenNames = new Set(naming.writes.map((w) => w.sheet.name.toLowerCase()));
  return layout.names.filter((n) => {
    const target = refSheet(n.ref);
    return target !== null && writtenNames.has(target.toLowerCase());
  });
}

function refSheet(ref: string): string | null {
  const text = ref.replace(/^=/, '');
  if (text.startsWith("'")) {
    const end = text.indexOf("'!", 1);
    return end > 0 ? text.slice(1, end).replace(/''/g, "'") : null;
  }
  const bang = text.indexOf('!');
  return bang > 0 ? text.slice(0, bang) : null;
}

// ---------- C1 swap ----------

function swap(
  ctx: XlRequestContext,
  features: Features,
  survey: Survey,
  naming: Naming,
  layout: WorkbookLayout,
  request: BuildRequest,
  refs: UserRefs,
): void {
  const wb = ctx.workbook;
  const lower = (s: string): string => s.toLowerCase();
  // 1. Old sheets step aside, and their tables free the names the new ones take.
  const newTables = new Set(
    naming.writes.filter((w) => w.sheet.table).map((w) => lower(w.sheet.table!.name)),
  );
  let t = 1;
  const tableNames = new Set([
    ...survey.tables.map((x) => lower(x.name)),
    ...survey.names.map((x) => lower(x.name)),
  ]);
  for (const { survey: s, oldName } of naming.replaced) {
    wb.worksheets.getItem(s.id).name = oldName;
    for (const table of survey.tables.filter(
      (x) => lower(x.sheet) === lower(s.name) && newTables.has(lower(x.name)),
    )) {
      while (tableNames.has(lower(`PhuLuc_old_${t}`))) t++;
      tableNames.add(lower(`PhuLuc_old_${t}`));
      wb.tables.getItemOrNullObject(table.id).name = `PhuLuc_old_${t}`;
    }
  }
  // 2. New sheets take their names and show.
  for (const w of naming.writes) {
    const ws = wb.worksheets.getItem(w.temp);
    ws.name = w.actual;
    if (!w.sheet.hidden) ws.visibility = 'Visible';
    if (w.sheet.table && w.tempTable)
      wb.tables.getItemOrNullObject(w.tempTable).name = w.sheet.table.name;
  }
  // 3. Old sheets hide until they are deleted.
  for (const { oldName } of naming.replaced) wb.worksheets.getItem(oldName).visibility = 'Hidden';
  // Excel has just made people's references follow the old sheets to "PhuLuc~old~n": they are
  // set again, pointing at the new sheet of the same role (or, without one, at the old sheet).
  const successors = successorNames(naming);
  const map = new Map(
    naming.replaced.map((r) => [
      lower(r.survey.name),
      successors.get(lower(r.survey.name)) ?? r.oldName,
    ]),
  );
  queueResets(ctx, refs, map, successors);
  // 4. Names that existed before point at the new sheets.
  const before = new Map(survey.names.map((n) => [lower(n.name), n]));
  const layoutNames = namesToWrite(layout, naming);
  for (const name of layoutNames) {
    if (!before.has(lower(name.name))) continue;
    const item = wb.names.getItemOrNullObject(name.name);
    item.formula = `=${renameSheets(name.ref.replace(/^=/, ''), naming.finalNames)}`;
    if (name.comment !== undefined) item.comment = name.comment;
  }
  // 5. Markers of replaced sheets that the new layout no longer has go.
  const replacedNames = new Set(naming.replaced.map((r) => lower(r.survey.name)));
  const wanted = new Set(layout.names.map((n) => lower(n.name)));
  for (const n of survey.names) {
    if (wanted.has(lower(n.name)) || n.sheet === null || !replacedNames.has(lower(n.sheet)))
      continue;
    if (isMarker(n)) wb.names.getItemOrNullObject(n.name).delete();
  }
  // 6. What the ribbon commands need to rebuild on their own.
  const stored: StoredSettings = {
    schema: 'phuluc.settings/1',
    options: storableOptions(request.options ?? {}),
    document: request.plan.document,
    sections: request.plan.sections,
  };
  wb.settings.add(SETTINGS_KEY, stored);
  if (features.properties) {
    const p = layout.properties;
    const props = wb.properties;
    props.title = p.title.slice(0, 255);
    props.subject = p.subject.slice(0, 255);
    props.author = p.creator.slice(0, 255);
    props.comments = p.description.slice(0, 255);
  }
  // 7. The new sheets where the old ones were, in the layout's order; the first page shown.
  const first =
    naming.replaced.length > 0 ? Math.min(...naming.replaced.map((r) => r.survey.position)) : null;
  if (first !== null) {
    naming.writes.forEach((w, i) => {
      wb.worksheets.getItem(w.actual).position = first + i;
    });
  }
  const active =
    naming.writes.find((w) => w.sheet.name === layout.activeSheet && !w.sheet.hidden) ??
    naming.writes.find((w) => !w.sheet.hidden);
  if (active) wb.worksheets.getItem(active.actual).activate();
  if (features.events) ctx.runtime.enableEvents = true;
}

function storableOptions(options: Partial<LayoutOptions>): Partial<LayoutOptions> {
  const rest = { ...options };
  delete rest.entered;
  delete rest.extraColumns;
  return rest;
}

// ---------- C2 clean-up ----------

async function cleanUp(
  ctx: XlRequestContext,
  survey: Survey,
  naming: Naming,
): Promise<{ vi: string; en: string }[]> {
  const ids = [
    ...naming.replaced.map((r) => r.survey.id),
    ...survey.sheets.filter((s) => s.leftover).map((s) => s.id),
  ];
  if (ids.length === 0) return [];
  const attempt = async (): Promise<void> => {
    const sheets = ctx.workbook.worksheets.load('items/id');
    await ctx.sync();
    const present = new Set(sheets.items.map((s) => s.id));
    const todo = ids.filter((id) => present.has(id));
    if (todo.length === 0) return;
    for (const id of todo) ctx.workbook.worksheets.getItem(id).delete();
    await ctx.sync();
  };
  // The usual case: one request that deletes them all.
  try {
    for (const id of ids) ctx.workbook.worksheets.getItem(id).delete();
    await ctx.sync();
    return [];
  } catch {
    try {
      await attempt();
      return [];
    } catch {
      return [
        {
          vi: `Sổ mới đã tạo xong, nhưng chưa xoá được các trang cũ (ẩn, tên "${OLD_PREFIX}…"). Lần tạo sổ sau sẽ xoá chúng; cũng có thể xoá tay.`,
          en: `The new workbook is complete, but the old sheets (hidden, named "${OLD_PREFIX}…") could not be deleted. The next build removes them; they can also be deleted by hand.`,
        },
      ];
    }
  }
}

// ---------- restoring the workbook after a failure ----------

async function restore(
  ctx: XlRequestContext,
  features: Features,
  survey: Survey,
  refs: UserRefs,
): Promise<void> {
  const wb = ctx.workbook;
  const sheets = wb.worksheets.load('items/id,items/name,items/position,items/visibility');
  const names = wb.names.load('items/name,items/formula,items/comment');
  const tables = wb.tables.load('items/id,items/name');
  const setting = wb.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('key');
  await ctx.sync();
  const before = new Map(survey.sheets.map((s) => [s.id, s]));
  // Visibility first, so deleting the new sheets never leaves the workbook without a visible one.
  for (const s of sheets.items) {
    const was = before.get(s.id);
    if (was && was.visibility !== s.visibility)
      wb.worksheets.getItem(s.id).visibility = was.visibility;
  }
  for (const s of sheets.items) if (!before.has(s.id)) wb.worksheets.getItem(s.id).delete();
  for (const s of sheets.items) {
    const was = before.get(s.id);
    if (was && was.name !== s.name) wb.worksheets.getItem(s.id).name = was.name;
  }
  for (const was of [...survey.sheets].sort((a, b) => a.position - b.position)) {
    wb.worksheets.getItem(was.id).position = was.position;
  }
  const tablesBefore = new Map(survey.tables.map((t) => [t.id, t]));
  for (const t of tables.items) {
    const was = tablesBefore.get(t.id);
    if (was && was.name !== t.name) wb.tables.getItemOrNullObject(t.id).name = was.name;
  }
  const namesNow = new Map(names.items.map((n) => [n.name.toLowerCase(), n]));
  const namesBefore = new Set(survey.names.map((n) => n.name.toLowerCase()));
  for (const n of names.items) if (!namesBefore.has(n.name.toLowerCase())) n.delete();
  // Every name is set again: deleting the new sheets above may have turned a reference that
  // looked unchanged into #REF!.
  for (const was of survey.names) {
    const now = namesNow.get(was.name.toLowerCase());
    if (!now) wb.names.add(was.name, was.formula, was.comment);
    else {
      now.formula = was.formula;
      now.comment = was.comment;
    }
  }
  // People's formulas, names, formats and validations as they were (the old sheets have their
  // names back; what was pointed at the new ones turned into #REF! when they went).
  queueOriginals(ctx, refs);
  if (survey.stored !== null) wb.settings.add(SETTINGS_KEY, survey.stored);
  else if (!setting.isNullObject) setting.delete();
  if (survey.properties) {
    const props = wb.properties;
    props.title = survey.properties.title;
    props.subject = survey.properties.subject;
    props.author = survey.properties.author;
    props.comments = survey.properties.comments;
  }
  if (survey.active && before.get(survey.active)?.visibility === 'Visible')
    wb.worksheets.getItem(survey.active).activate();
  if (features.events) ctx.runtime.enableEvents = true;
  await ctx.sync();
}
