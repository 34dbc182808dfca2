// HTML → grid, without a DOM: what Word, a browser or Excel put on the clipboard as text/html,
// or an .htm file. Paragraphs and headings become
// prose rows, table rows become tabular rows, so the document's number, date and title are read
// as they are from text. A small tokenizer is enough for this HTML: it never runs scripts and
// never needs to be a full HTML parser.

import { decodeHtmlEntities } from '../text/entities';
import { normalizeText } from '../text/normalize';
import { layOutSpans, type SpanCell } from './spans';
import type { Grid, GridRow } from './types';

type Token =
  | { type: 'text'; text: string }
  | { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string };

/** Elements whose content is never text of the source. */
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'xml', 'template', 'noscript']);

/** Elements that end a line of prose. */
const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'dd',
  'dt',
  'caption',
  'hr',
  'body',
  'html',
]);

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) !== null) {
    attrs[m[1]!.toLowerCase()] = decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Splits HTML into text, start-tag and end-tag tokens; comments and declarations are dropped. */
function tokenizeHtml(html: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let skipping: string | null = null;
  const pushText = (text: string): void => {
    if (!text || skipping) return;
    tokens.push({ type: 'text', text: decodeHtmlEntities(text) });
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      pushText(html.slice(i));
      break;
    }
    pushText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      // <!DOCTYPE …>, <![if …]>, <?xml …?>
      const end = html.indexOf('>', lt + 2);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const tag = /^<(\/?)([a-zA-Z][\w:.-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/.exec(html.slice(lt));
    if (!tag) {
      // A lone "<" in text ("< 5 ngày").
      pushText('<');
      i = lt + 1;
      continue;
    }
    i = lt + tag[0].length;
    const name = tag[2]!.toLowerCase();
    if (tag[1]) {
      if (skipping === name) skipping = null;
      else if (!skipping) tokens.push({ type: 'close', name });
      continue;
    }
    if (skipping) continue;
    const rawAttrs = tag[3] ?? '';
    const selfClosing = /\/\s*$/.test(rawAttrs);
    if (SKIPPED.has(name) && !selfClosing) {
      skipping = name;
      continue;
    }
    tokens.push({ type: 'open', name, attrs: parseAttributes(rawAttrs), selfClosing });
  }
  return tokens;
}

/** Text collected for one cell or one prose block: lines, with HTML's whitespace folding. */
class TextBuffer {
  private lines: string[] = [''];

  add(text: string): void {
    this.lines[this.lines.length - 1] += text.replace(/\s+/g, ' ');
  }

  /** A line break (`<br>`, or the end of a paragraph inside a cell). */
  newLine(): void {
    if (this.lines[this.lines.length - 1]!.trim() !== '') this.lines.push('');
  }

  /** Trimmed, non-empty lines joined by "\n". */
  text(): string {
    return this.lines
      .map((line) => line.replace(/ {2,}/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n');
  }

  isEmpty(): boolean {
    return this.text() === '';
  }
}

interface CellDraft {
  buffer: TextBuffer;
  colspan: number;
  rowspan: number;
}

interface TableDraft {
  rows: CellDraft[][];
  row: CellDraft[] | null;
  cell: CellDraft | null;
  /** Depth of tables nested inside one of this table's cells (their text joins the cell). */
  nested: number;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
}

function layOutTable(rows: CellDraft[][]): { cells: string[]; mergedFromAbove: number[] }[] {
  return layOutSpans(
    rows.map((row) =>
      row.map((c): SpanCell => ({ text: c.buffer.text(), colspan: c.colspan, rowspan: c.rowspan })),
    ),
  );
}

/**
 * HTML → grid. Text outside tables: one prose row per paragraph (or `<br>` line). Each table
 * row: one tabular row; a blank row follows every table so two tables never run together.
 * Row numbers are 1-based positions in the grid.
 */
export function htmlToGrid(html: string): Grid {
  const tokens = tokenizeHtml(normalizeText(html));
  const rows: GridRow[] = [];
  const push = (cells: string[], tabular: boolean, mergedFromAbove?: number[]): void => {
    const row: GridRow = { line: rows.length + 1, cells, tabular };
    if (mergedFromAbove && mergedFromAbove.length > 0) row.mergedFromAbove = mergedFromAbove;
    rows.push(row);
  };

  let prose = new TextBuffer();
  const flushProse = (): void => {
    for (const line of prose.text().split('\n')) if (line) push([line], false);
    prose = new TextBuffer();
  };
  const tables: TableDraft[] = [];
  const current = (): TableDraft | undefined => tables[tables.length - 1];
  const target = (): TextBuffer => current()?.cell?.buffer ?? prose;

  for (const token of tokens) {
    const table = current();
    if (token.type === 'text') {
      // Text between cells (whitespace, stray text) is not part of any cell.
      if (table && !table.cell) continue;
      target().add(token.text);
      continue;
    }
    const { name } = token;
    if (table && table.nested > 0) {
      // Inside a table nested in a cell: keep its text in the outer cell, one line per row.
      if (name === 'table') table.nested += token.type === 'open' ? 1 : -1;
      else if (name === 'tr' || name === 'br' || BLOCKS.has(name)) table.cell?.buffer.newLine();
      else if (name === 'td' || name === 'th') table.cell?.buffer.add(' ');
      continue;
    }
    if (token.type === 'open') {
      if (name === 'table') {
        if (table?.cell) {
          table.nested = 1;
          table.cell.buffer.newLine();
          continue;
        }
        if (!table) flushProse();
        tables.push({ rows: [], row: null, cell: null, nested: 0 });
        continue;
      }
      if (table && name === 'tr') {
        table.row = [];
        table.rows.push(table.row);
        table.cell = null;
        continue;
      }
      if (table && (name === 'td' || name === 'th')) {
        if (!table.row) {
          table.row = [];
          table.rows.push(table.row);
        }
        table.cell = {
          buffer: new TextBuffer(),
          colspan: span(token.attrs.colspan),
          rowspan: span(token.attrs.rowspan),
        };
        table.row.push(table.cell);
        continue;
      }
      if (name === 'br') {
        target().newLine();
        continue;
      }
      if (BLOCKS.has(name)) {
        if (table?.cell) table.cell.buffer.newLine();
        else if (!table) flushProse();
        if (name === 'li' && !table?.cell) prose.add('- ');
      }
      continue;
    }
    // Closing tags.
    if (name === 'table' && table) {
      tables.pop();
      for (const r of layOutTable(table.rows)) push(r.cells, true, r.mergedFromAbove);
      push([''], false);
      continue;
    }
    if (table && (name === 'td' || name === 'th')) {
      table.cell = null;
      continue;
    }
    if (table && name === 'tr') {
      table.row = null;
      table.cell = null;
      continue;
    }
    if (BLOCKS.has(name)) {
      if (table?.cell) table.cell.buffer.newLine();
      else if (!table) flushProse();
    }
  }
  // Unclosed tables (a clipboard fragment cut short) still count.
  while (tables.length > 0) {
    const table = tables.pop()!;
    for (const r of layOutTable(table.rows)) push(r.cells, true, r.mergedFromAbove);
  }
  flushProse();
  // A one-column "table" is a layout box, not a table: its rows are prose.
  for (const row of rows) if (row.tabular && row.cells.length < 2) row.tabular = false;
  // An HTML table states its spans: a blank cell is blank, not a lost merge.
  if (rows.some((row) => row.tabular)) {
    return { source: 'document', rows, structure: 'html-table', mergesKnown: true };
  }
  return { source: 'document', rows };
}

/** True when HTML holds at least one table row with two or more cells. */
export function htmlHasTable(html: string): boolean {
  return htmlToGrid(html).rows.some((row) => row.tabular);
}
