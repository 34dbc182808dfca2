// One sheet per lead unit: its tasks as lead, then those it coordinates, each pulling its
// status live from the master row (lookup by Mã), with the unit's counts at the top.

import type { PlanTask } from '../../core/plan/types';
import type { StatusCategory } from '../../core/status';
import { address, columnLetter, quote } from '../a1';
import { printSetup, type Context } from '../context';
import { stableHash } from '../sheetNames';
import { statusRules, TAB_COLOURS } from '../styles';
import { fitRowHeights } from '../fit';
import type { Cell, ColumnLayout, SheetLayout } from '../types';
import { lookup, matchRow } from './assignments';

/** Columns of the task lists on a unit sheet (0-based). */
const U = {
  code: 0,
  task: 1,
  other: 2,
  time: 3,
  due: 4,
  state: 5,
  progress: 6,
  completed: 7,
  status: 8,
  daysLeft: 9,
  row: 10,
} as const;
const COUNTS_ROW = 4;
const COUNTS_COLUMN = 2;
const COLUMNS: ColumnLayout[] = [
  { width: 8 },
  { width: 50 },
  { width: 26 },
  { width: 18 },
  { width: 11 },
  { width: 15 },
  { width: 9 },
  { width: 12 },
  { width: 17 },
  { width: 9 },
  { width: 6, hidden: true },
];
const LEAD_TITLE_ROW = 6;

export function unitMarker(unit: string): string {
  return `PhuLuc_DV_${stableHash(unit)}`;
}

export function unitSheet(ctx: Context, unit: string, name: string): SheetLayout {
  const { L } = ctx;
  const w = L.words;
  const own = ctx.tasksOf(unit);
  const leads = own.lead;
  const leading = new Set(leads);
  // A task it both leads and coordinates is listed once, as lead.
  const supports =
    ctx.options.includeSupport === false ? [] : own.support.filter((t) => !leading.has(t));

  const headersFor = (otherRole: string): Cell[] =>
    [
      w.code!,
      w.task!,
      otherRole,
      w.time!,
      w.due!,
      w.state!,
      w.progress!,
      w.completed!,
      w.status!,
      w.daysLeft!,
      w.row!,
    ].map((h) => ({
      text: h,
      style: 'header',
    }));

  const row = (task: PlanTask, r: number, others: string[]): (Cell | null)[] => {
    const rowCell = `$${columnLetter(U.row)}${r}`;
    const m = ctx.master.col;
    return [
      { text: task.id, style: 'textCenter' },
      { text: task.title, style: 'text' },
      { text: others.join('\n'), style: 'text' },
      { text: task.time.text, style: 'text' },
      { formula: lookup(ctx, m.due, rowCell), style: 'date' },
      { formula: lookup(ctx, m.state, rowCell), style: 'textCenter' },
      { formula: lookup(ctx, m.progress, rowCell), style: 'int' },
      { formula: lookup(ctx, m.completed, rowCell), style: 'date' },
      { formula: lookup(ctx, m.status, rowCell), style: 'status' },
      {
        formula: lookup(ctx, m.daysLeft, rowCell),
        style: ctx.options.language === 'en' ? 'daysLeftEn' : 'daysLeft',
      },
      { formula: matchRow(ctx, `$A${r}`, task.id), style: 'int' },
    ];
  };

  const leadHeader = LEAD_TITLE_ROW + 1;
  const leadFirst = leadHeader + 1;
  const leadLast = leadFirst + Math.max(leads.length, 1) - 1;
  const supportTitle = leadLast + 2;
  const supportFirst = supportTitle + 2;
  const supportLast = supportFirst + Math.max(supports.length, 1) - 1;

  const rowHeights: Record<number, number> = { [COUNTS_ROW - 1]: 30, [leadHeader]: 30 };
  /** A titled list of tasks: as lead (showing the coordinators) or as coordinator (the leads). */
  const part = (
    titleRow: number,
    title: string,
    otherRole: string,
    tasks: PlanTask[],
    others: (t: PlanTask) => string[],
  ): SheetLayout['blocks'] => {
    const first = titleRow + 2;
    const body: (Cell | null)[][] =
      tasks.length > 0
        ? tasks.map((t, i) => row(t, first + i, others(t).map(ctx.unitOf)))
        : [
            [
              { text: '', style: 'text' },
              { text: w.none!, style: 'help' },
            ],
          ];
    rowHeights[titleRow + 1] = 30;
    Object.assign(rowHeights, fitRowHeights(body, COLUMNS, first));
    return [
      {
        origin: address(0, titleRow),
        rows: [[{ text: title, style: 'section' }], headersFor(otherRole)],
      },
      { origin: address(0, first), rows: body },
    ];
  };
  const rowColours = (first: number, last: number) => ({
    range: `A${first}:${columnLetter(U.daysLeft)}${last}`,
    rules: statusRules(`$${columnLetter(U.status)}${first}`, (c) => L.categories[c]),
  });

  // Counts of the tasks it leads, from its own status column.
  const status = columnLetter(U.status);
  const leadStatus = `$${status}$${leadFirst}:$${status}$${leadLast}`;
  const countOf = (...c: StatusCategory[]): string =>
    c.map((x) => `COUNTIF(${leadStatus},${quote(L.categories[x])})`).join('+');
  // The number of rows is fixed by the build; the statuses move with the master list.
  const counts: [string, string | number][] = [
    [w.total!, leads.length],
    [L.categories.overdue, countOf('overdue')],
    [L.categories['due-soon'], countOf('due-soon')],
    [L.categories['on-track'], countOf('on-track')],
    [L.categories['done-on-time'], countOf('done-on-time')],
    [L.categories['done-late'], countOf('done-late')],
    [L.categories['no-deadline'], countOf('no-deadline', 'waiting')],
    [w.support!, supports.length],
  ];

  const blocks: SheetLayout['blocks'] = [
    {
      origin: 'A1',
      rows: [
        [{ text: unit, style: 'title' }],
        [
          { text: ctx.planLine, style: 'subtitle' },
          null,
          null,
          { text: w.asOf!, style: 'asOfLabel' },
          { formula: 'NgayBaoCao', style: 'settingDate' },
        ],
      ],
    },
    {
      // The counts sit on the narrower columns, right of the task text.
      origin: address(COUNTS_COLUMN, COUNTS_ROW - 1),
      rows: [
        counts.map(([label]) => ({ text: label, style: 'countLabel' })),
        counts.map(([, value]) =>
          typeof value === 'number'
            ? { number: value, style: 'countValue' }
            : { formula: value, style: 'countValue' },
        ),
      ],
    },
    ...part(LEAD_TITLE_ROW, w.asLead!, w.support!, leads, (t) => t.support),
  ];
  const conditionalFormats = [rowColours(leadFirst, leadLast)];
  if (ctx.options.includeSupport !== false) {
    blocks.push(...part(supportTitle, w.asSupport!, w.lead!, supports, (t) => t.lead));
    conditionalFormats.push(rowColours(supportFirst, supportLast));
  }

  return {
    key: `unit:${unit}`,
    kind: 'unit',
    name,
    marker: unitMarker(unit),
    tabColor: TAB_COLOURS.unit,
    columns: COLUMNS,
    blocks,
    rowHeights,
    freeze: { rows: leadHeader, columns: 0 },
    conditionalFormats,
    dataValidations: [],
    print: printSetup(ctx, `${leadHeader}:${leadHeader}`),
  };
}
