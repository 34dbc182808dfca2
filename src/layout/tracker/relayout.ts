// A tracker laid out again from itself, without the appendix: its plan read back from its task
// list (./plan.ts), what people typed carried by the one carry-over (./carry.ts), its settings
// (report date, "due soon" days, horizon, language) and its Lịch sử (as the contents hold it)
// kept. Merging units'
// answers and recording files sent end here, then go through the same writers as a build.

import { defaultHorizon } from '../../core/status/items';
import type { IsoDate, Plan } from '../../core/plan/types';
import { layoutWorkbook } from '../index';
import type { WorkbookLayout } from '../types';
import { unitMarker } from '../sheets/unit';
import { carryOver, type RebuildReport } from './carry';
import type { TrackerContents } from './model';
import { planFromTracker } from './plan';

export interface Relayout {
  plan: Plan;
  layout: WorkbookLayout;
  report: RebuildReport;
}

export function relayoutTracker(
  tracker: TrackerContents,
  options: {
    /** The day of this build (stored values with =TODAY(), rows moved to "Nhiệm vụ đã bỏ"). */
    today: IsoDate;
    /** Names of the workbook's sheets that are not PhuLuc's. */
    reservedSheetNames: string[];
    /** Workbook-level names of the workbook (to see which unit sheets it had). */
    names: string[];
  },
): Relayout {
  const { plan: read } = planFromTracker(tracker);
  const reportDate = tracker.settings.reportDate;
  const horizon = defaultHorizon(
    read,
    Number((reportDate ?? options.today).slice(0, 4)),
    tracker.horizon,
  );
  const carried = carryOver(tracker, read, { today: options.today, horizon });
  const plan = carried.plan;
  // Group units had sheets of their own when the tracker was built with --group-sheets.
  const names = new Set(options.names.map((n) => n.toLowerCase()));
  const groupSheets = plan.units.some(
    (u) => u.group && u.leadCount > 0 && names.has(unitMarker(u.name).toLowerCase()),
  );
  const layout = layoutWorkbook(plan, {
    reportDate,
    buildDate: options.today,
    horizon: tracker.horizon,
    minHorizon: carried.horizon,
    dueSoonDays: tracker.settings.dueSoonDays ?? 7,
    language: tracker.language,
    groupSheets,
    entered: carried.entered,
    extraColumns: carried.extraColumns,
    removed: carried.removed,
    moved: carried.moved,
    history: tracker.history,
    reservedSheetNames: options.reservedSheetNames,
  });
  return { plan, layout, report: carried.report };
}
