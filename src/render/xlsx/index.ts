// The .xlsx door: a WorkbookLayout written as an .xlsx package — SpreadsheetML parts built as
// strings and zipped with fflate (why not a library: docs/xlsx-writer.md). No design decisions
// here (they are the layout's); no Node APIs (the task pane bundles this for the browser).

import { strToU8 } from 'fflate';
import { quoteSheet } from '../../excel/a1';
import type { WorkbookLayout } from '../../layout/types';
import { SharedStrings } from './cells';
import { checkLayout } from './check';
import { commentsXml, notesBlocks, notesVml } from './notes';
import { printNames, SHEET_RELATIONSHIPS, sheetXml, type NameEntry } from './sheet';
import { StyleTable } from './styles';
import { tableXml } from './table';
import { THEME_XML } from './theme';
import { zipParts, type Compressor } from './zip';
import { NS, relationship, relationshipsPart, XML_DECLARATION, xmlEscape } from './xml';

export { checkLayout, LayoutError } from './check';
export { isoToSerial } from '../../excel/dates';
export type { Compressor } from './zip';

export interface RenderOptions {
  /** Deflates the parts (default: fflate, which runs anywhere). */
  compressor?: Compressor;
}

const CONTENT_TYPE = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;

/** The workbook's defined names: the layout's, each sheet's marker, then print titles and areas. */
function definedNames(layout: WorkbookLayout): NameEntry[] {
  const names: NameEntry[] = layout.names.map((n) => ({
    name: n.name,
    ref: n.ref.replace(/^=/, ''),
    ...(n.comment ? { comment: n.comment } : {}),
  }));
  const taken = new Set(names.map((n) => n.name.toUpperCase()));
  layout.sheets.forEach((sheet, index) => {
    if (!taken.has(sheet.marker.toUpperCase()))
      names.push({ name: sheet.marker, ref: `${quoteSheet(sheet.name)}!$A$1` });
    names.push(...printNames(sheet, index));
  });
  return names;
}

function workbookXml(layout: WorkbookLayout, activeIndex: number): string {
  let sheets = '';
  layout.sheets.forEach((sheet, i) => {
    sheets += `<sheet name="${xmlEscape(sheet.name)}" sheetId="${i + 1}"${sheet.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`;
  });
  let names = '';
  for (const n of definedNames(layout)) {
    names += `<definedName name="${xmlEscape(n.name)}"`;
    if (n.comment) names += ` comment="${xmlEscape(n.comment)}"`;
    if (n.localSheetId !== undefined) names += ` localSheetId="${n.localSheetId}"`;
    names += `>${xmlEscape(n.ref)}</definedName>`;
  }
  return (
    `${XML_DECLARATION}<workbook xmlns="${NS.main}" xmlns:r="${NS.relationships}">` +
    '<workbookPr defaultThemeVersion="164011"/>' +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000" ' +
    `activeTab="${activeIndex}"/></bookViews>` +
    `<sheets>${sheets}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : '') +
    // Formulas carry the results the core computed for the report date (for programs that do
    // not calculate); every Excel still computes them again on opening.
    '<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>'
  );
}

function corePropertiesXml(p: WorkbookLayout['properties']): string {
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(p.title)}</dc:title><dc:subject>${xmlEscape(p.subject)}</dc:subject>` +
    `<dc:creator>${xmlEscape(p.creator)}</dc:creator>` +
    `<dc:description>${xmlEscape(p.description)}</dc:description>` +
    `<cp:lastModifiedBy>${xmlEscape(p.creator)}</cp:lastModifiedBy></cp:coreProperties>`
  );
}

/** docProps/app.xml: the application and the sheet names (a rebuild's splice edits this list). */
function appPropertiesXml(layout: WorkbookLayout): string {
  const count = layout.sheets.length;
  const titles = layout.sheets.map((s) => `<vt:lpstr>${xmlEscape(s.name)}</vt:lpstr>`).join('');
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>' +
    `<vt:variant><vt:i4>${count}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${count}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>' +
    '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>'
  );
}

/** Writes the layout as an .xlsx file. Throws LayoutError when the layout is not writable. */
export function renderXlsx(
  layout: WorkbookLayout,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  try {
    return Promise.resolve(writeXlsx(layout, options));
  } catch (error) {
    return Promise.reject(error);
  }
}

function writeXlsx(layout: WorkbookLayout, options: RenderOptions): Uint8Array {
  checkLayout(layout);
  const styles = new StyleTable(layout.styles);
  const strings = new SharedStrings();
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  const override = (part: string, type: string): void => {
    overrides.push(`<Override PartName="/${part}" ContentType="${type}"/>`);
  };
  override('xl/workbook.xml', CONTENT_TYPE.workbook);

  const activeIndex = Math.max(
    0,
    layout.sheets.findIndex((s) => s.name === layout.activeSheet),
  );
  let tables = 0;
  let shapeBlock = 1;
  let hasNotes = false;
  layout.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const part = `xl/worksheets/sheet${n}.xml`;
    const written = sheetXml(sheet, i === activeIndex, styles, strings);
    files[part] = strToU8(written.xml);
    override(part, CONTENT_TYPE.worksheet);
    const rels: string[] = [];
    if (written.notes.length > 0) {
      hasNotes = true;
      files[`xl/comments${n}.xml`] = strToU8(commentsXml(written.notes));
      override(`xl/comments${n}.xml`, CONTENT_TYPE.comments);
      files[`xl/drawings/vmlDrawing${n}.vml`] = strToU8(notesVml(written.notes, shapeBlock));
      shapeBlock += notesBlocks(written.notes);
      rels.push(
        relationship(SHEET_RELATIONSHIPS.comments, 'comments', `../comments${n}.xml`),
        relationship(SHEET_RELATIONSHIPS.drawing, 'vmlDrawing', `../drawings/vmlDrawing${n}.vml`),
      );
    }
    if (sheet.table) {
      const id = ++tables;
      files[`xl/tables/table${id}.xml`] = strToU8(tableXml(sheet.table, id));
      override(`xl/tables/table${id}.xml`, CONTENT_TYPE.table);
      rels.push(relationship(SHEET_RELATIONSHIPS.table, 'table', `../tables/table${id}.xml`));
    }
    if (rels.length > 0)
      files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = strToU8(relationshipsPart(rels));
  });

  const count = layout.sheets.length;
  files['xl/workbook.xml'] = strToU8(workbookXml(layout, activeIndex));
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    relationshipsPart([
      ...layout.sheets.map((_, i) =>
        relationship(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`),
      ),
      relationship(`rId${count + 1}`, 'styles', 'styles.xml'),
      relationship(`rId${count + 2}`, 'theme', 'theme/theme1.xml'),
      relationship(`rId${count + 3}`, 'sharedStrings', 'sharedStrings.xml'),
    ]),
  );
  files['xl/styles.xml'] = strToU8(styles.xml());
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  files['xl/theme/theme1.xml'] = strToU8(XML_DECLARATION + THEME_XML);
  override('xl/styles.xml', CONTENT_TYPE.styles);
  override('xl/sharedStrings.xml', CONTENT_TYPE.sharedStrings);
  override('xl/theme/theme1.xml', CONTENT_TYPE.theme);
  files['docProps/core.xml'] = strToU8(corePropertiesXml(layout.properties));
  files['docProps/app.xml'] = strToU8(appPropertiesXml(layout));
  override('docProps/core.xml', CONTENT_TYPE.core);
  override('docProps/app.xml', CONTENT_TYPE.app);
  files['_rels/.rels'] = strToU8(
    relationshipsPart([
      relationship('rId1', 'officeDocument', 'xl/workbook.xml'),
      `<Relationship Id="rId2" Type="${NS.packageRelationships}/metadata/core-properties" Target="docProps/core.xml"/>`,
      relationship('rId3', 'extended-properties', 'docProps/app.xml'),
    ]),
  );
  files['[Content_Types].xml'] = strToU8(
    `${XML_DECLARATION}<Types xmlns="${NS.contentTypes}">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      (hasNotes
        ? '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>'
        : '') +
      `${overrides.join('')}</Types>`,
  );
  // The content types first, as Excel writes them (some readers look there first).
  const parts: [string, Uint8Array][] = [['[Content_Types].xml', files['[Content_Types].xml']!]];
  for (const [name, data] of Object.entries(files))
    if (name !== '[Content_Types].xml') parts.push([name, data]);
  return zipParts(parts, options.compressor);
}
