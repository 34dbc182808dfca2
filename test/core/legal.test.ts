// Characters a workbook cannot hold: cleaned where text enters the core, with a finding that
// says what was replaced and where.
import { planFromGrid, parsePlanText } from '../../src/core/plan/parse';
import type { Grid } from '../../src/core/grid/types';
import {
  cutText,
  EXCEL_CELL_LIMIT,
  hasIllegalCharacters,
  legalText,
} from '../../src/core/text/legal';

/** XML 1.0's Char production: what an .xlsx part may hold. */
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe('legalText', () => {
  it("keeps Word's hyphens and line breaks as a person reads them", () => {
    expect(legalText('Sở LĐ\u001eTB&XH')).toBe('Sở LĐ-TB&XH');
    expect(legalText('tổng\u001fkết')).toBe('tổngkết');
    expect(legalText('dòng 1\u000bdòng 2\u000cdòng 3')).toBe('dòng 1\ndòng 2\ndòng 3');
  });

  it('removes other controls and non-characters, marks a broken surrogate', () => {
    expect(legalText('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('abcdef');
    expect(legalText('x\uFFFEy\uFFFFz\uFDD0w\u{1FFFE}v\u{10FFFF}u')).toBe('xyzwvu');
    expect(legalText('lẻ \uD800 và \uDC00.')).toBe('lẻ \uFFFD và \uFFFD.');
    expect(legalText('ngược \uDC00\uD800')).toBe('ngược \uFFFD\uFFFD');
  });

  it('leaves legal text alone: tabs, line breaks, accents, emoji, RTL, combining marks', () => {
    const text = 'Tiếng Việt\tđ Đ\r\n😀👨‍👩‍👧 שלום مرحبا e\u0301 \u200f\u{20000}';
    expect(legalText(text)).toBe(text);
    expect(hasIllegalCharacters(text)).toBe(false);
  });

  it('tells every character alone by the rule: controls but tab and line ends, lone surrogates, non-characters', () => {
    const rule = (cp: number): boolean =>
      (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) ||
      (cp >= 0x7f && cp <= 0x9f) ||
      (cp >= 0xd800 && cp <= 0xdfff) ||
      (cp >= 0xfdd0 && cp <= 0xfdef) ||
      (cp & 0xfffe) === 0xfffe;
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const text = `a${String.fromCodePoint(cp)}b`;
      if (hasIllegalCharacters(text) !== rule(cp) || (legalText(text) === text) === rule(cp)) {
        wrong.push(`U+${cp.toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('makes any string XML-legal', () => {
    let all = '';
    for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c);
    expect(XML_CHAR.test(legalText(all))).toBe(true);
    expect(XML_CHAR.test(all)).toBe(false);
  });
});

describe('cutText', () => {
  it('counts UTF-16 code units and never splits an emoji', () => {
    expect(cutText('ab😀', 3)).toBe('ab');
    expect(cutText('ab😀', 4)).toBe('ab😀');
    expect(cutText('😀😀😀', 5)).toBe('😀😀');
  });

  it('keeps a letter with its marks where it can', () => {
    expect(cutText('abe\u0301c', 3)).toBe('ab');
    expect(cutText('ok 👍🏽 x', 5)).toBe('ok ');
    // A run of marks longer than any letter carries is cut where the limit falls.
    expect(cutText(`a${'\u0301'.repeat(40)}`, 20)).toHaveLength(20);
  });
});

describe('planFromGrid cleans what it reads', () => {
  const appendix = [
    'KẾ HOẠCH',
    'Tổng kết năm 2024\u0007',
    'STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian',
    '1\tTổ chức\u001ehội nghị\u001f tổng kết\uFFFE\tSở LĐ\u001eTB&XH\tQuý I/2024',
    '2\tRà soát văn bản\tSở Tư pháp\tQuý II/2024',
  ].join('\n');

  it('replaces the characters and says what and where, task by task', () => {
    const plan = parsePlanText(appendix);
    expect(plan.tasks[0]).toMatchObject({
      title: 'Tổ chức-hội nghị tổng kết',
      lead: ['Sở LĐ-TB&XH'],
    });
    expect(plan.document.title).toBe('Tổng kết năm 2024');
    const found = plan.findings.filter((f) => f.code === 'illegal-characters');
    expect(found).toEqual([
      expect.objectContaining({ task: null, rows: [2], severity: 'info' }),
      expect.objectContaining({ task: '1', rows: [4], severity: 'info' }),
    ]);
    expect(found[1]!.message).toBe(
      'Đã sửa 4 ký tự không ghi được vào tệp Excel (thường do sao chép từ Word): 2 × U+001E (gạch nối không ngắt của Word, thay bằng "-"); U+001F (gạch nối tùy chọn của Word, đã bỏ); U+FFFE (ký tự không dùng được, đã bỏ).',
    );
    expect(found[1]!.messageEn).toMatch(
      /^Fixed 4 characters .*2 × U\+001E \(Word's non-breaking hyphen, replaced by "-"\)/,
    );
  });

  it('cleans a grid from any reader (an Excel sheet with a broken surrogate)', () => {
    const grid: Grid = {
      source: 'sheet',
      rows: [
        { line: 1, cells: ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian'], tabular: true },
        { line: 2, cells: ['1', 'Báo cáo \uD83D', 'Sở Y tế\u0000', 'Tháng 3/2024'], tabular: true },
      ],
    };
    const plan = planFromGrid(grid);
    expect(plan.tasks[0]).toMatchObject({ title: 'Báo cáo \uFFFD', lead: ['Sở Y tế'] });
    expect(plan.findings.find((f) => f.code === 'illegal-characters')).toMatchObject({
      task: '1',
      rows: [2],
    });
  });

  it('adds no finding to clean text', () => {
    const plan = parsePlanText(legalText(appendix));
    expect(plan.findings.filter((f) => f.code === 'illegal-characters')).toEqual([]);
  });
});

describe('a cell longer than Excel holds', () => {
  it('is reported for the task and field, with the figures', () => {
    const long = 'Nội dung '.repeat(4000).trim();
    const plan = parsePlanText(
      ['STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian', `1\t${long}\tSở Y tế\tQuý I/2024`].join('\n'),
    );
    expect(long.length).toBeGreaterThan(EXCEL_CELL_LIMIT);
    expect(plan.findings.filter((f) => f.code === 'cell-too-long')).toEqual([
      expect.objectContaining({ task: '1', field: 'title', severity: 'warning' }),
    ]);
    expect(plan.findings.find((f) => f.code === 'cell-too-long')!.message).toContain(
      `dài 35.999 ký tự, quá 32.767 ký tự`,
    );
  });
});
