// Kiểm tra words each finding from its code and parameters in the workbook's language, so a
// plan read back from JSON, whose stored sentences may be stale or in the other language,
// still reads as the catalogue words it.
import { findingLabel, severityLabel } from '../../src/core/findings/labels';
import { findingMessage } from '../../src/core/findings/messages';
import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import { layoutWorkbook, type LayoutOptions } from '../../src/layout';
import type { SheetLayout } from '../../src/layout/types';
import type { Language } from '../../src/core/text/language';
import { seedNamed, seedText } from '../helpers/seeds';

const STALE = '(stale words)';

function findingTexts(plan: Plan, language: Language): string[] {
  const sheet = layoutWorkbook(plan, { reportDate: '2019-06-30', language }).sheets.find(
    (s) => s.kind === 'findings',
  )!;
  return sheet.blocks.flatMap((block) =>
    block.rows.flatMap((row) => row.flatMap((cell) => (cell?.text ? [cell.text] : []))),
  );
}

describe('Kiểm tra words findings through the catalogue', () => {
  const read = parsePlanText(seedText(seedNamed('000')));
  const stale: Plan = {
    ...read,
    findings: read.findings.map((f) => ({
      ...f,
      message: STALE,
      messageEn: STALE,
      ...(f.suggestion ? { suggestion: STALE, suggestionEn: STALE } : {}),
    })),
  };

  it.each<Language>(['vi', 'en'])('in %s', (language) => {
    expect(read.findings.length).toBeGreaterThan(0);
    const texts = findingTexts(stale, language);
    expect(texts).not.toContain(STALE);
    for (const f of read.findings) {
      const { message, suggestion } = findingMessage(f, language);
      expect(texts).toContain(message);
      if (suggestion) expect(texts).toContain(suggestion);
    }
  });
});

function findingsLayout(plan: Plan, options: Partial<LayoutOptions>): SheetLayout {
  return layoutWorkbook(plan, { reportDate: '2019-06-30', ...options }).sheets.find(
    (s) => s.kind === 'findings',
  )!;
}

/** Each listed finding's Mức độ and Loại (columns B and C of the rows under the header). */
function severityAndKind(sheet: SheetLayout): [string, string][] {
  const list = sheet.blocks.find((block) => block.origin === 'A4')!;
  return list.rows.map((row) => [row[1]!.text!, row[2]!.text!]);
}

describe('Kiểm tra names kinds and severities as the command line and the pane do', () => {
  const read = parsePlanText(seedText(seedNamed('000')));
  const dated = read.tasks.find((task) => task.time.due)!;
  // An extension typed on the tracker that is not later than the deadline: a finding the
  // layout raises itself, listed after the reader's.
  const entered = { [dated.id]: { extendedTo: dated.time.due! } };
  // A plan from JSON another version wrote may carry a code this version does not know.
  const withUnknown: Plan = {
    ...read,
    findings: [
      ...read.findings,
      { code: 'pdf-ocr-pages', severity: 'info', task: null, rows: [], message: 'Trang 3.' },
    ],
  };

  it.each<Language>(['vi', 'en'])('in %s', (language) => {
    const sheet = findingsLayout(withUnknown, { language, entered });
    const expected = [
      ...withUnknown.findings,
      { code: 'extension-not-later', severity: 'warning' as const },
    ].map((f): [string, string] => [
      severityLabel(f.severity, language),
      findingLabel(f, language),
    ]);
    expect(severityAndKind(sheet)).toEqual(expected);
    // The colour rules compare Mức độ with the same words the cells show.
    const formulas = sheet.conditionalFormats[0]!.rules.map((rule) => rule.formula);
    expect(formulas).toEqual(
      (['error', 'warning', 'info'] as const).map(
        (severity) => `$B4="${severityLabel(severity, language)}"`,
      ),
    );
  });

  it('in Vietnamese words a reader knows', () => {
    const kinds = severityAndKind(findingsLayout(withUnknown, { language: 'vi', entered }));
    // The layout's own list had no name for this kind and wrote "Khác".
    expect(kinds[0]).toEqual(['Cảnh báo', 'Phụ lục khác đầu văn bản']);
    expect(kinds).toContainEqual(['Cảnh báo', 'Hạn trước ngày ban hành']);
    expect(kinds[kinds.length - 2]).toEqual(['Lưu ý', 'Lưu ý']);
    expect(kinds[kinds.length - 1]).toEqual(['Cảnh báo', 'Gia hạn không sau hạn']);
  });
});
