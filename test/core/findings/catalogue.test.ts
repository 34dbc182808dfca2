// The findings' catalogue: every code the rules raise has its sentences, its short label, and a
// finding read back from JSON is worded from its code and parameters in either language.
import { CATALOGUED_CODES, findingMessage, RULES } from '../../../src/core/findings';
import { LABELLED_CODES } from '../../../src/core/findings/labels';
import { finding } from '../../../src/core/findings/messages';
import type { Finding } from '../../../src/core/plan/types';

describe('findings catalogue', () => {
  it('every rule raises only catalogued codes, and every catalogued code has a label', () => {
    for (const rule of RULES)
      for (const code of rule.codes) expect(CATALOGUED_CODES).toContain(code);
    for (const code of CATALOGUED_CODES) expect(LABELLED_CODES).toContain(code);
  });

  it('a finding from JSON is worded from its code and parameters, not its stored words', () => {
    const fromJson: Finding = {
      code: 'due-before-issue',
      severity: 'warning',
      task: 'I.1',
      rows: [12],
      message: '(stale words)',
      params: { due: '2019-02-28', issued: '2019-12-26' },
    };
    expect(findingMessage(fromJson, 'vi').message).toBe(
      'Hạn 28/02/2019 trước ngày ban hành kế hoạch (26/12/2019).',
    );
    expect(findingMessage(fromJson, 'en').message).toBe(
      "The deadline 28/02/2019 is before the plan's issue date (26/12/2019).",
    );
  });

  it('keeps the stored words for a code it does not know, or parameters that do not fit', () => {
    const reader: Finding = {
      code: 'pdf-scanned-pages',
      severity: 'warning',
      task: null,
      rows: [],
      message: 'Trang 3 là ảnh quét.',
      messageEn: 'Page 3 is a scan.',
    };
    expect(findingMessage(reader, 'en').message).toBe('Page 3 is a scan.');
    const broken = { ...reader, code: 'lead-is-support', params: { units: 3 } };
    expect(findingMessage(broken, 'vi').message).toBe('Trang 3 là ảnh quét.');
  });

  it('English counts follow the number: "1 task", "2 tasks"', () => {
    const unknown = (tasks: string[]) =>
      finding('unit-unknown', 'warning', tasks[0]!, [], {
        unit: 'Phòng Kinh tế - Hạ tầng',
        spellings: ['Phòng Kinh tế - Hạ tầng'],
        tasks,
        hint: null,
      }).messageEn;
    expect(unknown(['II.3'])).toBe(
      'Unit "Phòng Kinh tế - Hạ tầng" is not in the unit directory (task II.3).',
    );
    expect(unknown(['II.3', 'IV.1'])).toBe(
      'Unit "Phòng Kinh tế - Hạ tầng" is not in the unit directory (tasks II.3, IV.1).',
    );
  });
});
