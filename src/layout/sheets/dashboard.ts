// "Tổng hợp": the leaders' page. One row per lead unit with live counts, a whole-plan row, and
// the overdue tasks — all formulas on the master list, so it is right in any Excel, any day.

import type { StatusCategory } from '../../core/status';
import { address, columnLetter, quote, wholeColumn } from '../a1';
import { printSetup, type Context } from '../context';
import { TAB_COLOURS } from '../styles';
import { fitRowHeights } from '../fit';
import type { Cell, ConditionalFormat, SheetLayout } from '../types';
import { ASSIGNMENT, countLead, unitNumber } from './assignments';

export const DASHBOARD = { asOfRow: 3, header: 5, first: 6 } as const;

/** Column order of the unit table (0-based). */
export const DASHBOARD_COLUMNS = [
  'stt',
  'unit',
  'total',
  'due',
  'doneOnTime',
  'doneLate',
  'pendingInTime',
  'overdue',
  'dueSoon',
  'noDeadline',
  'pctDone',
  'pctOnTime',
] as const;
export type DashboardColumn = (typeof DASHBOARD_COLUMNS)[number];
/** A hidden helper column right of the table. */
const HELPER = 12;
const C = (key: DashboardColumn): number => DASHBOARD_COLUMNS.indexOf(key);
const L_ = (key: DashboardColumn): string => columnLetter(C(key));

export function dashboardSheet(ctx: Context, leadUnits: string[]): SheetLayout {
  const { L, plan } = ctx;
  const w = L.words;
  const cat = (c: StatusCategory): string => quote(L.categories[c]);
  const a = ASSIGNMENT;
  const due = `"<="&NgayBaoCao`;
  const headers = [
    w.stt!,
    w.leadUnit!,
    w.total!,
    w.dueCount!,
    L.categories['done-on-time'],
    L.categories['done-late'],
    w.pendingInTime!,
    L.categories.overdue,
    L.categories['due-soon'],
    L.categories['no-deadline'],
    w.pctDone!,
    w.pctOnTime!,
  ];

  const unitRow = (unit: string, i: number): (Cell | null)[] => {
    const r = DASHBOARD.first + i;
    // The counts find the unit's rows by its number (its STT here), never by its name.
    const u = `$${L_('stt')}${r}`;
    const count = (...criteria: [number, string][]): string => countLead(ctx, u, ...criteria);
    const link = ctx.unitSheets.get(unit);
    const doneDue = `(${count([a.due, due], [a.status, cat('done-on-time')])}+${count([a.due, due], [a.status, cat('done-late')])})`;
    const onTimeDue = count([a.due, due], [a.status, cat('done-on-time')]);
    const dueCell = `$${L_('due')}${r}`;
    return [
      { number: unitNumber(ctx, unit) ?? i + 1, style: 'int' },
      link
        ? { text: unit, style: 'link', link: { sheet: link, address: 'A1' } }
        : { text: unit, style: 'text' },
      { formula: count(), style: 'int' },
      { formula: count([a.due, due]), style: 'int' },
      { formula: count([a.status, cat('done-on-time')]), style: 'int' },
      { formula: count([a.status, cat('done-late')]), style: 'int' },
      {
        formula: `${count([a.status, cat('on-track')])}+${count([a.status, cat('due-soon')])}`,
        style: 'int',
      },
      { formula: count([a.status, cat('overdue')]), style: 'int' },
      { formula: count([a.status, cat('due-soon')]), style: 'int' },
      {
        formula: `${count([a.status, cat('no-deadline')])}+${count([a.status, cat('waiting')])}`,
        style: 'int',
      },
      { formula: `IF(${dueCell}=0,"",${doneDue}/${dueCell})`, style: 'pct' },
      { formula: `IF(${dueCell}=0,"",${onTimeDue}/${dueCell})`, style: 'pct' },
    ];
  };

  // The whole plan, each task once, straight from the master list.
  const m = ctx.master;
  const masterCol = (key: 'status' | 'due' | 'code'): string =>
    wholeColumn(ctx.sheetNames.tasks, m.col[key]);
  const st = (c: StatusCategory): string => `COUNTIF(${masterCol('status')},${cat(c)})`;
  const stDue = (c: StatusCategory): string =>
    `COUNTIFS(${masterCol('due')},${due},${masterCol('status')},${cat(c)})`;
  const totalRowIndex = DASHBOARD.first + leadUnits.length;
  const tr = totalRowIndex;
  const totalRow: (Cell | null)[] = [
    { style: 'totalLabel' },
    { text: w.wholePlan!, style: 'totalLabel' },
    { number: plan.tasks.length, style: 'totalInt' },
    { formula: `COUNTIF(${masterCol('due')},${due})`, style: 'totalInt' },
    { formula: st('done-on-time'), style: 'totalInt' },
    { formula: st('done-late'), style: 'totalInt' },
    { formula: `${st('on-track')}+${st('due-soon')}`, style: 'totalInt' },
    { formula: st('overdue'), style: 'totalInt' },
    { formula: st('due-soon'), style: 'totalInt' },
    { formula: `${st('no-deadline')}+${st('waiting')}`, style: 'totalInt' },
    {
      formula: `IF($${L_('due')}${tr}=0,"",(${stDue('done-on-time')}+${stDue('done-late')})/$${L_('due')}${tr})`,
      style: 'totalPct',
    },
    {
      formula: `IF($${L_('due')}${tr}=0,"",${stDue('done-on-time')}/$${L_('due')}${tr})`,
      style: 'totalPct',
    },
  ];

  const sheet: SheetLayout = {
    key: 'dashboard',
    kind: 'dashboard',
    name: ctx.sheetNames.dashboard,
    marker: 'PhuLuc_TongHop',
    tabColor: TAB_COLOURS.dashboard,
    columns: [
      { width: 5 },
      { width: 36 },
      { width: 8 },
      { width: 8 },
      { width: 11 },
      { width: 11 },
      { width: 12 },
      { width: 9 },
      { width: 9 },
      { width: 10 },
      { width: 11 },
      { width: 10 },
      { width: 6, hidden: true },
    ],
    blocks: [
      {
        origin: 'A1',
        rows: [
          [{ text: w.dashboardTitle!, style: 'title' }],
          [
            {
              text: `${ctx.planLine}${plan.document.title ? `: ${plan.document.title}` : ''}`,
              style: 'subtitle',
            },
          ],
          [
            null,
            { text: w.asOf!, style: 'asOfLabel' },
            { formula: 'NgayBaoCao', style: 'settingDate' },
          ],
        ],
      },
    ],
    rowHeights: { [DASHBOARD.header]: 45 },
    // The report date needs more room than one narrow count column.
    merges: [`C${DASHBOARD.asOfRow}:D${DASHBOARD.asOfRow}`],
    freeze: { rows: DASHBOARD.header, columns: 2 },
    conditionalFormats: [],
    dataValidations: [],
    print: printSetup(ctx, `${DASHBOARD.header}:${DASHBOARD.header}`),
  };

  if (plan.tasks.length === 0) {
    sheet.blocks.push(noTaskBlock(ctx));
    return sheet;
  }

  sheet.blocks.push(
    {
      origin: address(0, DASHBOARD.header),
      rows: [headers.map((h) => ({ text: h, style: 'header' }))],
    },
    { origin: address(0, DASHBOARD.first), rows: [...leadUnits.map(unitRow), totalRow] },
    { origin: address(0, tr + 1), rows: [[null, { text: w.pctNote!, style: 'help' }]] },
  );
  const unitRows = leadUnits.map((u): (Cell | null)[] => [null, { text: u }]);
  Object.assign(sheet.rowHeights!, fitRowHeights(unitRows, sheet.columns, DASHBOARD.first), {
    [tr + 1]: 30,
    [tr + 4]: 32,
  });
  sheet.merges!.push(`B${tr + 1}:${L_('pctOnTime')}${tr + 1}`);
  sheet.conditionalFormats.push(
    ...percentCues(DASHBOARD.first, tr),
    overdueCue(DASHBOARD.first, tr),
  );
  sheet.blocks.push(...overdueList(ctx, tr + 3, sheet.merges!));
  return sheet;
}

/** Colour cues on the percentages: green from 90 %, amber from 50 %, red below. */
function percentCues(first: number, last: number): ConditionalFormat[] {
  const range = `${L_('pctDone')}${first}:${L_('pctOnTime')}${last}`;
  const cell = `${L_('pctDone')}${first}`;
  return [
    {
      range,
      rules: [
        {
          formula: `AND(ISNUMBER(${cell}),${cell}>=0.9)`,
          style: { fill: 'C6EFCE', fontColor: '006100', bold: true },
          stopIfTrue: true,
        },
        {
          formula: `AND(ISNUMBER(${cell}),${cell}>=0.5)`,
          style: { fill: 'FFEB9C', fontColor: '7F6000', bold: true },
          stopIfTrue: true,
        },
        {
          formula: `ISNUMBER(${cell})`,
          style: { fill: 'FFC7CE', fontColor: '9C0006', bold: true },
          stopIfTrue: true,
        },
      ],
    },
  ];
}

function overdueCue(first: number, last: number): ConditionalFormat {
  const cell = `${L_('overdue')}${first}`;
  return {
    range: `${L_('overdue')}${first}:${L_('overdue')}${last}`,
    rules: [{ formula: `${cell}>0`, style: { fill: 'FFC7CE', fontColor: '9C0006', bold: true } }],
  };
}

/** Up to 20 overdue tasks, in document order, found through the master's hidden order column. */
function overdueList(ctx: Context, top: number, merges: string[]): SheetLayout['blocks'] {
  const { L } = ctx;
  const w = L.words;
  const m = ctx.master;
  const size = Math.min(20, ctx.plan.tasks.length);
  const tasks = ctx.sheetNames.tasks;
  const orderCol = wholeColumn(tasks, m.col.overdueOrder);
  const get = (key: 'code' | 'task' | 'lead' | 'due', rowCell: string): string =>
    `IF(ISNUMBER(${rowCell}),INDEX(${wholeColumn(tasks, m.col[key])},${rowCell}),"")`;
  const rows: (Cell | null)[][] = [];
  for (let k = 1; k <= size; k++) {
    const r = top + 2 + k - 1;
    // Hidden column M holds the master row of the k-th overdue task.
    const rowCell = `$${columnLetter(HELPER)}${r}`;
    rows.push([
      // Numbered only when the k-th overdue task exists, so the list does not look padded.
      { formula: `IF(ISNUMBER(${rowCell}),${k},"")`, style: 'listCenter' },
      // One line per task: formula results do not grow their rows in every program.
      { formula: get('task', rowCell), style: 'list' },
      { formula: get('code', rowCell), style: 'listCenter' },
      { formula: get('lead', rowCell), style: 'list' },
      null,
      null,
      { formula: get('due', rowCell), style: 'listDate' },
      {
        formula: `IF(ISNUMBER(${rowCell}),NgayBaoCao-INDEX(${wholeColumn(tasks, m.col.due)},${rowCell}),"")`,
        style: 'int',
      },
      null,
      null,
      null,
      null,
      { formula: `IFERROR(MATCH(${k},${orderCol},0),"")` },
    ]);
  }
  const overdue = quote(L.categories.overdue);
  for (let r = top + 1; r < top + 2 + size; r++) merges.push(`D${r}:F${r}`);
  return [
    {
      origin: address(0, top),
      rows: [
        [
          {
            formula: `${quote(`${w.overdueList!} (${w.overdueTotal!}: `)}&COUNTIF(${wholeColumn(tasks, m.col.status)},${overdue})&")"`,
            style: 'section',
          },
        ],
        [
          { text: w.stt!, style: 'header' },
          { text: w.task!, style: 'header' },
          { text: w.code!, style: 'header' },
          { text: w.lead!, style: 'header' },
          { text: '', style: 'header' },
          { text: '', style: 'header' },
          { text: w.due!, style: 'header' },
          { text: w.daysLate!, style: 'header' },
        ],
      ],
    },
    { origin: address(0, top + 2), rows },
  ];
}

function noTaskBlock(ctx: Context): SheetLayout['blocks'][number] {
  const { L, plan } = ctx;
  const w = L.words;
  const kindLabel = { tasks: w.tasksKind!, 'report-form': w.reportForm!, other: w.otherTable! };
  return {
    origin: address(0, DASHBOARD.header),
    rows: [
      [null, { text: w.noTasks!, style: 'section' }],
      [],
      [null, { text: w.tablesFound!, style: 'label' }],
      [
        { text: w.stt!, style: 'header' },
        { text: w.tableTitle!, style: 'header' },
        { text: w.tableKind!, style: 'header' },
        { text: w.tableRows!, style: 'header' },
      ],
      ...plan.tables.map((t, i): (Cell | null)[] => [
        { number: i + 1, style: 'int' },
        { text: t.title ?? '', style: 'text' },
        { text: kindLabel[t.kind], style: 'textCenter' },
        { text: `${t.firstRow}–${t.lastRow}`, style: 'textCenter' },
      ]),
    ],
  };
}
