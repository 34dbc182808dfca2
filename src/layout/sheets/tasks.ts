// "Nhiệm vụ": the master list, as an Excel table. A task is one row; a recurring task is a
// heading row (its text, its Tình trạng summing up its occurrences, not counted) with one row
// per occurrence under it (Mã "V.1/2019-Q1"), each tracked on its own. Tình trạng, Còn lại and
// the hidden helpers are the table's calculated columns: a row typed at the end of the table
// gets them by itself, and the whole-plan counts see it at once.

import type { PlanTask } from '../../core/plan/types';
import { initialState, isDue, SUMMARY_ORDER, type StatusCategory } from '../../core/status';
import { daysBetween } from '../../core/time/calendar';
import { periodLabel } from '../../core/time/occurrences';
import { address, columnLetter } from '../../excel/a1';
import { moveFormula, quote } from '../../excel/formula';
import { dateValue, formulaCell, idCell } from '../cells';
import {
  TASK_LIST_ENTRY_COLUMNS,
  TASK_LIST_HELPER_COLUMNS,
  TASK_LIST_COLUMNS,
  printSetup,
  withFill,
  type Context,
  type TaskListColumn,
  type MasterRow,
} from '../context';
import { dateRule, progressRule, stateRule } from '../entry-rules';
import { cat, state } from '../names';
import { CUES, cueStyle, STYLES, statusRules, TAB_COLOURS } from '../styles';
import type { CarriedValue } from '../tracker/model';
import { codeColumnWidth } from '../fit';
import type { Cell, ColumnLayout, SheetLayout } from '../types';

const WIDTHS: Record<TaskListColumn, number> = {
  code: 10,
  section: 7,
  stt: 5,
  task: 48,
  lead: 24,
  support: 24,
  time: 18,
  start: 11,
  due: 11,
  kind: 13,
  product: 28,
  state: 15,
  progress: 9,
  completed: 12,
  extendedTo: 12,
  extensionBasis: 20,
  status: 16,
  daysLeft: 9,
  note: 24,
  extensionRequest: 12,
  extensionReason: 20,
  effectiveDue: 11,
  itemStatus: 12,
  isItem: 6,
  isDue: 6,
  overdueOrder: 6,
  periods: 6,
  taskNo: 6,
};

export function kindLabel(ctx: Context, task: PlanTask): string {
  const { kind, recurrence } = task.time;
  if (!kind) return '';
  const base = ctx.labels.kinds[kind];
  return recurrence ? `${base} (${ctx.labels.recurrence[recurrence]})` : base;
}

/** The Nhiệm vụ text of a row: an occurrence shows its period before the task's text. */
export function rowTaskText(ctx: Context, row: MasterRow): string {
  const o = row.standing.row.occurrence;
  return o ? `${periodLabel(o.period, ctx.options.language)} – ${row.task.title}` : row.task.title;
}

/** `$X12`: the master column `key` on row `r`. */
function at(ctx: Context, key: TaskListColumn, r: number): string {
  return `$${columnLetter(ctx.master.col[key])}${r}`;
}

function wholeOwn(ctx: Context, key: TaskListColumn): string {
  const letter = columnLetter(ctx.master.col[key]);
  return `$${letter}:$${letter}`;
}

/** The categories that end the count of days left. */
const FINISHED: StatusCategory[] = [
  'done-on-time',
  'done-late',
  'done-undated',
  'paused',
  'cancelled',
];

/**
 * Tình trạng of a task-list row: `formula` is Nhiệm vụ's own or another sheet's lookup of it, the
 * stored value the status on the build's value date (none without one).
 */
export function statusCell(ctx: Context, formula: string, row: MasterRow): Cell {
  const value = ctx.valueDate !== null ? ctx.labels.categories[row.standing.status] : undefined;
  return formulaCell(formula, 'status', value);
}

/**
 * Còn lại of a task-list row, read the same on every sheet ("quá 215", never "-215"): `formula`
 * is Nhiệm vụ's own or a lookup of it; the stored value is the days from the value date to the
 * deadline in force, blank for a heading, a row without a deadline or a finished one.
 */
export function daysLeftCell(ctx: Context, formula: string, row: MasterRow): Cell {
  const { due, status } = row.standing;
  const { valueDate } = ctx;
  const value =
    row.role === 'heading' || !due || FINISHED.includes(status) || !valueDate
      ? ''
      : daysBetween(valueDate, due);
  const style = ctx.options.language === 'en' ? 'daysLeftEn' : 'daysLeft';
  return formulaCell(formula, style, valueDate !== null ? value : undefined);
}

/** The formulas of row `r`; every row gets the same ones (calculated columns). */
function rowFormulas(ctx: Context, r: number): Record<string, string> {
  const cellOf = (key: TaskListColumn): string => at(ctx, key, r);
  const effective = cellOf('effectiveDue');
  const stateCell = cellOf('state');
  const done = cellOf('completed');
  const item = cellOf('isItem');
  const own = cellOf('itemStatus');
  const conditional = quote(ctx.labels.kinds.conditional);
  const itemStatus =
    `IF(${item}=0,"",` +
    `IF(${stateCell}=${state('cancelled')},${cat('cancelled')},` +
    `IF(${stateCell}=${state('paused')},${cat('paused')},` +
    `IF(OR(${stateCell}=${state('done')},${done}<>""),` +
    `IF(${effective}="",${cat('done-on-time')},IF(${done}="",${cat('done-undated')},` +
    `IF(${done}<=${effective},${cat('done-on-time')},${cat('done-late')}))),` +
    `IF(${effective}="",IF(${cellOf('kind')}=${conditional},${cat('waiting')},${cat('no-deadline')}),` +
    `IF(NgayBaoCao>${effective},${cat('overdue')},` +
    `IF(${effective}-NgayBaoCao<=SoNgaySapDenHan,${cat('due-soon')},${cat('on-track')})))))))`;
  // A heading sums up its occurrences: the first category one of them has, worst first.
  const group = wholeOwn(ctx, 'taskNo');
  const statuses = wholeOwn(ctx, 'itemStatus');
  let summary: string = cat('no-deadline');
  for (const category of [...SUMMARY_ORDER].reverse()) {
    summary = `IF(COUNTIFS(${group},${cellOf('taskNo')},${statuses},${cat(category)})>0,${cat(category)},${summary})`;
  }
  const first = ctx.master.firstRow;
  const statusLetter = columnLetter(ctx.master.col.itemStatus);
  return {
    effectiveDue: `IF(${item}=0,"",IF(${cellOf('extendedTo')}<>"",${cellOf('extendedTo')},IF(${cellOf('due')}<>"",${cellOf('due')},"")))`,
    itemStatus,
    status: `IF(${item}=1,${own},${summary})`,
    daysLeft: `IF(OR(${item}=0,${effective}="",${FINISHED.map((category) => `${own}=${cat(category)}`).join(',')}),"",${effective}-NgayBaoCao)`,
    isItem: `IF(N(${cellOf('periods')})>0,0,1)`,
    isDue: `IF(${item}=0,0,IF(${effective}="",0,IF(AND(${effective}<=NgayBaoCao,${own}<>${cat('paused')},${own}<>${cat('cancelled')}),1,0)))`,
    overdueOrder: `IF(${own}=${cat('overdue')},COUNTIF($${statusLetter}$${first}:$${statusLetter}${r},${cat('overdue')}),"")`,
  };
}

/** The calculated columns, in table order. */
const CALCULATED: TaskListColumn[] = [
  'status',
  'daysLeft',
  'effectiveDue',
  'itemStatus',
  'isItem',
  'isDue',
  'overdueOrder',
];

function taskRow(
  ctx: Context,
  row: MasterRow,
  headers: string[],
  overdueNumber: number | null,
  moveOf: (formula: string, from: { row: number; col: number }, toCol: number, r: number) => string,
): (Cell | null)[] {
  const { task, r, role, standing } = row;
  const labels = ctx.labels;
  const given = ctx.options.entered?.[row.code];
  const heading = role === 'heading';
  const occurrence = role === 'occurrence' ? standing.row.occurrence! : null;
  const text = (value: string | undefined | null, style = 'text'): Cell =>
    value ? { text: value, style } : { style };
  // A heading's entry cells look like the others (a person may keep a note there); what is
  // typed in its state, dates or progress is not counted.
  const entry = (style: string): string => style;
  const stateLabel = given?.state ?? (heading ? undefined : labels.states[initialState(task.time)]);
  const formulas = rowFormulas(ctx, r);
  const valued = ctx.valueDate !== null;
  const ifValued = <T extends string | number | boolean>(value: T): T | undefined =>
    valued ? value : undefined;
  const label = (category: StatusCategory): string => labels.categories[category];
  const itemValue = heading ? '' : label(standing.status);
  const due = !heading && !!ctx.valueDate && isDue(standing.due, standing.status, ctx.valueDate);
  const periodText = occurrence ? periodLabel(occurrence.period, ctx.options.language) : '';
  const byColumn: Record<TaskListColumn, Cell> = {
    code: idCell(row.code),
    section: text(task.section, 'textCenter'),
    stt: occurrence ? { style: 'textCenter' } : idCell(task.stt),
    task: text(rowTaskText(ctx, row)),
    lead: text(task.lead.join('\n')),
    support: text(task.support.join('\n')),
    time: text(occurrence ? periodText : task.time.text),
    start: occurrence
      ? { date: occurrence.start, style: 'date' }
      : !heading && task.time.start
        ? { date: task.time.start, style: 'date' }
        : { style: 'date' },
    due: occurrence
      ? { date: occurrence.due, style: 'date' }
      : !heading && task.time.due
        ? { date: task.time.due, style: 'date' }
        : { style: 'date' },
    kind: text(
      occurrence
        ? `${labels.words.occurrence!} (${task.time.recurrence ? labels.recurrence[task.time.recurrence] : ''})`
        : kindLabel(ctx, task),
    ),
    product: text(occurrence ? '' : task.product),
    state: text(stateLabel, entry('entry')),
    progress:
      given?.progress !== undefined
        ? { number: given.progress, style: entry('entryInt') }
        : { style: entry('entryInt') },
    completed: given?.completed
      ? { date: given.completed, style: entry('entryDate') }
      : { style: entry('entryDate') },
    extendedTo: given?.extendedTo
      ? { date: given.extendedTo, style: entry('entryDate') }
      : { style: entry('entryDate') },
    extensionBasis: text(given?.extensionBasis, entry('entry')),
    status: statusCell(ctx, formulas.status!, row),
    daysLeft: daysLeftCell(ctx, formulas.daysLeft!, row),
    note: text(given?.note, 'entry'),
    extensionRequest: given?.extensionRequest
      ? { date: given.extensionRequest, style: entry('entryDate') }
      : { style: entry('entryDate') },
    extensionReason: text(given?.extensionReason, entry('entry')),
    effectiveDue: formulaCell(
      formulas.effectiveDue!,
      'date',
      ifValued(heading ? '' : dateValue(standing.due)),
    ),
    itemStatus: formulaCell(formulas.itemStatus!, 'plain', ifValued(itemValue)),
    isItem: formulaCell(formulas.isItem!, 'int', ifValued(heading ? 0 : 1)),
    isDue: formulaCell(formulas.isDue!, 'int', ifValued(due ? 1 : 0)),
    overdueOrder: formulaCell(formulas.overdueOrder!, 'int', ifValued(overdueNumber ?? '')),
    periods: heading ? { number: row.periods, style: 'int' } : { style: 'int' },
    taskNo: { number: row.group, style: 'int' },
  };
  const cells: Cell[] = TASK_LIST_COLUMNS.map((key) => byColumn[key]);
  ctx.master.extraColumns.forEach((header, i) => {
    cells.push(
      carriedCell(given?.extra?.[header], (formula, from) =>
        moveOf(formula, from, TASK_LIST_COLUMNS.length + i, r),
      ),
    );
  });
  for (const key of TASK_LIST_HELPER_COLUMNS) cells.push(byColumn[key]);
  // Notes and fills people gave the row's cells stay on their column.
  if (given?.notes || given?.fills) {
    return cells.map((cell, column) => {
      const header = headers[column]!;
      const note = given.notes?.[header];
      const fill = given.fills?.[header];
      if (!note && !fill) return cell;
      return {
        ...cell,
        ...(note ? { note } : {}),
        ...(fill ? { style: withFill(ctx, cell.style, fill, STYLES) } : {}),
      };
    });
  }
  return cells;
}

/** A value typed into a column people added, written back in its type. */
function carriedCell(
  value: CarriedValue | undefined,
  move: (formula: string, from: { row: number; col: number }) => string,
): Cell {
  if (value === undefined) return { style: 'entry' };
  if (typeof value === 'string')
    return value ? { text: value, style: 'entry' } : { style: 'entry' };
  if (typeof value === 'number') return { number: value, style: 'entry' };
  if ('date' in value) return { date: value.date, style: 'entryDate' };
  if ('bool' in value) return { bool: value.bool, style: 'entry' };
  return { formula: move(value.formula, { row: value.row - 1, col: value.col }), style: 'entry' };
}

/** Moves a formula from the old task list to this one: its references follow their tasks. */
function formulaMover(
  ctx: Context,
  headers: string[],
): (formula: string, from: { row: number; col: number }, toCol: number, r: number) => string {
  const moved = ctx.options.moved;
  const newCol = new Map(headers.map((h, i) => [h, i]));
  const col = (index: number): number | undefined => {
    const header = moved?.headers[index];
    return header ? newCol.get(header) : undefined;
  };
  const row = (oldRow: number): number | undefined => {
    const id = moved?.taskAtRow[oldRow + 1];
    const at = id !== undefined ? ctx.master.rowOf.get(id) : undefined;
    return at === undefined ? undefined : at - 1;
  };
  const own = ctx.sheetNames.tasks.toLowerCase();
  return (formula, from, toCol, r) => {
    try {
      return moveFormula(formula, {
        from,
        to: { row: r - 1, col: toCol },
        row,
        col,
        sameSheet: (name) => name.toLowerCase() === own,
      });
    } catch {
      return formula;
    }
  };
}

function taskListHeaders(ctx: Context): string[] {
  const words = ctx.labels.words;
  const header = (k: TaskListColumn): string => words[k]!;
  return [
    ...TASK_LIST_COLUMNS.map(header),
    ...ctx.master.extraColumns,
    ...TASK_LIST_HELPER_COLUMNS.map(header),
  ];
}

export function tasksSheet(ctx: Context): SheetLayout {
  const { plan, labels } = ctx;
  const { headerRow, firstRow, lastRow, col } = ctx.master;
  const headers = taskListHeaders(ctx);
  const last = columnLetter(headers.length - 1);
  // A column of the plan that no task fills takes no width (hidden; its header is still there).
  const unused = (key: TaskListColumn): boolean =>
    plan.tasks.length > 0 &&
    ((key === 'section' && plan.tasks.every((t) => !t.section)) ||
      (key === 'support' && plan.tasks.every((t) => t.support.length === 0)) ||
      (key === 'product' && plan.tasks.every((t) => !t.product)));
  const columns: ColumnLayout[] = [
    ...TASK_LIST_COLUMNS.map((k): ColumnLayout => {
      const width = k === 'code' ? codeColumnWidth(ctx.master.rows, WIDTHS.code) : WIDTHS[k];
      return unused(k) ? { width, hidden: true } : { width };
    }),
    ...ctx.master.extraColumns.map(() => ({ width: 18 })),
    ...TASK_LIST_HELPER_COLUMNS.map((k) => ({ width: WIDTHS[k], hidden: true })),
  ];
  const colRange = (key: TaskListColumn): string => {
    const letter = columnLetter(col[key]);
    return `${letter}${firstRow}:${letter}${lastRow}`;
  };
  const sheet: SheetLayout = {
    key: 'tasks',
    kind: 'tasks',
    name: ctx.sheetNames.tasks,
    marker: 'PhuLuc_NhiemVu',
    tabColor: TAB_COLOURS.tasks,
    columns,
    blocks: [
      {
        origin: 'A1',
        rows: [
          [{ text: `${labels.words.trackerTitle} — ${ctx.planLine}`, style: 'title' }],
          [{ text: plan.document.title ?? '', style: 'subtitle' }],
        ],
      },
      { origin: address(0, headerRow), rows: [headers.map((h) => ({ text: h, style: 'header' }))] },
    ],
    rowHeights: { [headerRow]: 32 },
    // Mã to Nhiệm vụ stay in view while the other columns scroll (as they repeat on paper).
    freeze: { rows: headerRow, columns: ctx.master.col.task + 1 },
    conditionalFormats: [],
    dataValidations: [],
    print: printSetup(ctx, `${headerRow}:${headerRow}`),
    textNumbers: [colRange('code'), colRange('stt')],
  };
  if (ctx.master.rows.length === 0) {
    sheet.blocks.push({
      origin: address(0, firstRow),
      rows: [[{ text: labels.words.noTasks!, style: 'label' }]],
    });
    delete sheet.textNumbers;
    return sheet;
  }
  const moveOf = formulaMover(ctx, headers);
  let overdue = 0;
  const body = ctx.master.rows.map((row) => {
    const number =
      row.role !== 'heading' && row.standing.status === 'overdue' && ctx.valueDate
        ? ++overdue
        : null;
    return taskRow(ctx, row, headers, number, moveOf);
  });
  sheet.blocks.push({ origin: address(0, firstRow), rows: body });
  const first = rowFormulas(ctx, firstRow);
  sheet.table = {
    name: 'PhuLuc_NhiemVu_Bang',
    range: `A${headerRow}:${last}${lastRow}`,
    style: 'TableStyleLight1',
    columns: headers,
    keyColumn: headers[col.code]!,
    entryColumns: [
      ...TASK_LIST_ENTRY_COLUMNS.map((k) => headers[col[k]]!),
      ...ctx.master.extraColumns,
    ],
    calculated: Object.fromEntries(CALCULATED.map((k) => [headers[col[k]]!, first[k]!])),
  };
  const statusCell = at(ctx, 'status', firstRow);
  const visibleLast = columnLetter(TASK_LIST_COLUMNS.length - 1);
  const ext = at(ctx, 'extendedTo', firstRow);
  const due = at(ctx, 'due', firstRow);
  sheet.conditionalFormats.push(
    // An extended deadline: the original Hạn is struck through (its colour stays the row's).
    { range: colRange('due'), rules: [{ formula: `${ext}<>""`, style: { strike: true } }] },
    // An extension that is not later than Hạn: marked on the extension itself.
    {
      range: colRange('extendedTo'),
      rules: [
        {
          formula: `AND(${ext}<>"",${due}<>"",${ext}<=${due})`,
          style: cueStyle(CUES.alarm, true),
        },
      ],
    },
    // A unit's extension request not yet approved (no Gia hạn đến as late as it): amber.
    {
      range: colRange('extensionRequest'),
      rules: [
        {
          formula: `AND(${at(ctx, 'extensionRequest', firstRow)}<>"",OR(${ext}="",${ext}<${at(ctx, 'extensionRequest', firstRow)}))`,
          style: cueStyle(CUES.warning, true),
        },
      ],
    },
    { range: `A${firstRow}:${visibleLast}${lastRow}`, rules: statusRules(statusCell, cat) },
    // A recurring task's own row stands out in bold over its occurrences (a rule, not a cell
    // style: one rule for the whole list instead of a style on every other run of rows).
    {
      range: `A${firstRow}:${visibleLast}${lastRow}`,
      rules: [{ formula: `${at(ctx, 'isItem', firstRow)}=0`, style: { bold: true } }],
    },
  );
  const words = labels.words;
  sheet.dataValidations.push(
    stateRule(colRange('state'), '=DsTrangThai', words),
    progressRule(colRange('progress'), words),
    dateRule(colRange('completed'), words.completed!, words),
    dateRule(colRange('extendedTo'), words.extendedTo!, words, words.extensionPrompt!),
  );
  return sheet;
}
