// Word rules that need no calendar: done, relative, conditional, continuous, vague. They are
// written in Vietnamese with diacritics, so searching for "thường xuyên" finds them, and run on
// folded text (lower case, no diacritics): each rule is folded once when made (`foldedRule`).
import { foldedRule } from '../table/spelling';
import { foldDiacritics } from '../text/normalize';
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
export const DONE_RE = foldedRule(/\bđã\s+(?:hoàn thành|thực hiện xong|xong|ban hành|thực hiện)\b/);

/**
 * A trigger or another document's schedule: no date until someone enters one. A date after
 * such a phrase belongs to the referenced document ("Theo Kế hoạch số 17/KH-UBND, ngày 30/01/2023").
 */
export const CONDITIONAL_RE = foldedRule(
  new RegExp(
    String.raw`\b(?:theo\s+(?:(?:các|một số)\s+)?(?:kế hoạch|kh|yêu cầu|chỉ đạo|hướng dẫn|lộ trình|văn bản|quyết định|thông báo|đề nghị|chương trình|đề án|công văn|nghị quyết|chỉ thị|thông tư|nghị định|lịch)\b|sau khi|khi có|khi được|khi nhận|khi phát sinh|tùy theo|tùy thuộc|phụ thuộc)`,
  ),
);

/** Ongoing work with no deadline. "Hàng ngày/tuần" repeat more often than any Recurrence. */
export const CONTINUOUS_RE = foldedRule(
  /\b(?:thường xuyên|liên tục|không thời hạn|lâu dài|hàng ngày|hàng tuần|mỗi ngày|mỗi tuần)\b/,
);

/** Words that promise a time without naming one ("độ xuất" is a common typo of "đột xuất"). */
export const VAGUE_RE = foldedRule(
  /\b(?:theo tiến độ|kịp thời|đột xuất|độ xuất|khi cần(?: thiết)?|sớm nhất|càng sớm càng tốt|sớm|ngay lập tức|theo quy định|tùy tình hình)\b/,
);

/**
 * Offset units by their folded words ("ngày làm việc" → "ngay lam viec"). Made with a loop:
 * the pane's bundle runs this when it loads, and old hosts lack Object.fromEntries.
 */
const UNITS: Record<string, OffsetUnit> = {};
for (const [words, unit] of [
  ['ngày làm việc', 'workday'],
  ['ngày', 'day'],
  ['tuần', 'week'],
  ['tháng', 'month'],
] as const)
  UNITS[foldDiacritics(words)] = unit;

// "(trong) 10 ngày (làm việc) kể từ ngày ban hành", "30 ngày sau khi có hướng dẫn"
const RELATIVE_WITH_BASE_RE = foldedRule(
  /(\d{1,3})\s*(ngày làm việc|ngày|tuần|tháng)\s*,?\s*(?:kể từ|tính từ|từ|sau|kể)\b(.*)$/,
);
// "Trong 10 ngày" with no base: counted from the plan itself. Months are left out on purpose:
// "trong 6 tháng" reads as the first half of the year.
const RELATIVE_BARE_RE = foldedRule(
  /^(?:(?:hoàn thành|thực hiện)\s+)?(?:trong vòng|trong thời hạn|trong|tối đa|chậm nhất|không quá)\s+(\d{1,3})\s*(ngày làm việc|ngày|tuần)$/,
);
// The plan's own issue: "ngày ban hành", "ngày ký", "ngày Kế hoạch có hiệu lực".
const ISSUE_BASE_RE = foldedRule(/\b(?:ban hành|ký|hiệu lực)\b/);

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
