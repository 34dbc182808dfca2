// "Nhiệm vụ": the master list, one row per task, as an Excel table. Tình trạng and Còn lại are
// formulas on the report date, so colours move by themselves as days pass.

import type { PlanTask } from '../../core/plan/types';
import { initialState } from '../../core/status';
import { address, columnLetter, quote } from '../a1';
import {
  ENTRY_COLUMNS,
  MASTER_COLUMNS,
  printSetup,
  withFill,
  type Context,
  type MasterColumn,
} from '../context';
import { moveFormula } from '../formula';
import { STYLES, statusRules, TAB_COLOURS } from '../styles';
import type { CarriedValue } from '../tracker/model';
import { fitRowHeights } from '../fit';
import type { Cell, ColumnLayout, SheetLayout } from '../types';

const WIDTHS: Record<MasterColumn, number> = {
  code: 8,
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
  status: 16,
  daysLeft: 9,
  note: 24,
  overdueOrder: 6,
};

const MONTHS = { monthly: 1, quarterly: 3, 'half-yearly': 6, yearly: 12 } as const;

/** DATE(2019,3,31) */
function dateFormula(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `DATE(${y},${m},${d})`;
}

/** The deadline cell: a date, or for recurring tasks the end of the current period. */
function dueCell(task: PlanTask): Cell {
  const { due, recurrence } = task.time;
  if (!due) return { style: 'date' };
  if (!recurrence) return { date: due, style: 'date' };
  const k = MONTHS[recurrence];
  const first = dateFormula(due);
  // Same rule as core/status effectiveDue: the first deadline, then each period's end.
  return {
    formula: `IF(NgayBaoCao<=${first},${first},EOMONTH(NgayBaoCao,${k - 1}-MOD(MONTH(NgayBaoCao)-1,${k})))`,
    style: 'date',
  };
}

export function kindLabel(ctx: Context, task: PlanTask): string {
  const { kind, recurrence } = task.time;
  if (!kind) return '';
  const base = ctx.L.kinds[kind];
  return recurrence ? `${base} (${ctx.L.recurrence[recurrence]})` : base;
}

/** Tình trạng for row `r`: the categories of docs/domain.md, in the workbook's language. */
export function statusFormula(ctx: Context, r: number): string {
  const c = (key: MasterColumn): string => `$${columnLetter(ctx.master.col[key])}${r}`;
  const { states, categories, kinds } = ctx.L;
  const state = c('state');
  const due = c('due');
  const done = c('completed');
  return (
    `IF(OR(${state}=${quote(states.cancelled)},${state}=${quote(states.paused)}),${state},` +
    `IF(OR(${state}=${quote(states.done)},${done}<>""),` +
    `IF(OR(${due}="",${done}="",${done}<=${due}),${quote(categories['done-on-time'])},${quote(categories['done-late'])}),` +
    `IF(${due}="",IF(${c('kind')}=${quote(kinds.conditional)},${quote(categories.waiting)},${quote(categories['no-deadline'])}),` +
    `IF(NgayBaoCao>${due},${quote(categories.overdue)},` +
    `IF(${due}-NgayBaoCao<=SoNgaySapDenHan,${quote(categories['due-soon'])},${quote(categories['on-track'])})))))`
  );
}

function daysLeftFormula(ctx: Context, r: number): string {
  const c = (key: MasterColumn): string => `$${columnLetter(ctx.master.col[key])}${r}`;
  const { categories } = ctx.L;
  const finished = [
    categories['done-on-time'],
    categories['done-late'],
    categories.paused,
    categories.cancelled,
  ]
    .map((label) => `${c('status')}=${quote(label)}`)
    .join(',');
  return `IF(OR(${c('due')}="",${finished}),"",${c('due')}-NgayBaoCao)`;
}

function overdueOrderFormula(ctx: Context, r: number): string {
  const s = columnLetter(ctx.master.col.status);
  const overdue = quote(ctx.L.categories.overdue);
  return `IF($${s}${r}=${overdue},COUNTIF($${s}$${ctx.master.firstRow}:$${s}${r},${overdue}),"")`;
}

function taskRow(
  ctx: Context,
  task: PlanTask,
  r: number,
  headers: string[],
  moveOf: (formula: string, from: { row: number; col: number }, toCol: number, r: number) => string,
): (Cell | null)[] {
  const given = ctx.options.entered?.[task.id];
  const stateLabel = given?.state ?? ctx.L.states[initialState(task.time)];
  const text = (value: string | undefined | null, style = 'text'): Cell =>
    value ? { text: value, style } : { style };
  const byColumn: Record<MasterColumn, Cell> = {
    code: text(task.id, 'textCenter'),
    section: text(task.section, 'textCenter'),
    stt: text(task.stt, 'textCenter'),
    task: text(task.title),
    lead: text(task.lead.join('\n')),
    support: text(task.support.join('\n')),
    time: text(task.time.text),
    start: task.time.start ? { date: task.time.start, style: 'date' } : { style: 'date' },
    due: dueCell(task),
    kind: text(kindLabel(ctx, task)),
    product: text(task.product),
    state: text(stateLabel, 'entry'),
    progress:
      given?.progress !== undefined
        ? { number: given.progress, style: 'entryInt' }
        : { style: 'entryInt' },
    completed: given?.completed
      ? { date: given.completed, style: 'entryDate' }
      : { style: 'entryDate' },
    status: { formula: statusFormula(ctx, r), style: 'status' },
    daysLeft: {
      formula: daysLeftFormula(ctx, r),
      style: ctx.options.language === 'en' ? 'daysLeftEn' : 'daysLeft',
    },
    note: text(given?.note, 'entry'),
    overdueOrder: { formula: overdueOrderFormula(ctx, r), style: 'int' },
  };
  const row: Cell[] = MASTER_COLUMNS.map((key) => byColumn[key]);
  ctx.master.extraColumns.forEach((header, i) => {
    row.push(
      carriedCell(given?.extra?.[header], (f, from) =>
        moveOf(f, from, MASTER_COLUMNS.length + i, r),
      ),
    );
  });
  row.push(byColumn.overdueOrder);
  // Notes and fills people gave the row's cells stay on their column.
  if (given?.notes || given?.fills) {
    return row.map((cell, c) => {
      const header = headers[c]!;
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
  return row;
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
  const col = (c: number): number | undefined => {
    const header = moved?.headers[c];
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

export function masterHeaders(ctx: Context): string[] {
  const w = ctx.L.words;
  const header: Record<MasterColumn, string> = {
    code: w.code!,
    section: w.section!,
    stt: w.stt!,
    task: w.task!,
    lead: w.lead!,
    support: w.support!,
    time: w.time!,
    start: w.start!,
    due: w.due!,
    kind: w.kind!,
    product: w.product!,
    state: w.state!,
    progress: w.progress!,
    completed: w.completed!,
    status: w.status!,
    daysLeft: w.daysLeft!,
    note: w.note!,
    overdueOrder: w.overdueOrder!,
  };
  return [...MASTER_COLUMNS.map((k) => header[k]), ...ctx.master.extraColumns, header.overdueOrder];
}

export function tasksSheet(ctx: Context): SheetLayout {
  const { plan, L } = ctx;
  const { headerRow, firstRow, lastRow, col } = ctx.master;
  const headers = masterHeaders(ctx);
  const width = headers.length;
  const last = columnLetter(width - 1);
  const columns: ColumnLayout[] = [
    ...MASTER_COLUMNS.map((k) => ({ width: WIDTHS[k] })),
    ...ctx.master.extraColumns.map(() => ({ width: 18 })),
    { width: WIDTHS.overdueOrder, hidden: true },
  ];
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
          [{ text: `${L.words.trackerTitle} — ${ctx.planLine}`, style: 'title' }],
          [{ text: plan.document.title ?? '', style: 'subtitle' }],
        ],
      },
      { origin: address(0, headerRow), rows: [headers.map((h) => ({ text: h, style: 'header' }))] },
    ],
    rowHeights: { [headerRow]: 32 },
    freeze: { rows: headerRow, columns: 0 },
    conditionalFormats: [],
    dataValidations: [],
    print: printSetup(ctx, `${headerRow}:${headerRow}`),
  };
  if (plan.tasks.length === 0) {
    sheet.blocks.push({
      origin: address(0, firstRow),
      rows: [[{ text: L.words.noTasks!, style: 'label' }]],
    });
    return sheet;
  }
  const moveOf = formulaMover(ctx, headers);
  const body = plan.tasks.map((task, i) => taskRow(ctx, task, firstRow + i, headers, moveOf));
  sheet.blocks.push({ origin: address(0, firstRow), rows: body });
  Object.assign(sheet.rowHeights!, fitRowHeights(body, columns, firstRow));
  sheet.table = {
    name: 'PhuLuc_NhiemVu_Bang',
    range: `A${headerRow}:${last}${lastRow}`,
    style: 'TableStyleLight1',
    columns: headers,
    keyColumn: headers[col.code]!,
    entryColumns: [...ENTRY_COLUMNS.map((k) => headers[col[k]]!), ...ctx.master.extraColumns],
  };
  const statusCell = `$${columnLetter(col.status)}${firstRow}`;
  sheet.conditionalFormats.push({
    range: `A${firstRow}:${columnLetter(width - 2)}${lastRow}`,
    rules: statusRules(statusCell, (c) => L.categories[c]),
  });
  const colRange = (key: MasterColumn): string => {
    const c = columnLetter(col[key]);
    return `${c}${firstRow}:${c}${lastRow}`;
  };
  sheet.dataValidations.push(
    {
      range: colRange('state'),
      type: 'list',
      source: '=DsTrangThai',
      allowBlank: true,
      prompt: { title: L.words.state!, message: L.words.statePrompt! },
      error: { title: L.words.invalid!, message: L.words.statePrompt! },
    },
    {
      range: colRange('progress'),
      type: 'decimal',
      min: 0,
      max: 100,
      allowBlank: true,
      prompt: { title: L.words.progress!, message: L.words.progressPrompt! },
      error: { title: L.words.invalid!, message: L.words.progressPrompt! },
    },
    {
      range: colRange('completed'),
      type: 'date',
      min: 36526, // 01/01/2000
      max: 73051, // 31/12/2099
      allowBlank: true,
      prompt: { title: L.words.completed!, message: L.words.datePrompt! },
      error: { title: L.words.invalid!, message: L.words.datePrompt! },
    },
  );
  return sheet;
}
