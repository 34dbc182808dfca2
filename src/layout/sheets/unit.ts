// One sheet per lead unit: its tasks as lead, then those it coordinates, each row pulling its
// status live from the master row (lookup by Mã), with the unit's counts at the top. A
// recurring task shows as on the master list: its heading, then its occurrences; the counts
// are over items (tasks and occurrences), and add up to Tổng số.

import type { PlanTask } from '../../core/plan/types';
import type { StatusCategory } from '../../core/status';
import { address, columnLetter } from '../../excel/a1';
import { dateValue, formulaCell, idCell, reportDateCell } from '../cells';
import { printSetup, type Context, type MasterRow } from '../context';
import { cat } from '../names';
import { stableHash } from '../sheetNames';
import { statusRules, TAB_COLOURS } from '../styles';
import { codeColumnWidth } from '../fit';
import type { Cell, ColumnLayout, SheetLayout } from '../types';
import { lookup, matchRow } from './assignments';
import { daysLeftCell, statusCell } from './tasks';
import { periodLabel } from '../../core/time/occurrences';

/** Columns of the task lists on a unit sheet (0-based). */
const UNIT_COLUMNS = {
  code: 0,
  task: 1,
  other: 2,
  time: 3,
  due: 4,
  extendedTo: 5,
  state: 6,
  progress: 7,
  completed: 8,
  status: 9,
  daysLeft: 10,
  row: 11,
  isItem: 12,
} as const;
const COUNTS_COLUMN = 2;
// 175 units wide: printed landscape at 80 % (text 8.8 pt).
const COLUMNS: ColumnLayout[] = [
  { width: 10 },
  { width: 44 },
  { width: 22 },
  { width: 16 },
  { width: 11 },
  { width: 11 },
  { width: 14 },
  { width: 9 },
  { width: 12 },
  { width: 15 },
  { width: 9 },
  { width: 6, hidden: true },
  { width: 6, hidden: true },
];
/** The counts: two pairs of rows (labels, values) under the title. */
const COUNTS_FIRST_ROW = 3;
const LEAD_TITLE_ROW = 8;
/** The header row of the lead table; the coordinating table's header reads the same. */
export const UNIT_HEADER_ROW = LEAD_TITLE_ROW + 1;

export function unitMarker(unit: string): string {
  return `PhuLuc_DV_${stableHash(unit)}`;
}

/** The master rows of each task (a heading and its occurrences, or the task alone). */
function rowsByTask(ctx: Context): Map<PlanTask, MasterRow[]> {
  const out = new Map<PlanTask, MasterRow[]>();
  for (const row of ctx.master.rows) {
    const list = out.get(row.task) ?? [];
    list.push(row);
    out.set(row.task, list);
  }
  return out;
}
const cache = new WeakMap<Context, Map<PlanTask, MasterRow[]>>();

export function unitSheet(ctx: Context, unit: string, name: string): SheetLayout {
  const { labels } = ctx;
  const words = labels.words;
  let byTask = cache.get(ctx);
  if (!byTask) cache.set(ctx, (byTask = rowsByTask(ctx)));
  const own = ctx.tasksOf(unit);
  const leads = own.lead;
  const leading = new Set(leads);
  // A task it both leads and coordinates is listed once, as lead.
  const supports =
    ctx.options.includeSupport === false ? [] : own.support.filter((t) => !leading.has(t));
  const valued = ctx.valueDate !== null;
  const ifValued = <T>(value: T): T | undefined => (valued ? value : undefined);

  // Both tables have the same header (the other units' role is in each table's title), so the
  // header repeated on every printed page and frozen on screen is right over both.
  const headersFor = (): Cell[] =>
    [
      words.code!,
      words.task!,
      words.otherUnits!,
      words.time!,
      words.due!,
      words.extendedTo!,
      words.state!,
      words.progress!,
      words.completed!,
      words.status!,
      words.daysLeft!,
      words.row!,
      words.isItem!,
    ].map((h) => ({ text: h, style: 'header' }));

  const row = (taskRow: MasterRow, r: number, others: string[]): (Cell | null)[] => {
    const rowCell = `$${columnLetter(UNIT_COLUMNS.row)}${r}`;
    const col = ctx.master.col;
    const given = ctx.options.entered?.[taskRow.code];
    const standing = taskRow.standing;
    const heading = taskRow.role === 'heading';
    const item = heading ? 0 : 1;
    const stateText = heading
      ? ''
      : (given?.state ?? labels.states[taskRow.task.time.kind === 'none' ? 'done' : 'not-started']);
    const occurrence = standing.row.occurrence;
    return [
      idCell(taskRow.code),
      // An occurrence shows its period only: its task's text is on the heading right above.
      {
        text: occurrence
          ? periodLabel(occurrence.period, ctx.options.language)
          : taskRow.task.title,
        style: 'text',
      },
      { text: occurrence ? '' : others.join('\n'), style: 'text' },
      { text: occurrence ? '' : taskRow.task.time.text, style: 'text' },
      formulaCell(
        lookup(ctx, col.due, rowCell),
        'date',
        ifValued(dateValue(standing.row.time.due && !heading ? standing.row.time.due : null)),
      ),
      formulaCell(
        lookup(ctx, col.extendedTo, rowCell),
        'date',
        ifValued(dateValue(given?.extendedTo)),
      ),
      formulaCell(lookup(ctx, col.state, rowCell), 'textCenter', ifValued(stateText)),
      formulaCell(lookup(ctx, col.progress, rowCell), 'int', ifValued(given?.progress ?? '')),
      formulaCell(
        lookup(ctx, col.completed, rowCell),
        'date',
        ifValued(dateValue(given?.completed)),
      ),
      statusCell(ctx, lookup(ctx, col.status, rowCell), taskRow),
      daysLeftCell(ctx, lookup(ctx, col.daysLeft, rowCell), taskRow),
      formulaCell(matchRow(ctx, `$A${r}`, taskRow.code), 'int', ifValued(taskRow.r)),
      { number: item, style: 'int' },
    ];
  };

  const rowHeights: Record<number, number> = {
    [COUNTS_FIRST_ROW]: 30,
    [COUNTS_FIRST_ROW + 2]: 30,
  };
  const ranges: { status: string; item: string; ext: string }[] = [];
  const conditionalFormats: SheetLayout['conditionalFormats'] = [];
  const columns: ColumnLayout[] = COLUMNS.map((column, i) =>
    i === 0
      ? {
          ...column,
          width: codeColumnWidth(ctx.master.rows, column.width),
        }
      : column,
  );
  const textNumbers: string[] = [];
  /** A titled list of tasks: as lead (showing the coordinators) or as coordinator (the leads). */
  const part = (
    titleRow: number,
    title: string,
    otherRole: string,
    tasks: PlanTask[],
    others: (t: PlanTask) => string[],
  ): { blocks: SheetLayout['blocks']; first: number; last: number } => {
    const first = titleRow + 2;
    const rows = tasks.flatMap((t) => byTask!.get(t) ?? []);
    const body: (Cell | null)[][] =
      rows.length > 0
        ? rows.map((taskRow, i) => row(taskRow, first + i, others(taskRow.task).map(ctx.unitOf)))
        : [
            [
              { text: '', style: 'text' },
              { text: words.none!, style: 'help' },
            ],
          ];
    const last = first + body.length - 1;
    rowHeights[titleRow + 1] = 30;
    ranges.push({
      status: `$${columnLetter(UNIT_COLUMNS.status)}$${first}:$${columnLetter(UNIT_COLUMNS.status)}$${last}`,
      item: `$${columnLetter(UNIT_COLUMNS.isItem)}$${first}:$${columnLetter(UNIT_COLUMNS.isItem)}$${last}`,
      ext: `$${columnLetter(UNIT_COLUMNS.extendedTo)}$${first}:$${columnLetter(UNIT_COLUMNS.extendedTo)}$${last}`,
    });
    conditionalFormats.push({
      range: `A${first}:${columnLetter(UNIT_COLUMNS.daysLeft)}${last}`,
      rules: [
        // A recurring task's heading in bold; its occurrences under it.
        { formula: `$${columnLetter(UNIT_COLUMNS.isItem)}${first}=0`, style: { bold: true } },
        ...statusRules(`$${columnLetter(UNIT_COLUMNS.status)}${first}`, cat),
      ],
    });
    textNumbers.push(`A${first}:A${last}`);
    return {
      blocks: [
        {
          origin: address(0, titleRow),
          rows: [[{ text: `${title} (${otherRole})`, style: 'section' }], headersFor()],
        },
        { origin: address(0, first), rows: body },
      ],
      first,
      last,
    };
  };

  const leadPart = part(
    LEAD_TITLE_ROW,
    words.asLead!,
    words.otherAreSupport!,
    leads,
    (t) => t.support,
  );
  const supportPart =
    ctx.options.includeSupport !== false
      ? part(leadPart.last + 2, words.asSupport!, words.otherAreLead!, supports, (t) => t.lead)
      : null;

  // Counts of the items it leads, from its own rows (a heading is not an item).
  const lead = ranges[0]!;
  const support = ranges[1];
  const leadItems = leads
    .flatMap((t) => byTask!.get(t) ?? [])
    .filter((taskRow) => taskRow.role !== 'heading');
  const supportItems = supports
    .flatMap((t) => byTask!.get(t) ?? [])
    .filter((taskRow) => taskRow.role !== 'heading');
  const countOf = (...counted: StatusCategory[]): string =>
    counted.map((category) => `COUNTIFS(${lead.status},${cat(category)},${lead.item},1)`).join('+');
  const countNow = (...counted: StatusCategory[]): number =>
    leadItems.filter((taskRow) => counted.includes(taskRow.standing.status)).length;
  const counts: [Cell, string, number][] = [
    [{ text: words.total!, style: 'countLabel' }, `COUNTIF(${lead.item},1)`, leadItems.length],
    ...(
      [
        ['overdue'],
        ['due-soon'],
        ['on-track'],
        ['done-on-time'],
        ['done-late'],
        ['done-undated'],
        ['no-deadline', 'waiting'],
        ['paused'],
        ['cancelled'],
      ] as StatusCategory[][]
    ).map((counted): [Cell, string, number] => [
      { text: labels.categories[counted[0]!], style: 'countLabel' },
      countOf(...counted),
      countNow(...counted),
    ]),
    [
      { text: words.extendedCount!, style: 'countLabel' },
      `COUNTIFS(${lead.ext},">0",${lead.item},1)`,
      leadItems.filter((taskRow) => !!ctx.options.entered?.[taskRow.code]?.extendedTo).length,
    ],
    [
      { text: words.support!, style: 'countLabel' },
      support ? `COUNTIF(${support.item},1)` : '0',
      supportItems.length,
    ],
  ];
  const perRow = 8;
  const countBlocks: SheetLayout['blocks'] = [];
  for (let i = 0; i < counts.length; i += perRow) {
    const slice = counts.slice(i, i + perRow);
    countBlocks.push({
      origin: address(COUNTS_COLUMN, COUNTS_FIRST_ROW + (i / perRow) * 2),
      rows: [
        slice.map(([label]) => label),
        slice.map(([, formula, value]) => formulaCell(formula, 'countValue', ifValued(value))),
      ],
    });
  }

  const blocks: SheetLayout['blocks'] = [
    {
      origin: 'A1',
      rows: [
        [{ text: unit, style: 'title' }],
        [
          { text: ctx.planLine, style: 'subtitle' },
          null,
          null,
          { text: words.asOf!, style: 'asOfLabel' },
          reportDateCell(ctx.valueDate),
        ],
      ],
    },
    ...countBlocks,
    ...leadPart.blocks,
    ...(supportPart ? supportPart.blocks : []),
  ];

  return {
    key: `unit:${unit}`,
    kind: 'unit',
    name,
    marker: unitMarker(unit),
    tabColor: TAB_COLOURS.unit,
    columns,
    blocks,
    rowHeights,
    freeze: { rows: LEAD_TITLE_ROW + 1, columns: 0 },
    conditionalFormats,
    dataValidations: [],
    print: printSetup(ctx, `${LEAD_TITLE_ROW + 1}:${LEAD_TITLE_ROW + 1}`),
    protect: true,
    textNumbers,
  };
}
