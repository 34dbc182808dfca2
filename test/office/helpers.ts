// Plans for the Office.js tests and the benchmark: the real seeds, and synthetic appendices of
// any size read by the same parser (so units, times and findings are realistic).

import { roman } from '../../scripts/bench/generate';
import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';

const TIMES = [
  'Tháng 3/2024',
  'Quý II/2024',
  'Trước ngày 15/6/2024',
  'Thường xuyên',
  'Hằng quý',
  '30/9/2024',
  'Năm 2024',
  'Sau khi có hướng dẫn của UBND tỉnh',
  '6 tháng đầu năm',
  'Từ tháng 02/2024 - 6/2024',
];

const WORDS = [
  'Rà soát, đánh giá',
  'Triển khai thực hiện',
  'Tổng hợp, báo cáo',
  'Kiểm tra, đôn đốc',
  'Xây dựng kế hoạch',
  'Tuyên truyền, phổ biến',
];

const UNIT_KINDS = ['Phòng', 'Ban', 'Trung tâm', 'Đội', 'Văn phòng'];
const UNIT_TOPICS = [
  'Nội vụ',
  'Tư pháp',
  'Tài chính',
  'Y tế',
  'Văn hóa',
  'Giáo dục',
  'Kinh tế',
  'Xây dựng',
  'Môi trường',
  'Thanh tra',
];

/** A unit name that no merging rule confuses with another. */
export function unitName(k: number): string {
  const kind = UNIT_KINDS[k % UNIT_KINDS.length]!;
  const topic = UNIT_TOPICS[Math.floor(k / UNIT_KINDS.length) % UNIT_TOPICS.length]!;
  const area = Math.floor(k / (UNIT_KINDS.length * UNIT_TOPICS.length));
  return area === 0 ? `${kind} ${topic}` : `${kind} ${topic} khu vực ${area}`;
}

/** A tab-separated appendix of `tasks` tasks led by `units` units (as Excel's clipboard gives). */
export function syntheticAppendix(tasks: number, units: number): string {
  const lines = [
    'KẾ HOẠCH',
    'Thực hiện nhiệm vụ năm 2024',
    'PHỤ LỤC',
    ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian', 'Sản phẩm'].join('\t'),
  ];
  const sections = Math.max(1, Math.ceil(tasks / 25));
  let t = 0;
  for (let s = 1; s <= sections && t < tasks; s++) {
    lines.push(`${roman(s)}\tNhóm nhiệm vụ số ${s} về cải cách hành chính\t\t\t\t`);
    for (let i = 1; i <= 25 && t < tasks; i++, t++) {
      const lead = unitName(t % units);
      const support = [unitName((t + 7) % units), unitName((t * 3 + 1) % units)].filter(
        (u) => u !== lead,
      );
      const title = `${WORDS[t % WORDS.length]} việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính, nhiệm vụ số ${t + 1}; bảo đảm đúng quy định và hiệu quả`;
      lines.push(
        [
          String(i),
          title,
          lead,
          [...new Set(support)].join('; '),
          TIMES[t % TIMES.length]!,
          `Báo cáo kết quả nhiệm vụ ${t + 1}`,
        ].join('\t'),
      );
    }
  }
  return lines.join('\n');
}

const cache = new Map<string, Plan>();

export function syntheticPlan(tasks: number, units: number): Plan {
  const key = `${tasks}/${units}`;
  let plan = cache.get(key);
  if (!plan) {
    plan = parsePlanText(syntheticAppendix(tasks, units));
    cache.set(key, plan);
  }
  return plan;
}
