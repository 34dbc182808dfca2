// Issue 9's scenario inside (the double of) Excel: a tracker built from seed 000, the 28 values
// of test/helpers/revision-scenario.ts typed into it, a sheet of the person's own with formulas
// that read Nhiệm vụ, their names, a conditional format and a validation pointing at PhuLuc
// sheets, a hidden sheet, a note and a fill on a task — rebuilt with the revised plan.

import { isoToSerial } from '../../src/excel/dates';
import { buildWorkbook, type BuildReport } from '../../src/office/rebuild';
import type { ExcelDouble } from '../excel-double';
import { parseRect } from '../excel-double/a1';
import {
  ADDED_COLUMNS,
  countTyped,
  originalPlan,
  REVISED_ID,
  revisedPlan,
  TYPED,
} from '../helpers/revision-scenario';
import { evaluate } from './people';
import { master, newWorkbook, sheetOfMarker, type } from './workbook';

const MINE = 'Theo dõi riêng';
const HIDDEN = 'Ẩn';
const TODAY = '2019-09-15';

/** The person's own formulas, on their sheet, and what each computes before the rebuild. */
const FORMULAS: [string, string][] = [
  ['A1', "='Nhiệm vụ'!L4"],
  ['A2', '=COUNTIF(\'Nhiệm vụ\'!L:L,"Hoàn thành")'],
  ['A3', "=INDEX('Nhiệm vụ'!L:L,MATCH(\"III.1\",'Nhiệm vụ'!A:A,0))"],
  ['A4', '=COUNTA(PhuLuc_NhiemVu_Bang[Mã])'],
  ['A5', '=COUNTA(DsMa)'],
  ['A6', '=TrangThaiDau'],
  ['A7', "='Cài đặt'!B3"],
];

function setUp(excel: ExcelDouble): void {
  const m = master(excel);
  for (const [code, values] of Object.entries(TYPED)) {
    for (const [header, value] of Object.entries(values)) {
      if ('text' in value) type(excel, code, header, value.text);
      else if ('number' in value) type(excel, code, header, value.number);
      else if ('date' in value) {
        type(excel, code, header, isoToSerial(value.date));
        const after = master(excel);
        const cell = excel.state.cell(
          after.sheet,
          after.rows.get(code)!,
          after.columns.get(header)!,
        )!;
        cell.numberFormat = 'dd/mm/yyyy';
      } else {
        type(excel, code, header, 0);
        const after = master(excel);
        const row = after.rows.get(code)!;
        const cell = excel.state.cell(after.sheet, row, after.columns.get(header)!)!;
        cell.value = null;
        cell.formula = `=${value.formula.replace('{row}', String(row + 1))}`;
        excel.state.indexFormula(cell);
      }
    }
  }
  // A note and a fill on III.1's Ghi chú; a row typed under the table.
  const after = master(excel);
  const note = { r: after.rows.get('III.1')!, c: after.columns.get('Ghi chú')! };
  const address = `${String.fromCharCode(65 + note.c)}${note.r + 1}`;
  excel.addNote('Nhiệm vụ', address, 'Hỏi lại phòng Nội vụ');
  excel.state.ensureCell(m.sheet, note.r, note.c).format.fill = '#FFC000';
  const last = Math.max(...after.rows.values()) + 2;
  excel.setCells('Nhiệm vụ', `D${last}`, [['Kiểm tra việc niêm yết tại 12 xã, phường']]);
  excel.setCells('Nhiệm vụ', `E${last}`, [['Văn phòng HĐND&UBND thị xã']]);
  excel.setCells('Nhiệm vụ', `G${last}`, [['Quý IV/2019']]);
  excel.setCells('Nhiệm vụ', `L${last}`, [['Đang thực hiện']]);

  // The person's own sheet, names, rules; a hidden sheet of theirs.
  const mine = excel.addSheet(
    MINE,
    'A1',
    FORMULAS.map(([, f]) => [{ formula: f }]),
  );
  excel.setCells(MINE, 'B1', [[{ value: "='Nhiệm vụ'!L4", display: "='Nhiệm vụ'!L4" }]]);
  excel.state.cell(mine, 0, 1)!.quotePrefix = true;
  excel.addName('DsMa', "='Nhiệm vụ'!$A$4:$A$30", 'Mã của tôi');
  excel.state.addName('TrangThaiDau', "='Nhiệm vụ'!$L$4", '', mine);
  excel.state.addName('DongDau', "='Nhiệm vụ'!$A$4:$Q$4", 'trên trang Nhiệm vụ', m.sheet);
  mine.conditionalFormats.push({
    id: excel.state.id('cf'),
    type: 'Custom',
    rect: parseRect('A1:A7')!,
    formula: '=COUNTIF(\'Nhiệm vụ\'!$L:$L,"Tạm dừng")>0',
    fill: '#FFC7CE',
    stopIfTrue: false,
  });
  mine.validations.push(
    {
      rect: parseRect('C1:C10')!,
      rule: { list: { inCellDropDown: true, source: "='Cài đặt'!$A$21:$A$25" } },
      ignoreBlanks: true,
      prompt: { title: 'Trạng thái', message: 'Chọn trạng thái', showPrompt: true },
    },
    {
      rect: parseRect('D1:D10')!,
      rule: { list: { inCellDropDown: true, source: "='Nhiệm vụ'!$A$4:$A$23" } },
      ignoreBlanks: true,
    },
  );
  const hidden = excel.addSheet(HIDDEN, 'A1', [
    [{ formula: '=COUNTIF(\'Nhiệm vụ\'!L:L,"Đang thực hiện")' }],
  ]);
  hidden.visibility = 'Hidden';
}

/** The person's sheets and names, as plain data. */
function theirs(excel: ExcelDouble): unknown {
  const snap = excel.snapshot() as {
    sheets: { name: string }[];
    names: { name: string; scope: string | null }[];
  };
  const sheets = new Set([MINE, HIDDEN]);
  return {
    sheets: snap.sheets.filter((s) => sheets.has(s.name)),
    names: snap.names.filter((n) => ['DsMa', 'TrangThaiDau'].includes(n.name)),
  };
}

describe('issue 9: a revised plan rebuilt over a tracker people worked in', () => {
  let excel: ExcelDouble;
  let report: BuildReport;
  let before: unknown;
  let computedBefore: Record<string, unknown>;

  beforeAll(async () => {
    excel = newWorkbook();
    await buildWorkbook(excel, {
      plan: originalPlan(),
      options: { reportDate: '2019-06-30', language: 'vi' },
    });
    setUp(excel);
    before = theirs(excel);
    computedBefore = Object.fromEntries(FORMULAS.map(([a, f]) => [a, evaluate(excel, MINE, f)]));
    excel.resetStats();
    report = await buildWorkbook(excel, {
      plan: revisedPlan(),
      options: { reportDate: TODAY, language: 'vi' },
      today: TODAY,
    });
  });

  test('the scenario is the issue’s: 28 values typed', () => {
    expect(countTyped()).toBe(28);
    // A4 counts every row of the task list: 20 tasks, three quarterly ones over four quarters.
    expect(computedBefore).toMatchObject({ A1: 'Hoàn thành', A2: 4, A3: 'Hoàn thành', A4: 32 });
  });

  test('every value is on the task it was typed for', () => {
    const m = master(excel);
    let checked = 0;
    for (const [code, values] of Object.entries(TYPED)) {
      const to = REVISED_ID[code];
      if (to === null) continue;
      const row = m.rows.get(to!)!;
      for (const [header, value] of Object.entries(values)) {
        const cell = excel.state.cell(m.sheet, row, m.columns.get(header)!);
        if ('text' in value)
          expect([code, header, cell?.value]).toEqual([code, header, value.text]);
        else if ('number' in value) expect(cell?.value).toBe(value.number);
        else if ('date' in value) {
          expect(cell?.value).toBe(isoToSerial(value.date));
          expect(cell?.numberFormat).toBe('dd/mm/yyyy');
        } else expect(cell?.formula).toBe(`=${value.expect(row + 1)}`);
        checked++;
      }
    }
    expect(checked).toBe(countTyped() - Object.keys(TYPED['V.4']!).length);
    expect([...m.columns.keys()]).toEqual(expect.arrayContaining([...ADDED_COLUMNS]));
  });

  test('the report names what was kept, renumbered, edited, added and removed', () => {
    const r = report.rebuild!;
    expect(r.plan.verdict).toBe('revision');
    expect(r.kept).toBe(10);
    expect(r.renumbered).toHaveLength(8);
    expect(r.renumbered).toEqual(
      expect.arrayContaining([
        { from: 'I.1', to: 'I.3' },
        { from: 'I.3', to: 'I.1' },
        { from: 'V.5', to: 'V.4' },
        { from: 'V.10', to: 'V.9' },
      ]),
    );
    expect(r.edited.map((e) => [e.from, e.to])).toEqual([['I.2', 'I.2']]);
    expect(r.added).toEqual(['V.10']);
    expect(r.removed).toEqual([
      { code: 'V.4', title: 'Xây dựng mẫu phiếu đánh giá việc giải quyết TTHC', kept: true },
    ]);
    expect(r.typed).toEqual([
      { title: 'Kiểm tra việc niêm yết tại 12 xã, phường', to: '+1', joined: false },
    ]);
    expect(r.uncertain).toEqual([]);
    expect(report.carried).toBe(10);
  });

  test('V.4’s values are on the removed-tasks sheet, with the day it left', () => {
    const sheet = sheetOfMarker(excel, 'PhuLuc_DaBo');
    expect(sheet.name).toBe('Nhiệm vụ đã bỏ');
    const at = (r: number, c: number): unknown => excel.state.cell(sheet, r, c)?.value ?? null;
    let header = -1;
    for (let r = 0; r < 10 && header < 0; r++) if (at(r, 0) === 'Mã') header = r;
    const col = (h: string): number => {
      for (let c = 0; c < 30; c++) if (at(header, c) === h) return c;
      throw new Error(h);
    };
    const row = header + 1;
    expect(at(row, 0)).toBe('V.4');
    expect(at(row, col('Trạng thái'))).toBe('Hoàn thành');
    expect(at(row, col('Ngày hoàn thành'))).toBe(isoToSerial('2019-02-25'));
    expect(at(row, col('Ghi chú'))).toBe('Mẫu phiếu đã gửi các xã');
    expect(at(row, col('Bỏ từ ngày'))).toBe(isoToSerial(TODAY));
  });

  test('the row typed under the table is a task now, with its state', () => {
    const m = master(excel);
    const row = m.rows.get('+1')!;
    expect(excel.state.cell(m.sheet, row, m.columns.get('Nhiệm vụ')!)?.value).toBe(
      'Kiểm tra việc niêm yết tại 12 xã, phường',
    );
    expect(excel.state.cell(m.sheet, row, m.columns.get('Trạng thái')!)?.value).toBe(
      'Đang thực hiện',
    );
  });

  test('the note and the fill stay on III.1’s Ghi chú', () => {
    const m = master(excel);
    const r = m.rows.get('III.1')!;
    const c = m.columns.get('Ghi chú')!;
    expect(m.sheet.notes.get(r * 16384 + c)?.content).toBe('Hỏi lại phòng Nội vụ');
    expect(excel.state.cell(m.sheet, r, c)?.format.fill).toBe('#FFC000');
    expect(report.omitted).toEqual([]);
  });

  test('the person’s sheets, names and rules are exactly as they were', () => {
    expect(theirs(excel)).toEqual(before);
    expect(excel.sheet(HIDDEN).visibility).toBe('Hidden');
    // Text that only looks like a formula stays text.
    expect(excel.value(`'${MINE}'!B1`)).toBe("='Nhiệm vụ'!L4");
  });

  test('their references point at the new sheets and compute from them', () => {
    const all = [
      ...[...excel.sheet(MINE).cells.values(), ...excel.sheet(HIDDEN).cells.values()].map(
        (c) => c.formula ?? '',
      ),
      ...excel.state.names.map((n) => n.formula),
      ...excel.sheet(MINE).conditionalFormats.map((c) => c.formula ?? ''),
      ...excel.sheet(MINE).validations.map((v) => JSON.stringify(v.rule)),
    ];
    expect(all.filter((f) => f.includes('#REF!') || f.includes('PhuLuc~'))).toEqual([]);
    const now = Object.fromEntries(FORMULAS.map(([a, f]) => [a, evaluate(excel, MINE, f)]));
    // Row 4 is the revision's I.1 (the old I.3); V.4, done, left the list; +1 joined it.
    expect(now).toEqual({
      A1: 'Đang thực hiện',
      A2: 3,
      A3: 'Hoàn thành',
      A4: 33,
      A5: 27,
      A6: 'Đang thực hiện',
      A7: isoToSerial(TODAY),
    });
    expect(evaluate(excel, MINE, excel.sheet(MINE).conditionalFormats[0]!.formula!)).toBe(true);
    // In progress: I.2, the old I.3, V.5 and V.10, and the typed row.
    expect(evaluate(excel, HIDDEN, excel.sheet(HIDDEN).cells.get(0)!.formula!)).toBe(5);
    for (const v of excel.sheet(MINE).validations) {
      const source = (v.rule!['list'] as { source: string }).source;
      expect(evaluate(excel, MINE, `=COUNTA(${source.slice(1)})`)).toBeGreaterThan(4);
    }
  });

  test('a name the person scoped to the task list follows to the new one', () => {
    const m = master(excel);
    const name = excel.state.names.find((n) => n.name === 'DongDau')!;
    expect(name.scope).toBe(m.sheet);
    expect(name.formula).toBe("='Nhiệm vụ'!$A$4:$Q$4");
    expect(name.comment).toBe('trên trang Nhiệm vụ');
  });

  test('nothing temporary is left; the rebuild took 5 syncs', () => {
    expect(excel.sheetNames().some((n) => n.startsWith('PhuLuc~'))).toBe(false);
    expect(report.syncs).toBe(5);
    expect(excel.stats.syncs).toBe(5);
  });
});
