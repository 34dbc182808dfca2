// Word rules that need no calendar: done, relative, conditional, continuous, vague. All patterns
// run on folded text (lower case, no diacritics).
import { shiftIso, type OffsetUnit } from './calendar';
import type { Reading, TimeContext } from './types';

export const NONE: Reading = { kind: 'none', start: null, due: null, recurrence: null };
export const CONDITIONAL: Reading = {
  kind: 'conditional',
  start: null,
  due: null,
  recurrence: null,
};
export const CONTINUOUS: Reading = { kind: 'continuous', start: null, due: null, recurrence: null };
export const VAGUE: Reading = { kind: 'vague', start: null, due: null, recurrence: null };

/** "Đã hoàn thành": the task is already done. */
export const DONE_RE = /\bda\s+(?:hoan thanh|thuc hien xong|xong|ban hanh|thuc hien)\b/;

/**
 * A trigger or another document's schedule: no date until someone enters one. A date after
 * such a phrase belongs to the referenced document ("Theo Kế hoạch số 17/KH-UBND, ngày 30/01/2023").
 */
export const CONDITIONAL_RE = new RegExp(
  String.raw`\b(?:theo\s+(?:(?:cac|mot so)\s+)?(?:ke hoach|kh|yeu cau|chi dao|huong dan|lo trinh|van ban|quyet dinh|thong bao|de nghi|chuong trinh|de an|cong van|nghi quyet|chi thi|thong tu|nghi dinh|lich)\b|sau khi|khi co|khi duoc|khi nhan|khi phat sinh|tuy theo|tuy thuoc|phu thuoc)`,
);

/** Ongoing work with no deadline. "Hàng ngày/tuần" repeat more often than any Recurrence. */
export const CONTINUOUS_RE =
  /\b(?:thuong xuyen|lien tuc|khong thoi han|lau dai|hang ngay|hang tuan|moi ngay|moi tuan)\b/;

/** Words that promise a time without naming one ("độ xuất" is a common typo of "đột xuất"). */
export const VAGUE_RE =
  /\b(?:theo tien do|kip thoi|dot xuat|do xuat|khi can(?: thiet)?|som nhat|cang som cang tot|som|ngay lap tuc|theo quy dinh|tuy tinh hinh)\b/;

const UNITS: Record<string, OffsetUnit> = {
  'ngay lam viec': 'workday',
  ngay: 'day',
  tuan: 'week',
  thang: 'month',
};

// "(trong) 10 ngày (làm việc) kể từ ngày ban hành", "30 ngày sau khi có hướng dẫn"
const RELATIVE_WITH_BASE_RE =
  /(\d{1,3})\s*(ngay lam viec|ngay|tuan|thang)\s*,?\s*(?:ke tu|tinh tu|tu|sau|ke)\b(.*)$/;
// "Trong 10 ngày" with no base: counted from the plan itself. Months are left out on purpose:
// "trong 6 tháng" reads as the first half of the year.
const RELATIVE_BARE_RE =
  /^(?:(?:hoan thanh|thuc hien)\s+)?(?:trong vong|trong thoi han|trong|toi da|cham nhat|khong qua)\s+(\d{1,3})\s*(ngay lam viec|ngay|tuan)$/;
// The plan's own issue: "ngày ban hành", "ngày ký", "ngày Kế hoạch có hiệu lực".
const ISSUE_BASE_RE = /\b(?:ban hanh|ky|hieu luc)\b/;

function relativeTo(issueDate: string | null, amount: number, unit: OffsetUnit): Reading {
  return {
    kind: 'relative',
    start: issueDate,
    due: issueDate === null ? null : shiftIso(issueDate, amount, unit),
    recurrence: null,
  };
}

/**
 * "N ngày kể từ ngày ban hành" counts from the issue date. Counted from another event ("kể từ
 * ngày nhận được hồ sơ") it is a trigger, so conditional. null: not a relative expression.
 */
export function readRelative(folded: string, ctx: TimeContext): Reading | null {
  const text = folded.replace(/\s+/g, ' ').trim();
  const bare = RELATIVE_BARE_RE.exec(text);
  if (bare) return relativeTo(ctx.issueDate, Number(bare[1]), UNITS[bare[2] ?? ''] ?? 'day');
  const based = RELATIVE_WITH_BASE_RE.exec(text);
  if (!based) return null;
  const base = based[3] ?? '';
  if (base.trim() !== '' && !ISSUE_BASE_RE.test(base)) return CONDITIONAL;
  return relativeTo(ctx.issueDate, Number(based[1]), UNITS[based[2] ?? ''] ?? 'day');
}
