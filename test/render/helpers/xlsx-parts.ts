// Reading an .xlsx as what it is, a zip of XML parts, and checking the parts the way Excel
// would before it offers to "repair" a file. Tests only (Node's zlib).
import { crc32, inflateRawSync } from 'zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The files of a zip archive, by name, each checked against its CRC-32. */
export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    if (!name.endsWith('/')) {
      const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
      // Excel refuses a part whose CRC-32 is wrong (as a damaged file).
      if (crc32(data) !== buf.readUInt32LE(at + 16)) throw new Error(`${name}: wrong CRC-32`);
      files.set(name, data);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

export type Xml = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  // Numeric character references (&#10; for a line break) as the characters they stand for.
  htmlEntities: true,
  isArray: (name) =>
    [
      'sheet',
      'definedName',
      'row',
      'c',
      'si',
      'r',
      'tableColumn',
      'cfRule',
      'conditionalFormatting',
      'dataValidation',
      'hyperlink',
      'mergeCell',
      'numFmt',
      'xf',
      'dxf',
      'Relationship',
      'Override',
      'Default',
      'tablePart',
      'sheetView',
    ].includes(name),
});

export function parseXml(text: string): Xml {
  return parser.parse(text) as Xml;
}

/** An .xlsx opened for inspection: XML parts parsed, sheets by name. */
export class XlsxParts {
  readonly files: Map<string, Buffer>;
  readonly sheetNames: string[] = [];
  /** Sheet name → part path ("xl/worksheets/sheet1.xml"). */
  readonly sheetPaths = new Map<string, string>();
  private readonly parsed = new Map<string, Xml>();

  constructor(bytes: Uint8Array) {
    this.files = unzip(bytes);
    const rels = this.relsOf('xl/workbook.xml');
    for (const s of arr(get(this.xml('xl/workbook.xml'), 'workbook', 'sheets', 'sheet'))) {
      const name = String(s['@name']);
      this.sheetNames.push(name);
      this.sheetPaths.set(name, rels.get(String(s['@r:id']))!);
    }
  }

  text(path: string): string {
    const f = this.files.get(path);
    if (!f) throw new Error(`no part ${path}`);
    return f.toString('utf8');
  }

  xml(path: string): Xml {
    let x = this.parsed.get(path);
    if (!x) {
      x = parseXml(this.text(path));
      this.parsed.set(path, x);
    }
    return x;
  }

  /** Relationship id → absolute part path, for the part's .rels. */
  relsOf(path: string): Map<string, string> {
    const dir = path.slice(0, path.lastIndexOf('/'));
    const relsPath = `${dir}/_rels/${path.slice(dir.length + 1)}.rels`;
    const out = new Map<string, string>();
    if (!this.files.has(relsPath)) return out;
    for (const r of arr(get(this.xml(relsPath), 'Relationships', 'Relationship'))) {
      const target = String(r['@Target']);
      out.set(
        String(r['@Id']),
        r['@TargetMode'] === 'External' ? `external:${target}` : resolve(dir, target),
      );
    }
    return out;
  }

  sheet(name: string): Xml {
    return get(this.xml(this.sheetPaths.get(name)!), 'worksheet') as Xml;
  }

  sharedStrings(): string[] {
    if (!this.files.has('xl/sharedStrings.xml')) return [];
    return arr(get(this.xml('xl/sharedStrings.xml'), 'sst', 'si')).map(stringItem);
  }

  /** Cells of a sheet as written: address → { type, value, formula, style }. */
  cells(name: string): Map<string, { t?: string; v?: string; f?: string; s?: string }> {
    const strings = this.sharedStrings();
    const out = new Map<string, { t?: string; v?: string; f?: string; s?: string }>();
    for (const row of arr(get(this.sheet(name), 'sheetData', 'row'))) {
      for (const c of arr(row['c'])) {
        const t = c['@t'] as string | undefined;
        let v = c['v'] === undefined ? undefined : textOf(c['v']);
        if (t === 's' && v !== undefined) v = strings[Number(v)];
        if (t === 'inlineStr') v = stringItem(c['is'] as Xml);
        const f = c['f'] === undefined ? undefined : textOf(c['f']);
        out.set(String(c['@r']), { t, v, f, s: c['@s'] as string | undefined });
      }
    }
    return out;
  }
}

function resolve(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = dir.split('/');
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

export function arr(value: unknown): Xml[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as Xml[];
}

export function get(x: unknown, ...path: string[]): unknown {
  let at: unknown = x;
  for (const p of path) {
    if (at === undefined || at === null || typeof at !== 'object') return undefined;
    at = (at as Xml)[p];
  }
  return at;
}

function textOf(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return String((node as Xml)['#text']);
  return '';
}

function stringItem(si: Xml): string {
  if (si['t'] !== undefined) return textOf(si['t']);
  return arr(si['r'])
    .map((r) => textOf(r['t']))
    .join('');
}

const BUILTIN_NUMFMTS = new Set([
  0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 37, 38, 39, 40, 45, 46, 47,
  48, 49,
]);

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function colLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function box(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = ref.replace(/\$/g, '').split(':');
  const pa = /^([A-Z]+)(\d+)$/.exec(a!)!;
  const pb = /^([A-Z]+)(\d+)$/.exec(b!)!;
  return {
    top: Number(pa[2]),
    left: colNumber(pa[1]!),
    bottom: Number(pb[2]),
    right: colNumber(pb[1]!),
  };
}

/**
 * The checks Excel makes before its repair prompt, as far as they can be made offline. Returns
 * the problems found (an empty list for a sound file).
 */
export function xlsxProblems(bytes: Uint8Array): string[] {
  const out: string[] = [];
  const x = new XlsxParts(bytes);
  for (const [name, data] of x.files) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    const valid = XMLValidator.validate(data.toString('utf8'));
    if (valid !== true) out.push(`${name}: malformed XML (${valid.err.msg})`);
  }
  if (out.length > 0) return out;

  // Every part has a content type, every relationship a target.
  const types = x.xml('[Content_Types].xml');
  const overrides = new Set(
    arr(get(types, 'Types', 'Override')).map((o) => String(o['@PartName']).slice(1)),
  );
  const defaults = new Set(arr(get(types, 'Types', 'Default')).map((d) => String(d['@Extension'])));
  for (const name of x.files.keys()) {
    const ext = name.slice(name.lastIndexOf('.') + 1);
    if (!overrides.has(name) && !defaults.has(ext)) out.push(`${name}: no content type`);
  }
  for (const o of overrides) if (!x.files.has(o)) out.push(`content type for missing part ${o}`);
  for (const name of x.files.keys()) {
    if (!name.endsWith('.rels')) continue;
    const owner = name.replace(/_rels\/([^/]+)\.rels$/, '$1');
    for (const [id, target] of x.relsOf(owner === '.rels' ? '' : owner)) {
      if (!target.startsWith('external:') && !x.files.has(target))
        out.push(`${name}: ${id} points at missing ${target}`);
    }
  }

  // Styles: custom number formats from 164, unique; every xf's format exists.
  const styles = get(x.xml('xl/styles.xml'), 'styleSheet') as Xml;
  const fmtIds = arr(get(styles, 'numFmts', 'numFmt')).map((f) => Number(f['@numFmtId']));
  if (new Set(fmtIds).size !== fmtIds.length) out.push('styles: duplicate numFmt ids');
  for (const id of fmtIds) if (id < 164) out.push(`styles: custom numFmt with built-in id ${id}`);
  for (const xf of arr(get(styles, 'cellXfs', 'xf'))) {
    const id = Number(xf['@numFmtId'] ?? 0);
    if (!BUILTIN_NUMFMTS.has(id) && !fmtIds.includes(id)) out.push(`styles: xf uses numFmt ${id}`);
  }
  const dxfCount = arr(get(styles, 'dxfs', 'dxf')).length;

  // Workbook: names, views, sheets.
  const book = get(x.xml('xl/workbook.xml'), 'workbook') as Xml;
  const sheets = arr(get(book, 'sheets', 'sheet'));
  const names = arr(get(book, 'definedNames', 'definedName'));
  const seenNames = new Set<string>();
  for (const n of names) {
    const key = `${String(n['@name']).toUpperCase()}@${String(n['@localSheetId'] ?? '')}`;
    if (seenNames.has(key)) out.push(`defined name ${String(n['@name'])} twice`);
    seenNames.add(key);
    const ref = textOf(n);
    if (ref.startsWith('=')) out.push(`defined name ${String(n['@name'])} starts with "="`);
    const m = /^'((?:[^']|'')+)'!/.exec(ref) ?? /^([^'!]+)!/.exec(ref);
    if (!m || !x.sheetNames.includes(m[1]!.replace(/''/g, "'")))
      out.push(`defined name ${String(n['@name'])} refers to "${ref}"`);
  }
  const activeTab = Number(get(book, 'bookViews', 'workbookView', '@activeTab') ?? 0);
  if (sheets[activeTab]?.['@state'] === 'hidden') out.push('the active sheet is hidden');

  // Sheets: formulas, tables, rules, validations, links.
  const strings = x.sharedStrings();
  const tableNames = new Set<string>();
  let selected = 0;
  for (const sheetName of x.sheetNames) {
    const path = x.sheetPaths.get(sheetName)!;
    const ws = x.sheet(sheetName);
    const at = `sheet "${sheetName}"`;
    for (const v of arr(get(ws, 'sheetViews', 'sheetView')))
      if (v['@tabSelected'] === '1') selected++;
    const cells = new Map<string, Xml>();
    for (const row of arr(get(ws, 'sheetData', 'row'))) {
      for (const c of arr(row['c'])) {
        cells.set(String(c['@r']), c);
        const f = c['f'] === undefined ? undefined : textOf(c['f']);
        if (f !== undefined && f.trimStart().startsWith('='))
          out.push(`${at} ${String(c['@r'])}: formula "=…"`);
      }
    }
    const priorities = new Set<number>();
    for (const cf of arr(ws['conditionalFormatting'])) {
      for (const rule of arr(cf['cfRule'])) {
        const p = Number(rule['@priority']);
        if (priorities.has(p)) out.push(`${at}: two rules with priority ${p}`);
        priorities.add(p);
        const dxf = Number(rule['@dxfId']);
        if (rule['@dxfId'] !== undefined && !(dxf < dxfCount))
          out.push(`${at}: rule with dxf ${dxf}`);
        const formula = textOf(rule['formula']);
        if (formula.startsWith('=')) out.push(`${at}: rule formula "=…"`);
      }
    }
    const dvs = get(ws, 'dataValidations') as Xml | undefined;
    if (dvs && Number(dvs['@count']) !== arr(dvs['dataValidation']).length)
      out.push(`${at}: dataValidations count`);
    for (const dv of arr(dvs?.['dataValidation'])) {
      const f1 = dv['formula1'] === undefined ? '' : textOf(dv['formula1']);
      if (f1.startsWith('=')) out.push(`${at}: validation formula "=…"`);
      if (String(dv['@promptTitle'] ?? '').length > 32) out.push(`${at}: prompt title > 32`);
      if (String(dv['@prompt'] ?? '').length > 255) out.push(`${at}: prompt > 255`);
    }
    const rels = x.relsOf(path);
    for (const h of arr(get(ws, 'hyperlinks', 'hyperlink'))) {
      const location = h['@location'] as string | undefined;
      if (h['@r:id'] === undefined && location === undefined) out.push(`${at}: empty hyperlink`);
      if (h['@r:id'] !== undefined && location !== undefined)
        out.push(`${at}: hyperlink with both a file and a location`);
      if (location) {
        const m = /^'((?:[^']|'')+)'!/.exec(location) ?? /^([^'!]+)!/.exec(location);
        if (!m || !x.sheetNames.includes(m[1]!.replace(/''/g, "'")))
          out.push(`${at}: link to "${location}"`);
      }
    }
    const merges = arr(get(ws, 'mergeCells', 'mergeCell')).map((m) => box(String(m['@ref'])));
    for (const part of arr(get(ws, 'tableParts', 'tablePart'))) {
      const tablePath = rels.get(String(part['@r:id']))!;
      const t = get(x.xml(tablePath), 'table') as Xml;
      const name = String(t['@name']);
      if (tableNames.has(name.toUpperCase())) out.push(`table name ${name} twice`);
      tableNames.add(name.toUpperCase());
      if (seenNames.has(`${name.toUpperCase()}@`)) out.push(`table ${name} clashes with a name`);
      const ref = box(String(t['@ref']));
      if (ref.bottom <= ref.top) out.push(`table ${name} has no data row`);
      const columns = arr(get(t, 'tableColumns', 'tableColumn'));
      if (columns.length !== ref.right - ref.left + 1) out.push(`table ${name}: column count`);
      if (Number(get(t, 'tableColumns', '@count')) !== columns.length)
        out.push(`table ${name}: tableColumns count`);
      columns.forEach((col, i) => {
        const address = `${colLetters(ref.left + i)}${ref.top}`;
        const c = cells.get(address);
        const value =
          c === undefined
            ? undefined
            : c['@t'] === 's'
              ? strings[Number(textOf(c['v']))]
              : c['@t'] === 'inlineStr'
                ? stringItem(c['is'] as Xml)
                : textOf(c['v']);
        if (value !== String(col['@name']))
          out.push(
            `table ${name}: header ${address} "${value}" ≠ column "${String(col['@name'])}"`,
          );
      });
      if (
        get(t, 'autoFilter', '@ref') !== undefined &&
        String(get(t, 'autoFilter', '@ref')) !== String(t['@ref'])
      )
        out.push(`table ${name}: autoFilter range differs from the table`);
      for (const m of merges) {
        if (
          m.left <= ref.right &&
          ref.left <= m.right &&
          m.top <= ref.bottom &&
          ref.top <= m.bottom
        )
          out.push(`table ${name} overlaps a merged range`);
      }
    }
  }
  if (selected > 1) out.push(`${selected} sheets selected (Excel opens them grouped)`);
  return out;
}
