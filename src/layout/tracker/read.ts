// The one reader of an existing tracker, for every door (see ./model.ts). It finds PhuLuc's task
// list wherever it is — the Excel table first, then the sheet PhuLuc's marker names, then a
// header row holding "Mã" and "Trạng thái" anywhere in any sheet — and reads every row: the
// task's facts (to recognise it in a revised plan) and what people typed, in its type.

import { foldForMatch } from '../../core/text/normalize';
import { viDate } from '../../core/time/calendar';
import { isoFromText, serialToIso } from '../../excel/dates';
import { TASK_LIST_ENTRY_COLUMNS, TASK_LIST_ALL_COLUMNS, type TaskListColumn } from '../context';
import { parseBoxRef, parseCellRef, splitSheetRef } from '../../excel/a1';
import { labelsFor, type Language } from '../labels';
import { CATEGORY_NAMES, HORIZON_NAME, STATE_NAMES } from '../names';
import { STYLES } from '../styles';
import type {
  CarriedValue,
  Entries,
  HistoryAction,
  HistoryRow,
  ReadBook,
  ReadCell,
  ReadSheet,
  ReadValue,
  StoredPlanIdentity,
  TaskListPlace,
  TrackedRow,
  TrackerContents,
} from './model';

/** Defined names and table names PhuLuc writes; the layout uses the same constants. */
export const TASK_TABLE = 'PhuLuc_NhiemVu_Bang';
const TASK_MARKER = 'PhuLuc_NhiemVu';
const REMOVED_MARKER = 'PhuLuc_DaBo';
export const IDENTITY_NAME = 'PhuLuc_KeHoach';
export const HISTORY_MARKER = 'PhuLuc_LichSu';

type Field = TaskListColumn | 'removedOn';

const PLAN_FIELDS = ['code', 'section', 'stt', 'task', 'lead', 'support', 'time', 'product'];

/** Header text (folded) → field and language, for both languages. */
function headerFields(): Map<string, { field: Field; language: Language }> {
  const out = new Map<string, { field: Field; language: Language }>();
  for (const language of ['vi', 'en'] as const) {
    const words = labelsFor(language).words;
    for (const f of [...TASK_LIST_ALL_COLUMNS, 'removedOn'] as Field[]) {
      const h = words[f];
      if (h && !out.has(foldForMatch(h))) out.set(foldForMatch(h), { field: f, language });
    }
  }
  return out;
}

/** Fills PhuLuc itself gives cells: a person's own fill is any other one. */
const OWN_FILLS = new Set(
  Object.values(STYLES)
    .map((s) => s.fill?.toUpperCase())
    .filter((f): f is string => !!f),
);

export function valueText(value: ReadValue): string {
  switch (value.type) {
    case 'text':
      return value.text;
    case 'number':
      return Number.isInteger(value.value)
        ? String(value.value)
        : String(Number(value.value.toPrecision(15)));
    case 'date':
      return viDate(value.iso);
    case 'bool':
      return value.value ? 'TRUE' : 'FALSE';
    case 'error':
      return value.text;
    default:
      return '';
  }
}

const textOf = (cell: ReadCell | undefined): string =>
  cell ? valueText(cell.value).normalize('NFC').trim() : '';

function isBlank(cell: ReadCell | undefined): boolean {
  return !cell || (!cell.formula && textOf(cell) === '');
}

interface Column {
  index: number; // 0-based
  header: string;
  field: Field | 'extra' | 'other';
}

/** The header row of a sheet: the first row holding the Mã and Trạng thái headers. */
function findHeaderRow(
  sheet: ReadSheet,
  from = 1,
  to = sheet.lastRow,
  taskListOnly = false,
): { row: number; language: Language } | null {
  const fields = headerFields();
  for (let r = from; r <= to; r++) {
    let code: Language | null = null;
    let state = false;
    let removedOn = false;
    for (let c = 1; c <= sheet.lastCol; c++) {
      const f = fields.get(foldForMatch(textOf(sheet.cell(r, c))));
      if (f?.field === 'code') code ??= f.language;
      if (f?.field === 'state') state = true;
      if (f?.field === 'removedOn') removedOn = true;
    }
    if (code && state && !(taskListOnly && removedOn)) return { row: r, language: code };
  }
  return null;
}

function columnsOf(sheet: ReadSheet, headerRow: number, lastCol: number): Column[] {
  const fields = headerFields();
  const seen = new Set<Field>();
  const out: Column[] = [];
  for (let c = 1; c <= lastCol; c++) {
    const header = textOf(sheet.cell(headerRow, c));
    if (!header) continue;
    const f = fields.get(foldForMatch(header));
    let field: Column['field'];
    if (!f) field = 'extra';
    else if (seen.has(f.field)) field = 'other';
    else {
      field = f.field;
      seen.add(f.field);
    }
    out.push({ index: c - 1, header, field });
  }
  return out;
}

/** The columns of a task list's header row, each with the field it holds ("extra": people's). */
export function taskListColumns(
  sheet: ReadSheet,
  headerRow: number,
): { index: number; header: string; field: string }[] {
  return columnsOf(sheet, headerRow, sheet.lastCol);
}

/**
 * What the reader takes from a column's cells besides notes and fills: "fact" (the task's
 * facts, as text), "entry" (what people typed, in its type, formulas included), or null
 * (PhuLuc's own columns: dates and formulas it writes again).
 */
export function columnUse(field: string): 'fact' | 'entry' | null {
  if (PLAN_FIELDS.includes(field)) return 'fact';
  if (
    field === 'extra' ||
    field === 'removedOn' ||
    (TASK_LIST_ENTRY_COLUMNS as string[]).includes(field)
  )
    return 'entry';
  return null;
}

function numberOf(cell: ReadCell | undefined): number | undefined {
  if (!cell) return undefined;
  const v = cell.value;
  if (v.type === 'number') return v.value;
  const t = textOf(cell).replace('%', '').replace(',', '.').trim();
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

function dateOf(cell: ReadCell | undefined): string | undefined {
  if (!cell) return undefined;
  const v = cell.value;
  if (v.type === 'date') return v.iso;
  if (v.type === 'number') return serialToIso(v.value) ?? undefined;
  return isoFromText(textOf(cell)) ?? undefined;
}

function carried(cell: ReadCell, row: number, col: number): CarriedValue | undefined {
  const v = cell.value;
  if (cell.formula) {
    const value = v.type === 'number' ? v.value : v.type === 'empty' ? undefined : valueText(v);
    return { formula: cell.formula, row, col, ...(value !== undefined ? { value } : {}) };
  }
  switch (v.type) {
    case 'text':
      return v.text === '' ? undefined : v.text;
    case 'number':
      return v.value;
    case 'date':
      return { date: v.iso };
    case 'bool':
      return { bool: v.value };
    case 'error':
      return v.text;
    default:
      return undefined;
  }
}

interface Problems {
  warnings: TrackerContents['warnings'];
}

function readRows(
  sheet: ReadSheet,
  headerRow: number,
  lastRow: number,
  columns: Column[],
  problems: Problems,
): TrackedRow[] {
  const rows: TrackedRow[] = [];
  const entryFields = new Set<string>([...TASK_LIST_ENTRY_COLUMNS, 'removedOn']);
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const facts: Record<string, string> = {};
    const entries: Entries = {};
    let typed = false;
    for (const col of columns) {
      const cell = sheet.cell(r, col.index + 1);
      if (!cell) continue;
      if (cell.note) (entries.notes ??= {})[col.header] = cell.note;
      const fill = cell.fill?.toUpperCase();
      if (fill && !OWN_FILLS.has(fill)) (entries.fills ??= {})[col.header] = fill;
      if (isBlank(cell)) continue;
      const f = col.field;
      if (PLAN_FIELDS.includes(f)) {
        facts[f] = textOf(cell);
        if (f === 'task') typed = true;
      } else if (entryFields.has(f)) {
        typed = true;
        if (f === 'state' || f === 'note') entries[f] = textOf(cell);
        else if (f === 'progress') {
          const n = numberOf(cell);
          if (n === undefined) unreadable(problems, sheet, r, col, cell);
          else entries.progress = n;
        } else if (f === 'completed' || f === 'extendedTo' || f === 'extensionRequest') {
          const iso = dateOf(cell);
          if (iso === undefined) unreadable(problems, sheet, r, col, cell);
          else entries[f] = iso;
        } else if (f === 'extensionBasis' || f === 'extensionReason') {
          entries[f] = textOf(cell);
        } else if (f === 'removedOn') {
          facts.removedOn = dateOf(cell) ?? '';
        }
      } else if (f === 'extra') {
        const value = carried(cell, r, col.index);
        if (value !== undefined) {
          (entries.extra ??= {})[col.header] = value;
          typed = true;
        }
      }
    }
    const code = facts.code ?? '';
    if (!code && !typed && !entries.notes && !entries.fills) continue;
    const row: TrackedRow = {
      sheetRow: r,
      code,
      section: facts.section ?? '',
      stt: facts.stt ?? '',
      title: facts.task ?? '',
      lead: facts.lead ?? '',
      support: facts.support ?? '',
      time: facts.time ?? '',
      product: facts.product ?? '',
      entries,
    };
    if (facts.removedOn) row.removedOn = facts.removedOn;
    rows.push(row);
  }
  return rows;
}

function unreadable(
  problems: Problems,
  sheet: ReadSheet,
  row: number,
  col: Column,
  cell: ReadCell,
): void {
  const text = textOf(cell).slice(0, 60);
  problems.warnings.push({
    vi: `Trang "${sheet.name}", dòng ${row}: "${text}" ở cột ${col.header} không đọc được (cần ${col.field === 'progress' ? 'một số' : 'một ngày'}); giá trị được giữ ở cột Ghi chú.`,
    en: `Sheet "${sheet.name}", row ${row}: "${text}" in column ${col.header} could not be read (${col.field === 'progress' ? 'a number' : 'a date'} is expected); it is kept in the Notes column.`,
  });
}

/** The sheet a marker name or table points at. */
function sheetOfName(book: ReadBook, name: string): string | null {
  const item = book.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  if (!item) return null;
  const ref = splitSheetRef(item.formula.replace(/^=/, ''));
  if (!ref) return null;
  return book.sheets.find((s) => s.toLowerCase() === ref.sheet.toLowerCase()) ?? null;
}

function rangeRows(ref: string): { top: number; bottom: number } | null {
  const m = /^\$?[A-Z]+\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  return { top: Number(m[1]), bottom: Number(m[2] ?? m[1]) };
}

/** Where the task list is: the table, the marker's sheet, or a header found anywhere. */
export function locateTaskList(
  book: ReadBook,
): { place: Omit<TaskListPlace, 'headers' | 'extraColumns'>; language: Language } | null {
  const table = book.tables.find((t) => t.name.toLowerCase() === TASK_TABLE.toLowerCase());
  if (table) {
    const sheet = book.sheet(table.sheet);
    const rows = rangeRows(table.ref);
    if (sheet && rows) {
      const head = findHeaderRow(sheet, rows.top, rows.top);
      if (head) {
        return {
          place: {
            sheet: sheet.name,
            headerRow: head.row,
            lastRow: Math.max(rows.bottom, sheet.lastRow),
            foundBy: 'table',
          },
          language: head.language,
        };
      }
    }
  }
  const marked = sheetOfName(book, TASK_MARKER);
  const removed = sheetOfName(book, REMOVED_MARKER);
  const order = [
    ...(marked ? [marked] : []),
    ...book.sheets.filter((s) => s !== marked && s !== removed),
  ];
  for (const name of order) {
    const sheet = book.sheet(name);
    if (!sheet) continue;
    const head = findHeaderRow(sheet, 1, sheet.lastRow, true);
    if (head) {
      return {
        place: {
          sheet: sheet.name,
          headerRow: head.row,
          lastRow: sheet.lastRow,
          foundBy: name === marked ? 'marker' : 'header',
        },
        language: head.language,
      };
    }
  }
  return null;
}

function readIdentity(book: ReadBook): StoredPlanIdentity | null {
  const item = book.names.find((n) => n.name.toLowerCase() === IDENTITY_NAME.toLowerCase());
  if (!item) return null;
  const ref = splitSheetRef(item.formula.replace(/^=/, ''));
  const sheetName = ref && book.sheets.find((s) => s.toLowerCase() === ref.sheet.toLowerCase());
  const sheet = sheetName ? book.sheet(sheetName) : undefined;
  const box = ref && parseBoxRef(ref.range);
  if (!sheet || !box) return null;
  const cell = (i: number): ReadCell | undefined => sheet.cell(box.top + i, box.left);
  const text = (i: number): string | null => textOf(cell(i)) || null;
  const fingerprint = text(4);
  if (!fingerprint) return null;
  return {
    number: text(0),
    date: dateOf(cell(1)) ?? null,
    title: text(2),
    tasks: numberOf(cell(3)) ?? 0,
    fingerprint,
  };
}

/** The one cell a workbook-level name points at. */
function namedCell(book: ReadBook, name: string): ReadCell | undefined {
  const item = book.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  const ref = item ? splitSheetRef(item.formula.replace(/^=/, '')) : null;
  const sheetName = ref && book.sheets.find((s) => s.toLowerCase() === ref.sheet.toLowerCase());
  const sheet = sheetName ? book.sheet(sheetName) : undefined;
  const at = ref && parseCellRef(ref.range);
  if (!sheet || !at) return undefined;
  return sheet.cell(at.row, at.col);
}

/** The horizon year a person typed on Cài đặt; null when it is PhuLuc's formula (the default). */
function readHorizon(book: ReadBook): number | null {
  const cell = namedCell(book, HORIZON_NAME);
  if (!cell || cell.formula) return null;
  const year = numberOf(cell);
  return year !== undefined && Number.isInteger(year) && year >= 1900 && year <= 2199 ? year : null;
}

/** Cài đặt's report date when a person fixed one (not =TODAY()), and the "due soon" days. */
function readSettings(book: ReadBook): TrackerContents['settings'] {
  const date = namedCell(book, 'NgayBaoCao');
  const soon = namedCell(book, 'SoNgaySapDenHan');
  const days = soon && !soon.formula ? numberOf(soon) : undefined;
  return {
    reportDate: date && !date.formula ? (dateOf(date) ?? null) : null,
    dueSoonDays: days !== undefined && Number.isInteger(days) && days >= 0 ? days : null,
  };
}

const HISTORY_FIELDS = [
  'at',
  'action',
  'unit',
  'file',
  'ticket',
  'code',
  'field',
  'before',
  'after',
] as const;

/** The rows of the Lịch sử sheet (either language), oldest first. */
function readHistory(book: ReadBook): { rows: HistoryRow[]; sheet?: string } {
  const name = sheetOfName(book, HISTORY_MARKER);
  const sheet = name ? book.sheet(name) : undefined;
  if (!sheet) return { rows: [] };
  const headers = new Map<string, (typeof HISTORY_FIELDS)[number]>();
  const actions = new Map<string, HistoryAction>();
  for (const language of ['vi', 'en'] as const) {
    const words = labelsFor(language).words;
    for (const f of HISTORY_FIELDS) headers.set(foldForMatch(words[f]!), f);
    for (const action of ['sent', 'received', 'changed', 'conflict'] as const)
      actions.set(foldForMatch(words[action]!), action);
  }
  for (let r = 1; r <= Math.min(sheet.lastRow, 20); r++) {
    const cols = new Map<string, number>();
    for (let c = 1; c <= sheet.lastCol; c++) {
      const f = headers.get(foldForMatch(textOf(sheet.cell(r, c))));
      if (f && !cols.has(f)) cols.set(f, c);
    }
    if (!cols.has('ticket') || !cols.has('action')) continue;
    const rows: HistoryRow[] = [];
    for (let i = r + 1; i <= sheet.lastRow; i++) {
      const get = (f: (typeof HISTORY_FIELDS)[number]): string => {
        const c = cols.get(f);
        return c ? textOf(sheet.cell(i, c)) : '';
      };
      const action = actions.get(foldForMatch(get('action')));
      if (!action) continue;
      const at = cols.get('at') ? sheet.cell(i, cols.get('at')!) : undefined;
      rows.push({
        at: at?.value.type === 'number' ? dateTimeText(at.value.value) : get('at'),
        action,
        unit: get('unit'),
        file: get('file'),
        ticket: get('ticket'),
        code: get('code'),
        field: get('field'),
        before: get('before'),
        after: get('after'),
      });
    }
    return { rows, sheet: sheet.name };
  }
  return { rows: [], sheet: sheet.name };
}

/** A date-time serial (a program turned "dd/mm/yyyy hh:mm" into one) as that text again. */
function dateTimeText(serial: number): string {
  const iso = serialToIso(Math.floor(serial));
  if (!iso) return String(serial);
  const minutes = Math.round((serial - Math.floor(serial)) * 24 * 60);
  const hours = String(Math.floor(minutes / 60)).padStart(2, '0');
  return `${viDate(iso)} ${hours}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Reads an existing tracker. A workbook with no task list gives `taskList: null`. */
export function readTracker(book: ReadBook): TrackerContents {
  const problems: Problems = { warnings: [] };
  const found = locateTaskList(book);
  const contents: TrackerContents = {
    language: found?.language ?? 'vi',
    taskList: null,
    rows: [],
    removed: [],
    identity: readIdentity(book),
    horizon: readHorizon(book),
    settings: readSettings(book),
    history: [],
    warnings: problems.warnings,
  };
  const history = readHistory(book);
  contents.history = history.rows;
  if (history.sheet) contents.historySheet = history.sheet;
  if (found) {
    const sheet = book.sheet(found.place.sheet)!;
    const columns = columnsOf(sheet, found.place.headerRow, sheet.lastCol);
    contents.taskList = {
      ...found.place,
      headers: headersByIndex(columns),
      extraColumns: columns.filter((c) => c.field === 'extra').map((c) => c.header),
    };
    contents.rows = readRows(sheet, found.place.headerRow, found.place.lastRow, columns, problems);
  }
  const removedSheet = sheetOfName(book, REMOVED_MARKER);
  const removed = removedSheet ? book.sheet(removedSheet) : undefined;
  if (removed) {
    const head = findHeaderRow(removed);
    if (head) {
      const columns = columnsOf(removed, head.row, removed.lastCol);
      contents.removed = readRows(removed, head.row, removed.lastRow, columns, problems);
      contents.removedSheet = removed.name;
    }
  }
  return contents;
}

function headersByIndex(columns: Column[]): string[] {
  const out: string[] = [];
  for (const c of columns) {
    while (out.length < c.index) out.push('');
    out[c.index] = c.header;
  }
  return out;
}

/** Names the layout writes that are not "PhuLuc_…" (src/layout/index.ts, src/layout/names.ts). */
const LAYOUT_NAMES = [
  'NgayBaoCao',
  'SoNgaySapDenHan',
  'DsTrangThai',
  HORIZON_NAME,
  ...Object.values(CATEGORY_NAMES),
  ...Object.values(STATE_NAMES),
];

/**
 * The sheets and workbook-level names that are PhuLuc's: a sheet is PhuLuc's when a "PhuLuc_…"
 * name points into it (its marker; rows inserted above move the marker's cell, not its
 * sheet); the names are those and the layout's own. Everything else belongs to people.
 */
export function ownedParts(book: ReadBook): { sheets: string[]; names: string[] } {
  const sheets = new Set<string>();
  const names: string[] = [];
  const layoutNames = new Set(LAYOUT_NAMES.map((n) => n.toLowerCase()));
  for (const n of book.names) {
    const ours = /^PhuLuc_/i.test(n.name);
    if (ours || layoutNames.has(n.name.toLowerCase())) names.push(n.name);
    if (!ours) continue;
    const ref = splitSheetRef(n.formula.replace(/^=/, ''));
    const sheet = ref && book.sheets.find((s) => s.toLowerCase() === ref.sheet.toLowerCase());
    if (sheet) sheets.add(sheet);
  }
  return { sheets: book.sheets.filter((s) => sheets.has(s)), names };
}
