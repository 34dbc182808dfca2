// Sheet names for units: valid (≤ 31 characters, none of \ / ? * : [ ], no leading or trailing
// quote), readable (the abbreviations offices use) and the same from build to build.

const MAX = 31;

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

/** Makes any text a valid sheet name (without the uniqueness rule). */
export function validSheetName(text: string, fallback = 'Trang'): string {
  let name = text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(FORBIDDEN, (c) => (c === '/' || c === '\\' ? '-' : c === ':' ? ' -' : ''))
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!name) name = fallback;
  const chars = [...name];
  if (chars.length > MAX) {
    // Cut at a word boundary when the limit falls inside a word and a boundary is close.
    let cut = chars.slice(0, MAX).join('');
    const space = cut.lastIndexOf(' ');
    if (chars[MAX] !== ' ' && space >= 20) cut = cut.slice(0, space);
    // A cut inside parentheses drops the unfinished part.
    const open = cut.lastIndexOf('(');
    if (open > cut.lastIndexOf(')') && open >= 10) cut = cut.slice(0, open);
    name = cut.trim().replace(/'+$/, '').trim();
  }
  return name;
}

/** A readable short name for a unit: abbreviations only where the name is too long. */
export function unitSheetName(unit: string): string {
  let name = unit.normalize('NFC').replace(/\s+/g, ' ').trim();
  for (const [pattern, short] of ABBREVIATIONS) {
    if ([...name].length <= MAX) break;
    name = name.replace(pattern, short);
  }
  return validSheetName(name, 'Đơn vị');
}

const fold = (name: string): string => name.normalize('NFC').toLocaleLowerCase('vi');

/**
 * Gives every wanted name a unique sheet name, ignoring case, in order: the first keeps its
 * name, later ones get " (2)", " (3)"… `taken` names (fixed sheets) are never reused.
 */
export function uniqueSheetNames(wanted: string[], taken: string[] = []): string[] {
  const used = new Set(taken.map(fold));
  return wanted.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(fold(candidate)); n++) {
      const suffix = ` (${n})`;
      candidate =
        [...name]
          .slice(0, MAX - suffix.length)
          .join('')
          .trimEnd() + suffix;
    }
    used.add(fold(candidate));
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
