// The comparison key that merges spelling variants of ONE unit.
//
// Two names get the same key when they differ only in: Unicode form (NFC/NFD), letter case,
// spacing, tone placement (Ủy/Uỷ, hóa/hoá, thủy/thuỷ), connectors ("&", "và", "-", ",") and the
// abbreviations listed in docs/domain.md (UBND, HĐND, VP, TT&TT, KH&ĐT, TN&MT, NN&PTNT, LĐ-TB&XH,
// GD&ĐT, TC-KH, MTTQ, Trung tâm HCC, Bộ phận một cửa). Ambiguous abbreviations (CT, TP, KT, CC…)
// are never expanded. Level words ("huyện", "thị xã") are kept: merging a name without a level
// into the one with the plan's level is done by the directory, which knows the whole plan.

import { cleanUnitName } from './text';

/** A letter or a digit: abbreviations match only between non-word characters. */
const WORD_CHAR = '[\\p{L}\\p{N}]';
const START = `(?<!${WORD_CHAR})`;
const END = `(?!${WORD_CHAR})`;
/** Between the letters of a compound abbreviation: nothing, "&", "-", "–", "+", "/" or "và". */
const SEP = '\\s*(?:[&\\-–+/]|và)?\\s*';

interface Expansion {
  re: RegExp;
  to: string;
}

function abbr(parts: string[], to: string): Expansion {
  return { re: new RegExp(`${START}${parts.join(SEP)}${END}`, 'gu'), to: ` ${to} ` };
}

function phrase(pattern: string, to: string): Expansion {
  return { re: new RegExp(`${START}${pattern}${END}`, 'gu'), to: ` ${to} ` };
}

/** A pattern that ends in a lookahead (no end-of-word check). */
function prefix(pattern: string, to: string): Expansion {
  return { re: new RegExp(`${START}${pattern}`, 'gu'), to: ` ${to} ` };
}

/** Applied in order to the lowercased NFC name. */
const EXPANSIONS: Expansion[] = [
  // Glued forms first.
  prefix('vp(?=ubnd|hđnd|hdnd)', 'văn phòng'),
  abbr(['ub', 'mttq'], 'ủy ban mặt trận tổ quốc'),
  abbr(['mttq'], 'mặt trận tổ quốc'),
  abbr(['ubnd'], 'ủy ban nhân dân'),
  abbr(['hđnd'], 'hội đồng nhân dân'),
  abbr(['hdnd'], 'hội đồng nhân dân'),
  abbr(['vp'], 'văn phòng'),
  abbr(['tt', 'tt'], 'thông tin và truyền thông'),
  abbr(['kh', 'đt'], 'kế hoạch và đầu tư'),
  abbr(['tn', 'mt'], 'tài nguyên và môi trường'),
  abbr(['nn', 'ptnt'], 'nông nghiệp và phát triển nông thôn'),
  abbr(['lđ', 'tb', 'xh'], 'lao động thương binh và xã hội'),
  abbr(['lđ', 'tbxh'], 'lao động thương binh và xã hội'),
  abbr(['gd', 'đt'], 'giáo dục và đào tạo'),
  abbr(['tc', 'kh'], 'tài chính kế hoạch'),
  abbr(['tn', 'tkq'], 'tiếp nhận và trả kết quả'),
  // Trung tâm HCC = Trung tâm (Phục vụ) hành chính công.
  abbr(['pvhcc'], 'phục vụ hành chính công'),
  phrase('pvhc\\s+công', 'phục vụ hành chính công'),
  abbr(['hcc'], 'hành chính công'),
  prefix('trung\\s+tâm\\s+(?=hành\\s+chính\\s+công)', 'trung tâm phục vụ'),
  // Bộ phận một cửa = Bộ phận tiếp nhận và trả kết quả.
  phrase('bộ\\s+phận\\s+một\\s+cửa', 'bộ phận tiếp nhận và trả kết quả'),
];

const TONES = '\\u0300\\u0301\\u0303\\u0309\\u0323';
const QUALITY = '\\u0302\\u0306\\u031b';
/** Old-style "òa, óe" → new-style "oà, oé" (NFD: the tone mark moves after the second vowel). */
const OA_OE = new RegExp(`o([${TONES}])([ae])(?![${QUALITY}])`, 'gu');
/** "ùy, úy, ủy" → "uỳ, uý, uỷ". */
const UY = new RegExp(`u([${TONES}])y`, 'gu');

/** One tone placement for the old/new variants (oa, oe, uy), returned in NFC. Expects lowercase. */
function normalizeTonePlacement(text: string): string {
  return text.normalize('NFD').replace(OA_OE, 'o$2$1').replace(UY, 'uy$1').normalize('NFC');
}

/** Key tokens: lowercase words; parentheses kept as their own tokens; connectors dropped. */
function unitKeyTokens(name: string): string[] {
  let s = cleanUnitName(name).toLowerCase();
  // "Ð" (U+00D0, Icelandic eth) is a common stand-in for "Đ" in converted documents.
  s = s.replace(/ð/gu, 'đ');
  for (const { re, to } of EXPANSIONS) s = s.replace(re, to);
  s = normalizeTonePlacement(s);
  s = s.replace(/[([]/gu, ' ( ').replace(/[)\]]/gu, ' ) ');
  s = s.replace(/[^\p{L}\p{N}()]+/gu, ' ');
  return s.split(' ').filter((t) => t !== '' && t !== 'và');
}

/**
 * The comparison key used to merge spelling variants of one unit. Not meant for display.
 * Example: "Văn phòng HĐND&UBND" and "văn phòng Hội đồng nhân dân - Uỷ ban nhân dân" → same key.
 */
export function unitKey(name: string): string {
  return unitKeyTokens(name).join(' ');
}

/** Level words in key form, longest first. */
const LEVEL_KEYS: string[][] = [
  ['thị', 'xã'],
  ['thị', 'trấn'],
  ['thành', 'phố'],
  ['huyện'],
  ['quận'],
  ['xã'],
  ['phường'],
  ['tỉnh'],
].map((words) => words.map((word) => normalizeTonePlacement(word)));

const LEVEL_SINGLE = new Set(LEVEL_KEYS.map((level) => level.join(' ')).concat(['thị', 'thành']));

export interface LevelSplit {
  /** The key without its trailing level (and without a "của" before it). */
  base: string;
  /** The level in key form ("huyện", "thị xã"), or null when the name has none. */
  level: string | null;
  /** A trailing parenthesis group in key form ("( bộ phận … )"), or "". */
  paren: string;
}

/** Normalises a level name as a caller may give it ("Thị xã", "huyện") to key form. */
export function levelKey(level: string): string | null {
  const tokens = unitKeyTokens(level);
  const joined = tokens.join(' ');
  return LEVEL_KEYS.some((level) => level.join(' ') === joined) ? joined : null;
}

/**
 * Splits a unit key into base + trailing level: "văn phòng … thị xã" → base "văn phòng …",
 * level "thị xã". "ủy ban nhân dân cấp huyện" (a group), "… xã phường" (a list of levels) and
 * "ủy ban nhân dân các xã" have no level suffix.
 */
export function splitLevel(key: string): LevelSplit {
  let tokens = key === '' ? [] : key.split(' ');
  let paren = '';
  if (tokens[tokens.length - 1] === ')') {
    const open = tokens.lastIndexOf('(');
    if (open > 0) {
      paren = tokens.slice(open).join(' ');
      tokens = tokens.slice(0, open);
    }
  }
  for (const level of LEVEL_KEYS) {
    const n = level.length;
    if (tokens.length <= n) continue;
    const tail = tokens.slice(tokens.length - n);
    if (tail.join(' ') !== level.join(' ')) continue;
    let base = tokens.slice(0, tokens.length - n);
    const before = base[base.length - 1] ?? '';
    if (before === 'cấp' || before === 'các' || LEVEL_SINGLE.has(before)) break;
    if (before === 'của' || before === 'thuộc') base = base.slice(0, -1);
    if (base.length === 0) break;
    return { base: base.join(' '), level: level.join(' '), paren };
  }
  return { base: tokens.join(' '), level: null, paren };
}
