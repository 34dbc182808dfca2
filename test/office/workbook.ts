// Reading a workbook built in the Excel double the way a person would look at it: sheets by
// name, the master list's header and rows, what a person types into it.

import { ExcelDouble, type SheetState } from '../excel-double';
import { colName, parseRect } from '../excel-double/a1';

export function newWorkbook(api = '1.20'): ExcelDouble {
  const excel = new ExcelDouble({ api, requestBytes: 4 * 1024 * 1024 });
  excel.addSheet('Sheet1');
  return excel;
}

/** The sheet a PhuLuc marker points to. */
export function sheetOfMarker(excel: ExcelDouble, marker: string): SheetState {
  const name = excel.state.names.find((n) => n.name === marker);
  if (!name) throw new Error(`no marker ${marker}`);
  const m = /^='?(.*?)'?!\$A\$1$/.exec(name.formula);
  return excel.sheet(m![1]!.replace(/''/g, "'"));
}

export interface MasterView {
  sheet: SheetState;
  headerRow: number; // 0-based
  columns: Map<string, number>;
  rows: Map<string, number>; // Mã → 0-based row
}

export function master(excel: ExcelDouble): MasterView {
  const sheet = sheetOfMarker(excel, 'PhuLuc_NhiemVu');
  const table = excel.state.tables.find((t) => t.sheet === sheet);
  if (!table) throw new Error('no master table');
  const headerRow = table.rect.r0;
  const columns = new Map<string, number>();
  for (let c = table.rect.c0; c <= table.rect.c1; c++) {
    columns.set(String(excel.state.cell(sheet, headerRow, c)?.value ?? ''), c);
  }
  const codeCol = columns.get('Mã') ?? columns.get('ID')!;
  const rows = new Map<string, number>();
  for (let r = headerRow + 1; r <= table.rect.r1; r++) {
    const code = excel.state.cell(sheet, r, codeCol)?.value;
    if (code !== null && code !== undefined) rows.set(String(code), r);
  }
  return { sheet, headerRow, columns, rows };
}

/** Types a value into the master list, as a person would (straight into the cell). */
export function type(
  excel: ExcelDouble,
  code: string,
  header: string,
  value: string | number,
): void {
  const m = master(excel);
  const r = m.rows.get(code);
  let c = m.columns.get(header);
  if (r === undefined) throw new Error(`no task ${code}`);
  if (c === undefined) {
    // A new column, typed right of the table (Excel extends the table; here we extend it too).
    const table = excel.state.tables.find((t) => t.sheet === m.sheet)!;
    c = table.rect.c1 + 1;
    excel.state.ensureCell(m.sheet, m.headerRow, c).value = header;
    table.rect = { ...table.rect, c1: c };
  }
  const cell = excel.state.ensureCell(m.sheet, r, c);
  cell.value = value;
  cell.formula = null;
}

export function cellText(excel: ExcelDouble, sheet: SheetState, address: string): unknown {
  const rect = parseRect(address)!;
  return excel.state.cell(sheet, rect.r0, rect.c0)?.value ?? null;
}

export function address(r: number, c: number): string {
  return `${colName(c)}${r + 1}`;
}

/** The double's snapshot with names sorted (a restored name comes back at the end). */
export function normalized(excel: ExcelDouble): unknown {
  const snap = excel.snapshot() as { names: { name: string }[] };
  return { ...snap, names: [...snap.names].sort((a, b) => a.name.localeCompare(b.name)) };
}
