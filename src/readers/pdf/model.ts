// What the PDF reader keeps of a page: text runs and straight lines on the displayed page
// (points, origin top left, y downwards). Pure data, so the table reader can be tested on pages
// written by hand as well as on pages PDF.js read.

/** A run of text as the PDF draws it. */
export interface TextRun {
  text: string;
  /** Start of the baseline. */
  x: number;
  y: number;
  /** Advance along the baseline. */
  width: number;
  /** Font size (the glyphs' height). */
  size: number;
  /**
   * Direction of the baseline on the displayed page, in degrees measured with y downwards
   * (0: normal, 90: the text reads downwards, 270: upwards).
   */
  angle: number;
  font: string;
}

/** A horizontal (y1 = y2) or vertical (x1 = x2) line, x1 ≤ x2 and y1 ≤ y2. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PageContent {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
  /** Share of the page covered by pictures (0–1): a scanned page is one picture. */
  pictureArea: number;
  /** True when the page could not be read at all (a damaged stream). */
  damaged?: boolean;
}
