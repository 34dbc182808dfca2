// Runs one validation rule on a small appendix read by the real reader: rows as a clerk types
// them (STT, Nội dung nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành, Sản
// phẩm), under the head of a district plan issued 20/01/2024 for the year 2024.
import { parsePlanText } from '../../../../src/core/plan/parse';
import type { Finding, FindingParams, Plan } from '../../../../src/core/plan/types';
import { titleYears, type Rule, type ValidationContext } from '../../../../src/core/findings/rules';

export const HEAD = [
  'ỦY BAN NHÂN DÂN HUYỆN THUẬN THÀNH',
  'Số: 25/KH-UBND',
  'Thuận Thành, ngày 20 tháng 01 năm 2024',
  '',
  'KẾ HOẠCH',
  'Cải cách hành chính năm 2024',
  '',
];

export const HEADER = [
  'STT',
  'Nội dung nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian hoàn thành',
  'Sản phẩm',
];

/** The plan a person's table reads as: `rows` under `HEADER`, after `head`. */
export function planOf(rows: string[][], head: string[] = HEAD, header = HEADER): Plan {
  const lines = [...head, header.join('\t'), ...rows.map((row) => row.join('\t'))];
  return parsePlanText(lines.join('\n'));
}

/** What a rule raised, as a case table compares it: code, task, params. */
export type Raised = [code: string, task: string | null, params: FindingParams | undefined];

/** The context the parser gives the rules: each spelling of a unit → its name. */
function contextOf(plan: Plan, extra: Partial<ValidationContext>): ValidationContext {
  const aliasToUnit = new Map<string, string>();
  for (const unit of plan.units)
    for (const alias of [unit.name, ...unit.aliases]) aliasToUnit.set(alias, unit.name);
  return { aliasToUnit, ...extra };
}

/** The findings of one rule alone on `plan`. */
export function findingsOf(
  rule: Rule,
  plan: Plan,
  extra: Partial<ValidationContext> = {},
): Finding[] {
  const context = contextOf(plan, extra);
  if (rule.scope === 'plan') return rule.check(plan, context);
  const years = titleYears(plan.document.title);
  return plan.tasks.flatMap((task, i) =>
    rule.check({ task, above: i > 0 ? plan.tasks[i - 1]! : null, plan, context, years }),
  );
}

export function raised(rule: Rule, plan: Plan, extra: Partial<ValidationContext> = {}): Raised[] {
  return findingsOf(rule, plan, extra).map((f) => [f.code, f.task, f.params]);
}
