// "Phân công": one row per unit of each task (lead or coordinating), with the task's deadline
// and status looked up live from the master list by Mã. The dashboard counts from here, so a
// task led by two units counts for each.
//
// No formula uses a unit's name or a Mã as a criterion: COUNTIFS, COUNTIF and MATCH read "*",
// "?" and "~" in them as wildcards and a leading "<>" or "=" as an operator, fail past 255
// characters and ignore case. The dashboard counts by the unit's number (its STT there, kept
// in a hidden column here), and a Mã that such a function would misread is found exactly.

import { leadUnitNames } from '../../core/status/rollup';
import { isDue } from '../../core/status';
import { address, columnLetter, quoteSheet, wholeColumn } from '../../excel/a1';
import { dateValue, formulaCell, idCell } from '../cells';
import { printSetup, type Context, type MasterRow } from '../context';
import { codeColumnWidth } from '../fit';
import { TAB_COLOURS } from '../styles';
import type { Cell, SheetLayout } from '../types';
import { daysLeftCell, statusCell } from './tasks';

export const ASSIGNMENT = {
  header: 3,
  first: 4,
  code: 0,
  unit: 1,
  role: 2,
  due: 3,
  status: 4,
  daysLeft: 5,
  row: 6,
  /** Hidden: the lead unit's STT on the dashboard (blank for coordinating units). */
  unitNo: 7,
  /** Hidden: 1 when the item is due (its deadline has come, not set aside). */
  isDue: 8,
  /** Hidden: Gia hạn đến, when the item was extended. */
  extendedTo: 9,
} as const;

export interface Assignment {
  /** The item's Mã (a task, or an occurrence). */
  id: string;
  unit: string;
  role: 'lead' | 'support';
  row: MasterRow;
}

/** One row per unit of every item of work (a recurring task's heading is not an item). */
export function assignments(ctx: Context): Assignment[] {
  const out: Assignment[] = [];
  for (const row of ctx.master.rows) {
    if (row.role === 'heading') continue;
    for (const role of ['lead', 'support'] as const) {
      const seen = new Set<string>();
      for (const name of row.task[role]) {
        const unit = ctx.unitOf(name);
        if (seen.has(unit)) continue;
        seen.add(unit);
        out.push({ id: row.code, unit, role, row });
      }
    }
  }
  return out;
}

/** The whole master column of each index ("'Nhiệm vụ'!$E:$E"), made once per build. */
const taskListColumns = new WeakMap<Context, string[]>();

/** "'Nhiệm vụ'!$E:$E": a whole column of the master list (0-based), as formulas name it. */
export function taskListColumn(ctx: Context, masterColumn: number): string {
  let columns = taskListColumns.get(ctx);
  if (!columns) taskListColumns.set(ctx, (columns = []));
  return (columns[masterColumn] ??= wholeColumn(ctx.sheetNames.tasks, masterColumn));
}

/** INDEX into a master column by the row found in the helper column; blank stays blank. */
export function lookup(ctx: Context, masterColumn: number, rowCell: string): string {
  const col = taskListColumn(ctx, masterColumn);
  return `IF(ISNUMBER(${rowCell}),IF(INDEX(${col},${rowCell})="","",INDEX(${col},${rowCell})),"")`;
}

/** Mã that MATCH would misread: wildcards, over 255 characters, or equal to another but for case. */
const misreadIds = new WeakMap<Context['plan'], Set<string>>();
function misread(ctx: Context, id: string): boolean {
  let ids = misreadIds.get(ctx.plan);
  if (!ids) {
    const byFold = new Map<string, number>();
    for (const r of ctx.master.rows) {
      const k = r.code.toUpperCase();
      byFold.set(k, (byFold.get(k) ?? 0) + 1);
    }
    ids = new Set(
      ctx.master.rows
        .map((r) => r.code)
        .filter((i) => /[*?~]/.test(i) || i.length > 255 || byFold.get(i.toUpperCase())! > 1),
    );
    misreadIds.set(ctx.plan, ids);
  }
  return ids.has(id);
}

/**
 * The master-list row of the task whose Mã is in `codeCell` (holding `id`): MATCH, or for a Mã
 * MATCH would misread, the exact comparison (EXACT over the task rows; #N/A when it is gone).
 */
export function matchRow(ctx: Context, codeCell: string, id: string): string {
  const taskList = ctx.master;
  if (!misread(ctx, id)) return `MATCH(${codeCell},${taskListColumn(ctx, taskList.col.code)},0)`;
  const codeLetter = columnLetter(taskList.col.code);
  const codes = `${quoteSheet(ctx.sheetNames.tasks)}!$${codeLetter}$${taskList.firstRow}:$${codeLetter}$${taskList.lastRow}`;
  const found = `EXACT(${codes},${codeCell})`;
  return `IF(SUMPRODUCT(--${found})=1,SUMPRODUCT(${found}*ROW(${codes})),NA())`;
}

/** Each lead unit's number: its STT on the dashboard. */
const unitNumbers = new WeakMap<Context['plan'], Map<string, number>>();
export function unitNumber(ctx: Context, unit: string): number | undefined {
  let numbers = unitNumbers.get(ctx.plan);
  if (!numbers) {
    numbers = new Map(leadUnitNames(ctx.plan).map((u, i) => [u, i + 1]));
    unitNumbers.set(ctx.plan, numbers);
  }
  return numbers.get(unit);
}

export function assignmentsSheet(ctx: Context, rows: Assignment[]): SheetLayout {
  const { labels } = ctx;
  const words = labels.words;
  const headers = [
    words.code!,
    words.unit!,
    words.role!,
    words.due!,
    words.status!,
    words.daysLeft!,
    words.row!,
    words.unitNo!,
    words.isDue!,
    words.extendedTo!,
  ];
  const column = ctx.master.col;
  const valued = ctx.valueDate !== null;
  const body = rows.map((assignment, i): (Cell | null)[] => {
    const r = ASSIGNMENT.first + i;
    const rowCell = `$${columnLetter(ASSIGNMENT.row)}${r}`;
    const unitNo = assignment.role === 'lead' ? unitNumber(ctx, assignment.unit) : undefined;
    const standing = assignment.row.standing;
    const ifValued = <T>(value: T): T | undefined => (valued ? value : undefined);
    return [
      idCell(assignment.id),
      { text: assignment.unit, style: 'text' },
      {
        text: assignment.role === 'lead' ? labels.roles.lead : labels.roles.support,
        style: 'textCenter',
      },
      formulaCell(
        lookup(ctx, column.effectiveDue, rowCell),
        'date',
        ifValued(dateValue(standing.due)),
      ),
      statusCell(ctx, lookup(ctx, column.status, rowCell), assignment.row),
      daysLeftCell(ctx, lookup(ctx, column.daysLeft, rowCell), assignment.row),
      formulaCell(matchRow(ctx, `$A${r}`, assignment.id), 'int', ifValued(assignment.row.r)),
      unitNo === undefined ? { style: 'int' } : { number: unitNo, style: 'int' },
      formulaCell(
        `IF(ISNUMBER(${rowCell}),N(INDEX(${taskListColumn(ctx, column.isDue)},${rowCell})),0)`,
        'int',
        ifValued(ctx.valueDate && isDue(standing.due, standing.status, ctx.valueDate) ? 1 : 0),
      ),
      formulaCell(
        lookup(ctx, column.extendedTo, rowCell),
        'date',
        ifValued(dateValue(ctx.options.entered?.[assignment.id]?.extendedTo)),
      ),
    ];
  });
  const last = ASSIGNMENT.first + Math.max(rows.length, 1) - 1;
  const sheet: SheetLayout = {
    key: 'assignments',
    kind: 'assignments',
    name: ctx.sheetNames.assignments,
    marker: 'PhuLuc_PhanCong',
    tabColor: TAB_COLOURS.assignments,
    columns: [
      {
        width: codeColumnWidth(ctx.master.rows, 12),
      },
      { width: 40 },
      { width: 12 },
      { width: 12 },
      { width: 20 },
      { width: 10 },
      { width: 7, hidden: true },
      { width: 7, hidden: true },
      { width: 7, hidden: true },
      { width: 11, hidden: true },
    ],
    blocks: [
      {
        origin: 'A1',
        rows: [
          [{ text: words.assignmentsTitle!, style: 'title' }],
          [{ text: ctx.planLine, style: 'subtitle' }],
        ],
      },
      {
        origin: address(0, ASSIGNMENT.header),
        rows: [headers.map((h) => ({ text: h, style: 'header' }))],
      },
    ],
    freeze: { rows: ASSIGNMENT.header, columns: 0 },
    conditionalFormats: [],
    dataValidations: [],
    print: printSetup(ctx, `${ASSIGNMENT.header}:${ASSIGNMENT.header}`),
    protect: true,
  };
  if (rows.length > 0) {
    sheet.blocks.push({ origin: address(0, ASSIGNMENT.first), rows: body });
    sheet.textNumbers = [`A${ASSIGNMENT.first}:A${last}`];
    sheet.table = {
      name: 'PhuLuc_PhanCong_Bang',
      range: `A${ASSIGNMENT.header}:${columnLetter(headers.length - 1)}${last}`,
      style: 'TableStyleLight1',
      columns: headers,
      keyColumn: headers[0]!,
      entryColumns: [],
    };
  }
  return sheet;
}

/**
 * COUNTIFS over the assignments of one unit as lead, with extra criteria: `numberCell` holds the
 * unit's number (unitNumber), which only its rows as lead carry.
 */
export function countLead(
  ctx: Context,
  numberCell: string,
  ...criteria: [number, string][]
): string {
  const sheet = ctx.sheetNames.assignments;
  const parts = [
    `${wholeColumn(sheet, ASSIGNMENT.unitNo)},${numberCell}`,
    ...criteria.map(([column, criterion]) => `${wholeColumn(sheet, column)},${criterion}`),
  ];
  return `COUNTIFS(${parts.join(',')})`;
}
