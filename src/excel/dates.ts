// Excel date serial numbers ↔ ISO dates: the one place for it (the .xlsx reader and writer, the
// Office.js door). Pure; depends on nothing but the core's types.
//
// Excel's 1900 system counts a 29 February 1900 that never was, so serials from 61 on are days
// since 30 December 1899 and serials 1–59 are one day later than that count; serial 60 is the
// phantom day (read as 1 March here). The 1904 system (old Mac workbooks, `date1904` in
// workbook.xml) is 1,462 days lower. Office.js cannot tell which one a workbook uses, so
// src/office/survey.ts asks Excel for DATE(1904,1,1): 1462 in the 1900 system, 0 in 1904.

import type { IsoDate } from '../core/plan/types';
import { isoDate, isValidDay, validIsoDate } from '../core/time/calendar';

export const DAY_MS = 86_400_000;
/** Day 0 of the 1900 system as counted from 1 March 1900 on (UTC, so no time zone shifts it). */
export const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
/** Serial of a date in the 1900 system minus its serial in the 1904 system. */
export const OFFSET_1904 = 1462;
/** 31/12/9999, the last date Excel shows (1900 system). */
export const MAX_SERIAL = 2_958_465;

/** "YYYY-MM-DD" as the number YYYYMMDD, read digit by digit; null for any other text. */
function packedIsoDate(iso: string): number | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  let packed = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = iso.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    packed = packed * 10 + digit;
  }
  return packed;
}

/** ISO date (YYYY-MM-DD) → Excel serial. */
export function isoToSerial(iso: IsoDate, date1904 = false): number {
  // (A workbook has dates on most of its rows: the usual form is read without splitting it.)
  const packed = packedIsoDate(iso);
  const [y, m, d] =
    packed === null
      ? iso.split('-').map(Number)
      : [Math.trunc(packed / 10_000), Math.trunc(packed / 100) % 100, packed % 100];
  let serial = Math.round((Date.UTC(y!, m! - 1, d!) - EPOCH_1900_MS) / DAY_MS);
  if (serial < 61) serial -= 1;
  return date1904 ? serial - OFFSET_1904 : serial;
}

/**
 * Excel serial → the ISO date (YYYY-MM-DD) of the day it falls in (a time of day is dropped),
 * or null outside 1/1/1900 … 31/12/9999.
 */
export function serialToIso(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  let days = Math.floor(serial) + (date1904 ? OFFSET_1904 : 0);
  if (days < 1 || days > MAX_SERIAL) return null;
  if (days < 61) days += 1;
  const date = new Date(EPOCH_1900_MS + days * DAY_MS);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Excel serial → the UTC Date that ExcelJS writes back as that serial (serials from 61 on,
 * 1 March 1900, which is all a plan's dates and data-validation bounds need).
 */
export function serialToUtcDate(serial: number): Date {
  return new Date(EPOCH_1900_MS + serial * DAY_MS);
}

/**
 * An ISO 8601 date, date-time or time as SpreadsheetML stores it in `t="d"` cells
 * ("2024-03-15", "2024-03-15T10:30:00Z", "10:30:00") → Excel serial (with the time as a
 * fraction; a zone is ignored: the file means the wall-clock time); null when it is not one.
 */
export function isoTextToSerial(text: string, date1904 = false): number | null {
  const m =
    /^\s*(?:(\d{4})-(\d{2})-(\d{2}))?(?:[T ]?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/.exec(
      text,
    );
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  let serial = 0;
  if (m[1] !== undefined) {
    if (!isValidDay(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
    serial = isoToSerial(`${m[1]}-${m[2]}-${m[3]}`, date1904);
  }
  if (m[4] !== undefined) {
    const h = Number(m[4]);
    const min = Number(m[5]);
    const s = m[6] === undefined ? 0 : Number(m[6]);
    if (h > 24 || min > 59 || s >= 61) return null;
    serial += (h * 3600 + min * 60 + s) / 86_400;
  }
  return serial;
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
  return validIsoDate(y, m, d);
}
