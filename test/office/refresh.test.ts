// The ribbon commands "Làm mới" and "Kiểm tra", run against the Excel double through the same
// Office.actions.associate wiring as in Excel.

import { parsePlanText } from '../../src/core/plan/parse';
import { registerCommands, lastResult, type CommandEvent } from '../../src/commands/commands';
import { MasterListError } from '../../src/office/masterlist';
import { buildWorkbook } from '../../src/office/rebuild';
import { seedNamed, seedText } from '../helpers/seeds';
import type { ExcelDouble } from '../excel-double';
import { master, newWorkbook, sheetOfMarker, type } from './workbook';

const PLAN = parsePlanText(seedText(seedNamed('000')));
const OPTIONS = { reportDate: '2019-06-01', language: 'vi' as const };

/** Registers the commands against a stand-in for Office; returns a runner per command name. */
function ribbon(excel: ExcelDouble): (name: string) => Promise<number> {
  const handlers = new Map<string, (event: CommandEvent) => void>();
  registerCommands(
    { actions: { associate: (name, handler) => handlers.set(name, handler) } },
    () => excel,
  );
  return (name) =>
    new Promise((resolve) => {
      let completed = 0;
      handlers.get(name)!({
        completed: () => {
          completed++;
          // Give a second completed() call a chance to show up.
          setTimeout(() => resolve(completed), 0);
        },
      });
    });
}

async function built(): Promise<ExcelDouble> {
  const excel = newWorkbook();
  await buildWorkbook(excel, { plan: PLAN, options: OPTIONS });
  type(excel, 'I.1', 'Trạng thái', 'Hoàn thành');
  type(excel, 'I.2', 'Người theo dõi', 'Anh Nam');
  return excel;
}

const sheetSnapshot = (excel: ExcelDouble, name: string): unknown =>
  (excel.snapshot() as { sheets: { name: string }[] }).sheets.find((s) => s.name === name);

describe('the ribbon', () => {
  test('registers both commands, each completing exactly once', async () => {
    const excel = await built();
    const run = ribbon(excel);
    expect(await run('refreshWorkbook')).toBe(1);
    expect(await run('checkWorkbook')).toBe(1);
  });

  test('Làm mới rebuilds the derived sheets from the master list as people edited it', async () => {
    const excel = await built();
    // Someone gives task I.1 to another unit, right in the master list.
    type(excel, 'I.1', 'Chủ trì', 'Phòng Tư pháp');
    const masterBefore = sheetSnapshot(excel, 'Nhiệm vụ');
    const settingsBefore = sheetSnapshot(excel, 'Cài đặt');
    await ribbon(excel)('refreshWorkbook');
    expect(lastResult.error).toBeUndefined();
    expect(lastResult.result?.mode).toBe('derived');
    expect(sheetSnapshot(excel, 'Nhiệm vụ')).toEqual(masterBefore);
    expect(sheetSnapshot(excel, 'Cài đặt')).toEqual(settingsBefore);
    expect(excel.sheetNames()).toContain('Phòng Tư pháp');
    const unit = excel.sheet('Phòng Tư pháp');
    expect([...unit.cells.values()].some((c) => c.value === 'I.1')).toBe(true);
    expect(sheetOfMarker(excel, 'PhuLuc_TongHop').name).toBe('Tổng hợp');
    expect(excel.sheetNames().some((n) => n.startsWith('PhuLuc~'))).toBe(false);
  });

  test('Làm mới keeps a person’s formulas on the rebuilt sheets pointing at the new ones', async () => {
    const excel = await built();
    excel.addSheet('Của tôi', 'A1', [
      [{ formula: "='Tổng hợp'!A1" }],
      [{ formula: "='Phân công'!A1&'Nhiệm vụ'!A4" }],
    ]);
    await ribbon(excel)('refreshWorkbook');
    expect(lastResult.result?.mode).toBe('derived');
    expect(excel.formula('Của tôi!A1')).toBe("='Tổng hợp'!A1");
    expect(excel.formula('Của tôi!A2')).toBe("='Phân công'!A1&'Nhiệm vụ'!A4");
  });

  test('Kiểm tra runs validation again and rebuilds only Kiểm tra, linked to the right rows', async () => {
    const excel = await built();
    const m = master(excel);
    excel.state.ensureCell(m.sheet, m.rows.get('II.1')!, m.columns.get('Chủ trì')!).value = null;
    const others = excel.state.sheets.filter((s) => s.name !== 'Kiểm tra').map((s) => s.id);
    await ribbon(excel)('checkWorkbook');
    expect(lastResult.result?.mode).toBe('findings');
    expect(excel.state.sheets.filter((s) => s.name !== 'Kiểm tra').map((s) => s.id)).toEqual(
      others,
    );
    const findings = excel.sheet('Kiểm tra');
    const link = [...findings.cells.values()].find((c) => c.value === 'II.1' && c.hyperlink);
    expect(link?.hyperlink?.documentReference).toBe(`'Nhiệm vụ'!A${m.rows.get('II.1')! + 1}`);
    const messages = [...findings.cells.values()].map((c) => String(c.value ?? ''));
    expect(messages.some((t) => t.includes('chưa có đơn vị chủ trì'))).toBe(true);
  });

  test('a column inserted in the master list: the whole workbook is rebuilt, nothing lost', async () => {
    const excel = await built();
    const m = master(excel);
    // Insert a column "Ưu tiên" after "Nhiệm vụ": every cell from column E on moves right.
    const at = m.columns.get('Nhiệm vụ')! + 1;
    const moved = new Map<number, typeof m.sheet.cells extends Map<number, infer C> ? C : never>();
    for (const [k, cell] of m.sheet.cells) {
      const r = Math.floor(k / 16384);
      const c = k % 16384;
      moved.set(c >= at ? r * 16384 + c + 1 : k, cell);
    }
    m.sheet.cells = moved;
    excel.state.tables.find((t) => t.sheet === m.sheet)!.rect.c1 += 1;
    excel.state.ensureCell(m.sheet, m.headerRow, at).value = 'Ưu tiên';
    excel.state.ensureCell(m.sheet, m.rows.get('I.3')!, at).value = 'Cao';
    await ribbon(excel)('refreshWorkbook');
    expect(lastResult.error).toBeUndefined();
    expect(lastResult.result?.mode).toBe('full');
    const after = master(excel);
    const value = (code: string, header: string): unknown =>
      excel.state.cell(after.sheet, after.rows.get(code)!, after.columns.get(header)!)?.value;
    expect(value('I.3', 'Ưu tiên')).toBe('Cao');
    expect(value('I.1', 'Trạng thái')).toBe('Hoàn thành');
    expect(value('I.2', 'Người theo dõi')).toBe('Anh Nam');
  });

  test('without a PhuLuc workbook the command explains, completes, and changes nothing', async () => {
    const excel = newWorkbook();
    const before = excel.snapshot();
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await ribbon(excel)('refreshWorkbook')).toBe(1);
    spy.mockRestore();
    expect(lastResult.error).toBeInstanceOf(MasterListError);
    expect((lastResult.error as MasterListError).vi).toMatch(/Mở PhuLuc/);
    expect(excel.snapshot()).toEqual(before);
  });
});
