// A PDF plan → grid: PDF.js reads the pages (extract.ts), the table reader turns their text and
// ruling lines into rows (layout.ts). The caller hands PDF.js in, loaded its own way: the
// command line from node_modules (node.ts), the page from a chunk of its own.

import type { Grid } from '../../core/grid/types';
import { extractPages, PdfOpenError, type PdfLib } from './extract';
import { pagesToGrid, PdfReadError } from './layout';

export { PdfReadError, pagesToGrid } from './layout';
export type { PdfLib } from './extract';

/** "%PDF-" within the first kilobyte (some writers put bytes before it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) {
    if (
      head[i] === 0x25 &&
      head[i + 1] === 0x50 &&
      head[i + 2] === 0x44 &&
      head[i + 3] === 0x46 &&
      head[i + 4] === 0x2d
    )
      return true;
  }
  return false;
}

/** PDF bytes → grid; a PdfReadError says why a PDF cannot be read (a scan, a password…). */
export async function readPdfGrid(bytes: Uint8Array, lib: PdfLib): Promise<Grid> {
  if (!looksLikePdf(bytes)) throw new PdfReadError('damaged', 'not a PDF file (no %PDF- header)');
  try {
    return pagesToGrid(await extractPages(lib, bytes));
  } catch (error) {
    if (error instanceof PdfOpenError) throw new PdfReadError(error.code, error.message);
    throw error;
  }
}
