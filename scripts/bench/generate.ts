// A synthetic plan appendix of any size, written as the seeds are (a document with a
// tab-separated task table), then read by the real parser: N tasks in sections of about 15,
// led by about N/20 units, with the time expressions real plans use. Deterministic.
//
// It looks like a real plan at every size: every section has its own label (past 20 sections
// they are grouped into parts A, B, D… each holding sections I, II…, as long plans do; the
// letters C, I, L, V, X would read as Roman numerals), no two tasks have the same text, and no
// unit name is another one with words added (which a reader flags as a possible misspelling).

import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';

/** A small deterministic random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1 → "I", 14 → "XIV": section labels. */
export function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) for (; n >= value; n -= value) out += letters;
  return out;
}

const SECTION_TITLES = [
  'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
  'CẢI CÁCH THỂ CHẾ',
  'CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
  'CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH',
  'XÂY DỰNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC',
  'CẢI CÁCH TÀI CHÍNH CÔNG',
  'XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ',
  'THÔNG TIN, TUYÊN TRUYỀN',
];

const UNIT_KINDS = [
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Thông tin và Truyền thông',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Công Thương',
  'Sở Tài nguyên và Môi trường',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Văn phòng UBND tỉnh',
  'Thanh tra tỉnh',
  'Ban Quản lý các khu công nghiệp',
  'Trung tâm Phục vụ hành chính công tỉnh',
];
/** Place names: two syllables, one from each list (16 × 16). */
const PLACE_FIRST = [
  'Tiên',
  'Từ',
  'Quế',
  'Yên',
  'Gia',
  'Lương',
  'Thuận',
  'Bình',
  'Đông',
  'Sóc',
  'Mê',
  'Hoài',
  'Chương',
  'Ba',
  'Phúc',
  'Đan',
];
const PLACE_SECOND = [
  'Du',
  'Sơn',
  'Võ',
  'Phong',
  'Bình',
  'Tài',
  'Thành',
  'Yên',
  'Anh',
  'Linh',
  'Đức',
  'Mỹ',
  'Vì',
  'Thọ',
  'Phượng',
  'Hà',
];
const PLACES = PLACE_FIRST.flatMap((a, i) =>
  PLACE_SECOND.map((_, j) => `${a} ${PLACE_SECOND[(i + j) % PLACE_SECOND.length]!}`),
);
/** Offices of a district or town, each named "<office> <level> <place>". */
const LOCAL_OFFICES = [
  'UBND',
  'Phòng Nội vụ',
  'Phòng Tư pháp',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Văn hóa và Thông tin',
  'Phòng Kinh tế',
  'Phòng Y tế',
  'Phòng Giáo dục và Đào tạo',
];
const PART_TITLES = [
  'NHIỆM VỤ TRỌNG TÂM',
  'NHIỆM VỤ THƯỜNG XUYÊN',
  'NHIỆM VỤ CỦA CÁC SỞ, BAN, NGÀNH',
  'NHIỆM VỤ CỦA UBND CẤP HUYỆN',
];
/** Part labels: capital letters that are not Roman numerals (C, I, L, V, X would be read as ones). */
const PART_LABELS = [
  'A',
  'B',
  'D',
  'Đ',
  'E',
  'G',
  'H',
  'K',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
  'Y',
];
/** Sections a reader takes for Roman numerals: up to CCCXCIX. */
const MAX_ROMAN = 399;

const VERBS = [
  'Xây dựng và triển khai',
  'Tổ chức thực hiện',
  'Rà soát, đánh giá',
  'Kiểm tra, đôn đốc',
  'Hướng dẫn, theo dõi',
  'Tổng hợp, báo cáo',
  'Nâng cao chất lượng',
  'Đẩy mạnh ứng dụng',
  'Công khai, minh bạch',
  'Tuyên truyền, phổ biến',
];
const OBJECTS = [
  'kế hoạch cải cách hành chính năm {y}',
  'thủ tục hành chính thuộc thẩm quyền giải quyết',
  'cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính',
  'dịch vụ công trực tuyến mức độ 3, 4',
  'chỉ số hài lòng của người dân, tổ chức (SIPAS)',
  'hệ thống quản lý chất lượng theo TCVN ISO 9001:2015',
  'số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'văn bản quy phạm pháp luật do địa phương ban hành',
  'vị trí việc làm và cơ cấu ngạch công chức',
  'cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập',
];
const TAILS = [
  '',
  ' trên địa bàn',
  ', bảo đảm đúng quy định',
  '; kịp thời tháo gỡ khó khăn, vướng mắc',
  ' tại Bộ phận tiếp nhận và trả kết quả cấp xã',
  ' theo chỉ đạo của UBND tỉnh',
];
const PRODUCTS = [
  'Kế hoạch',
  'Báo cáo',
  'Quyết định công bố',
  'Văn bản hướng dẫn',
  'Báo cáo kết quả kiểm tra',
  'Tờ trình',
  'Danh mục',
  'Hội nghị',
];

function timeText(rand: () => number, year: number): string {
  const r = rand();
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const quarter = ['I', 'II', 'III', 'IV'][Math.floor(rand() * 4)]!;
  if (r < 0.25) return `${day}/${month}/${year}`;
  if (r < 0.45) return `Tháng ${String(month).padStart(2, '0')}/${year}`;
  if (r < 0.6) return `Quý ${quarter}/${year}`;
  if (r < 0.68) return `Trước ngày ${day}/${month}/${year}`;
  if (r < 0.76) return 'Hằng quý';
  if (r < 0.82) return 'Thường xuyên';
  if (r < 0.86) return 'Sau khi có hướng dẫn của UBND tỉnh';
  if (r < 0.9) return `Năm ${year}`;
  if (r < 0.95) return `6 tháng đầu năm ${year}`;
  return `Từ tháng ${String(month).padStart(2, '0')}/${year} - 12/${year}`;
}

/**
 * The units of a plan of `count` tasks: about one per 20 tasks (or `units`), at least 3, all
 * different up to 6,160 (16 departments, then 8 local offices at 3 levels in 256 places).
 */
export function unitNames(count: number, units = Math.round(count / 20)): string[] {
  const n = Math.max(3, units);
  const names = UNIT_KINDS.slice(0, n);
  for (let i = 0; names.length < n; i++) {
    const place = PLACES[i % PLACES.length]!;
    const round = Math.floor(i / PLACES.length);
    const office = LOCAL_OFFICES[round % LOCAL_OFFICES.length]!;
    const level = ['huyện', 'thị xã', 'thành phố'][Math.floor(round / LOCAL_OFFICES.length) % 3]!;
    names.push(`${office} ${level} ${place}`);
  }
  return names;
}

/** Where each section starts: its label row (a part row first when a part opens). */
function sectionRows(
  count: number,
  size: number,
): { part: string | null; label: string; tasks: number }[] {
  const perSection = Math.max(size, Math.ceil(count / (PART_LABELS.length * MAX_ROMAN)));
  const sections = Math.ceil(count / perSection);
  // Up to 20 sections stand alone; more are grouped into parts of equal size.
  const perPart =
    sections <= 20 ? sections : Math.max(20, Math.ceil(sections / PART_LABELS.length));
  const rows: { part: string | null; label: string; tasks: number }[] = [];
  for (let s = 0; s < sections; s++) {
    const inPart = s % perPart;
    const part = sections <= 20 || inPart !== 0 ? null : PART_LABELS[Math.floor(s / perPart)]!;
    rows.push({
      part,
      label: roman(inPart + 1),
      tasks: Math.min(perSection, count - s * perSection),
    });
  }
  return rows;
}

/** How an appendix is shaped besides its number of tasks (the defaults: a plan as written). */
export interface AppendixShape {
  seed: number;
  year: number;
  /** Tasks per section (default 15; the number of tasks for one section). */
  sectionSize: number;
  /** Units that lead and coordinate (default one per 20 tasks; all different up to 6,160). */
  units: number;
  /** Physical rows per task: its text carried on over page breaks (default 1). */
  rowsPerTask: number;
}

/** The appendix as text: a document head, then the task table. */
export function syntheticAppendix(count: number, shape: Partial<AppendixShape> = {}): string {
  const { seed = 1, year = 2024, sectionSize = 15, rowsPerTask = 1 } = shape;
  const rand = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  const units = unitNames(count, shape.units);
  const lines = [
    'UỶ BAN NHÂN DÂN TỈNH BẮC NINH',
    `Số: ${100 + (seed % 900)}/KH-UBND`,
    `Bắc Ninh, ngày 15 tháng 01 năm ${year}`,
    'KẾ HOẠCH',
    `Cải cách hành chính năm ${year}`,
    '',
    'PHỤ LỤC',
    'STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\tSản phẩm',
  ];
  const titles = new Set<string>();
  // A task text no other task has: a fresh combination of the word lists when one comes up in a
  // few draws, else one tied to a place, else a numbered round of the same work.
  const title = (): string => {
    for (let attempt = 0; attempt < 6; attempt++) {
      const base = `${pick(VERBS)} ${pick(OBJECTS).replace('{y}', String(year))}${pick(TAILS)}`;
      const text = attempt < 3 ? base : `${base} tại ${pick(PLACES)}`;
      if (!titles.has(text)) return (titles.add(text), text);
    }
    const text = `${pick(VERBS)} ${pick(OBJECTS).replace('{y}', String(year))} (đợt ${titles.size + 1})`;
    titles.add(text);
    return text;
  };
  let i = 0;
  let parts = 0;
  for (const [s, section] of sectionRows(count, sectionSize).entries()) {
    if (section.part) {
      lines.push(`${section.part}\t${PART_TITLES[parts++ % PART_TITLES.length]}\t\t\t\t`);
    }
    lines.push(`${section.label}\t${SECTION_TITLES[s % SECTION_TITLES.length]}\t\t\t\t`);
    for (let stt = 1; stt <= section.tasks; stt++, i++) {
      // Units are used in turn so every one leads tasks; a fifth of the tasks have two leads.
      const lead = [units[i % units.length]!];
      if (rand() < 0.2) lead.push(units[(i * 7 + 3) % units.length]!);
      const support = Array.from({ length: Math.floor(rand() * 3) }, () => pick(units)).filter(
        (u) => !lead.includes(u),
      );
      lines.push(
        [
          String(stt),
          title(),
          lead.join('; '),
          [...new Set(support)].join('; '),
          timeText(rand, year),
          pick(PRODUCTS),
        ].join('\t'),
      );
      // The rest of a long text after a page break: a row with no STT, in lower case.
      for (let row = 2; row <= rowsPerTask; row++) {
        lines.push(`\tvà ${pick(OBJECTS).replace('{y}', String(year))} (phần ${row})\t\t\t\t`);
      }
    }
  }
  lines.push('', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.');
  return lines.join('\n') + '\n';
}

/** A parsed synthetic plan of `count` tasks. */
export function syntheticPlan(count: number, shape: Partial<AppendixShape> = {}): Plan {
  return parsePlanText(syntheticAppendix(count, shape));
}
