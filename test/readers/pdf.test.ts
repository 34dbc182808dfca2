// The PDF reader on PDFs made to show one thing each (test/helpers/mini-pdf.ts) and on pages
// written by hand: rotated pages, text typed in TCVN3 fonts, scans, unreadable text layers,
// page furniture, tables continued over pages, line breaks inside cells.

import { planFromGrid } from '../../src/core/plan/parse';
import { pagesToGrid, PdfReadError, readPdfGrid } from '../../src/readers/pdf';
import type { PageContent, TextRun } from '../../src/readers/pdf/model';
import { loadPdfLib } from '../../src/readers/pdf/node';
import { decodeTcvn3 } from '../../src/readers/pdf/vietnamese';
import { miniPdf, ruledTable, scannedPdf, type MiniPage } from '../helpers/mini-pdf';

const read = async (pages: MiniPage[]) => readPdfGrid(miniPdf(pages), await loadPdfLib());
const tabular = (grid: { rows: { tabular: boolean; cells: string[] }[] }): string[][] =>
  grid.rows.filter((r) => r.tabular).map((r) => r.cells);

const HEADER = ['STT', 'Noi dung', 'Chu tri', 'Thoi gian'];
const BODY = [
  ['1', 'Ra soat van ban', 'Van phong', 'Quy I/2024'],
  ['2', 'Bao cao ket qua', 'So Noi vu', 'Thang 6/2024'],
];
const WIDTHS = [40, 260, 140, 120];

describe('PDF files', () => {
  it('reads a ruled table, cell by cell', async () => {
    const table = ruledTable([HEADER, ...BODY], WIDTHS, 40, 800);
    const grid = await read([{ width: 595, height: 842, ...table }]);
    expect(tabular(grid)).toEqual([HEADER, ...BODY]);
    expect(grid.structure).toBe('pdf-ruled');
  });

  it('turns a page with /Rotate 90 back so its table reads left to right', async () => {
    // The table is drawn on a landscape MediaBox turned to portrait by /Rotate.
    const table = ruledTable([HEADER, ...BODY], WIDTHS, 40, 550);
    const grid = await read([{ width: 842, height: 595, rotate: 90, ...table }]);
    expect(tabular(grid)).toEqual([HEADER, ...BODY]);
  });

  it('turns a table drawn sideways on a portrait page', async () => {
    // Landscape content written with a rotated matrix: text runs upwards on the page.
    const flat = ruledTable([HEADER, ...BODY], WIDTHS, 40, 550);
    const turn = (x: number, y: number): [number, number] => [595 - y, x];
    const texts = flat.texts.map((t) => {
      const [x, y] = turn(t.x, t.y);
      return { ...t, x, y, angle: 90 };
    });
    const lines = flat.lines.map((l) => {
      const [x1, y1] = turn(l.x1, l.y1);
      const [x2, y2] = turn(l.x2, l.y2);
      return { x1, y1, x2, y2 };
    });
    const grid = await read([{ width: 595, height: 842, texts, lines }]);
    expect(tabular(grid)).toEqual([HEADER, ...BODY]);
  });

  it('decodes text typed in TCVN3 (.VnTime) fonts', async () => {
    const encode = tcvn3Encoder();
    const rows = [
      ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian'],
      ['1', 'Rà soát thủ tục', 'Văn phòng', 'Quý I/2024'],
      ['2', 'Báo cáo kết quả', 'Sở Nội vụ', 'Tháng 6/2024'],
    ];
    const table = ruledTable(
      rows.map((r) => r.map(encode)),
      WIDTHS,
      40,
      800,
    );
    expect(table.texts[1]!.text).toBe('NhiÖm vô');
    const grid = await read([{ width: 595, height: 842, ...table }]);
    expect(tabular(grid)).toEqual(rows);
    const plan = planFromGrid(grid);
    expect(plan.tasks.map((t) => [t.title, t.lead, t.time.due])).toEqual([
      ['Rà soát thủ tục', ['Văn phòng'], '2024-03-31'],
      ['Báo cáo kết quả', ['Sở Nội vụ'], '2024-06-30'],
    ]);
  });

  it('reports a text layer that cannot be read instead of parsing nonsense', async () => {
    const junk = '¤¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ ×Þß÷þ ¤¦§¨© ª«¬® ¯°±²';
    const table = ruledTable(
      [HEADER, ...BODY].map((r) => r.map(() => junk.slice(0, 12))),
      WIDTHS,
      40,
      800,
    );
    await expect(read([{ width: 595, height: 842, ...table }])).rejects.toMatchObject({
      code: 'garbage',
    });
  });

  it('skips an unreadable page among readable ones, and says so', async () => {
    const good = ruledTable([HEADER, ...BODY], WIDTHS, 40, 800);
    const bad = ruledTable([['¤¦§¨©ª«¬®¯°±²³´µ¶·¸', '×Þß÷þ¤¦§¨©ª«¬®']], WIDTHS, 40, 800);
    const grid = await read([
      { width: 595, height: 842, ...good },
      { width: 595, height: 842, ...bad },
    ]);
    expect(tabular(grid)).toEqual([HEADER, ...BODY]);
    expect(grid.notes?.map((n) => n.code)).toEqual(['pdf-unreadable-pages']);
    expect(grid.notes?.[0]?.params).toEqual({ pages: [2] });
    expect(grid.notes?.[0]?.message).toMatch(/trang 2 /);
  });

  it('refuses a damaged file and a file that is not a PDF', async () => {
    const lib = await loadPdfLib();
    await expect(readPdfGrid(new TextEncoder().encode('%PDF-1.4\n'), lib)).rejects.toMatchObject({
      code: 'damaged',
    });
    await expect(readPdfGrid(new TextEncoder().encode('hello'), lib)).rejects.toBeInstanceOf(
      PdfReadError,
    );
  });
});

describe('a scanned PDF', () => {
  it('is refused with "needs OCR", not read as an empty plan', async () => {
    const error = await readPdfGrid(scannedPdf(), await loadPdfLib()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfReadError);
    expect((error as PdfReadError).code).toBe('scanned');
  });
});

/** Unicode Vietnamese → the Latin-1 characters a TCVN3 font's bytes show as. */
function tcvn3Encoder(): (text: string) => string {
  const back = new Map<string, string>();
  for (let code = 0xa1; code <= 0xff; code++) {
    const ch = String.fromCharCode(code);
    const uni = decodeTcvn3(ch);
    if (!back.has(uni)) back.set(uni, ch);
  }
  return (text) => [...text.normalize('NFC')].map((ch) => back.get(ch) ?? ch).join('');
}

// ── pages written by hand ──────────────────────────────────────────────────────────────────

/** A run of text at (x, baseline y) on a displayed page, ~0.5 em a character. */
const run = (x: number, y: number, text: string, size = 10): TextRun => ({
  text,
  x,
  y,
  width: text.length * size * 0.5,
  size,
  angle: 0,
  font: 'f1',
});

/** A lattice: column edges, row edges; `omit` lists inner lines left out (merged cells). */
function lattice(
  xs: number[],
  ys: number[],
  omit: { h?: [number, number][]; v?: [number, number][] } = {},
): PageContent['segments'] {
  const out: PageContent['segments'] = [];
  ys.forEach((y, r) => {
    for (let c = 0; c + 1 < xs.length; c++) {
      if (omit.h?.some(([or, oc]) => or === r && oc === c)) continue;
      out.push({ x1: xs[c]!, y1: y, x2: xs[c + 1]!, y2: y });
    }
  });
  xs.forEach((x, c) => {
    for (let r = 0; r + 1 < ys.length; r++) {
      if (omit.v?.some(([or, oc]) => or === r && oc === c)) continue;
      out.push({ x1: x, y1: ys[r]!, x2: x, y2: ys[r + 1]! });
    }
  });
  return out;
}

const page = (number: number, runs: TextRun[], segments: PageContent['segments']): PageContent => ({
  number,
  width: 595,
  height: 842,
  runs,
  segments,
  pictureArea: 0,
});

describe('pagesToGrid', () => {
  const xs = [40, 80, 300, 440];

  it('reads merged cells off the lines: a grouped header and a unit merged down', () => {
    const ys = [100, 120, 140, 160, 180];
    const runs = [
      run(45, 115, 'STT'),
      run(85, 115, 'Nhiệm vụ'),
      run(305, 115, 'Thời gian'),
      run(305, 135, 'Bắt đầu'),
      run(45, 155, '1'),
      run(85, 155, 'Việc A'),
      run(305, 155, 'Quý I/2024'),
      run(45, 175, '2'),
      run(85, 175, 'Việc B'),
    ];
    // STT and Nhiệm vụ span both header rows; Quý I/2024 spans both task rows.
    const segments = lattice(xs, ys, {
      h: [
        [1, 0],
        [1, 1],
        [3, 2],
      ],
    });
    const grid = pagesToGrid([page(1, runs, segments)]);
    expect(tabular(grid)).toEqual([
      ['STT', 'Nhiệm vụ', 'Thời gian'],
      ['', '', 'Bắt đầu'],
      ['1', 'Việc A', 'Quý I/2024'],
      ['2', 'Việc B', 'Quý I/2024'],
    ]);
    expect(grid.rows.find((r) => r.cells[1] === 'Việc B')?.mergedFromAbove).toEqual([2]);
  });

  it('keeps a paragraph break in a cell and joins a wrapped line with a space', () => {
    const ys = [100, 120, 170];
    const runs = [
      run(45, 115, 'STT'),
      run(85, 115, 'Nhiệm vụ'),
      run(305, 115, 'Chủ trì'),
      run(45, 135, '1'),
      // 42 characters ≈ 210 pt in a 220 pt column: the next word did not fit — a wrap.
      run(85, 135, 'Rà soát các thủ tục hành chính thuộc thẩm'),
      run(85, 147, 'quyền'),
      // Short lines: each ended on purpose.
      run(305, 135, 'Sở Nội vụ'),
      run(305, 147, 'Văn phòng'),
    ];
    const grid = pagesToGrid([page(1, runs, lattice(xs, ys))]);
    expect(tabular(grid)[1]).toEqual([
      '1',
      'Rà soát các thủ tục hành chính thuộc thẩm quyền',
      'Sở Nội vụ\nVăn phòng',
    ]);
  });

  it('composes decomposed (NFD) Vietnamese', () => {
    const ys = [100, 120, 140];
    const nfd = 'Nhiệm vụ'.normalize('NFD');
    const runs = [
      run(45, 115, 'STT'),
      run(85, 115, nfd),
      run(305, 115, 'Chủ trì'.normalize('NFD')),
      run(45, 135, '1'),
      run(85, 135, 'Việc'.normalize('NFD')),
    ];
    const grid = pagesToGrid([page(1, runs, lattice(xs, ys))]);
    expect(tabular(grid)[0]).toEqual(['STT', 'Nhiệm vụ', 'Chủ trì']);
    expect(tabular(grid)[1]![1]).toBe('Việc');
  });

  it('continues a table over pages: repeated header dropped, cut row and merge joined', () => {
    const head = [run(45, 115, 'STT'), run(85, 115, 'Nhiệm vụ'), run(305, 115, 'Chủ trì')];
    const first = page(
      1,
      [
        run(120, 60, 'CÔNG BÁO/Số 15 + 16/Ngày 10-01-2020'),
        ...head,
        run(45, 135, '1'),
        run(85, 135, 'Việc A'),
        run(305, 135, 'Văn phòng'),
        run(45, 155, '2'),
        run(85, 155, 'Việc B, phần đầu'),
        run(290, 820, '1'),
      ],
      // Văn phòng is merged over rows 1 and 2 (no line under row 1 in that column).
      lattice(xs, [100, 120, 140, 160], { h: [[2, 2]] }),
    );
    const second = page(
      2,
      [
        run(120, 60, 'CÔNG BÁO/Số 15 + 16/Ngày 10-01-2020'),
        ...head,
        run(85, 135, 'phần tiếp theo'),
        run(45, 155, '3'),
        run(85, 155, 'Việc C'),
        run(290, 820, '2'),
      ],
      // The merged cell runs on over the cut row and row 3.
      lattice(xs, [100, 120, 140, 160], { h: [[2, 2]] }),
    );
    const grid = pagesToGrid([first, second]);
    expect(tabular(grid)).toEqual([
      ['STT', 'Nhiệm vụ', 'Chủ trì'],
      ['1', 'Việc A', 'Văn phòng'],
      ['2', 'Việc B, phần đầu phần tiếp theo', 'Văn phòng'],
      ['3', 'Việc C', 'Văn phòng'],
    ]);
    // Page numbers and the Công báo head are furniture.
    expect(grid.rows.filter((r) => !r.tabular && r.cells[0] !== '')).toEqual([]);
    expect(grid.notes?.map((n) => n.code)).toEqual(['pdf-furniture']);
  });

  it('leaves out the stamp a digital signature prints', () => {
    const grid = pagesToGrid([
      page(
        1,
        [
          run(40, 100, 'Số: 15/KH-UBND'),
          run(400, 60, 'Ký bởi: Ủy ban nhân dân tỉnh'),
          run(400, 72, 'Thời gian ký: 22.09.2021 10:15:20 +07:00'),
        ],
        [],
      ),
    ]);
    expect(grid.rows.map((r) => r.cells[0])).toEqual(['Số: 15/KH-UBND']);
  });

  it('says a PDF of pictures needs OCR', () => {
    const scan = { ...page(1, [], []), pictureArea: 1 };
    expect(() => pagesToGrid([scan, { ...scan, number: 2 }])).toThrow(
      expect.objectContaining({ code: 'scanned' }),
    );
  });

  it('guesses columns from text positions when a table has no lines', () => {
    const rows = [
      ['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian'],
      ['1', 'Việc A', 'Văn phòng', 'Quý I/2024'],
      ['2', 'Việc B', 'Sở Nội vụ', 'Năm 2024'],
    ];
    const at = [40, 80, 300, 440];
    const runs = rows.flatMap((r, i) => r.map((text, c) => run(at[c]!, 100 + i * 20, text)));
    // Task 2's text wraps onto a line of its own, under the task column.
    runs.push(run(80, 172, 'và báo cáo kết quả'));
    const grid = pagesToGrid([page(1, [run(40, 60, 'PHỤ LỤC'), ...runs], [])]);
    expect(grid.structure).toBe('pdf-text');
    expect(grid.mergesKnown).toBe(false);
    expect(tabular(grid)).toEqual([...rows, ['', 'và báo cáo kết quả', '', '']]);
    const plan = planFromGrid(grid);
    expect(plan.tasks.map((t) => [t.title, t.lead])).toEqual([
      ['Việc A', ['Văn phòng']],
      ['Việc B và báo cáo kết quả', ['Sở Nội vụ']],
    ]);
    expect(plan.findings[0]?.message).toMatch(/không có đường kẻ/);
  });
});
