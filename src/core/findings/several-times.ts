// A time cell that holds several time expressions ("Giai đoạn 2018 - 2020 Quý IV/2018 … Năm
// 2018 và các năm tiếp theo …"): the tracker keeps one deadline, the earliest, so the person
// should know the others were set aside.

import type { Finding, PlanTask } from '../plan/types';
import { finding, viDate } from './messages';

const QUOTED = 60;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return `“${chars.length <= QUOTED ? flat : `${chars.slice(0, QUOTED - 1).join('')}…`}”`;
}

/** One finding when a task's time has parts that end on different days (or are of other kinds). */
export function checkSeveralTimes(task: PlanTask): Finding[] {
  const parts = task.time.parts ?? [];
  const distinct = new Set(parts.map((p) => `${p.kind ?? ''}|${p.due ?? ''}`));
  if (parts.length < 2 || distinct.size < 2) return [];
  const list = parts.map((p) => quote(p.text)).join('; ');
  const due = task.time.due;
  return [
    finding(
      'time-several',
      'warning',
      task.id,
      task.rows,
      [
        `Ô thời gian ghi ${parts.length} mốc thời gian khác nhau: ${list}. ` +
          (due
            ? `Sổ theo dõi lấy hạn sớm nhất (${viDate(due)}).`
            : 'Sổ theo dõi lấy mốc đầu tiên.'),
        `The time cell holds ${parts.length} different times: ${list}. ` +
          (due
            ? `The tracker takes the earliest deadline (${viDate(due)}).`
            : 'The tracker takes the first one.'),
      ],
      {
        field: 'time',
        suggestion: [
          'Nếu mỗi mốc là của một phần việc, hãy tách thành các nhiệm vụ riêng; nếu không, ghi một thời hạn.',
          'If each time belongs to a part of the work, split it into tasks of their own; if not, give one deadline.',
        ],
      },
    ),
  ];
}
