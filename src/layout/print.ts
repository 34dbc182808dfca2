// The printed page: A4, margins, scale, repeated rows, page breaks, header and footer, one
// function per kind of sheet. Decided after the rows have their heights (layout/fit), from the
// same measures: what a sheet's columns and rows take in points, and what an A4 page holds.
//
// - Tổng hợp: one landscape page when it fits at a readable scale (text ≥ 8.5 pt); else fit to
//   the width, the overdue list starting on a page of its own.
// - Nhiệm vụ: text printed at 9 pt or more (a fixed scale), Mã to Nhiệm vụ and the header row on
//   every page, pages across first, so a band of tasks reads left to right over its pages.
// - Unit sheets: the unit's name in the page header, the (shared) table header on every page,
//   a heading never left alone at the foot of a page.
// - The others: fit to the width, their header row on every page.
// Every page: the plan in the header (no product name), the sheet, "Tính đến ngày" and the page
// number in the footer.

import { columnLetter, parseCellRef } from '../excel/a1';
import { MARGINS, printSetup, type Context } from './context';
import { columnPixels } from './metrics';
import { fontOf } from './fit';
import type { CellStyle, PrintSetup, SheetLayout, StyleId } from './types';

/** A4 in points. */
const A4 = { short: 595.3, long: 841.9 };
/** The smallest printed text size a page may have (points). */
const READABLE_POINTS = 8.5;
/** Nhiệm vụ, read line by line, prints larger. */
const TASKS_POINTS = 9;
/** Height of a row the layout gives no height (Excel's default row for Calibri 11). */
const DEFAULT_ROW = 15;

/** The points an A4 page offers inside its margins. */
function printable(orientation: PrintSetup['orientation']): {
  width: number;
  height: number;
} {
  const [pageWidth, pageHeight] =
    orientation === 'landscape' ? [A4.long, A4.short] : [A4.short, A4.long];
  return {
    width: pageWidth - (MARGINS.left + MARGINS.right) * 72,
    height: pageHeight - (MARGINS.top + MARGINS.bottom) * 72,
  };
}

/**
 * Points the visible columns `from`..`to` (0-based) take on paper, the wider of Excel's
 * measure (whole pixels of a 7-pixel digit) and LibreOffice's (the width times Calibri 11's
 * digit, 5.6 pt, unrounded): a page planned for both fits both.
 */
function columnsWidth(sheet: SheetLayout, from = 0, to = sheet.columns.length - 1): number {
  let excel = 0;
  let libre = 0;
  for (let c = from; c <= to; c++) {
    const col = sheet.columns[c];
    if (!col || col.hidden) continue;
    excel += columnPixels(col.width) * 0.75;
    libre += col.width * 5.6;
  }
  return Math.max(excel, libre);
}

/** Points row `r` takes. */
export function rowPoints(sheet: SheetLayout, r: number): number {
  return sheet.rowHeights?.[r] ?? DEFAULT_ROW;
}

/** The last row holding a cell. */
function lastRowOf(sheet: SheetLayout): number {
  let last = 1;
  for (const block of sheet.blocks) {
    const origin = parseCellRef(block.origin)!;
    last = Math.max(last, origin.row + block.rows.length - 1);
  }
  return last;
}

/** The last visible column (0-based). */
function lastVisibleColumn(sheet: SheetLayout): number {
  for (let c = sheet.columns.length - 1; c >= 0; c--) if (!sheet.columns[c]!.hidden) return c;
  return 0;
}

/** Rows whose first cell has `style` (section headings). */
function rowsStyled(sheet: SheetLayout, style: string): number[] {
  const out: number[] = [];
  for (const block of sheet.blocks) {
    const origin = parseCellRef(block.origin)!;
    block.rows.forEach((cells, i) => {
      if (origin.col === 1 && cells[0]?.style === style) out.push(origin.row + i);
    });
  }
  return out.sort((a, b) => a - b);
}

/** The body text size of a sheet's styles (the smallest scale keeps it readable). */
function bodySize(styles: Record<StyleId, CellStyle>): number {
  return fontOf(styles.text).size;
}

/**
 * Page breaks for rows `first`..`last` printed at `scale` with `repeated` points of repeated
 * rows on every page: a page ends where the next row no longer fits, or earlier before a
 * heading whose `keep` following rows would not fit with it.
 */
function pageBreaks(
  sheet: SheetLayout,
  first: number,
  last: number,
  scale: number,
  orientation: PrintSetup['orientation'],
  repeated: (page: number) => number,
  keep: Map<number, number> = new Map(),
): number[] {
  const room = printable(orientation).height / scale;
  const breaks: number[] = [];
  let used = 0;
  let page = 0;
  for (let r = first; r <= last; r++) {
    const kept = keep.get(r) ?? 0;
    let block = 0;
    for (let k = r; k <= Math.min(last, r + kept); k++) block += rowPoints(sheet, k);
    const available = room - repeated(page);
    if (used > 0 && used + block > available) {
      breaks.push(r);
      page++;
      used = 0;
    }
    used += rowPoints(sheet, r);
  }
  return breaks;
}

function base(ctx: Context, title?: string): PrintSetup {
  return printSetup(ctx, undefined, title);
}

/** The largest scale (percent, whole) at which `width` points fit the page's width. */
function widthScale(width: number, orientation: PrintSetup['orientation']): number {
  return Math.min(100, Math.floor((printable(orientation).width / width) * 100));
}

/** Tổng hợp: one page when it fits readably; else by width, the overdue list on a new page. */
export function dashboardPrint(
  ctx: Context,
  sheet: SheetLayout,
  styles: Record<StyleId, CellStyle>,
  headerRow: number,
  lastPrinted: number,
): PrintSetup {
  const setup = base(ctx);
  const lastCol = lastVisibleColumn(sheet);
  setup.printArea = `A1:${columnLetter(lastCol)}${lastPrinted}`;
  const width = columnsWidth(sheet, 0, lastCol);
  let height = 0;
  for (let r = 1; r <= lastPrinted; r++) height += rowPoints(sheet, r);
  const page = printable('landscape');
  const scale = Math.min(1, page.width / width, page.height / height);
  if (scale * bodySize(styles) >= READABLE_POINTS) {
    setup.fitToHeight = 1;
    return setup;
  }
  const list = rowsStyled(sheet, 'section').find((r) => r > headerRow);
  const table = widthScale(width, 'landscape') / 100;
  setup.repeatRows = `${headerRow}:${headerRow}`;
  const header = rowPoints(sheet, headerRow);
  // The unit table's header repeats on its own pages only: the overdue list starts a page
  // (and its pages show its own header, the row under its title).
  const breaks = pageBreaks(sheet, 1, list ? list - 1 : lastPrinted, table, 'landscape', (p) =>
    p === 0 ? 0 : header,
  );
  if (list) {
    breaks.push(list);
    delete setup.repeatRows;
  }
  setup.rowBreaks = breaks;
  return setup;
}

/** Nhiệm vụ: a fixed scale that prints its text at 9 pt, Mã to Nhiệm vụ on every page. */
export function tasksPrint(
  ctx: Context,
  sheet: SheetLayout,
  styles: Record<StyleId, CellStyle>,
  headerRow: number,
  titleColumns: number,
): PrintSetup {
  const setup = base(ctx);
  const lastCol = lastVisibleColumn(sheet);
  const fit = widthScale(columnsWidth(sheet, 0, lastCol), 'landscape');
  const readable = Math.ceil((TASKS_POINTS / bodySize(styles)) * 100);
  setup.fitToWidth = false;
  setup.scale = Math.max(fit, readable);
  setup.repeatRows = `${headerRow}:${headerRow}`;
  if (fit < readable) {
    setup.repeatColumns = `A:${columnLetter(titleColumns - 1)}`;
    setup.pageOrder = 'overThenDown';
  }
  setup.printArea = `A1:${columnLetter(lastCol)}${lastRowOf(sheet)}`;
  return setup;
}

/**
 * A unit sheet: its name in the page header, its table header on every page, no heading alone
 * at a page's foot.
 */
export function unitPrint(
  ctx: Context,
  sheet: SheetLayout,
  unit: string,
  headerRow: number,
): PrintSetup {
  const setup = base(ctx, unit);
  const lastCol = lastVisibleColumn(sheet);
  const fit = widthScale(columnsWidth(sheet, 0, lastCol), 'landscape');
  setup.fitToWidth = false;
  setup.scale = fit;
  setup.repeatRows = `${headerRow}:${headerRow}`;
  setup.printArea = `A1:${columnLetter(lastCol)}${lastRowOf(sheet)}`;
  const header = rowPoints(sheet, headerRow);
  // A heading keeps its table's header and first row with it.
  const keep = new Map(rowsStyled(sheet, 'section').map((r) => [r, 2]));
  setup.rowBreaks = pageBreaks(
    sheet,
    1,
    lastRowOf(sheet),
    fit / 100,
    'landscape',
    (p) => (p === 0 ? 0 : header),
    keep,
  );
  return setup;
}
