// Layout cells → what Office.js writes. Text stays text: anything Excel would read as a
// formula, number, date or boolean is written with a leading apostrophe (Excel's own "this is
// text" mark, which it keeps out of the cell's value).

import { isoToSerial } from '../../excel/dates';
import type { XlCellInput } from './excel-api';
import type { Cell } from '../../layout/types';

/**
 * True when Excel would not keep `text` as typed: a leading = + - @ ' # (formula, error or
 * quote), a digit anywhere (numbers, dates, times, fractions, percentages, "12/2023"), or a
 * boolean. Conservative on purpose: an apostrophe on plain text does no harm.
 */
export function needsQuote(text: string): boolean {
  return /^\s*[=+\-@'#]/.test(text) || /\d/.test(text) || /^\s*(true|false)\s*$/i.test(text);
}

export function textInput(text: string): string {
  return needsQuote(text) ? `'${text}` : text;
}

/** The value to write in the values pass; null leaves the cell alone (formulas come later). */
export function valueInput(cell: Cell | null | undefined, date1904: boolean): XlCellInput {
  if (!cell || cell.formula !== undefined) return null;
  if (cell.text !== undefined) return cell.text === '' ? null : textInput(cell.text);
  if (cell.number !== undefined) return cell.number;
  if (cell.date !== undefined) return isoToSerial(cell.date, date1904);
  if (cell.bool !== undefined) return cell.bool;
  return null;
}
