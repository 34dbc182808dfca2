// The pane's actions inside Excel, on the Excel double (test/excel-double): the same store the
// UI drives, with the Office.js builder (src/office/rebuild.ts) behind the Excel port.

import { ExcelDouble } from '../excel-double';
import { columnLetter as columnLetters } from '../../src/excel/a1';
import { excelPort } from '../../src/taskpane/excel/port';
import { PaneStore } from '../../src/taskpane/model/store';
import { parsePlanText } from '../../src/core/plan/parse';
import { seedNamed, seedText } from '../helpers/seeds';
import { modules } from './fixtures';
import { readFileSync } from 'fs';
import { REVISION_PATH } from '../helpers/revision-scenario';

function inExcel(excel: ExcelDouble) {
  const downloads: string[] = [];
  const store = new PaneStore({
    modules,
    browser: { download: (_bytes, name) => downloads.push(name) },
    storage: null,
    sample: async () => seedText(seedNamed('000')),
    yieldToUi: async () => undefined,
  });
  store.setHost({ kind: 'office', host: 'Excel', platform: 'PC', isExcel: true });
  store.attachExcel(excelPort(excel));
  return { store, downloads };
}

/** The master list's "Trạng thái" cell of the first task (header on row 3, state column L). */
const FIRST_STATE = 'Nhiệm vụ!L4';

describe('building inside Excel (the Build step, on the double)', () => {
  it('writes the workbook into the open workbook and lists what it wrote', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Sheet1');
    const { store, downloads } = inExcel(excel);
    await store.loadSample();
    expect(store.getState().excel).toBe(true);
    const progress: number[] = [];
    store.subscribe(() => {
      const p = store.getState().busy?.progress;
      if (p !== undefined && p !== progress[progress.length - 1]) progress.push(p);
    });
    await store.build();
    const s = store.getState();
    expect(s.error).toBeNull();
    expect(downloads).toEqual([]);
    expect(s.build).toMatchObject({ target: 'excel', tasks: 20, units: 12, findings: 4 });
    const names = excel.sheetNames();
    expect(names).toEqual(expect.arrayContaining(['Sheet1', 'Tổng hợp', 'Nhiệm vụ', 'Kiểm tra']));
    expect(s.build!.sheets.map((x) => x.name)).toEqual(names.filter((n) => n !== 'Sheet1'));
    expect(s.build!.sheets[0]).toEqual({ name: 'Tổng hợp', kind: 'dashboard' });
    expect(s.build!.sheets.filter((x) => x.kind === 'unit').length).toBeGreaterThan(0);
    // The progress bar moves forward only, and ends full.
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(1);
  });

  it('a rebuild keeps what people typed, and says so', async () => {
    // (The builder counts the tasks whose entries it carried over: one typed here.)
    const excel = new ExcelDouble();
    excel.addSheet('Sheet1');
    const { store } = inExcel(excel);
    await store.loadSample();
    await store.build();
    expect(store.getState().error).toBeNull();
    expect(excel.value('Nhiệm vụ!A4')).toBe('I.1');
    excel.setCells('Nhiệm vụ', 'L4', [['Hoàn thành']]);
    await store.build();
    expect(store.getState().error).toBeNull();
    expect(store.getState().build?.keptEntries).toBe(1);
    expect(excel.value(FIRST_STATE)).toBe('Hoàn thành');
  });

  it('another plan over the workbook: the pane asks first, and writes only on “yes”', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Sheet1');
    const { store } = inExcel(excel);
    await store.loadSample();
    await store.build();
    excel.setCells('Nhiệm vụ', 'L4', [['Hoàn thành']]);
    const before = excel.snapshot();
    // A table pasted from elsewhere: no number, no title, other tasks.
    await store.loadPaste(
      [
        'STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian',
        '1\tTổ chức hội nghị tổng kết công tác dân vận\tBan Dân vận\tQuý IV/2019',
        '2\tKiểm tra an toàn thực phẩm dịp Tết\tPhòng Y tế\tTháng 01/2020',
      ].join('\n'),
    );
    await store.build();
    let s = store.getState();
    expect(s.question).toMatchObject({
      kind: 'plan',
      before: { number: '15/KH-UBND', tasks: 20 },
      after: { number: null, title: null, tasks: 2 },
    });
    expect(s.build).toBeNull();
    expect(s.busy).toBeNull();
    expect(excel.snapshot()).toEqual(before);
    // "No": nothing happens.
    await store.answerPlan(false);
    expect(store.getState().question).toBeNull();
    expect(excel.snapshot()).toEqual(before);
    // Asked again, "yes": the new plan is written, the old entry kept apart.
    await store.build();
    await store.answerPlan(true);
    s = store.getState();
    expect(s.error).toBeNull();
    expect(s.question).toBeNull();
    expect(s.build?.rebuild?.removed).toContainEqual(
      expect.objectContaining({ code: 'I.1', kept: true }),
    );
    expect(excel.value('Nhiệm vụ!D5')).toBe('Kiểm tra an toàn thực phẩm dịp Tết');
  });

  it('pairs PhuLuc is unsure of: the person ticks the same tasks, the rest stay apart', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Sheet1');
    const { store } = inExcel(excel);
    await store.loadSample();
    await store.build();
    let row = 4;
    while (excel.value(`Nhiệm vụ!A${row}`) !== 'II.1') row++;
    excel.setCells('Nhiệm vụ', `M${row}`, [[70]]);
    // The same plan with II.1's title rewritten.
    const text = seedText(seedNamed('000'));
    const title = parsePlanText(text).tasks.find((t) => t.id === 'II.1')!.title;
    const rewritten = `${title.split(' ').slice(0, 5).join(' ')} theo hướng dẫn mới của tỉnh`;
    await store.loadPaste(text.replace(title, rewritten));
    await store.build();
    const question = store.getState().question;
    expect(question).toMatchObject({ kind: 'pairs', pairs: [{ key: 'II.1', to: 'II.1' }] });
    await store.answerPairs(['II.1']);
    const s = store.getState();
    expect(s.error).toBeNull();
    expect(s.build?.rebuild?.apart).toEqual([]);
    expect(excel.value(`Nhiệm vụ!M${row}`)).toBe(70);
    expect(excel.value(`Nhiệm vụ!D${row}`)).toBe(rewritten);
  });

  it('a revision: the summary says what was renumbered, edited, added and removed', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Sheet1');
    const { store } = inExcel(excel);
    await store.loadSample();
    await store.build();
    excel.setCells('Nhiệm vụ', 'L4', [['Hoàn thành']]);
    await store.loadPaste(readFileSync(REVISION_PATH, 'utf8'));
    await store.build();
    const r = store.getState().build!.rebuild!;
    expect(r.renumbered).toHaveLength(8);
    expect(r.edited.map((e) => e.to)).toEqual(['I.2']);
    expect(r.added).toEqual(['V.10']);
    expect(r.removed.map((x) => x.code)).toEqual(['V.4']);
    expect(r.kept).toBe(10);
    // I.1, done, is I.3 in the revision.
    expect(excel.value('Nhiệm vụ!A6')).toBe('I.3');
    expect(excel.value('Nhiệm vụ!L6')).toBe('Hoàn thành');
  });

  it('a sheet that is not PhuLuc’s keeps its name; the summary says where the new one went', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Tổng hợp', 'A1', [['số liệu của phòng']]);
    const { store } = inExcel(excel);
    await store.loadSample();
    await store.build();
    const s = store.getState();
    expect(excel.value('Tổng hợp!A1')).toBe('số liệu của phòng');
    const dashboard = s.build!.sheets.find((x) => x.kind === 'dashboard')!;
    expect(dashboard.name).not.toBe('Tổng hợp');
    expect(
      s.build!.notes!.some((n) => n.vi.includes('Tổng hợp') && n.vi.includes(dashboard.name)),
    ).toBe(true);
  });

  it('on Office 2019 (ExcelApi 1.7) the summary names what this Excel could not write', async () => {
    const excel = new ExcelDouble({ api: '1.7' });
    excel.addSheet('Sheet1');
    const { store } = inExcel(excel);
    await store.loadSample();
    await store.build();
    const s = store.getState();
    expect(s.error).toBeNull();
    expect(s.build!.notes!.map((n) => n.en).join(' ')).toMatch(/Drop-downs/);
  });

  it('a failure part-way leaves the workbook as it was and explains in plain words', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Sheet1', 'A1', [['giữ nguyên']]);
    const { store } = inExcel(excel);
    await store.loadSample();
    const before = excel.snapshot();
    excel.failNextSync(2, { persistent: false });
    await store.build();
    const s = store.getState();
    expect(s.build).toBeNull();
    expect(s.busy).toBeNull();
    expect(s.error?.code).toBe('excel-write-failed');
    expect(s.error?.message?.vi).toBeTruthy();
    expect(excel.snapshot()).toEqual(before);
    // And a retry works.
    excel.heal();
    await store.build();
    expect(store.getState().error).toBeNull();
    expect(excel.sheetNames()).toContain('Nhiệm vụ');
  });

  it('can still download the .xlsx inside Excel', async () => {
    const excel = new ExcelDouble();
    const { store, downloads } = inExcel(excel);
    await store.loadSample();
    await store.build('download');
    expect(downloads).toEqual(['Sổ theo dõi 15-KH-UBND.xlsx']);
    expect(excel.sheetNames()).not.toContain('Nhiệm vụ');
  });

  it('addresses columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'ZZ',
      'AAA',
    ]);
  });
});

/** A seed as a person's sheet: each line a row, tab-separated cells across columns. */
function seedSheet(excel: ExcelDouble, name: string, seed: string, origin = 'A1'): number {
  const rows = seedText(seedNamed(seed))
    .split('\n')
    .map((line) =>
      line.split('\t').map((c) => (c.trim() === '' ? null : c.replace(/<\/?b>/g, ''))),
    );
  excel.addSheet(name, origin, rows);
  return rows.length;
}

describe('reading from the sheet (the Source step, on the double)', () => {
  it('one cell selected: the whole sheet is read into the preview', async () => {
    const excel = new ExcelDouble();
    seedSheet(excel, 'Kế hoạch', '000');
    excel.select('Kế hoạch', 'B3');
    const { store } = inExcel(excel);
    await store.loadExcel();
    const s = store.getState();
    expect(s.error).toBeNull();
    expect(s.step).toBe('preview');
    expect(s.plan?.tasks).toHaveLength(20);
    expect(s.plan?.sections).toHaveLength(6);
    expect(s.source).toMatchObject({
      kind: 'selection',
      origin: { sheet: 'Kế hoạch', firstColumn: 0 },
    });
    expect(s.source?.label).toMatch(/^'?Kế hoạch'?!A\d+:G\d+$/);
  });

  it('a selected table, away from column A, keeps its place on the sheet', async () => {
    const excel = new ExcelDouble();
    const lines = seedSheet(excel, 'Phụ lục', '001', 'C5');
    excel.select('Phụ lục', `C5:H${lines + 4}`);
    const { store } = inExcel(excel);
    await store.loadExcel();
    const s = store.getState();
    expect(s.error).toBeNull();
    expect(s.plan?.tasks).toHaveLength(28);
    expect(s.source?.origin).toMatchObject({ sheet: 'Phụ lục', firstColumn: 2 });
    // Rows are sheet rows: the first task sits 4 rows lower than in the text.
    const fromText = parsePlanText(seedText(seedNamed('001')));
    expect(s.plan!.tasks[0]!.rows[0]).toBe(fromText.tasks[0]!.rows[0]! + 4);
  });

  it('an empty sheet gets advice on what to select', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Trống');
    excel.select('Trống', 'A1');
    const { store } = inExcel(excel);
    await store.loadExcel();
    const s = store.getState();
    expect(s.error?.code).toBe('selection-empty');
    expect(s.error?.message?.vi).toMatch(/chọn cả bảng phụ lục/);
    expect(s.source).toBeNull();
  });

  it('a one-column selection is refused with a reason', async () => {
    const excel = new ExcelDouble();
    seedSheet(excel, 'Kế hoạch', '000');
    excel.select('Kế hoạch', 'A1:A40');
    const { store } = inExcel(excel);
    await store.loadExcel();
    expect(store.getState().error?.code).toBe('selection-refused');
    expect(store.getState().error?.message?.en).toMatch(/single column/);
  });

  it('clicking a finding goes to its cell on the source sheet', async () => {
    const excel = new ExcelDouble();
    const lines = seedSheet(excel, 'Phụ lục', '001', 'C5');
    excel.select('Phụ lục', `C5:H${lines + 4}`);
    excel.addSheet('Khác');
    const { store } = inExcel(excel);
    await store.loadExcel();
    const plan = store.getState().plan!;
    const missing = plan.findings.find((f) => f.code === 'lead-missing')!;
    excel.select('Khác', 'A1');
    await store.showFinding(missing);
    const s = store.getState();
    // Lead is the 4th column of the table (D from C): column F; the row is the sheet row.
    expect(s.notice).toEqual({ kind: 'selected', address: `Phụ lục!F${missing.rows[0]}` });
    expect(s.highlight).toBeNull();
    expect(excel.state.activeSheet?.name).toBe('Phụ lục');
  });

  it('the finding’s cell becomes the selection', async () => {
    const excel = new ExcelDouble();
    const lines = seedSheet(excel, 'Phụ lục', '001', 'C5');
    excel.select('Phụ lục', `C5:H${lines + 4}`);
    excel.addSheet('Khác');
    const { store } = inExcel(excel);
    await store.loadExcel();
    const missing = store.getState().plan!.findings.find((f) => f.code === 'lead-missing')!;
    excel.select('Khác', 'A1');
    await store.showFinding(missing);
    const selection = excel.state.selection!;
    expect(selection.sheet.name).toBe('Phụ lục');
    const row = missing.rows[0]! - 1;
    expect(selection.areas).toEqual([{ r0: row, c0: 5, r1: row, c1: 5 }]);
  });
});
