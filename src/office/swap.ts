// The two ends of a build's writes.
//   prepare  queued before the first write: events off, the new sheets added under their
//            temporary names (hidden), the names the workbook does not have yet;
//   swap     queued after the last write, in the same request: the old sheets step aside
//            ("PhuLuc~old~n", hidden), the new ones take their names and show, people's
//            references are set again, names re-pointed, settings and properties stored, the
//            sheets put where the old ones were, events back on.
// Until the swap the old sheets are untouched; a failure inside it is undone from the survey
// (./restore.ts).

import type { Plan } from '../core/plan/types';
import type { LayoutOptions } from '../layout';
import { renameSheets } from '../excel/formula';
import type { WorkbookLayout } from '../layout/types';
import { ACTION_BYTES, cost, jsonBytes, PATH_BYTES, type WriteOp } from '../render/office/ops';
import type { XlRequestContext, XlWorksheet } from '../render/office/excel-api';
import type { Features } from '../render/office/features';
import { namesToWrite, successorNames, type Naming } from './naming';
import { queueResets, type UserRefs } from './references';
import { isMarker, SETTINGS_KEY, type Survey } from './survey';

/** What PhuLuc keeps in the workbook's settings so the ribbon commands can rebuild alone. */
export interface StoredSettings {
  schema: 'phuluc.settings/1';
  options: Partial<LayoutOptions>;
  document: Plan['document'];
  sections: Plan['sections'];
}

export function prepare(
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

export function swap(
  ctx: XlRequestContext,
  features: Features,
  survey: Survey,
  naming: Naming,
  layout: WorkbookLayout,
  request: { plan: Plan; options?: Partial<LayoutOptions> },
  refs: UserRefs,
): void {
  const wb = ctx.workbook;
  const lower = (s: string): string => s.toLowerCase();
  // 1. Old sheets step aside, and their tables free the names the new ones take.
  const newTables = new Set(
    naming.writes.filter((w) => w.sheet.table).map((w) => lower(w.sheet.table!.name)),
  );
  let oldTable = 1;
  const tableNames = new Set([
    ...survey.tables.map((x) => lower(x.name)),
    ...survey.names.map((x) => lower(x.name)),
  ]);
  for (const { survey: s, oldName } of naming.replaced) {
    wb.worksheets.getItem(s.id).name = oldName;
    for (const table of survey.tables.filter(
      (x) => lower(x.sheet) === lower(s.name) && newTables.has(lower(x.name)),
    )) {
      while (tableNames.has(lower(`PhuLuc_old_${oldTable}`))) oldTable++;
      tableNames.add(lower(`PhuLuc_old_${oldTable}`));
      wb.tables.getItemOrNullObject(table.id).name = `PhuLuc_old_${oldTable}`;
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
    const wanted = layout.properties;
    const props = wb.properties;
    props.title = wanted.title.slice(0, 255);
    props.subject = wanted.subject.slice(0, 255);
    props.author = wanted.creator.slice(0, 255);
    props.comments = wanted.description.slice(0, 255);
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
  // Lịch sử lives on its sheet (read back on every build), not in the settings.
  delete rest.history;
  return rest;
}

/**
 * The swap as the last write operation, with an estimate of its bytes in the request: every
 * formula, name and text it sets, and an action with two object paths (a sheet, name or range
 * fetched, and the object set) for each thing it changes.
 */
export function swapOp(
  ctx: XlRequestContext,
  features: Features,
  survey: Survey,
  naming: Naming,
  layout: WorkbookLayout,
  request: { plan: Plan; options?: Partial<LayoutOptions> },
  refs: UserRefs,
): WriteOp {
  const replacedNames = new Set(naming.replaced.map((r) => r.survey.name.toLowerCase()));
  const markers = survey.names.filter(
    (n) => isMarker(n) && n.sheet !== null && replacedNames.has(n.sheet.toLowerCase()),
  );
  const texts = [
    ...naming.writes.flatMap((w) => [w.temp, w.actual, w.tempTable ?? '']),
    ...naming.replaced.map((r) => r.oldName),
    ...refs.names.map((n) => n.formula),
    ...[...refs.scoped, ...refs.onReplaced].flatMap((n) => [n.sheet, n.name, n.formula, n.comment]),
    ...refs.cells.map((c) => c.formula),
    ...refs.conditionalFormats.map((c) => c.formula),
    ...layout.names.flatMap((n) => [n.name, n.ref, n.comment ?? '']),
    ...markers.map((n) => n.name),
  ];
  // Renames, visibility, table names and positions; people's references; names re-pointed;
  // markers deleted; settings, properties, the active sheet, events.
  const actions =
    4 * naming.writes.length +
    2 * naming.replaced.length +
    survey.tables.length +
    refs.names.length +
    refs.scoped.length +
    refs.onReplaced.length +
    refs.cells.length +
    refs.conditionalFormats.length +
    5 * refs.validations.length +
    2 * layout.names.length +
    markers.length +
    8;
  const stored = {
    options: storableOptions(request.options ?? {}),
    document: request.plan.document,
    sections: request.plan.sections,
  };
  return {
    bytes:
      cost(0, stored, layout.properties) +
      actions * (ACTION_BYTES + 2 * PATH_BYTES) +
      texts.reduce((n, t) => n + jsonBytes(t), 0) +
      refs.validations.reduce(
        (n, v) => n + jsonBytes([v.sheet, v.address, v.rule, v.prompt, v.errorAlert]),
        0,
      ),
    run: () => swap(ctx, features, survey, naming, layout, request, refs),
  };
}
