// The workbook design as data: what every sheet holds, how it looks and how it computes. The
// .xlsx writer (src/render/xlsx) and the Office.js writer (src/render/office) both render this
// and make no design decisions of their own.

import type { IsoDate } from '../core/plan/types';

/** "A1"-style address on the sheet the object belongs to (no sheet name). */
export type Address = string;
/** "A1:Q30"-style range on the sheet the object belongs to. */
export type RangeRef = string;

/** A style by name; `WorkbookLayout.styles` defines each one once. */
export type StyleId = string;

export interface CellStyle {
  font?: {
    /** The workbook's font (Cài đặt); the layout sets it on every style. */
    name?: string;
    bold?: boolean;
    italic?: boolean;
    size?: number;
    color?: string;
    strike?: boolean;
    underline?: boolean;
  };
  /** Solid fill, "RRGGBB". */
  fill?: string;
  /** Excel number format, e.g. "dd/mm/yyyy", "0%", "@" (text). */
  numberFormat?: string;
  alignment?: {
    horizontal?: 'left' | 'center' | 'right';
    vertical?: 'top' | 'middle' | 'bottom';
    wrap?: boolean;
    indent?: number;
  };
  /** Thin borders on all four sides, in this colour ("RRGGBB"). */
  border?: string;
  /** false: the cell stays editable when its sheet is protected (cells are locked by default). */
  locked?: boolean;
}

/**
 * One cell. Exactly one of `text`, `number`, `date`, `bool`, `formula` is set (or none: an
 * empty, styled cell). `text` is always written as text, never read as a formula or number.
 */
export interface Cell {
  text?: string;
  number?: number;
  date?: IsoDate;
  bool?: boolean;
  /** English function names, comma separators, without the leading "=". */
  formula?: string;
  /**
   * A formula's result on the build's report date, computed by the core: the .xlsx writer
   * stores it, so a program that does not calculate (a previewer, Protected View, a phone, a
   * reader) shows the right statuses and counts. Dates are serial numbers; "" is an empty text.
   */
  value?: string | number | boolean;
  style?: StyleId;
  /** A link to a cell of a sheet of this workbook. */
  link?: { sheet: string; address: Address };
  /** A note (comment) on the cell, e.g. one a person wrote, carried by a rebuild. */
  note?: string;
}

/** A rectangle of cells written as one block, from `origin` ("A3") right and down. */
export interface CellBlock {
  origin: Address;
  rows: (Cell | null)[][];
}

export interface ColumnLayout {
  /** Width in Excel character units. */
  width: number;
  hidden?: boolean;
}

export interface TableLayout {
  /** A valid Excel table name (letters, digits, "_"), unique in the workbook. */
  name: string;
  /** Header row and data rows. */
  range: RangeRef;
  /** Built-in style name, e.g. "TableStyleLight9". */
  style: string;
  /** Header of every column, in order. */
  columns: string[];
  /** The column that identifies a row from build to build (Mã). */
  keyColumn: string;
  /** Columns people fill in (status, progress, dates, notes): a rebuild keeps their values. */
  entryColumns: string[];
  /**
   * Calculated columns: column header → the formula of its first data row (A1, relative to
   * that row). A row added at the end of the table takes the formula by itself.
   */
  calculated?: Record<string, string>;
}

export interface ConditionalRule {
  /** Custom-formula rule, relative to the top-left cell of the range ("$O4=\"Quá hạn\""). */
  formula: string;
  style: { fill?: string; fontColor?: string; strike?: boolean; bold?: boolean };
  /** Stop evaluating later rules when this one matches. */
  stopIfTrue?: boolean;
}

export interface ConditionalFormat {
  range: RangeRef;
  rules: ConditionalRule[];
}

export interface DataValidation {
  range: RangeRef;
  /** A list from a range or a defined name ("=DsTrangThai"), or whole numbers / decimals / dates. */
  type: 'list' | 'decimal' | 'date';
  /** For lists: the source formula; for numbers and dates: the bounds. */
  source?: string;
  min?: number;
  max?: number;
  allowBlank: boolean;
  prompt?: { title: string; message: string };
  error?: { title: string; message: string };
}

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  paperSize: 'A4';
  /** Fit to one page wide (`fitToHeight` pages tall, 0 or absent: as many as it takes). */
  fitToWidth: boolean;
  fitToHeight?: number;
  /** Without fitting: the print scale in percent (10–400). */
  scale?: number;
  /** Rows repeated at the top of every page, e.g. "3:3". */
  repeatRows?: string;
  /** Columns repeated at the left of every page, e.g. "A:D". */
  repeatColumns?: string;
  /** The range printed ("A1:P40"); absent: the used range. */
  printArea?: RangeRef;
  /** Rows that start a new page (1-based). */
  rowBreaks?: number[];
  /** Pages across first (a wide table read band by band), or down first (the default). */
  pageOrder?: 'downThenOver' | 'overThenDown';
  /** Margins in inches. */
  margins?: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  centerHorizontally?: boolean;
  /** Page header and footer text (Excel header codes allowed: &P page, &N pages). */
  header?: string;
  footer?: string;
}

export type SheetKind =
  'dashboard' | 'tasks' | 'removed' | 'unit' | 'findings' | 'units' | 'assignments' | 'settings';

export interface SheetLayout {
  /** Stable role of the sheet ("tasks", "unit:<unit key>"), the same from build to build. */
  key: string;
  kind: SheetKind;
  /** A valid, unique sheet name (≤ 31 characters, none of \ / ? * : [ ], unique ignoring case). */
  name: string;
  /**
   * The workbook-level defined name that marks the sheet as PhuLuc's (it refers to the sheet's
   * A1, so it follows the sheet through renames). Unique, stable between builds.
   */
  marker: string;
  tabColor?: string;
  hidden?: boolean;
  columns: ColumnLayout[];
  blocks: CellBlock[];
  /** Row heights by 1-based row number (rows not listed keep the default). */
  rowHeights?: Record<number, number>;
  merges?: RangeRef[];
  /** Rows and columns frozen at the top / left. */
  freeze?: { rows: number; columns: number };
  table?: TableLayout;
  conditionalFormats: ConditionalFormat[];
  dataValidations: DataValidation[];
  print: PrintSetup;
  /**
   * Protected without a password: locked cells (all but styles with `locked: false`) cannot be
   * typed over; filtering, sorting and column widths stay open.
   */
  protect?: boolean;
  /** Ranges of text that looks like a number on purpose (Mã "1.2"): no green triangle there. */
  textNumbers?: RangeRef[];
}

export interface DefinedName {
  /** e.g. "NgayBaoCao". */
  name: string;
  /** Absolute reference with the sheet name, e.g. "'Cài đặt'!$B$3". */
  ref: string;
  comment?: string;
}

export interface WorkbookLayout {
  sheets: SheetLayout[];
  names: DefinedName[];
  styles: Record<StyleId, CellStyle>;
  /** The sheet shown when the workbook opens. */
  activeSheet: string;
  properties: { title: string; subject: string; creator: string; description: string };
}
