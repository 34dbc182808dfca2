// The bench's yardstick: a layout's cell values written with ExcelJS and nothing else — no
// styles, rules, formulas, widths or merges. The target for building the tracker is at
// most 2× this write (`npm run bench`, `npm run bench:xlsx-writers`).

import ExcelJS from 'exceljs';
import { isoToSerial } from '../../src/excel/dates';
import type { WorkbookLayout } from '../../src/layout/types';

/** The target: building the .xlsx takes at most this many times the values-only write. */
export const BUILD_TARGET_RATIO = 2;

/** Writes the layout's values plainly; resolves with the file's size in bytes. */
export async function valuesOnlyWrite(layout: WorkbookLayout): Promise<number> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of layout.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const block of sheet.blocks) {
      const origin = ws.getCell(block.origin);
      block.rows.forEach((cells, r) => {
        const row = ws.getRow(Number(origin.row) + r);
        cells.forEach((cell, c) => {
          if (!cell) return;
          const value =
            cell.text ??
            cell.number ??
            (cell.date ? isoToSerial(cell.date) : undefined) ??
            cell.bool;
          if (value !== undefined) row.getCell(Number(origin.col) + c).value = value;
        });
      });
    }
  }
  const bytes = await wb.xlsx.writeBuffer();
  return bytes.byteLength;
}
