// Vietnamese text in the old 8-bit encodings, as PDFs made from documents typed with .VnTime
// fonts (TCVN3, "ABC") carry it: without a Unicode map, PDF.js reads the font's bytes as
// Latin-1 ("KÕ ho¹ch" for "Kế hoạch"). A font whose text shows characters no Vietnamese text has
// is decoded as TCVN3 when the result reads as Vietnamese syllables; anything else is left as
// it is (and a page that stays unreadable is reported, not parsed into nonsense).

import type { TextRun } from './model';

/**
 * TCVN 5712 (TCVN3) bytes 0xA1–0xFF → Unicode, in byte order (the table of the standard as
 * glibc's iconv has it; 0xB0–0xB4 are combining tone marks).
 */
const TCVN3: string[] = [
  '\u0102',
  '\u00C2',
  '\u00CA',
  '\u00D4',
  '\u01A0',
  '\u01AF',
  '\u0110',
  '\u0103',
  '\u00E2',
  '\u00EA',
  '\u00F4',
  '\u01A1',
  '\u01B0',
  '\u0111',
  '\u1EB0',
  '\u0300',
  '\u0309',
  '\u0303',
  '\u0301',
  '\u0323',
  '\u00E0',
  '\u1EA3',
  '\u00E3',
  '\u00E1',
  '\u1EA1',
  '\u1EB2',
  '\u1EB1',
  '\u1EB3',
  '\u1EB5',
  '\u1EAF',
  '\u1EB4',
  '\u1EAE',
  '\u1EA6',
  '\u1EA8',
  '\u1EAA',
  '\u1EA4',
  '\u1EC0',
  '\u1EB7',
  '\u1EA7',
  '\u1EA9',
  '\u1EAB',
  '\u1EA5',
  '\u1EAD',
  '\u00E8',
  '\u1EC2',
  '\u1EBB',
  '\u1EBD',
  '\u00E9',
  '\u1EB9',
  '\u1EC1',
  '\u1EC3',
  '\u1EC5',
  '\u1EBF',
  '\u1EC7',
  '\u00EC',
  '\u1EC9',
  '\u1EC4',
  '\u1EBE',
  '\u1ED2',
  '\u0129',
  '\u00ED',
  '\u1ECB',
  '\u00F2',
  '\u1ED4',
  '\u1ECF',
  '\u00F5',
  '\u00F3',
  '\u1ECD',
  '\u1ED3',
  '\u1ED5',
  '\u1ED7',
  '\u1ED1',
  '\u1ED9',
  '\u1EDD',
  '\u1EDF',
  '\u1EE1',
  '\u1EDB',
  '\u1EE3',
  '\u00F9',
  '\u1ED6',
  '\u1EE7',
  '\u0169',
  '\u00FA',
  '\u1EE5',
  '\u1EEB',
  '\u1EED',
  '\u1EEF',
  '\u1EE9',
  '\u1EF1',
  '\u1EF3',
  '\u1EF7',
  '\u1EF9',
  '\u00FD',
  '\u1EF5',
  '\u1ED0',
];

export function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) {
    // PDF.js turns the micro sign (0xB5, "à" in TCVN3) into a Greek mu.
    const code = ch === '\u03BC' ? 0xb5 : ch.charCodeAt(0);
    out += code >= 0xa1 && code <= 0xff ? TCVN3[code - 0xa1]! : ch;
  }
  return out.normalize('NFC');
}

/** Characters that occur in TCVN3 bytes read as Latin-1 but never in Vietnamese Unicode text. */
const TCVN3_MARKS =
  /[\u00A1-\u00A7\u00A8-\u00AE\u00B5-\u00BF\u00C6\u00C7\u00CB\u00CE\u00CF\u00D0\u00D1\u00D6\u00D7\u00D8\u00DE\u00DF\u00E5-\u00E7\u00EB\u00EE\u00EF\u00F1\u00F6-\u00F8\u00FB\u00FC\u00FE]/g;

const VOWELS = 'aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
const SYLLABLE = new RegExp(
  `^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?[${VOWELS}]{1,3}(?:ng|nh|ch|[cmnptiyou])?$`,
  'u',
);

/** Share of the lowercase words of a text that are Vietnamese syllables (0–1). */
export function syllableShare(text: string): number {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0);
  if (words.length === 0) return 0;
  return words.filter((w) => SYLLABLE.test(w)).length / words.length;
}

/** Runs with the text of TCVN3-encoded fonts decoded; other runs as they are. */
export function decodeLegacyVietnamese(runs: TextRun[]): TextRun[] {
  const byFont = new Map<string, TextRun[]>();
  for (const run of runs) {
    if (!byFont.has(run.font)) byFont.set(run.font, []);
    byFont.get(run.font)!.push(run);
  }
  const decodeFonts = new Set<string>();
  for (const [font, list] of byFont) {
    const text = list.map((r) => r.text).join(' ');
    const letters = text.replace(/[^\p{L}]/gu, '').length;
    const marks = text.match(TCVN3_MARKS)?.length ?? 0;
    if (letters === 0 || marks / letters < 0.02) continue;
    const decoded = decodeTcvn3(text);
    if (syllableShare(decoded) >= 0.6 && syllableShare(decoded) > syllableShare(text))
      decodeFonts.add(font);
  }
  if (decodeFonts.size === 0) return runs;
  return runs.map((r) => (decodeFonts.has(r.font) ? { ...r, text: decodeTcvn3(r.text) } : r));
}
