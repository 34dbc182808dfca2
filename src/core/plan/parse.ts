import type { Grid } from '../grid/types';
import { textToGrid } from '../grid/fromText';
import { legalGrid } from '../grid/legal';
import { legalText } from '../text/legal';
import { readDocument } from '../document/meta';
import { CleanCells } from '../table/cells';
import { findTables, type DetectedTable } from '../table/detect';
import { yearInHeader } from '../table/headers';
import { finding } from '../findings/messages';
import { readTaskRows, type RawTask, type RowGuess } from '../table/rows';
import { readTimeColumns, readTimeExpression, type TimeContext, type TimeReading } from '../time';
import { occurrencesOf, planYears } from '../time/occurrences';
import {
  buildUnitDirectory,
  readLeadCell,
  unitSplitter,
  type LeadCell,
  type UnitDirectoryEntry,
} from '../units';
import { appendixHeadFindings, sortFindings, sourceFindings, validatePlan } from '../findings';
import { illegalCharacterFindings } from '../findings/characters';
import { repairShiftedUnitCells } from './repair';
import {
  PLAN_SCHEMA,
  type ColumnRole,
  type Finding,
  type Plan,
  type PlanSection,
  type PlanTable,
  type PlanTask,
  type TaskTime,
} from './types';

export interface ParseOptions {
  /** "Trước ngày X" counts X itself (default: the day before X). */
  beforeInclusive?: boolean;
  /** An office's own unit directory; it wins over automatic merging. */
  directory?: UnitDirectoryEntry[];
  /**
   * Column roles a person corrected, by table index (as in `plan.tables`): they replace the
   * detected roles of that table, which then counts as a task table when it has a task column.
   */
  columnRoles?: Record<number, Partial<Record<ColumnRole, number>>>;
  /**
   * Cells a person filled "as above" (the pane's suggested fixes), by source line and field: the
   * findings about the row's other blank cells stay (see ValidationContext.mergedAbove).
   */
  mergedAbove?: { line: number; field: 'lead' | 'support' | 'time' | 'product' }[];
}

/** A table with the roles a person chose instead of the detected ones. */
function withColumnRoles(
  table: DetectedTable,
  roles: Partial<Record<ColumnRole, number>>,
): DetectedTable {
  const used = new Set(Object.values(roles));
  const extraColumns: Record<string, number> = {};
  table.headers.forEach((header, i) => {
    if (!used.has(i) && header) extraColumns[header] = i;
  });
  const kind = roles.task !== undefined ? 'tasks' : table.kind === 'tasks' ? 'other' : table.kind;
  return { ...table, columns: { ...roles }, extraColumns, kind };
}

function tableOf(t: DetectedTable): PlanTable {
  return {
    kind: t.kind,
    title: t.title,
    columns: t.columns,
    extraColumns: t.extraColumns,
    headers: t.headers,
    firstRow: t.firstRow,
    lastRow: t.lastRow,
  };
}

/** `I.1` in sectioned tables, the STT alone otherwise; repeats get "-2", "-3". */
function taskIds(tasks: RawTask[], seen: Map<string, number>): string[] {
  return tasks.map((task, index) => {
    const stt = task.stt || `#${index + 1}`;
    const base = task.idBase ?? (task.section ? `${task.section}.${stt}` : stt);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

/**
 * Reads the time of each task of one table. Plans repeat their times ("Thường xuyên", "Quý
 * IV/2024" forty times), so each distinct text (or pair of texts) is read once.
 */
function timeReader(twoColumns: boolean, ctx: TimeContext): (task: RawTask) => TaskTime {
  const readings = new Map<string, Map<string, TimeReading>>();
  const read = (first: string, second: string): TimeReading => {
    let byFirst = readings.get(first);
    if (byFirst === undefined) readings.set(first, (byFirst = new Map()));
    let reading = byFirst.get(second);
    if (reading === undefined) {
      reading = twoColumns ? readTimeColumns(first, second, ctx) : readTimeExpression(first, ctx);
      byFirst.set(second, reading);
    }
    return reading;
  };
  return (task) => {
    const startText = task.cells.start ?? '';
    const dueText = task.cells.due ?? '';
    const text = twoColumns
      ? startText && dueText
        ? `${startText} – ${dueText}`
        : startText || dueText
      : (task.cells.time ?? '');
    const reading = twoColumns ? read(startText, dueText) : read(text, '');
    return {
      text,
      kind: reading.kind,
      start: reading.start,
      due: reading.due,
      recurrence: reading.recurrence,
      ...(twoColumns ? { startText, dueText } : {}),
      // Each task its own parts: a reading is shared by every task with the same text.
      ...(reading.parts ? { parts: reading.parts.map((part) => ({ ...part })) } : {}),
    };
  };
}

/** The finding that names a guess the row reader made, and what to check. */
function guessFinding(guess: RowGuess, tasks: RawTask[], ids: string[]): Finding {
  const task = ids[guess.task] ?? null;
  const rows = [...new Set([...(tasks[guess.from]?.rows ?? []), guess.line])].sort((a, b) => a - b);
  const params = {
    guess: guess.kind,
    line: guess.line,
    task,
    from: ids[guess.from] ?? '',
    roles: [...guess.roles],
  };
  switch (guess.kind) {
    case 'merged-lead':
      return finding('row-guessed', 'warning', task, rows, params, { field: 'lead' });
    case 'parent-cells':
      return finding('row-guessed', 'info', task, rows, params, {
        field: guess.roles.includes('lead') ? 'lead' : 'time',
      });
    case 'cut-row':
      return finding('row-guessed', 'info', task, rows, params);
  }
}

/**
 * A table of three or more columns whose header names no task column is offered to the person
 * (the pane lets them assign its columns), never dropped without a word.
 */
function unrecognised(table: DetectedTable, index: number): Finding[] {
  const width = Math.max(0, ...[...table.headerRows, ...table.body].map((r) => r.cells.length));
  const rows = table.body.length + table.headerRows.length;
  if (width < 3 || rows < 3) return [];
  const params = {
    table: index + 1,
    firstRow: table.firstRow,
    lastRow: table.lastRow,
    headers: table.headers.filter((h) => h !== ''),
  };
  return [finding('table-unrecognised', 'warning', null, [table.firstRow], params)];
}

/** Grid → plan: the whole reading pipeline, a pure function of its inputs. */
export function planFromGrid(source: Grid, options: ParseOptions = {}): Plan {
  // Characters no workbook can hold go first, so nothing later sees or copies them.
  const { grid, replaced } = legalGrid(source);
  const doc = readDocument(grid);
  // Every cell cleaned once, for the table finder and the row reader.
  const cells = new CleanCells();
  const detected = findTables(grid, cells).map((table, i) => {
    const roles = options.columnRoles?.[i];
    return roles ? withColumnRoles(table, roles) : table;
  });
  const ctx: TimeContext = {
    planYear: doc.year,
    issueDate: doc.date,
    beforeInclusive: options.beforeInclusive ?? false,
  };
  const sections: PlanSection[] = [];
  const tasks: PlanTask[] = [];
  const findings: Finding[] = [];
  // Unit cells repeat a lot ("Văn phòng UBND xã" forty times): split and read each text once.
  const split = unitSplitter();
  const leadCells = new Map<string, LeadCell>();
  const leadCellOf = (cell: string): LeadCell => {
    let read = leadCells.get(cell);
    if (read === undefined) leadCells.set(cell, (read = readLeadCell(cell)));
    return read;
  };
  // Ids stay unique across tables (a document may hold more than one task table).
  const seenIds = new Map<string, number>();

  for (const [index, table] of detected.entries()) {
    if (table.kind === 'other') append(findings, unrecognised(table, index));
    if (table.kind !== 'tasks') continue;
    // "Thời gian thực hiện (Năm 2026)": the header's year is the year of this table's times.
    const headerYear = (['time', 'due', 'start'] as const)
      .map((role) => table.columns[role])
      .map((i) => (i === undefined ? null : yearInHeader(table.headers[i] ?? '')))
      .find((year) => year !== null);
    const tableCtx = headerYear ? { ...ctx, planYear: headerYear } : ctx;
    const rows = readTaskRows(table, grid.source === 'sheet', cells);
    const ids = taskIds(rows.tasks, seenIds);
    append(findings, repairShiftedUnitCells(rows.tasks, ids, split.shared));
    append(
      findings,
      rows.guesses.map((guess) => guessFinding(guess, rows.tasks, ids)),
    );
    const twoColumns = table.columns.start !== undefined && table.columns.due !== undefined;
    const timeOf = timeReader(twoColumns, tableCtx);
    append(sections, rows.sections);
    rows.tasks.forEach((raw, i) => {
      const leadCell = leadCellOf(raw.cells.lead ?? '');
      const support = split(raw.cells.support ?? '');
      for (const unit of split(leadCell.support)) if (!support.includes(unit)) support.push(unit);
      const task: PlanTask = {
        id: ids[i]!,
        section: raw.section,
        stt: raw.stt,
        title: raw.cells.task ?? '',
        lead: split(leadCell.lead),
        support,
        time: timeOf(raw),
        product: raw.cells.product ?? '',
        rows: raw.rows,
      };
      if (raw.parent !== undefined) task.parent = ids[raw.parent];
      const note = [raw.cells.note ?? '', ...leadCell.scopes].filter((n) => n !== '').join('\n');
      if (note) task.note = note;
      if (Object.keys(raw.extra).length > 0) task.extra = raw.extra;
      tasks.push(task);
    });
  }

  // Recurring tasks: one occurrence per period of the plan's years (docs/domain.md).
  const years = planYears(doc);
  for (const task of tasks) {
    const occurrences = occurrencesOf(task.time, { years, horizon: years?.last ?? 0 });
    if (occurrences.length > 0) task.time.occurrences = occurrences;
  }

  const given = options.directory?.map((entry) => ({
    ...entry,
    name: legalText(entry.name),
    aliases: entry.aliases.map(legalText),
    members: entry.members.map(legalText),
  }));
  const directory = buildUnitDirectory(tasks, { directory: given });
  const body = {
    schema: PLAN_SCHEMA,
    document: doc,
    tables: detected.map(tableOf),
    sections,
    tasks,
    units: directory.units,
  } as const;
  append(findings, sourceFindings(grid));
  append(findings, appendixHeadFindings(grid, doc));
  append(findings, directory.findings);
  append(findings, illegalCharacterFindings(replaced, tasks));
  append(
    findings,
    validatePlan(body, {
      aliasToUnit: directory.aliasToUnit,
      mergesKnown: grid.mergesKnown ?? grid.source === 'sheet',
      ...(options.mergedAbove ? { mergedAbove: options.mergedAbove } : {}),
    }),
  );
  return { ...body, findings: sortFindings(findings, tasks) };
}

/** Text (a document, or Excel's clipboard) → plan. */
export function parsePlanText(text: string, options: ParseOptions = {}): Plan {
  return planFromGrid(textToGrid(text), options);
}

/**
 * Adds `items` at the end of `list`. Not `list.push(...items)`: that passes every item as an
 * argument, and past some tens of thousands (findings of a long plan) overflows the stack.
 */
function append<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}
