// Suggested fixes a person can apply with one click, where the findings offer one:
// - a blank cell under a filled one ("same as above"): copy the cell of the task above;
// - a unit both lead and coordinating: drop it from the coordinating units;
// - two spellings of one unit: read them as one unit (a directory entry).
// A fix edits the pane's copy of the source grid (or the unit directory), never the original,
// and the plan is read again, so the finding goes away for the same reasons it came.

import type { Grid } from '../../core/grid/types';
import type { Finding, Plan, PlanTable, PlanTask } from '../../core/plan/types';
import type { UnitDirectoryEntry } from '../../core/units';

export interface CellEdit {
  /** The grid row's `line`. */
  line: number;
  /** 0-based cell index. */
  column: number;
  value: string;
}

export interface Fix {
  /** The finding it answers (see findingKey). */
  key: string;
  /** What the fix does, for the list of applied fixes. */
  label: { vi: string; en: string };
  edits: CellEdit[];
  directory: UnitDirectoryEntry[];
}

/** A finding's identity, stable while the plan is read again with other fixes applied. */
export function findingKey(f: Finding): string {
  return [f.code, f.task ?? '', f.field ?? '', f.rows.join(',')].join('|');
}

/** The task table a task's first row sits in. */
export function tableOfTask(plan: Plan, task: PlanTask): PlanTable | null {
  const row = task.rows[0];
  if (row === undefined) return null;
  return (
    plan.tables.find((t) => t.kind === 'tasks' && t.firstRow <= row && row <= t.lastRow) ?? null
  );
}

type MergeField = 'lead' | 'support' | 'time' | 'product';

/** The grid columns that hold a field of a task table ("time" may be two columns). */
export function columnsOfField(table: PlanTable, field: Finding['field']): number[] {
  const c = table.columns;
  const pick = (...xs: (number | undefined)[]): number[] =>
    xs.filter((x): x is number => x !== undefined);
  switch (field) {
    case 'lead':
      return pick(c.lead);
    case 'support':
      return pick(c.support);
    case 'product':
      return pick(c.product);
    case 'time':
      return c.time !== undefined ? [c.time] : pick(c.start, c.due);
    case 'stt':
      return pick(c.stt);
    case 'title':
      return pick(c.task);
    default:
      return pick(c.task);
  }
}

function rowByLine(grid: Grid): Map<number, string[]> {
  return new Map(grid.rows.map((r) => [r.line, r.cells]));
}

/** A task's text in one column, its rows joined as the source had them. */
function cellOfTask(grid: Map<number, string[]>, task: PlanTask, column: number): string {
  return task.rows
    .map((line) => (grid.get(line)?.[column] ?? '').trim())
    .filter((text) => text !== '')
    .join('\n');
}

/** Writes `value` in a task's first row and blanks the column in its other rows. */
function setTaskCell(task: PlanTask, column: number, value: string): CellEdit[] {
  return task.rows.map((line, i) => ({ line, column, value: i === 0 ? value : '' }));
}

const MERGE_FIXES = new Set(['lead-missing', 'time-missing', 'maybe-lost-merge']);

function sameAboveFix(f: Finding, plan: Plan, grid: Grid): Fix | null {
  const field = f.field as MergeField | undefined;
  if (!field || !f.suggestion || !f.task) return null;
  const index = plan.tasks.findIndex((t) => t.id === f.task);
  const task = plan.tasks[index];
  const above = plan.tasks[index - 1];
  if (!task || !above || above.section !== task.section) return null;
  const table = tableOfTask(plan, task);
  if (!table || tableOfTask(plan, above) !== table) return null;
  const rows = rowByLine(grid);
  const edits: CellEdit[] = [];
  const shown: string[] = [];
  for (const column of columnsOfField(table, field)) {
    const value = cellOfTask(rows, above, column);
    if (!value) continue;
    edits.push(...setTaskCell(task, column, value));
    shown.push(value.replace(/\s*\n\s*/g, '; '));
  }
  if (edits.length === 0) return null;
  const text = shown.join(' – ');
  return {
    key: findingKey(f),
    label: {
      vi: `Nhiệm vụ ${task.id}: điền “${text}” như nhiệm vụ ${above.id}`,
      en: `Task ${task.id}: filled in “${text}” as in task ${above.id}`,
    },
    edits,
    directory: [],
  };
}

/** Unit spelling → canonical name, from the plan's unit list. */
function canonicalNames(plan: Plan): (name: string) => string {
  const map = new Map<string, string>();
  for (const unit of plan.units) {
    map.set(unit.name, unit.name);
    for (const alias of unit.aliases) map.set(alias, unit.name);
  }
  return (name) => map.get(name) ?? name;
}

function leadIsSupportFix(f: Finding, plan: Plan): Fix | null {
  const task = plan.tasks.find((t) => t.id === f.task);
  if (!task) return null;
  const table = tableOfTask(plan, task);
  const column = table?.columns.support;
  if (!table || column === undefined) return null;
  const canonical = canonicalNames(plan);
  const leads = new Set(task.lead.map(canonical));
  const removed = task.support.filter((u) => leads.has(canonical(u)));
  if (removed.length === 0) return null;
  const kept = task.support.filter((u) => !leads.has(canonical(u)));
  const names = removed.map((u) => `“${u}”`).join(', ');
  return {
    key: findingKey(f),
    label: {
      vi: `Nhiệm vụ ${task.id}: bỏ ${names} khỏi đơn vị phối hợp`,
      en: `Task ${task.id}: removed ${names} from the coordinating units`,
    },
    edits: setTaskCell(task, column, kept.join('; ')),
    directory: [],
  };
}

function sameUnitFix(f: Finding, plan: Plan): Fix | null {
  // "… write "X" in every task or declare "Y" as its alias …" (the finding's English text).
  const m = /write "([^"]+)" in every task or declare "([^"]+)" as its alias/.exec(
    f.suggestionEn ?? '',
  );
  if (!m) return null;
  const name = m[1]!;
  const alias = m[2]!;
  const unit = plan.units.find((u) => u.name === name);
  return {
    key: findingKey(f),
    label: {
      vi: `Coi “${alias}” là cùng đơn vị với “${name}”`,
      en: `Read “${alias}” as the same unit as “${name}”`,
    },
    edits: [],
    directory: [
      {
        name,
        aliases: [...new Set([...(unit?.aliases ?? []), alias])],
        group: unit?.group ?? false,
        members: unit?.members ?? [],
      },
    ],
  };
}

/** The fix a finding offers, or null when it offers none that can be applied safely. */
export function fixFor(f: Finding, plan: Plan, grid: Grid): Fix | null {
  if (MERGE_FIXES.has(f.code)) return sameAboveFix(f, plan, grid);
  if (f.code === 'lead-is-support') return leadIsSupportFix(f, plan);
  if (f.code === 'unit-maybe-same') return sameUnitFix(f, plan);
  return null;
}

/** The grid with the fixes' edits made, in order (the original is not changed). */
export function applyFixes(grid: Grid, fixes: readonly Fix[]): Grid {
  const edits = fixes.flatMap((f) => f.edits);
  if (edits.length === 0) return grid;
  const byLine = new Map<number, CellEdit[]>();
  for (const e of edits) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
  return {
    ...grid,
    rows: grid.rows.map((row) => {
      const rowEdits = byLine.get(row.line);
      if (!rowEdits) return row;
      const cells = [...row.cells];
      for (const e of rowEdits) {
        while (cells.length <= e.column) cells.push('');
        cells[e.column] = e.value;
      }
      return { ...row, cells };
    }),
  };
}

/** The unit directory the fixes add up to (later entries for a name replace earlier ones). */
export function directoryOf(fixes: readonly Fix[]): UnitDirectoryEntry[] {
  const byName = new Map<string, UnitDirectoryEntry>();
  for (const fix of fixes) {
    for (const entry of fix.directory) {
      const before = byName.get(entry.name);
      byName.set(entry.name, {
        ...entry,
        aliases: [...new Set([...(before?.aliases ?? []), ...entry.aliases])],
      });
    }
  }
  return [...byName.values()];
}
