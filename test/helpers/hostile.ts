// A plan whose unit names and Mã are what spreadsheet criteria misread: wildcards ("*", "?",
// "~"), operators ("<>", "="), names equal but for case, longer than 255 characters, numbers,
// booleans, a reserved sheet name, an emoji. Written as a `phuluc.plan/1` plan (as `phuluc
// build` takes it), so the names stay exactly as given.
import { PLAN_SCHEMA, type Plan, type PlanTask } from '../../src/core/plan/types';

const LONG = `Ban chỉ đạo ${'thực hiện chương trình chuyển đổi số '.repeat(8)}`.trim();

/** Unit names in groups where a misread criterion counts one unit's tasks for another. */
export const HOSTILE_UNITS = [
  'Phòng Tư pháp',
  'Phòng Tư pháp*',
  'Phòng Tư pháp huyện',
  'Văn phòng 1',
  'Văn phòng ?',
  'Sở Y tế',
  '<>Sở Y tế',
  'X',
  '=X',
  '~',
  '~*',
  'Sở Nội vụ',
  'SỞ NỘI VỤ',
  LONG,
  `${LONG} 2`,
  'History',
  'Đội 😀 xung kích',
  '115',
  'TRUE',
  '1/2',
];

/** Mã that MATCH misreads, each after the Mã it would wrongly find. */
const HOSTILE_IDS = ['1x', '1*', 'ab', 'a?', 'A', 'a', '~1', `${'M'.repeat(300)}`, '~'];

const DUES = ['2024-01-15', '2024-03-31', '2024-05-20', '2024-06-28', '2024-07-05', '2024-12-31'];

export function hostilePlan(): Plan {
  const tasks: PlanTask[] = [];
  let n = 0;
  const id = (): string => HOSTILE_IDS[n] ?? `I.${n + 1}`;
  HOSTILE_UNITS.forEach((unit, u) => {
    for (let k = 0; k < 3; k++) {
      const due = DUES[(u + k * 2) % DUES.length]!;
      const lead = k === 2 && u > 0 ? [unit, HOSTILE_UNITS[u - 1]!] : [unit];
      tasks.push({
        id: id(),
        section: 'I',
        stt: String(n + 1),
        title: `Nhiệm vụ ${n + 1} của ${unit.slice(0, 40)}`,
        lead,
        support: [HOSTILE_UNITS[(u + 3) % HOSTILE_UNITS.length]!],
        time: { text: due, kind: 'date', start: null, due, recurrence: null },
        product: 'Báo cáo',
        rows: [10 + n],
      });
      n++;
    }
  });
  const leadCount = (u: string): number => tasks.filter((t) => t.lead.includes(u)).length;
  const supportCount = (u: string): number => tasks.filter((t) => t.support.includes(u)).length;
  return {
    schema: PLAN_SCHEMA,
    document: {
      number: '7/KH-UBND',
      type: 'KẾ HOẠCH',
      place: 'Bắc Ninh',
      date: '2024-01-05',
      title: 'Kế hoạch thử tên đơn vị khó năm 2024',
      year: 2024,
    },
    tables: [
      {
        kind: 'tasks',
        title: null,
        columns: {},
        extraColumns: {},
        headers: [],
        firstRow: 9,
        lastRow: 9 + n,
      },
    ],
    sections: [{ id: 'I', title: 'Nhiệm vụ' }],
    tasks,
    units: HOSTILE_UNITS.map((name) => ({
      name,
      group: false,
      aliases: [name],
      leadCount: leadCount(name),
      supportCount: supportCount(name),
    })),
    findings: [],
  };
}
