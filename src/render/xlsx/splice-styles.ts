// The styles of new sheets merged into an existing workbook's styles.xml: every font, fill,
// border, number format, cell format (xf) and differential format (dxf, for conditional
// formats and tables) the new sheets use is appended to the old lists, or found there when an
// equal one exists (so rebuilding again does not grow the file). Old indices never change, so
// the sheets that are kept read their styles exactly as before. Returns where each new index
// went; the caller rewrites the new sheets' s / style / dxfId attributes with it.
//
// A tracker's styles.xml can hold thousands of dxfs (about 18 a sheet), so it is read as a
// light tree (parseTree), not a DOM.

import {
  cloneTree,
  parseTree,
  prefixesOf,
  serializeTree,
  treeChildren,
  treeKey,
  treeLocal,
  type TreeElement,
} from './xml-edit';

/** CT_Stylesheet's sequence. */
const STYLE_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;
type StyleList = (typeof STYLE_ORDER)[number];

/** The first id Excel leaves to custom number formats. */
const FIRST_CUSTOM_FORMAT = 164;

export interface StyleMaps {
  /** New cell format index (c/@s, row/@s, col/@style) → merged index. */
  xf: number[];
  /** New differential format index (dxfId) → merged index. */
  dxf: number[];
}

export interface MergedStyles {
  text: string;
  maps: StyleMaps;
}

const identity = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

function intAttr(el: TreeElement, name: string): number | undefined {
  const v = el.attributes[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

function child(parent: TreeElement, local: string): TreeElement | undefined {
  return treeChildren(parent, local)[0];
}

const prefixOf = (name: string): string =>
  name.includes(':') ? name.slice(0, name.indexOf(':')) : '';
const declaration = (prefix: string): string => (prefix ? `xmlns:${prefix}` : 'xmlns');

/** The list `local` of the root, created at its place in the schema's sequence when missing. */
function ensureList(root: TreeElement, local: StyleList): TreeElement {
  const found = child(root, local);
  if (found) return found;
  const prefix = prefixOf(root.name);
  const el: TreeElement = {
    name: prefix ? `${prefix}:${local}` : local,
    attributes: {},
    children: [],
  };
  const rank = STYLE_ORDER.indexOf(local);
  const at = root.children.findIndex((c) => {
    if (!('name' in c)) return false;
    const r = STYLE_ORDER.indexOf(treeLocal(c) as StyleList);
    return r > rank;
  });
  if (at < 0) root.children.push(el);
  else root.children.splice(at, 0, el);
  return el;
}

/**
 * Merges `freshText` (the new workbook's styles.xml) into `oldText`. Without an old styles
 * part the new one is used as it is.
 */
export function mergeStyles(oldText: string | undefined, freshText: string): MergedStyles {
  const fresh = parseTree('styles.xml (new)', freshText);
  const nRoot = fresh.root;
  if (oldText === undefined) {
    const count = (list: string): number => {
      const el = child(nRoot, list);
      return el ? treeChildren(el).length : 0;
    };
    return {
      text: freshText,
      maps: { xf: identity(count('cellXfs')), dxf: identity(count('dxfs')) },
    };
  }
  const old = parseTree('styles.xml', oldText);
  const oRoot = old.root;

  /** Declarations a copied element needs when its prefixes mean something else in the old part. */
  const adopt = (el: TreeElement): TreeElement => {
    for (const prefix of prefixesOf(el)) {
      if (prefix === 'xml') continue;
      const uri = nRoot.attributes[declaration(prefix)];
      if (
        uri !== undefined &&
        oRoot.attributes[declaration(prefix)] !== uri &&
        !(declaration(prefix) in el.attributes)
      )
        el.attributes[declaration(prefix)] = uri;
    }
    return el;
  };

  // Number formats: by format code; new custom ids after every id in use.
  const codeToId = new Map<string, number>();
  let nextFormat = FIRST_CUSTOM_FORMAT;
  const formatsOld = child(oRoot, 'numFmts');
  for (const f of formatsOld ? treeChildren(formatsOld, 'numFmt') : []) {
    const id = intAttr(f, 'numFmtId');
    const code = f.attributes['formatCode'];
    if (id === undefined || code === undefined) continue;
    if (!codeToId.has(code)) codeToId.set(code, id);
    nextFormat = Math.max(nextFormat, id + 1);
  }
  const freshCodes = new Map<number, string>();
  const formatsNew = child(nRoot, 'numFmts');
  for (const f of formatsNew ? treeChildren(formatsNew, 'numFmt') : []) {
    const id = intAttr(f, 'numFmtId');
    const code = f.attributes['formatCode'];
    if (id !== undefined && code !== undefined) freshCodes.set(id, code);
  }
  const idForCode = (code: string): number => {
    const hit = codeToId.get(code);
    if (hit !== undefined) return hit;
    const list = ensureList(oRoot, 'numFmts');
    const id = nextFormat++;
    const prefix = prefixOf(list.name);
    list.children.push({
      name: prefix ? `${prefix}:numFmt` : 'numFmt',
      attributes: { numFmtId: String(id), formatCode: code },
      children: [],
    });
    list.attributes['count'] = String(treeChildren(list, 'numFmt').length);
    codeToId.set(code, id);
    return id;
  };
  const remapFormat = (el: TreeElement): void => {
    const id = intAttr(el, 'numFmtId');
    const code = id === undefined ? undefined : freshCodes.get(id);
    if (code !== undefined) el.attributes['numFmtId'] = String(idForCode(code));
  };

  /** Appends the new list's items to the old list, reusing equal ones; new index → merged. */
  const mergeList = (
    local: StyleList,
    prepare: (copy: TreeElement) => void = () => {},
    pinned: Map<number, number> = new Map(),
  ): number[] => {
    const listNew = child(nRoot, local);
    const items = listNew ? treeChildren(listNew) : [];
    if (items.length === 0) return [];
    const list = ensureList(oRoot, local);
    const index = new Map<string, number>();
    let count = 0;
    for (const el of treeChildren(list)) {
      const key = treeKey(el);
      if (!index.has(key)) index.set(key, count);
      count++;
    }
    const map = items.map((item, i) => {
      const pin = pinned.get(i);
      if (pin !== undefined && pin < count) return pin;
      const copy = cloneTree(item);
      prepare(copy);
      const key = treeKey(copy);
      const hit = index.get(key);
      if (hit !== undefined) return hit;
      list.children.push(adopt(copy));
      index.set(key, count);
      return count++;
    });
    list.attributes['count'] = String(count);
    return map;
  };

  const fonts = mergeList('fonts');
  const fills = mergeList('fills');
  const borders = mergeList('borders');
  const remapId = (el: TreeElement, attr: string, map: number[]): void => {
    const id = intAttr(el, attr);
    if (id !== undefined && map[id] !== undefined) el.attributes[attr] = String(map[id]);
  };
  const remapXf = (xf: TreeElement): void => {
    remapFormat(xf);
    remapId(xf, 'fontId', fonts);
    remapId(xf, 'fillId', fills);
    remapId(xf, 'borderId', borders);
  };
  // The new sheets' one named style is "Normal": the old workbook's Normal (index 0) serves.
  const styleXfs = mergeList('cellStyleXfs', remapXf, new Map([[0, 0]]));
  const xf = mergeList('cellXfs', (copy) => {
    remapXf(copy);
    remapId(copy, 'xfId', styleXfs);
  });
  const dxf = mergeList('dxfs', (copy) => {
    for (const f of treeChildren(copy, 'numFmt')) {
      const code = f.attributes['formatCode'];
      if (code !== undefined) f.attributes['numFmtId'] = String(idForCode(code));
    }
  });

  // Custom table styles of the new workbook (renderXlsx writes none today), by name.
  const stylesNew = child(nRoot, 'tableStyles');
  const customNew = stylesNew ? treeChildren(stylesNew, 'tableStyle') : [];
  if (customNew.length > 0) {
    const list = ensureList(oRoot, 'tableStyles');
    const names = new Set(treeChildren(list, 'tableStyle').map((t) => t.attributes['name']));
    for (const style of customNew) {
      if (names.has(style.attributes['name'])) continue;
      const copy = cloneTree(style);
      for (const part of treeChildren(copy, 'tableStyleElement')) remapId(part, 'dxfId', dxf);
      list.children.push(adopt(copy));
    }
    list.attributes['count'] = String(treeChildren(list, 'tableStyle').length);
  }

  return { text: serializeTree(old), maps: { xf, dxf } };
}
