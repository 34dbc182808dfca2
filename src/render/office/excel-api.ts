// The part of the Excel JavaScript API that PhuLuc uses, as plain TypeScript interfaces.
//
// Everything in src/office, src/render/office and src/commands talks to Excel through these
// types, never through `Excel.*` directly, so the same code runs against real Excel and against
// the in-memory double of test/excel-double. Two checks keep the interfaces honest:
//   - conformance.ts fails to compile unless `Excel.RequestContext` (from @types/office-js) is
//     assignable to `XlRequestContext`: every member used here exists in Office.js with a
//     compatible type;
//   - the double `implements` these interfaces.
// Member names are exactly Office.js's. Enumerations are typed as `string`: Office.js accepts its
// string values ("Center", "Continuous"…), and an `Excel.*` enum would not be assignable to a
// union of literals.
//
// Requirement sets (ExcelApi x.y) are noted where a member needs more than 1.1; callers check
// them at run time (src/render/office/features.ts).

/** A cell value as Office.js reads it: text, number or boolean ("" for an empty cell). */
export type XlCellValue = string | number | boolean;
/** A value to write: `null` leaves the cell unchanged, "" clears it. */
export type XlCellInput = XlCellValue | null;

export type XlLoad = string | string[];

export interface XlClientResult<T> {
  value: T;
}

export interface XlRequestContext {
  workbook: XlWorkbook;
  application: XlApplication;
  /** ExcelApi 1.5 (the object); `enableEvents` needs 1.8. */
  runtime: XlRuntime;
  sync(): Promise<void>;
}

export interface XlApplication {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface XlRuntime {
  /** ExcelApi 1.8. */
  enableEvents: boolean;
  load(propertyNames?: XlLoad): XlRuntime;
}

export interface XlWorkbook {
  worksheets: XlWorksheetCollection;
  names: XlNamedItemCollection;
  tables: XlTableCollection;
  /** ExcelApi 1.4. */
  settings: XlSettingCollection;
  /** ExcelApi 1.7. */
  properties: XlDocumentProperties;
  /** ExcelApi 1.2: worksheet functions evaluated without a cell. */
  functions: XlFunctions;
  getSelectedRange(): XlRange;
}

export interface XlFunctions {
  date(year: number, month: number, day: number): XlFunctionResult<number>;
}

export interface XlFunctionResult<T> {
  readonly value: T;
  readonly error: string;
  load(propertyNames?: XlLoad): XlFunctionResult<T>;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(propertyNames?: XlLoad): XlWorksheetCollection;
  add(name?: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
}

export interface XlWorksheet {
  readonly id: string;
  name: string;
  position: number;
  visibility: string;
  /** ExcelApi 1.7. "" for none. */
  tabColor: string;
  readonly isNullObject: boolean;
  readonly tables: XlTableCollection;
  /** ExcelApi 1.4. */
  readonly names: XlNamedItemCollection;
  /** ExcelApi 1.7. */
  readonly freezePanes: XlFreezePanes;
  /** ExcelApi 1.9. */
  readonly pageLayout: XlPageLayout;
  /** ExcelApi 1.9. */
  readonly horizontalPageBreaks: XlPageBreakCollection;
  /** ExcelApi 1.18: the notes ("comments" of old Excel) on the sheet's cells. */
  readonly notes: XlNoteCollection;
  /** ExcelApi 1.2. */
  readonly protection: XlWorksheetProtection;
  load(propertyNames?: XlLoad): XlWorksheet;
  getRange(address?: string): XlRange;
  /** ExcelApi 1.7. */
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): XlRange;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
}

/** ExcelApi 1.2. Locked cells of a protected sheet cannot be changed. */
export interface XlWorksheetProtection {
  readonly protected: boolean;
  readonly options: XlWorksheetProtectionOptions;
  protect(options?: XlWorksheetProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
  load(propertyNames?: XlLoad): XlWorksheetProtection;
}

export interface XlWorksheetProtectionOptions {
  allowAutoFilter?: boolean;
  allowDeleteColumns?: boolean;
  allowDeleteRows?: boolean;
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowInsertColumns?: boolean;
  allowInsertHyperlinks?: boolean;
  allowInsertRows?: boolean;
  allowPivotTables?: boolean;
  allowSort?: boolean;
}

export interface XlRange {
  /** With the sheet name: "Sheet1!A1:B2". */
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly cellCount: number;
  /**
   * A 1×1 array is applied to every cell of a larger range (Excel broadcasts it: verified for
   * number formats on Windows, Mac and the web, office-js-docs-pr#5400); any other array must
   * match the range's size.
   */
  values: XlCellInput[][];
  formulas: XlCellInput[][];
  /** ExcelApi 1.2. Relative R1C1 references mean the same for every cell a formula fills. */
  formulasR1C1: XlCellInput[][];
  numberFormat: (string | null)[][];
  readonly text: string[][];
  readonly valueTypes: string[][];
  /** ExcelApi 1.7. */
  hyperlink: XlRangeHyperlink;
  /** ExcelApi 1.2. */
  columnHidden: boolean;
  readonly isNullObject: boolean;
  readonly format: XlRangeFormat;
  /** ExcelApi 1.6. */
  readonly conditionalFormats: XlConditionalFormatCollection;
  /** ExcelApi 1.8. */
  readonly dataValidation: XlDataValidation;
  readonly worksheet: XlWorksheet;
  load(propertyNames?: XlLoad): XlRange;
  /** ExcelApi 1.2. */
  merge(across?: boolean): void;
  /** ExcelApi 1.13. Fails past 512 areas. */
  getMergedAreasOrNullObject(): XlRangeAreas;
  getCell(row: number, column: number): XlRange;
  /** ExcelApi 1.1. Makes the range the selection (and its sheet the active one). */
  select(): void;
  /** ExcelApi 1.9. Per-cell formats, e.g. `{ format: { fill: { color: true } } }`. */
  getCellProperties(options: XlCellPropertiesLoad): XlClientResult<XlCellProperties[][]>;
  /** ExcelApi 1.9. The cells of a kind ("DataValidations", "Formulas"…), or a null object. */
  getSpecialCellsOrNullObject(cellType: string): XlRangeAreas;
}

export interface XlCellPropertiesLoad {
  format?: { fill?: { color?: boolean } };
}

export interface XlCellProperties {
  format?: { fill?: { color?: string } };
}

export interface XlNoteCollection {
  readonly items: XlNote[];
  load(propertyNames?: XlLoad): XlNoteCollection;
  /** A note on one cell (a Range or an address of one cell). */
  add(cellAddress: XlRange | string, content: string): XlNote;
}

export interface XlNote {
  content: string;
  readonly authorName: string;
  load(propertyNames?: XlLoad): XlNote;
  /** The cell the note is on. */
  getLocation(): XlRange;
}

export interface XlRangeHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface XlRangeAreas {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly areaCount: number;
  readonly areas: XlRangeCollection;
  load(propertyNames?: XlLoad): XlRangeAreas;
}

export interface XlRangeCollection {
  readonly items: XlRange[];
  load(propertyNames?: XlLoad): XlRangeCollection;
}

export interface XlRangeFormat {
  /** ExcelApi 1.2. Points. */
  columnWidth: number;
  /** ExcelApi 1.2. Points. */
  rowHeight: number;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  /** ExcelApi 1.9. */
  indentLevel: number;
  readonly font: XlRangeFont;
  readonly fill: XlRangeFill;
  readonly borders: XlRangeBorderCollection;
  /** ExcelApi 1.2. */
  readonly protection: XlFormatProtection;
  load(propertyNames?: XlLoad): XlRangeFormat;
}

export interface XlFormatProtection {
  locked: boolean;
  load(propertyNames?: XlLoad): XlFormatProtection;
}

export interface XlRangeFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
  /** ExcelApi 1.9. */
  strikethrough: boolean;
  underline: string;
  name: string;
  load(propertyNames?: XlLoad): XlRangeFont;
}

export interface XlRangeFill {
  color: string;
  load(propertyNames?: XlLoad): XlRangeFill;
}

export interface XlRangeBorderCollection {
  getItem(index: string): XlRangeBorder;
}

export interface XlRangeBorder {
  style: string;
  color: string;
  weight: string;
  load(propertyNames?: XlLoad): XlRangeBorder;
}

export interface XlConditionalFormatCollection {
  readonly items: XlConditionalFormat[];
  /** Adds at the first (top) priority. */
  add(type: 'Custom'): XlConditionalFormat;
  load(propertyNames?: XlLoad): XlConditionalFormatCollection;
}

export interface XlConditionalFormat {
  /** ExcelApi 1.6. */
  readonly id: string;
  readonly type: string;
  priority: number;
  stopIfTrue: boolean;
  readonly custom: XlCustomConditionalFormat;
  getRange(): XlRange;
  load(propertyNames?: XlLoad): XlConditionalFormat;
}

export interface XlCustomConditionalFormat {
  readonly rule: XlConditionalFormatRule;
  readonly format: XlConditionalRangeFormat;
}

export interface XlConditionalFormatRule {
  formula: string;
  load(propertyNames?: XlLoad): XlConditionalFormatRule;
}

export interface XlConditionalRangeFormat {
  readonly fill: { color: string };
  readonly font: { color: string; bold: boolean; italic: boolean; strikethrough: boolean };
}

export interface XlDataValidation {
  rule: XlDataValidationRule;
  prompt: { message: string; showPrompt: boolean; title: string };
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  ignoreBlanks: boolean;
  readonly type: string;
  clear(): void;
  load(propertyNames?: XlLoad): XlDataValidation;
}

export interface XlDataValidationRule {
  list?: { inCellDropDown: boolean; source: string | XlRange };
  decimal?: XlBasicDataValidation;
  date?: {
    formula1: string | Date | XlRange;
    formula2?: string | Date | XlRange;
    operator: string;
  };
}

export interface XlBasicDataValidation {
  formula1: string | number | XlRange;
  formula2?: string | number | XlRange;
  operator: string;
}

export interface XlFreezePanes {
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  freezeAt(frozenRange: XlRange | string): void;
}

export interface XlPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  readonly headersFooters: {
    readonly defaultForAllPages: {
      leftHeader: string;
      centerHeader: string;
      rightHeader: string;
      leftFooter: string;
      centerFooter: string;
      rightFooter: string;
    };
  };
  setPrintTitleRows(printTitleRows: XlRange | string): void;
  /** ExcelApi 1.9, like the rest of the page layout. Margins in points. */
  setPrintTitleColumns(printTitleColumns: string): void;
  setPrintArea(printArea: string): void;
  printOrder: string;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
}

/** ExcelApi 1.9: manual page breaks; a break is put above the range's first row. */
export interface XlPageBreakCollection {
  add(pageBreakRange: string): unknown;
}

export interface XlNamedItemCollection {
  readonly items: XlNamedItem[];
  load(propertyNames?: XlLoad): XlNamedItemCollection;
  /** ExcelApi 1.4. */
  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem;
  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): XlNamedItem;
}

export interface XlNamedItem {
  readonly name: string;
  readonly type: string;
  /** ExcelApi 1.7. */
  formula: string;
  /** ExcelApi 1.4. */
  comment: string;
  visible: boolean;
  readonly isNullObject: boolean;
  load(propertyNames?: XlLoad): XlNamedItem;
  /** ExcelApi 1.4. */
  delete(): void;
}

export interface XlTableCollection {
  readonly items: XlTable[];
  load(propertyNames?: XlLoad): XlTableCollection;
  add(address: XlRange | string, hasHeaders: boolean): XlTable;
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): XlTable;
}

export interface XlTable {
  readonly id: string;
  name: string;
  style: string;
  readonly isNullObject: boolean;
  /** ExcelApi 1.2. */
  readonly worksheet: XlWorksheet;
  load(propertyNames?: XlLoad): XlTable;
  getRange(): XlRange;
  getHeaderRowRange(): XlRange;
  getDataBodyRange(): XlRange;
}

export interface XlSettingCollection {
  add(key: string, value: unknown): XlSetting;
  getItemOrNullObject(key: string): XlSetting;
}

export interface XlSetting {
  readonly key: string;
  value: unknown;
  readonly isNullObject: boolean;
  load(propertyNames?: XlLoad): XlSetting;
  delete(): void;
}

export interface XlDocumentProperties {
  title: string;
  subject: string;
  author: string;
  comments: string;
  load(propertyNames?: XlLoad): XlDocumentProperties;
}

/** How PhuLuc reaches Excel: the real host (src/office/host.ts) or the test double. */
export interface ExcelHost {
  /** `Excel.run`; `mergeUndoGroup` is passed only where the host supports it (ExcelApi 1.20). */
  run<T>(
    options: { mergeUndoGroup?: boolean },
    batch: (context: XlRequestContext) => Promise<T>,
  ): Promise<T>;
  /** `Office.context.requirements.isSetSupported('ExcelApi', version)`. */
  isSetSupported(version: string): boolean;
}
