// Reading a unit directory supplied by the user (JSON or CSV). The directory is editable data,
// never hard-wired: names changed on 1 July 2025 and differ between provinces.

import Papa from 'papaparse';
import { cleanUnitName, foldSpaces } from './text';
import { unitKey } from './key';

export interface UnitDirectoryEntry {
  /** The canonical name. */
  name: string;
  /** Other spellings of the same unit (the name itself is not repeated). */
  aliases: string[];
  /** A collective ("Các phòng chuyên môn") rather than one body. */
  group: boolean;
  /** Members of a group, by name. */
  members: string[];
}

export type UnitDirectoryFormat = 'json' | 'csv';

/** Where a problem is, for messages: "mục 3" / "entry 3", "dòng 4" / "row 4". */
interface Where {
  vi: string;
  en: string;
}

function fail(vi: string, en: string): never {
  throw new Error(`${vi} / ${en}`);
}

/** Header and key spellings → field. Compared after NFC, lowercase, spaces folded, "_"/"-" as space. */
const FIELD_NAMES: Record<keyof UnitDirectoryEntry, string[]> = {
  name: ['name', 'tên', 'ten', 'tên đơn vị', 'ten don vi', 'đơn vị', 'don vi', 'unit'],
  aliases: [
    'aliases',
    'alias',
    'other names',
    'tên khác',
    'ten khac',
    'các tên khác',
    'tên gọi khác',
    'bí danh',
  ],
  group: ['group', 'is group', 'nhóm', 'nhom', 'là nhóm', 'la nhom'],
  members: ['members', 'member', 'thành viên', 'thanh vien', 'đơn vị thành viên', 'các thành viên'],
};

function normalizeFieldName(text: string): string {
  return foldSpaces(text.replace(/^\ufeff/u, ''))
    .toLowerCase()
    .replace(/[_-]+/gu, ' ')
    .trim();
}

function fieldOf(header: string): keyof UnitDirectoryEntry | null {
  const h = normalizeFieldName(header);
  for (const field of Object.keys(FIELD_NAMES) as (keyof UnitDirectoryEntry)[]) {
    if (FIELD_NAMES[field].includes(h)) return field;
  }
  return null;
}

const TRUE_WORDS = new Set(['x', 'có', 'co', '1', 'true', 'yes', 'y', 'đúng', 'dung', 'nhóm', 'v']);
const FALSE_WORDS = new Set(['', '0', 'false', 'no', 'n', 'không', 'khong', 'sai', '-']);

function parseGroup(value: unknown, where: Where): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
  if (typeof value === 'string') {
    const v = foldSpaces(value).toLowerCase();
    if (TRUE_WORDS.has(v)) return true;
    if (FALSE_WORDS.has(v)) return false;
  }
  return fail(
    `Danh mục đơn vị, ${where.vi}: giá trị "nhóm" không hiểu được (${JSON.stringify(value)}); dùng x/có/1/true hoặc để trống`,
    `unit directory, ${where.en}: unreadable "group" value (${JSON.stringify(value)}); use x/có/1/true or leave it empty`,
  );
}

function parseList(value: unknown, field: Where, where: Where): string[] {
  if (value === undefined || value === null) return [];
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'string') items = value.split(/[;\n]/u);
  else {
    return fail(
      `Danh mục đơn vị, ${where.vi}: "${field.vi}" phải là một danh sách hoặc chuỗi phân cách bằng ";"`,
      `unit directory, ${where.en}: "${field.en}" must be a list or a ";"-separated string`,
    );
  }
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') {
      return fail(
        `Danh mục đơn vị, ${where.vi}: mỗi phần tử của "${field.vi}" phải là chuỗi`,
        `unit directory, ${where.en}: every item of "${field.en}" must be a string`,
      );
    }
    const name = cleanUnitName(item);
    if (name !== '' && !out.includes(name)) out.push(name);
  }
  return out;
}

function makeEntry(fields: Partial<Record<keyof UnitDirectoryEntry, unknown>>, where: Where) {
  const rawName = fields.name;
  if (rawName !== undefined && rawName !== null && typeof rawName !== 'string') {
    fail(
      `Danh mục đơn vị, ${where.vi}: "tên" phải là chuỗi`,
      `unit directory, ${where.en}: "name" must be a string`,
    );
  }
  const name = typeof rawName === 'string' ? cleanUnitName(rawName) : '';
  if (name === '') {
    fail(
      `Danh mục đơn vị, ${where.vi}: thiếu tên đơn vị`,
      `unit directory, ${where.en}: the unit name is empty`,
    );
  }
  const entry: UnitDirectoryEntry = {
    name,
    aliases: parseList(fields.aliases, { vi: 'tên khác', en: 'aliases' }, where).filter(
      (alias) => alias !== name,
    ),
    group: parseGroup(fields.group, where),
    members: parseList(fields.members, { vi: 'thành viên', en: 'members' }, where),
  };
  return entry;
}

function parseJson(content: string): UnitDirectoryEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\ufeff/u, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail(
      `Danh mục đơn vị: nội dung JSON không hợp lệ (${detail})`,
      `unit directory: invalid JSON (${detail})`,
    );
  }
  let list: unknown = data;
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const obj = data as Record<string, unknown>;
    list = obj.units ?? obj['đơn vị'] ?? obj['don vi'];
  }
  if (!Array.isArray(list)) {
    return fail(
      'Danh mục đơn vị: JSON phải là một mảng các đơn vị hoặc { "units": [...] }',
      'unit directory: JSON must be an array of units or { "units": [...] }',
    );
  }
  return list.map((item, i) => {
    const where = { vi: `mục ${i + 1}`, en: `entry ${i + 1}` };
    if (typeof item === 'string') return makeEntry({ name: item }, where);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return fail(
        `Danh mục đơn vị, ${where.vi}: mỗi đơn vị phải là một đối tượng { "name": … }`,
        `unit directory, ${where.en}: each unit must be an object { "name": … }`,
      );
    }
    const fields: Partial<Record<keyof UnitDirectoryEntry, unknown>> = {};
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      const field = fieldOf(k);
      if (field !== null && fields[field] === undefined) fields[field] = v;
    }
    return makeEntry(fields, where);
  });
}

/** The delimiter of the header line: tab, else comma, else semicolon (quotes respected). */
function detectDelimiter(content: string): string {
  const counts: Record<string, number> = { '\t': 0, ',': 0, ';': 0 };
  let quoted = false;
  for (const ch of content) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  if ((counts['\t'] ?? 0) > 0) return '\t';
  if ((counts[','] ?? 0) > 0) return ',';
  if ((counts[';'] ?? 0) > 0) return ';';
  return ',';
}

function parseCsv(content: string): UnitDirectoryEntry[] {
  const text = content.replace(/^\ufeff/u, '');
  if (text.trim() === '') {
    return fail('Danh mục đơn vị: tệp CSV trống', 'unit directory: the CSV file is empty');
  }
  const result = Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    skipEmptyLines: 'greedy',
  });
  const error = result.errors[0];
  if (error !== undefined) {
    const row = error.row !== undefined ? ` (dòng ${error.row + 1})` : '';
    const rowEn = error.row !== undefined ? ` (row ${error.row + 1})` : '';
    return fail(
      `Danh mục đơn vị: CSV không hợp lệ${row}: ${error.message}`,
      `unit directory: invalid CSV${rowEn}: ${error.message}`,
    );
  }
  const [header, ...rows] = result.data;
  const columns: Partial<Record<keyof UnitDirectoryEntry, number>> = {};
  (header ?? []).forEach((h, i) => {
    const field = fieldOf(h);
    if (field !== null && columns[field] === undefined) columns[field] = i;
  });
  if (columns.name === undefined) {
    return fail(
      'Danh mục đơn vị: CSV thiếu cột tên (dòng đầu phải có "tên" hoặc "name"; các cột khác: "tên khác"/"aliases", "nhóm"/"group", "thành viên"/"members")',
      'unit directory: the CSV has no name column (the first row must have "name" or "tên"; other columns: "aliases", "group", "members")',
    );
  }
  return rows.map((row, i) => {
    const cell = (field: keyof UnitDirectoryEntry): string | undefined => {
      const col = columns[field];
      return col === undefined ? undefined : row[col];
    };
    return makeEntry(
      {
        name: cell('name'),
        aliases: cell('aliases'),
        group: cell('group'),
        members: cell('members'),
      },
      { vi: `dòng ${i + 2}`, en: `row ${i + 2}` },
    );
  });
}

/** Two entries may not claim the same name: the directory would be ambiguous. */
function checkDuplicates(entries: UnitDirectoryEntry[]): void {
  const owner = new Map<string, string>();
  for (const entry of entries) {
    const keys = new Set([entry.name, ...entry.aliases].map(unitKey));
    for (const key of keys) {
      const other = owner.get(key);
      if (other !== undefined) {
        fail(
          `Danh mục đơn vị: tên "${entry.name}" (hoặc một tên khác của nó) trùng với đơn vị "${other}"`,
          `unit directory: "${entry.name}" (or one of its aliases) clashes with the unit "${other}"`,
        );
      }
      owner.set(key, entry.name);
    }
  }
}

/**
 * Reads a unit directory. JSON: an array of { name, aliases, group, members } (or { units: [...] };
 * Vietnamese keys "tên", "tên khác", "nhóm", "thành viên" also work); aliases and members are
 * arrays or ";"-separated strings; group is a boolean or "x"/"có"/"1"/"true". CSV: a header row
 * with name/tên, aliases/tên khác, group/nhóm, members/thành viên; lists separated by ";".
 * Throws an Error (Vietnamese / English message) on malformed content.
 */
export function parseUnitDirectory(
  content: string,
  format: UnitDirectoryFormat,
): UnitDirectoryEntry[] {
  let entries: UnitDirectoryEntry[];
  if (format === 'json') entries = parseJson(content);
  else if (format === 'csv') entries = parseCsv(content);
  else {
    return fail(
      `Danh mục đơn vị: định dạng không hỗ trợ "${String(format)}"`,
      `unit directory: unsupported format "${String(format)}"`,
    );
  }
  checkDuplicates(entries);
  return entries;
}
