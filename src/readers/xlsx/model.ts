// What the .xlsx reader gives: a workbook's sheets, names, tables and properties, and each
// sheet's cells with their types kept — a date stays a date, a formula keeps its text and its
// cached result, a number stays a number. Only cells that exist in the file are listed (never
// rows × columns), and the work one file can cause is bounded (XlsxLimits).

import { DEFAULT_ZIP_LIMITS, type ZipLimits } from '../zip';

export interface XlsxWorkbook {
  /** Every sheet of the workbook, in tab order (chart sheets too: `kind` tells). */
  sheets: XlsxSheetInfo[];
  /** The sheet shown on opening: the active tab when it is a visible worksheet, else the first visible worksheet. */
  activeSheet: string;
  /** The 1904 date system (old Mac workbooks): serials count from 1 January 1904. */
  date1904: boolean;
  definedNames: XlsxDefinedName[];
  /** Excel tables (ListObjects) of all worksheets. */
  tables: XlsxTable[];
  properties: XlsxProperties;
  /**
   * A worksheet by name (case-insensitive), parsed on first use and cached. Throws
   * XlsxReadError `no-sheet` for an unknown name; a chart sheet reads as an empty sheet.
   */
  sheet(name: string): XlsxSheet;
}

export interface XlsxSheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The part that holds it ("xl/worksheets/sheet1.xml"). */
  part: string;
  kind: 'worksheet' | 'chartsheet' | 'other';
}

export interface XlsxDefinedName {
  name: string;
  /** As stored, without "=" (e.g. "'Nhiệm vụ'!$A$4:$Q$30"). */
  formula: string;
  /** The sheet the name is local to, or null for a workbook-wide name. */
  localSheet: string | null;
  hidden: boolean;
  comment?: string;
}

export interface XlsxTable {
  /** The name formulas use (displayName). */
  name: string;
  sheet: string;
  /** "A3:Q40", header row included. */
  ref: string;
  columns: string[];
  /** 0 when the table has no header row. */
  headerRowCount: number;
}

export interface XlsxProperties {
  title: string;
  subject: string;
  creator: string;
  description: string;
  /** Custom document properties (docProps/custom.xml), as text. */
  custom: Record<string, string>;
}

export interface XlsxSheet {
  name: string;
  /** Cells that exist in the file (not every row × column), row-major, one per position. */
  cells: XlsxCell[];
  /** Largest row and column of the cells that exist; 0 for a sheet without cells. */
  lastRow: number;
  lastCol: number;
  /** Merged areas, 1-based inclusive. */
  merges: XlsxBox[];
  /** Notes and comments by 1-based row and column: legacy notes, and threaded comments' text. */
  comments: XlsxComment[];
  /** The cell at a position, if it exists in the file. */
  cell(row: number, col: number): XlsxCell | undefined;
}

export interface XlsxBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface XlsxComment {
  row: number;
  col: number;
  /** The note's text; a threaded comment's replies follow its text, one a line. */
  text: string;
  author?: string;
}

export type CellValue =
  | { type: 'empty' }
  | { type: 'text'; text: string }
  | { type: 'number'; value: number }
  /** A number shown with a date format, or an ISO date cell (t="d"): the day it falls on, and the serial (a time of day as its fraction). */
  | { type: 'date'; iso: string; serial: number }
  | { type: 'bool'; value: boolean }
  /** "#N/A", "#REF!", "#DIV/0!"… */
  | { type: 'error'; text: string };

export interface XlsxCell {
  /** 1-based. */
  row: number;
  col: number;
  /** The stored value; for a formula, its cached result (empty when the writer stored none). */
  value: CellValue;
  /**
   * The formula as Excel shows it, without "=" and "_xlfn." prefixes. A shared formula is
   * expanded to this cell (relative references moved); an array formula is on its first cell.
   */
  formula?: string;
  /** The range of an array formula (on its first cell): "C2:C10". */
  arrayRef?: string;
  /** The number format's code (built-in ids mapped to their codes); absent for General. */
  numFmt?: string;
  /** Solid fill colour "RRGGBB" (indexed and theme colours resolved, tints applied). */
  fill?: string;
  /** Any side (left, right, top, bottom) has a border style. */
  bordered: boolean;
  /** A link's target: a URL (with its #fragment), or "#Sheet!A1" inside the workbook. */
  hyperlink?: string;
}

/** The work one file may make us do. */
export interface XlsxLimits {
  zip: ZipLimits;
  /**
   * Cells visited in the whole workbook (every <c> of every sheet read, plus rows, merged
   * areas, links and comments): past it, XlsxReadError `too-many-cells`.
   */
  cells: number;
  /** Characters of one text (a cell, a shared string, a comment): past it, `text-too-long`. */
  textChars: number;
  /** Characters of all texts kept from one workbook together: past it, `text-too-long`. */
  totalTextChars: number;
}

/** Far above any real plan or tracker (a 40,000-task tracker has ~1 million cells). */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  zip: DEFAULT_ZIP_LIMITS,
  cells: 5_000_000,
  textChars: 1_000_000,
  totalTextChars: 64_000_000,
};

export type XlsxErrorCode =
  /** Not an .xlsx package (not a zip, or a zip without a workbook). */
  | 'not-xlsx'
  /** An Excel 97–2003 file (.xls) or a password-protected workbook (both are OLE files). */
  | 'old-or-protected'
  /** A damaged package or malformed XML. */
  | 'damaged'
  /** Something this reader does not read (zip64, another compression method, encrypted parts). */
  | 'unsupported'
  /** A part inflates past the size limits (a zip bomb), or holds an endless run of text. */
  | 'too-large'
  | 'too-many-cells'
  | 'text-too-long'
  /** No worksheet, or no sheet of the name asked for. */
  | 'no-sheet';

const MESSAGES: Record<XlsxErrorCode, { vi: string; en: string }> = {
  'not-xlsx': {
    vi: 'tệp không phải sổ Excel .xlsx',
    en: 'the file is not an Excel .xlsx workbook',
  },
  'old-or-protected': {
    vi: 'tệp Excel 97–2003 (.xls) hoặc tệp có mật khẩu: hãy mở và lưu lại thành .xlsx, không đặt mật khẩu',
    en: 'an Excel 97–2003 file (.xls) or a password-protected file: open it and save it as .xlsx, without a password',
  },
  damaged: {
    vi: 'tệp Excel bị hỏng: hãy mở bằng Excel rồi lưu lại thành tệp mới',
    en: 'the Excel file is damaged: open it in Excel and save it as a new file',
  },
  unsupported: {
    vi: 'tệp Excel được lưu theo cách PhuLuc chưa đọc được: hãy mở bằng Excel rồi lưu lại thành .xlsx',
    en: 'the Excel file is stored in a way PhuLuc cannot read yet: open it in Excel and save it as .xlsx',
  },
  'too-large': {
    vi: 'tệp Excel khi giải nén quá lớn (có thể là tệp độc hại): PhuLuc đã dừng đọc',
    en: 'the Excel file is too large once unpacked (it may be a malicious file): PhuLuc stopped reading it',
  },
  'too-many-cells': {
    vi: 'tệp Excel có quá nhiều ô để là một phụ lục hay sổ theo dõi: PhuLuc đã dừng đọc',
    en: 'the Excel file has too many cells to be an appendix or a tracker: PhuLuc stopped reading it',
  },
  'text-too-long': {
    vi: 'tệp Excel có nội dung chữ quá dài: PhuLuc đã dừng đọc',
    en: 'the Excel file holds too much text: PhuLuc stopped reading it',
  },
  'no-sheet': {
    vi: 'không có trang tính cần đọc trong tệp Excel',
    en: 'the Excel file has no such worksheet',
  },
};

/**
 * Why an .xlsx file could not be read. `code` is stable; `vi` and `en` are the sentences the
 * command line and the page show (the technical detail is in `message`).
 */
export class XlsxReadError extends Error {
  readonly vi: string;
  readonly en: string;
  constructor(
    readonly code: XlsxErrorCode,
    readonly detail: string,
    extra?: { vi: string; en: string },
  ) {
    super(detail);
    this.name = 'XlsxReadError';
    const base = MESSAGES[code];
    this.vi = extra ? `${base.vi} (${extra.vi})` : base.vi;
    this.en = extra ? `${base.en} (${extra.en})` : base.en;
  }
}
