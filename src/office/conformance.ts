// Compile-time proof that the real Office.js API fits the interfaces of excel-api.ts: if
// Office.js lacks a member PhuLuc uses, or types it differently, this file stops compiling
// (`npm run typecheck` covers it). It has no run-time content and nothing imports it, so builds
// without the Office.js types (the benchmark) do not need them.

import type { ExcelHost, XlRequestContext } from '../render/office/excel-api';

export type ExcelConforms = Excel.RequestContext extends XlRequestContext ? true : never;
export const EXCEL_CONFORMS: ExcelConforms = true;

/** `Excel.run` itself fits ExcelHost.run. */
export const RUN_CONFORMS: ExcelHost['run'] = (options, batch) =>
  Excel.run(options, (context) => batch(context));
