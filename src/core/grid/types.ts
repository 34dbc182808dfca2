// A grid is the source as rows of cells, whatever it came from (a document's text, Excel's
// clipboard, a sheet). Later stages never look at the source again.

import type { Finding } from '../plan/types';

export interface GridRow {
  /** 1-based line of the text, or sheet row, the cells came from. */
  line: number;
  /** Raw cell texts (not yet cleaned). A prose line is a row with one cell. */
  cells: string[];
  /** True when the source row was a table row (tab- or pipe-separated), not a prose line. */
  tabular: boolean;
  /**
   * Cells known to be filled from a merged cell above (Excel sources know their merges):
   * the column indexes whose value was copied down.
   */
  mergedFromAbove?: number[];
}

export type GridSource = 'document' | 'tsv' | 'sheet';

/**
 * Where a grid's table structure (its rows, cells and merged cells) came from:
 * - `docx-table`: a Word table's XML (w:tbl, w:gridSpan, w:vMerge): merges known for certain;
 * - `html-table`: an HTML table's rowspan and colspan (Word's or a browser's clipboard);
 * - `pdf-ruled`: a PDF's ruling lines and text positions: merges read off the lines;
 * - `pdf-text`: a PDF without ruling lines: columns and rows guessed from text positions;
 * - `text`: tab-separated or pipe text (also a Word document whose appendix is tabbed text):
 *   merged cells are lost, a blank may be a lost merge.
 */
export type GridStructure = 'docx-table' | 'html-table' | 'pdf-ruled' | 'pdf-text' | 'text';

/**
 * Something a reader noticed about its source that the person should see: a finding about the
 * whole plan, made by the findings catalogue's `finding()` from a code and its parameters.
 */
export type GridNote = Finding;

export interface Grid {
  source: GridSource;
  rows: GridRow[];
  /** The reader that made the structure (see GridStructure); absent for plain text sources. */
  structure?: GridStructure;
  /**
   * True when the source knew its merged cells, so a blank cell is truly empty (Excel sheets,
   * Word tables, HTML tables); false when merges may have been lost or were guessed. Absent:
   * known for sheets only.
   */
  mergesKnown?: boolean;
  /** The reader's own findings (pages skipped, a text layer unreadable…). */
  notes?: GridNote[];
}
