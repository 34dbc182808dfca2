// Sheet names for units: valid (≤ 31 characters, none of \ / ? * : [ ], no leading or trailing
// quote, not "History"), readable (the abbreviations offices use) and the same from build to
// build. Excel counts UTF-16 code units: an emoji is 2 characters.

import { cutText, legalText } from '../core/text/legal';

const MAX = 31;
/** Names Excel keeps for itself. */
const RESERVED = ['History'];

// Longest phrases first; applied only when the full name is too long.
const ABBREVIATIONS: [RegExp, string][] = [
  [/Bộ phận tiếp nhận và trả kết quả/giu, 'BP một cửa'],
  [/Trung tâm Phục vụ hành chính công/giu, 'TT PVHCC'],
  [/Trung tâm Hành chính công/giu, 'TT HCC'],
  [/Hội đồng nhân dân/giu, 'HĐND'],
  [/[UỦ][yỷ] ban nhân dân/giu, 'UBND'],
  [/Ủy ban Mặt trận Tổ quốc( Việt Nam)?/giu, 'UB MTTQ'],
  [/Mặt trận Tổ quốc( Việt Nam)?/giu, 'MTTQ'],
  [/Thông tin và Truyền thông/giu, 'TT&TT'],
  [/Kế hoạch và Đầu tư/giu, 'KH&ĐT'],
  [/Tài nguyên và Môi trường/giu, 'TN&MT'],
  [/Nông nghiệp và Phát triển nông thôn/giu, 'NN&PTNT'],
  [/Lao động[,\s–-]+Thương binh và Xã hội/giu, 'LĐ-TB&XH'],
  [/Giáo dục và Đào tạo/giu, 'GD&ĐT'],
  [/Văn hóa[,\s]+Thể thao và Du lịch/giu, 'VH-TT&DL'],
  [/Tài chính\s*[–-]\s*Kế hoạch/giu, 'TC-KH'],
  [/Văn phòng/gu, 'VP'],
  [/văn phòng/gu, 'VP'],
  [/Trung tâm/gu, 'TT'],
  [/Công chức/gu, 'CC'],
  [/\s+(và|&)\s+/gu, '&'],
  [/\s+[-–]\s+/gu, '-'],
];

const FORBIDDEN = /[\\/?*:[\]]/g;
const EDGES = /^[\s']+|[\s']+$/g;

/** Makes any text a valid sheet name (without the uniqueness rule). */
export function validSheetName(text: string, fallback = 'Trang'): string {
  let name = legalText(text)
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(FORBIDDEN, (c) => (c === '/' || c === '\\' ? '-' : c === ':' ? ' -' : ''))
    // Spaces and quotes off both ends, in any mix ("Sở ' '" ends in a quote once trimmed).
    .replace(EDGES, '');
  if (!name) name = fallback;
  if (name.length > MAX) {
    // Cut at a word boundary when the limit falls inside a word and a boundary is close.
    let cut = cutText(name, MAX);
    const space = cut.lastIndexOf(' ');
    if (name[cut.length] !== ' ' && space >= 20) cut = cut.slice(0, space);
    // A cut inside parentheses drops the unfinished part.
    const open = cut.lastIndexOf('(');
    if (open > cut.lastIndexOf(')') && open >= 10) cut = cut.slice(0, open);
    name = cut.replace(EDGES, '') || fallback;
  }
  return name;
}

/** A readable short name for a unit: abbreviations only where the name is too long. */
export function unitSheetName(unit: string): string {
  let name = unit.normalize('NFC').replace(/\s+/g, ' ').trim();
  for (const [pattern, short] of ABBREVIATIONS) {
    if (name.length <= MAX) break;
    name = name.replace(pattern, short);
  }
  return validSheetName(name, 'Đơn vị');
}

/**
 * Sheet names as Excel compares them: ignoring case in every script (Đ and đ, Ở and ở are the
 * same letter) and however the accents are encoded (NFC or NFD).
 */
export const sheetNameKey = (name: string): string =>
  name.normalize('NFC').toUpperCase().toLowerCase();

/**
 * Gives every wanted name a unique sheet name, ignoring case, in order: the first keeps its
 * name, later ones get " (2)", " (3)"… `taken` names (fixed sheets) and the names Excel keeps
 * for itself ("History") are never used.
 */
export function uniqueSheetNames(wanted: string[], taken: string[] = []): string[] {
  const used = new Set([...taken, ...RESERVED].map(sheetNameKey));
  return wanted.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(sheetNameKey(candidate)); n++) {
      const suffix = ` (${n})`;
      candidate = cutText(name, MAX - suffix.length).trimEnd() + suffix;
    }
    used.add(sheetNameKey(candidate));
    return candidate;
  });
}

/** A short stable hash (FNV-1a, hex) for names built from text, e.g. sheet markers. */
export function stableHash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text.normalize('NFC')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
