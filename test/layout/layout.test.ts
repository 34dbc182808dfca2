// The workbook design on the real seeds: sheets, names, markers, formulas and rules that both
// renderers will write.
import { parsePlanText } from '../../src/core/plan/parse';
import { layoutWorkbook } from '../../src/layout';
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
        .map(({ cell }) => cell.text);
    expect(codes(again)).toEqual(codes(layout));
    expect(codes(layout)).toEqual(plan.tasks.map((t) => t.id));
  });

  it('defines every name its formulas use, and a marker per sheet', () => {
    const defined = new Set(layout.names.map((n) => n.name));
    for (const sheet of layout.sheets) expect(defined.has(sheet.marker)).toBe(true);
    expect(new Set(layout.sheets.map((s) => s.marker)).size).toBe(layout.sheets.length);
    for (const n of layout.names) expect(n.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
    const used = new Set<string>();
    for (const sheet of layout.sheets)
      for (const { cell } of cells(sheet))
        for (const m of cell.formula?.matchAll(/\b(NgayBaoCao|SoNgaySapDenHan|DsTrangThai)\b/g) ??
          [])
          used.add(m[1]!);
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

  it('is a table with a frozen header, entry columns and a key column', () => {
    expect(tasks.table).toMatchObject({
      range: 'A3:R23',
      keyColumn: 'Mã',
      entryColumns: ['Trạng thái', 'Tiến độ (%)', 'Ngày hoàn thành', 'Ghi chú'],
    });
    expect(tasks.freeze).toEqual({ rows: 3, columns: 0 });
    expect(tasks.columns[17]).toMatchObject({ hidden: true });
  });

  it('holds real dates, labels and live formulas', () => {
    // I.1: Tháng 02/2019 in both columns.
    expect(at('A4')).toMatchObject({ text: 'I.1' });
    expect(at('H4')).toMatchObject({ date: '2019-02-01' });
    expect(at('I4')).toMatchObject({ date: '2019-02-28' });
    expect(at('L4')).toMatchObject({ text: 'Chưa thực hiện' });
    expect(at('O4')?.formula).toContain('NgayBaoCao>$I4');
    // V.1 recurs quarterly: its deadline moves to the end of the current quarter.
    const v1 = cells(tasks).find((c) => c.cell.text === 'V.1')!;
    const row = v1.address.slice(1);
    expect(at(`I${row}`)?.formula).toBe(
      'IF(NgayBaoCao<=DATE(2019,3,31),DATE(2019,3,31),EOMONTH(NgayBaoCao,2-MOD(MONTH(NgayBaoCao)-1,3)))',
    );
    expect(at(`J${row}`)?.text).toBe('Định kỳ (quý)');
  });

  it('colours whole rows by status and offers the state drop-down', () => {
    expect(tasks.conditionalFormats[0]!.range).toBe('A4:Q23');
    expect(tasks.conditionalFormats[0]!.rules[0]!.formula).toBe('$O4="Hoàn thành đúng hạn"');
    expect(tasks.dataValidations[0]).toMatchObject({
      range: 'L4:L23',
      type: 'list',
      source: '=DsTrangThai',
    });
  });

  it('carries what people entered', () => {
    const withEntries = layoutOf('000', {
      entered: {
        'I.1': { state: 'Hoàn thành', completed: '2019-02-20', progress: 100, note: '- đã gửi' },
      },
    });
    const sheet = withEntries.sheets.find((s) => s.kind === 'tasks')!;
    const get = (a: string) => cells(sheet).find((c) => c.address === a)?.cell;
    expect(get('L4')).toMatchObject({ text: 'Hoàn thành' });
    expect(get('M4')).toMatchObject({ number: 100 });
    expect(get('N4')).toMatchObject({ date: '2019-02-20' });
    expect(get('Q4')).toMatchObject({ text: '- đã gửi' });
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
    expect(
      en.sheets.find((s) => s.kind === 'tasks')!.conditionalFormats[0]!.rules[2]!.formula,
    ).toBe('$O4="Overdue"');
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
