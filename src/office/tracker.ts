// The tracker in the open workbook, read through Office.js into the `ReadBook` the one reader of
// an existing tracker takes (src/layout/tracker/read.ts): the CLI reads an .xlsx into the same
// shape, so both doors find the task list, the removed-tasks sheet and the plan's identity the
// same way and carry the same values.
//
// Two requests, queued alongside the build's other reads:
//   locate  used ranges and the first rows of the sheets that may hold the task list (the
//           table's sheet, the marker's, or — without either — every sheet that is not
//           PhuLuc's), the table's range, the removed-tasks sheet, the identity block on Cài
//           đặt, the notes of those sheets (ExcelApi 1.18);
//   read    the task list's body, only the columns the reader uses and only the properties it
//           needs (values and number formats for the task's facts, formulas too for what people
//           typed, fills where the host has getCellProperties), the removed-tasks sheet, where
//           each note is — in jobs sized for Excel's 5 MB response limit (./reads.ts).
// A header the first rows do not show (more than HEAD_ROWS rows down, its table gone) is still
// found: the candidate sheets are then read whole and the reader looks everywhere.

import type { Plan } from '../core/plan/types';
import { columnLetter, splitSheetRef } from '../excel/a1';
import { serialToIso } from '../excel/dates';
import { isDateFormat } from '../excel/numfmt';
import type { ReadBook, ReadCell, ReadSheet, ReadValue } from '../layout/tracker/model';
import { HORIZON_NAME } from '../layout/names';
import {
  columnUse,
  IDENTITY_NAME,
  locateTaskList,
  taskListColumns,
  TASK_TABLE,
} from '../layout/tracker/read';
import { parseArea } from './address';
import type {
  XlCellInput,
  XlCellProperties,
  XlClientResult,
  XlNote,
  XlRange,
  XlRequestContext,
} from '../render/office/excel-api';
import type { Features } from '../render/office/features';
import { READ_BUDGET, type ReadJob } from './reads';
import type { Survey, SurveySheet } from './survey';

/** Rows (and columns: A…AZ) of each candidate sheet read to find the header. */
export const HEAD_ROWS = 50;
const HEAD = `A1:AZ${HEAD_ROWS}`;
/** A read job aims at this share of a request, so jobs pack well. */
const JOB_BYTES = READ_BUDGET / 4;
const MAX_COLS = 16_384;

type Grid = 'values' | 'formulas' | 'numberFormat' | 'fills';

// ---------- the book ----------

class SparseSheet implements ReadSheet {
  private readonly cells = new Map<number, ReadCell>();
  lastRow = 0;
  lastCol = 0;
  constructor(readonly name: string) {}

  cell(row: number, col: number): ReadCell | undefined {
    return this.cells.get(row * MAX_COLS + col);
  }

  /** Sets what is known of a cell (1-based), keeping what other reads found. */
  patch(row: number, col: number, patch: Partial<ReadCell>): void {
    const key = row * MAX_COLS + col;
    const old = this.cells.get(key);
    const cell: ReadCell = { value: { type: 'empty' }, ...old, ...patch };
    if (patch.formula === undefined && 'formula' in patch) delete cell.formula;
    if (isEmpty(cell)) {
      this.cells.delete(key);
      return;
    }
    this.cells.set(key, cell);
    this.lastRow = Math.max(this.lastRow, row);
    this.lastCol = Math.max(this.lastCol, col);
  }
}

function isEmpty(cell: ReadCell): boolean {
  return cell.value.type === 'empty' && !cell.formula && !cell.note && !cell.fill;
}

/** The workbook as the reader sees it: every sheet's name, the names and the task table. */
export class OfficeBook implements ReadBook {
  readonly names: ReadBook['names'];
  tables: ReadBook['tables'] = [];
  private readonly read = new Map<string, SparseSheet>();

  constructor(
    readonly sheets: string[],
    names: Survey['names'],
  ) {
    this.names = names.map((n) => ({
      name: n.name,
      formula: n.formula,
      ...(n.comment ? { comment: n.comment } : {}),
    }));
  }

  sheet(name: string): SparseSheet | undefined {
    return this.read.get(name.toLowerCase());
  }

  /** The sheet's cells, created empty on first use; `used` sets its last row and column. */
  take(name: string, used?: { lastRow: number; lastCol: number }): SparseSheet {
    let sheet = this.read.get(name.toLowerCase());
    if (!sheet) {
      sheet = new SparseSheet(this.sheets.find((s) => s.toLowerCase() === name.toLowerCase())!);
      this.read.set(name.toLowerCase(), sheet);
    }
    if (used) {
      sheet.lastRow = Math.max(sheet.lastRow, used.lastRow);
      sheet.lastCol = Math.max(sheet.lastCol, used.lastCol);
    }
    return sheet;
  }
}

// ---------- cells ----------

const ERROR_TEXT =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** A cell value as Office.js gives it, in its type (a number with a date format is a date). */
export function readValue(
  value: XlCellInput | undefined,
  format: string | null | undefined,
  date1904: boolean,
): ReadValue {
  if (value === null || value === undefined || value === '') return { type: 'empty' };
  if (typeof value === 'boolean') return { type: 'bool', value };
  if (typeof value === 'number') {
    if (isDateFormat(format)) {
      const iso = serialToIso(value, date1904);
      if (iso) return { type: 'date', iso };
    }
    return { type: 'number', value };
  }
  if (ERROR_TEXT.test(value)) return { type: 'error', text: value };
  return { type: 'text', text: value };
}

/**
 * The formula of a cell, from `formulas` beside `values`: a constant comes back as itself, so
 * text that only looks like a formula (typed with an apostrophe) is not one.
 */
export function formulaOf(formula: XlCellInput | undefined, value: XlCellInput | undefined) {
  if (typeof formula !== 'string' || !formula.startsWith('=')) return undefined;
  if (typeof value === 'string' && value === formula) return undefined;
  return formula.slice(1);
}

/** "#FFC000" → "FFC000"; no fill (Excel reports white) → undefined. */
function fillOf(props: XlCellProperties | undefined): string | undefined {
  const color = props?.format?.fill?.color;
  if (!color) return undefined;
  const hex = color.replace(/^#/, '').toUpperCase();
  return /^[0-9A-F]{6}$/.test(hex) && hex !== 'FFFFFF' ? hex : undefined;
}

// ---------- read jobs ----------

interface Box {
  /** 1-based first row and column; counts. */
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const boxAddress = (b: Box): string =>
  `${columnLetter(b.col - 1)}${b.row}:${columnLetter(b.col + b.cols - 2)}${b.row + b.rows - 1}`;

/** A rectangle of one sheet read with some properties, splittable by rows. */
function rangeJob(
  book: OfficeBook,
  sheetName: string,
  box: Box,
  grids: Grid[],
  rowBytes: number,
  date1904: boolean,
): ReadJob {
  const job: ReadJob = {
    bytes: rowBytes * box.rows,
    queue: (ctx) => {
      const range = ctx.workbook.worksheets.getItem(sheetName).getRange(boxAddress(box));
      const props = grids.filter((g) => g !== 'fills');
      if (props.length > 0) range.load(props.join(','));
      const fills: XlClientResult<XlCellProperties[][]> | null = grids.includes('fills')
        ? range.getCellProperties({ format: { fill: { color: true } } })
        : null;
      return () => takeRange(book.take(sheetName), box, grids, range, fills, date1904);
    },
    split: () => {
      if (box.rows < 2) return null;
      const top = Math.floor(box.rows / 2);
      return [
        rangeJob(book, sheetName, { ...box, rows: top }, grids, rowBytes, date1904),
        rangeJob(
          book,
          sheetName,
          { ...box, row: box.row + top, rows: box.rows - top },
          grids,
          rowBytes,
          date1904,
        ),
      ];
    },
  };
  return job;
}

function takeRange(
  sheet: SparseSheet,
  box: Box,
  grids: Grid[],
  range: XlRange,
  fills: XlClientResult<XlCellProperties[][]> | null,
  date1904: boolean,
): void {
  const values = grids.includes('values') ? range.values : null;
  const formats = grids.includes('numberFormat') ? range.numberFormat : null;
  const formulas = grids.includes('formulas') ? range.formulas : null;
  const props = fills?.value ?? null;
  for (let i = 0; i < box.rows; i++) {
    for (let j = 0; j < box.cols; j++) {
      const patch: Partial<ReadCell> = {};
      if (values) {
        const v = values[i]?.[j];
        patch.value = readValue(v, formats?.[i]?.[j], date1904);
        if (formulas) patch.formula = formulaOf(formulas[i]?.[j], v);
      }
      if (props) patch.fill = fillOf(props[i]?.[j]);
      if (Object.keys(patch).length > 0) sheet.patch(box.row + i, box.col + j, patch);
    }
  }
}

/** Jobs covering `box`, `rowsPerJob` rows each. */
function rowJobs(
  book: OfficeBook,
  sheet: string,
  box: Box,
  grids: Grid[],
  rowBytes: number,
  date1904: boolean,
): ReadJob[] {
  const per = Math.max(1, Math.floor(JOB_BYTES / Math.max(1, rowBytes)));
  const out: ReadJob[] = [];
  for (let r = 0; r < box.rows; r += per) {
    const rows = Math.min(per, box.rows - r);
    out.push(rangeJob(book, sheet, { ...box, row: box.row + r, rows }, grids, rowBytes, date1904));
  }
  return out;
}

// ---------- estimates ----------

const encoder = new TextEncoder();
const FORMAT_BYTES = 14;
/** A typed value ("Đang thực hiện", 60, a date), most often empty. */
const ENTRY_BYTES = 24;
/** `{"format":{"fill":{"color":"#FFFFFF"}}},` */
const FILL_BYTES = 40;

/** Bytes a cell's value takes in a response, per task-list field, from the plan being built. */
export function valueEstimates(plan: Plan | null): (field: string) => number {
  const avg = new Map<string, number>();
  if (plan && plan.tasks.length > 0) {
    const fields: Record<string, (t: Plan['tasks'][number]) => string> = {
      code: (t) => t.id,
      section: (t) => t.section ?? '',
      stt: (t) => t.stt,
      task: (t) => t.title,
      lead: (t) => t.lead.join('\n'),
      support: (t) => t.support.join('\n'),
      time: (t) => t.time.text,
      product: (t) => t.product,
    };
    for (const [field, get] of Object.entries(fields)) {
      let total = 0;
      for (const t of plan.tasks) total += encoder.encode(JSON.stringify(get(t))).length;
      avg.set(field, total / plan.tasks.length);
    }
  }
  // A revision's texts are about as long as the plan's; a margin covers the rest (and a
  // response Excel refuses anyway is split and asked again: ./reads.ts).
  return (field) => 8 + 1.25 * (avg.get(field) ?? (field === 'task' ? 240 : 64));
}

// ---------- locate ----------

interface Probe {
  sheet: SurveySheet;
  used: XlRange;
  head: XlRange | null;
  notes: { items: XlNote[] } | null;
}

export interface TrackerLocate {
  book: OfficeBook;
  /** Sheets probed for the task list, in the reader's order. */
  candidates: string[];
  /** Used ranges of the probed sheets (1-based first row and column, and counts), by name. */
  used: Map<string, Box>;
  notes: Map<string, XlNote[]>;
  /** The workbook shows signs of an earlier PhuLuc build. */
  traces: boolean;
  removed: string | null;
  /** The Lịch sử sheet (units' files sent and answers merged), read whole and kept. */
  history: string | null;
}

const lower = (s: string): string => s.toLowerCase();

/** Queues the locate request's part; call the returned function after the sync. */
export function queueTrackerLocate(
  ctx: XlRequestContext,
  survey: Survey,
  features: Features,
): () => TrackerLocate {
  const wb = ctx.workbook;
  const live = survey.sheets.filter((s) => s.leftover === null);
  const table = survey.tables.find((t) => lower(t.name) === lower(TASK_TABLE));
  const tableSheet = table ? live.find((s) => lower(s.name) === lower(table.sheet)) : undefined;
  const marked = live.find((s) => s.key === 'tasks');
  const removed = live.find((s) => s.key === 'removed') ?? null;
  const history = live.find((s) => s.key === 'history') ?? null;
  const identity = survey.names.find((n) => lower(n.name) === lower(IDENTITY_NAME));
  const traces = !!table || !!marked || !!removed || !!identity || survey.stored !== null;

  const candidates: SurveySheet[] = [];
  for (const s of [tableSheet, marked]) if (s && !candidates.includes(s)) candidates.push(s);
  if (candidates.length === 0) candidates.push(...live.filter((s) => s.key === null));

  const probe = (sheet: SurveySheet, head: boolean): Probe => {
    const ws = wb.worksheets.getItem(sheet.name);
    return {
      sheet,
      used: ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
      head: head ? ws.getRange(HEAD).load('values') : null,
      notes: features.notes ? ws.notes.load('items/content') : null,
    };
  };
  const probes = candidates.map((s) => probe(s, true));
  const removedProbe = removed ? probe(removed, false) : null;
  const historyProbe = history ? probe(history, false) : null;
  const tableRange = table
    ? wb.tables.getItemOrNullObject(table.name).getRange().load('address')
    : null;
  // The identity block and the horizon year on Cài đặt, by their names (formulas too: the
  // horizon is a person's number, or PhuLuc's default formula).
  const settingRanges = [identity, survey.names.find((n) => lower(n.name) === lower(HORIZON_NAME))]
    .map((name) => {
      const ref = name ? splitSheetRef(name.formula.replace(/^=/, '')) : null;
      const sheet = ref ? live.find((s) => lower(s.name) === lower(ref.sheet)) : undefined;
      if (!ref || !sheet) return null;
      const range = wb.worksheets
        .getItem(sheet.name)
        .getRange(ref.range)
        .load('values,formulas,numberFormat,rowIndex,columnIndex');
      return { sheet, range };
    })
    .filter((x): x is { sheet: SurveySheet; range: XlRange } => x !== null);

  return () => {
    const book = new OfficeBook(
      survey.sheets.map((s) => s.name),
      survey.names,
    );
    const used = new Map<string, Box>();
    const notes = new Map<string, XlNote[]>();
    for (const p of [
      ...probes,
      ...(removedProbe ? [removedProbe] : []),
      ...(historyProbe ? [historyProbe] : []),
    ]) {
      const box = p.used.isNullObject
        ? null
        : {
            row: p.used.rowIndex + 1,
            col: p.used.columnIndex + 1,
            rows: p.used.rowCount,
            cols: p.used.columnCount,
          };
      const sheet = book.take(p.sheet.name, {
        lastRow: box ? box.row + box.rows - 1 : 0,
        lastCol: box ? box.col + box.cols - 1 : 0,
      });
      if (box) used.set(lower(p.sheet.name), box);
      if (p.notes) notes.set(lower(p.sheet.name), p.notes.items);
      if (p.head) {
        // Enough to find the header row; the body is read again with its formats.
        p.head.values.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v === '' || v === null) return;
            sheet.patch(i + 1, j + 1, { value: readValue(v, null, survey.date1904) });
          }),
        );
      }
    }
    if (table && tableRange) {
      const ref = splitSheetRef(tableRange.address);
      book.tables = [
        { name: table.name, sheet: table.sheet, ref: ref ? ref.range : tableRange.address },
      ];
    }
    for (const { sheet: at, range } of settingRanges) {
      const sheet = book.take(at.name);
      range.values.forEach((row, i) =>
        row.forEach((v, j) =>
          sheet.patch(range.rowIndex + i + 1, range.columnIndex + j + 1, {
            value: readValue(v, range.numberFormat[i]?.[j], survey.date1904),
            formula: formulaOf(range.formulas[i]?.[j], v),
          }),
        ),
      );
    }
    return {
      book,
      candidates: candidates.map((s) => s.name),
      used,
      notes,
      traces,
      removed: removed?.name ?? null,
      history: history?.name ?? null,
    };
  };
}

// ---------- read ----------

/** The read jobs that complete the book: the task list's body, the removed sheet, notes. */
export function trackerReadJobs(
  located: TrackerLocate,
  features: Features,
  date1904: boolean,
  estimate: (field: string) => number,
): ReadJob[] {
  const { book } = located;
  const jobs: ReadJob[] = [];
  const fillGrid: Grid[] = features.cellProperties ? ['fills'] : [];
  const whole = (name: string): void => {
    const box = located.used.get(lower(name));
    if (!box) return;
    const grids: Grid[] = ['values', 'formulas', 'numberFormat', ...fillGrid];
    const rowBytes = box.cols * (2 * 64 + FORMAT_BYTES + (fillGrid.length ? FILL_BYTES : 0));
    jobs.push(...rowJobs(book, name, box, grids, rowBytes, date1904));
  };
  const notesOf = (name: string): void => {
    const list = located.notes.get(lower(name));
    if (!list || list.length === 0) return;
    const bytes = list.reduce((n, note) => n + 80 + note.content.length * 3, 0);
    jobs.push({
      bytes,
      queue: (ctx) => {
        void ctx;
        const places = list.map((note) => note.getLocation().load('address'));
        return () => {
          const sheet = book.take(name);
          places.forEach((place, i) => {
            const at = parseArea(place.address);
            if (!at) return;
            sheet.patch(at.area.r0 + 1, at.area.c0 + 1, { note: list[i]!.content });
          });
        };
      },
    });
  };

  const found = locateTaskList(book);
  const read = new Set<string>();
  if (found) {
    const name = found.place.sheet;
    read.add(lower(name));
    const sheet = book.sheet(name)!;
    const columns = taskListColumns(sheet, found.place.headerRow);
    const first = found.place.headerRow + 1;
    const rows = found.place.lastRow - found.place.headerRow;
    if (rows > 0 && columns.length > 0) {
      // Runs of neighbouring columns read with the same properties: the task's facts as values
      // (Thời gian with its number format: a date typed there is a date), what people typed in
      // its type, formulas included; fills of every column the reader uses.
      const runs: { col: number; cols: number; grids: Grid[]; bytes: number }[] = [];
      const fills: { col: number; cols: number }[] = [];
      for (const c of columns) {
        const use = columnUse(c.field);
        if (use === null) continue;
        const grids: Grid[] =
          use === 'entry'
            ? ['values', 'formulas', 'numberFormat']
            : c.field === 'time'
              ? ['values', 'numberFormat']
              : ['values'];
        const bytes =
          use === 'fact'
            ? estimate(c.field) + (grids.length > 1 ? FORMAT_BYTES : 0)
            : 2 * ENTRY_BYTES + FORMAT_BYTES;
        const last = runs[runs.length - 1];
        if (last && last.col + last.cols === c.index + 1 && last.grids.join() === grids.join()) {
          last.cols++;
          last.bytes += bytes;
        } else runs.push({ col: c.index + 1, cols: 1, grids, bytes });
        const fill = fills[fills.length - 1];
        if (fill && fill.col + fill.cols === c.index + 1) fill.cols++;
        else fills.push({ col: c.index + 1, cols: 1 });
      }
      const at = (run: { col: number; cols: number }): Box => ({
        row: first,
        col: run.col,
        rows,
        cols: run.cols,
      });
      for (const run of runs)
        jobs.push(...rowJobs(book, name, at(run), run.grids, run.bytes, date1904));
      if (fillGrid.length > 0) {
        for (const run of fills)
          jobs.push(...rowJobs(book, name, at(run), fillGrid, run.cols * FILL_BYTES, date1904));
      }
    }
    notesOf(name);
  } else if (located.traces) {
    // The header is further down than the first rows, or nowhere: the reader looks everywhere.
    for (const name of located.candidates) {
      read.add(lower(name));
      whole(name);
      notesOf(name);
    }
  }
  if (located.removed && !read.has(lower(located.removed))) {
    whole(located.removed);
    notesOf(located.removed);
  }
  if (located.history && !read.has(lower(located.history))) whole(located.history);
  return jobs;
}
