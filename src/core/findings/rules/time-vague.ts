// Thời hạn không rõ: a time that gives no deadline ("Kịp thời", "Khi có yêu cầu").
import { finding } from '../messages';
import type { TaskRule } from './types';

export const timeVague: TaskRule = {
  scope: 'task',
  codes: ['time-vague'],
  check: ({ task: { id, rows, time } }) =>
    time.kind === 'vague'
      ? [finding('time-vague', 'warning', id, rows, { time: time.text }, { field: 'time' })]
      : [],
};
