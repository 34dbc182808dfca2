import type { PlanDocument } from '../plan/types';
import { cleanInline } from '../text/cell';
import { validIsoDate } from '../time/calendar';
import { foldDiacritics } from '../text/normalize';
import type { Grid } from '../grid/types';

const DOCUMENT_TYPES = [
  'KẾ HOẠCH',
  'QUYẾT ĐỊNH',
  'CHƯƠNG TRÌNH',
  'CHƯƠNG TRÌNH HÀNH ĐỘNG',
  'CÔNG VĂN',
  'THÔNG BÁO',
  'CHỈ THỊ',
  'NGHỊ QUYẾT',
  'ĐỀ ÁN',
  'PHƯƠNG ÁN',
  'HƯỚNG DẪN',
  'BÁO CÁO',
];
const TYPE_KEYS = new Map(DOCUMENT_TYPES.map((t) => [foldDiacritics(t), t]));

/** Prose lines of the document's head (before its first table), cleaned, with line numbers. */
function headLines(grid: Grid, limit: number): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (const row of grid.rows) {
    if (row.tabular) break;
    const text = cleanInline(row.cells.join(' '))
      .replace(/^#+\s*/, '')
      .trim();
    out.push({ line: row.line, text });
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * The document's own details from its head: "Số: 15/KH-UBND", "Từ Sơn, ngày 26 tháng 12 năm
 * 2019", the type line ("KẾ HOẠCH") and the title block under it. A bare table has none.
 */
export function readDocument(grid: Grid): PlanDocument {
  const lines = headLines(grid, 60);
  const doc: PlanDocument = {
    number: null,
    type: null,
    place: null,
    date: null,
    title: null,
    year: null,
  };

  for (const { text } of lines.slice(0, 25)) {
    if (doc.number === null) {
      const m =
        /^Số\s*(?:hiệu)?\s*:?\s*(\d+)?\s*\/\s*([\p{Lu}Đ][\p{Lu}\p{N}Đ-]*(?:\/[\p{Lu}\p{N}Đ-]+)?)/u.exec(
          text,
        );
      if (m) {
        // "Số: /QĐ-UBND": the number was left blank for the clerk to fill in.
        doc.number = m[1] ? `${m[1]}/${m[2]}` : null;
        if (doc.number) continue;
      }
    }
    if (doc.date === null) {
      const m = /^(.{2,60}?),\s*ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/u.exec(text);
      if (m) {
        doc.place = m[1]!.trim();
        doc.date = validIsoDate(Number(m[4]), Number(m[3]), Number(m[2]));
      }
    }
  }

  const typeIndex = lines.findIndex(({ text }) => TYPE_KEYS.has(foldDiacritics(text)));
  if (typeIndex >= 0) {
    doc.type = TYPE_KEYS.get(foldDiacritics(lines[typeIndex]!.text)) ?? null;
    // The title is the block of lines right under the type, up to the next blank line.
    const block: string[] = [];
    for (const { text } of lines.slice(typeIndex + 1)) {
      if (!text) {
        if (block.length > 0) break;
        continue;
      }
      block.push(text);
      if (block.length >= 4) break;
    }
    const title = block.join(' ').replace(/\s+/g, ' ').trim();
    doc.title = title || null;
  }

  const yearInTitle = doc.title ? /năm\s+(\d{4})(?!\s*[-–]\s*\d{4})/u.exec(doc.title) : null;
  if (yearInTitle) doc.year = Number(yearInTitle[1]);
  else if (doc.date) doc.year = Number(doc.date.slice(0, 4));
  return doc;
}
