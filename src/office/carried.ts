// What the old tracker gives the new build: its entries carried to the new plan's tasks
// (src/layout/tracker/carry.ts, as the command line does), and the answers the pane gave to the
// questions a carry can raise.

import { planIdentity } from '../core/plan/identity';
import type { IsoDate, Plan } from '../core/plan/types';
import { labelsFor, stateOfLabel, type EnteredValues } from '../layout';
import type { Language } from '../layout/labels';
import { carryOver, type Carried } from '../layout/tracker/carry';
import type { TrackerContents } from '../layout/tracker/model';
import { BuildError } from './build-error';
import type { Survey } from './survey';

/** The plan being built and the person's answers to a carry's questions. */
export interface CarryAnswers {
  plan: Plan;
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
  /** "Trước ngày X" counts X itself, for the tasks people typed into the task list. */
  beforeInclusive?: boolean;
}

/** A workbook PhuLuc has built before: its stored settings, a marker, its table or names. */
export function hasTraces(survey: Survey): boolean {
  return (
    survey.stored !== null ||
    survey.sheets.some((s) => s.key !== null) ||
    survey.tables.some((t) => /^PhuLuc_/i.test(t.name)) ||
    survey.names.some((n) => /^PhuLuc_/i.test(n.name))
  );
}

/**
 * What the old tracker gives the new plan (src/layout/tracker/carry.ts, as the command line
 * does), or null when there is no tracker to carry from. A plan that is not the tracker's, or
 * pairs of tasks nobody has decided on, stop the build with a question: nothing has changed yet.
 */
export function carryFrom(
  tracker: TrackerContents | null,
  request: CarryAnswers,
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
  const report = carried.report;
  if (report.plan.verdict === 'different' && !request.replacePlan) {
    const before = report.plan.before;
    const what = before?.number ?? before?.title ?? null;
    throw new BuildError(
      `Đây là kế hoạch khác với kế hoạch sổ này đang theo dõi${what ? ` (${what})` : ''}: chỉ ${Math.round(report.plan.share * 100)}% nhiệm vụ trùng nhau. Chưa có gì thay đổi.`,
      `This is another plan than the one this workbook tracks${what ? ` (${what})` : ''}: only ${Math.round(report.plan.share * 100)}% of the tasks are the same. Nothing was changed.`,
      true,
      'identity',
      undefined,
      'plan-differs',
      { plan: { before, after: planIdentity(request.plan), share: report.plan.share } },
    );
  }
  const open = report.uncertain.filter(
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
      { uncertain: report.uncertain },
    );
  }
  return carried;
}

/** A state label typed in one language, written in the workbook's language. */
export function translateStates(
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

export function mergeColumns(given: string[] | undefined, carried: string[]): string[] {
  const out = [...(given ?? [])];
  for (const c of carried) if (!out.some((x) => x.toLowerCase() === c.toLowerCase())) out.push(c);
  return out;
}
