// A seed as the Word document it came from: the seed's prose as paragraphs and its appendix as a
// real Word table with merged cells — a grouped header (w:gridSpan over the sub-headers, w:vMerge
// down the headers beside them), section rows merged across the table, and cells that hold the
// same unit or time for consecutive tasks merged down (w:vMerge). The table's content is the
// seed's golden plan (what a person read in the seed), so reading the .docx, or the PDF
// LibreOffice prints from it, must give that plan back. Header rows repeat on every page
// (w:tblHeader) and rows may split across pages, as in published plans.

import type { PlanTask } from '../../src/core/plan/types';
import { golden, seedText, type GoldenPlan } from './seeds';
import { paragraph, rowXml, tableXml, widthsFor, wordPackage, type Cell } from './word';

/** A seed line without markdown and HTML leftovers. */
const clean = (line: string): string =>
  line
    .replace(/<[^>]+>/g, ' ')
    .replace(/^#+\s*/, '')
    .replace(/\*+/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();

/**
 * The header rows as the seed's lines give them (one row, or two when the first has a group
 * whose sub-headers sit below) → Word rows: a group spans its sub-headers, and a header with
 * nothing below it is merged down over both rows.
 */
function headerRows(lines: string[][], width: number): Cell[][] {
  const top = lines[0]!;
  const at = (row: string[], c: number): string => clean(row[c] ?? '');
  if (lines.length === 1) {
    return [Array.from({ length: width }, (_, c) => ({ text: at(top, c), bold: true }))];
  }
  const below = lines[1]!;
  const first: Cell[] = [];
  const second: Cell[] = [];
  for (let c = 0; c < width;) {
    let span = 1;
    if (at(top, c) !== '' && at(below, c) !== '') {
      while (c + span < width && at(top, c + span) === '' && at(below, c + span) !== '') span++;
    }
    if (at(below, c) === '' && span === 1) {
      first.push({ text: at(top, c), vmerge: 'restart', bold: true });
      second.push({ text: '', vmerge: 'continue' });
    } else {
      first.push({ text: at(top, c), span, bold: true });
      for (let k = 0; k < span; k++) second.push({ text: at(below, c + k), bold: true });
    }
    c += span;
  }
  return [first, second];
}

type Columns = NonNullable<GoldenPlan['tables'][number]['columns']>;

/** A task's cell in a column of the table, as the golden file reads it. */
function taskCell(task: PlanTask, column: number, columns: Columns): string {
  const role = Object.entries(columns).find(([, c]) => c === column)?.[0];
  switch (role) {
    case 'stt':
      return task.stt;
    case 'task':
      return task.title;
    // Units as an appendix lists them: separated by semicolons (the golden file splits them).
    case 'lead':
      return task.lead.join('; ');
    case 'support':
      return task.support.join('; ');
    case 'time':
      return task.time.text;
    case 'start':
      return task.time.startText ?? '';
    case 'due':
      return task.time.dueText ?? '';
    case 'product':
      return task.product;
    case 'note':
      return task.note ?? '';
    default:
      return '';
  }
}

/** Cells merged down: the same unit, time or deliverable for consecutive tasks of a section. */
const MERGEABLE = new Set(['lead', 'support', 'time', 'start', 'due', 'product']);

function taskRows(plan: GoldenPlan, columns: Columns, width: number): Cell[][] {
  const tasks = plan.tasks ?? [];
  const out: Cell[][] = [];
  const roleOf = (c: number): string | undefined =>
    Object.entries(columns).find(([, i]) => i === c)?.[0];
  const emitTasks = (list: PlanTask[]): void => {
    list.forEach((task, i) => {
      const previous = i > 0 ? list[i - 1]! : null;
      out.push(
        Array.from({ length: width }, (_, c): Cell => {
          const text = taskCell(task, c, columns);
          const role = roleOf(c);
          if (role && MERGEABLE.has(role) && text !== '') {
            const same = previous !== null && taskCell(previous, c, columns) === text;
            const next = list[i + 1];
            const sameBelow = next !== undefined && taskCell(next, c, columns) === text;
            if (same) return { text: '', vmerge: 'continue' };
            if (sameBelow) return { text, vmerge: 'restart' };
          }
          return { text };
        }),
      );
    });
  };
  const sections = plan.sections ?? [];
  if (sections.length === 0) {
    emitTasks(tasks);
    return out;
  }
  for (const section of sections) {
    out.push([
      { text: section.id, bold: true },
      { text: section.title, span: width - 1, bold: true },
    ]);
    emitTasks(tasks.filter((t) => t.section === section.id));
  }
  return out;
}

/** The seed's lines of a table (1-based, inclusive) as cells; separator rows left out. */
function seedTableLines(lines: string[], first: number, last: number): string[][] {
  return lines
    .slice(first - 1, last)
    .filter((l) => l.includes('\t') && !/^[\s|:-]+$/.test(l.replace(/\t/g, '')))
    .map((l) => l.split('\t'));
}

/** The Word document (.docx bytes) for a seed; also its tables' row counts, for checks. */
export function seedAsWordTable(name: string): Uint8Array {
  const plan = golden(name);
  const lines = seedText(name).split('\n');
  const body: string[] = [];
  let next = 1;
  const prose = (from: number, to: number): void => {
    for (const line of lines.slice(from - 1, to - 1)) {
      const text = line.includes('\t') ? line.replace(/<[^>]+>/g, '') : clean(line);
      // Blank lines stay (one empty paragraph for a run of them): they end the title block.
      if (text.trim() === '') {
        if (body.length > 0 && !body[body.length - 1]!.startsWith('<w:p/>')) body.push('<w:p/>');
        continue;
      }
      body.push(paragraph(text, /^(KẾ HOẠCH|QUYẾT ĐỊNH|PHỤ LỤC)/.test(text), false));
    }
  };
  for (const table of plan.tables) {
    const firstRow = table.firstRow!;
    const lastRow = table.lastRow!;
    prose(next, firstRow);
    const seedRows = seedTableLines(lines, firstRow, lastRow);
    const width = Math.max(...seedRows.slice(0, 2).map((r) => r.length));
    const twoHeaderRows =
      seedRows.length > 1 &&
      clean(seedRows[1]![0] ?? '') === '' &&
      seedRows[0]!.some((c) => c.trim() === '');
    const headerLines = seedRows.slice(0, twoHeaderRows ? 2 : 1);
    const columns = table.columns ?? {};
    const widths = widthsFor(width, columns.task);
    const rows: string[] = headerRows(headerLines, width).map((r) => rowXml(r, widths, true));
    if (table.kind === 'tasks') {
      for (const r of taskRows(plan, columns, width)) rows.push(rowXml(r, widths));
    } else {
      const header = headerLines.map((r) => r.map(clean).join('\t'));
      for (const r of seedRows.slice(headerLines.length)) {
        if (header.includes(r.map(clean).join('\t'))) continue; // a repeated header
        const cells = Array.from({ length: width }, (_, c) => ({ text: clean(r[c] ?? '') }));
        rows.push(rowXml(cells, widths));
      }
    }
    body.push(tableXml(rows, widths));
    next = lastRow + 1;
  }
  prose(next, lines.length + 1);
  return wordPackage(body.join(''));
}
