// PhuLuc inside Excel: what the task pane calls.
//
//   const host = officeHost();
//   const { plan, read } = await readPlan(host);          // ReadRefusal: show .vi / .en
//   const report = await buildWorkbook(host, { plan, options });   // BuildError: .vi / .en
//     (code "plan-differs" / "tasks-uncertain": ask, then build again with replacePlan /
//     decisions)
//   report.rebuild, report.omitted, report.renamed, report.warnings → tell the user

export type { ExcelHost } from '../render/office/excel-api';
export { officeHost } from './host';
export { detectFeatures, type Features, type Omission } from '../render/office/features';
export {
  readAppendix,
  readPlan,
  ReadRefusal,
  DEFAULT_MAX_CELLS,
  type ReadOptions,
  type SheetRead,
} from './reader';
export {
  buildWorkbook,
  BuildError,
  type BuildErrorCode,
  type BuildQuestion,
  MIN_API,
  type BuildReport,
  type BuildRequest,
  type StoredSettings,
} from './rebuild';
export { refreshWorkbook, checkWorkbook, type CommandResult } from './commands';
export { MasterListError } from './masterlist';
