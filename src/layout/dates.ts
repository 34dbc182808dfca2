// Excel date serial numbers. Excel's 1900 system counts a 29 February 1900 that never was, so
// serials from 61 on are days since 30 December 1899; the rare 1904 system (old Mac
// workbooks) is 1462 days lower. Office.js cannot tell which one a workbook uses, so
// src/office/survey.ts asks Excel for DATE(1904,1,1): 1462 in the 1900 system, 0 in 1904.

import type { IsoDate } from '../core/plan/types';

const DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
export const OFFSET_1904 = 1462;

export function isoToSerial(iso: IsoDate, date1904 = false): number {
  const [y, m, d] = iso.split('-').map(Number);
  let serial = Math.round((Date.UTC(y!, m! - 1, d!) - EPOCH_1900) / DAY);
  if (serial < 61) serial -= 1;
  return date1904 ? serial - OFFSET_1904 : serial;
}

export function serialToIso(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  let days = Math.floor(serial) + (date1904 ? OFFSET_1904 : 0);
  if (days < 1 || days > 2_958_465) return null;
  if (days < 61) days += 1;
  const date = new Date(EPOCH_1900 + days * DAY);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${p(date.getUTCMonth() + 1)}-${p(date.getUTCDate())}`;
}

/**
 * True for a number format that shows a date: d, m (as a month) or y outside quotes,
 * brackets and escapes. "0%", "0.00", "General", "h:mm" are not dates.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]!;
  return /[dy]/i.test(bare) || /(^|[^h:])m+([^:s]|$)/i.test(bare.replace(/[hs]+:?/gi, ''));
}

/** "15/03/2024" for the grid: the way Vietnamese documents write dates. */
export function viDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A date typed as text: "15/03/2024", "15-3-2024", "15.03.2024" or "2024-03-15" → ISO. */
export function isoFromText(text: string): IsoDate | null {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (vi) [d, m, y] = [Number(vi[1]), Number(vi[2]), Number(vi[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
