// Row heights from the fonts' metrics. Not every spreadsheet program grows a row to fit wrapped
// text when it opens a file (and none does on paper), so the layout says how tall each row is:
// every text cell of every sheet is wrapped, by the font it is set in, into its column (a
// merged area: the sum of its columns), and its row gets the height of its tallest cell. Text
// that no row can hold (over Excel's 409 pt) gets a note saying so, never a silent cut.

import { MAX_COLS, parseCellRef } from '../excel/a1';
import {
  DEFAULT_FONT,
  DEFAULT_SIZE,
  MAX_ROW_HEIGHT,
  rowHeight,
  textRoom,
  textWidth,
  widthFor,
  wrappedLineCount,
  type FontName,
  type FontSpec,
} from './metrics';
import type { Cell, CellStyle, SheetLayout, StyleId } from './types';

/** Widest a column grows to hold its header's longest word. */
const MAX_HEADER_WIDTH = 30;

/** The font a style sets its text in. */
export function fontOf(style: CellStyle | undefined, name: FontName = DEFAULT_FONT): FontSpec {
  const f = style?.font;
  return {
    name,
    size: f?.size ?? DEFAULT_SIZE,
    ...(f?.bold ? { bold: true } : {}),
    ...(f?.italic ? { italic: true } : {}),
  };
}

/** The text a cell shows on the build's day: its text, or a formula's stored text. */
export function shownText(cell: Cell): string | null {
  if (cell.text !== undefined) return cell.text;
  if (cell.formula !== undefined && typeof cell.value === 'string') return cell.value;
  return null;
}

export interface PlacedCell {
  cell: Cell;
  /** 1-based row, 0-based column. */
  row: number;
  column: number;
}

/** Every cell of a sheet's blocks with where it sits. */
export function placedCells(sheet: SheetLayout): PlacedCell[] {
  const out: PlacedCell[] = [];
  for (const block of sheet.blocks) {
    const origin = parseCellRef(block.origin)!;
    block.rows.forEach((cells, i) =>
      cells.forEach((cell, j) => {
        if (cell) out.push({ cell, row: origin.row + i, column: origin.col - 1 + j });
      }),
    );
  }
  return out;
}

/** A number for a cell (1-based row, 0-based column): keys without a string for each cell. */
export function cellKey(row: number, column: number): number {
  return row * MAX_COLS + column;
}

/** Merged areas by their top-left cell (`cellKey`). */
export function mergesOf(
  sheet: SheetLayout,
): Map<number, { rows: number; firstColumn: number; lastColumn: number }> {
  const out = new Map<number, { rows: number; firstColumn: number; lastColumn: number }>();
  for (const m of sheet.merges ?? []) {
    const [a, b] = m.split(':');
    const from = parseCellRef(a!);
    const to = parseCellRef(b ?? a!);
    if (!from || !to) continue;
    out.set(cellKey(from.row, from.col - 1), {
      rows: to.row - from.row + 1,
      firstColumn: from.col - 1,
      lastColumn: to.col - 1,
    });
  }
  return out;
}

export interface CellFit {
  /** Lines the text takes (1 for text that does not wrap). */
  lines: number;
  /** Points the row needs. */
  height: number;
  /** Text that does not wrap and is wider than its cell. */
  overflows: boolean;
  /** The cell is part of an area merged over several rows (its height is theirs together). */
  tall: boolean;
}

/** How the text of one cell sits in its column(s), or null for a cell without text. */
export function fitCell(
  sheet: SheetLayout,
  placed: PlacedCell,
  styles: Record<StyleId, CellStyle>,
  font: FontName,
  merges = mergesOf(sheet),
): CellFit | null {
  const text = shownText(placed.cell);
  if (!text) return null;
  const column = sheet.columns[placed.column];
  if (!column || column.hidden) return null;
  const style = placed.cell.style ? styles[placed.cell.style] : undefined;
  const merge = merges.get(cellKey(placed.row, placed.column));
  const widths: number[] = [];
  for (let c = placed.column; c <= (merge?.lastColumn ?? placed.column); c++) {
    const col = sheet.columns[c];
    if (col && !col.hidden) widths.push(col.width);
  }
  const spec = fontOf(style, font);
  const room = textRoom(widths, style?.alignment?.indent ?? 0);
  if (!style?.alignment?.wrap) {
    const lines = text.split(/\r?\n/);
    const widest = Math.max(...lines.map((l) => textWidth(l, spec)));
    return {
      lines: 1,
      height: rowHeight(1, spec),
      overflows: widest > room,
      tall: (merge?.rows ?? 1) > 1,
    };
  }
  const lines = wrappedLineCount(text, room, spec);
  return { lines, height: rowHeight(lines, spec), overflows: false, tall: (merge?.rows ?? 1) > 1 };
}

/**
 * Sets every row of `sheet` to the height its tallest text needs (a height the sheet already
 * gives is kept as a least height). Text over the highest row gets `tooTall` as a note.
 */
export function fitSheet(
  sheet: SheetLayout,
  styles: Record<StyleId, CellStyle>,
  font: FontName,
  tooTall: string,
): void {
  const merges = mergesOf(sheet);
  const need = new Map<number, number>();
  const cells = placedCells(sheet);
  // A column header never breaks inside a word: its column is as wide as its longest word.
  for (const placed of cells) {
    const text = shownText(placed.cell);
    const column = sheet.columns[placed.column];
    if (!text || placed.cell.style !== 'header' || !column || column.hidden) continue;
    if (merges.has(cellKey(placed.row, placed.column))) continue;
    const spec = fontOf(styles.header, font);
    const longest = Math.max(...text.split(/[\s/]+/).map((word) => textWidth(word, spec)));
    // (Up to a reasonable width: a header of one very long word is a person's own, and wraps.)
    if (longest > textRoom([column.width]) && column.width < MAX_HEADER_WIDTH) {
      sheet.columns = sheet.columns.map((c, i) =>
        i === placed.column ? { ...c, width: Math.min(MAX_HEADER_WIDTH, widthFor(longest)) } : c,
      );
    }
  }
  const filled = new Set(
    cells
      .filter((p) => shownText(p.cell) || p.cell.number !== undefined || p.cell.date)
      .map((p) => cellKey(p.row, p.column)),
  );
  for (const placed of cells) {
    let fit = fitCell(sheet, placed, styles, font, merges);
    // Text wider than its cell spills over an empty neighbour but is cut by a filled one:
    // such a cell wraps instead (its style with wrapping, made once).
    const last = merges.get(cellKey(placed.row, placed.column))?.lastColumn ?? placed.column;
    if (fit?.overflows && filled.has(cellKey(placed.row, last + 1))) {
      const base = placed.cell.style ?? '';
      const id = `${base}+wrap`;
      styles[id] ??= {
        ...styles[base],
        alignment: { ...styles[base]?.alignment, wrap: true },
      };
      placed.cell.style = id;
      fit = fitCell(sheet, placed, styles, font, merges);
    }
    if (!fit || fit.tall) continue;
    const single = rowHeight(1, fontOf(styles[placed.cell.style ?? ''], font));
    if (fit.height > MAX_ROW_HEIGHT) {
      const note = placed.cell.note ? `${placed.cell.note}\n${tooTall}` : tooTall;
      placed.cell.note = note;
    }
    // One line rows keep the default height unless a larger font asks for more.
    if (fit.lines <= 1 && single <= 15) continue;
    need.set(placed.row, Math.max(need.get(placed.row) ?? 0, fit.height));
  }
  const heights = { ...(sheet.rowHeights ?? {}) };
  for (const [row, height] of need) {
    heights[row] = Math.min(MAX_ROW_HEIGHT, Math.max(heights[row] ?? 0, height));
  }
  if (Object.keys(heights).length > 0) sheet.rowHeights = heights;
}

/** The longest Mã of each task list, counted once: every unit sheet asks for it. */
const longestCodes = new WeakMap<readonly { code: string }[], number>();

/**
 * A Mã column's width (character units) that holds every Mã of `rows` on one line — an
 * occurrence's Mã ("V.10/2019-Q1") is long and, wrapped in a one-line row, would be cut — at
 * least `min`.
 */
export function codeColumnWidth(rows: readonly { code: string }[], min: number): number {
  let longest = longestCodes.get(rows);
  if (longest === undefined) {
    longest = 0;
    for (const row of rows) longest = Math.max(longest, [...row.code].length);
    longestCodes.set(rows, longest);
  }
  return Math.max(min, Math.min(40, longest + 2));
}
