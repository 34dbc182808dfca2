// The page's PDF reader, in a chunk of its own (src/taskpane/lazy.ts): PDF.js (its legacy build,
// for older browsers too) with its worker's code bundled into the same chunk and run in this
// thread, so nothing is fetched from elsewhere and no worker file needs serving.

import '../readers/pdf/env';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { Grid } from '../core/grid/types';
import { PdfReadError, readPdfGrid } from '../readers/pdf';
import { PaneFailure, type ErrorCode } from './model/errors';

const CODES: Record<PdfReadError['code'], ErrorCode> = {
  scanned: 'pdf-scanned',
  garbage: 'pdf-unreadable',
  empty: 'pdf-scanned',
  encrypted: 'pdf-password',
  damaged: 'pdf-damaged',
};

/** PDF bytes → grid; a PDF that cannot be read is a PaneFailure with its reason. */
export async function readPdf(bytes: Uint8Array): Promise<Grid> {
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  try {
    return await readPdfGrid(bytes, pdfjs);
  } catch (error) {
    if (error instanceof PdfReadError) throw new PaneFailure(CODES[error.code], error.message);
    throw error;
  }
}
