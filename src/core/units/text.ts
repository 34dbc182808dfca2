// Small text helpers shared by the units module. Pure functions, no I/O.

/** Leading bullets: "- ", "– ", "+ ", "• ", "* " (one or more, a space after each is optional). */
const LEADING_BULLETS = /^(?:[-–—+•*·]+\s*)+/u;
/** Leading and trailing punctuation that is never part of a name. */
const LEADING_PUNCT = /^[\s;,.:]+/u;
const TRAILING_PUNCT = /[\s;,.:]+$/u;

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
  let s = foldSpaces(text);
  let previous = '';
  while (s !== previous) {
    previous = s;
    s = s.replace(LEADING_PUNCT, '').replace(LEADING_BULLETS, '').replace(TRAILING_PUNCT, '');
  }
  return s;
}

/** Vietnamese collation for names shown to people. */
export const viCollator = new Intl.Collator('vi');
