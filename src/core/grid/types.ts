// A grid is the source as rows of cells, whatever it came from (a document's text, Excel's
// clipboard, a sheet). Later stages never look at the source again.

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

export interface Grid {
  source: GridSource;
  rows: GridRow[];
}
