// Thời gian không hiểu được: a time cell no time rule reads.
import { finding } from '../messages';
import type { TaskRule } from './types';

export const timeUnknown: TaskRule = {
  scope: 'task',
  codes: ['time-unknown'],
  check: ({ task: { id, rows, time } }) =>
    time.text && time.kind === null
      ? [finding('time-unknown', 'warning', id, rows, { time: time.text }, { field: 'time' })]
      : [],
};
