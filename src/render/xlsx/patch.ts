// The few parts of the file ExcelJS 4.4 gets wrong, written by us instead:
// - links to cells of this workbook: ExcelJS always adds an external relationship, so Excel
//   would try to open a file; Excel writes `<hyperlink ref location>` with no relationship;
// - defined names: ExcelJS rebuilds them cell by cell and quotes sheet names its own way (an
//   apostrophe in a sheet name breaks its print titles); we write them as given;
// - `stopIfTrue` on formula rules, which ExcelJS drops.
// We hook ExcelJS's XLSX writer where it appends the workbook and worksheet parts to the zip
// (`addWorkbook`, `addWorksheets`: instance methods, present in its browser bundle too) and
// edit those XML strings before they are zipped.

import type { Workbook } from 'exceljs';

export interface SheetPatch {
  links: { address: string; location: string }[];
  /** Priorities of the formula rules that stop later rules. */
  stopIfTrue: Set<number>;
}

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

export function patchWorksheetXml(xml: string, patch: SheetPatch): string {
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
    const at = Math.min(...AFTER_HYPERLINKS.map((tag) => tail.indexOf(tag)).filter((i) => i >= 0));
    tail = `${tail.slice(0, at)}<hyperlinks>${links}</hyperlinks>${tail.slice(at)}`;
  }
  head += tail;
  return head;
}

export function patchWorkbookXml(xml: string, names: NameEntry[]): string {
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
): void {
  const writer = workbook.xlsx as unknown as XlsxWriter;
  if (typeof writer.addWorkbook !== 'function' || typeof writer.addWorksheets !== 'function') {
    throw new Error('ExcelJS writer hooks not found (ExcelJS version changed?)');
  }
  const addWorkbook = writer.addWorkbook.bind(writer);
  const addWorksheets = writer.addWorksheets.bind(writer);
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
}
