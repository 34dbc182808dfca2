// Kiểm tra words each finding from its code and parameters in the workbook's language, so a
// plan read back from JSON, whose stored sentences may be stale or in the other language,
// still reads as the catalogue words it.
import { findingMessage } from '../../src/core/findings/messages';
import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import { layoutWorkbook } from '../../src/layout';
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
