// "Tổng hợp": the leaders' page. One row per lead unit with live counts, a whole-plan row, and
// every overdue item — all formulas on the master list (through Phân công for the units), so it
// is right in any Excel, any day; each formula also carries its value on the build's report
// date for programs that do not calculate.
//
// Counts are of items of work: a task, or one occurrence of a recurring task. A row adds up:
// Tổng số = the eight columns from "Hoàn thành đúng hạn" to "Đã hủy"; Đến hạn, "Trong đó sắp
// đến hạn" and Đã gia hạn are counted beside them.

import type { StatusCategory } from '../../core/status';
import { itemStandings, rollupOf, SPLIT, type UnitRollup } from '../../core/status/rollup';
import { address, columnLetter, wholeColumn } from '../../excel/a1';
import { isoToSerial } from '../../excel/dates';
import { quote } from '../../excel/formula';
import { formulaCell, idValue, linkCell, reportDateCell } from '../cells';
import { printSetup, type Context } from '../context';
import { cat } from '../names';
import { CUES, cueStyle, STATUS_COLOURS, STYLES, TAB_COLOURS } from '../styles';
import { fontOf } from '../fit';
import { lineHeight } from '../metrics';
import type { Cell, ColumnLayout, ConditionalFormat, SheetLayout } from '../types';
import { ASSIGNMENT, countLead, taskListColumn, unitNumber } from './assignments';
import { rowTaskText } from './tasks';
import { historyDate, unitAnswers, type UnitAnswer } from '../tracker/history';
import type { IsoDate } from '../../core/plan/types';

export const DASHBOARD = { asOfRow: 3, header: 5, first: 6 } as const;
/** Rows of the overdue list printed beyond the build day's items (with =TODAY()). */
const SPARE_ROWS = 3;

/** Column order of the unit table (0-based). */
export const DASHBOARD_COLUMNS = [
  'stt',
  'unit',
  'total',
  // The categories that add up to Tổng số, in the core's order.
  ...SPLIT,
  'due',
  'dueSoon',
  'extended',
  'pctDone',
  'pctOnTime',
] as const;
export type DashboardColumn = (typeof DASHBOARD_COLUMNS)[number];
/** A hidden helper column right of the table. */
const HELPER = DASHBOARD_COLUMNS.length;
/** The column letter of a unit-table column. */
const letterOf = (key: DashboardColumn): string => columnLetter(DASHBOARD_COLUMNS.indexOf(key));

/** The status categories each count column adds up. */
const COUNTED: Partial<Record<DashboardColumn, StatusCategory[]>> = {
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

const WIDTHS: Record<DashboardColumn, number> = {
  stt: 5,
  unit: 31,
  total: 8,
  doneOnTime: 11,
  doneLate: 11,
  doneUndated: 14,
  pendingInTime: 14,
  overdue: 9,
  noDeadline: 10,
  paused: 9,
  cancelled: 8,
  due: 8,
  dueSoon: 10,
  extended: 9,
  pctDone: 11,
  pctOnTime: 9,
};

export function dashboardSheet(ctx: Context, leadUnits: string[]): SheetLayout {
  const { labels, plan } = ctx;
  const words = labels.words;
  const valued = ctx.valueDate !== null;
  const rollup = rollupOf(plan, itemStandings(ctx.standings), ctx.valueDate ?? '1900-01-01');
  const ifValued = <T>(value: T): T | undefined => (valued ? value : undefined);
  // Category headers read their label from Cài đặt, as the counts do.
  const labelHeader = (c: StatusCategory): Cell =>
    formulaCell(cat(c), 'header', ifValued(labels.categories[c]));
  const headers: Cell[] = DASHBOARD_COLUMNS.map((key) => {
    switch (key) {
      case 'stt':
        return { text: words.stt!, style: 'header' };
      case 'unit':
        return { text: words.leadUnit!, style: 'header' };
      case 'total':
        return { text: words.total!, style: 'header' };
      case 'pendingInTime':
        return { text: words.pendingInTime!, style: 'header' };
      case 'noDeadline':
        return labelHeader('no-deadline');
      case 'due':
        return { text: words.dueCount!, style: 'header' };
      case 'dueSoon':
        return { text: words.dueSoonOf!, style: 'header' };
      case 'extended':
        return { text: words.extendedCount!, style: 'header' };
      case 'pctDone':
        return { text: words.pctDone!, style: 'header' };
      case 'pctOnTime':
        return { text: words.pctOnTime!, style: 'header' };
      default:
        return labelHeader(COUNTED[key]![0]!);
    }
  });

  const valueOf = (figures: UnitRollup, key: DashboardColumn): number | string =>
    key === 'pctDone' || key === 'pctOnTime'
      ? (figures[key] ?? '')
      : (figures[key as keyof UnitRollup] as number);

  const unitRow = (unit: string, i: number): (Cell | null)[] => {
    const r = DASHBOARD.first + i;
    // The counts find the unit's rows by its number (its STT here), never by its name.
    const unitNo = `$${letterOf('stt')}${r}`;
    const count = (...criteria: [number, string][]): string => countLead(ctx, unitNo, ...criteria);
    const byStatus = (key: DashboardColumn): string =>
      COUNTED[key]!.map((c) => count([ASSIGNMENT.status, cat(c)])).join('+');
    const dueCell = `$${letterOf('due')}${r}`;
    const dueAnd = (c: StatusCategory): string =>
      count([ASSIGNMENT.isDue, '1'], [ASSIGNMENT.status, cat(c)]);
    const figures = rollup.units[i]!;
    const link = ctx.unitSheets.get(unit);
    return DASHBOARD_COLUMNS.map((key): Cell => {
      const value = ifValued(valueOf(figures, key));
      switch (key) {
        case 'stt':
          return { number: unitNumber(ctx, unit) ?? i + 1, style: 'int' };
        case 'unit':
          return link ? linkCell(unit, link, 'A1') : { text: unit, style: 'text' };
        case 'total':
          return formulaCell(count(), 'int', value);
        case 'due':
          return formulaCell(count([ASSIGNMENT.isDue, '1']), 'int', value);
        case 'extended':
          return formulaCell(count([ASSIGNMENT.extendedTo, '">0"']), 'int', value);
        case 'pctDone':
          return formulaCell(
            `IF(${dueCell}=0,"",(${dueAnd('done-on-time')}+${dueAnd('done-late')}+${dueAnd('done-undated')})/${dueCell})`,
            'pct',
            value,
          );
        case 'pctOnTime':
          return formulaCell(
            `IF(${dueCell}=0,"",${dueAnd('done-on-time')}/${dueCell})`,
            'pct',
            value,
          );
        default:
          return formulaCell(byStatus(key), 'int', value);
      }
    });
  };

  // The whole plan, each item once, straight from the master list.
  const taskList = ctx.master;
  const wholeTaskListColumn = (key: keyof typeof taskList.col): string =>
    taskListColumn(ctx, taskList.col[key]);
  const countStatus = (c: StatusCategory): string =>
    `COUNTIF(${wholeTaskListColumn('itemStatus')},${cat(c)})`;
  const countDueStatus = (c: StatusCategory): string =>
    `COUNTIFS(${wholeTaskListColumn('isDue')},1,${wholeTaskListColumn('itemStatus')},${cat(c)})`;
  const totalRowNo = DASHBOARD.first + leadUnits.length;
  const totalDue = `$${letterOf('due')}${totalRowNo}`;
  const totalRow: (Cell | null)[] = DASHBOARD_COLUMNS.map((key): Cell | null => {
    const value = ifValued(valueOf(rollup.total, key));
    const int = (formula: string): Cell => formulaCell(formula, 'totalInt', value);
    switch (key) {
      case 'stt':
        return { style: 'totalLabel' };
      case 'unit':
        return { text: words.wholePlan!, style: 'totalLabel' };
      case 'total':
        return int(`COUNTIF(${wholeTaskListColumn('isItem')},1)`);
      case 'due':
        return int(`COUNTIF(${wholeTaskListColumn('isDue')},1)`);
      case 'extended':
        return int(
          `COUNTIFS(${wholeTaskListColumn('isItem')},1,${wholeTaskListColumn('extendedTo')},">0")`,
        );
      case 'pctDone':
        return formulaCell(
          `IF(${totalDue}=0,"",(${countDueStatus('done-on-time')}+${countDueStatus('done-late')}+${countDueStatus('done-undated')})/${totalDue})`,
          'totalPct',
          value,
        );
      case 'pctOnTime':
        return formulaCell(
          `IF(${totalDue}=0,"",${countDueStatus('done-on-time')}/${totalDue})`,
          'totalPct',
          value,
        );
      default:
        return int(COUNTED[key]!.map(countStatus).join('+'));
    }
  });

  const columns: ColumnLayout[] = [
    ...DASHBOARD_COLUMNS.map((k) => ({ width: WIDTHS[k] })),
    { width: 6, hidden: true },
  ];
  const sheet: SheetLayout = {
    key: 'dashboard',
    kind: 'dashboard',
    name: ctx.sheetNames.dashboard,
    marker: 'PhuLuc_TongHop',
    tabColor: TAB_COLOURS.dashboard,
    columns,
    blocks: [
      {
        origin: 'A1',
        rows: [
          [{ text: words.dashboardTitle!, style: 'title' }],
          [
            {
              text: `${ctx.planLine}${plan.document.title ? `: ${plan.document.title}` : ''}`,
              style: 'subtitle',
            },
          ],
          [null, { text: words.asOf!, style: 'asOfLabel' }, reportDateCell(ctx.valueDate)],
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
    protect: true,
  };

  if (plan.tasks.length === 0) {
    sheet.blocks.push(noTaskBlock(ctx));
    sheet.print.printArea = `A1:${letterOf('pctOnTime')}${DASHBOARD.header + 3 + plan.tables.length}`;
    return sheet;
  }

  const last = letterOf('pctOnTime');
  sheet.blocks.push(
    { origin: address(0, DASHBOARD.header), rows: [headers] },
    { origin: address(0, DASHBOARD.first), rows: [...leadUnits.map(unitRow), totalRow] },
    { origin: address(0, totalRowNo + 1), rows: [[null, { text: words.pctNote!, style: 'help' }]] },
  );
  // The note under the table: its height comes from its text (layout/fit). The empty rows
  // around it are narrow gaps, so the page holds more.
  Object.assign(sheet.rowHeights!, { [DASHBOARD.header - 1]: 6, [totalRowNo + 2]: 6 });
  // The units a form was sent to (Lịch sử), then every overdue item.
  const answers = unitAnswers(ctx.options.history ?? []);
  const listTop = totalRowNo + 3 + (answers.length > 0 ? answers.length + 3 : 0);
  sheet.merges!.push(`B${totalRowNo + 1}:${last}${totalRowNo + 1}`);
  sheet.conditionalFormats.push(
    ...percentCues(DASHBOARD.first, totalRowNo),
    overdueCue(DASHBOARD.first, totalRowNo),
  );
  if (answers.length > 0) sheet.blocks.push(...answersBlock(ctx, answers, totalRowNo + 3, sheet));
  sheet.blocks.push(...overdueList(ctx, listTop, sheet));
  // Printed: the build day's overdue items and a few rows for the days after (the list's
  // title counts them all, live); its empty rows further down take no paper.
  const overdueNow = ctx.valueDate
    ? ctx.master.rows.filter((r) => r.role !== 'heading' && r.standing.status === 'overdue').length
    : 0;
  const spare = ctx.options.reportDate ? 0 : SPARE_ROWS;
  sheet.print.printArea = `A1:${last}${listTop + 1 + Math.max(1, overdueNow) + spare}`;
  return sheet;
}

/** Columns of the units' answers: spans of the unit table's columns (0-based, inclusive). */
const ANSWERS = {
  no: [0, 0],
  unit: [1, 1],
  sentOn: [2, 3],
  replyBy: [4, 5],
  answeredOn: [6, 7],
  status: [8, 10],
} as const;

/**
 * The units a file was sent to, from Lịch sử: when, the reply deadline, when the answer came
 * back, and whether it is late on the report date (a formula: it moves with the calendar).
 */
function answersBlock(
  ctx: Context,
  answers: UnitAnswer[],
  top: number,
  sheet: SheetLayout,
): SheetLayout['blocks'] {
  const words = ctx.labels.words;
  const valued = ctx.valueDate !== null;
  const span = (key: keyof typeof ANSWERS, r: number): void => {
    const [from, to] = ANSWERS[key];
    if (to > from) sheet.merges!.push(`${columnLetter(from)}${r}:${columnLetter(to)}${r}`);
  };
  const width = ANSWERS.status[1] + 1;
  const header: (Cell | null)[] = Array.from({ length: width }, () => ({
    text: '',
    style: 'header',
  }));
  header[ANSWERS.no[0]] = { text: words.stt!, style: 'header' };
  header[ANSWERS.unit[0]] = { text: words.unit!, style: 'header' };
  header[ANSWERS.sentOn[0]] = { text: words.sentOn!, style: 'header' };
  header[ANSWERS.replyBy[0]] = { text: words.replyBy!, style: 'header' };
  header[ANSWERS.answeredOn[0]] = { text: words.answeredOn!, style: 'header' };
  header[ANSWERS.status[0]] = { text: words.answerStatus!, style: 'header' };
  for (const key of Object.keys(ANSWERS) as (keyof typeof ANSWERS)[]) span(key, top + 1);
  const rows = answers.map((answer, i): (Cell | null)[] => {
    const r = top + 2 + i;
    const cells: (Cell | null)[] = Array.from({ length: width }, () => ({ style: 'plain' }));
    const sent = historyDate(answer.sentAt);
    const answered = answer.answeredAt ? historyDate(answer.answeredAt) : null;
    const date = (iso: IsoDate | null): Cell =>
      iso ? { date: iso, style: 'date' } : { style: 'date' };
    cells[ANSWERS.no[0]] = { number: i + 1, style: 'int' };
    cells[ANSWERS.unit[0]] = { text: answer.unit, style: 'text' };
    cells[ANSWERS.sentOn[0]] = date(sent);
    cells[ANSWERS.replyBy[0]] = date(answer.replyBy);
    cells[ANSWERS.answeredOn[0]] = date(answered);
    const by = `${columnLetter(ANSWERS.replyBy[0])}${r}`;
    const got = `${columnLetter(ANSWERS.answeredOn[0])}${r}`;
    const late = valued && !answered && !!answer.replyBy && ctx.valueDate! > answer.replyBy;
    cells[ANSWERS.status[0]] = formulaCell(
      `IF(${got}<>"",${quote(words.answered!)},IF(AND(${by}<>"",NgayBaoCao>${by}),${quote(words.answerLate!)},${quote(words.notAnswered!)}))`,
      'textCenter',
      valued
        ? answered
          ? words.answered!
          : late
            ? words.answerLate!
            : words.notAnswered!
        : undefined,
    );
    for (const key of Object.keys(ANSWERS) as (keyof typeof ANSWERS)[]) span(key, r);
    return cells;
  });
  const first = top + 2;
  const lastRow = top + 1 + answers.length;
  const status = `${columnLetter(ANSWERS.status[0])}${first}`;
  sheet.conditionalFormats.push({
    range: `${columnLetter(ANSWERS.status[0])}${first}:${columnLetter(ANSWERS.status[1])}${lastRow}`,
    rules: [
      {
        formula: `${status}=${quote(words.answerLate!)}`,
        style: cueStyle(CUES.bad, true),
      },
    ],
  });
  return [
    { origin: address(0, top), rows: [[{ text: words.answersTitle!, style: 'section' }], header] },
    { origin: address(0, top + 2), rows },
  ];
}

/** Colour cues on the percentages: green from 90 %, amber from 50 %, red below. */
function percentCues(first: number, last: number): ConditionalFormat[] {
  const range = `${letterOf('pctDone')}${first}:${letterOf('pctOnTime')}${last}`;
  const cell = `${letterOf('pctDone')}${first}`;
  return [
    {
      range,
      rules: [
        {
          formula: `AND(ISNUMBER(${cell}),${cell}>=0.9)`,
          style: cueStyle(CUES.good, true),
          stopIfTrue: true,
        },
        {
          formula: `AND(ISNUMBER(${cell}),${cell}>=0.5)`,
          style: cueStyle(CUES.warning, true),
          stopIfTrue: true,
        },
        {
          formula: `ISNUMBER(${cell})`,
          style: cueStyle(CUES.bad, true),
          stopIfTrue: true,
        },
      ],
    },
  ];
}

function overdueCue(first: number, last: number): ConditionalFormat {
  const cell = `${letterOf('overdue')}${first}`;
  return {
    range: `${letterOf('overdue')}${first}:${letterOf('overdue')}${last}`,
    rules: [{ formula: `${cell}>0`, style: cueStyle(STATUS_COLOURS.overdue, true) }],
  };
}

/**
 * Columns of the overdue list: spans of the unit table's columns (0-based, inclusive), merged;
 * wide enough for an occurrence's Mã ("V.10/2019-Q1") and a date.
 */
const LIST = {
  no: [0, 0],
  task: [1, 7],
  code: [8, 8],
  lead: [9, 13],
  due: [14, 14],
  late: [15, 15],
} as const;
const SPANS = [LIST.task, LIST.code, LIST.lead, LIST.due, LIST.late];

/**
 * Every overdue item, in document order, found through the master's hidden order column: as
 * many rows as there are items, so none is ever left out. Rows are tall enough for two lines
 * (the build day's items get the height their text needs).
 */
function overdueList(ctx: Context, top: number, sheet: SheetLayout): SheetLayout['blocks'] {
  const { labels } = ctx;
  const words = labels.words;
  const taskList = ctx.master;
  const items = taskList.rows.filter((r) => r.role !== 'heading');
  const size = Math.max(1, items.length);
  const tasks = ctx.sheetNames.tasks;
  const orderCol = wholeColumn(tasks, taskList.col.overdueOrder);
  const valued = ctx.valueDate !== null;
  const overdue = items.filter((r) => r.standing.status === 'overdue');
  // Text columns read with &"": a task without a lead shows nothing, not 0.
  const get = (key: 'code' | 'task' | 'lead' | 'effectiveDue', rowCell: string): string =>
    `IF(ISNUMBER(${rowCell}),INDEX(${taskListColumn(ctx, taskList.col[key])},${rowCell})${key === 'task' || key === 'lead' ? '&""' : ''},"")`;
  const rows: (Cell | null)[][] = [];
  const heights: Record<number, number> = {};
  const ifValued = <T>(value: T): T | undefined => (valued ? value : undefined);
  // The list's header merges first: merges in row order, as a file lists them.
  for (const span of SPANS)
    if (span[1] > span[0])
      sheet.merges!.push(`${columnLetter(span[0])}${top + 1}:${columnLetter(span[1])}${top + 1}`);
  for (let k = 1; k <= size; k++) {
    const r = top + 2 + k - 1;
    // The hidden helper column holds the master row of the k-th overdue item.
    const rowCell = `$${columnLetter(HELPER)}${r}`;
    // The row's number in the list, from its position: every row has the same formulas, so
    // a writer fills a column with one formula.
    const kth = `ROW()-${top + 1}`;
    const item = valued ? overdue[k - 1] : undefined;
    const cells: (Cell | null)[] = Array.from({ length: HELPER + 1 }, () => null);
    cells[LIST.no[0]] = formulaCell(
      `IF(ISNUMBER(${rowCell}),${kth},"")`,
      'listCenter',
      ifValued(item ? k : ''),
    );
    cells[LIST.task[0]] = formulaCell(
      get('task', rowCell),
      'listWrap',
      ifValued(item ? rowTaskText(ctx, item) : ''),
    );
    cells[LIST.code[0]] = formulaCell(
      get('code', rowCell),
      'listCenter',
      ifValued(item ? idValue(item.code) : ''),
    );
    cells[LIST.lead[0]] = formulaCell(
      get('lead', rowCell),
      'listWrap',
      ifValued(item ? item.task.lead.join('\n') : ''),
    );
    cells[LIST.due[0]] = formulaCell(
      get('effectiveDue', rowCell),
      'listDate',
      ifValued(item?.standing.due ? isoToSerial(item.standing.due) : ''),
    );
    cells[LIST.late[0]] = formulaCell(
      `IF(ISNUMBER(${rowCell}),NgayBaoCao-INDEX(${taskListColumn(ctx, taskList.col.effectiveDue)},${rowCell}),"")`,
      'listCenter',
      ifValued(
        item?.standing.due ? isoToSerial(ctx.valueDate!) - isoToSerial(item.standing.due) : '',
      ),
    );
    cells[HELPER] = formulaCell(
      `IFERROR(MATCH(${kth},${orderCol},0),"")`,
      'plain',
      ifValued(item ? item.r : ''),
    );
    rows.push(cells);
    for (const span of SPANS)
      if (span[1] > span[0])
        sheet.merges!.push(`${columnLetter(span[0])}${r}:${columnLetter(span[1])}${r}`);
    // The build day's items get the height their text needs (layout/fit); the rows another
    // day fills, two lines.
    if (!item) heights[r] = 2 * lineHeight(fontOf(STYLES.listWrap, ctx.options.font));
  }
  Object.assign(sheet.rowHeights!, heights);
  const header: (Cell | null)[] = Array.from({ length: LIST.late[1] + 1 }, () => ({
    text: '',
    style: 'header',
  }));
  header[LIST.no[0]] = { text: words.stt!, style: 'header' };
  header[LIST.task[0]] = { text: words.task!, style: 'header' };
  header[LIST.code[0]] = { text: words.code!, style: 'header' };
  header[LIST.lead[0]] = { text: words.lead!, style: 'header' };
  header[LIST.due[0]] = { text: words.due!, style: 'header' };
  header[LIST.late[0]] = { text: words.daysLate!, style: 'header' };
  return [
    {
      origin: address(0, top),
      rows: [
        [
          formulaCell(
            `"${`${words.overdueList!} (${words.overdueTotal!}: `.replace(/"/g, '""')}"&COUNTIF(${wholeColumn(tasks, taskList.col.itemStatus)},${cat('overdue')})&")"`,
            'section',
            ifValued(`${words.overdueList!} (${words.overdueTotal!}: ${overdue.length})`),
          ),
        ],
        header,
      ],
    },
    { origin: address(0, top + 2), rows },
  ];
}

function noTaskBlock(ctx: Context): SheetLayout['blocks'][number] {
  const { labels, plan } = ctx;
  const words = labels.words;
  const kindLabel = {
    tasks: words.tasksKind!,
    'report-form': words.reportForm!,
    other: words.otherTable!,
  };
  return {
    origin: address(0, DASHBOARD.header),
    rows: [
      [null, { text: words.noTasks!, style: 'section' }],
      [],
      [null, { text: words.tablesFound!, style: 'label' }],
      [
        { text: words.stt!, style: 'header' },
        { text: words.tableTitle!, style: 'header' },
        { text: words.tableKind!, style: 'header' },
        { text: words.tableRows!, style: 'header' },
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
