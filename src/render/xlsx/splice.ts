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
import type { TrackerContents } from '../../layout/tracker/model';
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
  /** Old PhuLuc sheets whose cell notes the caller read and wrote again (not to be warned of). */
  notesCarried?: string[];
}

/**
 * The splice of a fresh build over a tracker read by the one tracker reader: its PhuLuc sheets
 * and names replaced, the notes of its task list and removed-tasks sheet carried by the rebuild.
 */
export function trackerSpliceSpec(
  tracker: Pick<TrackerContents, 'taskList' | 'removedSheet'>,
  owned: { sheets: string[]; names: string[] },
): SpliceSpec {
  return {
    ourSheets: owned.sheets,
    ourNames: owned.names,
    notesCarried: [
      ...(tracker.taskList ? [tracker.taskList.sheet] : []),
      ...(tracker.removedSheet ? [tracker.removedSheet] : []),
    ],
  };
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
const FRESH_BOOK_PARTS = new Set([
  'worksheet',
  'chartsheet',
  'styles',
  'sharedStrings',
  'theme',
  'calcChain',
]);

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
  /** Overrides by part name (lower case, no leading "/"); defaults by extension. */
  private readonly overrides = new Map<string, XElement>();
  private readonly defaults = new Map<string, string>();

  constructor(pkg: Package) {
    this.doc = parseDom('[Content_Types].xml', pkg.text('[Content_Types].xml'));
    this.root = this.doc.documentElement!;
    for (const o of childElements(this.root, 'Override'))
      this.overrides.set(lower(o.getAttribute('PartName') ?? '').replace(/^\/+/, ''), o);
    for (const d of childElements(this.root, 'Default'))
      this.defaults.set(
        lower(d.getAttribute('Extension') ?? ''),
        d.getAttribute('ContentType') ?? '',
      );
  }

  private defaultFor(part: string): string | undefined {
    return this.defaults.get(lower(part.slice(part.lastIndexOf('.') + 1)));
  }

  typeOf(part: string): string | undefined {
    return this.overrides.get(lower(part))?.getAttribute('ContentType') ?? this.defaultFor(part);
  }

  remove(part: string): void {
    const o = this.overrides.get(lower(part));
    if (!o) return;
    this.root.removeChild(o);
    this.overrides.delete(lower(part));
  }

  set(part: string, type: string): void {
    if (this.typeOf(part) === type) return;
    this.remove(part);
    if (this.defaultFor(part) === type) return;
    const o = createLike(this.root, 'Override');
    o.setAttribute('PartName', `/${part}`);
    o.setAttribute('ContentType', type);
    this.root.appendChild(o);
    this.overrides.set(lower(part), o);
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

  private ids: Set<string> | undefined;
  private next = 1;

  /** An id no relationship of the part has (removed ones included: never reused). */
  private freshId(): string {
    this.ids ??= new Set(this.items().map((r) => r.getAttribute('Id') ?? ''));
    while (this.ids.has(`rId${this.next}`)) this.next++;
    const id = `rId${this.next}`;
    this.ids.add(id);
    return id;
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
 * The old package with PhuLuc's sheets replaced by every sheet of `fresh` (the output of
 * renderXlsx), everything else kept. Throws SpliceError(code, vi, en).
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
  return new Splicer(oldPkg, newPkg, spec).run();
}

/** One splice, phase by phase. */
class Splicer {
  readonly warnings: SpliceWarning[] = [];
  readonly out: Output;
  readonly types: ContentTypes;
  readonly oldBook: string;
  readonly newBook: string;
  /** The old workbook part, edited. */
  readonly book: XDocument;
  readonly fresh: XDocument;
  readonly oldSheets: SheetEntry[];
  readonly newSheets: SheetEntry[];
  readonly kept: SheetEntry[];
  readonly removed: SheetEntry[];
  /** Sheets in their new order. */
  readonly order: SheetEntry[];
  readonly bookRels: Rels;
  /** Relationship ids of the old workbook part that go (PhuLuc's sheets, the calc chain). */
  readonly removedIds = new Set<string>();
  /** Old parts reachable from what stays (lower case). */
  keptParts = new Set<string>();
  /** Part names in use (lower case): old ones, then each new one as it is given. */
  readonly taken: Set<string>;
  readonly maps: SheetMaps = { xf: [], dxf: [] };
  /** Names (upper case) of the user's tables, and the highest table id in use. */
  readonly keptTables = new Set<string>();
  tableId = 0;
  /** "NAME@localSheetId" (upper case) of the user's defined names. */
  readonly keptNameKeys = new Set<string>();
  private readonly copied = new Map<string, string>();

  constructor(
    readonly oldPkg: Package,
    readonly newPkg: Package,
    readonly spec: SpliceSpec,
  ) {
    this.out = new Output(oldPkg);
    this.types = new ContentTypes(oldPkg);
    this.taken = new Set(oldPkg.parts().map(lower));
    this.oldBook = workbookOf(oldPkg, 'old');
    this.newBook = workbookOf(newPkg, 'new');
    this.book = parseDom(this.oldBook, oldPkg.text(this.oldBook));
    checkWorkbook(this.book);
    this.fresh = parseDom(this.newBook, newPkg.text(this.newBook));
    this.oldSheets = sheetsOf(oldPkg, this.oldBook, this.book);
    this.newSheets = sheetsOf(newPkg, this.newBook, this.fresh);

    const ours = new Set(spec.ourSheets.map(upper));
    const unknown = spec.ourSheets.filter(
      (n) => !this.oldSheets.some((s) => upper(s.name) === upper(n)),
    );
    if (unknown.length > 0)
      throw new SpliceError(
        'unknown-sheet',
        `Sổ đang có không có trang ${quoted(unknown)}.`,
        `The existing workbook has no sheet ${quoted(unknown)}.`,
      );
    this.kept = this.oldSheets.filter((s) => !ours.has(upper(s.name)));
    this.removed = this.oldSheets.filter((s) => ours.has(upper(s.name)));
    const clash = this.newSheets.filter((n) =>
      this.kept.some((k) => upper(k.name) === upper(n.name)),
    );
    if (clash.length > 0)
      throw new SpliceError(
        'sheet-name-clash',
        `Trang ${quoted(clash.map((c) => c.name))} của người dùng trùng tên với trang PhuLuc sẽ tạo: hãy đổi tên trang đó rồi làm lại.`,
        `The user's sheet ${quoted(clash.map((c) => c.name))} has the name of a sheet PhuLuc writes: rename it and try again.`,
      );
    // The new sheets go where the first PhuLuc sheet was; the user's keep their order.
    const first = this.oldSheets.findIndex((s) => ours.has(upper(s.name)));
    const cut = first < 0 ? this.oldSheets.length : first;
    const at = new Map(this.oldSheets.map((s, i) => [s, i]));
    this.order = [
      ...this.kept.filter((s) => at.get(s)! < cut),
      ...this.newSheets,
      ...this.kept.filter((s) => at.get(s)! >= cut),
    ];
    const relsPart = relsPartOf(this.oldBook);
    this.bookRels = new Rels(
      this.oldBook,
      oldPkg.has(relsPart) ? oldPkg.text(relsPart) : undefined,
    );
  }

  run(): SpliceResult {
    this.dropOurParts();
    this.readKeptTables();
    this.mergeStylesAndStrings();
    const names = this.names();
    const parts = new Map<SheetEntry, string>();
    for (const s of this.newSheets) if (s.part) parts.set(s, this.copyPart(s.part));
    this.writeWorkbook(names, parts);
    spliceCore(this);
    spliceApp(
      this,
      this.oldSheets.map((s) => s.name),
      this.order.map((s) => s.name),
    );
    this.out.set('[Content_Types].xml', this.types.text());
    return { bytes: this.out.zip(), warnings: this.warnings };
  }

  /**
   * A part name no old or new part has (nor its relationships part): the wanted one, else the
   * same with the next free number.
   */
  allocate(wanted: string): string {
    const free = (name: string): boolean =>
      !this.taken.has(lower(name)) && !this.taken.has(lower(relsPartOf(name)));
    let name = wanted;
    const m = /^(.*?)(\d*)(\.[^./]+)?$/.exec(wanted)!;
    for (let n = 1; !free(name); n++) name = `${m[1]!}${n}${m[3] ?? ''}`;
    this.taken.add(lower(name));
    this.taken.add(lower(relsPartOf(name)));
    return name;
  }

  /** Removes PhuLuc's old sheets and the parts only they use (and the calc chain). */
  private dropOurParts(): void {
    const { oldPkg, out, types } = this;
    for (const s of this.removed) this.removedIds.add(s.rid);
    const chain = oldPkg.rels(this.oldBook).filter((r) => r.type === 'calcChain');
    for (const r of chain) this.removedIds.add(r.id);
    const bookKey = lower(this.oldBook);
    this.keptParts = reachable(
      oldPkg,
      [''],
      (source, rel) => lower(source) === bookKey && this.removedIds.has(rel.id),
    );
    const dropped = reachable(oldPkg, [
      ...this.removed.map((s) => s.part).filter((p): p is string => p !== undefined),
      ...chain.filter((r) => !r.external && oldPkg.has(r.target)).map((r) => r.target),
    ]);
    const carriedNotes = reachable(
      oldPkg,
      this.removed
        .filter(
          (s) => s.part && (this.spec.notesCarried ?? []).some((n) => lower(n) === lower(s.name)),
        )
        .map((s) => s.part!),
    );
    let comments = 0;
    let drawings = 0;
    for (const name of oldPkg.parts()) {
      const key = lower(name);
      if (!dropped.has(key) || this.keptParts.has(key)) continue;
      const type = oldPkg.contentType(name) ?? '';
      if (/comments\+xml$/.test(type) && !carriedNotes.has(key)) comments++;
      if (/drawing\+xml$/.test(type)) drawings++;
      for (const part of [name, relsPartOf(name)]) {
        out.remove(part);
        types.remove(part);
      }
    }
    if (comments + drawings > 0)
      this.warnings.push({
        vi: `Các trang PhuLuc cũ có ${comments} phần ghi chú ô và ${drawings} phần hình vẽ/biểu đồ; chúng được thay cùng các trang đó.`,
        en: `The old PhuLuc sheets held ${comments} comment parts and ${drawings} drawing/chart parts; they are replaced along with those sheets.`,
      });
  }

  private readKeptTables(): void {
    for (const name of this.oldPkg.parts()) {
      if (!this.keptParts.has(lower(name)) || this.oldPkg.contentType(name) !== CT.table) continue;
      const t = parseDom(name, this.oldPkg.text(name)).documentElement!;
      this.tableId = Math.max(this.tableId, Number(t.getAttribute('id')) || 0);
      for (const attr of ['name', 'displayName']) {
        const v = t.getAttribute(attr);
        if (v) this.keptTables.add(upper(v));
      }
    }
  }

  /** The new styles and shared strings appended to the old ones (or added when missing). */
  private mergeStylesAndStrings(): void {
    const { oldPkg, newPkg, out, types } = this;
    const folder = folderOf(this.oldBook);
    const inFolder = (file: string): string => (folder ? `${folder}/${file}` : file);
    const stylesNew = newPkg.relTarget(this.newBook, 'styles');
    if (stylesNew && newPkg.has(stylesNew)) {
      const stylesOld = oldPkg.relTarget(this.oldBook, 'styles');
      const hasOld = stylesOld !== undefined && oldPkg.has(stylesOld);
      const merged = mergeStyles(
        hasOld ? oldPkg.text(stylesOld) : undefined,
        newPkg.text(stylesNew),
      );
      Object.assign(this.maps, merged.maps);
      const part = hasOld ? stylesOld : this.allocate(inFolder('styles.xml'));
      out.set(part, merged.text);
      if (!hasOld) {
        this.bookRels.add(REL.styles, part);
        types.set(part, CT.styles);
      }
    }
    const stringsNew = newPkg.relTarget(this.newBook, 'sharedStrings');
    if (stringsNew && newPkg.has(stringsNew)) {
      const stringsOld = oldPkg.relTarget(this.oldBook, 'sharedStrings');
      if (stringsOld && oldPkg.has(stringsOld)) {
        const merged = mergeSharedStrings(
          stringsOld,
          oldPkg.text(stringsOld),
          newPkg.text(stringsNew),
        );
        this.maps.strings = merged.map;
        out.set(stringsOld, merged.text);
      } else {
        const part = this.allocate(inFolder('sharedStrings.xml'));
        out.set(part, newPkg.bytes(stringsNew));
        this.bookRels.add(REL.sharedStrings, part);
        types.set(part, CT.sharedStrings);
      }
    }
    for (const rel of newPkg.rels(this.newBook)) {
      if (!rel.external && !FRESH_BOOK_PARTS.has(rel.type))
        throw new SpliceError(
          'unsupported',
          `Sổ vừa tạo có phần "${rel.target}" (${rel.type}) chưa ghép được vào sổ đang có.`,
          `The new workbook has a part "${rel.target}" (${rel.type}) that cannot be spliced yet.`,
        );
    }
  }

  /** A part of the new workbook and the parts it uses, copied under fresh names. */
  private copyPart(source: string): string {
    const done = this.copied.get(lower(source));
    if (done) return done;
    const { newPkg, out, types } = this;
    const target = this.allocate(source);
    this.copied.set(lower(source), target);
    const type = newPkg.contentType(source);
    let data: Uint8Array | string = newPkg.bytes(source);
    if (type === CT.worksheet) data = renumberSheet(source, newPkg.text(source), this.maps);
    else if (type === CT.table) data = this.renumberTable(source, newPkg.text(source));
    out.set(target, data);
    if (type) types.set(target, type);
    const relsPart = relsPartOf(source);
    if (newPkg.has(relsPart)) {
      const rels = new Rels(source, newPkg.text(relsPart));
      for (const r of rels.items()) {
        if (lower(r.getAttribute('TargetMode') ?? '') === 'external') continue;
        const child = resolveTarget(source, r.getAttribute('Target') ?? '');
        if (newPkg.has(child))
          r.setAttribute('Target', relativeTarget(target, this.copyPart(child)));
      }
      const targetRels = relsPartOf(target);
      out.set(targetRels, rels.text());
      types.set(targetRels, CT.rels);
    }
    return target;
  }

  /** A new table: an id unused in the workbook, its formats renumbered, its name free. */
  private renumberTable(part: string, text: string): string {
    const doc = parseDom(part, text);
    const t = doc.documentElement!;
    const name = t.getAttribute('displayName') ?? t.getAttribute('name') ?? '';
    if (this.keptTables.has(upper(name)) || this.keptNameKeys.has(`${upper(name)}@`))
      throw new SpliceError(
        'table-name-clash',
        `Sổ đang có đã có bảng hoặc tên "${name}" của người dùng, trùng tên bảng PhuLuc tạo: hãy đổi tên đó rồi làm lại.`,
        `The existing workbook already has a user table or name "${name}", the name of a table PhuLuc writes: rename it and try again.`,
      );
    t.setAttribute('id', String(++this.tableId));
    const visit = (el: XElement): void => {
      for (let i = 0; i < el.attributes.length; i++) {
        const attribute = el.attributes.item(i)!;
        if (!/DxfId$/.test(attribute.localName ?? attribute.name)) continue;
        const to = this.maps.dxf[Number(attribute.value)];
        if (to !== undefined) el.setAttribute(attribute.name, String(to));
      }
      for (const child of childElements(el)) visit(child);
    };
    visit(t);
    return serializeDom(doc);
  }

  /**
   * The defined names of the result: the user's (sheet-scoped ones renumbered, those scoped to
   * a replaced sheet dropped), then the new workbook's (scoped to the new sheets' places).
   */
  private names(): XElement[] {
    const position = new Map(this.order.map((s, i) => [s, i]));
    const ourNames = new Set(this.spec.ourNames.map(upper));
    const names = firstChild(this.book.documentElement!, 'definedNames');
    const keptNames: XElement[] = [];
    const droppedLocal: string[] = [];
    for (const n of names ? childElements(names, 'definedName') : []) {
      const name = n.getAttribute('name') ?? '';
      const local = n.getAttribute('localSheetId');
      if (local === null) {
        if (!ourNames.has(upper(name))) keptNames.push(n);
        continue;
      }
      const sheet = this.oldSheets[Number(local)];
      if (sheet && this.kept.includes(sheet)) {
        n.setAttribute('localSheetId', String(position.get(sheet)));
        keptNames.push(n);
      } else if (!/^_xlnm\./i.test(name)) droppedLocal.push(name);
    }
    if (droppedLocal.length > 0)
      this.warnings.push({
        vi: `Tên ${quoted(droppedLocal)} chỉ dùng trong một trang PhuLuc cũ nên không giữ lại.`,
        en: `The name(s) ${quoted(droppedLocal)} belonged to an old PhuLuc sheet and are not kept.`,
      });
    const scopeKey = (n: XElement): string =>
      `${upper(n.getAttribute('name') ?? '')}@${n.getAttribute('localSheetId') ?? ''}`;
    for (const n of keptNames) this.keptNameKeys.add(scopeKey(n));
    const fresh = firstChild(this.fresh.documentElement!, 'definedNames');
    const added: XElement[] = [];
    for (const n of fresh ? childElements(fresh, 'definedName') : []) {
      const copy = this.book.importNode(n, true) as XElement;
      const local = copy.getAttribute('localSheetId');
      if (local !== null) {
        const sheet = this.newSheets[Number(local)];
        if (!sheet) continue;
        copy.setAttribute('localSheetId', String(position.get(sheet)));
      }
      const name = copy.getAttribute('name') ?? '';
      if (
        this.keptNameKeys.has(scopeKey(copy)) ||
        (local === null && this.keptTables.has(upper(name)))
      )
        throw new SpliceError(
          'name-clash',
          `Sổ đang có đã có tên "${name}" của người dùng, trùng tên PhuLuc dùng: hãy đổi tên đó (Formulas → Name Manager) rồi làm lại.`,
          `The existing workbook already has a user name "${name}" that PhuLuc uses: rename it (Formulas → Name Manager) and try again.`,
        );
      added.push(copy);
    }
    return [...keptNames, ...added];
  }

  /** workbook.xml and its relationships: sheets, names, view, calculation. */
  private writeWorkbook(names: XElement[], parts: Map<SheetEntry, string>): void {
    const root = this.book.documentElement!;
    const sheets = ensureChild(root, 'sheets', WORKBOOK_ORDER);
    let sheetId = 0;
    for (const s of this.oldSheets) {
      sheetId = Math.max(sheetId, Number(s.el.getAttribute('sheetId')) || 0);
      sheets.removeChild(s.el);
    }
    const freshRels = new Map(
      new Rels(this.newBook, this.newPkg.text(relsPartOf(this.newBook)))
        .items()
        .map((r) => [r.getAttribute('Id'), r.getAttribute('Type')]),
    );
    const rPrefix = root.lookupPrefix(NS.r) ?? 'r';
    const added = new Set(this.newSheets);
    for (const s of this.order) {
      if (!added.has(s)) {
        sheets.appendChild(s.el);
        continue;
      }
      const el = createLike(sheets, 'sheet');
      el.setAttribute('name', s.name);
      el.setAttribute('sheetId', String(++sheetId));
      const state = s.el.getAttribute('state');
      if (state && state !== 'visible') el.setAttribute('state', state);
      const part = parts.get(s);
      const type = freshRels.get(s.rid);
      if (!part || !type) throw new Error(`the new sheet "${s.name}" has no part`);
      el.setAttributeNS(NS.r, `${rPrefix}:id`, this.bookRels.add(type, part));
      sheets.appendChild(el);
    }
    this.bookRels.removeIds(this.removedIds);

    const list = firstChild(root, 'definedNames');
    if (list) clearChildren(list);
    if (names.length > 0) {
      const into = list ?? ensureChild(root, 'definedNames', WORKBOOK_ORDER);
      for (const n of names) into.appendChild(n);
    } else if (list) root.removeChild(list);

    const freshViews = firstChild(this.fresh.documentElement!, 'bookViews');
    const freshView = freshViews && firstChild(freshViews, 'workbookView');
    const active = this.newSheets[Number(freshView?.getAttribute('activeTab') ?? 0)];
    if (active) {
      const views = ensureChild(root, 'bookViews', WORKBOOK_ORDER);
      let view = firstChild(views, 'workbookView');
      if (!view) {
        view = createLike(views, 'workbookView');
        views.appendChild(view);
      }
      const tab = this.order.indexOf(active);
      view.setAttribute('activeTab', String(tab));
      if (Number(view.getAttribute('firstSheet') ?? 0) > tab)
        view.setAttribute('firstSheet', String(tab));
      // A kept sheet still marked selected would be grouped with the new active one.
      for (const s of this.kept) {
        if (!s.part) continue;
        const edited = unselectSheet(s.part, this.oldPkg.text(s.part));
        if (edited !== null) this.out.set(s.part, edited);
      }
    }
    ensureChild(root, 'calcPr', WORKBOOK_ORDER).setAttribute('fullCalcOnLoad', '1');
    this.out.set(this.oldBook, serializeDom(this.book));
    this.out.set(relsPartOf(this.oldBook), this.bookRels.text());
  }
}

/** Refuses a workbook whose dates or schema the new sheets cannot share. */
function checkWorkbook(book: XDocument): void {
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
}

/** Title, subject, description and the last save of the new workbook; the rest stays. */
function spliceCore(s: Splicer): void {
  const { oldPkg, newPkg, out, types } = s;
  const freshPart = newPkg.relTarget('', 'core-properties');
  if (!freshPart || !newPkg.has(freshPart)) return;
  const oldPart = oldPkg.relTarget('', 'core-properties');
  if (!oldPart || !oldPkg.has(oldPart)) {
    const part = s.allocate('docProps/core.xml');
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
function spliceApp(s: Splicer, before: string[], after: string[]): void {
  const { oldPkg, out } = s;
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
