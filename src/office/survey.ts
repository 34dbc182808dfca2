// The first request of every build: what the workbook holds before PhuLuc touches it. Sheets
// (by id, so a sheet is recognised whatever it is called now), defined names (PhuLuc's
// markers among them), tables, the date system and the settings PhuLuc stored last time.
//
// A sheet is PhuLuc's when a marker points at it: a workbook-level defined name that refers to
// the sheet's A1, named "PhuLuc_…" or commented "PhuLuc: <key>". The marker follows the sheet
// through renames (Excel rewrites the name's reference), so a sheet a person created under a
// name PhuLuc wants is never taken for PhuLuc's.

import type { XlRequestContext } from '../render/office/excel-api';
import { sheetOfReference } from '../excel/formula';

/** Sheets left by a build that did not finish: "PhuLuc~new~3", "PhuLuc~old~1". */
export const TEMP_PREFIX = 'PhuLuc~new~';
export const OLD_PREFIX = 'PhuLuc~old~';
export const SETTINGS_KEY = 'PhuLuc';

export interface SurveySheet {
  id: string;
  name: string;
  position: number;
  visibility: string;
  /** The layout key ("tasks", "unit:…") when a PhuLuc marker points here. */
  key: string | null;
  /** The marker's name. */
  marker: string | null;
  /** Left by an interrupted build. */
  leftover: 'new' | 'old' | null;
}

export interface SurveyName {
  name: string;
  formula: string;
  comment: string;
  /** The sheet its reference names, when it is a reference to one sheet. */
  sheet: string | null;
}

export interface SurveyTable {
  id: string;
  name: string;
  sheet: string;
}

export interface Survey {
  sheets: SurveySheet[];
  names: SurveyName[];
  tables: SurveyTable[];
  date1904: boolean;
  stored: unknown;
  /** Id of the active sheet. */
  active: string | null;
  /** Document properties (ExcelApi 1.7), to put back after a failed build. */
  properties: { title: string; subject: string; author: string; comments: string } | null;
}

const MARKER_COMMENT = /^PhuLuc:\s*(.+)$/;

/**
 * A marker names one cell of its sheet: A1 as PhuLuc writes it, or the cell A1 became when a
 * person inserted rows or columns above or before it (Excel moves the name along).
 */
export function isMarker(name: SurveyName): boolean {
  return (
    (MARKER_COMMENT.test(name.comment) || /^PhuLuc_/i.test(name.name)) &&
    name.sheet !== null &&
    /!\$[A-Z]{1,3}\$\d+$/i.test(name.formula)
  );
}

/** Queues the survey; call the returned function after the sync. */
export function queueSurvey(ctx: XlRequestContext, withProperties = true): () => Survey {
  const wb = ctx.workbook;
  const props = withProperties ? wb.properties.load('title,subject,author,comments') : null;
  const sheets = wb.worksheets.load('items/id,items/name,items/position,items/visibility');
  const names = wb.names.load('items/name,items/formula,items/comment');
  const tables = wb.tables.load('items/id,items/name,items/worksheet/name');
  const epoch = wb.functions.date(1904, 1, 1).load('value');
  const stored = wb.settings.getItemOrNullObject(SETTINGS_KEY).load('value');
  const active = wb.worksheets.getActiveWorksheet().load('id');
  return () => {
    const nameList: SurveyName[] = names.items.map((n) => ({
      name: n.name,
      formula: n.formula,
      comment: n.comment ?? '',
      sheet: sheetOfReference(n.formula),
    }));
    const markers = new Map<string, SurveyName>();
    for (const n of nameList) {
      if (isMarker(n)) markers.set(n.sheet!.toLowerCase(), n);
    }
    const sheetList: SurveySheet[] = sheets.items.map((s) => {
      const marker = markers.get(s.name.toLowerCase()) ?? null;
      const key = marker
        ? (MARKER_COMMENT.exec(marker.comment)?.[1]?.trim() ?? keyFromMarker(marker.name))
        : null;
      return {
        id: s.id,
        name: s.name,
        position: s.position,
        visibility: s.visibility,
        key,
        marker: marker?.name ?? null,
        leftover: s.name.startsWith(TEMP_PREFIX)
          ? 'new'
          : s.name.startsWith(OLD_PREFIX)
            ? 'old'
            : null,
      };
    });
    return {
      sheets: sheetList,
      names: nameList,
      tables: tables.items.map((t) => ({ id: t.id, name: t.name, sheet: t.worksheet.name })),
      date1904: epoch.value === 0,
      stored: stored.isNullObject ? null : stored.value,
      active: active.id,
      properties: props
        ? {
            title: props.title,
            subject: props.subject,
            author: props.author,
            comments: props.comments,
          }
        : null,
    };
  };
}

/** Markers written without a comment (e.g. by an older .xlsx): the well-known fixed names. */
function keyFromMarker(name: string): string | null {
  const fixed: Record<string, string> = {
    phuluc_tonghop: 'dashboard',
    phuluc_nhiemvu: 'tasks',
    phuluc_dabo: 'removed',
    phuluc_kiemtra: 'findings',
    phuluc_donvi: 'units',
    phuluc_phancong: 'assignments',
    phuluc_caidat: 'settings',
    phuluc_lichsu: 'history',
  };
  const k = fixed[name.toLowerCase()];
  if (k) return k;
  return /^PhuLuc_DV_/i.test(name) ? `unit:?${name}` : null;
}

/** The kind of sheet a layout key names: "unit:Sở Y tế" → "unit". */
export function kindOfKey(key: string): string {
  return key.startsWith('unit:') ? 'unit' : key;
}
