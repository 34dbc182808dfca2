// Dates for the Office.js door. Serial ↔ ISO and the date-format rule live in src/excel (one
// place for the .xlsx reader and writer too); this module keeps the names the door imports.
// Office.js cannot tell which date system a workbook uses, so src/office/survey.ts asks Excel
// for DATE(1904,1,1): 1462 in the 1900 system, 0 in 1904.

export { isoToSerial, OFFSET_1904, serialToIso } from '../excel/dates';
export { isDateFormat } from '../excel/numfmt';
export { viDate } from '../layout/context';
