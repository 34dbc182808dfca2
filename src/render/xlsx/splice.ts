// A rebuild outside Excel that leaves the user's content alone: the old .xlsx package with
// PhuLuc's sheets replaced by the sheets of a freshly rendered workbook, and every other part
// (the user's sheets with their drawings, charts, pictures, comments, tables and pivots, custom
// XML, custom properties, theme, external links, macros) kept byte for byte. Only what must
// change is edited: the workbook part (sheet list, defined names, view, calculation), its
// relationships, the content types, the styles and shared strings (new entries appended, old
// indices unchanged), the document properties — and, in a kept sheet, nothing but a
// "selected" flag that would group it with the new active sheet.
//
// No Node APIs: the page uses this too.

import { zipSync, type Zippable } from 'fflate';
import {
  openPackage,
  PackageError,
  relsPartOf,
  resolveTarget,
  type Package,
  type Relationship,
} from '../../readers/opc';
import { mergeSharedStrings, renumberSheet, unselectSheet, type SheetMaps } from './splice-sheets';
import { mergeStyles } from './splice-styles';
import {
  childElements,
  clearChildren,
  createLike,
  ensureChild,
  firstChild,
  parseDom,
  serializeDom,
  utf8,
  XmlPartError,
  type XDocument,
  type XElement,
} from './xml-edit';

export interface SpliceSpec {
  /** Names (as in the old workbook.xml) of the old sheets that are PhuLuc's: all are replaced. */
  ourSheets: string[];
  /** Old workbook-level defined names that are PhuLuc's (markers "PhuLuc_…", NgayBaoCao, …):
   *  dropped; the new workbook's names take their place. */
  ourNames: string[];
}

export interface SpliceWarning {
  vi: string;
  en: string;
}

export interface SpliceResult {
  bytes: Uint8Array;
  warnings: SpliceWarning[];
}

export type SpliceErrorCode =
  | 'unreadable'
  | 'not-workbook'
  | 'strict'
  | 'date1904'
  | 'unknown-sheet'
  | 'sheet-name-clash'
  | 'name-clash'
  | 'table-name-clash'
  | 'damaged'
  | 'unsupported';

/** Why a splice was refused: one clear line, Vietnamese first. */
export class SpliceError extends Error {
  constructor(
    readonly code: SpliceErrorCode,
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi} / ${en}`);
    this.name = 'SpliceError';
  }
}

const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  strict: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  vt: 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
};

const REL = {
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings:
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
};

const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
};

/** CT_Workbook's sequence. */
const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'AlternateContent',
  'revisionPtr',
  'absPath',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
] as const;

/** Workbook-level parts of the new workbook: merged, or left for the old one's. */
const FRESH_BOOK_PARTS = new Set(['worksheet', 'styles', 'sharedStrings', 'theme', 'calcChain']);

const upper = (s: string): string => s.toUpperCase();
const lower = (s: string): string => s.toLowerCase();
const quoted = (names: string[]): string => names.map((n) => `"${n}"`).join(', ');

function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** The target to write in `source`'s relationships for `target` (both part names). */
function relativeTarget(source: string, target: string): string {
  const from = source === '' ? [] : folderOf(source).split('/').filter(Boolean);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...to.slice(common)].join('/');
}

const truthy = (v: string | null): boolean => v === '1' || v === 'true';

interface SheetEntry {
  el: XElement;
  name: string;
  rid: string;
  /** Part name, when the relationship resolves to a part of the package. */
  part: string | undefined;
}

function sheetsOf(pkg: Package, book: string, doc: XDocument): SheetEntry[] {
  const sheets = firstChild(doc.documentElement!, 'sheets');
  const rels = new Map(pkg.rels(book).map((r) => [r.id, r]));
  return (sheets ? childElements(sheets, 'sheet') : []).map((el) => {
    const rid = el.getAttributeNS(NS.r, 'id') ?? '';
    const rel = rels.get(rid);
    return {
      el,
      name: el.getAttribute('name') ?? '',
      rid,
      part: rel && !rel.external && pkg.has(rel.target) ? rel.target : undefined,
    };
  });
}

function openOrRefuse(bytes: Uint8Array, which: 'old' | 'new'): Package {
  try {
    return openPackage(bytes);
  } catch (error) {
    if (error instanceof PackageError) {
      throw new SpliceError(
        'unreadable',
        which === 'old'
          ? `Không đọc được tệp sổ theo dõi đang có (${error.message}).`
          : `Không đọc được sổ vừa tạo (${error.message}).`,
        which === 'old'
          ? `The existing tracker cannot be read (${error.message}).`
          : `The new workbook cannot be read (${error.message}).`,
      );
    }
    throw error;
  }
}

function workbookOf(pkg: Package, which: 'old' | 'new'): string {
  const book = pkg.relTarget('', 'officeDocument');
  if (!book || !pkg.has(book) || !/spreadsheetml|ms-excel/.test(pkg.contentType(book) ?? '')) {
    throw new SpliceError(
      'not-workbook',
      which === 'old' ? 'Tệp đang có không phải sổ Excel.' : 'Sổ vừa tạo không phải sổ Excel.',
      which === 'old'
        ? 'The existing file is not an Excel workbook.'
        : 'The new file is not an Excel workbook.',
    );
  }
  return book;
}

/** Parts reachable from `starts` through relationships (`skip` leaves a relationship out). */
function reachable(
  pkg: Package,
  starts: string[],
  skip: (source: string, rel: Relationship) => boolean = () => false,
): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const source = queue.pop()!;
    if (source !== '') {
      if (seen.has(lower(source))) continue;
      seen.add(lower(source));
    }
    for (const rel of pkg.rels(source)) {
      if (rel.external || skip(source, rel) || !pkg.has(rel.target)) continue;
      if (!seen.has(lower(rel.target))) queue.push(rel.target);
    }
  }
  return seen;
}

/** The package being written: old parts in their order (read only when kept), new ones after. */
class Output {
  private readonly parts = new Map<string, { name: string; data: () => Uint8Array }>();

  constructor(readonly old: Package) {
    for (const name of old.parts())
      this.parts.set(lower(name), { name, data: () => old.bytes(name) });
  }

  has(name: string): boolean {
    return this.parts.has(lower(name));
  }

  names(): string[] {
    return [...this.parts.values()].map((p) => p.name);
  }

  set(name: string, data: Uint8Array | string): void {
    const bytes = typeof data === 'string' ? utf8(data) : data;
    const key = lower(name);
    const existing = this.parts.get(key);
    this.parts.set(key, { name: existing?.name ?? name, data: () => bytes });
  }

  remove(name: string): void {
    this.parts.delete(lower(name));
  }

  zip(): Uint8Array {
    const files: Zippable = {};
    const types = this.parts.get('[content_types].xml');
    if (types) files[types.name] = types.data();
    for (const [key, p] of this.parts) if (key !== '[content_types].xml') files[p.name] = p.data();
    return zipSync(files, { level: 4 });
  }
}

/** [Content_Types].xml, edited. */
class ContentTypes {
  readonly doc: XDocument;
  private readonly root: XElement;

  constructor(pkg: Package) {
    this.doc = parseDom('[Content_Types].xml', pkg.text('[Content_Types].xml'));
    this.root = this.doc.documentElement!;
  }

  private overrides(): XElement[] {
    return childElements(this.root, 'Override');
  }

  private defaultFor(part: string): string | undefined {
    const ext = lower(part.slice(part.lastIndexOf('.') + 1));
    const d = childElements(this.root, 'Default').find(
      (e) => lower(e.getAttribute('Extension') ?? '') === ext,
    );
    return d?.getAttribute('ContentType') ?? undefined;
  }

  typeOf(part: string): string | undefined {
    const o = this.overrides().find(
      (e) => lower(e.getAttribute('PartName') ?? '') === `/${lower(part)}`,
    );
    return o?.getAttribute('ContentType') ?? this.defaultFor(part);
  }

  remove(part: string): void {
    for (const o of this.overrides())
      if (lower(o.getAttribute('PartName') ?? '') === `/${lower(part)}`) this.root.removeChild(o);
  }

  set(part: string, type: string): void {
    if (this.typeOf(part) === type) return;
    this.remove(part);
    if (this.defaultFor(part) === type) return;
    const o = createLike(this.root, 'Override');
    o.setAttribute('PartName', `/${part}`);
    o.setAttribute('ContentType', type);
    this.root.appendChild(o);
  }

  text(): string {
    return serializeDom(this.doc);
  }
}

/** A relationships part, edited (or created). */
class Rels {
  readonly doc: XDocument;
  readonly root: XElement;

  constructor(
    readonly source: string,
    text: string | undefined,
  ) {
    this.doc = parseDom(
      relsPartOf(source),
      text ??
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    );
    this.root = this.doc.documentElement!;
  }

  items(): XElement[] {
    return childElements(this.root, 'Relationship');
  }

  freshId(): string {
    const ids = new Set(this.items().map((r) => r.getAttribute('Id')));
    let n = this.items().length + 1;
    while (ids.has(`rId${n}`)) n++;
    return `rId${n}`;
  }

  add(type: string, target: string): string {
    const id = this.freshId();
    const el = createLike(this.root, 'Relationship');
    el.setAttribute('Id', id);
    el.setAttribute('Type', type);
    el.setAttribute('Target', relativeTarget(this.source, target));
    this.root.appendChild(el);
    return id;
  }

  removeIds(ids: Set<string>): void {
    for (const r of this.items()) if (ids.has(r.getAttribute('Id') ?? '')) this.root.removeChild(r);
  }

  text(): string {
    return serializeDom(this.doc);
  }
}

/**
 * The old package with PhuLuc's sheets replaced by every sheet of `fresh` (ExcelJS output of
 * src/render/xlsx renderXlsx), everything else kept. Throws SpliceError(code, vi, en).
 */
export function spliceWorkbook(old: Uint8Array, fresh: Uint8Array, spec: SpliceSpec): SpliceResult {
  const oldPkg = openOrRefuse(old, 'old');
  const newPkg = openOrRefuse(fresh, 'new');
  try {
    return splice(oldPkg, newPkg, spec);
  } catch (error) {
    if (error instanceof XmlPartError)
      throw new SpliceError(
        'damaged',
        `Tệp có phần XML hỏng, không sửa được an toàn (${error.message}).`,
        `A part of the file is not well-formed XML; it cannot be edited safely (${error.message}).`,
      );
    if (error instanceof PackageError)
      throw new SpliceError(
        'unreadable',
        `Không đọc được một phần của tệp (${error.message}).`,
        `A part of the file cannot be read (${error.message}).`,
      );
    throw error;
  }
}

function splice(oldPkg: Package, newPkg: Package, spec: SpliceSpec): SpliceResult {
  const warnings: SpliceWarning[] = [];
  const out = new Output(oldPkg);
  const types = new ContentTypes(oldPkg);

  // ---- The two workbooks.
  const oldBook = workbookOf(oldPkg, 'old');
  const newBook = workbookOf(newPkg, 'new');
  const book = parseDom(oldBook, oldPkg.text(oldBook));
  const root = book.documentElement!;
  if (root.namespaceURI === NS.strict)
    throw new SpliceError(
      'strict',
      'Sổ đang có được lưu dạng "Strict Open XML": hãy lưu lại dạng "Excel Workbook (.xlsx)" rồi làm lại.',
      'The existing workbook is saved as "Strict Open XML": save it as "Excel Workbook (.xlsx)" and try again.',
    );
  if (root.namespaceURI !== NS.main)
    throw new SpliceError(
      'not-workbook',
      'Tệp đang có không phải sổ Excel.',
      'The existing file is not an Excel workbook.',
    );
  const pr = firstChild(root, 'workbookPr');
  if (pr && truthy(pr.getAttribute('date1904')))
    throw new SpliceError(
      'date1904',
      'Sổ đang có dùng hệ ngày 1904 (tùy chọn của Excel trên Mac): ngày trong các trang mới sẽ lệch 4 năm. Hãy bỏ chọn "Use 1904 date system" (File → Options → Advanced) hoặc tạo sổ mới.',
      'The existing workbook uses the 1904 date system (an Excel for Mac option): dates on the new sheets would be 4 years off. Clear "Use 1904 date system" (File → Options → Advanced) or build a new tracker.',
    );
  const freshDoc = parseDom(newBook, newPkg.text(newBook));
  const freshRoot = freshDoc.documentElement!;

  const oldSheets = sheetsOf(oldPkg, oldBook, book);
  const newSheets = sheetsOf(newPkg, newBook, freshDoc);

  const ours = new Set(spec.ourSheets.map(upper));
  const unknown = spec.ourSheets.filter((n) => !oldSheets.some((s) => upper(s.name) === upper(n)));
  if (unknown.length > 0)
    throw new SpliceError(
      'unknown-sheet',
      `Sổ đang có không có trang ${quoted(unknown)}.`,
      `The existing workbook has no sheet ${quoted(unknown)}.`,
    );
  const isOurs = (s: SheetEntry): boolean => ours.has(upper(s.name));
  const kept = oldSheets.filter((s) => !isOurs(s));
  const removed = oldSheets.filter(isOurs);
  const clash = newSheets.filter((n) => kept.some((k) => upper(k.name) === upper(n.name)));
  if (clash.length > 0)
    throw new SpliceError(
      'sheet-name-clash',
      `Trang ${quoted(clash.map((c) => c.name))} của người dùng trùng tên với trang PhuLuc sẽ tạo: hãy đổi tên trang đó rồi làm lại.`,
      `The user's sheet ${quoted(clash.map((c) => c.name))} has the name of a sheet PhuLuc writes: rename it and try again.`,
    );

  // ---- Which old parts go: those reachable only from PhuLuc's sheets (and the calc chain).
  const removedIds = new Set(removed.map((s) => s.rid));
  const bookRels = oldPkg.rels(oldBook);
  const calcChain = bookRels.filter((r) => r.type === 'calcChain');
  for (const r of calcChain) removedIds.add(r.id);
  const keptParts = reachable(
    oldPkg,
    [''],
    (source, rel) => lower(source) === lower(oldBook) && removedIds.has(rel.id),
  );
  const gone = new Set<string>();
  const dropped = reachable(oldPkg, [
    ...removed.map((s) => s.part).filter((p): p is string => p !== undefined),
    ...calcChain.filter((r) => !r.external && oldPkg.has(r.target)).map((r) => r.target),
  ]);
  for (const p of dropped) if (!keptParts.has(p)) gone.add(p);
  let goneComments = 0;
  let goneDrawings = 0;
  for (const name of oldPkg.parts()) {
    const key = lower(name);
    if (!gone.has(key)) continue;
    const type = oldPkg.contentType(name) ?? '';
    if (/comments\+xml$/.test(type)) goneComments++;
    if (/drawing\+xml$/.test(type)) goneDrawings++;
    out.remove(name);
    types.remove(name);
    const rels = relsPartOf(name);
    if (oldPkg.has(rels) && !keptParts.has(lower(rels))) {
      out.remove(rels);
      types.remove(rels);
    }
  }
  if (goneComments + goneDrawings > 0)
    warnings.push({
      vi: `Các trang PhuLuc cũ có ${goneComments} phần ghi chú ô và ${goneDrawings} phần hình vẽ/biểu đồ; chúng được thay cùng các trang đó.`,
      en: `The old PhuLuc sheets held ${goneComments} comment parts and ${goneDrawings} drawing/chart parts; they are replaced along with those sheets.`,
    });

  // ---- Names and ids already taken by what stays.
  const taken = new Set(oldPkg.parts().map(lower));
  const allocate = (wanted: string): string => {
    if (!taken.has(lower(wanted))) {
      taken.add(lower(wanted));
      return wanted;
    }
    const m = /^(.*?)(\d*)(\.[^./]+)?$/.exec(wanted)!;
    const stem = m[1]!;
    const ext = m[3] ?? '';
    for (let n = 1; ; n++) {
      const name = `${stem}${n}${ext}`;
      if (!taken.has(lower(name))) {
        taken.add(lower(name));
        return name;
      }
    }
  };
  let tableId = 0;
  const keptTables = new Set<string>();
  for (const name of oldPkg.parts()) {
    if (!keptParts.has(lower(name)) || oldPkg.contentType(name) !== CT.table) continue;
    const t = parseDom(name, oldPkg.text(name)).documentElement!;
    tableId = Math.max(tableId, Number(t.getAttribute('id')) || 0);
    for (const attr of ['name', 'displayName']) {
      const v = t.getAttribute(attr);
      if (v) keptTables.add(upper(v));
    }
  }

  // ---- Styles and shared strings: the new ones merged into the old.
  const bookRelsDoc = new Rels(
    oldBook,
    oldPkg.has(relsPartOf(oldBook)) ? oldPkg.text(relsPartOf(oldBook)) : undefined,
  );
  const maps: SheetMaps = { xf: [], dxf: [] };
  const stylesNew = newPkg.relTarget(newBook, 'styles');
  if (stylesNew && newPkg.has(stylesNew)) {
    const stylesOld = oldPkg.relTarget(oldBook, 'styles');
    const hasOld = stylesOld !== undefined && oldPkg.has(stylesOld);
    const merged = mergeStyles(hasOld ? oldPkg.text(stylesOld) : undefined, newPkg.text(stylesNew));
    Object.assign(maps, merged.maps);
    const part = hasOld
      ? stylesOld
      : allocate(`${folderOf(oldBook)}/styles.xml`.replace(/^\//, ''));
    out.set(part, merged.text);
    if (!hasOld) {
      bookRelsDoc.add(REL.styles, part);
      types.set(part, CT.styles);
    }
  }
  const stringsNew = newPkg.relTarget(newBook, 'sharedStrings');
  if (stringsNew && newPkg.has(stringsNew)) {
    const stringsOld = oldPkg.relTarget(oldBook, 'sharedStrings');
    if (stringsOld && oldPkg.has(stringsOld)) {
      const merged = mergeSharedStrings(
        stringsOld,
        oldPkg.text(stringsOld),
        newPkg.text(stringsNew),
      );
      maps.strings = merged.map;
      out.set(stringsOld, merged.text);
    } else {
      const part = allocate(`${folderOf(oldBook)}/sharedStrings.xml`.replace(/^\//, ''));
      out.set(part, newPkg.bytes(stringsNew));
      bookRelsDoc.add(REL.sharedStrings, part);
      types.set(part, CT.sharedStrings);
    }
  }
  for (const rel of newPkg.rels(newBook)) {
    if (!rel.external && !FRESH_BOOK_PARTS.has(rel.type) && rel.type !== 'chartsheet')
      throw new SpliceError(
        'unsupported',
        `Sổ vừa tạo có phần "${rel.target}" (${rel.type}) chưa ghép được vào sổ đang có.`,
        `The new workbook has a part "${rel.target}" (${rel.type}) that cannot be spliced yet.`,
      );
  }

  // ---- The new sheets' parts, under fresh names.
  const copied = new Map<string, string>();
  const copyPart = (source: string): string => {
    const done = copied.get(lower(source));
    if (done) return done;
    const target = allocate(source);
    copied.set(lower(source), target);
    const type = newPkg.contentType(source);
    let data: Uint8Array | string = newPkg.bytes(source);
    if (type === CT.worksheet) data = renumberSheet(source, newPkg.text(source), maps);
    else if (type === CT.table) data = renumberTable(source, newPkg.text(source));
    out.set(target, data);
    if (type) types.set(target, type);
    const relsPart = relsPartOf(source);
    if (newPkg.has(relsPart)) {
      const rels = new Rels(source, newPkg.text(relsPart));
      for (const r of rels.items()) {
        if (lower(r.getAttribute('TargetMode') ?? '') === 'external') continue;
        const child = resolveTarget(source, r.getAttribute('Target') ?? '');
        if (!newPkg.has(child)) continue;
        r.setAttribute('Target', relativeTarget(target, copyPart(child)));
      }
      const targetRels = relsPartOf(target);
      taken.add(lower(targetRels));
      out.set(targetRels, rels.text());
      types.set(targetRels, CT.rels);
    }
    return target;
  };
  const renumberTable = (part: string, text: string): string => {
    const doc = parseDom(part, text);
    const t = doc.documentElement!;
    const name = t.getAttribute('displayName') ?? t.getAttribute('name') ?? '';
    if (keptTables.has(upper(name)) || keptNameSet.has(`${upper(name)}@`))
      throw new SpliceError(
        'table-name-clash',
        `Sổ đang có đã có bảng hoặc tên "${name}" của người dùng, trùng tên bảng PhuLuc tạo: hãy đổi tên đó rồi làm lại.`,
        `The existing workbook already has a user table or name "${name}", the name of a table PhuLuc writes: rename it and try again.`,
      );
    t.setAttribute('id', String(++tableId));
    const visit = (el: XElement): void => {
      for (let i = 0; i < el.attributes.length; i++) {
        const a = el.attributes.item(i)!;
        if (!/DxfId$/.test(a.localName ?? a.name)) continue;
        const to = maps.dxf[Number(a.value)];
        if (to !== undefined) el.setAttribute(a.name, String(to));
      }
      for (const child of childElements(el)) visit(child);
    };
    visit(t);
    return serializeDom(doc);
  };

  // ---- Defined names: the user's kept (renumbered), PhuLuc's replaced by the new ones.
  const firstOurs = oldSheets.findIndex(isOurs);
  const cut = firstOurs < 0 ? oldSheets.length : firstOurs;
  const keptBefore = kept.filter((s) => oldSheets.indexOf(s) < cut);
  const keptAfter = kept.filter((s) => oldSheets.indexOf(s) >= cut);
  const position = new Map<SheetEntry, number>();
  [...keptBefore, ...newSheets, ...keptAfter].forEach((s, i) => position.set(s, i));

  const ourNames = new Set(spec.ourNames.map(upper));
  const namesEl = firstChild(root, 'definedNames');
  const keptNames: XElement[] = [];
  const droppedLocal: string[] = [];
  for (const n of namesEl ? childElements(namesEl, 'definedName') : []) {
    const name = n.getAttribute('name') ?? '';
    const local = n.getAttribute('localSheetId');
    if (local === null) {
      if (!ourNames.has(upper(name))) keptNames.push(n);
      continue;
    }
    const sheet = oldSheets[Number(local)];
    if (sheet && !isOurs(sheet)) {
      n.setAttribute('localSheetId', String(position.get(sheet)));
      keptNames.push(n);
    } else if (!/^_xlnm\./i.test(name)) droppedLocal.push(name);
  }
  if (droppedLocal.length > 0)
    warnings.push({
      vi: `Tên ${quoted(droppedLocal)} chỉ dùng trong một trang PhuLuc cũ nên không giữ lại.`,
      en: `The name(s) ${quoted(droppedLocal)} belonged to an old PhuLuc sheet and are not kept.`,
    });
  const scopeKey = (n: XElement): string =>
    `${upper(n.getAttribute('name') ?? '')}@${n.getAttribute('localSheetId') ?? ''}`;
  const keptNameSet = new Set(keptNames.map(scopeKey));
  const freshNamesEl = firstChild(freshRoot, 'definedNames');
  const addedNames: XElement[] = [];
  for (const n of freshNamesEl ? childElements(freshNamesEl, 'definedName') : []) {
    const copy = book.importNode(n, true) as XElement;
    const local = copy.getAttribute('localSheetId');
    if (local !== null) {
      const sheet = newSheets[Number(local)];
      if (!sheet) continue;
      copy.setAttribute('localSheetId', String(position.get(sheet)));
    }
    const name = copy.getAttribute('name') ?? '';
    if (keptNameSet.has(scopeKey(copy)) || (local === null && keptTables.has(upper(name))))
      throw new SpliceError(
        'name-clash',
        `Sổ đang có đã có tên "${name}" của người dùng, trùng tên PhuLuc dùng: hãy đổi tên đó (Formulas → Name Manager) rồi làm lại.`,
        `The existing workbook already has a user name "${name}" that PhuLuc uses: rename it (Formulas → Name Manager) and try again.`,
      );
    addedNames.push(copy);
  }

  // Copy the new sheets (tables are checked against the kept names here).
  const newParts = new Map<SheetEntry, string>();
  for (const s of newSheets) if (s.part) newParts.set(s, copyPart(s.part));

  // ---- workbook.xml: sheets, names, view, calculation.
  const sheetsEl = ensureChild(root, 'sheets', WORKBOOK_ORDER);
  let nextSheetId = 0;
  for (const s of oldSheets)
    nextSheetId = Math.max(nextSheetId, Number(s.el.getAttribute('sheetId')) || 0);
  for (const s of oldSheets) sheetsEl.removeChild(s.el);
  const freshRels = new Map(
    new Rels(newBook, newPkg.text(relsPartOf(newBook)))
      .items()
      .map((r) => [r.getAttribute('Id'), r]),
  );
  const rPrefix = root.lookupPrefix(NS.r) ?? 'r';
  const addedIds = new Set<string>();
  for (const s of [...keptBefore, ...newSheets, ...keptAfter]) {
    if (!newSheets.includes(s)) {
      sheetsEl.appendChild(s.el);
      continue;
    }
    const el = createLike(sheetsEl, 'sheet');
    el.setAttribute('name', s.name);
    el.setAttribute('sheetId', String(++nextSheetId));
    const state = s.el.getAttribute('state');
    if (state && state !== 'visible') el.setAttribute('state', state);
    const part = newParts.get(s);
    const type = freshRels.get(s.rid)?.getAttribute('Type');
    if (!part || !type) throw new Error(`new sheet "${s.name}" has no part`);
    const rid = bookRelsDoc.add(type, part);
    addedIds.add(rid);
    el.setAttributeNS(NS.r, `${rPrefix}:id`, rid);
    sheetsEl.appendChild(el);
  }
  bookRelsDoc.removeIds(removedIds);

  if (namesEl) clearChildren(namesEl);
  if (keptNames.length + addedNames.length > 0) {
    const list = namesEl ?? ensureChild(root, 'definedNames', WORKBOOK_ORDER);
    for (const n of [...keptNames, ...addedNames]) list.appendChild(n);
  } else if (namesEl) root.removeChild(namesEl);

  const freshView = firstChild(firstChild(freshRoot, 'bookViews') ?? freshRoot, 'workbookView');
  const freshActive = newSheets[Number(freshView?.getAttribute('activeTab') ?? 0)] ?? newSheets[0];
  if (freshActive) {
    const views = ensureChild(root, 'bookViews', WORKBOOK_ORDER);
    let view = firstChild(views, 'workbookView');
    if (!view) {
      view = createLike(views, 'workbookView');
      views.appendChild(view);
    }
    const active = position.get(freshActive)!;
    view.setAttribute('activeTab', String(active));
    const first = Number(view.getAttribute('firstSheet') ?? 0);
    if (first > active) view.setAttribute('firstSheet', String(active));
    // A kept sheet still marked selected would be grouped with the new active one.
    for (const s of kept) {
      if (!s.part) continue;
      const edited = unselectSheet(s.part, oldPkg.text(s.part));
      if (edited !== null) out.set(s.part, edited);
    }
  }
  const calc = ensureChild(root, 'calcPr', WORKBOOK_ORDER);
  calc.setAttribute('fullCalcOnLoad', '1');
  out.set(oldBook, serializeDom(book));
  out.set(relsPartOf(oldBook), bookRelsDoc.text());

  // ---- Document properties.
  spliceCore(oldPkg, newPkg, out, types, allocate);
  spliceApp(
    oldPkg,
    out,
    oldSheets.map((s) => s.name),
    [...position.keys()].map((s) => s.name),
  );

  out.set('[Content_Types].xml', types.text());
  return { bytes: out.zip(), warnings };
}

/** Title, subject, description and the last save of the new workbook; the rest stays. */
function spliceCore(
  oldPkg: Package,
  newPkg: Package,
  out: Output,
  types: ContentTypes,
  allocate: (wanted: string) => string,
): void {
  const freshPart = newPkg.relTarget('', 'core-properties');
  if (!freshPart || !newPkg.has(freshPart)) return;
  const oldPart = oldPkg.relTarget('', 'core-properties');
  if (!oldPart || !oldPkg.has(oldPart)) {
    const part = allocate('docProps/core.xml');
    out.set(part, newPkg.bytes(freshPart));
    types.set(part, CT.core);
    const rels = new Rels('', oldPkg.has('_rels/.rels') ? oldPkg.text('_rels/.rels') : undefined);
    rels.add(REL.core, part);
    out.set('_rels/.rels', rels.text());
    return;
  }
  const doc = parseDom(oldPart, oldPkg.text(oldPart));
  const root = doc.documentElement!;
  const freshRoot = parseDom(freshPart, newPkg.text(freshPart)).documentElement!;
  const fields: [string, string][] = [
    [NS.dc, 'title'],
    [NS.dc, 'subject'],
    [NS.dc, 'description'],
    [NS.cp, 'lastModifiedBy'],
    [NS.dcterms, 'modified'],
  ];
  for (const [ns, local] of fields) {
    const replacement = childElements(freshRoot).find(
      (e) => e.namespaceURI === ns && e.localName === local,
    );
    if (!replacement) continue;
    for (const e of childElements(root))
      if (e.namespaceURI === ns && e.localName === local) root.removeChild(e);
    root.appendChild(doc.importNode(replacement, true));
  }
  out.set(oldPart, serializeDom(doc));
}

/**
 * docProps/app.xml lists the sheets (TitlesOfParts, counted in HeadingPairs). When its one
 * group is exactly the old sheet list it is rewritten; any other shape (named ranges listed
 * too, say) is removed — the list is optional and Excel writes it again on saving.
 */
function spliceApp(oldPkg: Package, out: Output, before: string[], after: string[]): void {
  const part = oldPkg.relTarget('', 'extended-properties');
  if (!part || !oldPkg.has(part)) return;
  const doc = parseDom(part, oldPkg.text(part));
  const root = doc.documentElement!;
  const pairs = firstChild(root, 'HeadingPairs');
  const titles = firstChild(root, 'TitlesOfParts');
  if (!pairs && !titles) return;
  const pairVector = pairs && firstChild(pairs, 'vector');
  const titleVector = titles && firstChild(titles, 'vector');
  const variants = pairVector ? childElements(pairVector, 'variant') : [];
  const names = titleVector ? childElements(titleVector, 'lpstr') : [];
  const count = variants[1] && firstChild(variants[1], 'i4');
  const exact =
    variants.length === 2 &&
    count !== undefined &&
    Number(count.textContent) === before.length &&
    names.length === before.length &&
    names.every((n, i) => n.textContent === before[i]);
  if (exact && titleVector && pairVector) {
    count.textContent = String(after.length);
    clearChildren(titleVector);
    for (const name of after) {
      const el = doc.createElementNS(
        NS.vt,
        names[0]?.prefix ? `${names[0].prefix}:lpstr` : 'vt:lpstr',
      );
      el.textContent = name;
      titleVector.appendChild(el);
    }
    titleVector.setAttribute('size', String(after.length));
  } else {
    if (pairs) root.removeChild(pairs);
    if (titles) root.removeChild(titles);
  }
  out.set(part, serializeDom(doc));
}
