// A sheet's rules as write operations: merges, conditional formats, data validation, links,
// notes, and the protection that ends a sheet's writes.

import { quoteSheet } from '../../excel/a1';
import type { Cell, CellBlock, ConditionalRule, DataValidation } from '../../layout/types';
import { serialToIso } from '../../excel/dates';
import type { XlDataValidationRule } from './excel-api';
import { boxAddress, parseBox, parseCellAddress, type Box } from './box';
import type { Features } from './features';
import { cost, type WriteOp } from './ops';

/**
 * What stays open on a protected sheet (no password): filtering, sorting, column widths and
 * row heights, as the .xlsx writer's.
 */
export const PROTECTION = {
  allowAutoFilter: true,
  allowSort: true,
  allowFormatColumns: true,
  allowFormatRows: true,
};

/** Merges as calls: single-row merges over the same columns of consecutive rows grouped. */
export function mergeRuns(merges: string[]): { ref: string; across: boolean }[] {
  const out: { ref: string; across: boolean }[] = [];
  const open = new Map<string, Box>();
  const close = (b: Box): void => void out.push({ ref: boxAddress(b), across: b.r1 > b.r0 });
  for (const ref of merges) {
    const b = parseBox(ref);
    if (b.r0 !== b.r1) {
      out.push({ ref, across: false });
      continue;
    }
    const key = `${b.c0}:${b.c1}`;
    const run = open.get(key);
    if (run && run.r1 === b.r0 - 1) run.r1 = b.r0;
    else {
      if (run) close(run);
      open.set(key, { ...b });
    }
  }
  for (const run of open.values()) close(run);
  return out;
}

export function conditionalOp(sheet: string, range: string, rule: ConditionalRule): WriteOp {
  const formula = `=${rule.formula}`;
  const s = rule.style;
  const actions =
    3 + (s.fill ? 1 : 0) + (s.fontColor ? 1 : 0) + (s.bold ? 1 : 0) + (s.strike ? 1 : 0);
  return {
    // The new format, its rule, format, fill and font are five more object paths.
    bytes: cost(actions, range, formula, s) + 5 * 150,
    run: (env) => {
      const cf = env.sheet(sheet).getRange(range).conditionalFormats.add('Custom');
      cf.custom.rule.formula = formula;
      const format = cf.custom.format;
      if (s.fill) format.fill.color = `#${s.fill}`;
      if (s.fontColor) format.font.color = `#${s.fontColor}`;
      if (s.bold) format.font.bold = true;
      // Conditional-format strikethrough is part of ExcelApi 1.6; only the cell font needs 1.9.
      if (s.strike) format.font.strikethrough = true;
      cf.stopIfTrue = rule.stopIfTrue === true;
    },
  };
}

function validationRule(dv: DataValidation, date1904: boolean): XlDataValidationRule {
  if (dv.type === 'list') return { list: { inCellDropDown: true, source: dv.source ?? '' } };
  const between = dv.min !== undefined && dv.max !== undefined;
  const operator = between
    ? 'Between'
    : dv.min !== undefined
      ? 'GreaterThanOrEqualTo'
      : 'LessThanOrEqualTo';
  if (dv.type === 'date') {
    // Office.js takes date criteria as ISO text, not serials.
    const iso = (serial: number | undefined): string | undefined =>
      serial === undefined ? undefined : (serialToIso(serial, date1904) ?? undefined);
    const formula1 = iso(dv.min ?? dv.max)!;
    return { date: { formula1, ...(between ? { formula2: iso(dv.max)! } : {}), operator } };
  }
  const formula1 = (dv.min ?? dv.max)!;
  return { decimal: { formula1, ...(between ? { formula2: dv.max! } : {}), operator } };
}

export function validationOp(sheet: string, dv: DataValidation, date1904: boolean): WriteOp {
  const rule = validationRule(dv, date1904);
  return {
    bytes: cost(4, dv.range, rule, dv.prompt ?? null, dv.error ?? null),
    run: (env) => {
      const v = env.sheet(sheet).getRange(dv.range).dataValidation;
      v.rule = rule;
      v.ignoreBlanks = dv.allowBlank;
      if (dv.prompt)
        v.prompt = { showPrompt: true, title: dv.prompt.title, message: dv.prompt.message };
      if (dv.error)
        v.errorAlert = {
          showAlert: true,
          style: 'Stop',
          title: dv.error.title,
          message: dv.error.message,
        };
    },
  };
}

/** Each cell of the block that `wanted` picks, with its single-cell address ("C7"). */
function eachCell(
  block: CellBlock,
  wanted: (cell: Cell) => boolean,
  visit: (cell: Cell, address: string) => void,
): void {
  const origin = parseCellAddress(block.origin);
  block.rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (!cell || !wanted(cell)) return;
      const at = { r0: origin.r + i, c0: origin.c + j, r1: origin.r + i, c1: origin.c + j };
      visit(cell, boxAddress(at));
    }),
  );
}

export function linkOps(
  block: CellBlock,
  sheet: string,
  out: WriteOp[],
  need: (feature: keyof Features) => boolean,
): void {
  eachCell(
    block,
    (cell) => !!cell.link && need('hyperlinks'),
    (cell, address) => {
      const link = {
        documentReference: `${quoteSheet(cell.link!.sheet)}!${cell.link!.address}`,
        ...(cell.text !== undefined ? { textToDisplay: cell.text } : {}),
      };
      out.push({
        bytes: cost(1, address, link),
        run: (env) => void (env.sheet(sheet).getRange(address).hyperlink = link),
      });
    },
  );
}

/** Notes on cells (a person's, carried by a rebuild): ExcelApi 1.18. */
export function noteOps(
  block: CellBlock,
  sheet: string,
  out: WriteOp[],
  need: (feature: keyof Features) => boolean,
): void {
  eachCell(
    block,
    (cell) => !!cell.note && need('notes'),
    (cell, address) => {
      const note = cell.note!;
      out.push({
        bytes: cost(2, address, note),
        run: (env) => {
          const ws = env.sheet(sheet);
          ws.notes.add(ws.getRange(address), note);
        },
      });
    },
  );
}
