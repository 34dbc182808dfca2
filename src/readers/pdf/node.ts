// PDF.js for Node (the command line, tests, benchmarks): its legacy build, which runs on Node 20,
// with its worker's code run in this thread (no worker file is fetched or spawned).

import { installDomMatrix } from './dommatrix';
import type { PdfLib } from './extract';

let loaded: Promise<PdfLib> | null = null;

/** Loads PDF.js once. */
export function loadPdfLib(): Promise<PdfLib> {
  loaded ??= (async () => {
    installDomMatrix();
    // Loading, PDF.js looks for a canvas package to draw with; PhuLuc never draws, so its
    // warnings about that would only alarm people.
    const warn = console.warn;
    console.warn = (...args: unknown[]): void => {
      if (!/@napi-rs\/canvas|Cannot polyfill/.test(String(args[0]))) warn(...args);
    };
    let lib: PdfLib;
    try {
      lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
    }
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    // PDF.js looks here for a worker running in this thread before it would load one.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return lib;
  })();
  return loaded;
}
