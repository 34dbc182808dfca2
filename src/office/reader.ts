// Reading an appendix straight from the sheet: the selection, or the used range of the active
// sheet when a single cell is selected. What the parser gets is a Grid of the sheet's rows, with
// the one thing text can only guess: which blanks are merged cells (a merged cell gives its
// value to every row it spans, and the row records that in `mergedFromAbove`).
//
//   R1  the selection, the used range, the date system
//   R2… values, display text, number formats and value types, in row bands (response limit)
//   M…  merged areas (ExcelApi 1.13), in row bands: Excel fails past 512 areas per query, so a
//       failing band is read again in smaller bands; where that is not possible, or the host is
//       older, the grid says merges are unknown and a finding asks to check blank cells.

import { parseArea, splitAreas } from './address';
import { finding } from '../core/findings/messages';
import { planFromGrid, type ParseOptions } from '../core/plan/parse';
import type { Finding, Plan } from '../core/plan/types';
import type { Grid, GridRow } from '../core/grid/types';
import { address, columnLetter, splitSheetRef } from '../excel/a1';
import { serialToIso } from '../excel/dates';
import { isDateFormat } from '../excel/numfmt';
import { viDate } from '../core/time/calendar';
import type { ExcelHost, XlCellValue, XlRange, XlRequestContext } from '../render/office/excel-api';
import { detectFeatures } from '../render/office/features';

export interface ReadOptions {
  /** Refuse selections with more cells than this (an appendix is a few thousand). */
  maxCells?: number;
  /** Cells read per request (values, text, formats and types together). */
  cellsPerRequest?: number;
  /** Rows per merged-areas query, before halving on failure. */
  mergeBand?: number;
}

export interface SheetRead {
  grid: Grid;
  /** "Sheet1!A1:G40" */
  address: string;
  sheet: string;
  /** False when the host could not say which cells are merged. */
  mergesKnown: boolean;
  /** What the reader noticed: error values, unknown merges. */
  findings: Finding[];
  syncs: number;
}

export type RefusalReason = 'empty' | 'one-column' | 'too-large' | 'selection';

/** A selection that is not an appendix, politely refused: the message says what to select. */
export class ReadRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'ReadRefusal';
  }
}

export const DEFAULT_MAX_CELLS = 100_000;

const HOW_TO_SELECT_VI =
  'Hãy chọn cả bảng phụ lục (từ dòng tiêu đề STT, Nhiệm vụ, Đơn vị chủ trì… đến dòng cuối), hoặc chọn một ô bất kỳ trong trang tính chứa bảng.';
const HOW_TO_SELECT_EN =
  'Select the whole appendix table (from the header row — STT, Nhiệm vụ, Đơn vị chủ trì… — to its last row), or select any single cell of the sheet that holds it.';

function refuse(reason: RefusalReason, vi: string, en: string): ReadRefusal {
  return new ReadRefusal(reason, `${vi} ${HOW_TO_SELECT_VI}`, `${en} ${HOW_TO_SELECT_EN}`);
}

interface Box {
  sheet: string;
  address: string;
  row: number; // 0-based
  col: number;
  rows: number;
  cols: number;
}

function box(range: XlRange): Box {
  const address = range.address;
  return {
    sheet: splitSheetRef(address)?.sheet ?? '',
    address,
    row: range.rowIndex,
    col: range.columnIndex,
    rows: range.rowCount,
    cols: range.columnCount,
  };
}

function a1(row: number, col: number, rows: number, cols: number): string {
  return `${columnLetter(col)}${row + 1}:${columnLetter(col + cols - 1)}${row + rows}`;
}

/** Reads the appendix from the open workbook. Throws ReadRefusal for a selection that is not one. */
export async function readAppendix(host: ExcelHost, options: ReadOptions = {}): Promise<SheetRead> {
  const features = detectFeatures((v) => host.isSetSupported(v));
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  let syncs = 0;
  return host.run({}, async (raw) => {
    const ctx: XlRequestContext = {
      workbook: raw.workbook,
      application: raw.application,
      runtime: raw.runtime,
      sync: () => {
        syncs++;
        return raw.sync();
      },
    };
    const wb = ctx.workbook;
    const props = 'address,rowIndex,columnIndex,rowCount,columnCount,cellCount';
    const selection = wb.getSelectedRange().load(props);
    const used = wb.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true).load(props);
    const epoch = wb.functions.date(1904, 1, 1).load('value');
    try {
      await ctx.sync();
    } catch {
      throw refuse(
        'selection',
        'Không đọc được vùng đang chọn (có thể đang chọn nhiều vùng, một biểu đồ hay một hình).',
        'The current selection cannot be read (several areas, a chart or a shape may be selected).',
      );
    }
    const date1904 = epoch.value === 0;
    const single = selection.cellCount === 1;
    if (single && used.isNullObject) {
      throw refuse('empty', 'Trang tính này không có dữ liệu.', 'This sheet holds no data.');
    }
    const target = box(single ? used : selection);
    const cells = target.rows * target.cols;
    if (cells > maxCells) {
      throw refuse(
        'too-large',
        `Vùng đã chọn có ${cells.toLocaleString('vi-VN')} ô, quá lớn để là một bảng phụ lục (tối đa ${maxCells.toLocaleString('vi-VN')}). Đừng chọn cả cột hay cả trang.`,
        `The selection holds ${cells.toLocaleString('en-US')} cells, too many for an appendix (at most ${maxCells.toLocaleString('en-US')}). Do not select whole columns or the whole sheet.`,
      );
    }
    if (target.cols < 2) {
      throw refuse(
        'one-column',
        'Vùng đã chọn chỉ có một cột; bảng phụ lục có ít nhất các cột STT, Nhiệm vụ và Đơn vị chủ trì.',
        'The selection has a single column; an appendix has at least the STT, task and lead-unit columns.',
      );
    }

    // R2…: the cells, in row bands.
    const perRequest = options.cellsPerRequest ?? 20_000;
    const bandRows = Math.max(1, Math.floor(perRequest / target.cols));
    const ws = wb.worksheets.getItem(target.sheet);
    const values: XlCellValue[][] = [];
    const texts: string[][] = [];
    const formats: string[][] = [];
    const types: string[][] = [];
    for (let start = 0; start < target.rows; start += bandRows) {
      const n = Math.min(bandRows, target.rows - start);
      const r = ws
        .getRange(a1(target.row + start, target.col, n, target.cols))
        .load('values,text,numberFormat,valueTypes');
      await ctx.sync();
      values.push(...(r.values as XlCellValue[][]));
      texts.push(...r.text);
      formats.push(...(r.numberFormat as string[][]));
      types.push(...r.valueTypes);
    }
    if (values.every((row) => row.every((v) => v === '' || v === null))) {
      throw refuse('empty', 'Vùng đã chọn không có dữ liệu.', 'The selection holds no data.');
    }

    // M…: merged areas.
    let merges: Rect[] | null = null;
    if (features.mergedAreas) {
      merges = await readMerges(ctx, target, options.mergeBand ?? 200);
    }

    const findings: Finding[] = [];
    const grid = toGrid(target, values, texts, formats, types, merges, date1904, findings);
    if (merges === null) {
      findings.push(finding('merges-unknown', 'info', null, [], {}));
    }
    return {
      grid,
      address: target.address,
      sheet: target.sheet,
      mergesKnown: merges !== null,
      findings,
      syncs,
    };
  });
}

/** Reads the appendix and parses it: the plan, with the reader's findings first. */
export async function readPlan(
  host: ExcelHost,
  parse: ParseOptions = {},
  options: ReadOptions = {},
): Promise<{ plan: Plan; read: SheetRead }> {
  const read = await readAppendix(host, options);
  const plan = planFromGrid(read.grid, parse);
  return { plan: { ...plan, findings: [...read.findings, ...plan.findings] }, read };
}

interface Rect {
  r0: number; // relative to the target
  c0: number;
  r1: number;
  c1: number;
}

async function readMerges(
  ctx: XlRequestContext,
  target: Box,
  band: number,
): Promise<Rect[] | null> {
  const ws = ctx.workbook.worksheets.getItem(target.sheet);
  const query = async (size: number): Promise<Rect[]> => {
    const parts: { areas: ReturnType<XlRange['getMergedAreasOrNullObject']> }[] = [];
    for (let start = 0; start < target.rows; start += size) {
      const n = Math.min(size, target.rows - start);
      const areas = ws
        .getRange(a1(target.row + start, target.col, n, target.cols))
        .getMergedAreasOrNullObject();
      areas.load('address');
      parts.push({ areas });
    }
    await ctx.sync();
    const out: Rect[] = [];
    for (const { areas } of parts) {
      if (areas.isNullObject) continue;
      for (const address of splitAreas(areas.address)) {
        const rect = parseArea(address)?.area;
        if (rect) {
          out.push({
            r0: rect.r0 - target.row,
            c0: rect.c0 - target.col,
            r1: rect.r1 - target.row,
            c1: rect.c1 - target.col,
          });
        }
      }
    }
    return out;
  };
  // Past 512 areas a query fails: smaller bands, then give up (merges unknown).
  for (const size of [band, Math.max(1, Math.floor(band / 8)), 1]) {
    try {
      return await query(size);
    } catch {
      // try smaller bands
    }
    if (size === 1) break;
  }
  return null;
}

function cellText(
  value: XlCellValue,
  text: string,
  format: string,
  type: string,
  date1904: boolean,
): string {
  if (type === 'Empty' || value === '' || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (isDateFormat(format)) {
      const iso = serialToIso(value, date1904);
      if (iso) return viDate(iso);
    }
    // "####" when the column is too narrow: the number itself is better than that.
    return text && !/^#+$/.test(text) ? text : String(value);
  }
  return text || String(value);
}

function toGrid(
  target: Box,
  values: XlCellValue[][],
  texts: string[][],
  formats: string[][],
  types: string[][],
  merges: Rect[] | null,
  date1904: boolean,
  findings: Finding[],
): Grid {
  const cells: string[][] = values.map((row, i) =>
    row.map((v, j) => {
      if (types[i]?.[j] === 'Error') {
        findings.push(
          finding('cell-error', 'warning', null, [target.row + i + 1], {
            cell: address(target.col + j, target.row + i + 1),
            error: String(v),
          }),
        );
        return '';
      }
      return cellText(
        v,
        texts[i]?.[j] ?? '',
        formats[i]?.[j] ?? 'General',
        types[i]?.[j] ?? '',
        date1904,
      );
    }),
  );
  const mergedFromAbove: Set<number>[] = cells.map(() => new Set<number>());
  for (const m of merges ?? []) {
    if (m.r0 < 0 || m.c0 < 0 || m.r0 >= cells.length) continue;
    const value = cells[m.r0]?.[m.c0] ?? '';
    for (let r = m.r0 + 1; r <= Math.min(m.r1, cells.length - 1); r++) {
      cells[r]![m.c0] = value;
      if (value !== '') mergedFromAbove[r]!.add(m.c0);
    }
  }
  // Prose: rows before the first and after the last row with two or more filled cells (the
  // document's head and its signature), and an appendix caption between two tables.
  const filled = cells.map((row) => row.filter((c) => c.trim() !== '').length);
  const first = filled.findIndex((n) => n >= 2);
  let last = -1;
  for (let i = filled.length - 1; i >= 0; i--)
    if (filled[i]! >= 2) {
      last = i;
      break;
    }
  const rows: GridRow[] = cells.map((row, i) => {
    const line = target.row + i + 1;
    const only = filled[i] === 1 ? row.find((c) => c.trim() !== '')! : null;
    const prose =
      filled[i]! <= 1 &&
      (first < 0 ||
        i < first ||
        i > last ||
        (only !== null && /^\s*ph[uụ] l[uụ]c\b/iu.test(only) && row.indexOf(only) === 0));
    if (prose) return { line, cells: [only ?? ''], tabular: false };
    const out: GridRow = { line, cells: row, tabular: true };
    if (mergedFromAbove[i]!.size > 0)
      out.mergedFromAbove = [...mergedFromAbove[i]!].sort((a, b) => a - b);
    return out;
  });
  return { source: merges !== null ? 'sheet' : 'tsv', rows };
}
