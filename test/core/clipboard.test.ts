// Excel's clipboard text (issue 9): quoted cells as Excel writes them, and stray quotes that a
// person typed at the start of a cell, which must never swallow the rows after them.
import { splitTsv, textToGrid, tsvToGrid } from '../../src/core/grid/fromText';
import { parsePlanText } from '../../src/core/plan/parse';

type Case = [what: string, text: string, records: string[][]];

const CASES: Case[] = [
  [
    'plain cells',
    'a\tb\nc\td',
    [
      ['a', 'b'],
      ['c', 'd'],
    ],
  ],
  [
    'a cell with line breaks, quoted by Excel',
    'a\t"x\ny"\nc\td',
    [
      ['a', 'x\ny'],
      ['c', 'd'],
    ],
  ],
  [
    'a doubled quote inside a quoted cell',
    'a\t"Phong trào ""Xanh"""',
    [['a', 'Phong trào "Xanh"']],
  ],
  ['a quoted cell with a tab, on one line', '"a\tb"\tc', [['a\tb', 'c']]],
  [
    'a stray quote closed mid-cell',
    '"Sạch" đẹp\tb\nc\td',
    [
      ['"Sạch" đẹp', 'b'],
      ['c', 'd'],
    ],
  ],
  [
    'a quote never closed',
    '"Sạch đẹp\tb\nc\td',
    [
      ['"Sạch đẹp', 'b'],
      ['c', 'd'],
    ],
  ],
  [
    'a quote "closed" rows later, after a tab: rows, not one cell',
    '"Tuyên truyền\tb\nc\td"\te',
    [
      ['"Tuyên truyền', 'b'],
      ['c', 'd"', 'e'],
    ],
  ],
  ['a quote inside a plain cell', 'Đề án "Xanh"\tb', [['Đề án "Xanh"', 'b']]],
  ['a quote at the very end', 'a\t"', [['a', '"']]],
  [
    'empty cells',
    '\t\n\t',
    [
      ['', ''],
      ['', ''],
    ],
  ],
];

describe('clipboard (TSV) cells', () => {
  it.each(CASES)('%s', (_what, text, records) => {
    expect(splitTsv(text)).toEqual(records);
  });

  it('numbers grid rows by record, and drops the trailing empty record', () => {
    expect(tsvToGrid('a\tb\n"x\ny"\tz\n').rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', 'z']],
    ]);
  });
});

describe('a 10-task paste with a stray quote', () => {
  const header = ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian'];
  const rows = Array.from({ length: 10 }, (_, i) => [
    String(i + 1),
    i === 2 ? '"Xanh - sạch - đẹp" toàn xã' : i === 5 ? '"Ngày hội đại đoàn kết' : `Việc ${i + 1}`,
    i === 7 ? 'Công an xã "nòng cốt"' : 'Văn phòng HĐND và UBND xã',
    `Tháng ${i + 1}/2025`,
  ]);
  const text = [header, ...rows].map((r) => r.join('\t')).join('\r\n') + '\r\n';

  it('reads all ten tasks, each with its own cells', () => {
    expect(textToGrid(text).source).toBe('tsv');
    const plan = parsePlanText(text);
    expect(plan.tasks.map((t) => t.stt)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i + 1)),
    );
    expect(plan.tasks[2]!.title).toBe('"Xanh - sạch - đẹp" toàn xã');
    expect(plan.tasks[5]!.title).toBe('"Ngày hội đại đoàn kết');
    expect(plan.tasks[7]!.lead).toEqual(['Công an xã "nòng cốt"']);
    expect(plan.tasks[9]!.time.due).toBe('2025-10-31');
  });

  it('still reads a multi-line cell Excel quoted', () => {
    const quoted = text.replace('Việc 2', '"Việc hai:\r\n- bước một\r\n- bước ""hai"""');
    const plan = parsePlanText(quoted);
    expect(plan.tasks).toHaveLength(10);
    expect(plan.tasks[1]!.title).toBe('Việc hai:\n- bước một\n- bước "hai"');
  });
});
