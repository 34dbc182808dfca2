// Defined names the formulas read their words from. Every status label and the work states the
// formulas test ("Hoàn thành", "Tạm dừng", "Đã hủy") live in a cell of Cài đặt under a name, so a
// label renamed there renames every result, test and colour with it: nothing compares with a
// word typed into a formula. Not "PhuLuc_…" names: those mark sheets (src/office/survey.ts).

import type { StatusCategory, WorkState } from '../core/status';

export const CATEGORY_NAMES: Record<StatusCategory, string> = {
  'done-on-time': 'TT_HoanThanhDungHan',
  'done-late': 'TT_HoanThanhQuaHan',
  'done-undated': 'TT_HoanThanhChuaCoNgay',
  overdue: 'TT_QuaHan',
  'due-soon': 'TT_SapDenHan',
  'on-track': 'TT_TrongHan',
  'no-deadline': 'TT_KhongThoiHan',
  waiting: 'TT_ChoDieuKien',
  paused: 'TT_TamDung',
  cancelled: 'TT_DaHuy',
};

export const STATE_NAMES: Record<WorkState, string> = {
  'not-started': 'TrangThai_ChuaThucHien',
  'in-progress': 'TrangThai_DangThucHien',
  done: 'TrangThai_HoanThanh',
  paused: 'TrangThai_TamDung',
  cancelled: 'TrangThai_DaHuy',
};

/** The year recurring tasks are tracked to (Cài đặt). */
export const HORIZON_NAME = 'NamTheoDoi';

/** The name of a category's label, as a formula reads it. */
export function cat(c: StatusCategory): string {
  return CATEGORY_NAMES[c];
}

/** The name of a work state's label. */
export function state(s: WorkState): string {
  return STATE_NAMES[s];
}
