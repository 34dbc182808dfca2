// The .xlsx reader: one reader for every .xlsx PhuLuc opens (an appendix, an existing tracker),
// whoever wrote it (Excel, LibreOffice, openpyxl, Google Sheets, WPS, ExcelJS). Browser-safe.
//
//   openWorkbook(bytes, limits?) → XlsxWorkbook   cells with their types (./model.ts)
//   openXlsx / readXlsxGrid                       an appendix sheet as a grid (./grid.ts)

export * from './model';
export { openWorkbook } from './workbook';
export {
  displayText,
  MAX_BLANK_RUN,
  MAX_GRID_CELLS,
  MAX_GRID_COLUMNS,
  openXlsx,
  readXlsxGrid,
  sheetModel,
  sheetToGrid,
  type SheetModel,
  type XlsxBook,
} from './grid';
export { isDateFormat } from '../../excel/numfmt';
