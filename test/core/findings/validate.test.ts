// validatePlan runs the registry in its order: the plan's tables, each task's own rules, then
// the numbering and repeated tasks; sortFindings then puts them in document order.
import { RULES, sortFindings, validatePlan } from '../../../src/core/findings';
import { planOf } from './rules/helpers';

describe('validatePlan', () => {
  it("lists a task's own findings before the numbering's, whatever the severity order keeps", () => {
    const plan = planOf([
      ['1', 'Rà soát thủ tục hành chính', 'Phòng Nội vụ', '', 'Quý II/2024', ''],
      [
        '1',
        'Kiểm tra việc công khai thủ tục',
        'Văn phòng UBND xã',
        'Văn phòng UBND xã',
        'Quý III/2024',
        '',
      ],
    ]);
    const findings = sortFindings(validatePlan(plan, { aliasToUnit: new Map() }), plan.tasks);
    expect(findings.map((f) => [f.code, f.task])).toEqual([
      ['lead-is-support', '1-2'],
      ['stt-duplicate', '1-2'],
    ]);
  });

  it('each code is raised by one rule only', () => {
    const codes = RULES.flatMap((rule) => rule.codes);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
