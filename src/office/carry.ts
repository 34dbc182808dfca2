// What people typed into the master list, read back before a rebuild so it can be written
// again: Trạng thái, Tiến độ, Ngày hoàn thành, Ghi chú and every column they added, by Mã.
//
// Two requests: the first finds the header row (in the first rows of the sheet) and the used
// range; the second reads only the columns that matter, in row chunks small enough for Excel's
// response limit.

import { MASTER_FIELDS, type EnteredValues } from '../layout';
import { labelsFor } from '../layout/labels';
import { columnLetter } from '../layout/a1';
import { serialToIso } from '../excel/dates';
import type { XlCellValue, XlRange, XlRequestContext } from './excel-api';
import type { Survey } from './survey';

const HEADER_SCAN = 'A1:CZ12';
/** Cells read per request: short values, so this stays far under the 5 MB response limit. */
export const CARRY_CELLS_PER_REQUEST = 150_000;

type Field = 'code' | 'state' | 'progress' | 'completed' | 'note';

/** Every header the layout writes on the master list, in both languages. */
function knownHeaders(): { field: Map<string, Field>; known: Set<string> } {
  const field = new Map<string, Field>();
  const known = new Set<string>();
  for (const lang of ['vi', 'en'] as const) {
    const w = labelsFor(lang).words;
    for (const key of MASTER_FIELDS) {
      const h = w[key];
      if (h) known.add(norm(h));
    }
    for (const f of ['code', 'state', 'progress', 'completed', 'note'] as Field[]) {
      const h = w[f];
      if (h) field.set(norm(h), f);
    }
  }
  return { field, known };
}

const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

export interface Carried {
  /** By Mã. */
  entered: Record<string, EnteredValues>;
  /** Columns people added to the master list, in sheet order. */
  extraColumns: string[];
  /** Every Mã of the old master list, in order. */
  codes: string[];
  /** Things that could not be carried, in words (Vietnamese, English). */
  warnings: { vi: string; en: string }[];
  /** Master sheets read. */
  sources: string[];
}

export const EMPTY_CARRY: Carried = {
  entered: {},
  extraColumns: [],
  codes: [],
  warnings: [],
  sources: [],
};

interface Located {
  sheet: string;
  headerRow: number; // 0-based sheet row
  lastRow: number; // 0-based, inclusive
  columns: { header: string; index: number; field: Field | 'extra' }[];
}

/** Master lists to read: sheets whose marker says "tasks". */
export function masterSheets(survey: Survey): string[] {
  return survey.sheets.filter((s) => s.key === 'tasks').map((s) => s.name);
}

/** Request 1: header rows and used ranges. Returns the locations after the sync. */
export function queueLocate(ctx: XlRequestContext, sheets: string[]): () => Located[] {
  const probes = sheets.map((name) => {
    const ws = ctx.workbook.worksheets.getItem(name);
    return {
      name,
      top: ws.getRange(HEADER_SCAN).load('values'),
      used: ws.getUsedRangeOrNullObject(true).load('rowIndex,rowCount'),
    };
  });
  return () => {
    const { field, known } = knownHeaders();
    const out: Located[] = [];
    for (const p of probes) {
      if (p.used.isNullObject) continue;
      const rows = p.top.values as XlCellValue[][];
      const headerRow = rows.findIndex((row) => {
        const cells = row.map((v) => norm(String(v)));
        return (
          cells.some((c) => field.get(c) === 'code') && cells.some((c) => field.get(c) === 'state')
        );
      });
      if (headerRow < 0) continue;
      const header = rows[headerRow]!.map((v) => String(v).normalize('NFC').trim());
      const first = header.findIndex((h) => h !== '');
      let last = header.length - 1;
      while (last > first && header[last] === '') last--;
      const columns: Located['columns'] = [];
      for (let i = first; i <= last; i++) {
        const h = header[i]!;
        if (!h) continue;
        const f = field.get(norm(h));
        if (f) columns.push({ header: h, index: i, field: f });
        else if (!known.has(norm(h))) columns.push({ header: h, index: i, field: 'extra' });
      }
      out.push({
        sheet: p.name,
        headerRow,
        lastRow: p.used.rowIndex + p.used.rowCount - 1,
        columns,
      });
    }
    return out;
  };
}

/** Requests 2…: the columns' values, in chunks. */
export async function readCarried(
  ctx: XlRequestContext,
  located: Located[],
  date1904: boolean,
): Promise<Carried> {
  const carried: Carried = { entered: {}, extraColumns: [], codes: [], warnings: [], sources: [] };
  const seen = new Set<string>();
  for (const loc of located) {
    const rows = loc.lastRow - loc.headerRow;
    if (rows <= 0) continue;
    carried.sources.push(loc.sheet);
    const perChunk = Math.max(1, Math.floor(CARRY_CELLS_PER_REQUEST / loc.columns.length));
    const values = new Map<number, XlCellValue[]>(loc.columns.map((c) => [c.index, []]));
    for (let start = 0; start < rows; start += perChunk) {
      const count = Math.min(perChunk, rows - start);
      const ws = ctx.workbook.worksheets.getItem(loc.sheet);
      const ranges: [number, XlRange][] = loc.columns.map((c) => {
        const letter = columnLetter(c.index);
        const r0 = loc.headerRow + 2 + start;
        return [c.index, ws.getRange(`${letter}${r0}:${letter}${r0 + count - 1}`).load('values')];
      });
      await ctx.sync();
      for (const [index, range] of ranges) {
        values.get(index)!.push(...(range.values as XlCellValue[][]).map((row) => row[0]!));
      }
    }
    const codeCol = loc.columns.find((c) => c.field === 'code')!;
    const extras = loc.columns.filter((c) => c.field === 'extra');
    for (const e of extras)
      if (!carried.extraColumns.includes(e.header)) carried.extraColumns.push(e.header);
    for (let i = 0; i < rows; i++) {
      const code = String(values.get(codeCol.index)![i] ?? '').trim();
      const entry: EnteredValues = {};
      for (const c of loc.columns) {
        const v = values.get(c.index)![i];
        if (v === undefined || v === '' || c.field === 'code') continue;
        if (c.field === 'state' || c.field === 'note') entry[c.field] = String(v);
        else if (c.field === 'progress') {
          const n =
            typeof v === 'number' ? v : Number(String(v).replace(',', '.').replace('%', ''));
          if (Number.isFinite(n)) entry.progress = n;
          else warn(carried, code, c.header, v);
        } else if (c.field === 'completed') {
          const iso = typeof v === 'number' ? serialToIso(v, date1904) : textDate(String(v));
          if (iso) entry.completed = iso;
          else warn(carried, code, c.header, v);
        } else {
          entry.extra ??= {};
          entry.extra[c.header] = typeof v === 'number' ? v : String(v);
        }
      }
      if (!code) {
        if (Object.keys(entry).length > 0) {
          carried.warnings.push({
            vi: `Dòng ${loc.headerRow + 2 + i} của trang "${loc.sheet}" có dữ liệu nhập nhưng không có Mã: không mang sang được.`,
            en: `Row ${loc.headerRow + 2 + i} of "${loc.sheet}" has entries but no Mã (code): it could not be carried over.`,
          });
        }
        continue;
      }
      if (seen.has(code)) continue;
      seen.add(code);
      carried.codes.push(code);
      carried.entered[code] = entry;
    }
  }
  return carried;
}

function warn(carried: Carried, code: string, header: string, value: unknown): void {
  carried.warnings.push({
    vi: `Mã ${code}: "${String(value)}" ở cột ${header} không đọc được, không mang sang.`,
    en: `Code ${code}: "${String(value)}" in column ${header} could not be read and was not carried over.`,
  });
}

/** "15/03/2024", "2024-03-15" → ISO. */
function textDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
