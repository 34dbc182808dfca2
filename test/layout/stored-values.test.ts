// Tình trạng and Còn lại are Nhiệm vụ's formulas; Phân công and the unit sheets look them up.
// Each cell stores its value on the report date for programs that do not calculate (a
// previewer, Protected View, a phone): the value must be the same wherever the row is shown, and
// Còn lại the days from the report date to the deadline in force.
import { parsePlanText } from '../../src/core/plan/parse';
import { layoutWorkbook } from '../../src/layout';
import { idValue } from '../../src/layout/cells';
import { labelsFor } from '../../src/layout/labels';
import type { Cell, SheetLayout } from '../../src/layout/types';
import { seedNamed, seedText } from '../helpers/seeds';

const REPORT_DATE = '2019-06-30';
const words = labelsFor('vi').words;

/** The sheet's cells by row, then by column (0-based), wherever its blocks put them. */
function grid(sheet: SheetLayout): Map<number, Map<number, Cell>> {
  const out = new Map<number, Map<number, Cell>>();
  for (const block of sheet.blocks) {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(block.origin)!;
    const col0 = [...letters!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    block.rows.forEach((cells, i) => {
      const row = out.get(Number(digits) + i) ?? new Map<number, Cell>();
      cells.forEach((cell, j) => cell && row.set(col0 + j, cell));
      out.set(Number(digits) + i, row);
    });
  }
  return out;
}

interface Shown {
  status: Cell['value'];
  daysLeft: Cell['value'];
}

/** Each row's stored Tình trạng and Còn lại, by the Mã in its first column. */
function shownByCode(sheet: SheetLayout): Map<string | number, Shown[]> {
  const out = new Map<string | number, Shown[]>();
  let columns: { code: number; status: number; daysLeft: number } | undefined;
  for (const row of grid(sheet).values()) {
    const header = [...row].map(([col, cell]) => [cell.text, col] as const);
    const find = (label: string) => header.find(([text]) => text === label)?.[1];
    const [code, status, daysLeft] = [
      find(words.code!),
      find(words.status!),
      find(words.daysLeft!),
    ];
    if (code !== undefined && status !== undefined && daysLeft !== undefined) {
      columns = { code, status, daysLeft };
      continue;
    }
    const statusCell = columns && row.get(columns.status);
    if (!columns || statusCell?.formula === undefined) continue;
    const codeCell = row.get(columns.code)!;
    const id = codeCell.number ?? codeCell.text!;
    const list = out.get(id) ?? [];
    list.push({ status: statusCell.value, daysLeft: row.get(columns.daysLeft)!.value });
    out.set(id, list);
  }
  return out;
}

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('stored Tình trạng and Còn lại', () => {
  const plan = parsePlanText(seedText(seedNamed('000')));
  const first = plan.tasks.find((t) => t.time.due && t.lead.length > 0)!;
  const second = plan.tasks.find((t) => t !== first && t.time.due && t.lead.length > 0)!;
  const layout = layoutWorkbook(plan, {
    reportDate: REPORT_DATE,
    // One done task, one extended past its deadline: both change what Còn lại shows.
    entered: {
      [first.id]: { state: 'Hoàn thành', completed: first.time.due! },
      [second.id]: { extendedTo: '2019-12-31' },
    },
  });
  const sheets = (kind: SheetLayout['kind']) => layout.sheets.filter((s) => s.kind === kind);
  const tasks = shownByCode(sheets('tasks')[0]!);

  it('Nhiệm vụ: the days from the report date to the deadline in force, blank when done', () => {
    expect(tasks.get(idValue(first.id))).toEqual([{ status: 'Hoàn thành đúng hạn', daysLeft: '' }]);
    expect(tasks.get(idValue(second.id))![0]!.daysLeft).toBe(
      dayNumber('2019-12-31') - dayNumber(REPORT_DATE),
    );
    const open = plan.tasks.filter((t) => {
      const status = tasks.get(idValue(t.id))?.[0]?.status;
      // A recurring task's row is its heading: its periods have rows of their own.
      const single = t.time.kind !== 'recurring';
      return single && t !== second && (status === 'Quá hạn' || status === 'Trong hạn');
    });
    expect(open.length).toBeGreaterThanOrEqual(4);
    for (const task of open)
      expect(tasks.get(idValue(task.id))![0]!.daysLeft).toBe(
        dayNumber(task.time.due!) - dayNumber(REPORT_DATE),
      );
  });

  it.each(['assignments', 'unit'] as const)('%s shows what Nhiệm vụ shows for the row', (kind) => {
    let compared = 0;
    for (const sheet of sheets(kind)) {
      for (const [id, shownHere] of shownByCode(sheet)) {
        for (const shown of shownHere) expect(shown).toEqual(tasks.get(id)![0]);
        compared += shownHere.length;
      }
    }
    expect(compared).toBeGreaterThan(plan.tasks.length);
  });
});

describe('Tính đến ngày', () => {
  it('on Tổng hợp and every unit sheet: Cài đặt’s report date, stored as the report date', () => {
    const plan = parsePlanText(seedText(seedNamed('000')));
    const asOf = (reportDate?: string) =>
      layoutWorkbook(plan, reportDate ? { reportDate } : {})
        .sheets.filter((s) => s.kind === 'dashboard' || s.kind === 'unit')
        .map((sheet) => {
          const row = [...grid(sheet).values()].find((cells) =>
            [...cells.values()].some((c) => c.text === words.asOf),
          )!;
          return [...row.values()].find((c) => c.formula)!;
        });
    const dated = asOf(REPORT_DATE);
    expect(dated.length).toBeGreaterThan(2);
    // 30/06/2019 is the serial 43646.
    for (const cell of dated) expect(cell).toMatchObject({ formula: 'NgayBaoCao', value: 43646 });
    for (const cell of asOf()) expect(cell.value).toBeUndefined();
  });
});
