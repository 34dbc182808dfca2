// The findings' catalogue: every code the rules raise has its sentences, its short label, and a
// finding read back from JSON is worded from its code and parameters in either language.
import { CATALOGUED_CODES, findingMessage, RULES } from '../../../src/core/findings';
import { LABELLED_CODES } from '../../../src/core/findings/labels';
import { finding } from '../../../src/core/findings/messages';
import { findingSchema } from '../../../src/core/plan/schema';
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
      code: 'pdf-ocr-pages',
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

  // The findings the readers and the tracker raise, worded from their parameters alone.
  const NOTES: { made: Finding; vi: string; en: string }[] = [
    {
      made: finding('pdf-scanned-pages', 'warning', null, [], { pages: [3, 5, 8] }),
      vi: 'Trang 3, 5 và 8 của PDF là ảnh quét, không có lớp chữ: đã bỏ qua (cần nhận dạng chữ — OCR — mà PhuLuc không làm).',
      en: 'Page 3, 5 and 8 of the PDF is a scan with no text layer: skipped (it needs OCR, which PhuLuc does not do).',
    },
    {
      made: finding('illegal-characters', 'info', null, [4], {
        total: 3,
        characters: ['\u001e', '\u000b'],
        counts: [2, 1],
      }),
      vi: 'Đã sửa 3 ký tự không ghi được vào tệp Excel (thường do sao chép từ Word): 2 × U+001E (gạch nối không ngắt của Word, thay bằng "-"); U+000B (ngắt dòng của Word, thành xuống dòng).',
      en: `Fixed 3 characters an Excel file cannot hold (often left by copying from Word): 2 × U+001E (Word's non-breaking hyphen, replaced by "-"); U+000B (Word's line break, made a line break).`,
    },
    {
      made: finding('pdf-damaged-pages', 'warning', null, [], { pages: [2] }),
      vi: 'Trang 2 của PDF bị hỏng, không đọc được: đã bỏ qua. Hãy đối chiếu với bản gốc.',
      en: 'Page 2 of the PDF is damaged and cannot be read: skipped. Check against the original.',
    },
    {
      made: finding('pdf-furniture', 'info', null, [], { lines: 12 }),
      vi: 'Đã bỏ qua 12 dòng số trang, đầu trang, chân trang hoặc dấu chữ ký số của PDF.',
      en: 'Left out 12 page-number, running-head, footer or digital-signature lines of the PDF.',
    },
    {
      made: finding('cell-error', 'warning', null, [7], { cell: 'C7', error: '#REF!' }),
      vi: 'Ô C7 có giá trị lỗi #REF!: PhuLuc đọc ô này như ô trống. Hãy sửa công thức trong bảng gốc.',
      en: 'Cell C7 holds the error #REF!: PhuLuc read it as blank. Fix the formula in the source table.',
    },
    {
      made: finding('extension-not-later', 'warning', 'I.2', [], {
        extendedTo: '2025-03-31',
        due: '2025-06-30',
      }),
      vi: 'Gia hạn đến 31/03/2025 không sau Hạn 30/06/2025: hãy kiểm tra lại ngày gia hạn.',
      en: 'Extended to 31/03/2025, which is not after the deadline 30/06/2025: check the extension date.',
    },
  ];

  it.each(NOTES)('$made.code: worded from its parameters, which the plan JSON accepts', (note) => {
    const { made } = note;
    const readBack: Finding = { ...made, message: '(stale)', messageEn: '(stale)' };
    expect(findingMessage(readBack, 'vi').message).toBe(note.vi);
    expect(findingMessage(readBack, 'en').message).toBe(note.en);
    expect(findingSchema.safeParse(made).success).toBe(true);
  });
});
