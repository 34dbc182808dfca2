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
  return new RowFitter(styles, font, '').fitCell(
    sheet,
    placed.cell,
    placed.row,
    placed.column,
    merges,
  );
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
  new RowFitter(styles, font, tooTall).fitSheet(sheet);
}

/** Measures of texts in one font (size, bold, italic) of one `RowFitter`. */
interface FontMeasures {
  spec: FontSpec;
  /** Height of a row of one line. */
  singleLineHeight: number;
  /** Widest line of a text that does not wrap, in points, by text. */
  widestLine: Map<string, number>;
  /** Lines a wrapped text takes, by the room it wraps in (points), then by text. */
  linesByRoom: Map<number, Map<string, number>>;
}

/** What fitting needs of one style: its font's measures, whether it wraps, its indent. */
interface StyleMeasures {
  font: FontMeasures;
  wrap: boolean;
  indent: number;
}

/** Calls `visit` for every cell of a sheet's blocks (1-based row, 0-based column). */
function eachCell(
  sheet: SheetLayout,
  visit: (cell: Cell, row: number, column: number) => void,
): void {
  for (const block of sheet.blocks) {
    const origin = parseCellRef(block.origin)!;
    for (let i = 0; i < block.rows.length; i++) {
      const cells = block.rows[i]!;
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j];
        if (cell) visit(cell, origin.row + i, origin.col - 1 + j);
      }
    }
  }
}

/**
 * Fits the rows of the sheets of one build to their text. The same text in the same font and
 * room is measured once (a task's text is on Danh sách nhiệm vụ, its unit's sheet and Tổng
 * hợp): the measures are kept by this fitter, which lives as long as the build's fitting.
 * `styles` may gain a wrapping copy of a style (`<id>+wrap`); no style is changed.
 */
export class RowFitter {
  private readonly fonts = new Map<string, FontMeasures>();
  private readonly styleMeasures = new Map<CellStyle | undefined, StyleMeasures>();
  /** The room of one column, by indent then by width (a sheet's columns repeat their widths). */
  private readonly columnRooms = new Map<number, Map<number, number>>();

  constructor(
    private readonly styles: Record<StyleId, CellStyle>,
    private readonly font: FontName,
    private readonly tooTall: string,
  ) {}

  private columnRoom(width: number, indent: number): number {
    let byWidth = this.columnRooms.get(indent);
    if (!byWidth) this.columnRooms.set(indent, (byWidth = new Map()));
    let room = byWidth.get(width);
    if (room === undefined) byWidth.set(width, (room = textRoom([width], indent)));
    return room;
  }

  private measuresOf(style: CellStyle | undefined): StyleMeasures {
    let measures = this.styleMeasures.get(style);
    if (!measures) {
      const spec = fontOf(style, this.font);
      const fontKey = `${spec.size}|${spec.bold ? 'b' : ''}${spec.italic ? 'i' : ''}`;
      let font = this.fonts.get(fontKey);
      if (!font) {
        font = {
          spec,
          singleLineHeight: rowHeight(1, spec),
          widestLine: new Map(),
          linesByRoom: new Map(),
        };
        this.fonts.set(fontKey, font);
      }
      measures = {
        font,
        wrap: style?.alignment?.wrap ?? false,
        indent: style?.alignment?.indent ?? 0,
      };
      this.styleMeasures.set(style, measures);
    }
    return measures;
  }

  /** How the text of one cell sits in its column(s), or null for a cell without text. */
  fitCell(
    sheet: SheetLayout,
    cell: Cell,
    row: number,
    column: number,
    merges: ReturnType<typeof mergesOf>,
  ): CellFit | null {
    const text = shownText(cell);
    if (!text) return null;
    const own = sheet.columns[column];
    if (!own || own.hidden) return null;
    const measures = this.measuresOf(cell.style ? this.styles[cell.style] : undefined);
    const merge = merges.get(cellKey(row, column));
    const tall = (merge?.rows ?? 1) > 1;
    let room: number;
    if (merge) {
      const widths: number[] = [];
      for (let c = column; c <= merge.lastColumn; c++) {
        const col = sheet.columns[c];
        if (col && !col.hidden) widths.push(col.width);
      }
      room = textRoom(widths, measures.indent);
    } else room = this.columnRoom(own.width, measures.indent);
    const { spec, singleLineHeight, widestLine, linesByRoom } = measures.font;
    if (!measures.wrap) {
      let widest = widestLine.get(text);
      if (widest === undefined) {
        widest = Math.max(...text.split(/\r?\n/).map((l) => textWidth(l, spec)));
        widestLine.set(text, widest);
      }
      return { lines: 1, height: singleLineHeight, overflows: widest > room, tall };
    }
    let linesByText = linesByRoom.get(room);
    if (!linesByText) {
      linesByText = new Map();
      linesByRoom.set(room, linesByText);
    }
    let lines = linesByText.get(text);
    if (lines === undefined) {
      lines = wrappedLineCount(text, room, spec);
      linesByText.set(text, lines);
    }
    return { lines, height: rowHeight(lines, spec), overflows: false, tall };
  }

  /**
   * Sets every row of `sheet` to the height its tallest text needs (a height the sheet already
   * gives is kept as a least height). Text over the highest row gets `tooTall` as a note.
   */
  fitSheet(sheet: SheetLayout): void {
    const { styles, font } = this;
    const merges = mergesOf(sheet);
    // A column header never breaks inside a word: its column is as wide as its longest word.
    eachCell(sheet, (cell, row, column) => {
      if (cell.style !== 'header') return;
      const text = shownText(cell);
      const own = sheet.columns[column];
      if (!text || !own || own.hidden) return;
      if (merges.has(cellKey(row, column))) return;
      const spec = fontOf(styles.header, font);
      const longest = Math.max(...text.split(/[\s/]+/).map((word) => textWidth(word, spec)));
      // (Up to a reasonable width: a header of one very long word is a person's own, and wraps.)
      if (longest > textRoom([own.width]) && own.width < MAX_HEADER_WIDTH) {
        sheet.columns = sheet.columns.map((c, i) =>
          i === column ? { ...c, width: Math.min(MAX_HEADER_WIDTH, widthFor(longest)) } : c,
        );
      }
    });
    // A text that overflows is cut by a filled cell to its right, on any block.
    const origins = sheet.blocks.map((block) => parseCellRef(block.origin)!);
    const isFilled = (row: number, column: number): boolean =>
      sheet.blocks.some((block, b) => {
        const cell = block.rows[row - origins[b]!.row]?.[column - origins[b]!.col + 1];
        return !!cell && !!(shownText(cell) || cell.number !== undefined || cell.date);
      });
    const need = new Map<number, number>();
    eachCell(sheet, (cell, row, column) => {
      let fit = this.fitCell(sheet, cell, row, column, merges);
      // Text wider than its cell spills over an empty neighbour but is cut by a filled one:
      // such a cell wraps instead (its style with wrapping, made once).
      if (fit?.overflows) {
        const last = merges.get(cellKey(row, column))?.lastColumn ?? column;
        if (isFilled(row, last + 1)) {
          const base = cell.style ?? '';
          const id = `${base}+wrap`;
          styles[id] ??= {
            ...styles[base],
            alignment: { ...styles[base]?.alignment, wrap: true },
          };
          cell.style = id;
          fit = this.fitCell(sheet, cell, row, column, merges);
        }
      }
      if (!fit || fit.tall) return;
      if (fit.height > MAX_ROW_HEIGHT) {
        cell.note = cell.note ? `${cell.note}\n${this.tooTall}` : this.tooTall;
      }
      // One line rows keep the default height unless a larger font asks for more.
      const single = this.measuresOf(styles[cell.style ?? '']).font.singleLineHeight;
      if (fit.lines <= 1 && single <= 15) return;
      need.set(row, Math.max(need.get(row) ?? 0, fit.height));
    });
    const heights = { ...(sheet.rowHeights ?? {}) };
    for (const [row, height] of need) {
      heights[row] = Math.min(MAX_ROW_HEIGHT, Math.max(heights[row] ?? 0, height));
    }
    if (Object.keys(heights).length > 0) sheet.rowHeights = heights;
  }
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
