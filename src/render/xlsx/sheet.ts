// One layout sheet → one worksheet part, its elements in the order the file format requires
// (CT_Worksheet). Everything comes from the layout; the only choices made here are the file
// format's own (how Excel stores a date bound, a list, a frozen pane, a page break).

import { cellRef, MAX_COLS, quoteSheet } from '../../excel/a1';
import type { DataValidation, PrintSetup, SheetLayout } from '../../layout/types';
import { sheetCells, type SharedStrings, type SheetCells } from './cells';
import { fileFormula } from './formula';
import type { StyleTable } from './styles';
import { attrValue, NS, spreadsheetText, XML_DECLARATION, xmlEscape } from './xml';

/** A defined name as the workbook part stores it. */
export interface NameEntry {
  name: string;
  /** The reference as the file stores it (no leading "="). */
  ref: string;
  localSheetId?: number;
  comment?: string;
}

/** A written worksheet and what the package needs from it. */
export interface WrittenSheet {
  xml: string;
  notes: SheetCells['notes'];
}

/** The worksheet's relationship ids: the same in every sheet, listed when the part exists. */
export const SHEET_RELATIONSHIPS = { comments: 'rId1', drawing: 'rId2', table: 'rId3' } as const;

/**
 * What stays open on a protected sheet (the file's attributes say what is protected: "0" opens
 * it): selecting, filtering, sorting, column widths and row heights. Sorting in Excel still
 * needs the sorted cells unlocked; the sheets PhuLuc protects hold no table people sort.
 */
const PROTECTION =
  '<sheetProtection sheet="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>';

/** Bounds of a rule that accepts any number / any date Excel can hold. */
const ANY_NUMBER = ['-1E+307', '1E+307'];
const ANY_DATE = ['1', '2958465'];

function validationXml(dv: DataValidation): string {
  let attrs = `type="${dv.type}"`;
  let formulas: string[];
  if (dv.type === 'list') {
    formulas = [fileFormula((dv.source ?? '').replace(/^=/, ''))];
  } else if (dv.min !== undefined && dv.max !== undefined) {
    attrs += ' operator="between"';
    formulas = [String(dv.min), String(dv.max)];
  } else if (dv.min !== undefined) {
    attrs += ' operator="greaterThanOrEqual"';
    formulas = [String(dv.min)];
  } else if (dv.max !== undefined) {
    attrs += ' operator="lessThanOrEqual"';
    formulas = [String(dv.max)];
  } else {
    attrs += ' operator="between"';
    formulas = dv.type === 'date' ? ANY_DATE : ANY_NUMBER;
  }
  if (dv.allowBlank) attrs += ' allowBlank="1"';
  // Excel's own default: reject what breaks the rule (without it any entry is accepted).
  attrs += ' showErrorMessage="1" errorStyle="stop"';
  if (dv.error)
    attrs += ` errorTitle="${attrValue(dv.error.title)}" error="${attrValue(dv.error.message)}"`;
  if (dv.prompt)
    attrs +=
      ` showInputMessage="1" promptTitle="${attrValue(dv.prompt.title)}"` +
      ` prompt="${attrValue(dv.prompt.message)}"`;
  const body = formulas.map((f, i) => `<formula${i + 1}>${xmlEscape(f)}</formula${i + 1}>`);
  return `<dataValidation ${attrs} sqref="${dv.range}">${body.join('')}</dataValidation>`;
}

function frozenPane(freeze: SheetLayout['freeze']): string {
  if (!freeze || (freeze.rows <= 0 && freeze.columns <= 0)) return '';
  const topLeft = cellRef(freeze.rows + 1, freeze.columns + 1);
  const pane =
    freeze.rows > 0 && freeze.columns > 0
      ? 'bottomRight'
      : freeze.rows > 0
        ? 'bottomLeft'
        : 'topRight';
  return (
    `<pane${freeze.columns > 0 ? ` xSplit="${freeze.columns}"` : ''}` +
    `${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ''} topLeftCell="${topLeft}" ` +
    `activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`
  );
}

const DEFAULT_MARGINS = {
  left: 0.7,
  right: 0.7,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};

function printXml(p: PrintSetup): string {
  let out = p.centerHorizontally ? '<printOptions horizontalCentered="1"/>' : '';
  const m = p.margins ?? DEFAULT_MARGINS;
  out += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  out += `<pageSetup paperSize="9" orientation="${p.orientation}"`;
  if (p.fitToWidth) out += ` fitToWidth="1" fitToHeight="${p.fitToHeight ?? 0}"`;
  else if (p.scale) out += ` scale="${p.scale}"`;
  if (p.pageOrder) out += ` pageOrder="${p.pageOrder}"`;
  out += '/>';
  if (p.header !== undefined || p.footer !== undefined) {
    out += '<headerFooter>';
    if (p.header !== undefined) out += `<oddHeader>${spreadsheetText(p.header)}</oddHeader>`;
    if (p.footer !== undefined) out += `<oddFooter>${spreadsheetText(p.footer)}</oddFooter>`;
    out += '</headerFooter>';
  }
  // A break before row r is stored after row r - 1 (0-based: id r - 1).
  const breaks = (p.rowBreaks ?? []).filter((r) => r > 1);
  if (breaks.length > 0)
    out +=
      `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
      breaks.map((r) => `<brk id="${r - 1}" max="${MAX_COLS - 1}" man="1"/>`).join('') +
      '</rowBreaks>';
  return out;
}

/** The print titles and print area of the sheet, as names scoped to it. */
export function printNames(sheet: SheetLayout, index: number): NameEntry[] {
  const p = sheet.print;
  const sheetRef = quoteSheet(sheet.name);
  const names: NameEntry[] = [];
  const titles: string[] = [];
  if (p.repeatColumns) {
    const [first, last] = p.repeatColumns.replace(/\$/g, '').split(':');
    titles.push(`${sheetRef}!$${first}:$${last ?? first}`);
  }
  if (p.repeatRows) {
    const [first, last] = p.repeatRows.replace(/\$/g, '').split(':');
    titles.push(`${sheetRef}!$${first}:$${last ?? first}`);
  }
  if (titles.length > 0)
    names.push({ name: '_xlnm.Print_Titles', ref: titles.join(','), localSheetId: index });
  if (p.printArea) {
    const abs = p.printArea.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    names.push({ name: '_xlnm.Print_Area', ref: `${sheetRef}!${abs}`, localSheetId: index });
  }
  return names;
}

/** The worksheet part (its relationships are `SHEET_RELATIONSHIPS`). */
export function sheetXml(
  sheet: SheetLayout,
  active: boolean,
  styles: StyleTable,
  strings: SharedStrings,
): WrittenSheet {
  const rel = SHEET_RELATIONSHIPS;
  const cells = sheetCells(sheet, styles, strings);
  const p = sheet.print;
  let out = `${XML_DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.relationships}">`;
  if (sheet.tabColor || p.fitToWidth) {
    out += '<sheetPr>';
    if (sheet.tabColor) out += `<tabColor rgb="FF${sheet.tabColor.toUpperCase()}"/>`;
    if (p.fitToWidth) out += '<pageSetUpPr fitToPage="1"/>';
    out += '</sheetPr>';
  }
  if (cells.dimension) out += `<dimension ref="${cells.dimension}"/>`;
  out +=
    `<sheetViews><sheetView${active ? ' tabSelected="1"' : ''} workbookViewId="0">` +
    `${frozenPane(sheet.freeze)}</sheetView></sheetViews>`;
  out += '<sheetFormatPr defaultRowHeight="15"/>';
  if (sheet.columns.length > 0) {
    out += '<cols>';
    sheet.columns.forEach((c, i) => {
      out += `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${c.hidden ? ' hidden="1"' : ''} customWidth="1"/>`;
    });
    out += '</cols>';
  }
  out += cells.xml;
  if (sheet.protect) out += PROTECTION;
  const merges = sheet.merges ?? [];
  if (merges.length > 0) {
    out += `<mergeCells count="${merges.length}">`;
    for (const m of merges) out += `<mergeCell ref="${m}"/>`;
    out += '</mergeCells>';
  }
  let priority = 1;
  for (const cf of sheet.conditionalFormats) {
    out += `<conditionalFormatting sqref="${cf.range}">`;
    for (const rule of cf.rules) {
      out +=
        `<cfRule type="expression" dxfId="${styles.differentialFormat(rule.style)}" priority="${priority++}"` +
        `${rule.stopIfTrue ? ' stopIfTrue="1"' : ''}><formula>${xmlEscape(fileFormula(rule.formula))}</formula></cfRule>`;
    }
    out += '</conditionalFormatting>';
  }
  if (sheet.dataValidations.length > 0)
    out +=
      `<dataValidations count="${sheet.dataValidations.length}">` +
      sheet.dataValidations.map(validationXml).join('') +
      '</dataValidations>';
  if (cells.links.length > 0) {
    // A link to a cell of this workbook is a location, with no relationship: one to a file
    // would make Excel try to open it.
    out += '<hyperlinks>';
    for (const link of cells.links)
      out += `<hyperlink ref="${link.ref}" location="${attrValue(`${quoteSheet(link.sheet)}!${link.address.replace(/\$/g, '')}`)}"/>`;
    out += '</hyperlinks>';
  }
  out += printXml(p);
  const textNumbers = sheet.textNumbers ?? [];
  if (textNumbers.length > 0)
    out += `<ignoredErrors><ignoredError sqref="${textNumbers.join(' ')}" numberStoredAsText="1"/></ignoredErrors>`;
  if (cells.notes.length > 0) out += `<legacyDrawing r:id="${rel.drawing}"/>`;
  if (sheet.table) out += `<tableParts count="1"><tablePart r:id="${rel.table}"/></tableParts>`;
  out += '</worksheet>';
  return { xml: out, notes: cells.notes };
}
