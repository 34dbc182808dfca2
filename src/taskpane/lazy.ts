// The pipeline stages the pane loads on first use, each in a chunk of its own, so the pane that
// opens inside Excel carries neither ExcelJS nor PDF.js:
//   layout  — plan → workbook layout (pure, small);
//   xlsx    — the .xlsx writer and reader (ExcelJS), only for downloads and .xlsx files;
//   docx    — the .docx reader (the document's XML), only for .docx files;
//   pdf     — the PDF reader with PDF.js and its worker's code, only for PDF files;
//   sample  — the bundled sample plan.

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
    const m = await import(/* webpackChunkName: "xlsx" */ '../readers/xlsx');
    return (bytes) => m.readXlsxGrid(bytes);
  },
  async docxReader() {
    const m = await import(/* webpackChunkName: "docx" */ '../readers/docx');
    return (bytes) => m.readDocxGrid(bytes);
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
