import { COLUMN_ROLES, type ColumnRole, type PlanSection } from '../plan/types';
import { cleanInline } from '../text/cell';
import { CleanCells, inlineOf } from './cells';
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
  /**
   * The id's stem when the task sits in an Arabic group and its STT already carries the group's
   * number ("1.2" in group "1" of section "II" → "II.1.2"); otherwise the id is section + STT.
   */
  idBase?: string;
  /** Index (in `tasks`) of the task this one is a sub-task of ("2.1" under task "2"). */
  parent?: number;
}

/** A reading a person should check: what was guessed, on which row, for which task. */
export interface RowGuess {
  kind: 'merged-lead' | 'parent-cells' | 'cut-row';
  /** Index of the task (in `tasks`) the guess is about. */
  task: number;
  /** Index of the task whose cells were used. */
  from: number;
  line: number;
  roles: ColumnRole[];
}

export interface TableRows {
  sections: PlanSection[];
  tasks: RawTask[];
  guesses: RowGuess[];
}

const ROMAN = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROLES_BESIDES_TASK: ColumnRole[] = COLUMN_ROLES.filter(
  (role) => role !== 'stt' && role !== 'task',
);

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

/**
 * What joins a continuation to the filled text above it, as the page break had cut it: a space
 * (a sentence cut mid-way), or a line break (a new bullet, a new sentence).
 */
function continuationBreak(aboveEnd: string, below: string): string {
  const startsBullet = /^[-+*•–]\s/.test(below);
  const cutSentence = aboveEnd.endsWith(',') || /^[\p{Ll}]/u.test(below);
  return !startsBullet && cutSentence ? ' ' : '\n';
}

/** A cell that stops mid-phrase: the rest of it is on the next row ("Bộ Khoa học và"). */
function endsMidPhrase(text: string): boolean {
  // The pattern reads the last eight characters at most: it is tried on the last sixteen, so a
  // task text that grows row after row is not read again from its start each time.
  return MID_PHRASE_END.test(text.trim().slice(-16));
}

const MID_PHRASE_END =
  /(\s(và|của|các|cho|tại|trên|với|theo|về|để|từ|trong|đối với|và các|hoặc)|[-–&,(/])$/iu;

/** How much of a growing text's end is kept beside it (`TextEnds`). */
const END = 64;

/**
 * The last END characters of the texts the rows of a table make longer, row after row (a task's
 * cells carried over page breaks, a section title): the rules that read a text's end read them,
 * so a task that runs over thousands of rows is not read (and copied) again from its start at
 * each row. Texts are owned by an object (a task's cells, its extra columns, a section) and
 * named by a key.
 */
class TextEnds {
  private readonly ends = new Map<object, Map<string, string>>();

  /** The end of `text`, the current value of `owner[key]`. */
  of(owner: object, key: string, text: string): string {
    return this.ends.get(owner)?.get(key) ?? (text.length <= END ? text : text.slice(-END));
  }

  set(owner: object, key: string, end: string): void {
    let ends = this.ends.get(owner);
    if (ends === undefined) this.ends.set(owner, (ends = new Map()));
    ends.set(key, end.length <= END ? end : end.slice(-END));
  }

  /** `owner[key] + added`, its end kept. */
  append(owner: Record<string, string | undefined>, key: string, added: string): void {
    const text = owner[key] ?? '';
    this.set(owner, key, this.of(owner, key, text) + added);
    owner[key] = text + added;
  }

  /** The continuation `below` joined to `owner[key]` (`continuationBreak`), its end kept. */
  join(owner: Record<string, string | undefined>, key: string, below: string): void {
    const above = owner[key] ?? '';
    if (!below) return;
    if (!above) {
      owner[key] = below;
      this.set(owner, key, below);
      return;
    }
    this.append(owner, key, continuationBreak(this.of(owner, key, above), below) + below);
  }

  /** `endsMidPhrase(owner[key])`, read from its end. */
  endsMidPhrase(owner: object, key: string, text: string): boolean {
    const end = this.of(owner, key, text);
    if (end.length === text.length) return endsMidPhrase(end);
    // The text's end is the end kept, once it holds 16 characters after its leading spaces.
    const trimmed = end.trimEnd();
    if (trimmed.trimStart().length >= 16) return MID_PHRASE_END.test(trimmed.slice(-16));
    return endsMidPhrase(text);
  }
}

/** A cell that starts as a new sentence: a capital letter or a digit, not a bullet. */
function startsSentence(text: string): boolean {
  return /^[\p{Lu}\d"“(]/u.test(text.trim());
}

/** "1.2", "1.2.3": a number under another number. */
const NESTED_NUMBER = /^(\d{1,3})\.(\d{1,3})(?:\.\d{1,3})?\.?$/;

/**
 * Walks a tasks table's body (docs/domain.md, "Numbering levels"): letter rows open parts, Roman
 * rows open sections, an Arabic row with no lead and no time whose rows below are numbered under
 * it ("1." over "1.1", "1.2") opens a group; numbered rows open tasks; "2.1" under task "2"
 * is a sub-task when either has its own lead or time, a sub-item of its text otherwise; rows with
 * an empty STT continue the task above cell by cell, unless they are a task of their own whose
 * lead (and STT) was given once for the rows above (a merge lost on the way): see `ownTask`.
 */
export function readTaskRows(
  table: DetectedTable,
  mergesKnown = false,
  clean = new CleanCells(),
): TableRows {
  const sections: PlanSection[] = [];
  const tasks: RawTask[] = [];
  const guesses: RowGuess[] = [];
  const roleColumns = Object.entries(table.columns) as [ColumnRole, number][];
  const usedColumns = new Set(roleColumns.map(([, index]) => index));
  const sttColumn = table.columns.stt;
  const taskColumn = table.columns.task;
  const cellOf = (row: GridRow, index: number | undefined): string =>
    index === undefined ? '' : clean.cell(row, index);
  const sttOf = (row: GridRow): string =>
    sttColumn === undefined ? '' : inlineOf(clean.cell(row, sttColumn));
  const body = table.body;
  // Sections by level: a part (A, B), a section (I, II), a group (1., 2.).
  const open_: {
    part: PlanSection | null;
    roman: PlanSection | null;
    group: (PlanSection & { label: string }) | null;
    /** The section whose title a text-only row below it continues. */
    titled: PlanSection | null;
  } = { part: null, roman: null, group: null, titled: null };
  let current: RawTask | null = null;
  let currentIndex = -1;
  const ends = new TextEnds();
  const enclosing = (): PlanSection | null => open_.roman ?? open_.part;
  const sectionId = (): string | null => (open_.group ?? open_.roman ?? open_.part)?.id ?? null;

  const openSection = (level: 'part' | 'section' | 'group', label: string, title: string) => {
    const parentSection = level === 'part' ? null : level === 'section' ? open_.part : enclosing();
    const id = parentSection ? `${parentSection.id}.${label}` : label;
    const section: PlanSection = { id, title };
    if (parentSection) {
      section.parent = parentSection.id;
      section.level = level;
    } else if (level === 'group') section.level = level;
    sections.push(section);
    if (level === 'part') {
      open_.part = section;
      open_.roman = null;
      open_.group = null;
    } else if (level === 'section') {
      open_.roman = section;
      open_.group = null;
    } else open_.group = { ...section, label };
    current = null;
    currentIndex = -1;
    open_.titled = section;
  };

  /** Does a numbered row head a group: no lead, no time, and rows numbered under it below? */
  const headsGroup = (index: number, number: string, row: GridRow): boolean => {
    if (cellOf(row, table.columns.lead) || hasTime(row)) return false;
    for (let k = index + 1; k < body.length; k++) {
      const stt = sttOf(body[k]!);
      if (!stt) continue;
      const nested = NESTED_NUMBER.exec(stt);
      if (nested) return nested[1] === number;
      return false;
    }
    return false;
  };
  const hasTime = (row: GridRow): boolean =>
    ['time', 'start', 'due'].some((role) => cellOf(row, table.columns[role as ColumnRole]) !== '');
  // The columns each row is read from, listed once for the table.
  const cellColumns = roleColumns.filter(([role]) => role !== 'stt');
  const otherColumns = ROLES_BESIDES_TASK.map((role) => table.columns[role]);
  const extraColumns = Object.entries(table.extraColumns).filter(
    ([, index]) => !usedColumns.has(index),
  );

  for (let rowIndex = 0; rowIndex < body.length; rowIndex++) {
    const row = body[rowIndex]!;
    const stt = sttOf(row);
    const taskText = cellOf(row, taskColumn);
    const others = otherColumns.some((index) => cellOf(row, index) !== '');
    const merged =
      row.mergedFromAbove && row.mergedFromAbove.length > 0
        ? row.mergedFromAbove
            .map((index) => roleColumns.find(([, i]) => i === index)?.[0])
            .filter((r): r is ColumnRole => r !== undefined)
        : [];

    // Section rows: a label and a title, nothing in the working columns.
    const oneCell = !taskText && !others ? sectionInOneCell(stt) : null;
    const label = sectionLabel(stt);
    if (oneCell || (label && !others)) {
      const id = oneCell ? oneCell.id : label!;
      const title = oneCell ? oneCell.title : cleanInline(taskText);
      openSection(ROMAN.test(id) ? 'section' : 'part', id, title);
      continue;
    }

    const cells: Partial<Record<ColumnRole, string>> = {};
    for (const column of cellColumns) cells[column[0]] = cellOf(row, column[1]);
    const extra: Record<string, string> = {};
    for (const column of extraColumns) {
      const value = cellOf(row, column[1]);
      if (value) extra[column[0]] = value;
    }
    const open = (fields: Partial<RawTask>): RawTask => {
      const task: RawTask = {
        section: sectionId(),
        stt: stt.replace(/\s*[.)]$/, ''),
        cells,
        extra,
        rows: [row.line],
        mergedFromAbove: merged,
        ...fields,
      };
      tasks.push(task);
      current = task;
      currentIndex = tasks.length - 1;
      return task;
    };

    const number = TASK_NUMBER.exec(stt)?.[1];
    if (number !== undefined && taskText && headsGroup(rowIndex, number, row)) {
      openSection('group', number, cleanInline(taskText));
      continue;
    }

    const nested = NESTED_NUMBER.exec(stt);
    if (nested && open_.group && nested[1] === open_.group.label) {
      const outer = enclosing();
      open({ idBase: outer ? `${outer.id}.${stt.replace(/\.$/, '')}` : stt.replace(/\.$/, '') });
      continue;
    }
    if (nested && current) {
      const above: RawTask = current;
      const parentIndex = above.parent ?? currentIndex;
      const parentTask = tasks[parentIndex]!;
      const hasLeadAndTime = (t: RawTask): boolean =>
        !!t.cells.lead && (['time', 'start', 'due'] as ColumnRole[]).some((r) => !!t.cells[r]);
      // "2.1" under task "2": a task of its own when it or its parent has a lead and a time (and
      // so are its siblings once one is); a line of the parent's text otherwise.
      const isSubTask =
        parentTask.parent === undefined &&
        nested[1] === parentTask.stt &&
        (above.parent !== undefined || !!cells.lead || hasTime(row) || hasLeadAndTime(parentTask));
      if (isSubTask) {
        const number = stt.replace(/\.$/, '');
        const child = open({
          idBase: parentTask.idBase
            ? `${parentTask.idBase}.${nested[2]}`
            : parentTask.section
              ? `${parentTask.section}.${number}`
              : number,
          parent: parentIndex,
        });
        // A sub-task without its own lead or time works under its parent's.
        const inherited: ColumnRole[] = [];
        for (const role of ['lead', 'support', 'time', 'start', 'due'] as ColumnRole[]) {
          const parentText = parentTask.cells[role];
          if (role in child.cells && !child.cells[role] && parentText) {
            child.cells[role] = parentText;
            ends.set(child.cells, role, ends.of(parentTask.cells, role, parentText));
            inherited.push(role);
          }
        }
        if (inherited.some((r) => r !== 'support'))
          guesses.push({
            kind: 'parent-cells',
            task: tasks.length - 1,
            from: parentIndex,
            line: row.line,
            roles: inherited,
          });
        continue;
      }
    }

    if (number !== undefined || (stt && !SUB_ITEM.test(stt) && !current)) {
      // A numbered task beside groups ("2" with its own lead and time after group "1") closes
      // the group: it belongs to the section around it.
      if (number !== undefined) open_.group = null;
      open({ section: sectionId() });
      continue;
    }

    if (current) {
      const above: RawTask = current;
      const aboveIndex = currentIndex;
      const aboveEndsMidPhrase = (role: ColumnRole): boolean =>
        ends.endsMidPhrase(above.cells, role, above.cells[role] ?? '');
      const own = !stt && !mergesKnown ? ownTask(cells, above, aboveEndsMidPhrase) : null;
      if (own) {
        const task = open({ stt: above.stt, idBase: undefined });
        if (above.idBase) task.idBase = above.idBase;
        for (const role of own.inherited) {
          const aboveText = above.cells[role];
          task.cells[role] = aboveText;
          if (aboveText !== undefined)
            ends.set(task.cells, role, ends.of(above.cells, role, aboveText));
        }
        guesses.push({
          kind: 'merged-lead',
          task: tasks.length - 1,
          from: aboveIndex,
          line: row.line,
          roles: own.inherited,
        });
        continue;
      }
      // A sub-item ("a)", "-", "1.1") keeps its marker as the start of a new line.
      const marker = stt && SUB_ITEM.test(stt) ? stt : '';
      const cut =
        !stt &&
        startsSentence(taskText) &&
        Object.entries(cells).some(
          ([role, value]) => role !== 'task' && value && aboveEndsMidPhrase(role as ColumnRole),
        );
      for (const [role, value] of Object.entries(cells) as [ColumnRole, string][]) {
        if (!value) continue;
        if (marker && role === 'task') {
          const label = marker.length === 1 && /[a-zđ]/u.test(marker) ? `${marker})` : marker;
          ends.append(above.cells, role, `\n${label} ${value}`);
        } else if (role !== 'task' && aboveEndsMidPhrase(role)) {
          ends.append(above.cells, role, ` ${value}`);
        } else ends.join(above.cells, role, value);
      }
      for (const [header, value] of Object.entries(extra)) ends.join(above.extra, header, value);
      above.rows.push(row.line);
      if (cut)
        guesses.push({
          kind: 'cut-row',
          task: currentIndex,
          from: currentIndex,
          line: row.line,
          roles: [],
        });
      continue;
    }

    // Text under a section row before any task: the section title ran onto the next row.
    if (open_.titled && taskText && !others) {
      ends.join(open_.titled as unknown as Record<string, string>, 'title', cleanInline(taskText));
    }
  }
  return { sections, tasks, guesses };
}

/**
 * A row with no STT is a task of its own, not the rest of the row above, when it reads as one: its
 * task cell starts a new sentence after a task text that ended, it has a time of its own, its lead
 * is empty (given once for the rows above: a vertical merge lost on the way) and none of the
 * cells above stops mid-phrase (that is a page break's tail: "Bộ Khoa học và" / "Công nghệ").
 * Returns the roles it takes from the task above, or null when it continues that task.
 */
function ownTask(
  cells: Partial<Record<ColumnRole, string>>,
  above: RawTask,
  aboveEndsMidPhrase: (role: ColumnRole) => boolean,
): { inherited: ColumnRole[] } | null {
  const task = cells.task ?? '';
  const time = cells.time || cells.due || cells.start || '';
  if (!task || !time || cells.lead || !above.cells.lead) return null;
  if (!startsSentence(task) || /^[-+*•–]/u.test(task)) return null;
  const aboveTask = above.cells.task ?? '';
  if (!aboveTask || aboveEndsMidPhrase('task')) return null;
  for (const [role, value] of Object.entries(cells) as [ColumnRole, string][]) {
    if (value && aboveEndsMidPhrase(role)) return null;
  }
  if (!startsSentence(time)) return null;
  const inherited: ColumnRole[] = ['lead'];
  if (!cells.support && above.cells.support && 'support' in cells) inherited.push('support');
  return { inherited };
}
