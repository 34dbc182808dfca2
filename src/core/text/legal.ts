// Characters a workbook cannot hold. An .xlsx is XML, and XML 1.0 forbids the C0 controls other
// than tab, line feed and carriage return, lone surrogates and U+FFFE / U+FFFF; Word leaves some
// of them in copied text (U+001E for its non-breaking hyphen, U+001F for its optional hyphen,
// U+000B for a manual line break). Such a character written raw makes a file that Excel repairs
// and LibreOffice refuses. Text is made legal where it enters the core (planFromGrid) and again
// in the layout, whatever the source.

/** Excel's limit on the characters (UTF-16 code units) of one cell. */
export const EXCEL_CELL_LIMIT = 32_767;

/**
 * C0 and C1 controls except tab, LF and CR; lone surrogates (a broken UTF-16 pair); and the
 * non-characters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their counterparts in every plane).
 */
const ILLEGAL = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu;
const HAS_ILLEGAL = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
/**
 * Every UTF-16 code unit such a character is written with (a non-character past U+FFFF is a
 * surrogate pair): text without one of them, almost every cell, is legal, and this plain class
 * tells so three times faster than the pattern above (the reader tests every cell).
 */
const MAY_BE_ILLEGAL =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/;

/** What a character becomes: Word's hyphens and line breaks keep their meaning. */
function replacementOf(ch: string): string {
  switch (ch) {
    case '\u001e': // Word's non-breaking hyphen
      return '-';
    case '\u000b': // Word's manual line break (Shift+Enter)
    case '\u000c': // page or section break
      return '\n';
    default:
      // A lone surrogate is half of a character that was lost: show that something was there.
      return isLoneSurrogate(ch) ? '\ufffd' : '';
  }
}

const isLoneSurrogate = (ch: string): boolean =>
  ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff;

/** True when the text holds a character a workbook cannot hold. */
export function hasIllegalCharacters(text: string): boolean {
  return MAY_BE_ILLEGAL.test(text) && HAS_ILLEGAL.test(text);
}

/** The text with every character a workbook cannot hold replaced or removed. */
export function legalText(text: string): string {
  return hasIllegalCharacters(text) ? text.replace(ILLEGAL, replacementOf) : text;
}

/** "U+001E", "U+1FFFE" */
export function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Counts of the characters replaced, by the character. */
export type Replaced = Map<string, number>;

/** Like legalText, also counting what it replaced into `replaced`. */
export function legalTextCounting(text: string, replaced: Replaced): string {
  if (!hasIllegalCharacters(text)) return text;
  return text.replace(ILLEGAL, (ch) => {
    replaced.set(ch, (replaced.get(ch) ?? 0) + 1);
    return replacementOf(ch);
  });
}

/** One replaced character in words: `2 × U+001E (gạch nối không ngắt → "-")`, Vietnamese and English. */
export function describeReplaced(ch: string, count: number): [string, string] {
  const what = replacementOf(ch);
  const code = codePointName(ch);
  const named: Record<string, [string, string]> = {
    '\u001e': ['gạch nối không ngắt của Word', "Word's non-breaking hyphen"],
    '\u001f': ['gạch nối tùy chọn của Word', "Word's optional hyphen"],
    '\u000b': ['ngắt dòng của Word', "Word's line break"],
    '\u000c': ['ngắt trang', 'page break'],
  };
  const [nameVi, nameEn] =
    named[ch] ??
    (isLoneSurrogate(ch)
      ? ['nửa ký tự hỏng', 'half of a broken character']
      : /\p{Cc}/u.test(ch)
        ? ['ký tự điều khiển', 'control character']
        : ['ký tự không dùng được', 'non-character']);
  const [toVi, toEn] =
    what === ''
      ? ['đã bỏ', 'removed']
      : what === '\n'
        ? ['thành xuống dòng', 'made a line break']
        : [`thay bằng "${what}"`, `replaced by "${what}"`];
  const times = count > 1 ? `${count} × ` : '';
  return [`${times}${code} (${nameVi}, ${toVi})`, `${times}${code} (${nameEn}, ${toEn})`];
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
/** Marks, joiners, variation selectors and skin tones belong to the character before them. */
const ATTACHED = /^(?:\p{M}|\u200d|\p{Emoji_Modifier})/u;

/** Where the code point before `i` starts. */
function previousStart(text: string, i: number): number {
  return i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
}

/**
 * The text cut to at most `max` UTF-16 code units (Excel's "characters"): never inside a
 * surrogate pair (an emoji), and where it can, not between a letter and its marks or inside
 * an emoji sequence.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  if (end > 0 && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end--;
  const attached = (i: number): boolean =>
    ATTACHED.test(text.slice(i, i + 2)) || (i > 0 && text.charCodeAt(i - 1) === 0x200d);
  // A letter carries few marks; a long run of them (fuzzed text) is cut where it falls.
  let at = end;
  for (let steps = 0; at > 0 && attached(at) && steps < 16; steps++) at = previousStart(text, at);
  return text.slice(0, at > 0 && !attached(at) ? at : end);
}
