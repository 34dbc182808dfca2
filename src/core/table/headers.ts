import type { ColumnRole } from '../plan/types';
import { cleanInline } from '../text/cell';
import { foldDiacritics } from '../text/normalize';
import { foldedRule } from './spelling';

// Header spellings of docs/domain.md, written as they are spelt and matched without diacritics
// (`foldedRule`), so "Thoi gian" and "Thời gian" both count. Order matters: the first rule that
// matches names the role.
const SPELLED_RULES: { role: ColumnRole; pattern: RegExp }[] = [
  // STT, Số TT, TT, Số thứ tự.
  { role: 'stt', pattern: /^(số\s*)?(s\.?\s*)?t\.?\s*t\.?$|^số thứ tự$/ },
  // "Nhiệm vụ chủ trì" (the tasks a unit leads, under a unit column headed "Đơn vị") is the task.
  { role: 'task', pattern: /^(tên )?(nhiệm vụ|nội dung|công việc) chủ trì$/ },
  // Đơn vị phối hợp, Cơ quan phối hợp, Bộ phận phối hợp, Phối hợp.
  { role: 'support', pattern: /phối hợp/ },
  // Đơn vị chủ trì, Cơ quan chủ trì (thực hiện), Bộ phận chủ trì, Chủ trì, Đơn vị thực hiện,
  // Cơ quan thực hiện, Trách nhiệm thực hiện, Chịu trách nhiệm, Phụ trách.
  {
    role: 'lead',
    pattern:
      /chủ trì|^(đơn vị|cơ quan|bộ phận|trách nhiệm) (thực hiện|thực hiện chính|phụ trách)$|^(chịu trách nhiệm|phụ trách|trách nhiệm)$/,
  },
  // Bắt đầu, Thời gian bắt đầu, Ngày bắt đầu, Từ ngày (under a grouped "Thời gian").
  { role: 'start', pattern: /^(thời gian |ngày )?bắt đầu$|^từ ngày$/ },
  // Hoàn thành, Kết thúc, Đến ngày.
  { role: 'due', pattern: /^(hoàn thành|kết thúc|đến ngày)$/ },
  // Thời gian, Thời gian thực hiện, Thời gian hoàn thành, Thời hạn (hoàn thành), Tiến độ (thực
  // hiện), Mốc thời gian; "Thời gian thực hiện (Năm 2026)".
  {
    role: 'time',
    pattern:
      /^(thời gian|thời hạn|tiến độ|mốc thời gian)( (thực hiện|hoàn thành|triển khai|bắt đầu|kết thúc))?( \(.*\))?$|^(thời gian|thời hạn|tiến độ) (thực hiện|hoàn thành)/,
  },
  // Sản phẩm (dự kiến hoàn thành), Kết quả (công việc), Kết quả dự kiến, Kết quả đầu ra,
  // Kết quả/Đánh giá, Kết quả/Sản phẩm.
  {
    role: 'product',
    pattern:
      /^sản phẩm|^kết quả( (công việc|dự kiến|đầu ra|thực hiện|cần đạt))?( \(.*\))?$|^kết quả ?\/ ?(đánh giá|sản phẩm)/,
  },
  // Ghi chú.
  { role: 'note', pattern: /^ghi chú/ },
  // Nhiệm vụ, Tên nhiệm vụ, Nội dung, Nội dung công việc, Nhiệm vụ cụ thể, Nhiệm vụ, giải pháp,
  // Tên đề án, Tên chương trình, Tên hoạt động.
  {
    role: 'task',
    pattern:
      /^(tên )?(nhiệm vụ|nội dung|công việc)( (cụ thể|công việc|nhiệm vụ|thực hiện|chủ yếu|trọng tâm|giải pháp))?|^nhiệm vụ, giải pháp|^tên (đề án|chương trình|hoạt động)/,
  },
];
const ROLE_RULES = SPELLED_RULES.map(({ role, pattern }) => ({
  role,
  pattern: foldedRule(pattern),
}));

/** A bare "Đơn vị" / "Cơ quan" header. */
const BARE_UNIT = foldedRule(/^(đơn vị|cơ quan)$/);
/** The year a header names: "(Năm 2026)". */
const YEAR_IN_HEADER = foldedRule(/\bnăm\s+((?:19|20|21)\d{2})\b/);

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
function headerTexts(cells: string[]): string[] {
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
    const bare = headers.findIndex((h) => BARE_UNIT.test(foldDiacritics(h)));
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
  const m = YEAR_IN_HEADER.exec(foldDiacritics(cleanInline(header)));
  return m ? Number(m[1]) : null;
}
