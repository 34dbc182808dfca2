// Number formats: the codes of Excel's built-in format ids, and the one rule for "this format
// shows a date" used by the .xlsx reader and by the Office.js reader. Pure.

/**
 * The number format of every date the workbooks write: dd/mm/yyyy, the way Vietnamese offices
 * write dates. A date cell whose style names no format gets it too (a serial alone reads 45000).
 */
export const DATE_FORMAT = 'dd/mm/yyyy';

/**
 * Built-in format ids → codes (ECMA-376 part 1, 18.8.30). Ids 5–8 and 14 follow the machine's
 * locale in Excel; the codes here are the standard's. Ids 27–36 and 50–58 exist only in East
 * Asian locales and differ between them: they are given as the Chinese/Japanese date and time
 * formats they stand for, so a date stays a date and a time a time.
 */
export const BUILTIN_NUMFMTS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"$"#,##0_);("$"#,##0)',
  6: '"$"#,##0_);[Red]("$"#,##0)',
  7: '"$"#,##0.00_);("$"#,##0.00)',
  8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: 'AM/PM h"时"mm"分"',
  35: 'AM/PM h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The code of a format id: the workbook's own formats first, then the built-ins. */
export function numFmtCode(id: number, custom?: ReadonlyMap<number, string>): string | undefined {
  return custom?.get(id) ?? BUILTIN_NUMFMTS[id];
}

/**
 * The format's date and time codes, in order, with everything that is shown as written removed:
 * quoted text, escaped characters (\x), spacing and fill characters (_x, *x), bracketed parts
 * ([Red], [$-42A], [<100]; but [h], [mm], [ss] are kept as elapsed-time codes), and "General".
 */
function dateTimeCodes(format: string): string[] {
  const codes: string[] = [];
  const s = format;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '"') {
      const end = s.indexOf('"', i + 1);
      i = end < 0 ? s.length : end;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
    } else if (ch === '[') {
      const end = s.indexOf(']', i + 1);
      const inside = s.slice(i + 1, end < 0 ? s.length : end).toLowerCase();
      if (/^(h+|m+|s+)$/.test(inside)) codes.push(inside[0]!);
      i = end < 0 ? s.length : end;
    } else if (/^general/i.test(s.slice(i, i + 7))) {
      i += 6;
    } else if (/^(am\/pm|a\/p)/i.test(s.slice(i, i + 5))) {
      codes.push('a');
      i += s[i + 1] === '/' ? 2 : 4;
    } else {
      const c = ch.toLowerCase();
      // "E+" / "E-" is a scientific exponent; a lone "e" is an (era) year.
      if (c === 'e' && (s[i + 1] === '+' || s[i + 1] === '-')) {
        i++;
        continue;
      }
      if ('ymdhsegb'.includes(c)) {
        // A run of one letter ("yyyy", "mm") is one code.
        while (s[i + 1]?.toLowerCase() === c) i++;
        codes.push(c);
      }
    }
  }
  return codes;
}

/**
 * True for a number format that shows a calendar date: a day, month or year code (d, m as a
 * month, y; e, g, b for era years) outside quotes, escapes and brackets. "m" next to an hour or
 * second is minutes. Time-only formats ("h:mm", "mm:ss", "[h]:mm:ss") are not dates: their
 * value is a time of day or a duration, not a day. "0%", "0.00", "General", "@" are not dates.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  const codes = dateTimeCodes(format);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === 'd' || c === 'y' || c === 'e' || c === 'g' || c === 'b') return true;
    if (c === 'm') {
      const before = codes[i - 1];
      const after = codes[i + 1];
      if (before !== 'h' && after !== 's') return true;
    }
  }
  return false;
}

/** True for a number format that shows a time of day or a duration (h, m as minutes, s). */
export function isTimeFormat(format: string | null | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  const codes = dateTimeCodes(format);
  return codes.some((c) => c === 'h' || c === 's' || c === 'a');
}

/** True for a format that multiplies by 100 and shows "%" (outside quotes). */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  return /%/.test(format.replace(/"[^"]*"|\\./g, ''));
}

/**
 * Built-in ids a writer may use for a code: only those every locale shows the same way (ids
 * 5–8, 14–22 and 27+ change with the machine's language, so a file names those codes itself).
 */
const LOCALE_FREE_IDS = [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 45, 46, 47, 48, 49];
const ID_OF_CODE = new Map(LOCALE_FREE_IDS.map((id) => [BUILTIN_NUMFMTS[id]!, id]));

/** The built-in id that shows `code` the same in every locale, or undefined. */
export function builtinNumFmtId(code: string): number | undefined {
  return ID_OF_CODE.get(code);
}
