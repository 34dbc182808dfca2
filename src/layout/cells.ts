// Cells several sheets write the same way.

import type { IsoDate } from '../core/plan/types';
import { legalText } from '../core/text/legal';
import { quoteSheet } from '../excel/a1';
import { isoToSerial } from '../excel/dates';
import { quote } from '../excel/formula';
import type { Cell, StyleId } from './types';

/**
 * A Mã or an STT: a plain whole number ("4", "12") is written as a number, so it sorts 1, 2, 10
 * and shows no "number stored as text" triangle; anything else ("V.1", "1.2", "3-2", "01") stays
 * text, and the sheet lists its column in `textNumbers`.
 */
export function idCell(id: string, style: StyleId = 'textCenter'): Cell {
  const value = idValue(id);
  if (typeof value === 'number') return { number: value, style };
  return id ? { text: id, style } : { style };
}

/** A Mã as the cell holds it: a number for a plain whole number, else the text. */
export function idValue(id: string): string | number {
  return /^[1-9]\d{0,14}$/.test(id) ? Number(id) : id;
}

/** The value a formula returning this date shows: its serial, or "" for none. */
export function dateValue(iso: string | null | undefined): number | string {
  return iso ? isoToSerial(iso) : '';
}

/**
 * `text` stored in one piece. A string made by joining pieces (a formula's template) is kept
 * by V8 as a tree of its pieces, two to three times the size of the text, until something reads
 * its characters; reading one makes it one piece. A workbook of 10,000 tasks has half a million
 * formulas: in one piece they take half the memory and the garbage collector, which copies every
 * string a build keeps, copies half as much. Other engines read a character and change nothing.
 */
export function inOnePiece(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** A formula cell with its stored result (omitted when the build has no value date). */
export function formulaCell(
  formula: string,
  style: StyleId,
  value: string | number | boolean | undefined,
): Cell {
  const stored = inOnePiece(formula);
  return value === undefined ? { formula: stored, style } : { formula: stored, style, value };
}

/**
 * "Tính đến ngày" on Tổng hợp and the unit sheets: Cài đặt's report date (the name NgayBaoCao),
 * stored as the build's value date.
 */
export function reportDateCell(valueDate: IsoDate | null): Cell {
  const value = valueDate === null ? undefined : isoToSerial(valueDate);
  return formulaCell('NgayBaoCao', 'settingDate', value);
}

/** The longest text Excel's HYPERLINK shows. */
const MAX_HYPERLINK_TEXT = 255;

/**
 * A cell that shows `text` and takes the reader to `address` on `sheet`. It is a HYPERLINK
 * formula: LibreOffice does not wrap a cell that holds a link, so a long unit name on the printed
 * Tổng hợp was cut at the column's edge, while a formula's text wraps like any other. A text
 * longer than HYPERLINK shows stays a plain link.
 */
export function linkCell(text: string, sheet: string, address: string): Cell {
  if (text.length > MAX_HYPERLINK_TEXT) return { text, style: 'link', link: { sheet, address } };
  // The layout's guard makes texts legal afterwards; a formula's quoted text is made so here.
  const shown = legalText(text);
  const target = quote(`#${quoteSheet(sheet)}!${address}`);
  return { formula: `HYPERLINK(${target},${quote(shown)})`, style: 'link', value: shown };
}
