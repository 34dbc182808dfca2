import type { ColumnRole, TableKind } from '../plan/types';
import { cleanInline, isSeparatorCell } from '../text/cell';
import { foldDiacritics, foldDiacriticsHead } from '../text/normalize';
import type { Grid, GridRow } from '../grid/types';
import {
  isSubHeaderRow,
  layoutHeader,
  namesHeaderRoles,
  roleOfFolded,
  type HeaderLayout,
} from './headers';

export interface DetectedTable extends HeaderLayout {
  kind: TableKind;
  title: string | null;
  /** The header row(s) as read, to recognise repeats after page breaks. */
  headerRows: GridRow[];
  /** Body rows in order: header repeats, separators and blank rows are already left out. */
  body: GridRow[];
  firstRow: number;
  lastRow: number;
}

/**
 * What the table finder reads of a row, worked out once per row: a row is looked at by several
 * rules (blank, header, repeat of the header, total, closing line…), and cleaning and folding
 * its cells once keeps the finder linear in the text with a small constant.
 */
interface RowView {
  /** Each cell as `cleanInline` reads it. */
  inline: string[];
  blank: boolean;
  /** The start of each cell cleaned and folded (`foldDiacriticsHead`, HEAD characters). */
  heads?: string[];
  header?: boolean;
  total?: boolean;
}

/**
 * How much of a cell the rules on folded text need: a header names its role in at most 80
 * characters (`roleOfFolded`), totals and closing lines are shorter still. A longer cell is
 * folded to HEAD + 1 characters only.
 */
const HEAD = 81;

/** The views of one grid's rows, and the header roles of the texts they share. */
class RowViews {
  private readonly views = new Map<GridRow, RowView>();
  private readonly roles = new Map<string, ColumnRole | null>();

  of(row: GridRow): RowView {
    let view = this.views.get(row);
    if (view === undefined) {
      const inline = row.cells.map((c) => cleanInline(c));
      view = { inline, blank: inline.every((c) => c === '') };
      this.views.set(row, view);
    }
    return view;
  }

  blank(row: GridRow): boolean {
    return this.of(row).blank;
  }

  /** Each cell folded, cut after HEAD + 1 characters. */
  heads(row: GridRow): string[] {
    const view = this.of(row);
    return (view.heads ??= view.inline.map((c) => foldDiacriticsHead(c, HEAD)));
  }

  /** `isHeaderRow(row.cells)`. */
  header(row: GridRow): boolean {
    const view = this.of(row);
    return (view.header ??= namesHeaderRoles(this.heads(row).map((f) => this.role(f))));
  }

  /** `isTotalRow(row)`. */
  total(row: GridRow): boolean {
    const view = this.of(row);
    return (view.total ??= this.heads(row).some(isTotalCell));
  }

  /** `roleOfFolded`, once per distinct text (units, times and products repeat). */
  private role(folded: string): ColumnRole | null {
    if (folded.length > HEAD) return null;
    let role = this.roles.get(folded);
    if (role === undefined) this.roles.set(folded, (role = roleOfFolded(folded)));
    return role;
  }
}

/** A markdown separator row (`--|--`) left by a converter. */
export function isSeparatorRow(row: GridRow): boolean {
  const filled = row.cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.every(isSeparatorCell);
}

/** Page numbers between pages ("2", "- 2 -", "Trang 2") are not part of any table. */
function isPageNumber(row: GridRow): boolean {
  return /^(trang\s*)?[-–\s]*\d{1,3}[-–\s]*$/i.test(cleanInline(row.cells.join(' ')));
}

/**
 * The row of column numbers under a header ("(1) | (2) | (3)", "1 | 2 | 3", "A | B | 1 | 2"):
 * every filled cell a short label, most of them filled, numbers counting up.
 */
export function isColumnNumberRow(row: GridRow): boolean {
  return isColumnNumberCells(row.cells.map((c) => cleanInline(c)));
}

function isColumnNumberCells(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  if (filled.length < 3 || filled.length < cells.length - 1) return false;
  if (!filled.every((c) => /^\(?([0-9]{1,2}|[A-ZĐ])\)?$/u.test(c))) return false;
  const numbers = filled.map((c) => Number(c.replace(/[()]/g, ''))).filter((n) => !isNaN(n));
  return numbers.length >= 2 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}

/**
 * Page furniture copied from a PDF between two rows of a table: a page number in one cell, or a
 * short running head (the document's title, "Phụ lục I") on its own line. Only what stands
 * between rows of the same table: the row after it must be one of the table's rows.
 */
function isFurniture(
  views: RowViews,
  row: GridRow,
  next: GridRow | undefined,
  width: number,
  sttColumn: number | undefined,
): boolean {
  if (row.tabular) {
    // A lone number outside the STT column (a number in the STT column is a row of its own).
    const cells = views.of(row).inline;
    const filled = cells.map((c, i) => [c, i] as const).filter(([c]) => c !== '');
    return (
      filled.length === 1 &&
      filled[0]![1] !== sttColumn &&
      /^(trang\s*)?[-–\s]*\d{1,3}[-–\s]*$/i.test(filled[0]![0]) &&
      next !== undefined
    );
  }
  const text = cleanInline(row.cells.join(' '));
  return (
    text.length > 0 &&
    text.length <= 150 &&
    next !== undefined &&
    next.tabular &&
    Math.abs(next.cells.length - width) <= 1 &&
    !views.header(next)
  );
}

/** The next row that is not blank, from index `j` on. */
function nextFilled(views: RowViews, rows: GridRow[], j: number): GridRow | undefined {
  for (let k = j; k < rows.length; k++) if (!views.blank(rows[k]!)) return rows[k];
  return undefined;
}

/** Same roles in the same columns: the table's header again (a repeat, even reworded). */
function sameLayout(a: HeaderLayout, cells: string[], next: GridRow | undefined): boolean {
  const sub = next && next.tabular && isSubHeaderRow(cells, next.cells) ? next.cells : null;
  const b = layoutHeader(cells, sub);
  const keys = (l: HeaderLayout): string =>
    Object.entries(l.columns)
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([role, i]) => `${role}:${i}`)
      .join(',');
  return keys(a) === keys(b);
}

/**
 * The row's folded cells, tab-joined, without the empty cells at its end: whole, or each cut
 * after HEAD + 1 characters (enough to compare with a key whose cells are at most HEAD long).
 */
function rowKey(views: RowViews, row: GridRow, whole: boolean): string {
  const folded = whole ? views.of(row).inline.map((c) => foldDiacritics(c)) : views.heads(row);
  let end = folded.length;
  while (end > 0 && folded[end - 1] === '') end--;
  return folded.slice(0, end).join('\t');
}

const isTotalCell = (folded: string): boolean => /^(tong cong|tong so|cong)\s*:?$/.test(folded);

/** "Tổng cộng" rows close a table (report forms keep them as their last row). */
export function isTotalRow(row: GridRow): boolean {
  return row.cells.some((c) => isTotalCell(foldDiacritics(cleanInline(c))));
}

/** Signature and note lines that sometimes sit inside the table's last rows. */
function isClosingRow(views: RowViews, row: GridRow): boolean {
  const { inline } = views.of(row);
  const index = inline.findIndex((c) => c !== '');
  const first = index < 0 ? '' : views.heads(row)[index]!;
  return /^(ghi chu\s*:|noi nhan\s*:?|nguoi lap( bieu)?|thu truong|tm\.|kt\.|chu tich$)/.test(
    first,
  );
}

function classify(views: RowViews, layout: HeaderLayout, body: GridRow[]): TableKind {
  const has = (role: ColumnRole): boolean => layout.columns[role] !== undefined;
  if (
    has('task') &&
    (has('lead') || has('support') || has('time') || has('start') || has('due') || has('product'))
  ) {
    return 'tasks';
  }
  const folded = layout.headers.map((h) => foldDiacritics(h));
  const namesUnits = folded.some((h) => /^(ten )?(don vi|co quan|dia phuong)\b/.test(h));
  const counts = folded.filter((h) =>
    /(^|\/ )(so|tong so|ty le|dien tich|so luong)\b/.test(h),
  ).length;
  if ((namesUnits && counts >= 2) || (counts >= 2 && body.some((r) => views.total(r)))) {
    return 'report-form';
  }
  return 'other';
}

const APPENDIX_LABEL = /^(phu luc|bieu|mau)(\s+(so\s*)?([ivxlc]+|\d+|[a-z])\b)?/;
const ATTACHED_NOTE = /^\(?\s*(ban hanh )?(kem theo|ban hanh)/;

/**
 * The caption above a table: the lines between the nearest appendix label ("PHỤ LỤC",
 * "Phụ lục II") and the header, without the "(Kèm theo …)" line. Without a label, the nearest
 * short line above. `floor` is the first row the caption may come from.
 */
function captionAbove(
  views: RowViews,
  rows: GridRow[],
  headerIndex: number,
  floor: number,
): string | null {
  const lines: { text: string; folded: string }[] = [];
  let label: string | null = null;
  for (let i = headerIndex - 1; i >= floor && headerIndex - i <= 14; i--) {
    const row = rows[i]!;
    if (row.tabular && !views.blank(row)) break;
    const text = cleanInline(row.cells.join(' '))
      .replace(/^#+\s*/, '')
      .trim();
    if (!text) continue;
    const folded = foldDiacritics(text);
    const labelMatch = APPENDIX_LABEL.exec(folded);
    if (labelMatch && text.length <= 40) {
      // "Phụ lục I" keeps its number; a bare "PHỤ LỤC" adds nothing to the title.
      label = labelMatch[4] ? text.replace(/[.:]\s*$/, '') : null;
      break;
    }
    if (text.length > 400 || /\.\/\.$/.test(text)) break;
    lines.unshift({ text, folded });
    if (lines.length >= 6) break;
  }
  const captionLines = lines.filter((l) => !ATTACHED_NOTE.test(l.folded));
  // Without a label, only the caption line nearest the table is its title.
  const chosen = label !== null || lines.length === 0 ? captionLines : captionLines.slice(-1);
  const caption = chosen
    .map((l) => l.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (label && caption) return `${label}: ${caption}`;
  return label ?? (caption || null);
}

/**
 * Finds every table of a grid: a header (one or two rows, any column order) and the rows under
 * it, across page breaks (repeated headers, blank lines, page numbers) until prose, a footer or
 * another header. Tab rows with no recognisable header make an `other` table.
 */
export function findTables(grid: Grid): DetectedTable[] {
  const rows = grid.rows;
  const views = new RowViews();
  const tables: DetectedTable[] = [];
  let floor = 0;
  let i = 0;
  while (i < rows.length) {
    const row = rows[i]!;
    if (!row.tabular || views.blank(row)) {
      i++;
      continue;
    }
    const headed = views.header(row);
    const next = rows[i + 1];
    const sub =
      headed && next && next.tabular && isSubHeaderRow(row.cells, next.cells) ? next : null;
    const headerRows = sub ? [row, sub] : headed ? [row] : [];
    const layout = headed
      ? layoutHeader(row.cells, sub ? sub.cells : null)
      : layoutHeader(
          row.cells.map(() => ''),
          null,
        );
    const keys = headerRows.map((r) => rowKey(views, r, true));
    // Rows are compared with the header by the start of each cell, unless a header cell is long.
    const wholeKeys = headerRows.some((r) => views.heads(r).some((h) => h.length > HEAD));
    const body: GridRow[] = [];
    let lastRow = sub ? sub.line : row.line;
    let j = i + headerRows.length;
    for (; j < rows.length; j++) {
      const r = rows[j]!;
      if (views.blank(r) || isSeparatorRow(r)) continue;
      if (headed && isColumnNumberCells(views.of(r).inline)) continue;
      if (!r.tabular) {
        if (isPageNumber(r)) continue;
        const next = nextFilled(views, rows, j + 1);
        if (
          headed &&
          body.length > 0 &&
          isFurniture(views, r, next, row.cells.length, layout.columns.stt)
        )
          continue;
        break;
      }
      if (headed && keys.includes(rowKey(views, r, wholeKeys))) continue;
      const next = nextFilled(views, rows, j + 1);
      if (headed && isFurniture(views, r, next, row.cells.length, layout.columns.stt)) continue;
      if (views.header(r)) {
        // The header again inside the body (a page break, or a table pasted in pieces): skip it
        // and its sub-header row; a header with other roles starts another table.
        if (headed && sameLayout(layout, r.cells, rows[j + 1])) {
          const subRow = rows[j + 1];
          if (subRow && subRow.tabular && isSubHeaderRow(r.cells, subRow.cells)) j++;
          continue;
        }
        break;
      }
      if (!headed && body.length > 0 && isClosingRow(views, r)) break;
      if (headed && isClosingRow(views, r)) break;
      body.push(r);
      lastRow = r.line;
      if (views.total(r)) {
        j++;
        break;
      }
    }
    if (headed || body.length >= 1) {
      // Without a header the scan above started on `row` itself, so `body` already holds it.
      const allBody = body;
      const kind = headed ? classify(views, layout, allBody) : 'other';
      const bodyRows = kind === 'tasks' ? allBody.filter((r) => !views.total(r)) : allBody;
      tables.push({
        ...layout,
        headers: headed ? layout.headers : [],
        columns: headed ? layout.columns : {},
        extraColumns: headed ? layout.extraColumns : {},
        kind,
        title: captionAbove(views, rows, i, floor),
        headerRows,
        body: bodyRows,
        firstRow: row.line,
        lastRow,
      });
    }
    floor = j;
    i = Math.max(j, i + 1);
  }
  return tables;
}
