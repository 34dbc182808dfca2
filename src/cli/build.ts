// `phuluc build FILE -o OUT.xlsx`: an appendix (text, .xlsx, .docx, PDF, or the JSON of
// `phuluc parse --json`) → the tracking workbook. The steps live beside this file: the options
// (./build-options), reading the input (./plan-input, ./plan-json), rebuilding over an existing
// tracker (./tracker-rebuild) and writing the result (./build-output). The file appears whole or
// not at all: it is written next to OUT under a temporary name, then renamed (./write).

import { defaultHorizon } from '../core/status/items';
import { layoutWorkbook } from '../layout';
import type { Carried } from '../layout/tracker/carry';
import { isFontName } from '../layout/metrics';
import {
  checkBuildArgs,
  localToday,
  refuseOverwritingInput,
  type BuildArgs,
} from './build-options';
import { writeTracker } from './build-output';
import type { CommandIO } from './io';
import { noTasksError, readAnyPlan } from './plan-input';
import { carryIntoPlan, readExistingTracker } from './tracker-rebuild';
import { loadUnitDirectory } from './units';

/** Runs `phuluc build`; returns the exit status (CliErrors are thrown to the caller). */
export async function runBuild(args: BuildArgs, io: CommandIO): Promise<number> {
  const { file, output, dueSoonDays } = checkBuildArgs(args);
  await refuseOverwritingInput([file, args.units], output);
  const directory = args.units ? await loadUnitDirectory(args.units) : undefined;
  const parsed = await readAnyPlan(file, { beforeInclusive: args.beforeInclusive, directory }, io);
  if (parsed.tasks.length === 0) throw noTasksError(file, parsed);
  const existing = await readExistingTracker(output);
  const today = localToday();
  // Recurring tasks run to the horizon: the year set in the tracker's Cài đặt, else the later of
  // the plan's last year and the report date's (with =TODAY(): this year).
  const horizon = defaultHorizon(
    parsed,
    Number((args.today ?? today).slice(0, 4)),
    existing?.tracker.horizon ?? null,
  );
  const carried: Carried | null = existing
    ? carryIntoPlan(existing, parsed, output, {
        today,
        horizon,
        acceptUncertain: args.acceptUncertain,
        beforeInclusive: args.beforeInclusive,
        replacePlan: args.replacePlan,
      })
    : null;
  const plan = carried?.plan ?? parsed;

  const layout = layoutWorkbook(plan, {
    reportDate: args.today ?? null,
    buildDate: today,
    horizon: existing?.tracker.horizon ?? null,
    minHorizon: carried?.horizon ?? null,
    dueSoonDays,
    language: args.lang,
    groupSheets: args.groupSheets,
    ...(args.font && isFontName(args.font) ? { font: args.font } : {}),
    ...(carried
      ? {
          entered: carried.entered,
          extraColumns: carried.extraColumns,
          removed: carried.removed,
          moved: carried.moved,
        }
      : {}),
    ...(existing
      ? { reservedSheetNames: existing.othersSheets, history: existing.tracker.history }
      : {}),
  });
  await writeTracker(
    layout,
    {
      output,
      taskCount: plan.tasks.length,
      existing,
      carried,
      reportDate: args.today ?? null,
      lang: args.lang,
    },
    io,
  );
  return 0;
}
