// A synthetic plan appendix of any size, written as the seeds are (a document with a
// tab-separated task table), then read by the real parser: N tasks in sections of about 15,
// led by about N/20 units, with the time expressions real plans use. Deterministic.

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
const PLACES = [
  'Tiên Du',
  'Từ Sơn',
  'Quế Võ',
  'Yên Phong',
  'Gia Bình',
  'Lương Tài',
  'Thuận Thành',
  'Bình Yên',
  'Đông Anh',
  'Sóc Sơn',
  'Mê Linh',
  'Hoài Đức',
  'Chương Mỹ',
  'Ba Vì',
  'Phúc Thọ',
  'Đan Phượng',
];

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

/** The units of a plan of `count` tasks: about one per 20 tasks, at least 3. */
export function unitNames(count: number): string[] {
  const n = Math.max(3, Math.round(count / 20));
  const names: string[] = [];
  for (let i = 0; names.length < n; i++) {
    if (i < UNIT_KINDS.length) names.push(UNIT_KINDS[i]!);
    else {
      const place = PLACES[i % PLACES.length]!;
      const round = Math.floor(i / PLACES.length);
      names.push(
        i % 2 === 0
          ? `UBND ${round % 2 ? 'huyện' : 'thị xã'} ${place}${round > 1 ? ` ${round}` : ''}`
          : `Phòng ${['Nội vụ', 'Tư pháp', 'Tài chính - Kế hoạch', 'Văn hóa và Thông tin'][round % 4]} ${place}${round > 3 ? ` ${round}` : ''}`,
      );
    }
  }
  return names;
}

/** The appendix as text: a document head, then the task table. */
export function syntheticAppendix(count: number, seed = 1, year = 2024): string {
  const rand = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  const units = unitNames(count);
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
  let section = 0;
  let stt = 0;
  for (let i = 0; i < count; i++) {
    if (i % 15 === 0) {
      section++;
      stt = 0;
      lines.push(
        `${roman(section)}\t${SECTION_TITLES[(section - 1) % SECTION_TITLES.length]}\t\t\t\t`,
      );
    }
    stt++;
    // Units are used in turn so every one leads tasks; a fifth of the tasks have two leads.
    const lead = [units[i % units.length]!];
    if (rand() < 0.2) lead.push(units[(i * 7 + 3) % units.length]!);
    const support = Array.from({ length: Math.floor(rand() * 3) }, () => pick(units)).filter(
      (u) => !lead.includes(u),
    );
    const title = `${pick(VERBS)} ${pick(OBJECTS).replace('{y}', String(year))}${pick(TAILS)}`;
    lines.push(
      [
        String(stt),
        title,
        lead.join('; '),
        [...new Set(support)].join('; '),
        timeText(rand, year),
        pick(PRODUCTS),
      ].join('\t'),
    );
  }
  lines.push('', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.');
  return lines.join('\n') + '\n';
}

/** A parsed synthetic plan of `count` tasks. */
export function syntheticPlan(count: number, seed = 1): Plan {
  return parsePlanText(syntheticAppendix(count, seed));
}
