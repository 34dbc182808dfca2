// A block's formats as write operations: one per rectangle of cells that share a style (number
// format, font, fill, alignment, protection, all on one range), one per rectangle of cells with
// the same border colour.

import type { Cell, CellBlock, CellStyle, WorkbookLayout } from '../../layout/types';
import { boxAddress, parseCellAddress, type Box } from './box';
import { DATE_FORMAT } from '../../excel/numfmt';
import { blockWidth, cellAt } from './contents';
import type { Features } from './features';
import { cost, jsonBytes, type WriteOp } from './ops';
import { rectangles } from './rects';
import type { SheetWriteOptions } from './sheet';

const H: Record<string, string> = { left: 'Left', center: 'Center', right: 'Right' };
const V: Record<string, string> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

/** What one style sets on a range (borders apart: they are grouped on their own). */
interface FormatSet {
  numberFormat?: string;
  fontName?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  strike?: boolean;
  underline?: boolean;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  indent?: number;
  /** false: the cell stays editable on a protected sheet. */
  locked?: false;
}

function formatSet(style: CellStyle | undefined, isDate: boolean): FormatSet {
  const out: FormatSet = {};
  const nf = style?.numberFormat ?? (isDate ? DATE_FORMAT : undefined);
  if (nf !== undefined && nf !== 'General') out.numberFormat = nf;
  const font = style?.font;
  if (font?.name) out.fontName = font.name;
  if (font?.bold) out.bold = true;
  if (font?.italic) out.italic = true;
  if (font?.size !== undefined) out.size = font.size;
  if (font?.color) out.color = font.color;
  if (font?.strike) out.strike = true;
  if (font?.underline) out.underline = true;
  if (style?.fill) out.fill = style.fill;
  const al = style?.alignment;
  if (al?.horizontal) out.horizontal = H[al.horizontal];
  if (al?.vertical && al.vertical !== 'bottom') out.vertical = V[al.vertical];
  if (al?.wrap) out.wrap = true;
  if (al?.indent) out.indent = al.indent;
  if (style?.locked === false) out.locked = false;
  return out;
}

/**
 * Formats of a block: one operation per rectangle of cells with the same style (all its
 * properties on one range), and one per rectangle of cells with the same border colour.
 */
export function blockFormats(
  block: CellBlock,
  sheet: string,
  layout: WorkbookLayout,
  options: SheetWriteOptions,
  out: WriteOp[],
  need: (feature: keyof Features) => boolean,
): void {
  const origin = parseCellAddress(block.origin);
  const width = blockWidth(block);
  const rows = block.rows.length;
  if (width === 0 || rows === 0) return;
  const sets = new Map<string, FormatSet>();
  const keyOf = (cell: Cell): string | undefined => {
    const style = cell.style ? layout.styles[cell.style] : undefined;
    const isDate = cell.date !== undefined && style?.numberFormat === undefined;
    const key = `${cell.style ?? ''}${isDate ? '#date' : ''}`;
    if (!sets.has(key)) sets.set(key, formatSet(style, isDate));
    return Object.keys(sets.get(key)!).length > 0 ? key : undefined;
  };
  const abs = (r: { r0: number; c0: number; r1: number; c1: number }): Box => ({
    r0: origin.r + r.r0,
    c0: origin.c + r.c0,
    r1: origin.r + r.r1,
    c1: origin.c + r.c1,
  });
  for (const rect of rectangles(rows, width, (i, j) => {
    const cell = cellAt(block, i, j);
    return cell ? keyOf(cell) : undefined;
  })) {
    const set = { ...sets.get(rect.key)! };
    if (set.strike && !need('strikethrough')) delete set.strike;
    if (set.indent && !need('indent')) delete set.indent;
    out.push(formatOp(sheet, abs(rect), set, options));
  }
  for (const rect of rectangles(rows, width, (i, j) => {
    const cell = cellAt(block, i, j);
    const style = cell?.style ? layout.styles[cell.style] : undefined;
    return style?.border;
  })) {
    out.push(borderOp(sheet, abs(rect), rect.key));
  }
}

function formatOp(sheet: string, box: Box, set: FormatSet, options: SheetWriteOptions): WriteOp {
  const address = boxAddress(box);
  const cells = (box.r1 - box.r0 + 1) * (box.c1 - box.c0 + 1);
  const { numberFormat: nf, ...rest } = set;
  const grid =
    nf !== undefined && options.fill === 'array' && cells > 1
      ? Array.from({ length: box.r1 - box.r0 + 1 }, () =>
          Array<string>(box.c1 - box.c0 + 1).fill(nf),
        )
      : null;
  const actions = Object.keys(set).length;
  return {
    bytes:
      cost(actions, address, grid ?? nf ?? null, rest) +
      (rest.fontName ||
      rest.bold ||
      rest.italic ||
      rest.size ||
      rest.color ||
      rest.strike ||
      rest.underline
        ? 150
        : 0) +
      (rest.fill ? 150 : 0),
    run: (env) => {
      const range = env.sheet(sheet).getRange(address);
      if (nf !== undefined) range.numberFormat = grid ?? [[nf]];
      if (actions === (nf !== undefined ? 1 : 0)) return;
      const format = range.format;
      if (
        rest.fontName ||
        rest.bold ||
        rest.italic ||
        rest.size !== undefined ||
        rest.color ||
        rest.strike ||
        rest.underline
      ) {
        const font = format.font;
        if (rest.fontName) font.name = rest.fontName;
        if (rest.bold) font.bold = true;
        if (rest.italic) font.italic = true;
        if (rest.size !== undefined) font.size = rest.size;
        if (rest.color) font.color = `#${rest.color}`;
        if (rest.strike) font.strikethrough = true;
        if (rest.underline) font.underline = 'Single';
      }
      if (rest.fill) format.fill.color = `#${rest.fill}`;
      if (rest.horizontal) format.horizontalAlignment = rest.horizontal;
      if (rest.vertical) format.verticalAlignment = rest.vertical;
      if (rest.wrap) format.wrapText = true;
      if (rest.indent) format.indentLevel = rest.indent;
      if (rest.locked === false) format.protection.locked = false;
    },
  };
}

function borderOp(sheet: string, box: Box, color: string): WriteOp {
  const address = boxAddress(box);
  const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
  if (box.r1 > box.r0) edges.push('InsideHorizontal');
  if (box.c1 > box.c0) edges.push('InsideVertical');
  const c = `#${color}`;
  return {
    // Each edge is an object path of its own (borders.getItem).
    bytes:
      cost(edges.length * 2, address, c) +
      edges.length * (150 + jsonBytes(c) + jsonBytes(edges[0])),
    run: (env) => {
      const borders = env.sheet(sheet).getRange(address).format.borders;
      for (const edge of edges) {
        const b = borders.getItem(edge);
        b.style = 'Continuous';
        b.color = c;
      }
    },
  };
}
