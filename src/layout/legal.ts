// The one guard on every string the layout writes, so both writers (the .xlsx file and
// Office.js) get text Excel takes whatever the source: a plan read here, a plan JSON from
// anywhere, values carried from an old tracker. Every text is made XML-legal (core/text/legal)
// and cut to Excel's limit for its place: a cut cell ends with a note saying so.

import { groupDigits } from '../core/findings/messages';
import { cutText, EXCEL_CELL_LIMIT, hasIllegalCharacters, legalText } from '../core/text/legal';
import { parseCellRef } from '../excel/a1';
import { labelsFor, type Labels, type Language } from './labels';
import type { Cell, SheetLayout, WorkbookLayout } from './types';

/** Excel's limits, in UTF-16 code units. */
const LIMITS = {
  cell: EXCEL_CELL_LIMIT,
  tableColumn: 255,
  nameComment: 255,
  validationTitle: 32,
  validationPrompt: 255,
  validationError: 225,
  headerFooter: 255,
  property: 255,
} as const;

/** Legal text of at most `max` code units, cut without a note (names, titles, properties). */
function fitText(text: string, max: number): string {
  return cutText(legalText(text), max);
}

/**
 * A document property (title, subject…): legal, at most 255 characters, line ends as "\n" (an
 * XML reader turns "\r\n" into "\n", so a "\r" would not read back as written).
 */
export function propertyText(text: string): string {
  return fitText(text.replace(/\r\n?/g, '\n'), LIMITS.property);
}

/** Legal cell text; past Excel's limit its beginning, ending with a note saying what was cut. */
export function cellText(text: string, language: Language): string {
  const legal = legalText(text);
  if (legal.length <= LIMITS.cell) return legal;
  const note = labelsFor(language)
    .words.cutNote!.replace('{n}', groupDigits(legal.length, language))
    .replace('{max}', groupDigits(LIMITS.cell, language));
  return cutText(legal, LIMITS.cell - note.length) + note;
}

/**
 * A page header or footer: legal and at most 255 characters, without leaving half of an
 * "&&" (a literal "&") or of a code ("&P") at the end.
 */
export function headerFooterText(text: string): string {
  const legal = legalText(text);
  if (legal.length <= LIMITS.headerFooter) return legal;
  let out = cutText(legal, LIMITS.headerFooter);
  const amps = /&+$/.exec(out)?.[0].length ?? 0;
  if (amps % 2 === 1) out = out.slice(0, -1);
  return out;
}

const needsCell = (text: string): boolean =>
  text.length > LIMITS.cell || hasIllegalCharacters(text);

/** Table headers Excel takes: one line, not empty, ≤ 255 characters, unique ignoring case. */
function tableColumns(columns: string[], labels: Labels): string[] {
  const seen = new Set<string>();
  return columns.map((raw, i) => {
    const base =
      fitText(raw.replace(/[\r\n\t]+/g, ' ').trim(), LIMITS.tableColumn).trim() ||
      `${labels.words.column!} ${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toUpperCase()); n++) {
      const suffix = ` (${n})`;
      name = cutText(base, LIMITS.tableColumn - suffix.length) + suffix;
    }
    seen.add(name.toUpperCase());
    return name;
  });
}

function guardTable(sheet: SheetLayout, labels: Labels): void {
  const table = sheet.table;
  if (!table) return;
  const columns = tableColumns(table.columns, labels);
  if (columns.every((c, i) => c === table.columns[i])) return;
  const renamed = new Map(table.columns.map((c, i) => [c, columns[i]!]));
  const top = parseCellRef(table.range.split(':')[0]!);
  // The header cells hold the column names: rename them the same way.
  for (const block of sheet.blocks) {
    const origin = parseCellRef(block.origin);
    const cells = top && origin ? block.rows[top.row - origin.row] : undefined;
    if (!top || !origin || !cells) continue;
    cells.forEach((cell, c) => {
      const i = origin.col + c - top.col;
      if (cell && i >= 0 && i < columns.length && cell.text === table.columns[i])
        cells[c] = { ...cell, text: columns[i]! };
    });
  }
  sheet.table = {
    ...table,
    columns,
    keyColumn: renamed.get(table.keyColumn) ?? table.keyColumn,
    entryColumns: table.entryColumns.map((c) => renamed.get(c) ?? c),
  };
}

function guardSheet(sheet: SheetLayout, language: Language): void {
  // The table first: it finds its header cells by their texts as they were.
  guardTable(sheet, labelsFor(language));
  for (const block of sheet.blocks) {
    for (const row of block.rows) {
      for (let c = 0; c < row.length; c++) {
        const cell: Cell | null | undefined = row[c];
        if (cell?.text !== undefined && needsCell(cell.text))
          row[c] = { ...cell, text: cellText(cell.text, language) };
        // A formula's stored value shows a text of another cell: guarded the same way.
        if (typeof cell?.value === 'string' && needsCell(cell.value))
          row[c] = { ...row[c]!, value: cellText(cell.value, language) };
      }
    }
  }
  sheet.dataValidations = sheet.dataValidations.map((dv) => ({
    ...dv,
    ...(dv.prompt
      ? {
          prompt: {
            title: fitText(dv.prompt.title, LIMITS.validationTitle),
            message: fitText(dv.prompt.message, LIMITS.validationPrompt),
          },
        }
      : {}),
    ...(dv.error
      ? {
          error: {
            title: fitText(dv.error.title, LIMITS.validationTitle),
            message: fitText(dv.error.message, LIMITS.validationError),
          },
        }
      : {}),
  }));
  const { header, footer } = sheet.print;
  sheet.print = {
    ...sheet.print,
    ...(header !== undefined ? { header: headerFooterText(header) } : {}),
    ...(footer !== undefined ? { footer: headerFooterText(footer) } : {}),
  };
}

/**
 * Makes every string of the layout one Excel takes, in place, and returns the layout. Sheet
 * names are legal by construction (sheetNames.ts): links and references use them as they are.
 */
export function legalLayout(layout: WorkbookLayout, language: Language): WorkbookLayout {
  const keys = new Set<string>();
  for (const sheet of layout.sheets) {
    guardSheet(sheet, language);
    // The key is written as the marker's comment ("PhuLuc: <key>") and read back from it; two
    // units whose names differ only by characters taken out keep two keys.
    let key = legalText(sheet.key);
    for (let n = 2; keys.has(key); n++) key = `${legalText(sheet.key)} #${n}`;
    keys.add(key);
    sheet.key = key;
  }
  layout.names = layout.names.map((n) =>
    n.comment === undefined ? n : { ...n, comment: fitText(n.comment, LIMITS.nameComment) },
  );
  const p = layout.properties;
  layout.properties = {
    title: propertyText(p.title),
    subject: propertyText(p.subject),
    creator: propertyText(p.creator),
    description: propertyText(p.description),
  };
  return layout;
}
