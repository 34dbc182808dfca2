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
  // Latin text with its spaces in order only needs lower case, which the engine does fastest.
  return hasPlainSpaces(text) ? text.toLowerCase() : foldByChar(text, MATCH, Infinity);
}

/** Lowercase without diacritics (đ → d): for matching text typed without accents. */
export function foldDiacritics(text: string): string {
  return foldByChar(text, PLAIN, Infinity);
}

/**
 * The start of `foldDiacritics(text)`: all of it when it is at most `max` characters long, else
 * its first `max + 1` characters (so a longer text never equals, nor matches an anchored rule
 * meant for, a short one). Long cells are not folded to their end to learn they are long.
 */
export function foldDiacriticsHead(text: string, max: number): string {
  return foldByChar(text, PLAIN, max);
}

/**
 * True when `foldDiacritics(text)` is certainly longer than `max`, learnt without folding: its
 * first `max + 1` characters other than spaces fold one by one, to one character or more each.
 * False when it is not longer, or when the text holds characters folded whole (then fold it).
 */
export function foldsLongerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) continue;
    if (!foldsAlone(code)) return false;
    if (++kept > max) return true;
  }
  return false;
}

function foldForMatchWhole(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function foldDiacriticsWhole(text: string): string {
  return foldForMatchWhole(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}

// Folding one character at a time gives the same text as folding the whole text, for text made
// of Latin letters (Vietnamese ones included), digits and punctuation: none of them composes
// with its neighbour under NFC, lowercases by its context (as Greek sigma does) or decomposes
// into marks that would reorder across characters. Anything else is folded whole. Each
// character's folding is worked out once, by the whole-text function itself.

interface FoldTable {
  whole: (text: string) => string;
  /** The folded code unit of each code unit, -1 not yet known, -2 folded to several. */
  single: Int32Array;
  several: Map<number, string>;
}

const FOLDS_ALONE_END = 0x1f00;
const newTable = (whole: (text: string) => string): FoldTable => ({
  whole,
  single: new Int32Array(FOLDS_ALONE_END).fill(-1),
  several: new Map(),
});
const MATCH = newTable(foldForMatchWhole);
const PLAIN = newTable(foldDiacriticsWhole);

/** Code units folded one by one: U+0000–U+02FF (Latin, spacing marks) and U+1E00–U+1EFF. */
const foldsAlone = (code: number): boolean =>
  code < 0x300 || (code >= 0x1e00 && code < FOLDS_ALONE_END);

/** The whitespace (`\s`) among the characters folded one by one. */
const isSpace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || code === 0xa0;

/**
 * Text whose characters all fold one by one, with single plain spaces between words and none
 * at either end: folding it for matching is lowercasing it (no character of it changes under
 * NFC, none lowercases by its context, and there are no spaces to fold).
 */
function hasPlainSpaces(text: string): boolean {
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (space) return false;
      space = true;
    } else if (isSpace(code) || !foldsAlone(code)) return false;
    else space = false;
  }
  return !space || text.length === 0;
}

/** The folded text's code units, reused from call to call. */
let buffer = new Uint16Array(256);

function foldByChar(text: string, table: FoldTable, max: number): string {
  const cap = Math.min(text.length * 2, max + 1) + 8;
  if (cap > buffer.length) buffer = new Uint16Array(cap * 2);
  const out = buffer;
  let n = 0;
  let space = false;
  let i = 0;
  for (; i < text.length && n <= max; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      space = n !== 0;
      continue;
    }
    if (!foldsAlone(code)) {
      const folded = table.whole(text);
      return folded.length > max ? folded.slice(0, max + 1) : folded;
    }
    let folded = table.single[code]!;
    if (folded === -1) {
      const alone = table.whole(text.charAt(i));
      folded = alone.length === 1 ? alone.charCodeAt(0) : -2;
      table.single[code] = folded;
      if (folded === -2) table.several.set(code, alone);
    }
    if (space) {
      out[n++] = 32;
      space = false;
    }
    if (folded >= 0) out[n++] = folded;
    else {
      const several = table.several.get(code)!;
      // At most 3 code units (U+0130 folds to 2); the buffer keeps 8 spare.
      for (let k = 0; k < several.length; k++) out[n++] = several.charCodeAt(k);
    }
  }
  // Cut short before a mark, which would join the last character read: fold the whole text.
  if (i < text.length && !foldsAlone(text.charCodeAt(i)) && !isSpace(text.charCodeAt(i))) {
    return table.whole(text).slice(0, max + 1);
  }
  return decode(out, Math.min(n, max + 1));
}

/** The first `length` code units of `codes` as a string, in chunks `apply` can take. */
function decode(codes: Uint16Array, length: number): string {
  const CHUNK = 4096;
  if (length <= CHUNK)
    return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
  let text = '';
  for (let from = 0; from < length; from += CHUNK) {
    const chunk = codes.subarray(from, Math.min(length, from + CHUNK));
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return text;
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
