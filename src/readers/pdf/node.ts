// PDF.js for Node (the command line, tests, benchmarks): its legacy build, which runs on Node 20,
// with its worker's code run in this thread (no worker file is fetched or spawned).

import type { PdfLib } from './extract';

let loaded: Promise<PdfLib> | null = null;

/** Loads PDF.js once. */
export function loadPdfLib(): Promise<PdfLib> {
  loaded ??= (async () => {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    // PDF.js looks here for a worker running in this thread before it would load one.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return lib;
  })();
  return loaded;
}
