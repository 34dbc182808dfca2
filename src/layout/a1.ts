// A1 addresses live in src/excel/a1.ts. These names are kept here only for src/office, which
// imports them from this path until it imports src/excel/a1.ts itself; then delete this file.
export { columnLetter, splitSheetRef } from '../excel/a1';
