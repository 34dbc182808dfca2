import { normalizeText } from '../text/normalize';
import { htmlToGrid } from './fromHtml';
import type { Grid, GridRow } from './types';

/** Splits a `| a | b |` markdown table line into cells; null when the line is not one. */
function splitPipeRow(line: string): string[] | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || trimmed.length < 3) return null;
  const inner = trimmed.replace(/^\|/, '').replace(/\|$/, '');
  const cells = inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
  return cells.length >= 2 ? cells : null;
}

/**
 * A whole document as text (the seeds' shape: prose lines, tab-separated table rows, pipe
 * tables, HTML leftovers). One grid row per line, so row numbers are the document's lines.
 */
export function documentToGrid(text: string): Grid {
  return documentGrid(normalizeText(text));
}

/** `documentToGrid` of text already normalized (`normalizeText`). */
function documentGrid(normalized: string): Grid {
  const lines = normalized.split('\n');
  const rows: GridRow[] = lines.map((line, i) => {
    if (line.includes('\t')) return { line: i + 1, cells: line.split('\t'), tabular: true };
    const piped = splitPipeRow(line);
    if (piped) return { line: i + 1, cells: piped, tabular: true };
    return { line: i + 1, cells: [line], tabular: false };
  });
  return { source: 'document', rows };
}

/**
 * The quoted cell that starts at `open` (a `"`), as Excel's clipboard writes one: every quote
 * inside is doubled, and the closing quote stands right before a tab, a line end or the end of
 * the text. null when the quote is not such an opening: a stray quote typed at the start of a
 * cell ("Sạch" đẹp, or a quote never closed) is text, and must not swallow the rows after it.
 * A quoted cell never holds a line break and a tab together: Excel quotes a cell with line
 * breaks, but a tab inside it would be a cell of the sheet typed into one cell; what such a span
 * would take is whole rows of the table, so it is not a quoted cell.
 */
function quotedCell(text: string, open: number): { value: string; end: number } | null {
  let value = '';
  let from = open + 1;
  let sawBreak = false;
  let sawTab = false;
  for (let i = from; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 10) sawBreak = true;
    else if (char === 9) sawTab = true;
    if (sawBreak && sawTab) return null;
    if (char !== 34) continue;
    if (text.charCodeAt(i + 1) === 34) {
      value += text.slice(from, i + 1);
      from = i + 2;
      i++;
      continue;
    }
    const after = text.charCodeAt(i + 1);
    if (i + 1 < text.length && after !== 9 && after !== 10) return null;
    return { value: value + text.slice(from, i), end: i + 1 };
  }
  return null;
}

/**
 * Splits clipboard text into records of cells: tabs between cells, line breaks between records,
 * quoted cells as `quotedCell` reads them. One pass, linear in the text.
 */
export function splitTsv(text: string): string[][] {
  // Without a quote, every line is a record and every tab a cell boundary.
  if (!text.includes('"')) return text.split('\n').map((line) => line.split('\t'));
  const records: string[][] = [];
  let cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell: string;
    const quoted = text.charCodeAt(i) === 34 ? quotedCell(text, i) : null;
    if (quoted) {
      cell = quoted.value;
      i = quoted.end;
    } else {
      let end = i;
      while (end < text.length && text.charCodeAt(end) !== 9 && text.charCodeAt(end) !== 10) end++;
      cell = text.slice(i, end);
      i = end;
    }
    cells.push(cell);
    if (i >= text.length) {
      records.push(cells);
      return records;
    }
    if (text.charCodeAt(i) === 10) {
      records.push(cells);
      cells = [];
    }
    i++;
    if (i === text.length) {
      records.push(cells.length > 0 ? [...cells, ''] : ['']);
      return records;
    }
  }
}

/**
 * Tab-separated text as Excel's clipboard writes it: a cell holding line breaks, tabs or quotes
 * is quoted, with `""` for a quote. Row numbers are record numbers (the sheet's rows).
 */
export function tsvToGrid(text: string): Grid {
  return tsvGrid(splitTsv(normalizeText(text)));
}

/** `tsvToGrid` of the records `splitTsv` read from normalized text. */
function tsvGrid(records: string[][]): Grid {
  const rows: GridRow[] = records.map((cells, i) => ({
    line: i + 1,
    cells: cells.length > 0 ? cells : [''],
    tabular: cells.length > 1,
  }));
  // A trailing newline gives one empty record: it is not a row of the sheet.
  while (rows.length > 0 && rows[rows.length - 1]!.cells.every((c) => c.trim() === '')) rows.pop();
  return { source: 'tsv', rows };
}

/**
 * Excel clipboard text is tab-separated on (nearly) every record and has no prose lines; a
 * document has prose. Quoted multi-line cells make line-based counting wrong, so records count.
 */
function isClipboardTable(records: string[][]): boolean {
  const filled = records.filter((cells) => cells.some((c) => c.trim() !== ''));
  if (filled.length === 0) return false;
  const tabbed = filled.filter((cells) => cells.length > 1).length;
  return tabbed / filled.length >= 0.9;
}

/**
 * A whole HTML page (Word's "Save as Web Page" .htm, a page saved from a portal), not a text
 * with a few leftover tags in it. Comments before the page read as one span from the first
 * "<!--" to a "-->": a repeated group of them could split a run of comments in exponentially many
 * ways before failing ("<!---->" 30 times, then a word: 6 s, twice that for each one more).
 */
const HTML_PAGE = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)?(?:<!doctype\s+html|<html[\s>])/i;

export function isHtmlDocument(text: string): boolean {
  return HTML_PAGE.test(text);
}

/**
 * Any text source → grid: an HTML page by its tables, clipboard TSV when it looks like one, a
 * document otherwise. The page and the command line read files through this one function.
 */
export function textToGrid(text: string): Grid {
  if (isHtmlDocument(text)) return htmlToGrid(text);
  // Normalized and split once, whichever it turns out to be.
  const normalized = normalizeText(text);
  const records = normalized.includes('\t') ? splitTsv(normalized) : null;
  return records !== null && isClipboardTable(records)
    ? tsvGrid(records)
    : documentGrid(normalized);
}
