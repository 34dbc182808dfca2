import type { ColumnRole, PlanSection } from '../plan/types';
import { cleanCell, cleanInline } from '../text/cell';
import type { GridRow } from '../grid/types';
import type { DetectedTable } from './detect';

/** A task as its table wrote it: cleaned cell texts, not yet split or interpreted. */
export interface RawTask {
  section: string | null;
  stt: string;
  /** Cleaned text per role. */
  cells: Partial<Record<ColumnRole, string>>;
  /** Extra columns by header text. */
  extra: Record<string, string>;
  rows: number[];
  /** Roles whose cell was filled from a merged cell above (Excel sources only). */
  mergedFromAbove: ColumnRole[];
}

export interface TableRows {
  sections: PlanSection[];
  tasks: RawTask[];
}

const ROMAN = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROLES_BESIDES_TASK: ColumnRole[] = [
  'lead',
  'support',
  'time',
  'start',
  'due',
  'product',
  'note',
];

/** "I", "IV.", "A", "B)" — the label of a section row. */
function sectionLabel(text: string): string | null {
  const m = /^(?:(?:phần|mục)\s+)?([IVXLC]+|[A-ZĐ])\s*[.)]?$/u.exec(text.trim());
  if (!m) return null;
  const label = m[1]!;
  return ROMAN.test(label) || /^[A-ZĐ]$/u.test(label) ? label : null;
}

/** "III RÀ SOÁT…", "I. Nhóm nhiệm vụ…": a label and title in one cell. */
function sectionInOneCell(text: string): { id: string; title: string } | null {
  const m = /^(?:(?:phần|mục)\s+)?([IVXLC]+|[A-ZĐ])\s*[.):\-–]?\s+(\S.*)$/su.exec(text.trim());
  if (!m) return null;
  const id = m[1]!;
  if (!ROMAN.test(id) && !/^[A-ZĐ]$/u.test(id)) return null;
  // A single capital letter followed by lowercase words is usually a sentence ("A cán bộ…" is
  // rare, "Các…" is not a label): require an uppercase first letter in the title.
  if (!/^[\p{Lu}\d"“(]/u.test(m[2]!)) return null;
  return { id, title: m[2]!.replace(/\s+/g, ' ').trim() };
}

/** STT of a main task: "1", "12.", "3)". */
const TASK_NUMBER = /^(\d{1,4})\s*[.)]?$/;
/** STT of a sub-item inside a task: "a", "b)", "-", "+", "*", "1.1" (under task 1). */
const SUB_ITEM = /^([a-zđ][.)]?|[-+*•–]|\d{1,3}\.\d{1,3}\.?)$/u;

/** Joins a continuation to the text above, as the page break had cut it. */
export function joinContinuation(above: string, below: string): string {
  if (!above) return below;
  if (!below) return above;
  const startsBullet = /^[-+*•–]\s/.test(below);
  const cutSentence = /[,]$/.test(above) || /^[\p{Ll}]/u.test(below);
  return !startsBullet && cutSentence ? `${above} ${below}` : `${above}\n${below}`;
}

function cellOf(row: GridRow, index: number | undefined): string {
  return index === undefined ? '' : cleanCell(row.cells[index] ?? '');
}

/**
 * Walks a tasks table's body: section rows open sections, numbered rows open tasks, rows with
 * an empty STT continue the task above (cell by cell), sub-items stay inside their task.
 */
export function readTaskRows(table: DetectedTable): TableRows {
  const sections: PlanSection[] = [];
  const tasks: RawTask[] = [];
  const roleColumns = Object.entries(table.columns) as [ColumnRole, number][];
  const usedColumns = new Set(roleColumns.map(([, index]) => index));
  const sttColumn = table.columns.stt;
  const taskColumn = table.columns.task;
  let section: string | null = null;
  let current: RawTask | null = null;
  let currentSection: PlanSection | null = null;

  for (const row of table.body) {
    const stt = cleanInline(sttColumn === undefined ? '' : (row.cells[sttColumn] ?? ''));
    const taskText = cellOf(row, taskColumn);
    const others = ROLES_BESIDES_TASK.some((role) => cellOf(row, table.columns[role]) !== '');
    const merged = (row.mergedFromAbove ?? [])
      .map((index) => roleColumns.find(([, i]) => i === index)?.[0])
      .filter((r): r is ColumnRole => r !== undefined);

    // Section rows: a label and a title, nothing in the working columns.
    const oneCell = !taskText && !others ? sectionInOneCell(stt) : null;
    const label = sectionLabel(stt);
    if (oneCell || (label && !others)) {
      const id = oneCell ? oneCell.id : label!;
      const title = oneCell ? oneCell.title : cleanInline(taskText);
      currentSection = { id, title };
      sections.push(currentSection);
      section = id;
      current = null;
      continue;
    }

    const cells: Partial<Record<ColumnRole, string>> = {};
    for (const [role, index] of roleColumns) if (role !== 'stt') cells[role] = cellOf(row, index);
    const extra: Record<string, string> = {};
    for (const [header, index] of Object.entries(table.extraColumns)) {
      if (usedColumns.has(index)) continue;
      const value = cleanCell(row.cells[index] ?? '');
      if (value) extra[header] = value;
    }

    if (TASK_NUMBER.test(stt) || (stt && !SUB_ITEM.test(stt) && !current)) {
      current = {
        section,
        stt: stt.replace(/\s*[.)]$/, ''),
        cells,
        extra,
        rows: [row.line],
        mergedFromAbove: merged,
      };
      tasks.push(current);
      continue;
    }

    if (current) {
      // A sub-item ("a)", "-", "1.1") keeps its marker as the start of a new line.
      const marker = stt && SUB_ITEM.test(stt) ? stt : '';
      for (const [role, value] of Object.entries(cells) as [ColumnRole, string][]) {
        if (!value) continue;
        const above = current.cells[role] ?? '';
        current.cells[role] =
          marker && role === 'task'
            ? `${above}\n${marker.length === 1 && /[a-zđ]/u.test(marker) ? `${marker})` : marker} ${value}`
            : joinContinuation(above, value);
      }
      for (const [header, value] of Object.entries(extra)) {
        current.extra[header] = joinContinuation(current.extra[header] ?? '', value);
      }
      current.rows.push(row.line);
      continue;
    }

    // Text under a section row before any task: the section title ran onto the next row.
    if (currentSection && taskText && !others) {
      currentSection.title = joinContinuation(currentSection.title, cleanInline(taskText));
    }
  }
  return { sections, tasks };
}
