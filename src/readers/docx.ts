// .docx → grid, from the document's own XML (word/document.xml), so a Word table's merged cells
// are known for certain: w:gridSpan (across columns) and w:vMerge (down rows). Paragraphs are
// prose rows; a paragraph holding tabs is a table row as in a text document (an appendix typed
// as tab-separated paragraphs is read like text). Automatic list numbers (an STT column numbered
// by Word) are written out as Word shows them. The package is opened with the bounded zip/OPC
// readers and parsed with a real XML parser (saxes). No Node APIs: the page runs this too.

import { SaxesParser, type SaxesTagNS } from 'saxes';
import { htmlToGrid } from '../core/grid/fromHtml';
import { pushTable, type SpanCell } from '../core/grid/spans';
import type { Grid, GridRow } from '../core/grid/types';
import { normalizeText } from '../core/text/normalize';
import { openPackage, PackageError, type Package } from './opc';
import { looksLikeZip } from './zip';

export { looksLikeZip };

/** A .docx that cannot be read, with what to tell the person. */
export class DocxReadError extends Error {
  constructor(
    readonly code: 'not-docx' | 'unreadable' | 'too-large' | 'encrypted',
    message: string,
  ) {
    super(message);
    this.name = 'DocxReadError';
  }
}

/** WordprocessingML namespaces: transitional and strict. */
const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const R_NS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);

/** Elements whose content is never the document's running text. */
const SKIPPED = new Set([
  'drawing', // pictures, charts and text boxes (their text is duplicated in a fallback)
  'pict',
  'object',
  'delText',
  'instrText', // a field's code ("PAGE", "HYPERLINK …"); its result follows as normal runs
  'moveFrom', // text moved away (tracked changes)
  'del',
  'rPr',
  'pPr',
  'sectPr',
  'tblGrid',
  'footnoteReference',
  'endnoteReference',
]);

/** The value of an attribute in the WordprocessingML namespace (w:val, w:ilvl…). */
function wAttr(node: SaxesTagNS, local: string): string | undefined {
  for (const attr of Object.values(node.attributes)) {
    if (attr.local === local && (W_NS.has(attr.uri) || attr.uri === '')) return attr.value;
  }
  return undefined;
}

function rAttr(node: SaxesTagNS, local: string): string | undefined {
  for (const attr of Object.values(node.attributes)) {
    if (attr.local === local && R_NS.has(attr.uri)) return attr.value;
  }
  return undefined;
}

const intOf = (value: string | undefined, fallback: number): number => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
};

// ── automatic numbering ───────────────────────────────────────────────────────────────────

interface Level {
  start: number;
  format: string;
  text: string;
}

interface Numbering {
  /** numId → abstractNumId and its level start overrides. */
  nums: Map<string, { abstract: string; starts: Map<number, number> }>;
  /** abstractNumId → its levels by ilvl. */
  abstracts: Map<string, Map<number, Level>>;
}

function parseXml(xml: string, on: (parser: SaxesParser<{ xmlns: true }>) => void): void {
  const parser = new SaxesParser({ xmlns: true });
  on(parser);
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new DocxReadError(
      'unreadable',
      `the document's XML is damaged (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

function readNumbering(xml: string): Numbering {
  const numbering: Numbering = { nums: new Map(), abstracts: new Map() };
  let abstract: Map<number, Level> | null = null;
  let level: Level | null = null;
  let num: { abstract: string; starts: Map<number, number> } | null = null;
  let overrideLevel = -1;
  parseXml(xml, (parser) => {
    parser.on('opentag', (node) => {
      if (!W_NS.has(node.uri)) return;
      switch (node.local) {
        case 'abstractNum':
          abstract = new Map();
          numbering.abstracts.set(wAttr(node, 'abstractNumId') ?? '', abstract);
          break;
        case 'lvl':
          if (abstract) {
            level = { start: 1, format: 'decimal', text: '' };
            abstract.set(intOf(wAttr(node, 'ilvl'), 0), level);
          }
          break;
        case 'start':
          if (level) level.start = intOf(wAttr(node, 'val'), 1);
          break;
        case 'numFmt':
          if (level) level.format = wAttr(node, 'val') ?? 'decimal';
          break;
        case 'lvlText':
          if (level) level.text = wAttr(node, 'val') ?? '';
          break;
        case 'num':
          num = { abstract: '', starts: new Map() };
          numbering.nums.set(wAttr(node, 'numId') ?? '', num);
          break;
        case 'abstractNumId':
          if (num) num.abstract = wAttr(node, 'val') ?? '';
          break;
        case 'lvlOverride':
          overrideLevel = intOf(wAttr(node, 'ilvl'), 0);
          break;
        case 'startOverride':
          if (num && overrideLevel >= 0)
            num.starts.set(overrideLevel, intOf(wAttr(node, 'val'), 1));
          break;
      }
    });
    parser.on('closetag', (node) => {
      if (!W_NS.has(node.uri)) return;
      if (node.local === 'abstractNum') abstract = null;
      else if (node.local === 'lvl') level = null;
      else if (node.local === 'num') num = null;
      else if (node.local === 'lvlOverride') overrideLevel = -1;
    });
  });
  return numbering;
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

function letters(n: number): string {
  // a…z, then aa, bb… as Word writes them.
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counts list items as Word does and gives each numbered paragraph its label. */
class ListCounter {
  /** abstractNumId → the current number at each level. */
  private counters = new Map<string, number[]>();
  private startedNums = new Set<string>();

  constructor(private readonly numbering: Numbering | null) {}

  label(numId: string, ilvl: number): string {
    const num = this.numbering?.nums.get(numId);
    if (!num) return '';
    const levels = this.numbering!.abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!levels || !level) return '';
    if (level.format === 'bullet') return '- ';
    let counts = this.counters.get(num.abstract);
    if (!counts) this.counters.set(num.abstract, (counts = []));
    if (!this.startedNums.has(numId)) {
      this.startedNums.add(numId);
      for (const [l, start] of num.starts) counts[l] = start - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? (level.start ?? 1) - 1) + 1;
    // A deeper level starts again under each new item of this one.
    counts.length = ilvl + 1;
    const text = level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const at = levels.get(l);
      return formatNumber(counts![l] ?? at?.start ?? 1, at?.format ?? 'decimal');
    });
    return text.trim() === '' ? '' : `${text} `;
  }
}

// ── the document body ─────────────────────────────────────────────────────────────────────

interface CellDraft {
  col: number;
  span: number;
  vmerge: 'restart' | 'continue' | null;
  paragraphs: string[];
}

interface TableDraft {
  rows: { cells: CellDraft[]; col: number }[];
  cell: CellDraft | null;
  /** Its style (w:tblStyle), and borders set on the table itself (w:tblBorders), if any. */
  style?: string;
  borders?: boolean;
  /** True when some cell draws a border of its own (w:tcBorders). */
  cellBorders?: boolean;
}

/** A border side that draws a line (not "none" or "nil"). */
const drawn = (val: string | undefined): boolean => !!val && val !== 'none' && val !== 'nil';

const BORDER_SIDES = new Set([
  'top',
  'left',
  'bottom',
  'right',
  'start',
  'end',
  'insideH',
  'insideV',
]);

/** Table styles: whether each draws borders (through its basedOn chain), and the default one. */
function readTableStyles(xml: string): { borders: (id: string | undefined) => boolean } {
  const styles = new Map<string, { basedOn?: string; borders?: boolean }>();
  let defaultId: string | undefined;
  let current: { basedOn?: string; borders?: boolean } | null = null;
  let inBorders = false;
  parseXml(xml, (parser) => {
    parser.on('opentag', (node) => {
      if (!W_NS.has(node.uri)) return;
      if (node.local === 'style') {
        current = null;
        if (wAttr(node, 'type') !== 'table') return;
        current = {};
        const id = wAttr(node, 'styleId') ?? '';
        styles.set(id, current);
        if (wAttr(node, 'default') === '1' || wAttr(node, 'default') === 'true') defaultId = id;
      } else if (current && node.local === 'basedOn') current.basedOn = wAttr(node, 'val');
      else if (current && node.local === 'tblBorders') {
        inBorders = true;
        current.borders ??= false;
      } else if (current && inBorders && BORDER_SIDES.has(node.local)) {
        if (drawn(wAttr(node, 'val'))) current.borders = true;
      }
    });
    parser.on('closetag', (node) => {
      if (!W_NS.has(node.uri)) return;
      if (node.local === 'tblBorders') inBorders = false;
      else if (node.local === 'style') current = null;
    });
  });
  const borders = (id: string | undefined, depth = 0): boolean => {
    const style = styles.get(id ?? defaultId ?? '');
    if (!style || depth > 10) return false;
    if (style.borders !== undefined) return style.borders;
    return style.basedOn ? borders(style.basedOn, depth + 1) : false;
  };
  return { borders };
}

/**
 * A small table drawn without any border is a layout box (the document's head with its number
 * and date, a signature block), not a table of the appendix: its text is prose.
 */
const LAYOUT_TABLE_ROWS = 4;

/** A Word table's rows → span cells: vMerge chains become row spans, gaps empty cells. */
function tableSpans(table: TableDraft): SpanCell[][] {
  const rows = table.rows.filter((r) => r.cells.length > 0);
  const text = (c: CellDraft): string =>
    c.paragraphs
      .map((p) => p.replace(/\t/g, ' ').replace(/ {2,}/g, ' ').trim())
      .filter((p) => p !== '')
      .join('\n');
  // Row spans: a cell starting a vertical merge covers the "continue" cells below at its column.
  const rowspan = new Map<CellDraft, number>();
  const covered: Set<number>[] = rows.map(() => new Set());
  rows.forEach((row, r) => {
    for (const cell of row.cells) {
      if (cell.vmerge === 'continue' && covered[r]!.has(cell.col)) continue;
      let span = 1;
      if (cell.vmerge === 'restart') {
        for (let below = r + 1; below < rows.length; below++) {
          const next = rows[below]!.cells.find((c) => c.col === cell.col);
          if (!next || next.vmerge !== 'continue') break;
          span++;
          for (let k = 0; k < cell.span; k++) covered[below]!.add(cell.col + k);
        }
      }
      rowspan.set(cell, span);
    }
  });
  return rows.map((row, r) => {
    const out: SpanCell[] = [];
    const starts = new Map(row.cells.filter((c) => rowspan.has(c)).map((c) => [c.col, c]));
    const width = Math.max(0, ...row.cells.map((c) => c.col + c.span));
    for (let col = 0; col < width;) {
      if (covered[r]!.has(col)) {
        col++;
        continue;
      }
      const cell = starts.get(col);
      if (cell) {
        out.push({ text: text(cell), colspan: cell.span, rowspan: rowspan.get(cell)! });
        col += cell.span;
      } else {
        out.push({ text: '', colspan: 1, rowspan: 1 });
        col++;
      }
    }
    return out;
  });
}

/** A nested table's text, for the cell that holds it: one line per row. */
function tableLines(table: TableDraft): string[] {
  return tableSpans(table).map((row) =>
    row
      .map((c) => c.text.replace(/\n/g, ' '))
      .filter((t) => t !== '')
      .join(' '),
  );
}

function bodyRows(pkg: Package, main: string): { rows: GridRow[]; tables: number; tabbed: number } {
  const numberingPart = pkg.relTarget(main, 'numbering');
  const numbering =
    numberingPart && pkg.has(numberingPart) ? readNumbering(pkg.text(numberingPart)) : null;
  const lists = new ListCounter(numbering);
  const rels = pkg.rels(main);
  const stylesPart = pkg.relTarget(main, 'styles');
  const tableStyles =
    stylesPart && pkg.has(stylesPart)
      ? readTableStyles(pkg.text(stylesPart))
      : { borders: () => true };
  let borderContext: 'table' | 'cell' | null = null;

  const rows: GridRow[] = [];
  let tables = 0;
  let tabbed = 0;
  const pushLine = (line: string): void => {
    const text = normalizeText(line);
    if (text.includes('\t')) {
      tabbed++;
      rows.push({ line: rows.length + 1, cells: text.split('\t'), tabular: true });
    } else {
      rows.push({ line: rows.length + 1, cells: [text.trim()], tabular: false });
    }
  };

  const stack: TableDraft[] = [];
  let paragraph: string | null = null;
  let numId: string | null = null;
  let ilvl = 0;
  let inText = false;
  let inPPr = false;
  let skipDepth = 0;
  /** Depth of mc:AlternateContent choices being skipped (the fallback is read). */
  let choiceDepth = 0;

  const deliverParagraph = (text: string): void => {
    const table = stack[stack.length - 1];
    if (table) {
      table.cell?.paragraphs.push(normalizeText(text));
      return;
    }
    for (const line of text.split('\n')) pushLine(line);
  };

  parseXml(pkg.text(main), (parser) => {
    parser.on('opentag', (node) => {
      if (node.uri === MC_NS && node.local === 'Choice') {
        choiceDepth++;
        return;
      }
      if (choiceDepth > 0) return;
      if (skipDepth > 0) {
        if (W_NS.has(node.uri) && SKIPPED.has(node.local) && node.local !== 'pPr') skipDepth++;
        return;
      }
      if (!W_NS.has(node.uri)) return;
      const name = node.local;
      if (SKIPPED.has(name)) {
        // Paragraph properties hold the list numbering: read them before skipping the rest.
        if (name !== 'pPr') {
          skipDepth++;
          return;
        }
      }
      switch (name) {
        case 'p':
          paragraph = '';
          numId = null;
          ilvl = 0;
          return;
        case 'numId':
          numId = wAttr(node, 'val') ?? null;
          return;
        case 'ilvl':
          ilvl = intOf(wAttr(node, 'val'), 0);
          return;
        case 't':
          inText = true;
          return;
        case 'pPr':
          inPPr = true;
          return;
        case 'tab':
          // A tab stop definition (w:tabs/w:tab in paragraph properties) is not text.
          if (paragraph !== null && !inPPr) paragraph += '\t';
          return;
        case 'br':
        case 'cr':
          if (paragraph !== null) paragraph += '\n';
          return;
        case 'noBreakHyphen':
          if (paragraph !== null) paragraph += '-';
          return;
        case 'tbl':
          stack.push({ rows: [], cell: null });
          return;
        case 'tblStyle': {
          const table = stack[stack.length - 1];
          if (table) table.style = wAttr(node, 'val');
          return;
        }
        case 'tblBorders': {
          const table = stack[stack.length - 1];
          if (table && !table.cell) {
            borderContext = 'table';
            table.borders ??= false;
          }
          return;
        }
        case 'tcBorders':
          if (stack[stack.length - 1]?.cell) borderContext = 'cell';
          return;
        case 'tr': {
          const table = stack[stack.length - 1];
          table?.rows.push({ cells: [], col: 0 });
          return;
        }
        case 'gridBefore': {
          const row = stack[stack.length - 1]?.rows.at(-1);
          if (row && row.cells.length === 0) row.col += Math.max(0, intOf(wAttr(node, 'val'), 0));
          return;
        }
        case 'tc': {
          const table = stack[stack.length - 1];
          const row = table?.rows.at(-1);
          if (!table || !row) return;
          table.cell = { col: row.col, span: 1, vmerge: null, paragraphs: [] };
          row.cells.push(table.cell);
          return;
        }
        case 'top':
        case 'left':
        case 'bottom':
        case 'right':
        case 'start':
        case 'end':
        case 'insideH':
        case 'insideV': {
          const table = stack[stack.length - 1];
          if (!table || !borderContext || !drawn(wAttr(node, 'val'))) return;
          if (borderContext === 'table') table.borders = true;
          else table.cellBorders = true;
          return;
        }
        case 'gridSpan': {
          const cell = stack[stack.length - 1]?.cell;
          if (cell) cell.span = Math.min(Math.max(1, intOf(wAttr(node, 'val'), 1)), 1000);
          return;
        }
        case 'vMerge': {
          const cell = stack[stack.length - 1]?.cell;
          if (cell) cell.vmerge = wAttr(node, 'val') === 'restart' ? 'restart' : 'continue';
          return;
        }
        case 'altChunk': {
          // An embedded HTML part (documents made by web systems): read it as HTML.
          const id = rAttr(node, 'id');
          const target = rels.find((r) => r.id === id && !r.external)?.target;
          if (target && pkg.has(target) && /html?$/i.test(pkg.contentType(target) ?? target)) {
            for (const row of htmlToGrid(pkg.text(target)).rows) {
              rows.push({ ...row, line: rows.length + 1 });
            }
          }
          return;
        }
      }
    });
    parser.on('text', (text) => {
      if (inText && paragraph !== null && skipDepth === 0 && choiceDepth === 0) paragraph += text;
    });
    parser.on('closetag', (node) => {
      if (node.uri === MC_NS && node.local === 'Choice') {
        choiceDepth--;
        return;
      }
      if (choiceDepth > 0) return;
      if (skipDepth > 0) {
        if (W_NS.has(node.uri) && SKIPPED.has(node.local) && node.local !== 'pPr') skipDepth--;
        return;
      }
      if (!W_NS.has(node.uri)) return;
      switch (node.local) {
        case 't':
          inText = false;
          return;
        case 'pPr':
          inPPr = false;
          return;
        case 'tblBorders':
        case 'tcBorders':
          borderContext = null;
          return;
        case 'p': {
          if (paragraph === null) return;
          const label = numId && numId !== '0' ? lists.label(numId, ilvl) : '';
          deliverParagraph(label + paragraph);
          paragraph = null;
          return;
        }
        case 'tc': {
          const table = stack[stack.length - 1];
          const row = table?.rows.at(-1);
          if (table?.cell && row) row.col = table.cell.col + table.cell.span;
          if (table) table.cell = null;
          return;
        }
        case 'tbl': {
          const table = stack.pop();
          if (!table) return;
          const outer = stack[stack.length - 1];
          if (outer?.cell) {
            outer.cell.paragraphs.push(...tableLines(table));
          } else if (!outer) {
            const bordered =
              (table.borders ?? tableStyles.borders(table.style)) || table.cellBorders === true;
            if (!bordered && table.rows.length <= LAYOUT_TABLE_ROWS) {
              for (const row of table.rows)
                for (const cell of row.cells)
                  for (const para of cell.paragraphs)
                    for (const line of para.split('\n')) pushLine(line);
            } else {
              tables++;
              pushTable(rows, tableSpans(table));
            }
          }
          return;
        }
      }
    });
  });
  return { rows, tables, tabbed };
}

function opened(bytes: Uint8Array): Package {
  if (!looksLikeZip(bytes)) {
    throw new DocxReadError('not-docx', 'not a .docx file (no zip signature)');
  }
  try {
    return openPackage(bytes);
  } catch (error) {
    if (error instanceof PackageError) {
      const code =
        error.code === 'too-large'
          ? 'too-large'
          : error.code === 'encrypted'
            ? 'encrypted'
            : 'unreadable';
      throw new DocxReadError(code, `cannot read the .docx: ${error.message}`);
    }
    throw error;
  }
}

/** The main document part of a Word package ("word/document.xml"). */
function mainPart(pkg: Package): string {
  const main =
    pkg.relTarget('', 'officeDocument') ??
    (pkg.has('word/document.xml') ? 'word/document.xml' : '');
  if (!main || !pkg.has(main)) {
    throw new DocxReadError('not-docx', 'not a Word document (no word/document.xml)');
  }
  return main;
}

/** .docx bytes → grid (paragraphs as prose rows, table rows as tabular rows). */
export function readDocxGridSync(bytes: Uint8Array): Grid {
  const pkg = opened(bytes);
  let body: ReturnType<typeof bodyRows>;
  try {
    body = bodyRows(pkg, mainPart(pkg));
  } catch (error) {
    if (error instanceof DocxReadError) throw error;
    if (error instanceof PackageError) {
      throw new DocxReadError(
        error.code === 'too-large' ? 'too-large' : 'unreadable',
        `cannot read the .docx: ${error.message}`,
      );
    }
    throw error;
  }
  const grid: Grid = { source: 'document', rows: body.rows };
  if (body.tables > 0) {
    grid.structure = 'docx-table';
    grid.mergesKnown = true;
  } else if (body.tabbed > 0) {
    grid.structure = 'text';
    grid.mergesKnown = false;
  }
  return grid;
}

/** .docx bytes → grid, for callers that load readers as promises (the pane). */
export async function readDocxGrid(bytes: Uint8Array): Promise<Grid> {
  return readDocxGridSync(bytes);
}
