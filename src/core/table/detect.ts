import type { ColumnRole, TableKind } from '../plan/types';
import { cleanCell, cleanInline, isSeparatorCell } from '../text/cell';
import { foldDiacritics } from '../text/normalize';
import type { Grid, GridRow } from '../grid/types';
import { isHeaderRow, isSubHeaderRow, layoutHeader, type HeaderLayout } from './headers';

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

const isBlank = (row: GridRow): boolean => row.cells.every((c) => cleanCell(c) === '');

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
  const cells = row.cells.map((c) => cleanInline(c));
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
  row: GridRow,
  next: GridRow | undefined,
  width: number,
  sttColumn: number | undefined,
): boolean {
  if (row.tabular) {
    // A lone number outside the STT column (a number in the STT column is a row of its own).
    const cells = row.cells.map((c) => cleanInline(c));
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
    !isHeaderRow(next.cells)
  );
}

/** The next row that is not blank, from index `j` on. */
function nextFilled(rows: GridRow[], j: number): GridRow | undefined {
  for (let k = j; k < rows.length; k++) if (!isBlank(rows[k]!)) return rows[k];
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

const rowKey = (row: GridRow): string =>
  row.cells
    .map((c) => foldDiacritics(cleanInline(c)))
    .join('\t')
    .replace(/\t+$/, '');

/** "Tổng cộng" rows close a table (report forms keep them as their last row). */
export function isTotalRow(row: GridRow): boolean {
  return row.cells.some((c) =>
    /^(tong cong|tong so|cong)\s*:?$/.test(foldDiacritics(cleanInline(c))),
  );
}

/** Signature and note lines that sometimes sit inside the table's last rows. */
function isClosingRow(row: GridRow): boolean {
  const first = row.cells.map((c) => cleanInline(c)).find((c) => c !== '') ?? '';
  return /^(ghi chu\s*:|noi nhan\s*:?|nguoi lap( bieu)?|thu truong|tm\.|kt\.|chu tich$)/.test(
    foldDiacritics(first),
  );
}

function classify(layout: HeaderLayout, body: GridRow[]): TableKind {
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
  if ((namesUnits && counts >= 2) || (counts >= 2 && body.some(isTotalRow))) return 'report-form';
  return 'other';
}

const APPENDIX_LABEL = /^(phu luc|bieu|mau)(\s+(so\s*)?([ivxlc]+|\d+|[a-z])\b)?/;
const ATTACHED_NOTE = /^\(?\s*(ban hanh )?(kem theo|ban hanh)/;

/**
 * The caption above a table: the lines between the nearest appendix label ("PHỤ LỤC",
 * "Phụ lục II") and the header, without the "(Kèm theo …)" line. Without a label, the nearest
 * short line above. `floor` is the first row the caption may come from.
 */
function captionAbove(rows: GridRow[], headerIndex: number, floor: number): string | null {
  const lines: { text: string; folded: string }[] = [];
  let label: string | null = null;
  for (let i = headerIndex - 1; i >= floor && headerIndex - i <= 14; i--) {
    const row = rows[i]!;
    if (row.tabular && !isBlank(row)) break;
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
  const tables: DetectedTable[] = [];
  let floor = 0;
  let i = 0;
  while (i < rows.length) {
    const row = rows[i]!;
    if (!row.tabular || isBlank(row)) {
      i++;
      continue;
    }
    const headed = isHeaderRow(row.cells);
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
    const keys = headerRows.map(rowKey);
    const body: GridRow[] = [];
    let lastRow = sub ? sub.line : row.line;
    let j = i + headerRows.length;
    for (; j < rows.length; j++) {
      const r = rows[j]!;
      if (isBlank(r) || isSeparatorRow(r)) continue;
      if (headed && isColumnNumberRow(r)) continue;
      if (!r.tabular) {
        if (isPageNumber(r)) continue;
        const next = nextFilled(rows, j + 1);
        if (headed && body.length > 0 && isFurniture(r, next, row.cells.length, layout.columns.stt))
          continue;
        break;
      }
      if (headed && keys.includes(rowKey(r))) continue;
      if (headed && isFurniture(r, nextFilled(rows, j + 1), row.cells.length, layout.columns.stt))
        continue;
      if (isHeaderRow(r.cells)) {
        // The header again inside the body (a page break, or a table pasted in pieces): skip it
        // and its sub-header row; a header with other roles starts another table.
        if (headed && sameLayout(layout, r.cells, rows[j + 1])) {
          const subRow = rows[j + 1];
          if (subRow && subRow.tabular && isSubHeaderRow(r.cells, subRow.cells)) j++;
          continue;
        }
        break;
      }
      if (!headed && body.length > 0 && isClosingRow(r)) break;
      if (headed && isClosingRow(r)) break;
      body.push(r);
      lastRow = r.line;
      if (isTotalRow(r)) {
        j++;
        break;
      }
    }
    if (headed || body.length >= 1) {
      // Without a header the scan above started on `row` itself, so `body` already holds it.
      const allBody = body;
      const kind = headed ? classify(layout, allBody) : 'other';
      const bodyRows = kind === 'tasks' ? allBody.filter((r) => !isTotalRow(r)) : allBody;
      tables.push({
        ...layout,
        headers: headed ? layout.headers : [],
        columns: headed ? layout.columns : {},
        extraColumns: headed ? layout.extraColumns : {},
        kind,
        title: captionAbove(rows, i, floor),
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
