// The workbook design on the real seeds: sheets, names, markers, formulas and rules that both
// renderers will write.
import { parsePlanText } from '../../src/core/plan/parse';
import { trackedRows } from '../../src/core/status/items';
import { layoutWorkbook } from '../../src/layout';
import { parseCellRef } from '../../src/excel/a1';
import { textRoom, textWidth } from '../../src/layout/metrics';
import { uniqueSheetNames, unitSheetName, validSheetName } from '../../src/layout/sheetNames';
import type { Cell, SheetLayout, WorkbookLayout } from '../../src/layout/types';
import { SEEDS, seedNamed, seedText } from '../helpers/seeds';

const layoutOf = (prefix: string, options = {}): WorkbookLayout =>
  layoutWorkbook(parsePlanText(seedText(seedNamed(prefix))), {
    reportDate: '2019-06-30',
    ...options,
  });

function cells(sheet: SheetLayout): { address: string; cell: Cell }[] {
  const out: { address: string; cell: Cell }[] = [];
  for (const block of sheet.blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(block.origin)!;
    const col0 = m[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    block.rows.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (!cell) return;
        let n = col0 + j + 1;
        let letters = '';
        while (n > 0) {
          letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
          n = Math.floor((n - 1) / 26);
        }
        out.push({ address: `${letters}${Number(m[2]) + i}`, cell });
      }),
    );
  }
  return out;
}

describe.each(SEEDS)('layout of seed %s', (name) => {
  const plan = parsePlanText(seedText(name));
  const layout = layoutWorkbook(plan, { reportDate: '2024-03-15' });

  it('names every sheet validly and uniquely', () => {
    const names = layout.sheets.map((s) => s.name);
    for (const n of names) {
      expect([...n].length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\\/?*:[\]]/);
      expect(n).not.toMatch(/^'|'$/);
    }
    expect(new Set(names.map((n) => n.toLocaleLowerCase('vi'))).size).toBe(names.length);
  });

  it('gives the same sheet names, markers and Mã when rebuilt', () => {
    const again = layoutWorkbook(parsePlanText(seedText(name)), { reportDate: '2024-03-15' });
    expect(again.sheets.map((s) => [s.name, s.marker])).toEqual(
      layout.sheets.map((s) => [s.name, s.marker]),
    );
    const codes = (l: WorkbookLayout) =>
      cells(l.sheets.find((s) => s.kind === 'tasks' && s.table)! ?? { blocks: [] })
        .filter(({ address }) => /^A\d+$/.test(address) && Number(address.slice(1)) > 3)
        .map(({ cell }) => cell.text ?? String(cell.number));
    expect(codes(again)).toEqual(codes(layout));
    // Tasks, and recurring tasks as a heading over their occurrences (Mã "V.1/2019-Q1").
    expect(codes(layout)).toEqual(trackedRows(plan, { horizon: 2024 }).map((r) => r.code));
  });

  it('defines every name its formulas use, and a marker per sheet', () => {
    const defined = new Set(layout.names.map((n) => n.name));
    for (const sheet of layout.sheets) expect(defined.has(sheet.marker)).toBe(true);
    expect(new Set(layout.sheets.map((s) => s.marker)).size).toBe(layout.sheets.length);
    for (const n of layout.names) expect(n.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
    const used = new Set<string>();
    for (const sheet of layout.sheets)
      for (const { cell } of cells(sheet))
        for (const m of cell.formula?.matchAll(
          /\b(NgayBaoCao|SoNgaySapDenHan|DsTrangThai|NamTheoDoi|TT_\w+|TrangThai_\w+)\b/g,
        ) ?? [])
          used.add(m[1]!);
    expect(used.has('TT_QuaHan')).toBe(plan.tasks.length > 0);
    for (const n of used) expect(defined.has(n)).toBe(true);
  });

  it('writes every task text as text and never starts a formula with "="', () => {
    for (const sheet of layout.sheets)
      for (const { cell } of cells(sheet)) {
        const set = ['text', 'number', 'date', 'bool', 'formula'].filter(
          (k) => cell[k as keyof Cell] !== undefined,
        );
        expect(set.length).toBeLessThanOrEqual(1);
        if (cell.formula) expect(cell.formula.startsWith('=')).toBe(false);
        if (cell.style) expect(layout.styles[cell.style]).toBeDefined();
      }
  });

  it('refers only to sheets of the workbook', () => {
    const names = new Set(layout.sheets.map((s) => s.name));
    for (const sheet of layout.sheets)
      for (const { cell } of cells(sheet)) {
        for (const m of cell.formula?.matchAll(/'((?:[^']|'')+)'!/g) ?? [])
          expect(names.has(m[1]!.replace(/''/g, "'"))).toBe(true);
        if (cell.link) expect(names.has(cell.link.sheet)).toBe(true);
      }
  });
});

describe('the master list', () => {
  const layout = layoutOf('000');
  const tasks = layout.sheets.find((s) => s.kind === 'tasks')!;
  const at = (a: string) => cells(tasks).find((c) => c.address === a)?.cell;

  it('is a table with a frozen header, entry columns, a key column and calculated columns', () => {
    // 23 tasks, three of them quarterly: a heading and four occurrences each.
    expect(tasks.table).toMatchObject({
      range: 'A3:AB35',
      keyColumn: 'Mã',
      entryColumns: [
        'Trạng thái',
        'Tiến độ (%)',
        'Ngày hoàn thành',
        'Gia hạn đến',
        'Căn cứ gia hạn',
        'Ghi chú',
        'Đề nghị gia hạn đến',
        'Lý do đề nghị',
      ],
    });
    expect(Object.keys(tasks.table!.calculated!)).toEqual([
      'Tình trạng',
      'Còn lại (ngày)',
      'Hạn tính',
      'Tình trạng việc',
      'Là việc',
      'Đã đến hạn',
      'Thứ tự quá hạn',
    ]);
    // The header row and Mã through Nhiệm vụ stay in view.
    const header = tasks.blocks[1]!.rows[0]!.map((c) => c?.text);
    expect(tasks.freeze).toEqual({ rows: 3, columns: header.indexOf('Nhiệm vụ') + 1 });
    expect(header.slice(0, tasks.freeze!.columns)).toEqual(['Mã', 'Mục', 'STT', 'Nhiệm vụ']);
    for (let c = 21; c <= 27; c++) expect(tasks.columns[c]).toMatchObject({ hidden: true });
    expect(tasks.columns[20]!.hidden).toBeUndefined();
  });

  it('holds real dates, labels and live formulas, with their values on the report date', () => {
    // I.1: Tháng 02/2019 in both columns.
    expect(at('A4')).toMatchObject({ text: 'I.1' });
    expect(at('H4')).toMatchObject({ date: '2019-02-01' });
    expect(at('I4')).toMatchObject({ date: '2019-02-28' });
    expect(at('L4')).toMatchObject({ text: 'Chưa thực hiện' });
    // The deadline that counts (Gia hạn đến, else Hạn), then the item's status from it.
    expect(at('V4')?.formula).toBe('IF($X4=0,"",IF($O4<>"",$O4,IF($I4<>"",$I4,"")))');
    expect(at('W4')?.formula).toContain('NgayBaoCao>$V4');
    expect(at('Q4')).toMatchObject({ formula: expect.stringContaining('$W4'), value: 'Quá hạn' });
    // V.1 recurs quarterly: a heading, then one row per quarter with its own deadline.
    const v1 = cells(tasks).find((c) => c.cell.text === 'V.1')!;
    const row = Number(v1.address.slice(1));
    expect(at(`I${row}`)?.date).toBeUndefined();
    expect(at(`J${row}`)?.text).toBe('Định kỳ (quý)');
    expect(at(`AA${row}`)).toMatchObject({ number: 4 });
    expect(at(`A${row + 1}`)?.text).toBe('V.1/2019-Q1');
    expect(at(`D${row + 1}`)?.text).toMatch(/^Quý I\/2019 – /);
    expect(at(`I${row + 1}`)).toMatchObject({ date: '2019-03-31' });
    expect(at(`I${row + 2}`)).toMatchObject({ date: '2019-06-30' });
    expect(at(`J${row + 1}`)?.text).toBe('Kỳ (quý)');
    // On 30/06/2019: Q1 overdue, Q2 due today; the heading shows the worst.
    expect(at(`Q${row + 1}`)?.value).toBe('Quá hạn');
    expect(at(`Q${row + 2}`)?.value).toBe('Sắp đến hạn');
    expect(at(`Q${row}`)?.value).toBe('Quá hạn');
    expect(at(`X${row}`)?.value).toBe(0);
  });

  it('colours whole rows by status (labels read from Cài đặt) and offers the state drop-down', () => {
    const rows = tasks.conditionalFormats.find((cf) => cf.range === 'A4:U35')!;
    expect(rows.rules[0]!.formula).toBe('$Q4=TT_HoanThanhDungHan');
    // An extension strikes the original Hạn through.
    expect(tasks.conditionalFormats.find((cf) => cf.range === 'I4:I35')!.rules[0]).toMatchObject({
      formula: '$O4<>""',
      style: { strike: true },
    });
    expect(tasks.dataValidations[0]).toMatchObject({
      range: 'L4:L35',
      type: 'list',
      source: '=DsTrangThai',
    });
  });

  it('accepts a progress from 0 to 100 and dates from 01/01/2000 to 31/12/2099', () => {
    const rules = tasks.dataValidations.map((v) => [
      v.range,
      v.type,
      v.min,
      v.max,
      v.prompt?.title,
      v.prompt?.message,
      v.error?.message,
    ]);
    const datePrompt = 'Ngày dạng dd/mm/yyyy.';
    expect(rules.slice(1)).toEqual([
      ['M4:M35', 'decimal', 0, 100, 'Tiến độ (%)', 'Số từ 0 đến 100.', 'Số từ 0 đến 100.'],
      ['N4:N35', 'date', 36526, 73050, 'Ngày hoàn thành', datePrompt, datePrompt],
      [
        'O4:O35',
        'date',
        36526,
        73050,
        'Gia hạn đến',
        'Ngày gia hạn, sau Hạn (dd/mm/yyyy).',
        datePrompt,
      ],
    ]);
  });

  it('carries what people entered', () => {
    const withEntries = layoutOf('000', {
      entered: {
        'I.1': {
          state: 'Hoàn thành',
          completed: '2019-02-20',
          progress: 100,
          note: '- đã gửi',
          extendedTo: '2019-03-15',
          extensionBasis: 'Công văn 12/UBND',
        },
      },
    });
    const sheet = withEntries.sheets.find((s) => s.kind === 'tasks')!;
    const get = (a: string) => cells(sheet).find((c) => c.address === a)?.cell;
    expect(get('L4')).toMatchObject({ text: 'Hoàn thành' });
    expect(get('M4')).toMatchObject({ number: 100 });
    expect(get('N4')).toMatchObject({ date: '2019-02-20' });
    expect(get('O4')).toMatchObject({ date: '2019-03-15' });
    expect(get('P4')).toMatchObject({ text: 'Công văn 12/UBND' });
    expect(get('S4')).toMatchObject({ text: '- đã gửi' });
    expect(get('Q4')?.value).toBe('Hoàn thành đúng hạn');
  });

  it('starts "Đã hoàn thành" tasks as done', () => {
    const plan = parsePlanText(
      ['STT\tNhiệm vụ\tChủ trì\tThời gian', '1\tViệc\tSở Nội vụ\tĐã hoàn thành'].join('\n'),
    );
    const sheet = layoutWorkbook(plan).sheets.find((s) => s.kind === 'tasks')!;
    expect(cells(sheet).find((c) => c.address === 'L4')?.cell.text).toBe('Hoàn thành');
  });
});

describe('sheets', () => {
  it('orders them for leaders first and gives each lead unit (not groups) a sheet', () => {
    const layout = layoutOf('001');
    expect(layout.activeSheet).toBe('Tổng hợp');
    expect(layout.sheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Nhiệm vụ',
      'Văn phòng HĐND - UBND huyện',
      'VP HĐND-UBND huyện (BP một cửa)',
      'Thanh tra huyện',
      'BP một cửa',
      'Phòng Nội vụ',
      'UBND huyện (BP một cửa)',
      'Văn phòng HĐND',
      'Kiểm tra',
      'Đơn vị',
      'Phân công',
      'Cài đặt',
    ]);
    const groups = layoutOf('001', { groupSheets: true })
      .sheets.filter((s) => s.kind === 'unit')
      .map((s) => s.name);
    expect(groups).toContain('Các phòng chuyên môn');
  });

  it('says plainly when there is no task table, and lists what it found', () => {
    const layout = layoutOf('003');
    const dashboard = layout.sheets[0]!;
    const texts = cells(dashboard).map((c) => c.cell.text);
    expect(texts).toContain(
      'Văn bản không có bảng phân công nhiệm vụ, nên chưa có nhiệm vụ để theo dõi.',
    );
    expect(texts.filter((t) => t?.startsWith('Phụ lục'))).toHaveLength(3);
    expect(layout.sheets.find((s) => s.kind === 'tasks')!.table).toBeUndefined();
  });

  it('speaks English when asked, with the same structure', () => {
    const en = layoutOf('000', { language: 'en' });
    const vi = layoutOf('000');
    expect(en.sheets.map((s) => s.kind)).toEqual(vi.sheets.map((s) => s.kind));
    expect(en.sheets[0]!.name).toBe('Dashboard');
    const tasks = en.sheets.find((s) => s.kind === 'tasks')!;
    expect(tasks.conditionalFormats.find((cf) => cf.range === 'A4:U35')!.rules[3]!.formula).toBe(
      '$Q4=TT_QuaHan',
    );
    // The names point at the legend, which holds the labels in the workbook's language.
    const settings = en.sheets.find((s) => s.kind === 'settings')!;
    const ref = en.names.find((n) => n.name === 'TT_QuaHan')!.ref;
    const address = /\$([A-Z]+)\$(\d+)$/.exec(ref)!;
    expect(cells(settings).find((c) => c.address === `${address[1]}${address[2]}`)?.cell.text).toBe(
      'Overdue',
    );
  });

  it('has the report date =TODAY() unless a date is given', () => {
    const settings = (l: WorkbookLayout) =>
      cells(l.sheets.find((s) => s.kind === 'settings')!).find((c) => c.address === 'B3')!.cell;
    expect(settings(layoutWorkbook(parsePlanText(seedText(seedNamed('000')))))).toMatchObject({
      formula: 'TODAY()',
    });
    expect(settings(layoutOf('000'))).toMatchObject({ date: '2019-06-30' });
  });
});

describe("print: an occurrence's Mã is never cut", () => {
  it('gives the Mã columns room for the longest Mã on one line, and the overdue list merged spans', () => {
    const layout = layoutOf('000', { reportDate: '2019-10-01' });
    const longest = Math.max(
      ...trackedRows(parsePlanText(seedText(seedNamed('000'))), { horizon: 2019 }).map(
        (r) => r.code.length,
      ),
    );
    expect(longest).toBe('V.1/2019-Q1'.length);
    for (const sheet of layout.sheets.filter((s) =>
      ['tasks', 'unit', 'assignments'].includes(s.kind),
    ))
      expect({ sheet: sheet.name, width: sheet.columns[0]!.width }).toEqual({
        sheet: sheet.name,
        width: longest + 2,
      });
    // The overdue list: its Hạn column holds a date, its Mã column the longest Mã (wrapped at
    // "/" when needed: the row is as tall as it takes, layout/fit).
    const dash = layout.sheets.find((s) => s.kind === 'dashboard')!;
    const header = cells(dash).find((c) => c.cell.text === 'Số ngày quá hạn')!;
    const row = header.address.replace(/^[A-Z]+/, '');
    const font = { name: 'Times New Roman', size: 11 } as const;
    for (const [label, widest] of [
      ['Hạn', '28/02/2019'],
      ['Mã', 'V.1/'],
    ] as const) {
      const at = cells(dash).find((c) => c.cell.text === label && c.address.endsWith(row))!;
      const column = parseCellRef(at.address)!.col - 1;
      expect(textRoom([dash.columns[column]!.width])).toBeGreaterThan(textWidth(widest, font));
    }
  });
});

describe('sheet names for units', () => {
  it('keep short names, abbreviate long ones, and drop characters Excel refuses', () => {
    expect(unitSheetName('Sở Nội vụ')).toBe('Sở Nội vụ');
    expect(unitSheetName('Phòng Lao động, Thương binh và Xã hội huyện')).toBe(
      'Phòng LĐ-TB&XH huyện',
    );
    expect(unitSheetName('Văn phòng HĐND và UBND thị xã Từ Sơn tỉnh Bắc Ninh')).toBe(
      'VP HĐND&UBND thị xã Từ Sơn tỉnh',
    );
    expect(validSheetName('Phòng TC/KH [cũ]: tổng hợp?')).toBe('Phòng TC-KH cũ - tổng hợp');
    expect(validSheetName("'Sở'")).toBe('Sở');
    for (const n of [
      'Bộ phận tiếp nhận và trả kết quả xã, phường, thị trấn thuộc huyện',
      'x'.repeat(40),
    ]) {
      expect([...unitSheetName(n)].length).toBeLessThanOrEqual(31);
    }
  });

  it('are unique ignoring case and never take a fixed sheet name', () => {
    expect(
      uniqueSheetNames(['Nhiệm vụ', 'Sở Nội vụ', 'SỞ NỘI VỤ'], ['Nhiệm vụ', 'Tổng hợp']),
    ).toEqual(['Nhiệm vụ (2)', 'Sở Nội vụ', 'SỞ NỘI VỤ (2)']);
  });
});
