// Editing the XML parts of a package without rewriting what is not edited:
// - `scanXml` (saxes, a streaming parser) reports every tag with its place in the text, so a
//   large part (a worksheet of 10,000 rows) can have a few attributes or texts replaced while
//   every other character stays as it was, in one fast pass;
// - `parseTree` / `serializeTree`: a light tree on the same parser, for a large part edited as
//   a whole (styles.xml: a tracker's can hold thousands of formats);
// - `parseDom` / `serializeDom` (@xmldom/xmldom) for the small parts edited as a whole
//   (workbook, relationships, content types, properties, tables).
// No Node APIs: the page runs this too.

import {
  DOMParser,
  XMLSerializer,
  type Document as XDocument,
  type Element as XElement,
  type Node as XNode,
} from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';
import { attrValue } from './xml';

export type { XDocument, XElement, XNode };

/** A part whose XML cannot be read. */
export class XmlPartError extends Error {
  constructor(
    readonly part: string,
    message: string,
  ) {
    super(`${part}: ${message}`);
    this.name = 'XmlPartError';
  }
}

export interface ScannedTag {
  /** Qualified name as written ("c", "x14:cfRule"). */
  name: string;
  /** Name without its prefix. */
  local: string;
  /** Attributes as parsed (entities decoded), in document order. */
  attributes: Record<string, string>;
  /** Offsets in the text: `text.slice(start, end)` is the whole start tag. */
  start: number;
  end: number;
  selfClosing: boolean;
  /** 0 for the root element. */
  depth: number;
}

export interface ScannedClose {
  name: string;
  local: string;
  selfClosing: boolean;
  /** Offsets of the end tag (equal to the start tag's for a self-closing element). */
  start: number;
  end: number;
  depth: number;
}

export interface ScanHandlers {
  open?(tag: ScannedTag): void;
  close?(tag: ScannedClose): void;
  /** Text (entities decoded); a CDATA section comes as its text. */
  text?(text: string): void;
  /** A comment (as written) or a processing instruction. */
  other?(raw: string): void;
}

const localOf = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Reads `text` as XML, reporting tags with their offsets. Throws XmlPartError when the text is
 * not well-formed. `partial` stops without the end-of-document checks (for a prefix of a part).
 */
export function scanXml(part: string, text: string, handlers: ScanHandlers, partial = false): void {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let depth = 0;
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const end = parser.position;
    const start = text.lastIndexOf('<', end - 1);
    handlers.open?.({
      name: tag.name,
      local: localOf(tag.name),
      attributes: tag.attributes,
      start,
      end,
      selfClosing: tag.isSelfClosing,
      depth,
    });
    if (!tag.isSelfClosing) depth++;
  });
  parser.on('closetag', (tag) => {
    const end = parser.position;
    if (!tag.isSelfClosing) depth--;
    const start = text.lastIndexOf('<', end - 1);
    handlers.close?.({
      name: tag.name,
      local: localOf(tag.name),
      selfClosing: tag.isSelfClosing,
      start,
      end,
      depth,
    });
  });
  const onText = handlers.text;
  if (onText) {
    parser.on('text', onText);
    parser.on('cdata', onText); // the same characters, written another way
  }
  const other = handlers.other;
  if (other) {
    // A comment cannot hold "--": it is the last "<!--" here up to the next "-->".
    parser.on('comment', () => {
      const start = text.lastIndexOf('<!--', parser.position);
      other(text.slice(start, text.indexOf('-->', start + 4) + 3));
    });
    parser.on('processinginstruction', (pi) =>
      other(`<?${pi.target}${pi.body ? ` ${pi.body}` : ''}?>`),
    );
  }
  try {
    parser.write(text);
    if (!partial) parser.close();
  } catch (error) {
    failure ??= error instanceof Error ? error : new Error(String(error));
  }
  if (failure) throw new XmlPartError(part, failure.message);
}

/** A replacement of `text.slice(start, end)`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits (any order, not overlapping); the text between them is copied as it was. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  if (edits.length === 0) return text;
  const ordered = edits.every((e, i) => i === 0 || edits[i - 1]!.start <= e.start);
  const sorted = ordered ? edits : [...edits].sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error('overlapping XML edits');
    out.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(text.slice(at));
  return out.join('');
}

const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/**
 * Where the value of attribute `name` is written inside a scanned start tag (between its
 * quotes), found by reading the tag's attributes in order; undefined when it has none.
 */
export function attributeValueAt(
  text: string,
  tag: ScannedTag,
  name: string,
): { start: number; end: number } | undefined {
  ATTRIBUTE.lastIndex = tag.start + 1 + tag.name.length;
  for (let m = ATTRIBUTE.exec(text); m && m.index < tag.end; m = ATTRIBUTE.exec(text)) {
    if (m[1] !== name) continue;
    const value = m[2] ?? m[3] ?? '';
    const end = ATTRIBUTE.lastIndex - 1;
    return { start: end - value.length, end };
  }
  return undefined;
}

/** A start tag written from a name and its attributes. */
export function startTag(
  name: string,
  attributes: Record<string, string>,
  selfClosing: boolean,
): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) out += ` ${key}="${attrValue(value)}"`;
  return `${out}${selfClosing ? '/>' : '>'}`;
}

/** The namespace a prefix ("" for the default) is bound to by the root tag's attributes. */
export function rootNamespace(tag: ScannedTag): string | undefined {
  const prefix = tag.name.includes(':') ? tag.name.slice(0, tag.name.indexOf(':')) : '';
  return tag.attributes[prefix ? `xmlns:${prefix}` : 'xmlns'];
}

/** An element of a part read whole (`parseTree`): a light tree, quick to build and write. */
export interface TreeElement {
  name: string;
  attributes: Record<string, string>;
  children: TreeNode[];
}

/** Text (as read: entities decoded), or markup kept as written (comments, CDATA). */
export type TreeNode = TreeElement | { text: string } | { raw: string };

export interface Tree {
  /** What comes before the root element (declaration, comments), as written. */
  before: string;
  root: TreeElement;
  after: string;
}

const isTreeElement = (node: TreeNode): node is TreeElement => 'name' in node;

/** A part as a light tree (for large parts edited as a whole: xmldom is ~10× slower). */
export function parseTree(part: string, text: string): Tree {
  const stack: TreeElement[] = [];
  let root: TreeElement | undefined;
  let rootStart = 0;
  let rootEnd = text.length;
  scanXml(part, text, {
    open: (tag) => {
      const el: TreeElement = { name: tag.name, attributes: { ...tag.attributes }, children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else {
        root = el;
        rootStart = tag.start;
      }
      if (!tag.selfClosing) stack.push(el);
      else if (!parent) rootEnd = tag.end;
    },
    close: (tag) => {
      if (tag.selfClosing) return;
      stack.pop();
      if (stack.length === 0) rootEnd = tag.end;
    },
    text: (t) => stack[stack.length - 1]?.children.push({ text: t }),
    other: (raw) => stack[stack.length - 1]?.children.push({ raw }),
  });
  if (!root) throw new XmlPartError(part, 'no root element');
  return { before: text.slice(0, rootStart), root, after: text.slice(rootEnd) };
}

function textValue(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

function writeElement(el: TreeElement, out: string[]): void {
  const open = startTag(el.name, el.attributes, el.children.length === 0);
  out.push(open);
  if (el.children.length === 0) return;
  for (const c of el.children) {
    if (isTreeElement(c)) writeElement(c, out);
    else if ('text' in c) out.push(textValue(c.text));
    else out.push(c.raw);
  }
  out.push(`</${el.name}>`);
}

export function serializeTree(tree: Tree): string {
  const out: string[] = [tree.before];
  writeElement(tree.root, out);
  out.push(tree.after);
  return out.join('');
}

/** Element children of a tree element, optionally only those with a local name. */
export function treeChildren(el: TreeElement, local?: string): TreeElement[] {
  const out: TreeElement[] = [];
  for (const c of el.children)
    if (isTreeElement(c) && (local === undefined || localOf(c.name) === local)) out.push(c);
  return out;
}

export const treeLocal = (el: TreeElement): string => localOf(el.name);

/** Comparable text of a tree element: attributes sorted, namespace declarations left out. */
export function treeKey(el: TreeElement): string {
  const attrs = Object.entries(el.attributes)
    .filter(([k]) => k !== 'xmlns' && !k.startsWith('xmlns:'))
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(' ');
  let inner = '';
  for (const c of el.children) {
    if (isTreeElement(c)) inner += treeKey(c);
    else if ('text' in c) inner += textValue(c.text);
  }
  return `<${el.name} ${attrs}>${inner}</>`;
}

/** A deep copy. */
export function cloneTree(el: TreeElement): TreeElement {
  return {
    name: el.name,
    attributes: { ...el.attributes },
    children: el.children.map((c) => (isTreeElement(c) ? cloneTree(c) : { ...c })),
  };
}

/** The prefixes ("" for none) an element and its descendants use in names. */
export function prefixesOf(el: TreeElement, into = new Set<string>()): Set<string> {
  const prefixOf = (name: string): string =>
    name.includes(':') ? name.slice(0, name.indexOf(':')) : '';
  into.add(prefixOf(el.name));
  for (const k of Object.keys(el.attributes)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    if (k.includes(':')) into.add(prefixOf(k));
  }
  for (const c of treeChildren(el)) prefixesOf(c, into);
  return into;
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** A small part as a DOM. Throws XmlPartError when it is not well-formed XML. */
export function parseDom(part: string, text: string): XDocument {
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new XmlPartError(part, message);
      },
    }).parseFromString(text, 'text/xml');
    if (!doc.documentElement) throw new XmlPartError(part, 'no root element');
    return doc;
  } catch (error) {
    if (error instanceof XmlPartError) throw error;
    throw new XmlPartError(part, error instanceof Error ? error.message : String(error));
  }
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** The document as text, with an XML declaration (UTF-8) whether or not it had one. */
export function serializeDom(doc: XDocument): string {
  const root = doc.documentElement;
  if (!root) throw new Error('document without a root element');
  return XML_DECLARATION + new XMLSerializer().serializeToString(root);
}

function isElement(node: XNode | null): node is XElement {
  return node !== null && node.nodeType === 1;
}

/** Element children of `parent`, optionally only those with a local name. */
export function childElements(parent: XElement, local?: string): XElement[] {
  const out: XElement[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && (local === undefined || n.localName === local)) out.push(n);
  }
  return out;
}

export function firstChild(parent: XElement, local: string): XElement | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && n.localName === local) return n;
  }
  return undefined;
}

/** A new element in the namespace and with the prefix of `like`. */
export function createLike(like: XElement, local: string): XElement {
  const doc = like.ownerDocument;
  if (!doc) throw new Error('element without a document');
  const name = like.prefix ? `${like.prefix}:${local}` : local;
  return doc.createElementNS(like.namespaceURI, name);
}

/**
 * The child of `parent` named `local`, created at its place in the schema's sequence `order`
 * (local names) when missing.
 */
export function ensureChild(parent: XElement, local: string, order: readonly string[]): XElement {
  const found = firstChild(parent, local);
  if (found) return found;
  const el = createLike(parent, local);
  const rank = order.indexOf(local);
  let before: XElement | null = null;
  for (const child of childElements(parent)) {
    const r = order.indexOf(child.localName ?? '');
    if (r > rank || (r < 0 && child.localName === 'extLst')) {
      before = child;
      break;
    }
  }
  parent.insertBefore(el, before);
  return el;
}

/** Removes every child node. */
export function clearChildren(el: XElement): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}
