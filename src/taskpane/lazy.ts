// The pipeline stages the pane loads on first use, each in a chunk of its own, so the pane that
// opens inside Excel carries neither the .xlsx writer nor PDF.js:
//   layout  — plan → workbook layout (pure, small);
//   xlsx    — the .xlsx writer (SpreadsheetML parts over fflate), only for downloads;
//   xlsx-read — the .xlsx reader (fflate + saxes), only for .xlsx files;
//   docx    — the .docx reader (the document's XML), only for .docx files;
//   pdf     — the PDF reader with PDF.js and its worker's code, only for PDF files;
//   units   — the units' forms sent and merged (with the .xlsx writer), only when used;
//   sample  — the bundled sample plan.

import { PaneFailure } from './model/errors';
import type { PipelineModules } from './model/ports';

export const modules: PipelineModules = {
  async layout() {
    const m = await import(/* webpackChunkName: "layout" */ '../layout');
    return (plan, options) => m.layoutWorkbook(plan, options);
  },
  async xlsxWriter() {
    const m = await import(/* webpackChunkName: "xlsx" */ '../render/xlsx');
    return (layout) => m.renderXlsx(layout);
  },
  async xlsxReader() {
    const m = await import(/* webpackChunkName: "xlsx-read" */ '../readers/xlsx');
    return async (bytes) => {
      try {
        return await m.readXlsxGrid(bytes);
      } catch (error) {
        // The reader's own words (a zip bomb, too many cells, an .xls…) under the pane's title.
        if (error instanceof m.XlsxReadError)
          throw new PaneFailure('file-unreadable', `${error.code}: ${error.detail}`, {
            vi: `${error.vi[0]!.toUpperCase()}${error.vi.slice(1)}.`,
            en: `${error.en[0]!.toUpperCase()}${error.en.slice(1)}.`,
          });
        throw error;
      }
    };
  },
  async docxReader() {
    const m = await import(/* webpackChunkName: "docx" */ '../readers/docx');
    return (bytes) => m.readDocxGrid(bytes);
  },
  async units() {
    const m = await import(/* webpackChunkName: "units" */ './units-module');
    return m.unitsModule;
  },
  async pdfReader() {
    const m = await import(/* webpackChunkName: "pdf" */ './pdf');
    return (bytes) => m.readPdf(bytes);
  },
};

/** The sample plan (seed 000), as text. */
export async function loadSample(): Promise<string> {
  const m = await import(/* webpackChunkName: "sample" */ './sample/sample-plan.txt');
  return m.default;
}
