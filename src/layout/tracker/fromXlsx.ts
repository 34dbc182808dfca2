// A workbook read by the .xlsx reader (command line, page) as the tracker reader sees it.

import type { XlsxSheet, XlsxWorkbook } from '../../readers/xlsx';
import type { ReadBook, ReadCell, ReadSheet } from './model';

function readSheet(sheet: XlsxSheet): ReadSheet {
  const notes = new Map<string, string>();
  for (const c of sheet.comments) notes.set(`${c.row}:${c.col}`, c.text);
  return {
    name: sheet.name,
    lastRow: sheet.lastRow,
    lastCol: sheet.lastCol,
    cell(row, col): ReadCell | undefined {
      const cell = sheet.cell(row, col);
      const note = notes.get(`${row}:${col}`);
      if (!cell) return note ? { value: { type: 'empty' }, note } : undefined;
      const v = cell.value;
      return {
        value: v.type === 'date' ? { type: 'date', iso: v.iso } : v,
        ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
        ...(cell.fill ? { fill: cell.fill } : {}),
        ...(note ? { note } : {}),
      };
    },
  };
}

/** The workbook's worksheets, workbook-level names and tables; sheets adapted on demand. */
export function bookFromXlsx(workbook: XlsxWorkbook): ReadBook {
  const cache = new Map<string, ReadSheet>();
  const sheets = workbook.sheets.filter((s) => s.kind === 'worksheet').map((s) => s.name);
  return {
    sheets,
    names: workbook.definedNames
      .filter((n) => n.localSheet === null)
      .map((n) => ({
        name: n.name,
        formula: n.formula,
        ...(n.comment ? { comment: n.comment } : {}),
      })),
    tables: workbook.tables.map((t) => ({ name: t.name, sheet: t.sheet, ref: t.ref })),
    sheet(name) {
      const key = name.toLowerCase();
      let s = cache.get(key);
      if (!s) {
        if (!sheets.some((n) => n.toLowerCase() === key)) return undefined;
        s = readSheet(workbook.sheet(name));
        cache.set(key, s);
      }
      return s;
    },
  };
}
