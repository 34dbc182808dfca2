// The person's corrections, each one undoable:
// - suggested fixes, where a finding offers one: a blank cell under a filled one ("same as
//   above") copies the cell of the task above; a unit both lead and coordinating leaves the
//   coordinating units; two spellings of one unit, or a unit the office's directory lacks, become
//   one unit of the directory;
// - a cell typed in the preview (a task's text, lead, coordinating units or time);
// - units merged or split in the preview's unit list.
// A correction edits the pane's copy of the source grid (or the unit directory), never the
// original, and the plan is read again, so findings go and come for the same reasons as before.

import type { Grid } from '../../core/grid/types';
import { paramsOf } from '../../core/findings/messages';
import type { Finding, Plan, PlanTable, PlanTask } from '../../core/plan/types';
import type { UnitEdit } from '../../core/unitdir';

export interface CellEdit {
  /** The grid row's `line`. */
  line: number;
  /** 0-based cell index. */
  column: number;
  value: string;
}

/** The task fields a person may type in the preview. */
export type EditableField = 'title' | 'lead' | 'support' | 'time';

export interface Fix {
  /** The finding it answers (see findingKey), or the cell or units it changes. */
  key: string;
  /** A suggestion a finding offered, a cell typed in, or units merged or split. */
  kind: 'suggestion' | 'edit' | 'units';
  /** What the fix does, for the list of applied fixes. */
  label: { vi: string; en: string };
  edits: CellEdit[];
  /** Edits of the unit directory, replayed over the directory in use. */
  units: UnitEdit[];
  /** Cells filled "as above": the row's other blanks stay likely lost merges. */
  mergedAbove?: { line: number; field: MergeField }[];
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
    kind: 'suggestion',
    label: {
      vi: `Nhiệm vụ ${task.id}: điền “${text}” như nhiệm vụ ${above.id}`,
      en: `Task ${task.id}: filled in “${text}” as in task ${above.id}`,
    },
    edits,
    units: [],
    mergedAbove: task.rows.slice(0, 1).map((line) => ({ line, field })),
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
    kind: 'suggestion',
    label: {
      vi: `Nhiệm vụ ${task.id}: bỏ ${names} khỏi đơn vị phối hợp`,
      en: `Task ${task.id}: removed ${names} from the coordinating units`,
    },
    edits: setTaskCell(task, column, kept.join('; ')),
    units: [],
  };
}

/** Units merged into one (the first name kept), as a correction. */
export function mergeFix(names: string[], into: string): Fix {
  const others = names.filter((n) => n !== into);
  const list = (xs: string[]): string => xs.map((n) => `“${n}”`).join(', ');
  return {
    key: `units|merge|${[...names].sort().join('|')}`,
    kind: 'units',
    label: {
      vi: `Coi ${list(others)} là cùng đơn vị với “${into}”`,
      en: `Read ${list(others)} as the same unit as “${into}”`,
    },
    edits: [],
    units: [{ kind: 'merge', names: [into, ...others], into }],
  };
}

/** A spelling taken out of a unit into a unit of its own, as a correction. */
export function splitFix(unit: string, alias: string): Fix {
  return {
    key: `units|split|${unit}|${alias}`,
    kind: 'units',
    label: {
      vi: `Tách “${alias}” khỏi “${unit}” thành một đơn vị riêng`,
      en: `Split “${alias}” from “${unit}” into a unit of its own`,
    },
    edits: [],
    units: [{ kind: 'split', unit, alias }],
  };
}

function sameUnitFix(f: Finding): Fix | null {
  // Write the other spelling everywhere, or declare the target spelling its alias.
  const params = paramsOf(f, 'unit-maybe-same');
  if (!params) return null;
  return { ...mergeFix([params.other, params.target], params.other), key: findingKey(f) };
}

/** A unit the office's directory lacks: into the unit it probably is, or a unit of its own. */
function unknownUnitFix(f: Finding): Fix | null {
  const params = paramsOf(f, 'unit-unknown');
  if (!params) return null;
  const name = params.unit;
  const hint = params.hint;
  if (hint) return { ...mergeFix([hint, name], hint), key: findingKey(f) };
  return {
    key: findingKey(f),
    kind: 'units',
    label: {
      vi: `Thêm “${name}” vào danh mục đơn vị`,
      en: `Added “${name}” to the unit directory`,
    },
    edits: [],
    units: [{ kind: 'merge', names: [name], into: name }],
  };
}

/** The fix a finding offers, or null when it offers none that can be applied safely. */
export function fixFor(f: Finding, plan: Plan, grid: Grid): Fix | null {
  if (MERGE_FIXES.has(f.code)) return sameAboveFix(f, plan, grid);
  if (f.code === 'lead-is-support') return leadIsSupportFix(f, plan);
  if (f.code === 'unit-maybe-same') return sameUnitFix(f);
  if (f.code === 'unit-unknown') return unknownUnitFix(f);
  return null;
}

/** The fields a preview cell of the task may be typed in (its table has the column). */
export function editableFields(plan: Plan, task: PlanTask): EditableField[] {
  const table = tableOfTask(plan, task);
  if (!table) return [];
  return (['title', 'lead', 'support', 'time'] as EditableField[]).filter(
    (field) => columnsOfField(table, field).length > 0,
  );
}

/** The key of a typed cell: its task's first source line and the field. */
export function editKey(task: PlanTask, field: EditableField): string {
  return `edit|${task.rows[0] ?? task.id}|${field}`;
}

const FIELD_LABEL: Record<EditableField, [string, string]> = {
  title: ['Nội dung', 'Text'],
  lead: ['Chủ trì', 'Lead'],
  support: ['Phối hợp', 'Coordinating'],
  time: ['Thời gian', 'Time'],
};

function short(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}

/**
 * A task's cell typed in the preview: the text of each of the field's columns (the time may be
 * two: start and due), written in the task's first row, its other rows blanked.
 */
export function editFix(
  plan: Plan,
  task: PlanTask,
  field: EditableField,
  values: string[],
): Fix | null {
  const table = tableOfTask(plan, task);
  if (!table) return null;
  const columns = columnsOfField(table, field);
  if (columns.length === 0) return null;
  const edits = columns.flatMap((column, i) => setTaskCell(task, column, values[i] ?? ''));
  const shown = short(values.filter((v) => v.trim() !== '').join(' – ')) || '—';
  const [vi, en] = FIELD_LABEL[field];
  return {
    key: editKey(task, field),
    kind: 'edit',
    label: {
      vi: `Nhiệm vụ ${task.id}, ${vi}: sửa thành “${shown}”`,
      en: `Task ${task.id}, ${en}: changed to “${shown}”`,
    },
    edits,
    units: [],
  };
}

/** What a field's columns hold now, for the editor (the time may be two: start and due). */
export function fieldValues(
  plan: Plan,
  grid: Grid,
  task: PlanTask,
  field: EditableField,
): string[] {
  const table = tableOfTask(plan, task);
  if (!table) return [];
  const rows = rowByLine(grid);
  return columnsOfField(table, field).map((column) => cellOfTask(rows, task, column));
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

/** The unit directory edits the fixes add up to, in order. */
export function unitEditsOf(fixes: readonly Fix[]): UnitEdit[] {
  return fixes.flatMap((f) => f.units);
}

/** The cells the fixes filled "as above". */
export function mergedAboveOf(fixes: readonly Fix[]): { line: number; field: MergeField }[] {
  return fixes.flatMap((f) => f.mergedAbove ?? []);
}
