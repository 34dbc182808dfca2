// "Phân công": one row per unit of each task (lead or coordinating), with the task's deadline
// and status looked up live from the master list by Mã. The dashboard counts from here, so a
// task led by two units counts for each.

import { address, columnLetter, quote, wholeColumn } from '../a1';
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

export function matchRow(ctx: Context, codeCell: string): string {
  return `MATCH(${codeCell},${wholeColumn(ctx.sheetNames.tasks, ctx.master.col.code)},0)`;
}

export function assignmentsSheet(ctx: Context, rows: Assignment[]): SheetLayout {
  const { L } = ctx;
  const w = L.words;
  const headers = [w.code!, w.unit!, w.role!, w.due!, w.status!, w.daysLeft!, w.row!];
  const body = rows.map((a, i): (Cell | null)[] => {
    const r = ASSIGNMENT.first + i;
    const rowCell = `$${columnLetter(ASSIGNMENT.row)}${r}`;
    return [
      { text: a.id, style: 'textCenter' },
      { text: a.unit, style: 'text' },
      { text: a.role === 'lead' ? L.roles.lead : L.roles.support, style: 'textCenter' },
      { formula: lookup(ctx, ctx.master.col.due, rowCell), style: 'date' },
      { formula: lookup(ctx, ctx.master.col.status, rowCell), style: 'status' },
      { formula: lookup(ctx, ctx.master.col.daysLeft, rowCell), style: 'int' },
      { formula: matchRow(ctx, `$A${r}`), style: 'int' },
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

/** COUNTIFS over the assignments of one unit as lead, with extra criteria. */
export function countLead(ctx: Context, unitCell: string, ...criteria: [number, string][]): string {
  const sheet = ctx.sheetNames.assignments;
  const parts = [
    `${wholeColumn(sheet, ASSIGNMENT.unit)},${unitCell}`,
    `${wholeColumn(sheet, ASSIGNMENT.role)},${quote(ctx.L.roles.lead)}`,
    ...criteria.map(([column, criterion]) => `${wholeColumn(sheet, column)},${criterion}`),
  ];
  return `COUNTIFS(${parts.join(',')})`;
}
