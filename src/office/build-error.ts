// What a build tells the pane when it stops: a question (nothing was changed; build again with
// the answer) or a failure (the workbook put back as it was, or not), in Vietnamese and English.

import type { PlanIdentity } from '../core/plan/identity';
import type { RebuildReport } from '../layout/tracker/carry';
import type { StoredPlanIdentity } from '../layout/tracker/model';

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

/** A step that only reads: a failure there leaves the workbook untouched. */
export async function untouched<T>(step: string, run: () => Promise<T>): Promise<T> {
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

/** An error from Excel (or anything thrown) in a few words: its code and message. */
export function describe(error: unknown): string {
  if (error && typeof error === 'object') {
    const failure = error as { code?: unknown; message?: unknown };
    return (
      [failure.code, failure.message].filter((x) => typeof x === 'string' && x).join(': ') ||
      String(error)
    );
  }
  return String(error);
}
