// The workbook's style table (xl/styles.xml): one cell format (`xf`) per layout style, and one
// differential format (`dxf`) per conditional-format look. Fonts, fills, borders and number
// formats are shared by every format that uses the same one, as Excel stores them.

import { builtinNumFmtId, DATE_FORMAT } from '../../excel/numfmt';
import type { CellStyle, ConditionalRule, StyleId, WorkbookLayout } from '../../layout/types';
import { NS, XML_DECLARATION, xmlEscape } from './xml';

/** "RRGGBB" → an opaque ARGB colour element. */
function color(rgb: string): string {
  return `<color rgb="FF${rgb.toUpperCase()}"/>`;
}

/** Workbook default: Calibri 11, the theme's text colour (index 0 of the fonts). */
const DEFAULT_FONT =
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';

/**
 * A font written whole, as Excel writes it: without a name and size LibreOffice (and perhaps
 * Excel) falls back to some other font instead of the workbook's Calibri 11. Calibri is the
 * theme's minor font; other fonts are named as they are (family 1: serif, 2: sans serif).
 */
function fontXml(font: NonNullable<CellStyle['font']>): string {
  const name = font.name ?? 'Calibri';
  let out = '<font>';
  if (font.bold) out += '<b/>';
  if (font.italic) out += '<i/>';
  if (font.strike) out += '<strike/>';
  if (font.underline) out += '<u/>';
  out += `<sz val="${font.size ?? 11}"/>`;
  out += font.color !== undefined ? color(font.color) : '<color theme="1"/>';
  out += `<name val="${xmlEscape(name)}"/>`;
  out += `<family val="${/Times/.test(name) ? 1 : 2}"/>`;
  if (name === 'Calibri') out += '<scheme val="minor"/>';
  return `${out}</font>`;
}

function solidFill(rgb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb.toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`;
}

function thinBorder(rgb: string): string {
  const side = (name: string): string => `<${name} style="thin">${color(rgb)}</${name}>`;
  return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
}

const VERTICAL = { top: 'top', middle: 'center', bottom: 'bottom' } as const;

function alignmentXml(alignment: NonNullable<CellStyle['alignment']>): string {
  let out = '<alignment';
  if (alignment.horizontal) out += ` horizontal="${alignment.horizontal}"`;
  if (alignment.vertical) out += ` vertical="${VERTICAL[alignment.vertical]}"`;
  if (alignment.wrap) out += ' wrapText="1"';
  if (alignment.indent) out += ` indent="${alignment.indent}"`;
  return `${out}/>`;
}

/** A list of distinct XML strings, each with its index. */
class Pool {
  readonly items: string[];
  private readonly index = new Map<string, number>();
  constructor(first: readonly string[]) {
    this.items = [...first];
    this.items.forEach((xml, i) => this.index.set(xml, i));
  }
  id(xml: string): number {
    let id = this.index.get(xml);
    if (id === undefined) {
      id = this.items.push(xml) - 1;
      this.index.set(xml, id);
    }
    return id;
  }
  xml(tag: string): string {
    return `<${tag} count="${this.items.length}">${this.items.join('')}</${tag}>`;
  }
}

export class StyleTable {
  private readonly fonts = new Pool([DEFAULT_FONT]);
  private readonly fills = new Pool([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Pool([
    '<border><left/><right/><top/><bottom/><diagonal/></border>',
  ]);
  private readonly cellFormats = new Pool([
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ]);
  private readonly differential = new Pool([]);
  /** Custom number formats: code → id (from 164, as Excel numbers them). */
  private readonly numberFormats = new Map<string, number>();
  /** Layout style id → index in cellXfs, for other cells and for dates ("" for no style). */
  private readonly byStyle = new Map<string, number>();
  private readonly byDateStyle = new Map<string, number>();
  /** ` s="N"` for each index in cellXfs ("" for the default), made once. */
  private readonly attributes: string[] = [''];

  constructor(private readonly styles: WorkbookLayout['styles']) {}

  private numberFormatId(code: string): number {
    const builtin = builtinNumFmtId(code);
    if (builtin !== undefined) return builtin;
    let id = this.numberFormats.get(code);
    if (id === undefined) {
      id = 164 + this.numberFormats.size;
      this.numberFormats.set(code, id);
    }
    return id;
  }

  /**
   * The cell format index of a layout style; 0 (the default) for none. A date cell whose style
   * names no number format still shows as a date (dd/mm/yyyy): a serial alone reads 45000.
   */
  cellFormat(id: StyleId | undefined, isDate: boolean): number {
    const known = isDate ? this.byDateStyle : this.byStyle;
    const key = id ?? '';
    let xf = known.get(key);
    if (xf === undefined) {
      xf = this.cellFormatOf(id === undefined ? {} : (this.styles[id] ?? {}), isDate);
      known.set(key, xf);
    }
    return xf;
  }

  /** The cell's style attribute (` s="N"`, or "" for the default format). */
  styleAttribute(xf: number): string {
    return (this.attributes[xf] ??= ` s="${xf}"`);
  }

  private cellFormatOf(style: CellStyle, isDate: boolean): number {
    const code = style.numberFormat ?? (isDate ? DATE_FORMAT : undefined);
    const numFmtId = code === undefined ? 0 : this.numberFormatId(code);
    const fontId = style.font ? this.fonts.id(fontXml(style.font)) : 0;
    const fillId = style.fill ? this.fills.id(solidFill(style.fill)) : 0;
    const borderId = style.border ? this.borders.id(thinBorder(style.border)) : 0;
    let xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (code !== undefined) xf += ' applyNumberFormat="1"';
    if (fontId) xf += ' applyFont="1"';
    if (fillId) xf += ' applyFill="1"';
    if (borderId) xf += ' applyBorder="1"';
    if (style.alignment) xf += ' applyAlignment="1"';
    if (style.locked === false) xf += ' applyProtection="1"';
    const children =
      (style.alignment ? alignmentXml(style.alignment) : '') +
      (style.locked === false ? '<protection locked="0"/>' : '');
    xf += children ? `>${children}</xf>` : '/>';
    return this.cellFormats.id(xf);
  }

  /**
   * The differential format of a conditional format's look. Excel paints a solid dxf fill with
   * its background colour, so both colours are set.
   */
  differentialFormat(look: ConditionalRule['style']): number {
    let font = '';
    if (look.bold) font += '<b/>';
    if (look.strike) font += '<strike/>';
    if (look.fontColor) font += color(look.fontColor);
    let xml = '<dxf>';
    if (font) xml += `<font>${font}</font>`;
    if (look.fill) {
      const rgb = `FF${look.fill.toUpperCase()}`;
      xml += `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor rgb="${rgb}"/></patternFill></fill>`;
    }
    return this.differential.id(`${xml}</dxf>`);
  }

  xml(): string {
    const formats = [...this.numberFormats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`,
    );
    return (
      `${XML_DECLARATION}<styleSheet xmlns="${NS.main}">` +
      (formats.length > 0
        ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>`
        : '') +
      this.fonts.xml('fonts') +
      this.fills.xml('fills') +
      this.borders.xml('borders') +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      this.cellFormats.xml('cellXfs') +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      this.differential.xml('dxfs') +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}
