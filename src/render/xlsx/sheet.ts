// One layout sheet → one ExcelJS worksheet. Everything comes from the layout; the only choices
// made here are the file format's own (how Excel stores a date, a list, a print title).

import type {
  CellFormulaValue,
  CellSharedFormulaValue,
  DataValidation as XValidation,
  Row,
  Style as XStyle,
  Workbook,
  WorksheetView,
} from 'exceljs';
import { isoToSerial, serialToUtcDate } from '../../excel/dates';
import type { Cell, DataValidation, SheetLayout, StyleId } from '../../layout/types';
import { fileFormula, formulaTemplate, shiftedFormula, type FormulaTemplate } from './formula';
import { mergeRanges, type NameEntry, type SheetPatch } from './patch';
import { cellRef, parseBoxRef, parseCellRef, quoteSheet } from '../../excel/a1';
import { argb, ruleStyle } from './style';

/** Styles of the workbook, built once and shared by reference. */
export interface StyleBook {
  get(id: StyleId | undefined, forDate: boolean): Partial<XStyle> | undefined;
}

/**
 * What stays open on a protected sheet (ExcelJS: true = allowed): selecting, filtering,
 * sorting, column widths and row heights. Sorting in Excel still needs the sorted cells
 * unlocked; the sheets PhuLuc protects hold no table people sort.
 */
const PROTECTION = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  sort: true,
  autoFilter: true,
};

/** ExcelJS's range-wide validations (missing from its typings: a library boundary). */
interface Validations {
  add(range: string, validation: XValidation): void;
}

function validation(dv: DataValidation): XValidation {
  const out: XValidation = { type: dv.type, allowBlank: dv.allowBlank, formulae: [] };
  if (dv.type === 'list') {
    out.formulae = [fileFormula((dv.source ?? '').replace(/^=/, ''))];
  } else {
    // Dates are serials in the layout; ExcelJS wants Date objects for date rules.
    const bound = (n: number): number | Date => (dv.type === 'date' ? serialToUtcDate(n) : n);
    if (dv.min !== undefined && dv.max !== undefined) {
      out.operator = 'between';
      out.formulae = [bound(dv.min), bound(dv.max)];
    } else if (dv.min !== undefined) {
      out.operator = 'greaterThanOrEqual';
      out.formulae = [bound(dv.min)];
    } else if (dv.max !== undefined) {
      out.operator = 'lessThanOrEqual';
      out.formulae = [bound(dv.max)];
    } else {
      // A rule needs a bound; these accept any number / any date Excel can hold.
      out.operator = 'between';
      out.formulae =
        dv.type === 'date'
          ? [serialToUtcDate(1), serialToUtcDate(2_958_465)]
          : ['-1E+307', '1E+307'];
    }
  }
  // Excel's own default: reject what breaks the rule (without it any entry is accepted).
  out.showErrorMessage = true;
  out.errorStyle = 'stop';
  if (dv.error) {
    out.errorTitle = dv.error.title;
    out.error = dv.error.message;
  }
  if (dv.prompt) {
    out.showInputMessage = true;
    out.promptTitle = dv.prompt.title;
    out.prompt = dv.prompt.message;
  }
  return out;
}

/**
 * Runs of cells down a column holding the same formula shape are written as one shared
 * formula (as Excel itself saves filled-down formulas): the file stores the text once, which
 * makes large workbooks much smaller and faster to write and to open.
 */
class SharedFormulas {
  private readonly runs = new Map<
    number,
    { template: FormulaTemplate; masterRow: number; master: string; lastRow: number }
  >();

  value(
    formula: string,
    row: number,
    col: number,
    result: Cell['value'],
  ): CellFormulaValue | CellSharedFormulaValue {
    // The stored result: what a program that does not calculate shows (see Cell.value).
    const cached = result === undefined ? {} : { result };
    const run = this.runs.get(col);
    if (
      run &&
      run.lastRow === row - 1 &&
      shiftedFormula(run.template, row - run.masterRow) === formula
    ) {
      run.lastRow = row;
      return { sharedFormula: run.master, ...cached } as CellSharedFormulaValue;
    }
    const template = formulaTemplate(formula);
    if (template) {
      this.runs.set(col, { template, masterRow: row, master: cellRef(row, col), lastRow: row });
    } else this.runs.delete(col);
    return { formula: fileFormula(formula), ...cached } as CellFormulaValue;
  }
}

function writeCell(
  xRow: Row,
  row: number,
  col: number,
  cell: Cell,
  styles: StyleBook,
  links: SheetPatch['links'],
  shared: SharedFormulas,
): void {
  const target = xRow.getCell(col);
  if (cell.text !== undefined) {
    // A string value is always a string to ExcelJS: "=1+1", "- Xã hội" stay text.
    target.value = cell.text === '' ? null : cell.text;
  } else if (cell.number !== undefined) target.value = cell.number;
  else if (cell.date !== undefined) target.value = isoToSerial(cell.date);
  else if (cell.bool !== undefined) target.value = cell.bool;
  else if (cell.formula !== undefined)
    target.value = shared.value(cell.formula, row, col, cell.value);
  const style = styles.get(cell.style, cell.date !== undefined);
  if (style) target.style = style;
  if (cell.note) target.note = cell.note;
  if (cell.link) {
    links.push({
      address: cellRef(row, col),
      location: `${quoteSheet(cell.link.sheet)}!${cell.link.address.replace(/\$/g, '')}`,
    });
  }
}

/** Adds the sheet to the workbook; returns what the XML patches need for it. */
export function renderSheet(
  wb: Workbook,
  sheet: SheetLayout,
  index: number,
  active: boolean,
  styles: StyleBook,
  names: NameEntry[],
): { id: number; patch: SheetPatch } {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
  });
  const patch: SheetPatch = {
    links: [],
    stopIfTrue: new Set(),
    textNumbers: sheet.textNumbers ?? [],
  };

  sheet.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    // ExcelJS leaves out a column whose width equals its own default (9) as if it were unset;
    // Excel's default is narrower, so nudge it to be written.
    column.width = c.width === 9 ? 9.001 : c.width;
    if (c.hidden) column.hidden = true;
  });

  // ExcelJS writes a table's header and cells itself: add it first, the blocks then write
  // the same header texts (checked) and the real values and styles over it.
  if (sheet.table) {
    const t = sheet.table;
    const box = parseBoxRef(t.range)!;
    // Excel needs at least one data row under a table's header.
    const dataRows = Math.max(1, box.bottom - box.top);
    ws.addTable({
      name: t.name,
      ref: cellRef(box.top, box.left),
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as never, showRowStripes: true },
      columns: t.columns.map((name) => ({ name, filterButton: true })),
      rows: Array.from({ length: dataRows }, () => t.columns.map(() => null)),
    });
  }

  const shared = new SharedFormulas();
  for (const block of sheet.blocks) {
    const origin = parseCellRef(block.origin)!;
    block.rows.forEach((cells, r) => {
      const xRow = ws.getRow(origin.row + r);
      cells.forEach((cell, c) => {
        if (cell)
          writeCell(xRow, origin.row + r, origin.col + c, cell, styles, patch.links, shared);
      });
    });
  }

  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) {
    ws.getRow(Number(row)).height = height;
  }
  mergeRanges(ws, sheet.merges ?? []);

  // `tabSelected` is missing from ExcelJS's typings; only the active sheet may carry it, or
  // Excel opens with the sheets grouped.
  const freeze =
    sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) ? sheet.freeze : null;
  const view: Partial<WorksheetView> & { tabSelected: boolean } = freeze
    ? {
        state: 'frozen',
        xSplit: freeze.columns,
        ySplit: freeze.rows,
        topLeftCell: cellRef(freeze.rows + 1, freeze.columns + 1),
        tabSelected: active,
      }
    : { state: 'normal', tabSelected: active };
  ws.views = [view];

  let priority = 1;
  for (const cf of sheet.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: cf.rules.map((rule) => {
        if (rule.stopIfTrue) patch.stopIfTrue.add(priority);
        return {
          type: 'expression' as const,
          formulae: [fileFormula(rule.formula)],
          style: ruleStyle(rule.style),
          priority: priority++,
        };
      }),
    });
  }

  if (sheet.protect) {
    // No password: people unprotect in one click (Cài đặt says how). ExcelJS sets the model
    // synchronously; the promise has nothing left to do.
    void ws.protect('', PROTECTION);
  }

  const validations = (ws as unknown as { dataValidations: Validations }).dataValidations;
  for (const dv of sheet.dataValidations) validations.add(dv.range, validation(dv));

  const p = sheet.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: p.fitToWidth,
    fitToWidth: 1,
    fitToHeight: p.fitToHeight ?? 0, // 0: as many pages down as it takes
    ...(!p.fitToWidth && p.scale ? { scale: p.scale } : {}),
    ...(p.pageOrder ? { pageOrder: p.pageOrder } : {}),
    ...(p.margins ? { margins: p.margins } : {}),
    ...(p.centerHorizontally ? { horizontalCentered: true } : {}),
  };
  if (p.header !== undefined) ws.headerFooter.oddHeader = p.header;
  if (p.footer !== undefined) ws.headerFooter.oddFooter = p.footer;
  // A break before row r is stored after row r - 1.
  for (const r of p.rowBreaks ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
  const sheetRef = quoteSheet(sheet.name);
  const titles: string[] = [];
  if (p.repeatColumns) {
    const [first, last] = p.repeatColumns.replace(/\$/g, '').split(':');
    titles.push(`${sheetRef}!$${first}:$${last ?? first}`);
  }
  if (p.repeatRows) {
    const [first, last] = p.repeatRows.replace(/\$/g, '').split(':');
    titles.push(`${sheetRef}!$${first}:$${last}`);
  }
  if (titles.length > 0)
    names.push({ name: '_xlnm.Print_Titles', ref: titles.join(','), localSheetId: index });
  if (p.printArea) {
    const abs = p.printArea.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    names.push({ name: '_xlnm.Print_Area', ref: `${sheetRef}!${abs}`, localSheetId: index });
  }
  return { id: ws.id, patch };
}
