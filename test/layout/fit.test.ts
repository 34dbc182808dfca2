// Every written cell's text fits its row by the fonts' metrics: all seeds, both languages, and
// the measures themselves checked against the fonts' known widths.

import { parsePlanText } from '../../src/core/plan/parse';
import { layoutWorkbook } from '../../src/layout';
import { cellKey, fitCell, mergesOf, placedCells, shownText } from '../../src/layout/fit';
import {
  columnPixels,
  lineHeight,
  MAX_ROW_HEIGHT,
  textRoom,
  textWidth,
  wrappedLineCount,
  wrapText,
  type FontSpec,
} from '../../src/layout/metrics';
import { rowPoints } from '../../src/layout/print';
import type { WorkbookLayout } from '../../src/layout/types';
import { SEEDS, seedText } from '../helpers/seeds';

const TNR = { name: 'Times New Roman', size: 11 } as const;

describe('measures', () => {
  test('advance widths are the fonts’ own', () => {
    // Times New Roman: digits half an em, space a quarter; Arial: "0" 0.556 em; Calibri "0" 0.507.
    expect(textWidth('0', TNR)).toBeCloseTo(5.5, 3);
    expect(textWidth(' ', TNR)).toBeCloseTo(2.75, 3);
    expect(textWidth('0', { name: 'Arial', size: 10 })).toBeCloseTo(5.56, 2);
    expect(textWidth('0', { name: 'Calibri', size: 11 })).toBeCloseTo(5.577, 2);
    // Vietnamese letters are measured, not guessed; bold is wider.
    expect(textWidth('Nghị định', TNR)).toBeGreaterThan(textWidth('Nghi dinh', TNR) - 0.01);
    expect(textWidth('Quá hạn', { ...TNR, bold: true })).toBeGreaterThan(textWidth('Quá hạn', TNR));
  });

  test("Excel's column widths and row heights", () => {
    // The default column, 8.43 characters, is stored as 9.140625 (with its padding): 64 pixels.
    // Calibri 11 rows are 15 pt, Arial 10 rows 12.75 pt.
    expect(columnPixels(9.140625)).toBe(64);
    expect(lineHeight({ name: 'Calibri', size: 11 })).toBe(15);
    expect(lineHeight({ name: 'Arial', size: 10 })).toBe(12.75);
  });

  test('wraps at spaces, cuts only a word longer than the line', () => {
    const room = textRoom([20]);
    const lines = wrapText(
      'Ủy ban nhân dân các xã, phường, thị trấn trên địa bàn huyện',
      room,
      TNR,
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, TNR)).toBeLessThanOrEqual(room);
    expect(lines.join(' ')).toBe('Ủy ban nhân dân các xã, phường, thị trấn trên địa bàn huyện');
    expect(wrapText('a\nb', room, TNR)).toEqual(['a', 'b']);
    const long = wrapText('x'.repeat(200), room, TNR);
    expect(long.join('')).toBe('x'.repeat(200));
  });
});

/** Excel's wrapping as first written, with regular expressions and strings: the reference. */
function referenceWrap(text: string, room: number, font: FontSpec): string[] {
  const out: string[] = [];
  const space = textWidth(' ', font);
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/ +/).flatMap((piece) => piece.split(/(?<=[-–/])/));
    let line = '';
    let width = 0;
    const push = (): void => {
      out.push(line);
      line = '';
      width = 0;
    };
    for (const word of words) {
      if (word === '') continue;
      const measured = textWidth(word, font);
      const joiner = line === '' || /[-–/]$/.test(line) ? 0 : space;
      if (line !== '' && width + joiner + measured > room) push();
      if (measured > room) {
        for (const ch of word) {
          const cw = textWidth(ch, font);
          if (line !== '' && width + cw > room) push();
          line += ch;
          width += cw;
        }
        continue;
      }
      if (line !== '' && !/[-–/]$/.test(line)) {
        line += ' ';
        width += space;
      }
      line += word;
      width += measured;
    }
    push();
  }
  return out;
}

test('wrapping and the line count rows are fitted by: as the reference, on every seed text', () => {
  // Every text of every seed, in several column widths and fonts, and texts with hyphens,
  // slashes, line breaks ("\r\n" and a lone "\r"), runs of spaces, a character outside the
  // Basic Multilingual Plane and words longer than the line.
  const texts = new Set<string>([
    'Sở Nội vụ - Sở Tư pháp/UBND các huyện–thị xã',
    'a\nb\r\n\nc\r',
    'a-\r\n-b/ /c \r\n',
    `${'x'.repeat(90)} ${'y'.repeat(40)}-z`,
    '  spaces   between  ',
    'emoji 😀 in text 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀',
  ]);
  for (const seed of SEEDS) {
    const layout = layoutWorkbook(parsePlanText(seedText(seed)), { reportDate: '2019-12-26' });
    for (const sheet of layout.sheets) {
      for (const placed of placedCells(sheet)) {
        const text = shownText(placed.cell);
        if (text) texts.add(text);
      }
    }
  }
  let wrapped = 0;
  for (const text of texts) {
    for (const width of [4, 12, 30, 60]) {
      for (const font of [TNR, { name: 'Arial', size: 9, bold: true } as const]) {
        const room = textRoom([width]);
        const reference = referenceWrap(text, room, font);
        expect([text, width, wrapText(text, room, font)]).toEqual([text, width, reference]);
        expect([text, width, wrappedLineCount(text, room, font)]).toEqual([
          text,
          width,
          reference.length,
        ]);
        if (reference.length > 1) wrapped++;
      }
    }
  }
  expect(wrapped).toBeGreaterThan(1000);
});

function problems(layout: WorkbookLayout): string[] {
  const out: string[] = [];
  const font = layout.styles.text?.font?.name as 'Times New Roman';
  for (const sheet of layout.sheets) {
    const merges = mergesOf(sheet);
    const cells = placedCells(sheet);
    const filled = new Set(
      cells
        .filter(
          (p) =>
            shownText(p.cell) ||
            p.cell.number !== undefined ||
            p.cell.date ||
            typeof p.cell.value === 'number',
        )
        .map((p) => `${p.row}:${p.column}`),
    );
    for (const placed of cells) {
      const fit = fitCell(sheet, placed, layout.styles, font, merges);
      if (!fit || fit.tall) continue;
      const at = `${sheet.name}!${placed.column}:${placed.row}`;
      const height = rowPoints(sheet, placed.row);
      if (fit.height > MAX_ROW_HEIGHT) {
        if (!placed.cell.note) out.push(`${at}: over 409 pt without a note`);
      } else if (fit.height > height + 0.01) {
        out.push(`${at}: needs ${fit.height} pt, row is ${height} pt`);
      }
      const last = merges.get(cellKey(placed.row, placed.column))?.lastColumn ?? placed.column;
      if (fit.overflows && filled.has(`${placed.row}:${last + 1}`))
        out.push(`${at}: text cut by the next cell`);
    }
  }
  return out;
}

describe.each(SEEDS)('%s: every text fits its row', (seed) => {
  const plan = parsePlanText(seedText(seed));
  test.each(['vi', 'en'] as const)('%s', (language) => {
    const layout = layoutWorkbook(plan, { reportDate: plan.document.date ?? null, language });
    expect(problems(layout)).toEqual([]);
  });
});

test('a text taller than any row gets a note rather than a silent cut', () => {
  const plan = parsePlanText(seedText(SEEDS[0]!));
  const long = plan.tasks[0]!;
  long.product = 'Báo cáo kết quả thực hiện nhiệm vụ. '.repeat(200);
  const layout = layoutWorkbook(plan, { reportDate: '2019-12-26' });
  const tasks = layout.sheets.find((s) => s.kind === 'tasks')!;
  const cell = placedCells(tasks).find(
    (p) => p.cell.text === long.product.trim() || p.cell.text === long.product,
  )!;
  expect(tasks.rowHeights![cell.row]).toBe(MAX_ROW_HEIGHT);
  expect(cell.cell.note).toMatch(/409 pt/);
  expect(problems(layout)).toEqual([]);
});

test('the workbook font: every style set in it, named on Cài đặt, rows measured in it', () => {
  const plan = parsePlanText(seedText(SEEDS[0]!));
  const times = layoutWorkbook(plan, { reportDate: '2019-12-26' });
  const arial = layoutWorkbook(plan, { reportDate: '2019-12-26', font: 'Arial' });
  for (const style of Object.values(times.styles)) expect(style.font?.name).toBe('Times New Roman');
  for (const style of Object.values(arial.styles)) expect(style.font?.name).toBe('Arial');
  const settings = (l: WorkbookLayout): string[] =>
    placedCells(l.sheets.find((s) => s.kind === 'settings')!).map((p) => p.cell.text ?? '');
  expect(settings(times)).toContain('Times New Roman');
  expect(settings(arial)).toContain('Arial');
  // Arial is wider than Times New Roman: its task list needs more room.
  const total = (l: WorkbookLayout): number => {
    const tasks = l.sheets.find((s) => s.kind === 'tasks')!;
    return Object.values(tasks.rowHeights ?? {}).reduce((a, b) => a + b, 0);
  };
  expect(total(arial)).toBeGreaterThan(total(times));
  expect(problems(arial)).toEqual([]);
});

test('"Còn lại" is printed the same way on every sheet ("quá 215", never "-215")', () => {
  const plan = parsePlanText(seedText(SEEDS[0]!));
  for (const language of ['vi', 'en'] as const) {
    const layout = layoutWorkbook(plan, { reportDate: '2019-12-26', language });
    const label = language === 'vi' ? 'Còn lại (ngày)' : 'Days left';
    for (const sheet of layout.sheets) {
      const header = placedCells(sheet).find(
        (p) => p.cell.text === label && p.cell.style === 'header',
      );
      if (!header) continue;
      const formats = new Set(
        placedCells(sheet)
          .filter((p) => p.column === header.column && p.row > header.row && p.cell.formula)
          .map((p) => layout.styles[p.cell.style!]!.numberFormat),
      );
      expect({ sheet: sheet.name, formats: [...formats] }).toEqual({
        sheet: sheet.name,
        formats: [language === 'vi' ? '0;"quá "0;0' : '0;"late "0;0'],
      });
    }
  }
});
