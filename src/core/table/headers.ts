import type { ColumnRole } from '../plan/types';
import { cleanInline } from '../text/cell';
import { foldDiacritics } from '../text/normalize';

// Header spellings of docs/domain.md, matched without diacritics so "Thoi gian" and "Thời
// gian" both count. Order matters: the first rule that matches names the role.
const ROLE_RULES: { role: ColumnRole; pattern: RegExp }[] = [
  { role: 'stt', pattern: /^(so\s*)?(s\.?\s*)?t\.?\s*t\.?$|^so thu tu$/ },
  // "Nhiệm vụ chủ trì" (the tasks a unit leads, under a unit column headed "Đơn vị") is the task.
  { role: 'task', pattern: /^(ten )?(nhiem vu|noi dung|cong viec) chu tri$/ },
  { role: 'support', pattern: /phoi hop/ },
  {
    role: 'lead',
    pattern:
      /chu tri|^(don vi|co quan|bo phan|trach nhiem) (thuc hien|thuc hien chinh|phu trach)$|^(chiu trach nhiem|phu trach|trach nhiem)$/,
  },
  { role: 'start', pattern: /^(thoi gian |ngay )?bat dau$|^tu ngay$/ },
  { role: 'due', pattern: /^(hoan thanh|ket thuc|den ngay)$/ },
  {
    role: 'time',
    pattern:
      /^(thoi gian|thoi han|tien do|moc thoi gian)( (thuc hien|hoan thanh|trien khai|bat dau|ket thuc))?( \(.*\))?$|^(thoi gian|thoi han|tien do) (thuc hien|hoan thanh)/,
  },
  {
    role: 'product',
    pattern:
      /^san pham|^ket qua( (cong viec|du kien|dau ra|thuc hien|can dat))?( \(.*\))?$|^ket qua ?\/ ?(danh gia|san pham)/,
  },
  { role: 'note', pattern: /^ghi chu/ },
  {
    role: 'task',
    pattern:
      /^(ten )?(nhiem vu|noi dung|cong viec)( (cu the|cong viec|nhiem vu|thuc hien|chu yeu|trong tam|giai phap))?|^nhiem vu, giai phap|^ten (de an|chuong trinh|hoat dong)/,
  },
];

/** The role a header text names, or null (an extra column such as "Cấp trình"). */
export function roleOfHeader(raw: string): ColumnRole | null {
  return roleOfFolded(foldDiacritics(cleanInline(raw)));
}

/** `roleOfHeader` of a cell already cleaned and folded (`foldDiacritics(cleanInline(raw))`). */
export function roleOfFolded(folded: string): ColumnRole | null {
  // Longer than any header: no need to strip a final ":" or "." to know.
  if (folded.length > 81) return null;
  const text = folded.replace(/[:.]$/, '');
  if (!text || text.length > 80) return null;
  for (const rule of ROLE_RULES) if (rule.pattern.test(text)) return rule.role;
  return null;
}

/** Header cells of one grid row, cleaned. */
export function headerTexts(cells: string[]): string[] {
  return cells.map((c) => cleanInline(c));
}

/** A row is a header when it names at least two roles, one of them the task or the STT. */
export function isHeaderRow(cells: string[]): boolean {
  return namesHeaderRoles(cells.map(roleOfHeader));
}

/** The rule of `isHeaderRow`, on the role each cell names. */
export function namesHeaderRoles(roles: readonly (ColumnRole | null)[]): boolean {
  const distinct = new Set(roles.filter((r): r is ColumnRole => r !== null));
  return distinct.size >= 2 && (distinct.has('task') || distinct.has('stt'));
}

export interface HeaderLayout {
  headers: string[];
  columns: Partial<Record<ColumnRole, number>>;
  extraColumns: Record<string, number>;
  /** How many grid rows the header takes (1, or 2 for grouped headers). */
  height: number;
}

/**
 * A second header row sits under grouped headers ("Thời gian" over "Bắt đầu | Hoàn thành"):
 * its cells are filled only under a grouped header (a cell followed by empty ones) or under an
 * empty header cell, and the STT column is empty.
 */
export function isSubHeaderRow(top: string[], next: string[]): boolean {
  const t = headerTexts(top);
  const n = headerTexts(next);
  if (n.every((c) => c === '')) return false;
  if ((n[0] ?? '') !== '') return false;
  return n.every((cell, i) => {
    if (cell === '') return true;
    if (cell.length > 200) return false;
    const above = t[i] ?? '';
    const spansRight =
      above !== '' && (t[i + 1] ?? '') === '' && i + 1 < Math.max(t.length, n.length);
    return above === '' || spansRight;
  });
}

/** Combines one or two header rows into column headers and roles. */
export function layoutHeader(top: string[], sub: string[] | null): HeaderLayout {
  const t = headerTexts(top);
  const s = sub ? headerTexts(sub) : [];
  const width = Math.max(t.length, s.length);
  const headers: string[] = [];
  const columns: Partial<Record<ColumnRole, number>> = {};
  const extraColumns: Record<string, number> = {};
  let group = '';
  for (let i = 0; i < width; i++) {
    const own = t[i] ?? '';
    if (own !== '') group = own;
    const below = s[i] ?? '';
    // A sub-header belongs to the nearest grouped header on its left (merged cells keep their
    // text in the leftmost cell).
    const parent = own !== '' ? own : below !== '' ? group : '';
    const text = below !== '' ? (parent ? `${parent} / ${below}` : below) : own;
    headers.push(text);
    const role = (below !== '' ? roleOfHeader(below) : null) ?? roleOfHeader(own);
    if (role && columns[role] === undefined) columns[role] = i;
    else if (text !== '') extraColumns[text] = i;
  }
  // A bare "Đơn vị" / "Cơ quan" column is the lead when no column is headed as the lead ("Đơn vị" |
  // "Nhiệm vụ chủ trì"): the unit named there is the one that carries the task.
  if (columns.lead === undefined && columns.task !== undefined) {
    const bare = headers.findIndex((h) => /^(don vi|co quan)$/.test(foldDiacritics(h)));
    if (bare >= 0 && !Object.values(columns).includes(bare)) {
      columns.lead = bare;
      delete extraColumns[headers[bare]!];
    }
  }
  // A single "Thời gian hoàn thành" column is the time; "start"/"due" only as a pair or alone.
  if (columns.start !== undefined && columns.due === undefined && columns.time === undefined) {
    columns.time = columns.start;
    delete columns.start;
  }
  if (columns.due !== undefined && columns.start === undefined && columns.time === undefined) {
    columns.time = columns.due;
    delete columns.due;
  }
  return { headers, columns, extraColumns, height: sub ? 2 : 1 };
}

/** The year a time header names ("Thời gian thực hiện (Năm 2026)"), or null. */
export function yearInHeader(header: string): number | null {
  const m = /\bnam\s+((?:19|20|21)\d{2})\b/.exec(foldDiacritics(cleanInline(header)));
  return m ? Number(m[1]) : null;
}
