import type { ColumnRole, TableKind } from '../plan/types';
import { cleanInline, isSeparatorCell } from '../text/cell';
import { foldDiacritics, foldDiacriticsHead, foldsLongerThan } from '../text/normalize';
import type { Grid, GridRow } from '../grid/types';
import { CleanCells } from './cells';
import { foldedRule } from './spelling';
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
 * How much of a cell the rules on folded text need: a header names its role in at most 80
 * characters (`roleOfFolded`), totals and closing lines are shorter still. A longer cell is
 * folded to HEAD + 1 characters only, or not at all when a scan shows it is longer.
 */
const HEAD = 81;

/** What the rules read of one cell: its folded start, the role it names as a header, total. */
interface CellFacts {
  /** `foldDiacriticsHead(inline, HEAD)`. */
  head: string;
  role: ColumnRole | null;
  total: boolean;
}

const NO_FACTS: CellFacts = { head: '', role: null, total: false };

/** Cells up to this length are remembered by their text: units, times, products repeat. */
const REMEMBERED = 64;

/**
 * What the table finder reads of each row, worked out once: a row is looked at by several rules
 * (blank, header, repeat of the header, total, closing line…). Cells are cleaned once
 * (`CleanCells`) and folded once per distinct short text; a long cell (a task's text) is not
 * folded when a scan shows it is too long to name a role or a total. What is kept of a row is
 * its answers, so a long plan does not keep a folded copy of its text.
 */
class RowViews {
  private readonly facts = new Map<string, CellFacts>();

  constructor(private readonly cells: CleanCells) {}

  /** Each cell as `cleanInline` reads it. */
  inline(row: GridRow): string[] {
    return this.cells.inline(row);
  }

  blank(row: GridRow): boolean {
    return this.cells.of(row).every((c) => c === '');
  }

  /** The facts of a cell's inline text. */
  cell(inline: string): CellFacts {
    if (inline === '') return NO_FACTS;
    let facts = inline.length <= REMEMBERED ? this.facts.get(inline) : undefined;
    if (facts === undefined) {
      const head = foldDiacriticsHead(inline, HEAD);
      facts = { head, role: roleOfFolded(head), total: isTotalCell(head) };
      if (inline.length <= REMEMBERED) this.facts.set(inline, facts);
    }
    return facts;
  }

  /** The role a cell names as a header; a cell too long to name one is not folded. */
  private role(inline: string): ColumnRole | null {
    return foldsLongerThan(inline, HEAD) ? null : this.cell(inline).role;
  }

  /** Each cell folded, cut after HEAD + 1 characters. */
  heads(row: GridRow): string[] {
    return this.inline(row).map((c) => this.cell(c).head);
  }

  /** `isHeaderRow(row.cells)`. */
  header(row: GridRow): boolean {
    const inline = this.inline(row);
    // Most rows name no role at all: no list of roles to make for them.
    let named = 0;
    for (const cell of inline) if (this.role(cell) !== null) named++;
    return named >= 2 && namesHeaderRoles(inline.map((c) => this.role(c)));
  }

  /** A "Tổng cộng" row, which closes a table (report forms keep it as their last row). */
  total(row: GridRow): boolean {
    return this.inline(row).some((c) => !foldsLongerThan(c, TOTAL_LENGTH) && this.cell(c).total);
  }
}

/** A markdown separator row (`--|--`) left by a converter. */
function isSeparatorRow(row: GridRow): boolean {
  let filled = 0;
  for (const cell of row.cells) {
    if (cell.trim() === '') continue;
    if (!isSeparatorCell(cell)) return false;
    filled++;
  }
  return filled > 0;
}

/** Page numbers between pages ("2", "- 2 -", "Trang 2") are not part of any table. */
function isPageNumber(row: GridRow): boolean {
  return /^(trang\s*)?[-–\s]*\d{1,3}[-–\s]*$/i.test(cleanInline(row.cells.join(' ')));
}

/**
 * The row of column numbers under a header ("(1) | (2) | (3)", "1 | 2 | 3", "A | B | 1 | 2"),
 * its cells cleaned: every filled cell a short label, most of them filled, numbers counting up.
 */
function isColumnNumberCells(cells: string[]): boolean {
  let count = 0;
  for (const cell of cells) if (cell !== '') count++;
  if (count < 3 || count < cells.length - 1) return false;
  const filled = cells.filter((c) => c !== '');
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
    const cells = views.inline(row);
    let only = -1;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] === '') continue;
      if (only >= 0) return false;
      only = i;
    }
    return (
      only >= 0 &&
      only !== sttColumn &&
      /^(trang\s*)?[-–\s]*\d{1,3}[-–\s]*$/i.test(cells[only]!) &&
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
 * The row's folded cells without the empty cells at its end (a row is the header again when
 * its key is the header's): whole, or each cut after HEAD + 1 characters (enough to compare
 * with a key whose cells are at most HEAD long).
 */
function rowKey(views: RowViews, row: GridRow, whole: boolean): string[] {
  const folded = whole ? views.inline(row).map((c) => foldDiacritics(c)) : views.heads(row);
  let end = folded.length;
  while (end > 0 && folded[end - 1] === '') end--;
  return folded.slice(0, end);
}

/** Is the row's key one of `keys`? Compared cell by cell, folding no more than it needs. */
function hasKey(views: RowViews, row: GridRow, keys: string[][], whole: boolean): boolean {
  const inline = views.inline(row);
  const fold = (c: string): string => (whole ? foldDiacritics(c) : views.cell(c).head);
  return keys.some(
    (key) =>
      key.length <= inline.length &&
      key.every((cell, i) => cell === fold(inline[i]!)) &&
      inline.slice(key.length).every((c) => fold(c) === ''),
  );
}

/** Tổng cộng, Tổng số, Cộng: a total row. */
const TOTAL_CELL = foldedRule(/^(tổng cộng|tổng số|cộng)\s*:?$/);
const isTotalCell = (folded: string): boolean => TOTAL_CELL.test(folded);
/** Longer than any text `isTotalCell` accepts ("tong cong :" at most, spaces folded). */
const TOTAL_LENGTH = 12;

/** Signature and note lines that sometimes sit inside the table's last rows. */
const CLOSING_LINE = foldedRule(
  /^(ghi chú\s*:|nơi nhận\s*:?|người lập( biểu)?|thủ trưởng|tm\.|kt\.|chủ tịch$)/,
);
function isClosingRow(views: RowViews, row: GridRow): boolean {
  const inline = views.inline(row);
  const index = inline.findIndex((c) => c !== '');
  const first = index < 0 ? '' : views.cell(inline[index]!).head;
  return CLOSING_LINE.test(first);
}

/** A report form's unit column: Tên đơn vị, Cơ quan, Địa phương. */
const UNIT_HEADER = foldedRule(/^(tên )?(đơn vị|cơ quan|địa phương)\b/);
/** A report form's count columns: Số…, Tổng số, Tỷ lệ, Diện tích, Số lượng. */
const COUNT_HEADER = foldedRule(/(^|\/ )(số|tổng số|tỷ lệ|diện tích|số lượng)\b/);

function classify(layout: HeaderLayout, totals: boolean[]): TableKind {
  const has = (role: ColumnRole): boolean => layout.columns[role] !== undefined;
  if (
    has('task') &&
    (has('lead') || has('support') || has('time') || has('start') || has('due') || has('product'))
  ) {
    return 'tasks';
  }
  const folded = layout.headers.map((h) => foldDiacritics(h));
  const namesUnits = folded.some((h) => UNIT_HEADER.test(h));
  const counts = folded.filter((h) => COUNT_HEADER.test(h)).length;
  if ((namesUnits && counts >= 2) || (counts >= 2 && totals.some((t) => t))) {
    return 'report-form';
  }
  return 'other';
}

/** Phụ lục, Phụ lục II, Biểu số 01, Mẫu 2. */
const APPENDIX_LABEL = foldedRule(/^(phụ lục|biểu|mẫu)(\s+(số\s*)?([ivxlc]+|\d+|[a-z])\b)?/);
/** (Kèm theo …), (Ban hành kèm theo …). */
const ATTACHED_NOTE = foldedRule(/^\(?\s*(ban hành )?(kèm theo|ban hành)/);

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
export function findTables(grid: Grid, cells = new CleanCells()): DetectedTable[] {
  const rows = grid.rows;
  const views = new RowViews(cells);
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
    /** Which body rows are totals ("Tổng cộng"), worked out as each row is taken. */
    const totals: boolean[] = [];
    let lastRow = sub ? sub.line : row.line;
    let j = i + headerRows.length;
    for (; j < rows.length; j++) {
      const r = rows[j]!;
      if (views.blank(r) || isSeparatorRow(r)) continue;
      if (headed && isColumnNumberCells(views.inline(r))) continue;
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
      if (headed && hasKey(views, r, keys, wholeKeys)) continue;
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
      const total = views.total(r);
      totals.push(total);
      if (total) {
        j++;
        break;
      }
    }
    if (headed || body.length >= 1) {
      // Without a header the scan above started on `row` itself, so `body` already holds it.
      const allBody = body;
      const kind = headed ? classify(layout, totals) : 'other';
      const bodyRows = kind === 'tasks' ? allBody.filter((_, k) => !totals[k]) : allBody;
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
