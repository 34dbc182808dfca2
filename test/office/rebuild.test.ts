// Building and rebuilding the workbook inside (the double of) Excel: what it writes, what it
// carries over, what it never touches, and that a failure at any step leaves the workbook as
// it was.

import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import { layoutWorkbook } from '../../src/layout';
import { buildWorkbook, BuildError, type BuildReport } from '../../src/office/rebuild';
import { revisedPlan } from '../helpers/revision-scenario';
import { seedNamed, seedText } from '../helpers/seeds';
import { ExcelDouble } from '../excel-double';
import { master, newWorkbook, normalized, sheetOfMarker, type } from './workbook';
import { trackedRows } from '../../src/core/status/items';

const OPTIONS = { reportDate: '2019-06-01', language: 'vi' as const };
const seedPlan = (prefix: string): Plan => parsePlanText(seedText(seedNamed(prefix)));
const PLAN = seedPlan('000');
/** Seed 000 revised: tasks renumbered, one removed, one added, one title edited. */
const REVISED = revisedPlan();

const build = (excel: ExcelDouble, plan: Plan = PLAN, extra: object = {}): Promise<BuildReport> =>
  buildWorkbook(excel, { plan, options: OPTIONS, ...extra });

describe('a first build', () => {
  let excel: ExcelDouble;
  let report: BuildReport;
  beforeAll(async () => {
    excel = newWorkbook();
    report = await build(excel);
  });

  test('writes every sheet of the layout, after the sheets that were there', () => {
    const layout = layoutWorkbook(PLAN, OPTIONS);
    expect(excel.sheetNames()).toEqual(['Sheet1', ...layout.sheets.map((s) => s.name)]);
    expect(report.sheets.map((s) => s.name)).toEqual(layout.sheets.map((s) => s.name));
    expect(report.renamed).toEqual([]);
    expect(excel.state.activeSheet?.name).toBe(layout.activeSheet);
  });

  test('marks each sheet with its marker name, and defines the layout names', () => {
    const layout = layoutWorkbook(PLAN, OPTIONS);
    for (const sheet of layout.sheets)
      expect(sheetOfMarker(excel, sheet.marker).name).toBe(sheet.name);
    expect(excel.state.names.find((n) => n.name === 'NgayBaoCao')?.formula).toBe("='Cài đặt'!$B$3");
  });

  test('writes text as text: nothing Excel would read as a formula, number or date', () => {
    expect(excel.state.conversions).toEqual([]);
    const m = master(excel);
    // Seed 000 has times like "Tháng 02/2019" and titles with digits: stored as typed.
    const time = excel.state.cell(m.sheet, m.rows.get('I.1')!, m.columns.get('Thời gian')!)!;
    expect(time.value).toBe('Tháng 02/2019 – Tháng 02/2019');
    expect(time.formula).toBeNull();
  });

  test('writes dates as serial numbers with a date format, and formulas as formulas', () => {
    const m = master(excel);
    const due = excel.state.cell(m.sheet, m.rows.get('I.1')!, m.columns.get('Hạn')!)!;
    expect(due.value).toBe(43524); // 28/02/2019
    expect(due.numberFormat).toBe('dd/mm/yyyy');
    const status = excel.state.cell(m.sheet, m.rows.get('I.1')!, m.columns.get('Tình trạng')!)!;
    expect(status.formula).toMatch(/^=IF\(\$X4=1,\$W4,/);
  });

  test('leaves nothing temporary behind, events back on, one undo step', () => {
    expect(excel.sheetNames().some((n) => n.startsWith('PhuLuc~'))).toBe(false);
    expect(excel.state.tables.map((t) => t.name).sort()).toEqual([
      'PhuLuc_NhiemVu_Bang',
      'PhuLuc_PhanCong_Bang',
    ]);
    expect(excel.state.enableEvents).toBe(true);
    expect(excel.stats.undoSteps).toBe(1);
    expect(report.oneUndoStep).toBe(true);
    expect(report.omitted).toEqual([]);
  });

  test('sets up printing: A4 landscape at 9 pt, header row and Mã to Nhiệm vụ repeated, page header and footer', () => {
    const page = master(excel).sheet.page;
    expect(page).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { scale: 82 },
      printTitleRows: '$3:$3',
      printTitleColumns: '$A:$D',
      printOrder: 'OverThenDown',
    });
    expect(page.headers['leftHeader']).toMatch(/^Kế hoạch/);
    expect(page.headers['leftFooter']).toBe('&A');
    expect(page.headers['centerFooter']).toMatch(/^Tính đến ngày /);
    expect(page.headers['rightFooter']).toBe('Trang &P/&N');
  });

  test('links unit names to their sheets, keeping the text', () => {
    const units = sheetOfMarker(excel, 'PhuLuc_DonVi');
    const links = [...units.cells.values()].filter((c) => c.hyperlink);
    expect(links.length).toBeGreaterThan(0);
    for (const cell of links) {
      expect(cell.hyperlink!.documentReference).toBe(`'${String(cell.value)}'!A1`);
      expect(excel.sheetNames()).toContain(cell.value);
    }
  });

  test('stores its options for the ribbon commands', () => {
    expect(excel.state.settings.get('PhuLuc')).toMatchObject({
      schema: 'phuluc.settings/1',
      options: OPTIONS,
      document: PLAN.document,
    });
  });
});

describe('writing', () => {
  test('events are off while the sheets are written', async () => {
    const excel = newWorkbook();
    const seen = new Set<boolean>();
    excel.failWhen = (label) => {
      if (label === 'Range.values' || label === 'Range.formulasR1C1')
        seen.add(excel.state.enableEvents);
      return false;
    };
    await build(excel);
    expect([...seen]).toEqual([false]);
    expect(excel.state.enableEvents).toBe(true);
    expect(excel.stats.calculationSuspensions).toBeGreaterThan(0);
  });

  test('text that looks like a formula, a number or a date stays text', async () => {
    const text = [
      'STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian\tSản phẩm',
      '1\t- Rà soát thủ tục\tPhòng Nội vụ\t15/3/2024\t=SUM(A1)',
      '2\t+ Báo cáo\tPhòng Tư pháp\t3/4/2024\t0123',
      '3\t@Kiểm tra\tPhòng Nội vụ\tTRUE\t50%',
    ].join('\n');
    const plan = parsePlanText(text);
    const excel = newWorkbook();
    await build(excel, plan);
    expect(excel.state.conversions).toEqual([]);
    const m = master(excel);
    const at = (code: string, header: string): unknown =>
      excel.state.cell(m.sheet, m.rows.get(code)!, m.columns.get(header)!)?.value;
    expect(at('1', 'Nhiệm vụ')).toBe('- Rà soát thủ tục');
    expect(at('1', 'Sản phẩm')).toBe('=SUM(A1)');
    expect(at('2', 'Nhiệm vụ')).toBe('+ Báo cáo');
    expect(at('2', 'Sản phẩm')).toBe('0123');
    expect(at('3', 'Nhiệm vụ')).toBe('@Kiểm tra');
    expect(at('3', 'Sản phẩm')).toBe('50%');
  });

  test('formulas written as R1C1 runs equal the layout’s A1 formulas, cell by cell', async () => {
    const excel = newWorkbook();
    await build(excel);
    const layout = layoutWorkbook(PLAN, OPTIONS);
    let checked = 0;
    for (const sheet of layout.sheets) {
      const state = excel.sheet(sheet.name);
      for (const block of sheet.blocks) {
        const m = /^([A-Z]+)(\d+)$/.exec(block.origin)!;
        let c0 = 0;
        for (const ch of m[1]!) c0 = c0 * 26 + ch.charCodeAt(0) - 64;
        block.rows.forEach((row, i) =>
          row.forEach((cell, j) => {
            if (cell?.formula === undefined) return;
            expect(excel.state.cell(state, Number(m[2]) - 1 + i, c0 - 1 + j)?.formula).toBe(
              `=${cell.formula}`,
            );
            checked++;
          }),
        );
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  test('array mode (no single-value fills) writes the same workbook', async () => {
    const a = newWorkbook();
    const b = newWorkbook();
    await build(a);
    await build(b, PLAN, { fill: 'array' });
    const strip = (excel: ExcelDouble): unknown => {
      const snap = normalized(excel) as { sheets: unknown[] };
      return snap.sheets;
    };
    expect(strip(b)).toEqual(strip(a));
  });

  test('an Excel older than ExcelApi 1.7 is told so, and nothing changes', async () => {
    const excel = newWorkbook('1.4');
    const before = excel.snapshot();
    await expect(build(excel)).rejects.toMatchObject({ restored: true, step: 'requirements' });
    expect(excel.snapshot()).toEqual(before);
    expect(excel.stats.syncs).toBe(0);
  });

  test('an older Excel (ExcelApi 1.7) still builds, and says what it left out', async () => {
    const excel = newWorkbook('1.7');
    const report = await build(excel);
    expect(report.omitted.map((o) => o.feature).sort()).toEqual([
      'print',
      'strikethrough',
      'undoGroup',
      'validation',
    ]);
    expect(report.omitted.every((o) => o.vi.length > 0 && o.en.length > 0)).toBe(true);
    expect(report.oneUndoStep).toBe(false);
    // Without mergeUndoGroup each request that changes the workbook is an undo step: a first
    // build's writes and swap are one request.
    expect(excel.stats.undoSteps).toBe(1);
    expect(master(excel).sheet.validations).toEqual([]);
    expect(master(excel).sheet.conditionalFormats.length).toBeGreaterThan(0);
  });
});

describe('a rebuild', () => {
  async function built(): Promise<ExcelDouble> {
    const excel = newWorkbook();
    await build(excel);
    type(excel, 'I.1', 'Trạng thái', 'Hoàn thành');
    type(excel, 'I.1', 'Ngày hoàn thành', 43520);
    type(excel, 'I.2', 'Tiến độ (%)', 40);
    type(excel, 'I.2', 'Ghi chú', 'Đã gửi dự thảo');
    type(excel, 'II.1', 'Người theo dõi', 'Chị Lan');
    type(excel, 'III.1', 'Trạng thái', 'Đang thực hiện');
    return excel;
  }

  test('carries entered values and added columns to their tasks; a removed task keeps its values', async () => {
    const excel = await built();
    // The plan changes: task II.1 moves to the end, III.1 disappears.
    const changed: Plan = {
      ...PLAN,
      tasks: [
        ...PLAN.tasks.filter((t) => t.id !== 'II.1' && t.id !== 'III.1'),
        PLAN.tasks.find((t) => t.id === 'II.1')!,
      ],
    };
    const report = await build(excel, changed);
    const m = master(excel);
    const at = (code: string, header: string): unknown =>
      excel.state.cell(m.sheet, m.rows.get(code)!, m.columns.get(header)!)?.value ?? null;
    expect(at('I.1', 'Trạng thái')).toBe('Hoàn thành');
    expect(at('I.1', 'Ngày hoàn thành')).toBe(43520);
    expect(at('I.2', 'Tiến độ (%)')).toBe(40);
    expect(at('I.2', 'Ghi chú')).toBe('Đã gửi dự thảo');
    expect(at('II.1', 'Người theo dõi')).toBe('Chị Lan');
    // II.1 is the last row (the quarterly tasks take a heading and four rows each).
    expect(m.rows.get('II.1')).toBe(m.headerRow + trackedRows(changed, { horizon: 2019 }).length);
    expect(report.extraColumns).toEqual(['Người theo dõi']);
    // I.1, I.2 and II.1 had entries (III.1's went to the removed-tasks sheet).
    expect(report.carried).toBe(3);
    expect(report.rebuild?.removed).toEqual([
      { code: 'III.1', title: PLAN.tasks.find((t) => t.id === 'III.1')!.title, kept: true },
    ]);
    const removed = sheetOfMarker(excel, 'PhuLuc_DaBo');
    expect(removed.name).toBe('Nhiệm vụ đã bỏ');
    const cells = [...removed.cells.values()].map((c) => c.value);
    expect(cells).toEqual(expect.arrayContaining(['III.1', 'Đang thực hiện']));
    expect(excel.sheetNames().some((n) => n.startsWith('PhuLuc~'))).toBe(false);
    expect(excel.state.tables.filter((t) => t.name.startsWith('PhuLuc_NhiemVu')).length).toBe(1);
  });

  test('a workbook switched to English keeps the states, in English', async () => {
    const excel = await built();
    await buildWorkbook(excel, { plan: PLAN, options: { ...OPTIONS, language: 'en' } });
    const m = master(excel);
    expect(excel.state.cell(m.sheet, m.rows.get('I.1')!, m.columns.get('State')!)?.value).toBe(
      'Done',
    );
    expect(excel.state.cell(m.sheet, m.rows.get('I.2')!, m.columns.get('Notes')!)?.value).toBe(
      'Đã gửi dự thảo',
    );
  });

  test('markers without their comment (an .xlsx from another writer) are still PhuLuc’s', async () => {
    const excel = await built();
    for (const n of excel.state.names) n.comment = '';
    const report = await build(excel);
    expect(report.renamed).toEqual([]);
    expect(report.carried).toBe(4);
    expect(excel.sheetNames().filter((n) => / \(\d\)$/.test(n))).toEqual([]);
  });

  test('a workbook holding only PhuLuc sheets is rebuilt too', async () => {
    const excel = await built();
    excel.state.deleteSheet(excel.sheet('Sheet1'));
    await build(excel);
    const layout = layoutWorkbook(PLAN, OPTIONS);
    expect(excel.sheetNames()).toEqual(layout.sheets.map((s) => s.name));
  });

  test('a name someone defined on a PhuLuc sheet follows to the new sheet', async () => {
    const excel = await built();
    excel.addName('DanhSachNhiemVu', "='Nhiệm vụ'!$D$4:$D$23");
    await build(excel);
    expect(excel.state.names.find((n) => n.name === 'DanhSachNhiemVu')?.formula).toBe(
      "='Nhiệm vụ'!$D$4:$D$23",
    );
  });

  test('a reference to a sheet the new plan no longer has is reported; the others live on', async () => {
    const excel = await built();
    const unit = 'Sở Thông tin và Truyền thông';
    excel.addSheet('Của tôi', 'A1', [
      [{ formula: `='${unit}'!A1` }],
      [{ formula: "='Nhiệm vụ'!A4&'Tổng hợp'!A1" }],
    ]);
    // V.10, the unit's only task, leaves the plan: its sheet goes.
    const without: Plan = {
      ...PLAN,
      tasks: PLAN.tasks.filter((t) => t.id !== 'V.10'),
      units: PLAN.units.map((u) => (u.name === unit ? { ...u, leadCount: 0 } : u)),
    };
    const report = await build(excel, without);
    expect(excel.sheetNames()).not.toContain(unit);
    expect(report.warnings.map((w) => w.vi).join('\n')).toMatch(
      new RegExp(`1 công thức.*"${unit}".*#REF!`),
    );
    expect(excel.formula('Của tôi!A2')).toBe("='Nhiệm vụ'!A4&'Tổng hợp'!A1");
    expect(excel.formula('Của tôi!A1')).toContain('#REF!');
  });

  test('on Excel 2019 (no special cells) people’s formulas are still found; validations are named as unchecked', async () => {
    const excel = await built();
    excel.addSheet('Của tôi', 'A1', [
      ['Chữ', { formula: "='Nhiệm vụ'!L4" }],
      [{ value: "='Nhiệm vụ'!L4" }, { formula: '=COUNTA(PhuLuc_NhiemVu_Bang[Mã])' }],
    ]);
    excel.sheet('Của tôi').cells.get(16384)!.quotePrefix = true;
    const old = new ExcelDouble({ api: '1.8' });
    old.state = excel.state;
    const report = await build(old);
    expect(old.formula('Của tôi!B1')).toBe("='Nhiệm vụ'!L4");
    expect(old.formula('Của tôi!B2')).toBe('=COUNTA(PhuLuc_NhiemVu_Bang[Mã])');
    expect(old.value('Của tôi!A2')).toBe("='Nhiệm vụ'!L4");
    expect(old.formula('Của tôi!A2')).toBeNull();
    expect(report.omitted.map((o) => o.feature)).toEqual(
      expect.arrayContaining(['specialCells', 'cellProperties', 'notes']),
    );
  });

  test('sheets PhuLuc did not create are never overwritten: PhuLuc picks another name', async () => {
    const excel = newWorkbook();
    excel.addSheet('Tổng hợp', 'A1', [['Bảng của tôi'], [42]]);
    excel.addSheet('Nhiệm vụ', 'B2', [[{ formula: "='Tổng hợp'!A2*2" }]]);
    const mine = (): unknown => {
      const snap = excel.snapshot() as { sheets: { name: string }[] };
      return snap.sheets.filter((s) => s.name === 'Tổng hợp' || s.name === 'Nhiệm vụ');
    };
    const before = mine();
    const report = await build(excel);
    expect(mine()).toEqual(before);
    expect(report.renamed).toEqual([
      { key: 'dashboard', wanted: 'Tổng hợp', name: 'Tổng hợp (2)' },
      { key: 'tasks', wanted: 'Nhiệm vụ', name: 'Nhiệm vụ (2)' },
    ]);
    expect(report.warnings.map((w) => w.vi).join('\n')).toMatch(/"Tổng hợp \(2\)"/);
    expect(sheetOfMarker(excel, 'PhuLuc_NhiemVu').name).toBe('Nhiệm vụ (2)');
    // Formulas of the other sheets read the new master list, not the person's sheet.
    const assignments = sheetOfMarker(excel, 'PhuLuc_PhanCong');
    const formula = [...assignments.cells.values()].find((c) =>
      c.formula?.includes('MATCH'),
    )!.formula!;
    expect(formula).toContain("'Nhiệm vụ (2)'!");
    expect(formula).not.toContain("'Nhiệm vụ'!");
    // And a rebuild keeps it that way, without touching the person's sheets.
    await build(excel);
    expect(mine()).toEqual(before);
    expect(excel.sheetNames().filter((n) => n.startsWith('Nhiệm vụ'))).toEqual([
      'Nhiệm vụ',
      'Nhiệm vụ (2)',
    ]);
  });

  test('a table or name PhuLuc needs, held by someone else, stops the build before any change', async () => {
    const excel = newWorkbook();
    excel.addSheet('Của tôi', 'A1', [
      ['Mã', 'Tên'],
      ['1', 'x'],
    ]);
    excel.addTable('Của tôi', 'A1:B2', 'PhuLuc_NhiemVu_Bang');
    const before = normalized(excel);
    await expect(build(excel)).rejects.toMatchObject({
      restored: true,
      vi: expect.stringMatching(/PhuLuc_NhiemVu_Bang/),
    });
    expect(normalized(excel)).toEqual(before);
  });
});

describe('a failure at any step leaves the workbook as it was', () => {
  async function prepared(): Promise<ExcelDouble> {
    const excel = newWorkbook();
    excel.addSheet('Tổng hợp', 'A1', [['của người dùng']]);
    await build(excel);
    type(excel, 'I.1', 'Trạng thái', 'Hoàn thành');
    type(excel, 'I.2', 'Người theo dõi', 'Anh Nam');
    excel.addName('CuaToi', "='Nhiệm vụ'!$A$4");
    // The person's own references to PhuLuc sheets: formulas, a scoped name, a rule, a list.
    excel.setCells('Tổng hợp', 'B1', [
      [{ formula: "='Nhiệm vụ'!L4" }],
      [{ formula: '=COUNTA(PhuLuc_NhiemVu_Bang[Mã])' }],
    ]);
    const mine = excel.sheet('Tổng hợp');
    excel.state.addName('DauDanhSach', "='Nhiệm vụ'!$A$4:$Q$4", '', mine);
    mine.conditionalFormats.push({
      id: excel.state.id('cf'),
      type: 'Custom',
      rect: { r0: 0, c0: 1, r1: 1, c1: 1 },
      formula: '=\'Nhiệm vụ\'!$L$4="Hoàn thành"',
      fill: '#C6EFCE',
      stopIfTrue: false,
    });
    mine.validations.push({
      rect: { r0: 0, c0: 2, r1: 4, c1: 2 },
      rule: { list: { inCellDropDown: true, source: "='Nhiệm vụ'!$A$4:$A$23" } },
      ignoreBlanks: true,
    });
    excel.resetStats();
    return excel;
  }

  // A rebuild's requests: survey, locate, read, write-and-swap, clean-up.
  const WRITE_AND_SWAP = 4;
  let syncs = 0;
  let good: unknown;
  /** Actions of the swap (from its first sheet rename to the end of its request). */
  let swapActions = 0;
  beforeAll(async () => {
    const excel = await prepared();
    let inSwap = false;
    excel.failWhen = (label, sync) => {
      if (sync === WRITE_AND_SWAP && label === 'Worksheet.name') inSwap = true;
      if (inSwap && sync === WRITE_AND_SWAP) swapActions++;
      return false;
    };
    await build(excel, REVISED);
    excel.failWhen = null;
    syncs = excel.stats.syncs;
    good = normalized(excel);
  });

  test('the rebuild takes five syncs; the swap ends the write request', () => {
    expect(syncs).toBe(5);
    expect(swapActions).toBeGreaterThan(150);
  });

  test.each(Array.from({ length: WRITE_AND_SWAP }, (_, i) => i + 1))(
    'a failure at sync %i is undone',
    async (k) => {
      const excel = await prepared();
      const before = normalized(excel);
      excel.failNextSync(k);
      const error = await build(excel, REVISED).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BuildError);
      expect((error as BuildError).restored).toBe(true);
      expect(normalized(excel)).toEqual(before);
    },
  );

  test.each([0, 1, 7, 40, 120, 150])(
    'a failure after %i actions of the swap is undone',
    async (n) => {
      const excel = await prepared();
      const before = normalized(excel);
      let seen = -1;
      excel.failWhen = (label, sync) => {
        if (sync !== WRITE_AND_SWAP) return false;
        if (seen < 0 && label === 'Worksheet.name') seen = 0;
        return seen >= 0 && seen++ === n;
      };
      const error = (await build(excel, REVISED).catch((e: unknown) => e)) as BuildError;
      expect(error.step).toBe('swap');
      expect(error.restored).toBe(true);
      expect(normalized(excel)).toEqual(before);
    },
  );

  test.each([1, 50, 500])(
    'a failure after %i actions of the write request is undone',
    async (n) => {
      const excel = await prepared();
      const before = normalized(excel);
      excel.failNextSync(WRITE_AND_SWAP, { afterActions: n });
      await expect(build(excel, REVISED)).rejects.toBeInstanceOf(BuildError);
      expect(normalized(excel)).toEqual(before);
    },
  );

  test('a failure while deleting the old sheets is retried; the new workbook is complete', async () => {
    const excel = await prepared();
    excel.failNextSync(WRITE_AND_SWAP + 1);
    const report = await build(excel, REVISED);
    expect(report.warnings.map((w) => w.en).join()).not.toMatch(/could not be deleted/);
    expect(normalized(excel)).toEqual(good);
  });

  test('a lost connection cannot be undone; the next build cleans up and loses nothing', async () => {
    const excel = await prepared();
    excel.failNextSync(WRITE_AND_SWAP, { persistent: true, afterActions: 50 });
    const error = (await build(excel, REVISED).catch((e: unknown) => e)) as BuildError;
    expect(error.restored).toBe(false);
    expect(error.vi).toMatch(/PhuLuc~new~/);
    expect(excel.sheetNames().some((n) => n.startsWith('PhuLuc~new~'))).toBe(true);
    excel.heal();
    await build(excel, REVISED);
    expect(excel.sheetNames().some((n) => n.startsWith('PhuLuc~'))).toBe(false);
    const m = master(excel);
    expect(
      excel.state.cell(m.sheet, m.rows.get('I.2')!, m.columns.get('Người theo dõi')!)?.value,
    ).toBe('Anh Nam');
    expect(excel.sheet('Tổng hợp').cells.size).toBe(3);
    expect(excel.formula('Tổng hợp!B1')).toBe("='Nhiệm vụ'!L4");
  });
});
