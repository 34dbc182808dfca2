// The work one workbook may make us do, counted as it is done (see XlsxLimits).

import { XlsxReadError, type XlsxLimits } from './model';

/** XML elements allowed per cell of the limit (a cell is usually 2–3 elements: <c><v>). */
const ELEMENTS_PER_CELL = 4;

export class Budget {
  private cells = 0;
  private elements = 0;
  private text = 0;
  constructor(readonly limits: XlsxLimits) {}

  /** One more cell (or row, merged area, link, comment) visited. */
  cell(): void {
    if (++this.cells > this.limits.cells) {
      throw new XlsxReadError(
        'too-many-cells',
        `more than ${this.limits.cells.toLocaleString('en')} cells`,
        {
          vi: `quá ${this.limits.cells.toLocaleString('vi')} ô`,
          en: `more than ${this.limits.cells.toLocaleString('en')} cells`,
        },
      );
    }
  }

  /** One more XML element parsed, in any part. */
  element(): void {
    if (++this.elements > this.limits.cells * ELEMENTS_PER_CELL) {
      throw new XlsxReadError(
        'too-many-cells',
        `more than ${(this.limits.cells * ELEMENTS_PER_CELL).toLocaleString('en')} XML elements`,
      );
    }
  }

  /** A text kept (a cell's, a shared string, a comment); returns it. */
  keep(text: string, where: string): string {
    if (text.length > this.limits.textChars) {
      throw new XlsxReadError(
        'text-too-long',
        `a text of ${text.length.toLocaleString('en')} characters in ${where} (at most ${this.limits.textChars.toLocaleString('en')})`,
      );
    }
    this.text += text.length;
    if (this.text > this.limits.totalTextChars) {
      throw new XlsxReadError(
        'text-too-long',
        `more than ${this.limits.totalTextChars.toLocaleString('en')} characters of text in all`,
      );
    }
    return text;
  }
}
