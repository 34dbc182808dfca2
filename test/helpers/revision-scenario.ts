// The rebuild scenario of issue 9: a tracker built from seed 000, 28 values typed into it (states,
// progress, dates, notes, three added columns), then rebuilt with a revision of the plan that
// renumbers tasks (I.1 ↔ I.3 swapped; V.4 removed so V.5–V.10 become V.4–V.9), edits a title
// (I.2) and adds a task (V.10). Every value must stay with the task it was typed for.
import { readFileSync } from 'fs';
import { join } from 'path';
import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import { seedNamed, seedText } from './seeds';

/** The three columns a person added to the task list. */
export const ADDED_COLUMNS = ['Người theo dõi', 'Ngày nhắc', 'Điểm'] as const;

export type TypedValue =
  | { text: string }
  | { number: number }
  | { date: string }
  /** A formula in A1 as typed on the task's row; `{row}` stands for that row's number. */
  | { formula: string; expect: (row: number) => string };

/** Header → value, by the task's Mã in the ORIGINAL plan. */
export const TYPED: Record<string, Record<string, TypedValue>> = {
  'I.1': {
    'Trạng thái': { text: 'Hoàn thành' },
    'Ngày hoàn thành': { date: '2019-02-20' },
    'Ghi chú': { text: 'Đã ban hành hướng dẫn' },
    'Người theo dõi': { text: 'Chị Lan' },
  },
  'I.2': {
    'Trạng thái': { text: 'Đang thực hiện' },
    'Tiến độ (%)': { number: 60 },
  },
  'I.3': {
    'Trạng thái': { text: 'Đang thực hiện' },
    'Tiến độ (%)': { number: 30 },
    'Ngày nhắc': { date: '2019-06-15' },
  },
  'III.1': {
    'Trạng thái': { text: 'Hoàn thành' },
    'Ngày hoàn thành': { date: '2019-03-01' },
  },
  'III.2': { 'Ghi chú': { text: 'Chờ Sở TT&TT cấp tài khoản' } },
  'V.4': {
    'Trạng thái': { text: 'Hoàn thành' },
    'Ngày hoàn thành': { date: '2019-02-25' },
    'Ghi chú': { text: 'Mẫu phiếu đã gửi các xã' },
  },
  'V.5': {
    'Trạng thái': { text: 'Đang thực hiện' },
    'Tiến độ (%)': { number: 50 },
    'Ngày nhắc': { date: '2019-07-01' },
  },
  'V.8': {
    'Trạng thái': { text: 'Tạm dừng' },
    'Ghi chú': { text: 'Chờ hướng dẫn của tỉnh' },
  },
  'V.10': {
    'Trạng thái': { text: 'Đang thực hiện' },
    'Tiến độ (%)': { number: 80 },
    // Progress of the task's own row (column M), times two.
    Điểm: { formula: 'M{row}*2', expect: (row) => `M${row}*2` },
  },
  'VI.1': {
    'Trạng thái': { text: 'Hoàn thành' },
    'Ngày hoàn thành': { date: '2019-05-30' },
    'Người theo dõi': { text: 'Anh Minh' },
  },
  'VI.2': {
    'Trạng thái': { text: 'Đã hủy' },
    'Ghi chú': { text: 'Gộp vào nhiệm vụ VI.1' },
  },
};

/** Where each original task is in the revision. V.4 is removed. */
export const REVISED_ID: Record<string, string | null> = {
  'I.1': 'I.3',
  'I.2': 'I.2',
  'I.3': 'I.1',
  'III.1': 'III.1',
  'III.2': 'III.2',
  'V.4': null,
  'V.5': 'V.4',
  'V.8': 'V.7',
  'V.10': 'V.9',
  'VI.1': 'VI.1',
  'VI.2': 'VI.2',
};

export function countTyped(): number {
  return Object.values(TYPED).reduce((n, values) => n + Object.keys(values).length, 0);
}

export function originalPlan(): Plan {
  return parsePlanText(seedText(seedNamed('000')));
}

export const REVISION_PATH = join(__dirname, '..', 'fixtures', 'revisions', '000_revised.txt');

export function revisedPlan(): Plan {
  return parsePlanText(readFileSync(REVISION_PATH, 'utf8'));
}
