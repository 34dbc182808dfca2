// The few parts of the file ExcelJS 4.4 gets wrong, written by us instead:
// - links to cells of this workbook: ExcelJS always adds an external relationship, so Excel
//   would try to open a file; Excel writes `<hyperlink ref location>` with no relationship;
// - defined names: ExcelJS rebuilds them cell by cell and quotes sheet names its own way (an
//   apostrophe in a sheet name breaks its print titles); we write them as given;
// - `stopIfTrue` on formula rules, which ExcelJS drops;
// - `ignoredErrors` (text that looks like a number on purpose: no green triangle), which ExcelJS
//   does not write;
// - calculated columns of tables (`<calculatedColumnFormula>`), which ExcelJS does not write.
// We hook ExcelJS's XLSX writer where it appends the workbook, worksheet and table parts to
// the zip (`addWorkbook`, `addWorksheets`, `addTables`: instance methods, present in its
// browser bundle too) and edit those XML strings before they are zipped.

import type { Workbook, Worksheet } from 'exceljs';

export interface SheetPatch {
  links: { address: string; location: string }[];
  /** Priorities of the formula rules that stop later rules. */
  stopIfTrue: Set<number>;
  /** Ranges where text that looks like a number is meant as text. */
  textNumbers: string[];
}

/** Table name → (column header → calculated formula as the file stores it, without "="). */
export type TablePatches = Map<string, Map<string, string>>;

export interface NameEntry {
  name: string;
  /** The reference as the file stores it (no leading "="). */
  ref: string;
  localSheetId?: number;
  comment?: string;
}

interface ZipLike {
  append(data: unknown, options: { name: string; base64?: boolean }): unknown;
}

/** ExcelJS's XLSX writer, as far as we use it (not in its typings: a library boundary). */
interface XlsxWriter {
  addWorkbook(zip: ZipLike, model: unknown): Promise<void>;
  addWorksheets(zip: ZipLike, model: unknown): Promise<void>;
  addTables(zip: ZipLike, model: unknown): void;
}

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Elements that follow `<hyperlinks>` in a worksheet (CT_Worksheet's order). */
const AFTER_HYPERLINKS = [
  '<printOptions',
  '<pageMargins',
  '<pageSetup',
  '<headerFooter',
  '<rowBreaks',
  '<colBreaks',
  '<drawing',
  '<legacyDrawing',
  '<picture',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

/** Elements that follow `<ignoredErrors>` in a worksheet (CT_Worksheet's order). */
const AFTER_IGNORED_ERRORS = [
  '<smartTags',
  '<drawing',
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

function insertBefore(xml: string, tags: string[], text: string): string {
  const at = Math.min(...tags.map((tag) => xml.indexOf(tag)).filter((i) => i >= 0));
  return `${xml.slice(0, at)}${text}${xml.slice(at)}`;
}

function patchWorksheetXml(xml: string, patch: SheetPatch): string {
  // Everything to edit comes after the cells: never scan the (large) sheetData again.
  const dataEnd = Math.max(xml.lastIndexOf('</sheetData>'), 0);
  let head = xml.slice(0, dataEnd);
  let tail = xml.slice(dataEnd);
  if (patch.stopIfTrue.size > 0) {
    tail = tail.replace(
      /<cfRule type="expression"([^>]*?) priority="(\d+)"/g,
      (whole, attrs: string, p: string) =>
        patch.stopIfTrue.has(Number(p))
          ? `<cfRule type="expression"${attrs} priority="${p}" stopIfTrue="1"`
          : whole,
    );
  }
  if (patch.links.length > 0) {
    const links = patch.links
      .map((l) => `<hyperlink ref="${l.address}" location="${xmlEscape(l.location)}"/>`)
      .join('');
    tail = insertBefore(tail, AFTER_HYPERLINKS, `<hyperlinks>${links}</hyperlinks>`);
  }
  if (patch.textNumbers.length > 0) {
    const sqref = patch.textNumbers.join(' ');
    tail = insertBefore(
      tail,
      AFTER_IGNORED_ERRORS,
      `<ignoredErrors><ignoredError sqref="${sqref}" numberStoredAsText="1"/></ignoredErrors>`,
    );
  }
  head += tail;
  return head;
}

/** Adds `<calculatedColumnFormula>` to the table's columns that have one. */
function patchTableXml(xml: string, tables: TablePatches): string {
  const name = /<table\b[^>]*\sname="([^"]*)"/.exec(xml)?.[1];
  const columns = name === undefined ? undefined : tables.get(unescapeXml(name));
  if (!columns || columns.size === 0) return xml;
  return xml.replace(
    /<tableColumn\b([^>]*?)\sname="([^"]*)"([^>]*?)\/>/g,
    (whole, before: string, escaped: string, after: string) => {
      const formula = columns.get(unescapeXml(escaped));
      if (formula === undefined) return whole;
      return `<tableColumn${before} name="${escaped}"${after}><calculatedColumnFormula>${xmlEscape(formula)}</calculatedColumnFormula></tableColumn>`;
    },
  );
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x?[0-9a-fA-F]+);/g, (whole, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(
          e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
        );
    }
  });
}

function patchWorkbookXml(xml: string, names: NameEntry[]): string {
  let out = xml.replace(/<definedNames\/>|<definedNames>[\s\S]*?<\/definedNames>/, '');
  if (names.length > 0) {
    const body = names
      .map((n) => {
        const attrs = [`name="${xmlEscape(n.name)}"`];
        if (n.comment) attrs.push(`comment="${xmlEscape(n.comment)}"`);
        if (n.localSheetId !== undefined) attrs.push(`localSheetId="${n.localSheetId}"`);
        return `<definedName ${attrs.join(' ')}>${xmlEscape(n.ref)}</definedName>`;
      })
      .join('');
    out = out.replace('</sheets>', `</sheets><definedNames>${body}</definedNames>`);
  }
  return out;
}

/**
 * Hooks the workbook's writer so the next write applies the patches. `sheetPatches` is keyed
 * by ExcelJS's worksheet id (the N of xl/worksheets/sheetN.xml).
 */
export function installPatches(
  workbook: Workbook,
  sheetPatches: Map<number, SheetPatch>,
  names: NameEntry[],
  tables: TablePatches = new Map(),
): void {
  const writer = workbook.xlsx as unknown as XlsxWriter;
  if (
    typeof writer.addWorkbook !== 'function' ||
    typeof writer.addWorksheets !== 'function' ||
    typeof writer.addTables !== 'function'
  ) {
    throw new Error('ExcelJS writer hooks not found (ExcelJS version changed?)');
  }
  const addWorkbook = writer.addWorkbook.bind(writer);
  const addWorksheets = writer.addWorksheets.bind(writer);
  const addTables = writer.addTables.bind(writer);
  const editing = (zip: ZipLike, edit: (name: string, xml: string) => string): ZipLike => ({
    append: (data, options) =>
      zip.append(typeof data === 'string' ? edit(options.name, data) : data, options),
  });
  writer.addWorkbook = (zip, model) =>
    addWorkbook(
      editing(zip, (name, xml) =>
        name === 'xl/workbook.xml' ? patchWorkbookXml(xml, names) : xml,
      ),
      model,
    );
  writer.addWorksheets = (zip, model) =>
    addWorksheets(
      editing(zip, (name, xml) => {
        const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
        const patch = m ? sheetPatches.get(Number(m[1])) : undefined;
        return patch ? patchWorksheetXml(xml, patch) : xml;
      }),
      model,
    );
  writer.addTables = (zip, model) =>
    addTables(
      editing(zip, (name, xml) =>
        /^xl\/tables\/[^/]+\.xml$/.test(name) ? patchTableXml(xml, tables) : xml,
      ),
      model,
    );
}

/**
 * Merges the ranges on the sheet. ExcelJS's `mergeCells` first compares the new range with every
 * merge already on the sheet, which makes Tổng hợp (about 2,400 merges at 1,000 tasks, 24,000 at
 * 10,000) quadratic: most of the build's time. `checkLayout` has already proved the merges do not
 * overlap, so each range is merged against an empty index (`_merges`, ExcelJS's private map of
 * master cell → range) and then added to the sheet's. The file's `<mergeCells>` is written from
 * the merged cells themselves; the index is kept whole so ExcelJS's own model stays true.
 */
export function mergeRanges(ws: Worksheet, ranges: readonly string[]): void {
  const sheet = ws as unknown as { _merges: Record<string, unknown> };
  const all = sheet._merges;
  try {
    for (const range of ranges) {
      sheet._merges = {};
      ws.mergeCells(range);
      Object.assign(all, sheet._merges);
    }
  } finally {
    sheet._merges = all;
  }
}
