// Formula text lives in src/excel/formula.ts. These names are kept here only for src/office,
// which imports them from this path until it imports src/excel/formula.ts itself; then delete
// this file.
export { referencedNames, renameRefs, renameSheets, sheetOfReference } from '../excel/formula';
