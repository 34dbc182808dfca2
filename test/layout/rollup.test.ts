// The roll-up of Tổng hợp and of the unit sheets on a small plan, counted by hand at three report
// dates: every count column of the dashboard, for each lead unit and the whole plan. The
// figures here were worked out from the rules of docs/domain.md, not from the code, so a count
// taken from the wrong base (the deadline before its extension, paused or cancelled work counted
// as due, a deadline of today not yet due, a coordinating unit counted as lead, a recurring task
// counted once instead of once per period) fails here, not only in the LibreOffice suite.
import { parsePlanText } from '../../src/core/plan/parse';
import type { Entered } from '../../src/core/status';
import { itemStandings, rollupByUnit, standings } from '../../src/core/status/rollup';
import { layoutWorkbook, type EnteredValues } from '../../src/layout';
import { labelsFor } from '../../src/layout/labels';
import { CATEGORY_NAMES, STATE_NAMES } from '../../src/layout/names';
import { DASHBOARD, DASHBOARD_COLUMNS } from '../../src/layout/sheets/dashboard';
import type { Cell, SheetLayout } from '../../src/layout/types';
import { isoToSerial } from '../../src/excel/dates';
import type { StatusCategory } from '../../src/core/status';
import { cellsByAddress, RowCalculator, type Value } from '../helpers/row-formulas';

const HEAD = [
  'Số: 10/KH-UBND',
  'An Bình, ngày 15 tháng 01 năm 2024',
  '',
  'KẾ HOẠCH',
  'Cải cách hành chính năm 2024',
  '',
];
const HEADER = ['STT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời gian', 'Sản phẩm'];
const NOI_VU = 'Sở Nội vụ';
const TU_PHAP = 'Sở Tư pháp';
// Each task, and what is typed on its row (the same on every report date).
const ROWS = [
  // Done on time. Sở Tư pháp only coordinates it: not in its counts.
  ['1', 'Rà soát thủ tục hành chính', NOI_VU, TU_PHAP, '30/3/2024', 'Báo cáo'],
  // Done late (10/05 after 30/04).
  ['2', 'Công khai thủ tục', NOI_VU, '', '30/4/2024', 'Danh mục'],
  // Done, no completion date; due 30/06.
  ['3', 'Đánh giá chỉ số', NOI_VU, '', 'Quý II/2024', 'Báo cáo'],
  // Led by both units: once in each unit's row, once in the whole plan. Not done.
  ['4', 'Kiểm tra liên ngành', `${NOI_VU}, ${TU_PHAP}`, '', '15/6/2024', 'Biên bản'],
  // Due 31/05, extended to 31/12: not due in 2024 before 31/12.
  ['5', 'Sửa đổi quy chế', TU_PHAP, '', '31/5/2024', 'Quyết định'],
  // Paused, past its deadline: not due.
  ['6', 'Số hóa hồ sơ', TU_PHAP, '', '30/4/2024', 'Kho dữ liệu'],
  // Cancelled, past its deadline: not due.
  ['7', 'Tập huấn', TU_PHAP, '', '31/3/2024', 'Lớp tập huấn'],
  // No deadline.
  ['8', 'Tiếp nhận phản ánh', NOI_VU, '', 'Thường xuyên', 'Sổ theo dõi'],
  // Waiting for a condition: counted with "no deadline".
  ['9', 'Hướng dẫn thực hiện', TU_PHAP, '', 'Khi có văn bản hướng dẫn của Bộ', 'Văn bản'],
  // Four items, one per quarter (due 31/03, 30/06, 30/09, 31/12); Q1 done late on 05/04.
  ['10', 'Báo cáo kết quả', NOI_VU, '', 'Hằng quý', 'Báo cáo'],
  // Due on 28/06, the second report date: due that day, and not overdue.
  ['11', 'Tổng hợp ý kiến', TU_PHAP, '', '28/6/2024', 'Báo cáo'],
];
const ENTERED: Record<string, Entered> = {
  '1': { state: 'done', completed: '2024-03-25' },
  '2': { state: 'done', completed: '2024-05-10' },
  '3': { state: 'done' },
  '4': { state: 'in-progress' },
  '5': { extendedTo: '2024-12-31' },
  '6': { state: 'paused' },
  '7': { state: 'cancelled' },
  '10/2024-Q1': { state: 'done', completed: '2024-04-05' },
};
const DUE_SOON_DAYS = 7;

/** The dashboard's count columns, in its order: the table below is written in this order. */
const COUNT_COLUMNS = [
  'total',
  'doneOnTime',
  'doneLate',
  'doneUndated',
  'pendingInTime',
  'overdue',
  'noDeadline',
  'paused',
  'cancelled',
  'due',
  'dueSoon',
  'extended',
  'pctDone',
  'pctOnTime',
] as const;
type Figures = Record<(typeof COUNT_COLUMNS)[number], number | null>;

// prettier-ignore
const BY_HAND: [date: string, unit: string, ...figures: (number | null)[]][] = [
  //                      total onTime late undated inTime overdue noDl paused canc. due soon ext  %done  %onTime
  // 10/06: 4 is due in 5 days; Q2 and Q3 ahead; 5 is extended; 1, 2 and Q1 are due.
  ['2024-06-10', NOI_VU,   9,    1,    2,    1,      4,     0,      1,   0,     0,    3,  1,   0,   1,     1 / 3],
  ['2024-06-10', TU_PHAP,  6,    0,    0,    0,      3,     0,      1,   1,     1,    0,  1,   1,   null,  null],
  ['2024-06-10', '',       14,   1,    2,    1,      6,     0,      2,   1,     1,    3,  1,   1,   1,     1 / 3],
  // 28/06: 4 overdue; 11 due today (due, due soon, not overdue); Q2 due in 2 days.
  ['2024-06-28', NOI_VU,   9,    1,    2,    1,      3,     1,      1,   0,     0,    4,  1,   0,   3 / 4, 1 / 4],
  ['2024-06-28', TU_PHAP,  6,    0,    0,    0,      2,     1,      1,   1,     1,    2,  1,   1,   0,     0],
  ['2024-06-28', '',       14,   1,    2,    1,      5,     1,      2,   1,     1,    5,  2,   1,   3 / 5, 1 / 5],
  // 01/10: 4, 11, Q2 and Q3 overdue; 3 (done, undated) now due; 5 still extended.
  ['2024-10-01', NOI_VU,   9,    1,    2,    1,      1,     3,      1,   0,     0,    7,  0,   0,   4 / 7, 1 / 7],
  ['2024-10-01', TU_PHAP,  6,    0,    0,    0,      1,     2,      1,   1,     1,    2,  0,   1,   0,     0],
  ['2024-10-01', '',       14,   1,    2,    1,      2,     4,      2,   1,     1,    8,  0,   1,   4 / 8, 1 / 8],
];

const DATES = [...new Set(BY_HAND.map(([date]) => date))];
const expected = (date: string, unit: string): Figures => {
  const row = BY_HAND.find(([d, u]) => d === date && u === unit)!;
  return Object.fromEntries(COUNT_COLUMNS.map((key, i) => [key, row[2 + i]!])) as Figures;
};

const plan = parsePlanText(
  [...HEAD, HEADER.join('\t'), ...ROWS.map((r) => r.join('\t'))].join('\n'),
);

describe('the roll-up counted by hand', () => {
  it('is a table of every count column of Tổng hợp, each row adding up to Tổng số', () => {
    expect(DASHBOARD_COLUMNS.slice(2)).toEqual(COUNT_COLUMNS);
    for (const [date, unit] of BY_HAND) {
      const f = expected(date, unit);
      const split = [
        f.doneOnTime,
        f.doneLate,
        f.doneUndated,
        f.pendingInTime,
        f.overdue,
        f.noDeadline,
        f.paused,
        f.cancelled,
      ];
      expect([date, unit, split.reduce((n, x) => n! + x!, 0)]).toEqual([date, unit, f.total]);
    }
  });

  it('reads the plan as the table assumes: eleven tasks, the last recurring one in four periods', () => {
    expect(plan.tasks.map((t) => [t.id, t.lead])).toEqual(
      ROWS.map((r) => [r[0], r[2]!.split(', ')]),
    );
    const items = itemStandings(standings(plan, DATES[0]!, DUE_SOON_DAYS, ENTERED));
    expect(items.filter((s) => s.role === 'occurrence').map((s) => [s.id, s.due])).toEqual([
      ['10/2024-Q1', '2024-03-31'],
      ['10/2024-Q2', '2024-06-30'],
      ['10/2024-Q3', '2024-09-30'],
      ['10/2024-Q4', '2024-12-31'],
    ]);
  });

  it('counts an item once for a unit named twice among its leads', () => {
    const twice = structuredClone(plan);
    // Task 2 is led by Sở Nội vụ alone; here the unit is written twice among its leads.
    twice.tasks.find((t) => t.id === '2')!.lead = [NOI_VU, NOI_VU];
    for (const date of DATES) {
      expect(rollupByUnit(twice, date, DUE_SOON_DAYS, ENTERED)).toEqual(
        rollupByUnit(plan, date, DUE_SOON_DAYS, ENTERED),
      );
    }
  });

  it.each(DATES)('the core counts on %s as the table says', (date) => {
    const { units, total } = rollupByUnit(plan, date, DUE_SOON_DAYS, ENTERED);
    const figures = (row: (typeof units)[number]): Figures =>
      Object.fromEntries(COUNT_COLUMNS.map((key) => [key, row[key]])) as Figures;
    expect(units.map((u) => u.unit).sort()).toEqual([NOI_VU, TU_PHAP]);
    for (const row of [...units, total]) {
      const want = expected(date, row.unit);
      const got = figures(row);
      for (const key of ['pctDone', 'pctOnTime'] as const) {
        if (want[key] === null) expect(got[key]).toBeNull();
        else expect(got[key]).toBeCloseTo(want[key]!, 10);
      }
      expect({ unit: row.unit, ...got, pctDone: 0, pctOnTime: 0 }).toEqual({
        unit: row.unit,
        ...want,
        pctDone: 0,
        pctOnTime: 0,
      });
    }
  });
});

describe('the workbook shows the counts of the table', () => {
  const vi = labelsFor('vi');
  const typed: Record<string, EnteredValues> = Object.fromEntries(
    Object.entries(ENTERED).map(([code, e]) => [
      code,
      {
        ...(e.state ? { state: vi.states[e.state] } : {}),
        ...(e.completed ? { completed: e.completed } : {}),
        ...(e.extendedTo ? { extendedTo: e.extendedTo } : {}),
      },
    ]),
  );

  /** The values a block's cells store, by their place. */
  function blockValues(sheet: SheetLayout, origin: string): (Cell | null)[][] {
    return sheet.blocks.find((b) => b.origin === origin)!.rows;
  }

  it.each(DATES)('on Tổng hợp, on %s', (date) => {
    const layout = layoutWorkbook(plan, {
      reportDate: date,
      dueSoonDays: DUE_SOON_DAYS,
      entered: typed,
    });
    const dashboard = layout.sheets.find((s) => s.kind === 'dashboard')!;
    const rows = blockValues(dashboard, `A${DASHBOARD.first}`);
    // One row per lead unit (in the plan's order of units), then the whole plan.
    // A lead unit's name links to its sheet: a HYPERLINK formula showing the name.
    const units = rows.map((r) => r[1]!.text ?? String(r[1]!.value));
    expect(units.slice(0, -1).sort()).toEqual([NOI_VU, TU_PHAP]);
    expect(units.at(-1)).toBe(vi.words.wholePlan);
    [...units.slice(0, -1), ''].forEach((unit, i) => {
      const want = expected(date, unit);
      const shown = Object.fromEntries(
        COUNT_COLUMNS.map((key, k) => [key, rows[i]![2 + k]!.value]),
      );
      expect([unit, shown]).toEqual([
        unit,
        Object.fromEntries(
          COUNT_COLUMNS.map((key) => [
            key,
            want[key] === null ? '' : expect.closeTo(want[key]!, 10),
          ]),
        ),
      ]);
    });
  });

  it.each(DATES)('on the unit sheets, on %s', (date) => {
    const layout = layoutWorkbook(plan, {
      reportDate: date,
      dueSoonDays: DUE_SOON_DAYS,
      entered: typed,
    });
    for (const unit of [NOI_VU, TU_PHAP]) {
      const sheet = layout.sheets.find((s) => s.key === `unit:${unit}`)!;
      // The counts: rows of labels, each over a row of values.
      const shown = new Map<string, unknown>();
      for (const block of sheet.blocks.filter((b) => /^C\d+$/.test(b.origin))) {
        block.rows[0]!.forEach((label, k) => shown.set(label!.text!, block.rows[1]![k]!.value));
      }
      const want = expected(date, unit);
      const c = vi.categories;
      expect([unit, Object.fromEntries(shown)]).toEqual([
        unit,
        {
          [vi.words.total!]: want.total,
          [c.overdue]: want.overdue,
          [c['due-soon']]: want.dueSoon,
          [c['on-track']]: want.pendingInTime! - want.dueSoon!,
          [c['done-on-time']]: want.doneOnTime,
          [c['done-late']]: want.doneLate,
          [c['done-undated']]: want.doneUndated,
          [c['no-deadline']]: want.noDeadline,
          [c.paused]: want.paused,
          [c.cancelled]: want.cancelled,
          [vi.words.extendedCount!]: want.extended,
          [vi.words.support!]: unit === TU_PHAP ? 1 : 0,
        },
      ]);
    }
  });
});

describe("the task list's own formulas, computed, count as the table says", () => {
  const vi = labelsFor('vi');
  const typed: Record<string, EnteredValues> = Object.fromEntries(
    Object.entries(ENTERED).map(([code, e]) => [
      code,
      {
        ...(e.state ? { state: vi.states[e.state] } : {}),
        ...(e.completed ? { completed: e.completed } : {}),
        ...(e.extendedTo ? { extendedTo: e.extendedTo } : {}),
      },
    ]),
  );
  // The counts Tổng hợp's formulas take over the task list's helper columns: Tình trạng việc
  // (an item's status), Là việc, Đã đến hạn.
  const COUNTED: Partial<Record<keyof Figures, StatusCategory[]>> = {
    doneOnTime: ['done-on-time'],
    doneLate: ['done-late'],
    doneUndated: ['done-undated'],
    pendingInTime: ['on-track', 'due-soon'],
    overdue: ['overdue'],
    noDeadline: ['no-deadline', 'waiting'],
    paused: ['paused'],
    cancelled: ['cancelled'],
    dueSoon: ['due-soon'],
  };

  it.each(DATES)('on %s', (date) => {
    const layout = layoutWorkbook(plan, {
      reportDate: date,
      dueSoonDays: DUE_SOON_DAYS,
      entered: typed,
    });
    const sheet = layout.sheets.find((s) => s.kind === 'tasks')!;
    const cells = cellsByAddress(sheet);
    const names: Record<string, Value> = {
      NgayBaoCao: isoToSerial(date),
      SoNgaySapDenHan: DUE_SOON_DAYS,
    };
    for (const [c, name] of Object.entries(CATEGORY_NAMES))
      names[name] = vi.categories[c as StatusCategory];
    for (const [st, name] of Object.entries(STATE_NAMES))
      names[name] = vi.states[st as keyof typeof vi.states];
    const calc = new RowCalculator(cells, names);
    // Columns by their header on row 3.
    const letterOf = (header: string): string => {
      const found = [...cells].find(
        ([address, c]) => /^[A-Z]+3$/.test(address) && c.text === header,
      );
      return found![0].replace(/3$/, '');
    };
    const w = vi.words;
    const [lead, isItem, isDue, itemStatus, extendedTo] = [
      w.lead!,
      w.isItem!,
      w.isDue!,
      w.itemStatus!,
      w.extendedTo!,
    ].map(letterOf);
    const items: { leads: string[]; status: string; due: boolean; extended: boolean }[] = [];
    for (let r = 4; cells.has(`A${r}`); r++) {
      if (calc.value(`${isItem}${r}`) !== 1) continue;
      items.push({
        leads: String(cells.get(`${lead}${r}`)?.text ?? '').split('\n'),
        status: String(calc.value(`${itemStatus}${r}`)),
        due: calc.value(`${isDue}${r}`) === 1,
        extended: typeof calc.value(`${extendedTo}${r}`) === 'number',
      });
    }
    for (const unit of [NOI_VU, TU_PHAP, '']) {
      const mine = items.filter((item) => unit === '' || item.leads.includes(unit));
      const due = mine.filter((item) => item.due);
      const inCategories = (list: { status: string }[], cs: StatusCategory[]): number =>
        list.filter((item) => cs.some((c) => vi.categories[c] === item.status)).length;
      const counted = Object.fromEntries(
        Object.entries(COUNTED).map(([key, cs]) => [key, inCategories(mine, cs)]),
      );
      const want = expected(date, unit);
      expect([unit, { ...counted, total: mine.length, due: due.length }]).toEqual([
        unit,
        {
          ...Object.fromEntries(
            Object.keys(COUNTED).map((key) => [key, want[key as keyof Figures]]),
          ),
          total: want.total,
          due: want.due,
        },
      ]);
      expect([unit, mine.filter((item) => item.extended).length]).toEqual([unit, want.extended]);
      const doneDue = inCategories(due, ['done-on-time', 'done-late', 'done-undated']);
      const onTimeDue = inCategories(due, ['done-on-time']);
      if (want.pctDone === null) expect(due).toHaveLength(0);
      else {
        expect(doneDue / due.length).toBeCloseTo(want.pctDone, 10);
        expect(onTimeDue / due.length).toBeCloseTo(want.pctOnTime!, 10);
      }
    }
  });
});
