// The rebuild report's English counts: "1 task", "2 tasks", "1 pair".
import { formatRebuildReport } from '../../src/cli/rebuild-report';
import type { RebuildReport } from '../../src/layout/tracker/carry';

function report(kept: number, carried: number, uncertain: number): RebuildReport {
  return {
    plan: { verdict: 'new', share: 1, before: null },
    kept,
    renumbered: [],
    edited: [],
    added: [],
    removed: [{ code: 'II.3', title: 'Tự kiểm tra công tác cải cách hành chính', kept: true }],
    uncertain: Array.from({ length: uncertain }, (_, i) => ({
      key: `I.${i + 1}`,
      from: `I.${i + 1}`,
      to: `I.${i + 2}`,
      before: 'Rà soát thủ tục hành chính',
      after: 'Rà soát, đơn giản hóa thủ tục hành chính',
      score: 0.7,
      accepted: false,
    })),
    typed: [],
    restored: [],
    carried,
    warnings: [],
  };
}

describe('formatRebuildReport', () => {
  it.each([
    [
      report(1, 1, 1),
      ['Rebuilt: 1 task found again', 'entries of 1 task kept.', '1 pair that may'],
    ],
    [
      report(2, 2, 2),
      ['Rebuilt: 2 tasks found again', 'entries of 2 tasks kept.', '2 pairs that may'],
    ],
  ])('English counts agree with the number (%#)', (given, phrases) => {
    const text = formatRebuildReport(given, 'en');
    for (const phrase of phrases) expect(text).toContain(phrase);
    expect(text).toContain('entries of 1 task kept on the "Removed tasks" sheet');
  });

  it('Vietnamese has one form', () => {
    expect(formatRebuildReport(report(1, 1, 0), 'vi')).toContain(
      'Tạo lại sổ: 1 nhiệm vụ tìm lại được',
    );
  });
});
