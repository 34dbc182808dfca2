// A measuring prototype, not a renderer: a WorkbookLayout's cells written as SpreadsheetML
// strings and zipped with fflate, to time "writing the parts directly" against ExcelJS
// (docs/xlsx-writer.md). It writes what dominates the time and the size — every cell (text as
// shared strings, numbers, dates, booleans, formulas), the styles they use, column widths, row
// heights, merges, frozen panes, tab colours, hidden sheets, defined names and the document
// properties — and none of the short lists a real writer adds (conditional formats, data
// validations, tables, print setup, notes, links).

import { strToU8, zipSync, type Zippable } from 'fflate';
import { cellRef, parseCellRef } from '../../src/excel/a1';
import { isoToSerial } from '../../src/excel/dates';
import type { Cell, CellStyle, SheetLayout, WorkbookLayout } from '../../src/layout/types';

const esc = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Characters XML 1.0 cannot hold (a pasted appendix may carry them). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '@': 49 };

class Styles {
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly byKey = new Map<string, number>();

  private index(list: string[], xml: string): number {
    const at = list.indexOf(xml);
    if (at >= 0) return at;
    list.push(xml);
    return list.length - 1;
  }

  private numFmt(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) this.numFmts.set(code, (id = 164 + this.numFmts.size));
    return id;
  }

  private readonly byId = new Map<string, number>();

  /** The cellXfs index of a layout style by its id (each id is looked into once). */
  xfOf(id: string | undefined, date: boolean, layout: WorkbookLayout): number {
    const key = `${id ?? ''}|${date ? 1 : 0}`;
    let xf = this.byId.get(key);
    if (xf === undefined) {
      xf = this.xf(id !== undefined ? layout.styles[id] : undefined, date);
      this.byId.set(key, xf);
    }
    return xf;
  }

  /** The cellXfs index of a layout style (a date cell without a format gets dd/mm/yyyy). */
  xf(style: CellStyle | undefined, date: boolean): number {
    const key = `${JSON.stringify(style ?? {})}|${date}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const s = style ?? {};
    const f = s.font;
    const font = f
      ? this.index(
          this.fonts,
          `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.strike ? '<strike/>' : ''}` +
            `${f.underline ? '<u/>' : ''}<sz val="${f.size ?? 11}"/>` +
            `${f.color ? `<color rgb="FF${f.color}"/>` : ''}<name val="Calibri"/><family val="2"/></font>`,
        )
      : 0;
    const fill = s.fill
      ? this.index(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="FF${s.fill}"/></patternFill></fill>`,
        )
      : 0;
    const side = (n: string) => `<${n} style="thin"><color rgb="FF${s.border}"/></${n}>`;
    const border = s.border
      ? this.index(
          this.borders,
          `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`,
        )
      : 0;
    const format = this.numFmt(s.numberFormat ?? (date ? 'dd/mm/yyyy' : 'General'));
    const a = s.alignment;
    const align = a
      ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}` +
        `${a.vertical ? ` vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"` : ''}` +
        `${a.wrap ? ' wrapText="1"' : ''}${a.indent ? ` indent="${a.indent}"` : ''}/>`
      : '';
    const xf =
      `<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"` +
      `${format ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}` +
      `${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}` +
      (align ? ` applyAlignment="1">${align}</xf>` : '/>');
    this.xfs.push(xf);
    this.byKey.set(key, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  xml(): string {
    const list = (tag: string, items: string[]) =>
      `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const formats = [...this.numFmts].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`,
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length ? list('numFmts', formats) : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;
  id(text: string): number {
    this.count++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(text, id);
      this.list.push(text);
    }
    return id;
  }
  xml(): string {
    const items = this.list.map((t) => {
      const clean = esc(t.replace(NOT_XML, ''));
      return /^\s|\s$/.test(t)
        ? `<si><t xml:space="preserve">${clean}</t></si>`
        : `<si><t>${clean}</t></si>`;
    });
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">` +
      items.join('') +
      '</sst>'
    );
  }
}

function cellXml(
  ref: string,
  cell: Cell,
  styles: Styles,
  layout: WorkbookLayout,
  sst: SharedStrings,
): string {
  const style = cell.style !== undefined ? layout.styles[cell.style] : undefined;
  const s = styles.xf(style, cell.date !== undefined);
  const sAttr = s ? ` s="${s}"` : '';
  if (cell.formula !== undefined) return `<c r="${ref}"${sAttr}><f>${esc(cell.formula)}</f></c>`;
  if (cell.text !== undefined) return `<c r="${ref}"${sAttr} t="s"><v>${sst.id(cell.text)}</v></c>`;
  if (cell.number !== undefined) return `<c r="${ref}"${sAttr}><v>${cell.number}</v></c>`;
  if (cell.date !== undefined) return `<c r="${ref}"${sAttr}><v>${isoToSerial(cell.date)}</v></c>`;
  if (cell.bool !== undefined) return `<c r="${ref}"${sAttr} t="b"><v>${cell.bool ? 1 : 0}</v></c>`;
  return s ? `<c r="${ref}"${sAttr}/>` : '';
}

function sheetXml(
  sheet: SheetLayout,
  layout: WorkbookLayout,
  styles: Styles,
  sst: SharedStrings,
  active: boolean,
): string {
  const rows = new Map<number, string[]>();
  for (const block of sheet.blocks) {
    const origin = parseCellRef(block.origin)!;
    block.rows.forEach((cells, r) => {
      const row = origin.row + r;
      let out = rows.get(row);
      if (!out) rows.set(row, (out = []));
      cells.forEach((cell, c) => {
        if (cell) {
          const xml = cellXml(cellRef(row, origin.col + c), cell, styles, layout, sst);
          if (xml) out.push(xml);
        }
      });
    });
  }
  const heights = sheet.rowHeights ?? {};
  const body = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((row) => {
      const h = heights[row];
      const attrs = h !== undefined ? ` ht="${h}" customHeight="1"` : '';
      return `<row r="${row}"${attrs}>${rows.get(row)!.join('')}</row>`;
    })
    .join('');
  const cols = sheet.columns
    .map(
      (c, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ''}/>`,
    )
    .join('');
  const freeze = sheet.freeze;
  const pane =
    freeze && (freeze.rows || freeze.columns)
      ? `<pane${freeze.columns ? ` xSplit="${freeze.columns}"` : ''}${freeze.rows ? ` ySplit="${freeze.rows}"` : ''}` +
        ` topLeftCell="${cellRef(freeze.rows + 1, freeze.columns + 1)}" activePane="bottomRight" state="frozen"/>`
      : '';
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    (sheet.tabColor ? `<sheetPr><tabColor rgb="FF${sheet.tabColor}"/></sheetPr>` : '') +
    `<sheetViews><sheetView workbookViewId="0"${active ? ' tabSelected="1"' : ''}>${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${body}</sheetData>` +
    merges +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

/** The layout as an .xlsx package (see the file's header for what is left out). */
export function writeDirect(layout: WorkbookLayout): Uint8Array {
  const styles = new Styles();
  const sst = new SharedStrings();
  const files: Zippable = {};
  const active = layout.sheets.findIndex((s) => s.name === layout.activeSheet);
  layout.sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      sheetXml(sheet, layout, styles, sst, i === active),
    );
  });
  const sheets = layout.sheets
    .map(
      (s, i) =>
        `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  const names = layout.names
    .map((n) => `<definedName name="${esc(n.name)}">${esc(n.ref.replace(/^=/, ''))}</definedName>`)
    .join('');
  const n = layout.sheets.length;
  files['xl/workbook.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<bookViews><workbookView activeTab="${Math.max(active, 0)}"/></bookViews>` +
      `<sheets>${sheets}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}` +
      '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
  );
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      layout.sheets
        .map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`))
        .join('') +
      rel(`rId${n + 1}`, 'styles', 'styles.xml') +
      rel(`rId${n + 2}`, 'sharedStrings', 'sharedStrings.xml') +
      '</Relationships>',
  );
  files['xl/styles.xml'] = strToU8(styles.xml());
  files['xl/sharedStrings.xml'] = strToU8(sst.xml());
  const p = layout.properties;
  files['docProps/core.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      `<dc:title>${esc(p.title)}</dc:title><dc:subject>${esc(p.subject)}</dc:subject>` +
      `<dc:creator>${esc(p.creator)}</dc:creator><dc:description>${esc(p.description)}</dc:description>` +
      '</cp:coreProperties>',
  );
  files['_rels/.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      rel('rId1', 'officeDocument', 'xl/workbook.xml') +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>',
  );
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  files['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
      layout.sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`,
        )
        .join('') +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '</Types>',
  );
  return zipSync(files, { level: 1 });
}
