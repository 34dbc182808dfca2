// Text preparation. Matching runs on a "folded" copy of a segment: lower case, no diacritics,
// parentheses and document numbers blanked. Folding keeps every character at its index, so a
// span found in the folded copy is the same span in the text as written.

/** Cleans a cell as a person sees it: one line per paragraph, plain spaces and hyphens. */
export function cleanText(raw: string): string {
  const text = raw
    .normalize('NFC')
    .replace(/<\s*br\s*\/?\s*>/gi, '\n')
    .replace(/<\/?\s*(?:p|div|li|tr|ul|ol)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/\*\*|__/g, '')
    .replace(/[\u00a0\u2007\u202f\t\f\v]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** True when the text holds a letter or a digit (a lone "-" or "…" is no time at all). */
export function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * Splits a cleaned cell into segments: one per line and per `;`. A `;` or line break inside
 * parentheses does not split, since the parenthesis is a remark on the time before it.
 */
export function splitSegments(clean: string): string[] {
  // Segments are cut out as slices, not added up a character at a time (see `fold`).
  const segments: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < clean.length; i += 1) {
    const char = clean.charAt(i);
    if (char === '(') depth += 1;
    if (char === ')' && depth > 0) depth -= 1;
    if ((char === ';' || char === '\n') && depth === 0) {
      segments.push(clean.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(clean.slice(start));
  return segments.map((s) => s.trim()).filter(hasContent);
}

function foldChar(char: string): string {
  if (char === 'đ' || char === 'Đ' || char === 'Ð') return 'd';
  const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (base.length === 0) return ' '; // a stray combining mark
  const lower = base.toLowerCase();
  return lower.length === 1 ? lower : char;
}

/**
 * `foldChar` of each UTF-16 code unit, as a code unit (every fold is one unit for one), worked out
 * the first time it is met; 0 until then.
 */
const FOLDED = new Uint16Array(0x10000);

/** Code units turned into text this many at a time (an argument list has a limit). */
const CHUNK = 4096;

/** Lower case without diacritics, one character for one: "Tháng" → "thang", "Hằng" → "hang". */
export function fold(text: string): string {
  // The folded code units are collected and turned into text a chunk at a time: adding a long
  // cell to a string character by character makes a chain of as many string pieces, which the
  // garbage collector pays for again and again.
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let folded = FOLDED[code]!;
    if (folded === 0) FOLDED[code] = folded = foldChar(text.charAt(i)).charCodeAt(0);
    codes[i] = folded;
  }
  let out = '';
  for (let at = 0; at < codes.length; at += CHUNK)
    out += String.fromCharCode(...codes.subarray(at, at + CHUNK));
  return out;
}

/**
 * Replaces each `from..to` span (in order, not overlapping: as `matchAll` gives them) with `char`
 * repeated, keeping the length. One pass: blanking match by match would copy the whole text once
 * per match, quadratic in a long cell.
 */
export function blankSpans(
  text: string,
  spans: readonly { from: number; to: number }[],
  char = ' ',
): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { from, to } of spans) {
    out += text.slice(at, from) + char.repeat(to - from);
    at = to;
  }
  return out + text.slice(at);
}

/** Blanks "(…)" remarks: a year inside a parenthesis is never the deadline. */
export function blankParentheses(text: string): string {
  // Kept runs as slices, each blanked run as one repeat (see `fold`).
  let out = '';
  let depth = 0;
  let runStart = 0;
  let blanking = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '(') depth += 1;
    const blank = depth > 0 || char === ')';
    if (char === ')' && depth > 0) depth -= 1;
    if (blank !== blanking) {
      out += blanking ? ' '.repeat(i - runStart) : text.slice(runStart, i);
      runStart = i;
      blanking = blank;
    }
  }
  return out + (blanking ? ' '.repeat(text.length - runStart) : text.slice(runStart));
}

// "17/KH-UBND", "61/2018/NĐ-CP", "02/2017/TT-VPCP": numbers of documents, not dates. A number
// starts only where no digit or slash stands before it: otherwise every digit of a long run
// ("1111…", "1/1/1/…") would start a match that scans the whole run again (quadratic).
const DOCUMENT_NUMBER_RE =
  /(?<![\d/]\s*)\d+(?:\s*\/\s*\d+)*\s*\/\s*[a-z][a-z0-9&.-]*(?:\/[a-z0-9&.-]+)*/g;

export function blankDocumentNumbers(folded: string): string {
  return folded.replace(DOCUMENT_NUMBER_RE, (match) => ' '.repeat(match.length));
}

// The date of a document the time cites ("theo Kế hoạch số 12/KH-UBND ngày 10/01/2025", "tại
// Quyết định số … ngày 5 tháng 3 năm 2024") is that document's date, never a deadline. Runs after
// document numbers are blanked; the gap between the document's name and "ngày" is bounded.
const CITED_DATE_RE = new RegExp(
  String.raw`\b(?:quyet dinh|ke hoach|nghi quyet|nghi dinh|cong van|thong bao|chi thi|thong tu|van ban|chuong trinh|de an|ket luan|huong dan|qd|kh|nq|cv|tb)\b(?:\s*so\b)?[^;\n]{0,60}?\bngay\s*\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|thang\s*\d{1,2}\s*(?:,?\s*nam\s*\d{4})?)`,
  'g',
);

/** Blanks the dates of cited documents; `cited` says whether there was one. */
export function blankCitedDates(folded: string): { text: string; cited: boolean } {
  let cited = false;
  const text = folded.replace(CITED_DATE_RE, (match) => {
    cited = true;
    return ' '.repeat(match.length);
  });
  return { text, cited };
}

/** The folded, matchable copy of a segment. A segment that is all parenthesis is read inside. */
export function prepareSegment(segment: string): string {
  const folded = fold(segment);
  const outside = blankParentheses(folded);
  const base = hasContent(outside) ? outside : folded.replace(/[()]/g, ' ');
  return blankDocumentNumbers(base);
}

/** The text between two spans, as words: "  đến   hết " → "den het". */
export function gapWords(text: string): string {
  return text
    .replace(/[^a-z0-9,\-/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
