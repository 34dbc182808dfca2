import Papa from 'papaparse';
import { normalizeText } from '../text/normalize';
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
  const lines = normalizeText(text).split('\n');
  const rows: GridRow[] = lines.map((line, i) => {
    if (line.includes('\t')) return { line: i + 1, cells: line.split('\t'), tabular: true };
    const piped = splitPipeRow(line);
    if (piped) return { line: i + 1, cells: piped, tabular: true };
    return { line: i + 1, cells: [line], tabular: false };
  });
  return { source: 'document', rows };
}

/**
 * Tab-separated text as Excel's clipboard writes it: a cell holding line breaks, tabs or quotes
 * is quoted, with `""` for a quote. Row numbers are record numbers (the sheet's rows).
 */
export function tsvToGrid(text: string): Grid {
  const parsed = Papa.parse<string[]>(normalizeText(text), {
    delimiter: '\t',
    quoteChar: '"',
    skipEmptyLines: false,
  });
  const rows: GridRow[] = parsed.data.map((cells, i) => ({
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
 * document has prose. Quoted multi-line cells make line-based counting wrong, so count records.
 */
export function looksLikeClipboardTable(text: string): boolean {
  const normalized = normalizeText(text);
  if (!normalized.includes('\t')) return false;
  const records = Papa.parse<string[]>(normalized, { delimiter: '\t', quoteChar: '"' }).data.filter(
    (cells) => cells.some((c) => c.trim() !== ''),
  );
  if (records.length === 0) return false;
  const tabbed = records.filter((cells) => cells.length > 1).length;
  return tabbed / records.length >= 0.9;
}

/** Any text source → grid: clipboard TSV when it looks like one, a document otherwise. */
export function textToGrid(text: string): Grid {
  return looksLikeClipboardTable(text) ? tsvToGrid(text) : documentToGrid(text);
}
