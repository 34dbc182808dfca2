// "Phân công": one row per unit of each task (lead or coordinating), with the task's deadline
// and status looked up live from the master list by Mã. The dashboard counts from here, so a
// task led by two units counts for each.
//
// No formula uses a unit's name or a Mã as a criterion: COUNTIFS, COUNTIF and MATCH read "*",
// "?" and "~" in them as wildcards and a leading "<>" or "=" as an operator, fail past 255
// characters and ignore case. The dashboard counts by the unit's number (its STT there, kept
// in a hidden column here), and a Mã that such a function would misread is found exactly.

import { leadUnitNames } from '../../core/status/rollup';
import { address, columnLetter, sheetRef, wholeColumn } from '../a1';
import { printSetup, type Context } from '../context';
import { TAB_COLOURS } from '../styles';
import type { Cell, SheetLayout } from '../types';

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
} as const;

export interface Assignment {
  id: string;
  unit: string;
  role: 'lead' | 'support';
}

export function assignments(ctx: Context): Assignment[] {
  const out: Assignment[] = [];
  for (const task of ctx.plan.tasks) {
    for (const role of ['lead', 'support'] as const) {
      const seen = new Set<string>();
      for (const name of task[role]) {
        const unit = ctx.unitOf(name);
        if (seen.has(unit)) continue;
        seen.add(unit);
        out.push({ id: task.id, unit, role });
      }
    }
  }
  return out;
}

/** INDEX into a master column by the row found in the helper column; blank stays blank. */
export function lookup(ctx: Context, masterColumn: number, rowCell: string): string {
  const col = wholeColumn(ctx.sheetNames.tasks, masterColumn);
  return `IF(ISNUMBER(${rowCell}),IF(INDEX(${col},${rowCell})="","",INDEX(${col},${rowCell})),"")`;
}

/** Mã that MATCH would misread: wildcards, over 255 characters, or equal to another but for case. */
const misreadIds = new WeakMap<Context['plan'], Set<string>>();
function misread(ctx: Context, id: string): boolean {
  let ids = misreadIds.get(ctx.plan);
  if (!ids) {
    const byFold = new Map<string, number>();
    for (const t of ctx.plan.tasks) {
      const k = t.id.toUpperCase();
      byFold.set(k, (byFold.get(k) ?? 0) + 1);
    }
    ids = new Set(
      ctx.plan.tasks
        .map((t) => t.id)
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
  const m = ctx.master;
  if (!misread(ctx, id))
    return `MATCH(${codeCell},${wholeColumn(ctx.sheetNames.tasks, m.col.code)},0)`;
  const c = columnLetter(m.col.code);
  const codes = `${sheetRef(ctx.sheetNames.tasks)}!$${c}$${m.firstRow}:$${c}$${m.lastRow}`;
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
  const { L } = ctx;
  const w = L.words;
  const headers = [w.code!, w.unit!, w.role!, w.due!, w.status!, w.daysLeft!, w.row!, w.unitNo!];
  const body = rows.map((a, i): (Cell | null)[] => {
    const r = ASSIGNMENT.first + i;
    const rowCell = `$${columnLetter(ASSIGNMENT.row)}${r}`;
    const unitNo = a.role === 'lead' ? unitNumber(ctx, a.unit) : undefined;
    return [
      { text: a.id, style: 'textCenter' },
      { text: a.unit, style: 'text' },
      { text: a.role === 'lead' ? L.roles.lead : L.roles.support, style: 'textCenter' },
      { formula: lookup(ctx, ctx.master.col.due, rowCell), style: 'date' },
      { formula: lookup(ctx, ctx.master.col.status, rowCell), style: 'status' },
      { formula: lookup(ctx, ctx.master.col.daysLeft, rowCell), style: 'int' },
      { formula: matchRow(ctx, `$A${r}`, a.id), style: 'int' },
      unitNo === undefined ? { style: 'int' } : { number: unitNo, style: 'int' },
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
      { width: 9 },
      { width: 40 },
      { width: 12 },
      { width: 12 },
      { width: 20 },
      { width: 10 },
      { width: 7, hidden: true },
      { width: 7, hidden: true },
    ],
    blocks: [
      {
        origin: 'A1',
        rows: [
          [{ text: w.assignmentsTitle!, style: 'title' }],
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
  };
  if (rows.length > 0) {
    sheet.blocks.push({ origin: address(0, ASSIGNMENT.first), rows: body });
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
