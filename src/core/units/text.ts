// Small text helpers shared by the units module. Pure functions, no I/O.

import { trimEndWhere } from '../text/normalize';

/**
 * What is never part of a name at its start: bullets ("- ", "– ", "+ ", "• ", "* ", one or more,
 * a space after each optional) and `; , . :`, in any mix. One anchored pass, linear in the text.
 */
const LEADING_JUNK = /^[\s;,.:\-–—+•*·]+/u;
/** Trailing punctuation that is never part of a name. */
const isTrailingPunct = (char: string): boolean => /[\s;,.:]/u.test(char);

/** NFC, every run of whitespace (line breaks included) folded to one space, trimmed. */
export function foldSpaces(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ')
    .trim();
}

/**
 * A unit name as a person writes it down: NFC, spaces folded, bullets ("- ", "+ ", "• ") and
 * leading/trailing `; , . :` removed. Inner text is kept exactly as written.
 */
export function cleanUnitName(text: string): string {
  return trimEndWhere(foldSpaces(text).replace(LEADING_JUNK, ''), isTrailingPunct);
}

/** Vietnamese collation for names shown to people. */
export const viCollator = new Intl.Collator('vi');
