import type { Grid } from '../grid/types';
import { textToGrid } from '../grid/fromText';
import { legalGrid } from '../grid/legal';
import { legalText } from '../text/legal';
import { readDocument } from '../document/meta';
import { findTables, type DetectedTable } from '../table/detect';
import { readTaskRows, type RawTask } from '../table/rows';
import { readTimeColumns, readTimeExpression, type TimeContext } from '../time';
import { buildUnitDirectory, splitUnits, type UnitDirectoryEntry } from '../units';
import { sortFindings, validatePlan } from '../findings';
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
    const base = task.section ? `${task.section}.${stt}` : stt;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

function timeOf(task: RawTask, twoColumns: boolean, ctx: TimeContext): TaskTime {
  const startText = task.cells.start ?? '';
  const dueText = task.cells.due ?? '';
  const text = twoColumns
    ? startText && dueText
      ? `${startText} – ${dueText}`
      : startText || dueText
    : (task.cells.time ?? '');
  const reading = twoColumns
    ? readTimeColumns(startText, dueText, ctx)
    : readTimeExpression(text, ctx);
  return {
    text,
    kind: reading.kind,
    start: reading.start,
    due: reading.due,
    recurrence: reading.recurrence,
    ...(twoColumns ? { startText, dueText } : {}),
    ...(reading.parts ? { parts: reading.parts } : {}),
  };
}

/** Grid → plan: the whole reading pipeline, a pure function of its inputs. */
export function planFromGrid(source: Grid, options: ParseOptions = {}): Plan {
  // Characters no workbook can hold go first, so nothing later sees or copies them.
  const { grid, replaced } = legalGrid(source);
  const doc = readDocument(grid);
  const detected = findTables(grid).map((table, i) => {
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
  // Unit cells repeat a lot ("Văn phòng UBND xã" forty times): split each text once.
  const splitCache = new Map<string, string[]>();
  const split = (cell: string): string[] => {
    let units = splitCache.get(cell);
    if (!units) splitCache.set(cell, (units = splitUnits(cell)));
    return [...units];
  };
  // Ids stay unique across tables (a document may hold more than one task table).
  const seenIds = new Map<string, number>();

  for (const table of detected) {
    if (table.kind !== 'tasks') continue;
    const rows = readTaskRows(table);
    const ids = taskIds(rows.tasks, seenIds);
    findings.push(...repairShiftedUnitCells(rows.tasks, ids, split));
    const twoColumns = table.columns.start !== undefined && table.columns.due !== undefined;
    sections.push(...rows.sections);
    rows.tasks.forEach((raw, i) => {
      const task: PlanTask = {
        id: ids[i]!,
        section: raw.section,
        stt: raw.stt,
        title: raw.cells.task ?? '',
        lead: split(raw.cells.lead ?? ''),
        support: split(raw.cells.support ?? ''),
        time: timeOf(raw, twoColumns, ctx),
        product: raw.cells.product ?? '',
        rows: raw.rows,
      };
      if (raw.cells.note) task.note = raw.cells.note;
      if (Object.keys(raw.extra).length > 0) task.extra = raw.extra;
      tasks.push(task);
    });
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
  findings.push(...directory.findings);
  findings.push(...illegalCharacterFindings(replaced, tasks));
  findings.push(
    ...validatePlan(body, {
      aliasToUnit: directory.aliasToUnit,
      mergesKnown: grid.source === 'sheet',
    }),
  );
  return { ...body, findings: sortFindings(findings, tasks) };
}

/** Text (a document, or Excel's clipboard) → plan. */
export function parsePlanText(text: string, options: ParseOptions = {}): Plan {
  return planFromGrid(textToGrid(text), options);
}
