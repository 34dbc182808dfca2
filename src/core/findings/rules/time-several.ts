// Nhiều mốc thời gian: a time cell that holds several time expressions ("Giai đoạn 2018 - 2020
// Quý IV/2018 … Năm 2018 và các năm tiếp theo …"). The tracker keeps one deadline, the
// earliest, so the person should know the others were set aside.
import { finding } from '../messages';
import type { TaskRule } from './types';

export const timeSeveral: TaskRule = {
  scope: 'task',
  codes: ['time-several'],
  check({ task }) {
    const parts = task.time.parts ?? [];
    const distinct = new Set(parts.map((part) => `${part.kind ?? ''}|${part.due ?? ''}`));
    if (parts.length < 2 || distinct.size < 2) return [];
    const params = { times: parts.map((part) => part.text), due: task.time.due };
    return [finding('time-several', 'warning', task.id, task.rows, params, { field: 'time' })];
  },
};
