// The pane's counted phrases: English singular for one, plural otherwise (Intl.PluralRules),
// Vietnamese one form.
import { STRINGS } from '../../src/taskpane/i18n';

const { en, vi } = STRINGS;

describe("the pane's counts", () => {
  it.each([
    [en.source.readSummary(1, 1), 'Read 1 task in 1 section.'],
    [en.source.readSummary(12, 3), 'Read 12 tasks in 3 sections.'],
    [en.preview.counts(1, 0, 1), '1 task · 0 sections · 1 unit'],
    [en.findings.summary(1, 2, 0), '1 error · 2 warnings · 0 notes'],
    [en.build.errorsLeft(1).split('.')[0], '1 error left'],
    [en.build.rebuild.kept(1), '1 task unchanged.'],
    [en.build.rebuild.added(3), '3 new tasks:'],
    [en.build.counts(1, 1, 1), '1 task · 1 unit · 1 check result'],
    [vi.findings.summary(1, 2, 0), '1 lỗi · 2 cảnh báo · 0 lưu ý'],
    [vi.source.readSummary(1, 0), 'Đã đọc 1 nhiệm vụ.'],
    [vi.build.rebuild.kept(2), '2 nhiệm vụ giữ nguyên.'],
  ])('"%s"', (said, expected) => {
    expect(said).toBe(expected);
  });
});
