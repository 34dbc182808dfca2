// A sheet's cells as SpreadsheetML (`<sheetData>`): rows in order, cells in column order, text
// through the workbook's shared strings, dates as serials, formulas in the file's spelling with
// the result the core computed. Written as strings, one pass over the layout's blocks.

import { columnName, MAX_COLS, parseBoxRef, parseCellRef } from '../../excel/a1';
import { isoToSerial } from '../../excel/dates';
import type { Cell, SheetLayout } from '../../layout/types';
import { fileFormula, formulaTemplate, shiftedFormula, type FormulaTemplate } from './formula';
import type { StyleTable } from './styles';
import { spreadsheetText, textElement, XML_DECLARATION, NS } from './xml';

/** The workbook's shared strings (xl/sharedStrings.xml): each distinct text stored once. */
export class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  private uses = 0;

  id(text: string): number {
    this.uses++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.push(text) - 1;
      this.ids.set(text, id);
    }
    return id;
  }

  xml(): string {
    let items = '';
    for (const text of this.texts) items += `<si>${textElement(text)}</si>`;
    return (
      `${XML_DECLARATION}<sst xmlns="${NS.main}" count="${this.uses}" uniqueCount="${this.texts.length}">` +
      `${items}</sst>`
    );
  }
}

/** What the rest of the worksheet needs from its cells. */
export interface SheetCells {
  /** `<sheetData>…</sheetData>` */
  xml: string;
  /** The used range ("A1:E8"), or null for a sheet without cells. */
  dimension: string | null;
  notes: { ref: string; row: number; col: number; text: string }[];
  links: { ref: string; sheet: string; address: string }[];
}

/**
 * How each formula cell is written, decided before writing: runs of cells down a column holding
 * the same formula shape become one shared formula (as Excel saves filled-down formulas), so the
 * file stores the text once. Indexed by the formula cells in the order they are visited:
 * `lastRow` is the run's last row for the first cell of a run (0 for a formula of its own) and
 * `shared` the run's shared index, for every cell of a run (-1 for a formula of its own).
 */
interface FormulaPlan {
  lastRow: number[];
  shared: number[];
}

function planFormulas(sheet: SheetLayout): FormulaPlan {
  const plan: FormulaPlan = { lastRow: [], shared: [] };
  const open = new Map<number, { template: FormulaTemplate; first: number; at: number }>();
  let runs = 0;
  for (const block of sheet.blocks) {
    const origin = parseCellRef(block.origin)!;
    for (let r = 0; r < block.rows.length; r++) {
      const row = origin.row + r;
      const cells = block.rows[r]!;
      for (let c = 0; c < cells.length; c++) {
        const formula = cells[c]?.formula;
        if (formula === undefined) continue;
        const col = origin.col + c;
        const run = open.get(col);
        if (
          run &&
          plan.lastRow[run.at] === row - 1 &&
          shiftedFormula(run.template, row - run.first) === formula
        ) {
          if (plan.shared[run.at] === -1) plan.shared[run.at] = runs++;
          plan.lastRow[run.at] = row;
          plan.lastRow.push(0);
          plan.shared.push(plan.shared[run.at]!);
          continue;
        }
        const template = formulaTemplate(formula);
        if (template) open.set(col, { template, first: row, at: plan.lastRow.length });
        else open.delete(col);
        plan.lastRow.push(row);
        plan.shared.push(-1);
      }
    }
  }
  return plan;
}

/** A formula's stored result: what a program that does not calculate shows (see Cell.value). */
function cachedValue(value: Cell['value']): { type: string; v: string } {
  if (value === undefined) return { type: '', v: '' };
  if (typeof value === 'number') return { type: '', v: `<v>${value}</v>` };
  if (typeof value === 'boolean') return { type: ' t="b"', v: `<v>${value ? 1 : 0}</v>` };
  return { type: ' t="str"', v: `<v>${spreadsheetText(value)}</v>` };
}

/** A cell's position as one number (row-major). */
const positionKey = (row: number, col: number): number => row * (MAX_COLS + 1) + col;

/**
 * The cells a merge covers (all but its top-left), each with its top-left cell's position. Excel
 * draws a merged area with the formats of all its cells — the right border from the rightmost
 * ones — and Office.js formats the whole area: every covered cell is written with the top-left
 * cell's format and no value (what Excel keeps of a merged cell).
 */
function coveredCells(sheet: SheetLayout): Map<number, number> {
  const covered = new Map<number, number>();
  for (const merge of sheet.merges ?? []) {
    const box = parseBoxRef(merge)!;
    const master = positionKey(box.top, box.left);
    for (let row = box.top; row <= box.bottom; row++)
      for (let col = box.left; col <= box.right; col++)
        if (row !== box.top || col !== box.left) covered.set(positionKey(row, col), master);
  }
  return covered;
}

/** The cell format of each merge's top-left cell, by position (0 where it has none). */
function masterFormats(
  sheet: SheetLayout,
  covered: Map<number, number>,
  styles: StyleTable,
): Map<number, number> {
  const masters = new Set(covered.values());
  const formats = new Map<number, number>();
  if (masters.size === 0) return formats;
  for (const block of sheet.blocks) {
    const origin = parseCellRef(block.origin)!;
    block.rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        const key = positionKey(origin.row + r, origin.col + c);
        if (cell && masters.has(key))
          formats.set(key, styles.cellFormat(cell.style, cell.date !== undefined));
      });
    });
  }
  return formats;
}

export function sheetCells(
  sheet: SheetLayout,
  styles: StyleTable,
  strings: SharedStrings,
): SheetCells {
  const plan = planFormulas(sheet);
  let planAt = 0;
  const letters: string[] = [];
  const letter = (col: number): string => (letters[col] ??= columnName(col));
  /** Row → pieces of that row, each a block's cells with the column it starts at. */
  const rows = new Map<number, { col: number; xml: string }[]>();
  const notes: SheetCells['notes'] = [];
  const links: SheetCells['links'] = [];
  const covered = coveredCells(sheet);
  const formats = masterFormats(sheet, covered, styles);
  /** Covered cells written so far (the others are added after the blocks). */
  const coveredDone = new Set<number>();
  const coveredXml = (row: number, col: number, master: number): string => {
    const s = formats.get(master) ?? 0;
    return s ? `<c r="${letter(col)}${row}"${styles.styleAttribute(s)}/>` : '';
  };
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;

  for (const block of sheet.blocks) {
    const origin = parseCellRef(block.origin)!;
    for (let r = 0; r < block.rows.length; r++) {
      const row = origin.row + r;
      const cells = block.rows[r]!;
      let xml = '';
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        const col = origin.col + c;
        if (covered.size > 0) {
          const master = covered.get(positionKey(row, col));
          if (master !== undefined) {
            coveredDone.add(positionKey(row, col));
            xml += coveredXml(row, col, master);
            if (cell?.note !== undefined)
              notes.push({ ref: letter(col) + row, row, col, text: cell.note });
            continue;
          }
        }
        if (!cell) continue;
        const ref = letter(col) + row;
        const s = styles.cellFormat(cell.style, cell.date !== undefined);
        const style = styles.styleAttribute(s);
        let body: string;
        if (cell.text !== undefined && cell.text !== '') {
          body = ` t="s"><v>${strings.id(cell.text)}</v></c>`;
        } else if (cell.number !== undefined) {
          body = `><v>${cell.number}</v></c>`;
        } else if (cell.date !== undefined) {
          body = `><v>${isoToSerial(cell.date)}</v></c>`;
        } else if (cell.bool !== undefined) {
          body = ` t="b"><v>${cell.bool ? 1 : 0}</v></c>`;
        } else if (cell.formula !== undefined) {
          const cached = cachedValue(cell.value);
          const lastRow = plan.lastRow[planAt]!;
          const index = plan.shared[planAt++]!;
          let f: string;
          if (index < 0) f = `<f>${spreadsheetText(fileFormula(cell.formula))}</f>`;
          else if (lastRow > 0)
            f = `<f t="shared" ref="${ref}:${letter(col)}${lastRow}" si="${index}">${spreadsheetText(fileFormula(cell.formula))}</f>`;
          else f = `<f t="shared" si="${index}"/>`;
          body = `${cached.type}>${f}${cached.v}</c>`;
        } else if (s) {
          body = '/>';
        } else continue;
        xml += `<c r="${ref}"${style}${body}`;
        if (row < top) top = row;
        if (row > bottom) bottom = row;
        if (col < left) left = col;
        if (col > right) right = col;
        if (cell.note !== undefined) notes.push({ ref, row, col, text: cell.note });
        if (cell.link) links.push({ ref, ...cell.link });
      }
      if (!xml) continue;
      const pieces = rows.get(row);
      if (pieces) pieces.push({ col: origin.col, xml });
      else rows.set(row, [{ col: origin.col, xml }]);
    }
  }

  for (const [key, master] of covered) {
    if (coveredDone.has(key)) continue;
    const row = Math.floor(key / (MAX_COLS + 1));
    const col = key % (MAX_COLS + 1);
    const xml = coveredXml(row, col, master);
    if (!xml) continue;
    const pieces = rows.get(row);
    if (pieces) pieces.push({ col, xml });
    else rows.set(row, [{ col, xml }]);
  }

  const heights = sheet.rowHeights ?? {};
  const rowNumbers = new Set<number>(rows.keys());
  for (const key of Object.keys(heights)) rowNumbers.add(Number(key));
  let xml = '<sheetData>';
  for (const row of [...rowNumbers].sort((a, b) => a - b)) {
    const height = heights[row];
    const attrs = height !== undefined ? ` ht="${height}" customHeight="1"` : '';
    const pieces = rows.get(row);
    if (!pieces) {
      xml += `<row r="${row}"${attrs}/>`;
      continue;
    }
    if (pieces.length > 1) pieces.sort((a, b) => a.col - b.col);
    xml += `<row r="${row}"${attrs}>`;
    for (const piece of pieces) xml += piece.xml;
    xml += '</row>';
  }
  xml += '</sheetData>';
  const dimension = bottom === 0 ? null : `${letter(left)}${top}:${letter(right)}${bottom}`;
  return { xml, dimension, notes, links };
}
