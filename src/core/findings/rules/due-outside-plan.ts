// Hạn ngoài năm kế hoạch: a deadline outside the years the plan's title names.
import { finding } from '../messages';
import type { TaskRule } from './types';

/** The years a plan's title names: "năm 2024", "giai đoạn 2021 - 2025"; null when it names none. */
export function titleYears(title: string | null): [number, number] | null {
  if (!title) return null;
  const range = /(?:giai đoạn|thời kỳ|từ năm)?\s*(\d{4})\s*[-–—]\s*(\d{4})/u.exec(title);
  if (range && Number(range[2]) >= Number(range[1])) return [Number(range[1]), Number(range[2])];
  const year = /năm\s+(\d{4})/u.exec(title);
  return year ? [Number(year[1]), Number(year[1])] : null;
}

export const dueOutsidePlan: TaskRule = {
  scope: 'task',
  codes: ['due-outside-plan'],
  check({ task: { id, rows, time }, years }) {
    if (!time.due || !years) return [];
    const dueYear = Number(time.due.slice(0, 4));
    if (dueYear >= years[0] && dueYear <= years[1]) return [];
    const params = { due: time.due, firstYear: years[0], lastYear: years[1] };
    return [finding('due-outside-plan', 'info', id, rows, params, { field: 'time' })];
  },
};
