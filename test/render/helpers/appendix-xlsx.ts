// .xlsx appendices made from the seed texts the way offices make them in Excel: one sheet row
// per line of the text, table rows in bordered cells, prose in column A. Written with ExcelJS
// directly (not with PhuLuc's writer), so the reader is tested against an independent file.
import ExcelJS from 'exceljs';
import { documentToGrid } from '../../../src/core/grid/fromText';

export interface AppendixOptions {
  /** Thin borders around table cells (real appendices have them). */
  borders?: boolean;
  /**
   * Merge a cell with the cells below that repeat its text ("same as above"), in columns after
   * the first two, across rows that have their own STT.
   */
  mergeRepeats?: boolean;
  /** Extra rows written after the text's rows: [row, col, text][]. */
  extra?: [number, number, string][];
}

export interface MadeAppendix {
  bytes: Uint8Array;
  /** Merged areas written, as "A1:B2". */
  merges: string[];
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

export async function appendixXlsx(
  text: string,
  options: AppendixOptions = {},
): Promise<MadeAppendix> {
  const grid = documentToGrid(text);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  for (const row of grid.rows) {
    const r = ws.getRow(row.line);
    if (!row.tabular) {
      if (row.cells[0]) r.getCell(1).value = row.cells[0];
      continue;
    }
    row.cells.forEach((text, c) => {
      const cell = r.getCell(c + 1);
      if (text !== '') cell.value = text;
      if (options.borders) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    });
  }
  const merges: string[] = [];
  if (options.mergeRepeats) {
    const rows = grid.rows;
    const covered = new Set<string>();
    const ownStt = (k: number): boolean => !!rows[k]?.tabular && !!rows[k]!.cells[0]?.trim();
    for (let i = 0; i < rows.length; i++) {
      if (!ownStt(i)) continue;
      const row = rows[i]!;
      for (let c = 2; c < row.cells.length; c++) {
        const text = row.cells[c]!;
        if (!text.trim() || covered.has(`${i}:${c}`)) continue;
        let j = i + 1;
        // Consecutive sheet rows, each with its own STT, repeating the text.
        while (ownStt(j) && rows[j]!.line === rows[j - 1]!.line + 1 && rows[j]!.cells[c] === text)
          j++;
        if (j - i < 2) continue;
        for (let k = i + 1; k < j; k++) {
          ws.getCell(rows[k]!.line, c + 1).value = null;
          covered.add(`${k}:${c}`);
        }
        const range = `${ws.getCell(row.line, c + 1).address}:${ws.getCell(rows[j - 1]!.line, c + 1).address}`;
        ws.mergeCells(range);
        merges.push(range);
      }
    }
  }
  for (const [row, col, text] of options.extra ?? []) ws.getCell(row, col).value = text;
  const buffer = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer as ArrayBuffer), merges };
}
