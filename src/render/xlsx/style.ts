// Layout styles → ExcelJS styles. One ExcelJS style object per layout style, shared by every
// cell that uses it: ExcelJS caches the style index by object, which keeps large sheets fast.

import type { Style as XStyle, Fill, Font } from 'exceljs';
import type { CellStyle, ConditionalRule } from '../../layout/types';

/** "RRGGBB" → ExcelJS's opaque ARGB. */
export function argb(color: string): string {
  return `FF${color.toUpperCase()}`;
}

export function cellStyle(style: CellStyle): Partial<XStyle> {
  const out: Partial<XStyle> = {};
  if (style.font) {
    const f = style.font;
    // A font is written whole, as Excel writes it: without a name and size, LibreOffice (and
    // perhaps Excel) falls back to some other font instead of the workbook's Calibri 11.
    // Calibri is the theme's minor font; others are named as they are (family 1: serif).
    const name = f.name ?? 'Calibri';
    const font: Partial<Font> =
      name === 'Calibri'
        ? { name, family: 2, scheme: 'minor', size: 11 }
        : { name, family: /Times/.test(name) ? 1 : 2, size: 11 };
    if (f.bold !== undefined) font.bold = f.bold;
    if (f.italic !== undefined) font.italic = f.italic;
    if (f.size !== undefined) font.size = f.size;
    if (f.color !== undefined) font.color = { argb: argb(f.color) };
    if (f.strike !== undefined) font.strike = f.strike;
    if (f.underline !== undefined) font.underline = f.underline;
    out.font = font;
  }
  if (style.fill) {
    out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  }
  if (style.numberFormat !== undefined) out.numFmt = style.numberFormat;
  if (style.alignment) {
    const alignment = style.alignment;
    out.alignment = {};
    if (alignment.horizontal) out.alignment.horizontal = alignment.horizontal;
    if (alignment.vertical) out.alignment.vertical = alignment.vertical;
    if (alignment.wrap !== undefined) out.alignment.wrapText = alignment.wrap;
    if (alignment.indent !== undefined) out.alignment.indent = alignment.indent;
  }
  if (style.border) {
    const side = { style: 'thin' as const, color: { argb: argb(style.border) } };
    out.border = { top: side, left: side, bottom: side, right: side };
  }
  if (style.locked === false) out.protection = { locked: false };
  return out;
}

/**
 * A conditional format's look (a "dxf"). Excel paints a solid dxf fill with its background
 * colour, so both colours are set.
 */
export function ruleStyle(style: ConditionalRule['style']): Partial<XStyle> {
  const out: Partial<XStyle> = {};
  if (style.fill) {
    const color = { argb: argb(style.fill) };
    const fill: Fill = { type: 'pattern', pattern: 'solid', fgColor: color, bgColor: color };
    out.fill = fill;
  }
  const font: Partial<Font> = {};
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  if (style.strike) font.strike = true;
  if (style.bold) font.bold = true;
  if (Object.keys(font).length > 0) out.font = font;
  return out;
}
