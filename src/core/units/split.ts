// Splitting a lead/support cell into unit names, as a person reads the cell.
//
// Separators, in order:
//  1. semicolons and line breaks (outside parentheses); a bullet ("- ", "+ ", "• ") at the start
//     of a piece is dropped;
//  2. two names run together by a lost line break: a capitalised "Các"/"Công chức" after a
//     lowercase word ("… UBND huyện Các phòng chuyên môn"), or a head word after a level word
//     ("Văn phòng UBND tỉnh Sở Nội vụ");
//  3. " và các <kind>" ("Văn phòng HĐND - UBND huyện và các đơn vị liên quan");
//  4. commas BETWEEN named bodies: a comma-separated piece that starts with a unit head word
//     ("Sở", "Phòng", "Văn phòng", "UBND", "các cơ quan" …) starts a new unit, unless the piece is
//     a bare kind word ("Ban", "ngành", "phòng") that continues a collective ("Các Sở, Ban, ngành").
// A hyphen inside a name ("Văn phòng HĐND - UBND huyện", "Phòng Tài chính - Kế hoạch") never splits.
// When in doubt, the cell is not split.

import { matches } from '../text/regex';
import { stripTitle } from './cell';
import { cleanUnitName } from './text';

/** Words that open the name of a body (capitalised as written in names). */
const HEADS = [
  'Văn phòng',
  'văn phòng',
  'VP',
  'Phòng',
  'phòng',
  'Sở',
  'sở',
  'UBND',
  'UBMTTQ',
  'Ủy ban',
  'Uỷ ban',
  'HĐND',
  'Hội đồng',
  'Ban',
  'Trung tâm',
  'trung tâm',
  'Bộ phận',
  'bộ phận',
  'Bộ',
  'Công an',
  'Thanh tra',
  'Công chức',
  'Cán bộ',
  'Chi cục',
  'Cục',
  'Kho bạc',
  'Bảo hiểm',
  'Đài',
  'Báo',
  'Hội',
  'Đoàn',
  'Liên đoàn',
  'Mặt trận',
  'MTTQ',
  'Trường',
  'Bệnh viện',
  'Viện',
  'Tòa án',
  'Toà án',
  'Chi nhánh',
  'Ngân hàng',
  'Quỹ',
  'Hạt',
  'Đội',
  'Tổ',
  'Tỉnh ủy',
  'Tỉnh uỷ',
  'Huyện ủy',
  'Huyện uỷ',
  'Thị ủy',
  'Thị uỷ',
  'Thành ủy',
  'Thành uỷ',
  'Đảng ủy',
  'Đảng uỷ',
  'Chủ tịch',
  'Thủ trưởng',
  'Lãnh đạo',
  'Thường trực',
  'Cảnh sát',
  'Công ty',
];

/** Kinds of bodies, as used in collective phrases ("Các Sở, Ban, ngành"; "Các phòng, ban"). */
const KIND_WORDS = [
  'sở',
  'ban',
  'ngành',
  'phòng',
  'cơ quan',
  'đơn vị',
  'đoàn thể',
  'địa phương',
  'tổ chức',
  'hội',
  'đoàn',
  'trung tâm',
  'bộ',
  'ủy ban',
  'uỷ ban',
  'trường',
  'chi cục',
  'cục',
];

/** Administrative levels that close a name ("… huyện", "… thị xã"). */
const LEVEL_WORDS = ['thị xã', 'thị trấn', 'thành phố', 'huyện', 'quận', 'xã', 'phường', 'tỉnh'];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const B = '(?![\\p{L}\\p{N}])'; // end of a word

const HEAD_RE = new RegExp(`^(?:${HEADS.map(escapeRe).join('|')})${B}`, 'u');
/** "các cơ quan…", "Các Sở…", "các phòng…", "các xã…": a collective that starts a new unit. */
const CAC_HEAD_RE = new RegExp(
  `^[Cc]ác\\s+(?:${[...KIND_WORDS, 'doanh nghiệp', 'lực lượng', ...LEVEL_WORDS].map(escapeRe).join('|')})${B}`,
  'iu',
);
const KIND_ONLY_RE = new RegExp(
  `^(?:${KIND_WORDS.map(escapeRe).join('|')})(?:\\s*(?:,|và)\\s*(?:${KIND_WORDS.map(escapeRe).join('|')}))*$`,
  'iu',
);

/** "các ban", "các cơ quan": a plural kind with nothing after it. */
const CAC_KIND_ONLY_RE = new RegExp(`^các\\s+(?:${KIND_WORDS.map(escapeRe).join('|')})$`, 'iu');

/**
 * An open collective lists kinds and may take more of them: "Các phòng", "Các Sở, Ban",
 * "Sở, ban" (its first piece starts with "Các" or is a bare kind; its last piece is a bare kind).
 */
function isOpenCollective(first: string, last: string): boolean {
  const collective = /^các\s/iu.test(first) || KIND_ONLY_RE.test(first);
  return collective && (KIND_ONLY_RE.test(last) || CAC_KIND_ONLY_RE.test(last));
}

/** True when a comma-separated piece opens the name of a new body. */
function startsUnit(piece: string): boolean {
  if (KIND_ONLY_RE.test(piece)) return false;
  return HEAD_RE.test(piece) || CAC_HEAD_RE.test(piece);
}

/** The parenthesis depth at each UTF-16 index (an opening or closing bracket is at the outer depth). */
function depths(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (const ch of text) {
    // Characters are iterated by code point; record one entry per UTF-16 unit so indexes match.
    const units = ch.length;
    if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    for (let i = 0; i < units; i++) out.push(depth);
    if (ch === '(' || ch === '[') depth += 1;
  }
  return out;
}

const COMMA = /,/u;
const SEMICOLON_OR_BREAK = /[;\n]/u;
/** The global form of each separator pattern (all of them constants of this module), made once. */
const GLOBAL = new Map<RegExp, RegExp>();

/** Splits at every match of `re` that lies outside parentheses; the match itself is dropped. */
function splitOutside(text: string, re: RegExp): string[] {
  // Without an opening bracket, every character is outside parentheses.
  const d = /[([]/.test(text) ? depths(text) : null;
  const parts: string[] = [];
  let last = 0;
  let global = GLOBAL.get(re);
  if (global === undefined) {
    global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    GLOBAL.set(re, global);
  }
  for (const m of matches(text, global)) {
    const at = m.index ?? 0;
    if (d !== null && (d[at] ?? 0) > 0) continue;
    parts.push(text.slice(last, at));
    last = at + m[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

const LOWER_THEN_COLLECTIVE = /(?<=\p{Ll}) (?=(?:Các|Công chức) \p{L})/u;
const LEVEL_THEN_HEAD = new RegExp(
  `(?<=(?:^|\\s)(?:${LEVEL_WORDS.map(escapeRe).join('|')})) (?=(?:Văn phòng|Phòng|Sở|Trung tâm|Thanh tra|Công an|UBND|Ủy ban|Uỷ ban|Bộ phận|Chi cục|Kho bạc|Ban) \\p{L})`,
  'u',
);
const AND_COLLECTIVE = new RegExp(
  ` và (?=các\\s+(?:${['cơ quan', 'đơn vị', 'phòng', 'ban', 'sở', 'ngành', 'tổ chức', 'đoàn thể', 'địa phương'].map(escapeRe).join('|')})${B})`,
  'iu',
);

/** Groups comma-separated pieces into units. */
function splitCommas(segment: string): string[] {
  const pieces = splitOutside(segment, COMMA)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const units: string[] = [];
  let current: string[] = [];
  for (const piece of pieces) {
    const first = current[0];
    const last = current[current.length - 1];
    const continues =
      first !== undefined &&
      last !== undefined &&
      (!startsUnit(piece) || (CAC_KIND_ONLY_RE.test(piece) && isOpenCollective(first, last)));
    if (continues) {
      current.push(piece);
    } else {
      if (current.length > 0) units.push(current.join(', '));
      current = [piece];
    }
  }
  if (current.length > 0) units.push(current.join(', '));
  return units;
}

/**
 * Splits a lead/support cell (tags already removed, in-cell line breaks as "\n") into unit names
 * as written, cleaned: NFC, spaces folded, bullets and trailing `; , .` removed.
 */
export function splitUnits(cell: string): string[] {
  return segmentsOf(cell).flatMap(unitsOfSegment);
}

/** `splitUnits` with each cell read once; `shared` gives the one list kept (not to be changed). */
export interface UnitSplitter {
  (cell: string): string[];
  shared(cell: string): readonly string[];
}

/**
 * `splitUnits` for a whole plan: a plan names the same units in cell after cell ("Sở Nội vụ;
 * Sở Tư pháp", "Sở Tư pháp"), so each cell, and each piece between semicolons, is read once.
 * Calling it returns a new array each time.
 */
export function unitSplitter(): UnitSplitter {
  const cells = new Map<string, string[]>();
  const segments = new Map<string, string[]>();
  const units = (segment: string): string[] => {
    let found = segments.get(segment);
    if (found === undefined) segments.set(segment, (found = unitsOfSegment(segment)));
    return found;
  };
  const shared = (cell: string): readonly string[] => {
    let found = cells.get(cell);
    if (found === undefined) cells.set(cell, (found = segmentsOf(cell).flatMap(units)));
    return found;
  };
  return Object.assign((cell: string) => [...shared(cell)], { shared });
}

/** 1. The pieces of a cell between semicolons and line breaks outside parentheses. */
function segmentsOf(cell: string): string[] {
  const nfc = cell.normalize('NFC');
  // Most cells name one unit: nothing to split.
  if (!/[;\n\r]/.test(nfc)) return [nfc];
  const text = nfc.replace(/\r\n?/g, '\n');
  // A line break inside parentheses is a space.
  return splitOutside(text, SEMICOLON_OR_BREAK).map((s) => s.replace(/\n/g, ' '));
}

/** The units one piece between semicolons names (steps 2–4). */
function unitsOfSegment(raw: string): string[] {
  const out: string[] = [];
  const segment = cleanUnitName(raw);
  if (segment === '') return out;
  // 2. Names run together by a lost line break; 3. "… và các đơn vị liên quan".
  const runs = splitOutside(segment, LOWER_THEN_COLLECTIVE)
    .flatMap((s) => splitOutside(s, LEVEL_THEN_HEAD))
    .flatMap((s) => splitOutside(s, AND_COLLECTIVE));
  for (const run of runs) {
    // 4. Commas between named bodies.
    for (const unit of splitCommas(cleanUnitName(run))) {
      const name = stripTitle(cleanUnitName(unit));
      if (name !== '') out.push(name);
    }
  }
  return out;
}
