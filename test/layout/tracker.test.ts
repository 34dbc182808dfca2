// The one tracker reader and the carry-over: what people typed follows its task through a
// revised plan (issue 9's scenario), at the level both doors share.
import { layoutWorkbook } from '../../src/layout';
import { carryOver } from '../../src/layout/tracker/carry';
import { readTracker } from '../../src/layout/tracker/read';
import type { WorkbookLayout } from '../../src/layout/types';
import { MemoryBook } from '../helpers/memory-book';
import {
  ADDED_COLUMNS,
  countTyped,
  originalPlan,
  REVISED_ID,
  revisedPlan,
  TYPED,
} from '../helpers/revision-scenario';

const TODAY = '2019-09-15';

/** Seed 000's tracker with the scenario's 28 values typed in, plus a note, a fill, a typed row. */
function editedTracker(): MemoryBook {
  const layout = layoutWorkbook(originalPlan(), {
    reportDate: '2019-06-30',
    extraColumns: [...ADDED_COLUMNS],
  });
  const book = MemoryBook.fromLayout(layout);
  const sheet = book.sheet('Nhiệm vụ')!;
  const header = 3;
  for (const [code, values] of Object.entries(TYPED)) {
    const row = sheet.rowOf(1, code);
    for (const [column, value] of Object.entries(values)) {
      const col = sheet.colOf(header, column);
      const a1 = `${String.fromCharCode(64 + col)}${row}`;
      if ('text' in value) sheet.put(a1, value.text);
      else if ('number' in value) sheet.put(a1, value.number);
      else if ('date' in value) sheet.put(a1, value.date);
      else sheet.put(a1, `=${value.formula.replace('{row}', String(row))}`);
    }
  }
  // A note and a fill on task III.1's Ghi chú, and a row typed at the end by a person.
  const note = sheet.colOf(header, 'Ghi chú');
  const r31 = sheet.rowOf(1, 'III.1');
  sheet.set(r31, note, { ...sheet.cell(r31, note)!, note: 'Hỏi lại phòng Nội vụ', fill: 'FFC000' });
  const last = sheet.lastRow + 1;
  sheet.put(`D${last}`, 'Kiểm tra việc niêm yết tại 12 xã, phường');
  sheet.put(`E${last}`, 'Văn phòng HĐND&UBND thị xã');
  sheet.put(`G${last}`, 'Quý IV/2019');
  sheet.put(`L${last}`, 'Đang thực hiện');
  return book;
}

function cellAt(layout: WorkbookLayout, sheetName: string, code: string, header: string) {
  const book = MemoryBook.fromLayout(layout);
  const sheet = book.sheet(sheetName)!;
  const headRow = sheet.rowOf(1, sheetName === 'Nhiệm vụ' ? 'Mã' : 'Mã');
  const row = sheet.rowOf(1, code);
  const col = sheet.colOf(headRow, header);
  return { cell: sheet.cell(row, col), row };
}

describe('readTracker', () => {
  test('finds the task list by its table and reads every typed value in its type', () => {
    const t = readTracker(editedTracker());
    expect(t.taskList).toMatchObject({ sheet: 'Nhiệm vụ', headerRow: 3, foundBy: 'table' });
    expect(t.taskList!.extraColumns).toEqual([...ADDED_COLUMNS]);
    expect(countTyped()).toBe(28);
    const i1 = t.rows.find((r) => r.code === 'I.1')!;
    expect(i1.entries).toMatchObject({
      state: 'Hoàn thành',
      completed: '2019-02-20',
      note: 'Đã ban hành hướng dẫn',
      extra: { 'Người theo dõi': 'Chị Lan' },
    });
    const v10 = t.rows.find((r) => r.code === 'V.10')!;
    expect(v10.entries.extra!['Điểm']).toMatchObject({ formula: `M${v10.sheetRow}*2` });
    const i3 = t.rows.find((r) => r.code === 'I.3')!;
    expect(i3.entries.extra!['Ngày nhắc']).toEqual({ date: '2019-06-15' });
    const iii1 = t.rows.find((r) => r.code === 'III.1')!;
    expect(iii1.entries.notes).toEqual({ 'Ghi chú': 'Hỏi lại phòng Nội vụ' });
    expect(iii1.entries.fills).toEqual({ 'Ghi chú': 'FFC000' });
    const typed = t.rows.filter((r) => r.code === '');
    expect(typed.map((r) => r.title)).toEqual(['Kiểm tra việc niêm yết tại 12 xã, phường']);
    expect(t.identity).toMatchObject({ number: '15/KH-UBND', tasks: 20 });
  });

  test('with the table and the marker gone, the header is found anywhere, even below row 20', () => {
    const book = editedTracker();
    book.tables = [];
    book.names = book.names.filter((n) => !n.name.startsWith('PhuLuc_NhiemVu'));
    // Move the whole task list 18 rows down.
    const sheet = book.sheet('Nhiệm vụ')!;
    const moved = [...sheet.cells].map(([k, v]) => {
      const [r, c] = k.split(':').map(Number);
      return [r! + 18, c!, v] as const;
    });
    sheet.cells.clear();
    for (const [r, c, v] of moved) sheet.set(r, c, v);
    const t = readTracker(book);
    expect(t.taskList).toMatchObject({ sheet: 'Nhiệm vụ', headerRow: 21, foundBy: 'header' });
    // 20 tasks; three of them quarterly: a heading and four occurrences each.
    expect(t.rows.filter((r) => r.code !== '')).toHaveLength(32);
    expect(t.rows.find((r) => r.code === 'I.1')!.entries.state).toBe('Hoàn thành');
  });
});

describe('carryOver to a revised plan', () => {
  const tracker = readTracker(editedTracker());
  const plan = revisedPlan();
  const carried = carryOver(tracker, plan, { today: TODAY });

  test('every typed value lands on the task it was typed for', () => {
    for (const [code, values] of Object.entries(TYPED)) {
      const to = REVISED_ID[code];
      if (to === null) continue;
      const e = carried.entered[to!]!;
      expect(e).toBeDefined();
      for (const [column, value] of Object.entries(values)) {
        if (column === 'Trạng thái' && 'text' in value) expect(e.state).toBe(value.text);
        if (column === 'Tiến độ (%)' && 'number' in value) expect(e.progress).toBe(value.number);
        if (column === 'Ngày hoàn thành' && 'date' in value) expect(e.completed).toBe(value.date);
        if (column === 'Ghi chú' && 'text' in value) expect(e.note).toBe(value.text);
        if (column === 'Người theo dõi' && 'text' in value)
          expect(e.extra?.[column]).toBe(value.text);
        if (column === 'Ngày nhắc' && 'date' in value)
          expect(e.extra?.[column]).toEqual({ date: value.date });
      }
    }
  });

  test('the report names what was renumbered, edited, added and removed', () => {
    const r = carried.report;
    expect(r.plan.verdict).toBe('revision');
    expect(r.renumbered).toEqual(
      expect.arrayContaining([
        { from: 'I.1', to: 'I.3' },
        { from: 'I.3', to: 'I.1' },
        { from: 'V.5', to: 'V.4' },
        { from: 'V.10', to: 'V.9' },
      ]),
    );
    expect(r.renumbered).toHaveLength(8);
    expect(r.edited.map((e) => [e.from, e.to])).toEqual([['I.2', 'I.2']]);
    expect(r.added).toEqual(['V.10']);
    expect(r.removed).toEqual([
      { code: 'V.4', title: 'Xây dựng mẫu phiếu đánh giá việc giải quyết TTHC', kept: true },
    ]);
    expect(r.kept).toBe(10);
    expect(r.uncertain).toEqual([]);
    expect(r.typed).toEqual([
      { title: 'Kiểm tra việc niêm yết tại 12 xã, phường', to: '+1', joined: false },
    ]);
  });

  test('the removed task keeps its values on the removed-tasks sheet', () => {
    expect(carried.removed).toHaveLength(1);
    expect(carried.removed[0]).toMatchObject({
      code: 'V.4',
      removedOn: TODAY,
      entries: { state: 'Hoàn thành', completed: '2019-02-25', note: 'Mẫu phiếu đã gửi các xã' },
    });
  });

  test('the new workbook: values, formula, note and fill on their task; removed sheet; typed row', () => {
    const layout = layoutWorkbook(carried.plan, {
      reportDate: '2019-09-15',
      entered: carried.entered,
      extraColumns: carried.extraColumns,
      removed: carried.removed,
      moved: carried.moved,
    });
    const state = cellAt(layout, 'Nhiệm vụ', 'I.3', 'Trạng thái');
    expect(state.cell!.value).toEqual({ type: 'text', text: 'Hoàn thành' });
    const score = cellAt(layout, 'Nhiệm vụ', 'V.9', 'Điểm');
    expect(score.cell!.formula).toBe(`M${score.row}*2`);
    const note = cellAt(layout, 'Nhiệm vụ', 'III.1', 'Ghi chú');
    expect(note.cell!.note).toBe('Hỏi lại phòng Nội vụ');
    const sheet = layout.sheets.find((s) => s.name === 'Nhiệm vụ')!;
    expect(Object.values(layout.styles).some((s) => s.fill === 'FFC000')).toBe(true);
    expect(
      sheet.blocks.some((b) => b.rows.some((r) => r.some((c) => c?.style?.endsWith('~FFC000')))),
    ).toBe(true);
    const typed = cellAt(layout, 'Nhiệm vụ', '+1', 'Nhiệm vụ');
    expect(typed.cell!.value).toEqual({
      type: 'text',
      text: 'Kiểm tra việc niêm yết tại 12 xã, phường',
    });
    const removed = layout.sheets.find((s) => s.kind === 'removed')!;
    expect(removed.name).toBe('Nhiệm vụ đã bỏ');
    const back = readTracker(MemoryBook.fromLayout(layout));
    expect(back.removed.map((r) => r.code)).toEqual(['V.4']);
    expect(back.removed[0]!.entries.note).toBe('Mẫu phiếu đã gửi các xã');
    expect(back.rows.find((r) => r.code === '+1')!.entries.state).toBe('Đang thực hiện');
  });

  test('a second rebuild with the same plan changes nothing and loses nothing', () => {
    const layout = layoutWorkbook(carried.plan, {
      reportDate: '2019-09-15',
      entered: carried.entered,
      extraColumns: carried.extraColumns,
      removed: carried.removed,
      moved: carried.moved,
    });
    const again = carryOver(readTracker(MemoryBook.fromLayout(layout)), plan, {
      today: '2019-10-01',
    });
    expect(again.report.plan.verdict).toBe('same');
    expect(again.report.renumbered).toEqual([]);
    expect(again.report.removed).toEqual([]);
    expect(again.removed.map((r) => [r.code, r.removedOn])).toEqual([['V.4', TODAY]]);
    expect(again.entered['I.3']).toEqual(carried.entered['I.3']);
    expect(again.report.typed).toEqual([
      { title: 'Kiểm tra việc niêm yết tại 12 xã, phường', to: '+1', joined: false },
    ]);
  });

  test('a removed task that comes back takes its values back', () => {
    const layout = layoutWorkbook(carried.plan, {
      entered: carried.entered,
      extraColumns: carried.extraColumns,
      removed: carried.removed,
      moved: carried.moved,
    });
    const back = carryOver(readTracker(MemoryBook.fromLayout(layout)), originalPlan(), {
      today: '2019-10-01',
    });
    expect(back.report.restored).toEqual([{ code: 'V.4', to: 'V.4' }]);
    expect(back.entered['V.4']).toMatchObject({
      state: 'Hoàn thành',
      note: 'Mẫu phiếu đã gửi các xã',
    });
    expect(back.removed).toEqual([]);
  });

  test('another plan is told apart from a revision', () => {
    const other = carryOver(tracker, originalPlan(), { today: TODAY });
    expect(other.report.plan.verdict).not.toBe('different');
    const unrelated = {
      ...plan,
      document: { ...plan.document, number: null, title: null },
      tasks: plan.tasks.slice(0, 3).map((t, i) => ({ ...t, title: `Nhiệm vụ khác hẳn số ${i}` })),
    };
    const verdict = carryOver(tracker, unrelated, { today: TODAY }).report.plan.verdict;
    expect(verdict).toBe('different');
  });
});
