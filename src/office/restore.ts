// Putting the workbook back as it was after a failed build, from the survey taken before
// anything changed: sheets by id (visibility, names, positions; the new ones deleted), tables'
// names, every defined name, people's references, the stored settings, the document
// properties, the active sheet.

import type { XlRequestContext } from '../render/office/excel-api';
import type { Features } from '../render/office/features';
import { queueOriginals, type UserRefs } from './references';
import { SETTINGS_KEY, type Survey } from './survey';

export async function restore(
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
