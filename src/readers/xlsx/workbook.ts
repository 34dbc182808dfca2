// An .xlsx package → XlsxWorkbook. The workbook part, its names, tables and properties are
// read on opening; shared strings and styles when the first sheet is read; each sheet when it
// is asked for. Every part is found through relationships (absolute or relative targets, any
// part name), parsed with saxes as it is inflated, and counted against the limits.

import { parseBoxRef } from '../../excel/a1';
import { openPackage, PackageError, type Package } from '../opc';
import { XmlError, xmlStream, type XmlHandlers } from '../xml';
import { ZipError } from '../zip';
import { Budget } from './budget';
import { legacyCommentsCollector, personsCollector, threadedCommentsCollector } from './comments';
import {
  DEFAULT_XLSX_LIMITS,
  XlsxReadError,
  type XlsxComment,
  type XlsxDefinedName,
  type XlsxLimits,
  type XlsxProperties,
  type XlsxSheet,
  type XlsxSheetInfo,
  type XlsxTable,
  type XlsxWorkbook,
  type XlsxCell,
} from './model';
import { relationshipId, sheetCollector, type ParsedSheet } from './sheet';
import { stylesCollector, themeColorsCollector, type CellStyle } from './styles';
import { sharedStringsCollector } from './text';

/** OLE2 compound file: an Excel 97–2003 file, or an encrypted (password) .xlsx. */
function isOle(b: Uint8Array): boolean {
  return b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

/** Any failure of the layers below, as an XlsxReadError. */
function asXlsxError(error: unknown): unknown {
  if (error instanceof XlsxReadError) return error;
  if (error instanceof PackageError || error instanceof ZipError) {
    const code =
      error.code === 'not-zip' || error.code === 'not-office'
        ? 'not-xlsx'
        : error.code === 'encrypted'
          ? 'unsupported'
          : error.code;
    return new XlsxReadError(code, error.message);
  }
  if (error instanceof XmlError) return new XlsxReadError(error.code, error.message);
  return error;
}

function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw asXlsxError(error);
  }
}

/** Parses one part as it is inflated, counting its elements. */
function parsePart(pkg: Package, part: string, handlers: XmlHandlers, budget: Budget): void {
  const stream = xmlStream(part, handlers, budget.limits.textChars * 8 + 4096, () =>
    budget.element(),
  );
  pkg.stream(part, (chunk) => stream.write(chunk));
  stream.end();
}

/** The text content of elements named in `names` (local names), first occurrence each. */
function textsOf(names: string[]): { handlers: XmlHandlers; values: Map<string, string> } {
  const values = new Map<string, string>();
  let current: string | null = null;
  let text = '';
  return {
    values,
    handlers: {
      open(name) {
        if (names.includes(name) && !values.has(name)) {
          current = name;
          text = '';
        }
      },
      close(name) {
        if (name === current) {
          values.set(name, text);
          current = null;
        }
      },
      text(chars) {
        if (current) text += chars;
      },
    },
  };
}

const truthy = (v: string | undefined): boolean => v === '1' || v === 'true';

interface RawSheet {
  name: string;
  state: XlsxSheetInfo['state'];
  relId?: string;
}

/** Opens an .xlsx workbook; throws XlsxReadError when it cannot be read. */
export function openWorkbook(
  bytes: Uint8Array,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): XlsxWorkbook {
  if (isOle(bytes)) throw new XlsxReadError('old-or-protected', 'an OLE2 compound file');
  return guarded(() => readWorkbook(bytes, limits));
}

function readWorkbook(bytes: Uint8Array, limits: XlsxLimits): XlsxWorkbook {
  const pkg = openPackage(bytes, limits.zip);
  const budget = new Budget(limits);
  const book =
    pkg.relTarget('', 'officeDocument') ?? (pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : null);
  if (!book || !pkg.has(book)) throw new XlsxReadError('not-xlsx', 'no workbook part');
  if (!/\.xml$/i.test(book))
    throw new XlsxReadError('unsupported', `the workbook is stored as "${book}" (an .xlsb?)`);

  // xl/workbook.xml
  let root: string | null = null;
  let date1904 = false;
  let activeTab = 0;
  let viewSeen = false;
  const raw: RawSheet[] = [];
  const rawNames: (Omit<XlsxDefinedName, 'localSheet' | 'formula'> & {
    localSheetId?: number;
    formula: string;
  })[] = [];
  let inName = false;
  parsePart(
    pkg,
    book,
    {
      open(name, attrs) {
        root ??= name;
        if (name === 'workbookPr') date1904 = truthy(attrs.date1904);
        else if (name === 'workbookView' && !viewSeen) {
          viewSeen = true;
          activeTab = Number(attrs.activeTab ?? 0) || 0;
        } else if (name === 'sheet') {
          budget.cell();
          const state =
            attrs.state === 'hidden' || attrs.state === 'veryHidden' ? attrs.state : 'visible';
          const relId = relationshipId(attrs);
          raw.push({ name: attrs.name ?? '', state, ...(relId ? { relId } : {}) });
        } else if (name === 'definedName') {
          budget.cell();
          inName = true;
          const local = attrs.localSheetId === undefined ? NaN : Number(attrs.localSheetId);
          rawNames.push({
            name: attrs.name ?? '',
            formula: '',
            hidden: truthy(attrs.hidden),
            ...(attrs.comment ? { comment: attrs.comment } : {}),
            ...(Number.isInteger(local) ? { localSheetId: local } : {}),
          });
        }
      },
      close(name) {
        if (name === 'definedName') inName = false;
      },
      text(chars) {
        if (inName) rawNames[rawNames.length - 1]!.formula += chars;
      },
    },
    budget,
  );
  if (root !== 'workbook')
    throw new XlsxReadError('not-xlsx', `the main part is <${String(root)}>, not a workbook`);

  const rels = pkg.rels(book);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const sheets: XlsxSheetInfo[] = raw.map((s) => {
    const rel = s.relId ? relById.get(s.relId) : undefined;
    const kind =
      rel?.type === 'worksheet' ? 'worksheet' : rel?.type === 'chartsheet' ? 'chartsheet' : 'other';
    return {
      name: s.name,
      state: s.state,
      part: rel && !rel.external ? rel.target : '',
      kind,
    };
  });
  const worksheets = sheets.filter((s) => s.kind === 'worksheet' && pkg.has(s.part));
  if (worksheets.length === 0) throw new XlsxReadError('no-sheet', 'the workbook has no worksheet');
  const tab = sheets[activeTab];
  const activeSheet =
    tab && tab.kind === 'worksheet' && tab.state === 'visible' && pkg.has(tab.part)
      ? tab.name
      : (worksheets.find((s) => s.state === 'visible') ?? worksheets[0]!).name;

  const definedNames: XlsxDefinedName[] = rawNames.map(({ localSheetId, ...n }) => ({
    name: n.name,
    formula: n.formula,
    localSheet: localSheetId === undefined ? null : (sheets[localSheetId]?.name ?? null),
    hidden: n.hidden,
    ...(n.comment ? { comment: n.comment } : {}),
  }));

  // Tables, through each worksheet's relationships.
  const tables: XlsxTable[] = [];
  for (const sheet of worksheets) {
    for (const rel of pkg.rels(sheet.part)) {
      if (rel.external || rel.type !== 'table' || !pkg.has(rel.target)) continue;
      const table = readTable(pkg, rel.target, sheet.name, budget);
      if (table) tables.push(table);
    }
  }

  const properties = readProperties(pkg, budget);

  // Shared strings, styles and the theme, when the first sheet is read.
  let strings: string[] | null = null;
  const sharedStrings = (): string[] => {
    if (!strings) {
      const part = rels.find((r) => r.type === 'sharedStrings' && !r.external)?.target;
      const c = sharedStringsCollector((t) => budget.keep(t, part ?? 'sharedStrings'));
      if (part && pkg.has(part)) parsePart(pkg, part, c.handlers, budget);
      strings = c.strings;
    }
    return strings;
  };
  let styles: CellStyle[] | null = null;
  const stylesOf = (): CellStyle[] => {
    if (!styles) {
      const part = rels.find((r) => r.type === 'styles' && !r.external)?.target;
      const themePart = rels.find((r) => r.type === 'theme' && !r.external)?.target;
      let theme: string[] | null = null;
      if (themePart && pkg.has(themePart)) {
        const t = themeColorsCollector();
        parsePart(pkg, themePart, t.handlers, budget);
        theme = t.colors();
      }
      const c = stylesCollector();
      if (part && pkg.has(part)) parsePart(pkg, part, c.handlers, budget);
      styles = c.styles(theme);
    }
    return styles;
  };
  let persons: Map<string, string> | null = null;
  const personsOf = (): Map<string, string> => {
    if (!persons) {
      const part = rels.find((r) => r.type === 'person' && !r.external)?.target;
      const c = personsCollector();
      if (part && pkg.has(part)) parsePart(pkg, part, c.handlers, budget);
      persons = c.persons;
    }
    return persons;
  };

  const cache = new Map<string, XlsxSheet>();
  const readSheet = (info: XlsxSheetInfo): XlsxSheet => {
    if (info.kind !== 'worksheet' || !pkg.has(info.part))
      return makeSheet(info.name, emptyParse, []);
    const collector = sheetCollector({
      part: info.part,
      date1904,
      sharedStrings,
      styles: stylesOf,
      budget,
    });
    parsePart(pkg, info.part, collector.handlers, budget);
    const parsed = collector.result();
    const sheetRels = pkg.rels(info.part);
    applyLinks(parsed, sheetRels);
    const comments = readComments(pkg, sheetRels, budget, personsOf);
    return makeSheet(info.name, parsed, comments);
  };

  return {
    sheets,
    activeSheet,
    date1904,
    definedNames,
    tables,
    properties,
    sheet(name) {
      const info =
        sheets.find((s) => s.name === name) ??
        sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!info) throw new XlsxReadError('no-sheet', `no sheet "${name}"`);
      const key = info.name;
      let sheet = cache.get(key);
      if (!sheet) {
        sheet = guarded(() => readSheet(info));
        cache.set(key, sheet);
      }
      return sheet;
    },
  };
}

const emptyParse: ParsedSheet = { cells: [], merges: [], links: [] };

function makeSheet(name: string, parsed: ParsedSheet, comments: XlsxComment[]): XlsxSheet {
  const { cells, merges } = parsed;
  let lastRow = 0;
  let lastCol = 0;
  for (const c of cells) {
    if (c.row > lastRow) lastRow = c.row;
    if (c.col > lastCol) lastCol = c.col;
  }
  let index: Map<number, XlsxCell> | null = null;
  return {
    name,
    cells,
    lastRow,
    lastCol,
    merges,
    comments,
    cell(row, col) {
      if (!index) {
        index = new Map();
        for (const c of cells) index.set(c.row * 16_385 + c.col, c);
      }
      return index.get(row * 16_385 + col);
    },
  };
}

/** Links → cells: a URL target from the sheet's relationships, or "#location". */
function applyLinks(parsed: ParsedSheet, rels: ReturnType<Package['rels']>): void {
  if (parsed.links.length === 0 || parsed.cells.length === 0) return;
  const single = new Map<number, string>();
  const ranges: { box: NonNullable<ReturnType<typeof parseBoxRef>>; target: string }[] = [];
  for (const link of parsed.links) {
    const rel = link.relId ? rels.find((r) => r.id === link.relId) : undefined;
    const base = rel ? rel.target : '';
    const target = link.location ? `${base}#${link.location}` : base;
    if (!target) continue;
    const box = parseBoxRef(link.ref);
    if (!box) continue;
    if (box.top === box.bottom && box.left === box.right) {
      single.set(box.top * 16_385 + box.left, target);
    } else if (ranges.length < 1000) ranges.push({ box, target });
    else single.set(box.top * 16_385 + box.left, target);
  }
  for (const cell of parsed.cells) {
    const hit = single.get(cell.row * 16_385 + cell.col);
    if (hit) {
      cell.hyperlink = hit;
      continue;
    }
    for (const { box, target } of ranges) {
      if (
        cell.row >= box.top &&
        cell.row <= box.bottom &&
        cell.col >= box.left &&
        cell.col <= box.right
      ) {
        cell.hyperlink = target;
        break;
      }
    }
  }
}

function readComments(
  pkg: Package,
  rels: ReturnType<Package['rels']>,
  budget: Budget,
  persons: () => Map<string, string>,
): XlsxComment[] {
  const legacy: XlsxComment[] = [];
  const threaded: XlsxComment[] = [];
  for (const rel of rels) {
    if (rel.external || !pkg.has(rel.target)) continue;
    if (rel.type === 'comments') {
      const c = legacyCommentsCollector(budget, rel.target);
      parsePart(pkg, rel.target, c.handlers, budget);
      legacy.push(...c.comments);
    } else if (rel.type === 'threadedComment') {
      const c = threadedCommentsCollector(budget, rel.target);
      parsePart(pkg, rel.target, c.handlers, budget);
      threaded.push(...c.comments(persons()));
    }
  }
  if (threaded.length === 0) return legacy;
  const threads = new Set(threaded.map((c) => `${c.row}:${c.col}`));
  return [...legacy.filter((c) => !threads.has(`${c.row}:${c.col}`)), ...threaded].sort(
    (a, b) => a.row - b.row || a.col - b.col,
  );
}

function readTable(pkg: Package, part: string, sheet: string, budget: Budget): XlsxTable | null {
  let table: XlsxTable | null = null;
  parsePart(
    pkg,
    part,
    {
      open(name, attrs) {
        if (name === 'table' && !table) {
          const count = attrs.headerRowCount === undefined ? 1 : Number(attrs.headerRowCount);
          table = {
            name: attrs.displayName ?? attrs.name ?? '',
            sheet,
            ref: attrs.ref ?? '',
            columns: [],
            headerRowCount: Number.isFinite(count) ? count : 1,
          };
        } else if (name === 'tableColumn' && table) {
          budget.cell();
          table.columns.push(attrs.name ?? '');
        }
      },
    },
    budget,
  );
  return table;
}

function readProperties(pkg: Package, budget: Budget): XlsxProperties {
  const properties: XlsxProperties = {
    title: '',
    subject: '',
    creator: '',
    description: '',
    custom: {},
  };
  const rels = pkg.rels('');
  const core =
    rels.find((r) => r.type === 'core-properties' && !r.external)?.target ??
    (pkg.has('docProps/core.xml') ? 'docProps/core.xml' : undefined);
  if (core && pkg.has(core)) {
    const t = textsOf(['title', 'subject', 'creator', 'description']);
    parsePart(pkg, core, t.handlers, budget);
    properties.title = budget.keep(t.values.get('title') ?? '', core);
    properties.subject = budget.keep(t.values.get('subject') ?? '', core);
    properties.creator = budget.keep(t.values.get('creator') ?? '', core);
    properties.description = budget.keep(t.values.get('description') ?? '', core);
  }
  const custom =
    rels.find((r) => r.type === 'custom-properties' && !r.external)?.target ??
    (pkg.has('docProps/custom.xml') ? 'docProps/custom.xml' : undefined);
  if (custom && pkg.has(custom)) {
    let current: string | null = null;
    let text = '';
    parsePart(
      pkg,
      custom,
      {
        open(name, attrs) {
          if (name === 'property') {
            budget.cell();
            current = attrs.name ?? null;
            text = '';
          }
        },
        close(name) {
          if (name === 'property' && current !== null) {
            properties.custom[current] = budget.keep(text, custom);
            current = null;
          }
        },
        text(chars) {
          if (current !== null) text += chars;
        },
      },
      budget,
    );
  }
  return properties;
}
