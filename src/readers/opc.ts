// Office Open XML packages (.xlsx, .docx): parts, their content types and relationships, as
// every writer stores them — Excel, LibreOffice, openpyxl (absolute targets such as
// "/xl/worksheets/sheet1.xml"), Google Sheets, WPS. Part names are case-insensitive and kept
// without a leading "/". No Node APIs.

import { parseXmlText, XmlError } from './xml';
import { DEFAULT_ZIP_LIMITS, openZip, ZipError, type ZipLimits, type ZipReader } from './zip';

export interface Relationship {
  id: string;
  /** The relationship type's last segment is usually enough: "worksheet", "sharedStrings". */
  type: string;
  /** Resolved part name ("xl/worksheets/sheet1.xml"), or the URI as written when external. */
  target: string;
  external: boolean;
}

export interface Package {
  /** Every part name, as stored. */
  parts(): string[];
  has(part: string): boolean;
  bytes(part: string): Uint8Array;
  /** The part as text (UTF-8 or UTF-16 by its byte-order mark), without the BOM. */
  text(part: string): string;
  /**
   * The part's bytes in pieces as they are inflated, never held whole (for parts parsed as
   * they arrive: sheets, shared strings). Not cached: each call inflates again.
   */
  stream(part: string, onChunk: (chunk: Uint8Array) => void): void;
  contentType(part: string): string | undefined;
  /** Relationships of a part ("" or "/" for the package's own), targets resolved. */
  rels(source: string): Relationship[];
  /** The one target of a relationship type (its last segment), or undefined. */
  relTarget(source: string, typeSuffix: string): string | undefined;
}

export class PackageError extends Error {
  constructor(
    readonly code: ZipError['code'] | 'not-office',
    message: string,
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

const norm = (part: string): string => part.replace(/^\/+/, '');

/** Directory of a part name: "xl/workbook.xml" → "xl". */
function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** Resolves a relationship target against the folder of its source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  const decoded = safeDecode(target.split('#')[0]!);
  if (decoded.startsWith('/')) return normalizePath(decoded.slice(1));
  const base = folderOf(norm(sourcePart));
  return normalizePath(base ? `${base}/${decoded}` : decoded);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The .rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(source: string): string {
  const part = norm(source);
  if (part === '') return '_rels/.rels';
  const folder = folderOf(part);
  const file = part.slice(folder.length ? folder.length + 1 : 0);
  return `${folder ? `${folder}/` : ''}_rels/${file}.rels`;
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Attributes of the elements named `tag` (any prefix) in a small XML part, in order. */
export function elementsOf(xml: string, tag: string, part = 'XML'): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  try {
    parseXmlText(part, xml, {
      open(name, attrs) {
        if (name === tag) out.push(attrs);
      },
    });
  } catch (error) {
    if (error instanceof XmlError) throw new PackageError('damaged', error.message);
    throw error;
  }
  return out;
}

/** Opens an Office package. Bounded like the zip reader it sits on. */
export function openPackage(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Package {
  let zip: ZipReader;
  try {
    zip = openZip(bytes, limits);
  } catch (error) {
    if (error instanceof ZipError) throw new PackageError(error.code, error.message);
    throw error;
  }
  const cache = new Map<string, Uint8Array>();
  const zipCall = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof ZipError) throw new PackageError(error.code, error.message);
      throw error;
    }
  };
  const bytesOf = (part: string): Uint8Array => {
    const key = norm(part).toLowerCase();
    let b = cache.get(key);
    if (!b) {
      b = zipCall(() => zip.read(norm(part)));
      cache.set(key, b);
    }
    return b;
  };
  if (!zip.has('[Content_Types].xml'))
    throw new PackageError('not-office', 'not an Office document (no [Content_Types].xml)');

  const types = decodeText(bytesOf('[Content_Types].xml'));
  const defaults = new Map<string, string>();
  for (const d of elementsOf(types, 'Default', '[Content_Types].xml'))
    if (d.Extension && d.ContentType) defaults.set(d.Extension.toLowerCase(), d.ContentType);
  const overrides = new Map<string, string>();
  for (const d of elementsOf(types, 'Override', '[Content_Types].xml'))
    if (d.PartName && d.ContentType) overrides.set(norm(d.PartName).toLowerCase(), d.ContentType);

  const relsCache = new Map<string, Relationship[]>();
  const pkg: Package = {
    parts: () => zip.members.map((m) => m.name),
    has: (part) => zip.has(norm(part)),
    bytes: bytesOf,
    text: (part) => decodeText(bytesOf(part)),
    stream: (part, onChunk) => zipCall(() => zip.stream(norm(part), onChunk)),
    contentType: (part) => {
      const key = norm(part).toLowerCase();
      const ext = key.slice(key.lastIndexOf('.') + 1);
      return overrides.get(key) ?? defaults.get(ext);
    },
    rels: (source) => {
      const relsPart = relsPartOf(source);
      const key = relsPart.toLowerCase();
      const cached = relsCache.get(key);
      if (cached) return cached;
      const list: Relationship[] = [];
      if (zip.has(relsPart)) {
        for (const r of elementsOf(decodeText(bytesOf(relsPart)), 'Relationship', relsPart)) {
          if (!r.Id || !r.Target || !r.Type) continue;
          const external = (r.TargetMode ?? '').toLowerCase() === 'external';
          list.push({
            id: r.Id,
            type: r.Type.slice(r.Type.lastIndexOf('/') + 1),
            target: external ? r.Target : resolveTarget(norm(source), r.Target),
            external,
          });
        }
      }
      relsCache.set(key, list);
      return list;
    },
    relTarget: (source, typeSuffix) => {
      const rel = pkg.rels(source).find((r) => !r.external && r.type === typeSuffix);
      return rel?.target;
    },
  };
  return pkg;
}
