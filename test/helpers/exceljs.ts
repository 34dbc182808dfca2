// ExcelJS (4.4) cannot read a table column with a calculated formula — a file Excel saves with
// one, or PhuLuc writes (`<calculatedColumnFormula>`), makes its reader throw. Tests that read
// a built workbook back with ExcelJS load it through here: the calculated formulas are taken
// out of the table parts first (the cells keep their formulas).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** The bytes with every `<calculatedColumnFormula>` removed from the table parts. */
export async function withoutCalculatedColumns(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    zip.file(
      name,
      xml.replace(/<calculatedColumnFormula>[\s\S]*?<\/calculatedColumnFormula>/g, ''),
    );
  }
  return zip.generateAsync({ type: 'uint8array' });
}

/** A built workbook read by ExcelJS. */
export async function loadWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await withoutCalculatedColumns(bytes)) as unknown as ExcelJS.Buffer);
  return wb;
}
