// A rebuild spliced into a tracker that people and other programs have edited: PhuLuc's sheets
// replaced, everything else as it was. Old trackers are made by the project (renderXlsx of seed
// 000) and then edited by hand at the package level (always), by openpyxl (Debian's python3)
// and by LibreOffice; the result is checked part by part, and opened again by LibreOffice
// (formulas recalculated) and by openpyxl.
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { openPackage, relsPartOf } from '../../src/readers/opc';
import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import { trackedRows } from '../../src/core/status/items';
import { layoutWorkbook } from '../../src/layout';
import type { WorkbookLayout } from '../../src/layout/types';
import { isoToSerial, renderXlsx } from '../../src/render/xlsx';
import {
  SpliceError,
  spliceWorkbook,
  type SpliceResult,
  type SpliceSpec,
} from '../../src/render/xlsx/splice';
import { mergeSharedStrings, renumberSheet } from '../../src/render/xlsx/splice-sheets';
import { mergeStyles } from '../../src/render/xlsx/splice-styles';
import { parseTree, serializeTree, XmlPartError } from '../../src/render/xlsx/xml-edit';
import { seedNamed, seedText } from '../helpers/seeds';
import { convert, findSoffice, privateProfile } from '../libreoffice/soffice';
import { arr, get, XlsxParts, xlsxProblems, type Xml } from './helpers/xlsx-parts';
import { PackageFiles } from './helpers/zip-edit';

const PYTHON = '/usr/bin/python3';
const EDITOR = join(__dirname, 'helpers', 'edit_tracker.py');
const ci = process.env.CI === 'true';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const OLD_OPTIONS = { reportDate: '2019-06-30', language: 'vi' as const };
const NEW_OPTIONS = { reportDate: '2019-09-30', language: 'vi' as const };

let plan: Plan;
let oldLayout: WorkbookLayout;
let newLayout: WorkbookLayout;
let tracker: Uint8Array;
let fresh: Uint8Array;
let freshParts: XlsxParts;

/** The revision: the first three tasks dropped, a later report date. */
function revised(p: Plan): Plan {
  return { ...p, tasks: p.tasks.slice(3) };
}

beforeAll(async () => {
  plan = parsePlanText(seedText(seedNamed('000')));
  oldLayout = layoutWorkbook(plan, OLD_OPTIONS);
  newLayout = layoutWorkbook(revised(plan), NEW_OPTIONS);
  tracker = await renderXlsx(oldLayout);
  fresh = await renderXlsx(newLayout);
  freshParts = new XlsxParts(fresh);
});

/** What the caller finds in an old tracker: sheets its markers point at, and its names. */
function specOf(bytes: Uint8Array): SpliceSpec {
  const parts = new XlsxParts(bytes);
  const book = get(parts.xml('xl/workbook.xml'), 'workbook') as Xml;
  const ourSheets: string[] = [];
  const ourNames = oldLayout.names.map((n) => n.name);
  for (const n of arr(get(book, 'definedNames', 'definedName'))) {
    const name = String(n['@name']);
    const ref = String(n['#text'] ?? '');
    const m = /^'?(.*?)'?!\$A\$1$/.exec(ref);
    if (/^PhuLuc_/.test(name) && m && n['@localSheetId'] === undefined) {
      ourSheets.push(m[1]!.replace(/''/g, "'"));
      ourNames.push(name);
    }
  }
  return { ourSheets, ourNames };
}

// ---- Reading a package as Excel would see its styles.

/** JSON with sorted keys: two equal styles give the same text whatever their attribute order. */
function stable(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stable).join(',')}]`;
  if (x && typeof x === 'object')
    return `{${Object.keys(x)
      .sort()
      .map((k) => `${k}:${stable((x as Xml)[k])}`)
      .join(',')}}`;
  return JSON.stringify(x ?? null);
}

const BUILTIN_FORMATS: Record<string, string> = { '0': 'General', '14': 'builtin-14' };

interface StyleBook {
  cell(s: string | undefined): string;
  dxf(id: string | undefined): string;
}

function stylesOf(parts: XlsxParts): StyleBook {
  const st = get(parts.xml('xl/styles.xml'), 'styleSheet') as Xml;
  const formats = new Map(
    arr(get(st, 'numFmts', 'numFmt')).map((f) => [
      String(f['@numFmtId']),
      String(f['@formatCode']),
    ]),
  );
  const fonts = arr(get(st, 'fonts', 'font'));
  const fills = arr(get(st, 'fills', 'fill'));
  const borders = arr(get(st, 'borders', 'border'));
  const xfs = arr(get(st, 'cellXfs', 'xf'));
  const dxfs = arr(get(st, 'dxfs', 'dxf'));
  const format = (id: unknown): string =>
    formats.get(String(id ?? 0)) ?? BUILTIN_FORMATS[String(id ?? 0)] ?? `builtin-${String(id)}`;
  return {
    cell: (s) => {
      const xf = xfs[Number(s ?? 0)];
      if (!xf) return `missing xf ${String(s)}`;
      const rest = { ...xf };
      for (const k of ['@numFmtId', '@fontId', '@fillId', '@borderId', '@xfId']) delete rest[k];
      return stable({
        format: format(xf['@numFmtId']),
        font: fonts[Number(xf['@fontId'] ?? 0)],
        fill: fills[Number(xf['@fillId'] ?? 0)],
        border: borders[Number(xf['@borderId'] ?? 0)],
        rest,
      });
    },
    dxf: (id) => {
      if (id === undefined) return 'none';
      const d = dxfs[Number(id)];
      if (!d) return `missing dxf ${id}`;
      const numFmt = d['numFmt'] as Xml | undefined;
      return stable({ ...d, numFmt: numFmt ? numFmt['@formatCode'] : undefined });
    },
  };
}

/** A sheet as Excel shows it: every cell's value, formula and look, every rule's look. */
function sheetView(parts: XlsxParts, name: string): Record<string, unknown> {
  const styles = stylesOf(parts);
  const cells: Record<string, unknown> = {};
  for (const [address, c] of parts.cells(name)) {
    cells[address] = { t: c.t, v: c.v, f: c.f, style: styles.cell(c.s) };
  }
  const ws = parts.sheet(name);
  const rows = arr(get(ws, 'sheetData', 'row'))
    .filter((r) => r['@s'] !== undefined)
    .map((r) => [r['@r'], styles.cell(String(r['@s']))]);
  const cols = arr(get(ws, 'cols', 'col')).map((c) => [
    c['@min'],
    c['@max'],
    c['@width'],
    c['@style'] === undefined ? null : styles.cell(String(c['@style'])),
  ]);
  const rules = arr(ws['conditionalFormatting']).flatMap((cf) =>
    arr(cf['cfRule']).map((r) => ({
      sqref: cf['@sqref'],
      type: r['@type'],
      priority: r['@priority'],
      formula: r['formula'],
      look: styles.dxf(r['@dxfId'] as string | undefined),
    })),
  );
  const rels = parts.relsOf(parts.sheetPaths.get(name)!);
  const tables = arr(get(ws, 'tableParts', 'tablePart')).map((t) => {
    const table = { ...(get(parts.xml(rels.get(String(t['@r:id']))!), 'table') as Xml) };
    delete table['@id'];
    return stable(table);
  });
  return {
    cells,
    rows,
    cols,
    rules,
    tables,
    validations: ws['dataValidations'],
    merges: ws['mergeCells'],
  };
}

/** Part name (lower case) → bytes. */
function partsOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const pkg = openPackage(bytes);
  return new Map(pkg.parts().map((p) => [p.toLowerCase(), pkg.bytes(p)]));
}

/** The parts reachable from `starts` through relationships. */
function closure(bytes: Uint8Array, starts: string[]): Set<string> {
  const pkg = openPackage(bytes);
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const p = queue.pop()!;
    if (seen.has(p.toLowerCase())) continue;
    seen.add(p.toLowerCase());
    if (pkg.has(relsPartOf(p))) seen.add(relsPartOf(p).toLowerCase());
    for (const r of pkg.rels(p)) if (!r.external && pkg.has(r.target)) queue.push(r.target);
  }
  return seen;
}

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
  a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));

const dec = (b: Uint8Array): string => Buffer.from(b).toString('utf8');

/**
 * The checks every splice must pass. `userParts` must come out byte for byte; `selected`
 * names a kept sheet that was selected (its part may differ by that flag alone).
 */
function checkSplice(
  old: Uint8Array,
  result: SpliceResult,
  spec: SpliceSpec,
  selected?: string,
): { parts: XlsxParts; oldParts: XlsxParts } {
  const bytes = result.bytes;
  expect(xlsxProblems(bytes)).toEqual([]);
  const oldParts = new XlsxParts(old);
  const parts = new XlsxParts(bytes);
  const before = partsOf(old);
  const after = partsOf(bytes);

  // Sheets: the new ones where the first PhuLuc sheet was, the user's around them in order.
  const ours = new Set(spec.ourSheets);
  const first = oldParts.sheetNames.findIndex((n) => ours.has(n));
  const userBefore = oldParts.sheetNames.slice(0, first).filter((n) => !ours.has(n));
  const userAfter = oldParts.sheetNames.slice(first).filter((n) => !ours.has(n));
  const newNames = newLayout.sheets.map((s) => s.name);
  expect(parts.sheetNames).toEqual([...userBefore, ...newNames, ...userAfter]);

  // The user's sheets and every part they use: byte for byte (a selected sheet: but the flag).
  const kept = [...userBefore, ...userAfter];
  const userParts = closure(
    old,
    kept.map((n) => oldParts.sheetPaths.get(n)!),
  );
  expect(userParts.size).toBeGreaterThan(kept.length);
  for (const p of userParts) {
    const sheet = kept.find((n) => oldParts.sheetPaths.get(n)!.toLowerCase() === p);
    if (sheet !== undefined && sheet === selected) {
      expect(dec(after.get(p)!)).toBe(dec(before.get(p)!).replace(/ tabSelected="(1|true)"/, ''));
      expect(dec(before.get(p)!)).toMatch(/ tabSelected="(1|true)"/);
    } else
      expect({ part: p, same: same(before.get(p), after.get(p)) }).toEqual({ part: p, same: true });
  }
  // …and so are the workbook-level parts PhuLuc does not own.
  for (const p of before.keys()) {
    if (/theme|customxml|docprops\/custom|externallink|vbaproject|printersettings/.test(p))
      expect({ part: p, same: same(before.get(p), after.get(p)) }).toEqual({ part: p, same: true });
  }

  // PhuLuc's old sheets and what only they used: gone; no new part takes an old name.
  const removed = closure(
    old,
    spec.ourSheets.map((n) => oldParts.sheetPaths.get(n)!),
  );
  for (const p of removed) if (!userParts.has(p)) expect(after.has(p)).toBe(false);
  for (const p of after.keys()) {
    if (before.has(p)) expect(removed.has(p) && !userParts.has(p)).toBe(false);
  }
  expect([...after.keys()].filter((p) => /calcchain/.test(p))).toEqual([]);
  expect(dec(after.get('[content_types].xml')!)).not.toMatch(/calcChain/);
  expect(dec(after.get('xl/_rels/workbook.xml.rels')!)).not.toMatch(/calcChain/);

  // Ids: sheets, relationships, tables unique.
  const book = get(parts.xml('xl/workbook.xml'), 'workbook') as Xml;
  const sheetIds = arr(get(book, 'sheets', 'sheet')).map((s) => s['@sheetId']);
  expect(new Set(sheetIds).size).toBe(sheetIds.length);
  const relIds = arr(
    get(parts.xml('xl/_rels/workbook.xml.rels'), 'Relationships', 'Relationship'),
  ).map((r) => r['@Id']);
  expect(new Set(relIds).size).toBe(relIds.length);
  const tableIds = [...after.keys()]
    .filter((p) => /^xl\/tables\/.*\.xml$/.test(p))
    .map((p) => get(parts.xml(p), 'table', '@id'));
  expect(new Set(tableIds).size).toBe(tableIds.length);

  // The new sheets read exactly as in the new workbook: values, formulas, looks, rules, tables.
  for (const name of newNames) {
    expect({ name, view: sheetView(parts, name) }).toEqual({
      name,
      view: sheetView(freshParts, name),
    });
  }
  // The kept sheets' cells keep their looks (old style indices unchanged).
  for (const name of kept) {
    expect({ name, view: sheetView(parts, name).cells }).toEqual({
      name,
      view: sheetView(oldParts, name).cells,
    });
  }

  // A sheet-scoped name is scoped to the sheet its reference names.
  for (const n of namesOf(parts).filter((x) => x.scope)) expect(n.ref).toContain(`${n.scope}'!`);

  // Active: the new workbook's active sheet, and it alone is selected.
  const activeTab = Number(get(book, 'bookViews', 'workbookView', '@activeTab') ?? 0);
  expect(parts.sheetNames[activeTab]).toBe(newLayout.activeSheet);
  const selectedSheets = parts.sheetNames.filter((n) =>
    arr(get(parts.sheet(n), 'sheetViews', 'sheetView')).some((v) =>
      ['1', 'true'].includes(String(v['@tabSelected'])),
    ),
  );
  expect(selectedSheets).toEqual([newLayout.activeSheet]);

  // Recalculated everywhere; properties from the new workbook.
  expect(get(book, 'calcPr', '@fullCalcOnLoad')).toBe('1');
  const core = dec(after.get('docprops/core.xml')!);
  expect(core).toContain(newLayout.properties.title);
  expect(core).toContain(`>${newLayout.properties.description}<`);
  const app = after.get('docprops/app.xml');
  if (app && /TitlesOfParts/.test(dec(app))) {
    for (const name of parts.sheetNames)
      expect(dec(app)).toContain(`>${name.replace(/&/g, '&amp;')}<`);
  }
  return { parts, oldParts };
}

interface NameRow {
  name: string;
  scope: string;
  ref: string;
}

function namesOf(parts: XlsxParts): NameRow[] {
  const book = get(parts.xml('xl/workbook.xml'), 'workbook') as Xml;
  return arr(get(book, 'definedNames', 'definedName')).map((n) => ({
    name: String(n['@name']),
    scope: n['@localSheetId'] === undefined ? '' : parts.sheetNames[Number(n['@localSheetId'])]!,
    ref: String(n['#text'] ?? ''),
  }));
}

/** The names PhuLuc writes, with the sheet each is scoped to. */
function layoutNames(parts: XlsxParts): NameRow[] {
  return namesOf(parts).filter(
    (n) => /^(PhuLuc_|_xlnm\.)/.test(n.name) || newLayout.names.some((l) => l.name === n.name),
  );
}

describe('spliceWorkbook: a tracker edited at the package level', () => {
  const CALC_CHAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml';
  let old: Uint8Array;
  let spec: SpliceSpec;
  let result: SpliceResult;

  /**
   * The tracker with what other programs and people add: an own sheet first (selected, with a
   * formula reading 'Nhiệm vụ', a style, printer settings, a table), names (global, scoped to
   * the own sheet, scoped to PhuLuc sheets), a calculation chain, custom XML, an external
   * link, custom properties.
   */
  function handEdited(base: Uint8Array): PackageFiles {
    const f = new PackageFiles(base);
    f.set(
      'xl/worksheets/sheetU.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData>` +
        `<row r="1"><c r="A1" t="inlineStr"><is><t>Đếm</t></is></c><c r="B1" s="1"><f>COUNTA('Nhiệm vụ'!A4:A1000)</f><v>20</v></c></row>` +
        `<row r="4"><c r="A4" t="inlineStr"><is><t>Mục</t></is></c><c r="B4" t="inlineStr"><is><t>Số</t></is></c></row>` +
        `<row r="5"><c r="A5" t="inlineStr"><is><t>a</t></is></c><c r="B5" s="5"><v>1</v></c></row>` +
        `<row r="6"><c r="A6" t="inlineStr"><is><t>b</t></is></c><c r="B6" s="5"><v>2</v></c></row>` +
        `</sheetData><pageSetup paperSize="9" r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts></worksheet>`,
    );
    f.set('xl/printerSettings/printerSettings1.bin', new Uint8Array([1, 2, 3, 250, 0, 7]));
    f.relate(
      'xl/worksheets/_rels/sheetU.xml.rels',
      'rId1',
      `${REL}/printerSettings`,
      '../printerSettings/printerSettings1.bin',
    );
    f.relate(
      'xl/worksheets/_rels/sheetU.xml.rels',
      'rId2',
      `${REL}/table`,
      '/xl/tables/table3.xml',
    );
    f.set(
      'xl/tables/table3.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN}" id="3" name="BangGhiChep" displayName="BangGhiChep" ref="A4:B6"><autoFilter ref="A4:B6"/><tableColumns count="2"><tableColumn id="1" name="Mục"/><tableColumn id="2" name="Số"/></tableColumns><tableStyleInfo name="TableStyleLight9" showRowStripes="1"/></table>`,
    );
    f.type(
      'xl/worksheets/sheetU.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
    );
    f.type(
      'xl/tables/table3.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
    );
    f.type(
      'xl/printerSettings/printerSettings1.bin',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings',
    );
    f.relate('xl/_rels/workbook.xml.rels', 'rIdU1', `${REL}/worksheet`, 'worksheets/sheetU.xml');
    // Sheet first and the one selected; the scoped names' sheet numbers move with it.
    f.replace('xl/worksheets/sheet1.xml', / tabSelected="1"/, '');
    f.replace(
      'xl/workbook.xml',
      /localSheetId="(\d+)"/g,
      (_all, n) => `localSheetId="${Number(n) + 1}"`,
    );
    f.replace('xl/workbook.xml', /activeTab="\d+"/, 'activeTab="0"');
    // A print area a person set on Nhiệm vụ in place of PhuLuc's.
    f.replace(
      'xl/workbook.xml',
      /<definedName name="_xlnm\.Print_Area" localSheetId="2">[^<]*<\/definedName>/,
      '',
    );
    f.replace(
      'xl/workbook.xml',
      '<sheets>',
      '<sheets><sheet sheetId="40" name="Ghi chép" r:id="rIdU1"/>',
    );
    f.replace(
      'xl/workbook.xml',
      '</definedNames>',
      `<definedName name="SoDong">'Ghi chép'!$B$1</definedName>` +
        `<definedName name="VungGhiChep" localSheetId="0">'Ghi chép'!$A$4:$B$6</definedName>` +
        `<definedName name="RiengKiemTra" localSheetId="6">'Kiểm tra'!$A$1</definedName>` +
        `<definedName name="_xlnm.Print_Area" localSheetId="2">'Nhiệm vụ'!$A$1:$Q$23</definedName></definedNames>`,
    );
    // The calculation chain Excel keeps.
    f.set(
      'xl/calcChain.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${MAIN}"><c r="B1" i="40"/></calcChain>`,
    );
    f.relate('xl/_rels/workbook.xml.rels', 'rIdC', `${REL}/calcChain`, 'calcChain.xml');
    f.type('xl/calcChain.xml', CALC_CHAIN);
    // Custom XML, an external link, custom properties.
    f.set('customXml/item1.xml', '<?xml version="1.0"?><hoSo xmlns="urn:vanthu">Số 15</hoSo>');
    f.set(
      'customXml/itemProps1.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{6C1B8F2A-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>',
    );
    f.relate('customXml/_rels/item1.xml.rels', 'rId1', `${REL}/customXmlProps`, 'itemProps1.xml');
    f.type(
      'customXml/itemProps1.xml',
      'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
    );
    f.relate('xl/_rels/workbook.xml.rels', 'rIdX1', `${REL}/customXml`, '../customXml/item1.xml');
    f.set(
      'xl/externalLinks/externalLink1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${MAIN}" xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>`,
    );
    f.relate(
      'xl/externalLinks/_rels/externalLink1.xml.rels',
      'rId1',
      `${REL}/externalLinkPath`,
      'file:///C:/so-khac.xlsx',
      true,
    );
    f.type(
      'xl/externalLinks/externalLink1.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml',
    );
    f.relate(
      'xl/_rels/workbook.xml.rels',
      'rIdE1',
      `${REL}/externalLink`,
      'externalLinks/externalLink1.xml',
    );
    f.replace(
      'xl/workbook.xml',
      '<definedNames>',
      '<externalReferences><externalReference r:id="rIdE1"/></externalReferences><definedNames>',
    );
    f.set(
      'docProps/custom.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="PhongBan"><vt:lpwstr>Văn phòng</vt:lpwstr></property></Properties>',
    );
    f.relate('_rels/.rels', 'rIdP9', `${REL}/custom-properties`, 'docProps/custom.xml');
    f.type(
      'docProps/custom.xml',
      'application/vnd.openxmlformats-officedocument.custom-properties+xml',
    );
    // A pivot table on the own sheet, its cache listed by the workbook.
    const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
    f.set(
      'xl/pivotCache/pivotCacheDefinition1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" recordCount="0"><cacheSource type="worksheet"><worksheetSource name="PhuLuc_NhiemVu_Bang"/></cacheSource><cacheFields count="1"><cacheField name="Mã" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
    );
    f.set(
      'xl/pivotCache/pivotCacheRecords1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${MAIN}" count="0"/>`,
    );
    f.relate(
      'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels',
      'rId1',
      `${REL}/pivotCacheRecords`,
      'pivotCacheRecords1.xml',
    );
    f.set(
      'xl/pivotTables/pivotTable1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${MAIN}" name="TongHopCuaToi" cacheId="7" dataCaption="Values"><location ref="D1:E2" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="1"><pivotField showAll="0"/></pivotFields></pivotTableDefinition>`,
    );
    f.relate(
      'xl/pivotTables/_rels/pivotTable1.xml.rels',
      'rId1',
      `${REL}/pivotCacheDefinition`,
      '../pivotCache/pivotCacheDefinition1.xml',
    );
    f.relate(
      'xl/worksheets/_rels/sheetU.xml.rels',
      'rId3',
      `${REL}/pivotTable`,
      '../pivotTables/pivotTable1.xml',
    );
    f.relate(
      'xl/_rels/workbook.xml.rels',
      'rIdPC',
      `${REL}/pivotCacheDefinition`,
      'pivotCache/pivotCacheDefinition1.xml',
    );
    f.replace(
      'xl/workbook.xml',
      '</workbook>',
      '<pivotCaches><pivotCache cacheId="7" r:id="rIdPC"/></pivotCaches></workbook>',
    );
    f.type('xl/pivotCache/pivotCacheDefinition1.xml', `${SML}.pivotCacheDefinition+xml`);
    f.type('xl/pivotCache/pivotCacheRecords1.xml', `${SML}.pivotCacheRecords+xml`);
    f.type('xl/pivotTables/pivotTable1.xml', `${SML}.pivotTable+xml`);
    return f;
  }

  beforeAll(() => {
    old = handEdited(tracker).bytes();
    spec = specOf(old);
    result = spliceWorkbook(old, fresh, spec);
  });

  it('the hand-edited tracker is itself sound', () => {
    expect(xlsxProblems(old)).toEqual([]);
    expect(new XlsxParts(old).sheetNames[0]).toBe('Ghi chép');
    expect(spec.ourSheets).toEqual(oldLayout.sheets.map((s) => s.name));
  });

  it('replaces PhuLuc sheets and keeps every other part as it was', () => {
    checkSplice(old, result, spec, 'Ghi chép');
    const after = partsOf(result.bytes);
    for (const p of [
      'xl/tables/table3.xml',
      'xl/printersettings/printersettings1.bin',
      'xl/worksheets/_rels/sheetu.xml.rels',
      'customxml/item1.xml',
      'customxml/itemprops1.xml',
      'customxml/_rels/item1.xml.rels',
      'xl/externallinks/externallink1.xml',
      'xl/externallinks/_rels/externallink1.xml.rels',
      'docprops/custom.xml',
      'xl/theme/theme1.xml',
      'xl/pivottables/pivottable1.xml',
      'xl/pivottables/_rels/pivottable1.xml.rels',
      'xl/pivotcache/pivotcachedefinition1.xml',
      'xl/pivotcache/pivotcacherecords1.xml',
      'xl/pivotcache/_rels/pivotcachedefinition1.xml.rels',
    ])
      expect({ p, kept: same(partsOf(old).get(p), after.get(p)) }).toEqual({ p, kept: true });
    const rels = dec(after.get('xl/_rels/workbook.xml.rels')!);
    expect(rels).toContain('Id="rIdX1"');
    expect(rels).toContain('Id="rIdE1"');
    expect(dec(after.get('xl/workbook.xml')!)).toMatch(/<externalReference r:id="rIdE1"\/>/);
    expect(dec(after.get('xl/workbook.xml')!)).toMatch(
      /fullCalcOnLoad="1"\/><pivotCaches><pivotCache cacheId="7" r:id="rIdPC"\/><\/pivotCaches>/,
    );
    expect(rels).toContain('Id="rIdPC"');
  });

  it('gives the new sheets and their tables names no old part had', () => {
    const before = partsOf(old);
    const fresh1 = openPackage(result.bytes);
    const added = fresh1.parts().filter((p) => !before.has(p.toLowerCase()));
    expect(added.filter((p) => /worksheets\/sheet\d+\.xml$/.test(p))).toHaveLength(
      newLayout.sheets.length,
    );
    expect(added.filter((p) => /tables\/table\d+\.xml$/.test(p))).toHaveLength(2);
    // Table ids follow the user's table 3.
    const ids = added
      .filter((p) => /tables\/table\d+\.xml$/.test(p))
      .map((p) => Number(/ id="(\d+)"/.exec(fresh1.text(p))![1]));
    expect(ids.sort()).toEqual([4, 5]);
  });

  it("keeps the user's names, renumbers scoped ones, replaces PhuLuc's", () => {
    const parts = new XlsxParts(result.bytes);
    const names = namesOf(parts);
    expect(names).toEqual(
      expect.arrayContaining([
        { name: 'SoDong', scope: '', ref: "'Ghi chép'!$B$1" },
        { name: 'VungGhiChep', scope: 'Ghi chép', ref: "'Ghi chép'!$A$4:$B$6" },
      ]),
    );
    // Scoped to a replaced PhuLuc sheet: dropped (a warning names the user's one); the print
    // area a person set on Nhiệm vụ gives way to the new build's.
    expect(names.filter((n) => n.name === 'RiengKiemTra')).toEqual([]);
    expect(names.filter((n) => n.name === '_xlnm.Print_Area' && n.ref.endsWith('$Q$23'))).toEqual(
      [],
    );
    expect(result.warnings.map((w) => w.en).join(' ')).toContain('RiengKiemTra');
    expect(result.warnings.map((w) => w.vi).join(' ')).toContain('RiengKiemTra');
    // PhuLuc's: exactly the new workbook's, each on the sheet it names.
    const freshNames = layoutNames(freshParts);
    expect(
      layoutNames(parts).sort((a, b) => (a.name + a.scope < b.name + b.scope ? -1 : 1)),
    ).toEqual(freshNames.sort((a, b) => (a.name + a.scope < b.name + b.scope ? -1 : 1)));
    for (const n of namesOf(parts).filter((x) => x.scope)) expect(n.ref).toContain(n.scope);
  });

  it('updates the sheet list of docProps/app.xml, or drops it when it cannot be matched', () => {
    // A plain tracker's list names exactly its sheets: rewritten.
    const plain = spliceWorkbook(tracker, fresh, specOf(tracker));
    const app = dec(partsOf(plain.bytes).get('docprops/app.xml')!);
    const titles = [...app.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
    expect(titles.slice(1)).toEqual(newLayout.sheets.map((s) => s.name.replace(/&/g, '&amp;')));
    expect(app).toContain(`<vt:i4>${newLayout.sheets.length}</vt:i4>`);
    // With a sheet added by hand the old list was stale already: removed.
    const edited = dec(partsOf(result.bytes).get('docprops/app.xml')!);
    expect(edited).not.toMatch(/TitlesOfParts|HeadingPairs/);
    expect(edited).toContain('<Application>');
  });

  it('does not grow the styles or strings when the same build is spliced again', () => {
    const again = spliceWorkbook(result.bytes, fresh, specOf(result.bytes));
    checkSplice(result.bytes, again, specOf(result.bytes));
    const counts = (bytes: Uint8Array): Record<string, number> => {
      const p = new XlsxParts(bytes);
      const st = get(p.xml('xl/styles.xml'), 'styleSheet') as Xml;
      return {
        formats: arr(get(st, 'numFmts', 'numFmt')).length,
        fonts: arr(get(st, 'fonts', 'font')).length,
        fills: arr(get(st, 'fills', 'fill')).length,
        xfs: arr(get(st, 'cellXfs', 'xf')).length,
        dxfs: arr(get(st, 'dxfs', 'dxf')).length,
        strings: p.sharedStrings().length,
      };
    };
    expect(counts(again.bytes)).toEqual(counts(result.bytes));
  });

  it('refuses a workbook in the 1904 date system', () => {
    const f = new PackageFiles(old).replace(
      'xl/workbook.xml',
      '<workbookPr',
      '<workbookPr date1904="1"',
    );
    expect(() => spliceWorkbook(f.bytes(), fresh, spec)).toThrow(
      expect.objectContaining({ code: 'date1904', en: expect.stringContaining('1904') }),
    );
  });

  it('refuses, with a clear message, what it cannot splice safely', () => {
    const code = (run: () => unknown): string => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(SpliceError);
        const e = error as SpliceError;
        expect(e.vi.length).toBeGreaterThan(10);
        expect(e.en.length).toBeGreaterThan(10);
        return e.code;
      }
      return 'no error';
    };
    // A user table with the name of PhuLuc's task table.
    const clashTable = new PackageFiles(old).replace(
      'xl/tables/table3.xml',
      /BangGhiChep/g,
      'PhuLuc_NhiemVu_Bang',
    );
    expect(code(() => spliceWorkbook(clashTable.bytes(), fresh, spec))).toBe('table-name-clash');
    // A user name PhuLuc also writes (here: not declared PhuLuc's by the caller).
    expect(
      code(() =>
        spliceWorkbook(old, fresh, {
          ...spec,
          ourNames: spec.ourNames.filter((n) => n !== 'DsTrangThai'),
        }),
      ),
    ).toBe('name-clash');
    // A kept sheet with the name of a new one.
    expect(
      code(() =>
        spliceWorkbook(old, fresh, {
          ...spec,
          ourSheets: spec.ourSheets.filter((n) => n !== 'Kiểm tra'),
        }),
      ),
    ).toBe('sheet-name-clash');
    expect(code(() => spliceWorkbook(old, fresh, { ...spec, ourSheets: ['Không có'] }))).toBe(
      'unknown-sheet',
    );
    expect(code(() => spliceWorkbook(new Uint8Array([1, 2, 3, 4]), fresh, spec))).toBe(
      'unreadable',
    );
    const strict = new PackageFiles(old).replace(
      'xl/workbook.xml',
      `xmlns="${MAIN}"`,
      'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"',
    );
    expect(code(() => spliceWorkbook(strict.bytes(), fresh, spec))).toBe('strict');
    const broken = new PackageFiles(old).replace('xl/styles.xml', '</styleSheet>', '');
    expect(code(() => spliceWorkbook(broken.bytes(), fresh, spec))).toBe('damaged');
  });

  it('drops the calculation chain, its relationship and its content type', () => {
    const before = partsOf(old);
    expect(before.has('xl/calcchain.xml')).toBe(true);
    const after = partsOf(result.bytes);
    expect(after.has('xl/calcchain.xml')).toBe(false);
    expect(dec(after.get('[content_types].xml')!)).not.toContain(CALC_CHAIN);
  });
});

describe('xml-edit', () => {
  it('writes a part read as a tree back as the same XML', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- avant --><a xmlns="u" b="x&#10;y &amp; &quot;z&quot;">' +
      '<!-- c --><?pi data?><d>1 &lt; 2 &amp; <![CDATA[<raw>]]></d><e/>😀</a>\n';
    const out = serializeTree(parseTree('t.xml', xml));
    expect(out).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- avant --><a xmlns="u" b="x&#10;y &amp; &quot;z&quot;">' +
        '<!-- c --><?pi data?><d>1 &lt; 2 &amp; &lt;raw&gt;</d><e/>😀</a>\n',
    );
    expect(() => parseTree('bad.xml', '<a><b></a>')).toThrow(XmlPartError);
  });
});

describe('mergeStyles and mergeSharedStrings', () => {
  const FRESH_STYLES =
    `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0%"/></numFmts>` +
    `<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0"/></cellStyleXfs>` +
    `<cellXfs count="3"><xf numFmtId="0" fontId="0" xfId="0"/><xf numFmtId="164" fontId="1" xfId="0"/><xf numFmtId="165" fontId="1" xfId="0"/></cellXfs>` +
    `<dxfs count="2"><dxf><font><b/></font></dxf><dxf><numFmt numFmtId="165" formatCode="0%"/></dxf></dxfs></styleSheet>`;

  it('appends to a prefixed styles part with the new items in their namespace', () => {
    const old =
      `<?xml version="1.0"?>\n<x:styleSheet xmlns:x="${MAIN}"><x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="dd/mm/yyyy"/></x:numFmts>` +
      `<x:fonts count="1"><x:font><x:sz val="10"/></x:font></x:fonts>` +
      `<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>` +
      `<x:borders count="1"><x:border/></x:borders><x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0"/></x:cellStyleXfs>` +
      `<x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" xfId="0"/></x:cellXfs></x:styleSheet>`;
    const merged = mergeStyles(old, FRESH_STYLES);
    // Fonts, fills and borders appended (prefixes differ, so nothing is taken for equal);
    // the date format found by its code, 0% added after every id in use.
    expect(merged.maps).toEqual({ xf: [1, 2, 3], dxf: [0, 1] });
    const parsed = merged.text;
    expect(parsed).toContain('<x:numFmt numFmtId="170" formatCode="dd/mm/yyyy"/>');
    expect(parsed).toContain('<x:numFmt numFmtId="171" formatCode="0%"/>');
    expect(parsed).toContain(`<xf numFmtId="170" fontId="2" xfId="0" xmlns="${MAIN}"/>`);
    expect(parsed).toMatch(/<\/x:cellXfs><x:dxfs count="2">/);
    expect(parsed).toContain(`<dxf xmlns="${MAIN}"><numFmt numFmtId="171" formatCode="0%"/></dxf>`);
    expect(merged.text.startsWith('<?xml version="1.0"?>\n<x:styleSheet')).toBe(true);
    // Merging again finds everything.
    expect(mergeStyles(merged.text, FRESH_STYLES).text).toBe(merged.text);
  });

  it('appends new strings to a prefixed table, reusing equal ones', () => {
    const old = `<x:sst xmlns:x="${MAIN}" count="3" uniqueCount="2"><x:si><x:t>Sở Y tế</x:t></x:si><x:si><x:r><x:t>đậm</x:t></x:r></x:si></x:sst>`;
    const fresh = `<sst xmlns="${MAIN}" count="2" uniqueCount="3"><si><t>mới &amp; lạ</t></si><si><t xml:space="preserve">Sở Y tế</t></si><si><t/></si></sst>`;
    const merged = mergeSharedStrings('xl/sharedStrings.xml', old, fresh);
    expect(merged.map).toEqual([2, 0, 3]);
    expect(merged.text).toBe(
      `<x:sst xmlns:x="${MAIN}" count="5" uniqueCount="4"><x:si><x:t>Sở Y tế</x:t></x:si><x:si><x:r><x:t>đậm</x:t></x:r></x:si>` +
        `<si xmlns="${MAIN}"><t>mới &amp; lạ</t></si><si xmlns="${MAIN}"><t/></si></x:sst>`,
    );
  });
});

describe('renumberSheet', () => {
  it('names the merged default style on cells written without one when it moved', () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="0"/><c r="C1" s="1"/></row></sheetData></worksheet>`;
    expect(renumberSheet('sheet.xml', xml, { xf: [4, 1], dxf: [] })).toBe(
      xml.replace('<c r="A1">', '<c s="4" r="A1">').replace('s="0"', 's="4"'),
    );
    expect(renumberSheet('sheet.xml', xml, { xf: [0, 1], dxf: [] })).toBe(xml);
  });

  it('renumbers style, rule and string indices, x14 rules included, and nothing else', () => {
    const xml =
      `<worksheet xmlns="${MAIN}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
      `<cols><col min="1" max="2" style="1" width="9"/></cols><sheetData>` +
      `<row r="1" s="2" customFormat="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s" s = '2'><v> 1 </v></c><c r="C1" s="2"><v>0</v></c></row>` +
      `</sheetData><conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1"><formula>A1="s=&quot;1&quot;"</formula></cfRule></conditionalFormatting>` +
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule type="expression" priority="2" dxfId="1"><xm:f>B1</xm:f></x14:cfRule></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>`;
    const out = renumberSheet('sheet.xml', xml, { xf: [0, 10, 20], dxf: [5, 6], strings: [7, 8] });
    expect(out).toBe(
      xml
        .replace('style="1"', 'style="10"')
        .replace('<row r="1" s="2"', '<row r="1" s="20"')
        .replace('s="1" t="s"><v>0<', 's="10" t="s"><v>7<')
        .replace(`s = '2'><v> 1 </v>`, `s = '20'><v>8</v>`)
        .replace('<c r="C1" s="2"><v>0</v>', '<c r="C1" s="20"><v>0</v>')
        .replace('dxfId="0"', 'dxfId="5"')
        .replace('dxfId="1"', 'dxfId="6"'),
    );
  });
});

// ---- Other programs: openpyxl edits the tracker; LibreOffice opens and saves it.

function hasOpenpyxl(): boolean {
  const probe = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' });
  return probe.status === 0;
}

const openpyxl = hasOpenpyxl();
/** Pictures need Pillow (Debian's python3-pil). */
const pillow = spawnSync(PYTHON, ['-c', 'import PIL'], { encoding: 'utf8' }).status === 0;
const soffice = findSoffice();
if ((!openpyxl || !soffice) && !ci) {
  console.warn(
    '\n\n*** python3-openpyxl or LibreOffice missing: the splice tests with other programs are SKIPPED. ***\n' +
      '*** Install them (apt-get install -y python3-openpyxl python3-pil libreoffice-calc). ***\n\n',
  );
}

function python(...args: string[]): string {
  const run = spawnSync(PYTHON, [EDITOR, ...args], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`edit_tracker.py ${args[0]} failed: ${run.stderr}`);
  return run.stdout;
}

interface Inspection {
  sheets: [string, string][];
  names: Record<string, string>;
  own: Record<string, unknown>;
  hidden: string;
}

((openpyxl && soffice) || ci ? describe : describe.skip)(
  'spliceWorkbook: trackers edited by openpyxl and saved by LibreOffice',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'phuluc-splice-'));
    const cases: { name: string; old: Uint8Array; result: SpliceResult; spec: SpliceSpec }[] = [];
    const recalculated = new Map<string, XlsxParts>();
    let log = '';

    beforeAll(() => {
      if (!openpyxl || !soffice)
        throw new Error('python3-openpyxl and LibreOffice are required under CI=true');
      writeFileSync(join(dir, 'tracker.xlsx'), tracker);
      python('edit', join(dir, 'tracker.xlsx'), join(dir, 'openpyxl.xlsx'));
      // LibreOffice opens the openpyxl file and saves it again.
      const profile = privateProfile(join(dir, 'profile'));
      const saved = convert(
        soffice!,
        profile,
        [join(dir, 'openpyxl.xlsx')],
        'xlsx:Calc MS Excel 2007 XML',
        join(dir, 'lo'),
      );
      log += saved.output;
      const byOpenpyxl = readFileSync(join(dir, 'openpyxl.xlsx'));
      const byLibreOffice = readFileSync(join(dir, 'lo', 'openpyxl.xlsx'));
      for (const [name, old] of [
        ['openpyxl', byOpenpyxl],
        ['libreoffice', byLibreOffice],
      ] as const) {
        const spec = specOf(old);
        const result = spliceWorkbook(old, fresh, spec);
        writeFileSync(join(dir, `${name}-spliced.xlsx`), result.bytes);
        cases.push({ name, old, result, spec });
      }
      // (a) LibreOffice opens the results and recalculates every formula.
      const opened = convert(
        soffice!,
        profile,
        cases.map((c) => join(dir, `${c.name}-spliced.xlsx`)),
        'xlsx:Calc MS Excel 2007 XML',
        join(dir, 'recalc'),
      );
      log += opened.output;
      for (const c of cases)
        recalculated.set(
          c.name,
          new XlsxParts(readFileSync(join(dir, 'recalc', `${c.name}-spliced.xlsx`))),
        );
    }, 300_000);

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('passes the structural checks for both programs', () => {
      expect(cases.map((c) => c.name)).toEqual(['openpyxl', 'libreoffice']);
      for (const c of cases) checkSplice(c.old, c.result, c.spec, 'Của tôi');
    });

    it('warns that the comment typed on a PhuLuc sheet goes with it', () => {
      for (const c of cases) {
        expect(c.result.warnings.map((w) => w.en).join(' ')).toMatch(/1 comment part/);
        expect(c.result.warnings.map((w) => w.en).join(' ')).toContain('GhiChuNV');
      }
    });

    it("LibreOffice computes the own sheet's formulas from the new sheets", () => {
      const title = freshParts.cells('Nhiệm vụ').get('D4')!.v;
      expect(title).not.toBe(new XlsxParts(tracker).cells('Nhiệm vụ').get('D4')!.v);
      for (const c of cases) {
        const parts = recalculated.get(c.name);
        expect({ log, opened: parts?.sheetNames }).toEqual({
          log: expect.any(String),
          opened: new XlsxParts(c.result.bytes).sheetNames,
        });
        const own = parts!.cells('Của tôi');
        expect({
          case: c.name,
          count: own.get('B1')?.v,
          first: own.get('B2')?.v,
          date: own.get('B3')?.v,
          viaName: own.get('B4')?.v,
        }).toEqual({
          case: c.name,
          // Every row of the task list: tasks, recurring tasks' headings and occurrences.
          count: String(trackedRows(revised(plan), { horizon: 2019 }).length),
          first: title,
          date: String(isoToSerial(NEW_OPTIONS.reportDate)),
          viaName: title,
        });
      }
    });

    it('openpyxl sees the own sheet, names, comment, fill, table, chart and picture as they were', () => {
      for (const c of cases) {
        const oldPath = join(dir, `${c.name}-old.xlsx`);
        writeFileSync(oldPath, c.old);
        const before = JSON.parse(python('inspect', oldPath)) as Inspection;
        const after = JSON.parse(
          python('inspect', join(dir, `${c.name}-spliced.xlsx`)),
        ) as Inspection;
        expect(after.own).toEqual(before.own);
        expect((before.own['comment'] as string[])[0]).toBe('Ghi chú của tôi');
        expect((before.own['fill'] as string[])[1]).toMatch(/FFFF00$/);
        expect(before.own['tables']).toEqual(['BangCuaToi']);
        expect(before.own['charts']).toHaveLength(1);
        if (pillow) expect(before.own['images']).toHaveLength(1);
        expect(after.hidden).toBe('bí mật');
        expect(after.sheets).toEqual([
          ...newLayout.sheets.map((s) => [s.name, s.hidden ? 'hidden' : 'visible']),
          ['Của tôi', 'visible'],
          ['Ẩn', 'hidden'],
        ]);
        for (const key of ['!TenCuaToi', '!DauNhiemVu', 'Của tôi!VungRieng'])
          expect({ key, value: after.names[key] }).toEqual({ key, value: before.names[key] });
        expect(after.names['Nhiệm vụ!GhiChuNV']).toBeUndefined();
      }
    });
  },
);
