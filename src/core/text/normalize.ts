// Text arrives from Word, PDF copies, Excel's clipboard and old converters. Everything the core
// reads goes through here first so later stages see one form of each character.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;

/** NFC, LF line ends, no BOM / zero-width characters, odd spaces as plain spaces. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(ODD_SPACES, ' ')
    .normalize('NFC');
}

/** Lowercase, NFC, single spaces: for comparing labels such as header texts. */
export function foldForMatch(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Lowercase without diacritics (đ → d): for matching text typed without accents. */
export function foldDiacritics(text: string): string {
  return foldForMatch(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}

/**
 * `text` without the characters at its end that `isTrailing` accepts. A loop, not a `[…]+$`
 * regex: such a regex retries at every character of a long run that does not reach the end, so
 * its time grows with the square of the run (a 200 KB cell of ", , , …").
 */
export function trimEndWhere(text: string, isTrailing: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && isTrailing(text.charAt(end - 1))) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}
