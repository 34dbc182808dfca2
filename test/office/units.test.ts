// Issue 13 inside (the double of) Excel: send the unit files from the open workbook, merge two
// units' answers (some values, an extension request, a shared task answered differently, a
// value the office changed meanwhile), merge again; Lịch sử kept by Làm mới and by a rebuild;
// the person's own sheet untouched; a fixed number of syncs whatever the plan's size.

import { parsePlanText } from '../../src/core/plan/parse';
import { bookFromXlsx } from '../../src/layout/tracker/fromXlsx';
import type { ReadBook, ReadCell, ReadValue } from '../../src/layout/tracker/model';
import { ANSWER_HEADER_ROW } from '../../src/layout/unitfile/layout';
import type { AnswerInput } from '../../src/layout/unitfile/merge';
import type { UnitFile } from '../../src/layout/unitfile/model';
import { readAnswerFile } from '../../src/layout/unitfile/read';
import { refreshWorkbook } from '../../src/office/refresh';
import { buildWorkbook } from '../../src/office/rebuild';
import { mergeUnitFiles, sendUnitFiles, type SentFiles } from '../../src/office/units';
import { openWorkbook } from '../../src/readers/xlsx';
import { renderXlsx } from '../../src/render/xlsx';
import { ExcelDouble } from '../excel-double';
import { seedNamed, seedText } from '../helpers/seeds';
import { syntheticPlan } from './helpers';
import { master, newWorkbook, sheetOfMarker, type } from './workbook';

const OPTIONS = { reportDate: '2019-10-01', language: 'vi' as const };
const CLOCK = { now: '01/10/2019 09:00', today: '2019-10-01' };
const REPLY_BY = '2019-10-15';

/** A unit file as sent, read back by the .xlsx reader, with answers typed over it. */
async function answered(
  sent: SentFiles,
  unit: string,
  values: Record<string, Record<number, ReadValue>>,
): Promise<AnswerInput> {
  const file = sent.files.find((f) => f.unit === unit)!;
  const book = bookFromXlsx(openWorkbook(await renderXlsx(file.layout)));
  const cells = new Map<string, ReadValue>();
  for (const [code, byCol] of Object.entries(values)) {
    const r = ANSWER_HEADER_ROW + 1 + file.rows.findIndex((x) => x.code === code);
    for (const [c, v] of Object.entries(byCol)) cells.set(`${r}:${c}`, v);
  }
  const typed: ReadBook = {
    ...book,
    sheet(name) {
      const s = book.sheet(name)!;
      return {
        ...s,
        cell: (r, c): ReadCell | undefined => {
          const v = cells.get(`${r}:${c}`);
          return v ? { value: v } : s.cell(r, c);
        },
      };
    },
  };
  return { name: `${unit}.xlsx`, read: readAnswerFile(typed) };
}

const text = (t: string): ReadValue => ({ type: 'text', text: t });
const num = (n: number): ReadValue => ({ type: 'number', value: n });
/** Columns of the answer sheet. */
const STATE = 8;
const PROGRESS = 9;
const COMPLETED = 10;
const NOTE = 11;
const REQUEST = 12;
const REASON = 13;

function pair(files: UnitFile[]): {
  a: UnitFile;
  b: UnitFile;
  shared: string;
  a1: string;
  a2: string;
  b1: string;
  b2: string;
} {
  for (const a of files)
    for (const b of files) {
      if (a === b) continue;
      const inB = new Set(b.rows.map((r) => r.code));
      const shared = a.rows.find((r) => inB.has(r.code))?.code;
      const onlyA = a.rows.filter((r) => !inB.has(r.code)).map((r) => r.code);
      const onlyB = b.rows.filter((r) => !a.rows.some((x) => x.code === r.code)).map((r) => r.code);
      if (shared && onlyA.length >= 2 && onlyB.length >= 2)
        return { a, b, shared, a1: onlyA[0]!, a2: onlyA[1]!, b1: onlyB[0]!, b2: onlyB[1]! };
    }
  throw new Error('no pair');
}

function value(excel: ExcelDouble, code: string, header: string): unknown {
  const m = master(excel);
  return excel.state.cell(m.sheet, m.rows.get(code)!, m.columns.get(header)!)?.value ?? null;
}

function historyRows(excel: ExcelDouble): unknown[][] {
  const sheet = sheetOfMarker(excel, 'PhuLuc_LichSu');
  const rows: unknown[][] = [];
  for (let r = 4; ; r++) {
    const row = Array.from({ length: 9 }, (_, c) => excel.state.cell(sheet, r, c)?.value ?? null);
    if (row.every((v) => v === null || v === '')) break;
    rows.push(row);
  }
  return rows;
}

describe('units report back in Excel', () => {
  test('send, merge two answers, merge again; Lịch sử survives Làm mới and a rebuild', async () => {
    const excel = newWorkbook();
    excel.addSheet('Của tôi', 'A1', [['Ghi chép riêng'], [{ formula: "=COUNTA('Nhiệm vụ'!A:A)" }]]);
    const mine = (): unknown =>
      (excel.snapshot() as { sheets: { name: string }[] }).sheets.find((s) => s.name === 'Của tôi');
    const own = mine();
    const plan = parsePlanText(seedText(seedNamed('000')));
    await buildWorkbook(excel, { plan, options: OPTIONS });

    const sent = await sendUnitFiles(excel, REPLY_BY, CLOCK);
    expect(sent.files.length).toBeGreaterThan(5);
    expect(historyRows(excel).filter((r) => r[1] === 'Gửi đơn vị')).toHaveLength(sent.files.length);
    const { a, b, shared, a1, a2, b1, b2 } = pair(sent.files);
    const fileA = await answered(sent, a.unit, {
      [a1]: { [STATE]: text('Hoàn thành'), [PROGRESS]: num(100), [COMPLETED]: num(43728) },
      [a2]: { [REQUEST]: text('31/12/2019'), [REASON]: text('Chờ hướng dẫn') },
      [shared]: { [STATE]: text('Đang thực hiện') },
    });
    const fileB = await answered(sent, b.unit, {
      [shared]: { [STATE]: text('Hoàn thành') },
      [b1]: { [NOTE]: text('Đơn vị B: xong') },
      [b2]: { [PROGRESS]: num(50) },
    });
    // The office types a note on b1 after the files went out.
    type(excel, b1, 'Ghi chú', 'Văn phòng: đã nhắc');

    const merged = await mergeUnitFiles(excel, [fileA, fileB], {
      ...CLOCK,
      now: '16/10/2019 08:00',
    });
    expect(merged.report).not.toBeNull();
    expect(merged.result.conflicts.map((c) => [c.code, c.field, c.kind])).toEqual(
      expect.arrayContaining([
        [shared, 'state', 'units-disagree'],
        [b1, 'note', 'tracker-changed'],
      ]),
    );
    expect(merged.result.requests.map((r) => [r.code, r.to])).toEqual([[a2, '2019-12-31']]);
    expect(value(excel, a1, 'Trạng thái')).toBe('Hoàn thành');
    expect(value(excel, a1, 'Tiến độ (%)')).toBe(100);
    expect(value(excel, a1, 'Ngày hoàn thành')).toBe(43728);
    expect(value(excel, a2, 'Đề nghị gia hạn đến')).toBe(43830);
    expect(value(excel, a2, 'Lý do đề nghị')).toBe('Chờ hướng dẫn');
    expect(value(excel, a2, 'Gia hạn đến')).toBeNull();
    expect(value(excel, shared, 'Trạng thái')).toBe('Chưa thực hiện');
    expect(value(excel, b1, 'Ghi chú')).toBe('Văn phòng: đã nhắc');
    expect(value(excel, b2, 'Tiến độ (%)')).toBe(50);
    const history = historyRows(excel);
    const changed = history.filter((r) => r[1] === 'Cập nhật').map((r) => [r[5], r[6]]);
    expect(changed).toEqual([
      [a1, 'Trạng thái'],
      [a1, 'Tiến độ (%)'],
      [a1, 'Ngày hoàn thành'],
      [a2, 'Đề nghị gia hạn đến'],
      [a2, 'Lý do đề nghị'],
      [b2, 'Tiến độ (%)'],
    ]);
    expect(history.filter((r) => r[1] === 'Nhận báo cáo')).toHaveLength(2);
    expect(mine()).toEqual(own);

    // Again: nothing written at all.
    const snapshot = JSON.stringify(excel.snapshot());
    const again = await mergeUnitFiles(excel, [fileA, fileB], {
      ...CLOCK,
      now: '17/10/2019 08:00',
    });
    expect(again.report).toBeNull();
    expect(again.result.applied).toEqual([]);
    expect(JSON.stringify(excel.snapshot())).toBe(snapshot);

    // Làm mới and a rebuild keep Lịch sử and what the merge wrote.
    await refreshWorkbook(excel, '2019-10-20');
    expect(historyRows(excel)).toEqual(history);
    await buildWorkbook(excel, { plan, options: OPTIONS });
    expect(historyRows(excel)).toEqual(history);
    expect(value(excel, a2, 'Đề nghị gia hạn đến')).toBe(43830);
    expect(mine()).toEqual(own);
  });

  test('the same number of syncs for a small and a large plan', async () => {
    const syncs = async (tasks: number, units: number): Promise<number[]> => {
      const excel = new ExcelDouble({ requestBytes: 4 * 1024 * 1024 });
      excel.addSheet('Sheet1');
      await buildWorkbook(excel, { plan: syntheticPlan(tasks, units), options: OPTIONS });
      excel.resetStats();
      const sent = await sendUnitFiles(excel, REPLY_BY, CLOCK);
      const out = excel.stats.syncs;
      excel.resetStats();
      const unit = sent.files[0]!;
      const input = await answered(sent, unit.unit, {
        [unit.rows[0]!.code]: { [STATE]: text('Hoàn thành') },
      });
      await mergeUnitFiles(excel, [input], { ...CLOCK, now: '16/10/2019 08:00' });
      return [out, excel.stats.syncs];
    };
    const small = await syncs(20, 3);
    const large = await syncs(300, 15);
    expect(large).toEqual(small);
  }, 120_000);
});
