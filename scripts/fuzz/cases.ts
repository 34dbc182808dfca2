// Fuzzed inputs for `phuluc build`: plans as JSON (the `phuluc.plan/1` contract, which may come
// from anywhere) and appendices as text, full of what breaks writers — controls, Word's hyphens,
// non-characters, broken surrogates, emoji, right-to-left text, combining marks, huge cells,
// unit names that are wildcards or operators, thousands of units, empty fields, duplicate ids.
// Deterministic: case `i` of seed `s` is always the same input.

import { PLAN_SCHEMA, TIME_KINDS } from '../../src/core/plan/types';
import { isoDate } from '../../src/core/time/calendar';
import { random } from '../bench/generate';

export interface FuzzCase {
  id: string;
  kind: 'json' | 'text';
  /** The input file's content. */
  input: string;
  /** Extra command-line options for `phuluc build`. */
  options: string[];
  /** Build a second time over the first workbook, with these values typed into it. */
  retype?: string[];
}

type Rand = () => number;

const WORDS = [
  'Xây dựng',
  'kế hoạch',
  'triển khai',
  'Sở Nội vụ',
  'UBND huyện',
  'báo cáo',
  'thủ tục hành chính',
  'Phòng Tư pháp',
  'đánh giá',
  'chuyển đổi số',
  'Quý III/2024',
  '15/3/2024',
  'HĐND&UBND',
  'LĐ-TB&XH',
];

/** Pieces that have broken writers, readers or formulas. */
const HOSTILE = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u001e',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u009f',
  '\uFFFE',
  '\uFFFF',
  '\uFDD0',
  '\u{1FFFE}',
  '\u{10FFFF}',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '😀',
  '👨‍👩‍👧',
  '👍🏽',
  '🇻🇳',
  '𠀀',
  'שלום',
  'مرحبا',
  '\u200f',
  '\u202e',
  '\u200b',
  '\u00a0',
  'e\u0301\u0323',
  '\u0301\u0301\u0301',
  '*',
  '?',
  '~',
  '<>',
  '=',
  '"',
  "'",
  '&',
  '&&',
  '<b>',
  '[',
  ']',
  ':',
  '/',
  '\\',
  '=SUM(1,2)',
  '+84',
  '- ',
  '@a',
  '#REF!',
  '_x000D_',
  '_x0001_',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '  ',
  'History',
  'TRUE',
  '1/2',
  '0123',
  '1E5',
];

const UNIT_NAMES = [
  'Sở Y tế',
  '<>Sở Y tế',
  'Phòng Tư pháp*',
  'Phòng Tư pháp',
  'Văn phòng ?',
  'Văn phòng 1',
  '=X',
  'X',
  '~',
  'History',
  'HISTORY',
  'Đội 😀 xung kích',
  'SỞ NỘI VỤ',
  'Sở Nội vụ',
  "'Sở'",
  '[Sở]: KH/ĐT?',
  'Tổng hợp',
  'Nhiệm vụ',
  '115',
  'TRUE',
];

const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const int = (rand: Rand, min: number, max: number): number =>
  min + Math.floor(rand() * (max - min + 1));

/** A text of a few pieces: words, hostile pieces, sometimes huge. */
function text(rand: Rand, pieces = int(rand, 0, 8)): string {
  let out = '';
  for (let i = 0; i < pieces; i++) {
    const r = rand();
    out += r < 0.45 ? pick(rand, WORDS) : r < 0.9 ? pick(rand, HOSTILE) : String(int(rand, 0, 999));
    if (rand() < 0.5) out += ' ';
  }
  const r = rand();
  // Past Excel's 32,767 characters a cell, now and then well past it.
  if (r < 0.02) out += 'Nội dung rất dài; '.repeat(int(rand, 1900, 4500));
  else if (r < 0.03) out += '😀'.repeat(int(rand, 16_000, 20_000));
  else if (r < 0.04) out += 'x'.repeat(int(rand, 200, 400));
  return out;
}

function unitName(rand: Rand, pool: string[]): string {
  const r = rand();
  if (r < 0.5) return pick(rand, pool);
  if (r < 0.8) return pick(rand, UNIT_NAMES);
  return text(rand, int(rand, 1, 4)) || pick(rand, UNIT_NAMES);
}

const randomIsoDate = (rand: Rand): string | null => {
  if (rand() < 0.3) return null;
  const y = int(rand, 1995, 2035);
  const m = int(rand, 1, 12);
  const d = int(rand, 1, 28);
  return isoDate(y, m, d);
};

const KINDS = [...TIME_KINDS, null];
const RECURRENCES = [null, null, null, 'monthly', 'quarterly', 'half-yearly', 'yearly'];

/** Sizes: mostly small, sometimes hundreds of tasks, rarely thousands of units. */
function sizes(rand: Rand): { tasks: number; units: number } {
  const r = rand();
  if (r < 0.004) return { tasks: int(rand, 1500, 2500), units: int(rand, 1000, 2000) };
  if (r < 0.03) return { tasks: int(rand, 100, 400), units: int(rand, 10, 80) };
  return { tasks: int(rand, 0, 25), units: int(rand, 1, 12) };
}

function jsonPlan(rand: Rand): string {
  const size = sizes(rand);
  const pool = Array.from({ length: size.units }, (_, i) =>
    rand() < 0.3 ? unitName(rand, UNIT_NAMES) : `Đơn vị ${i + 1} ${text(rand, int(rand, 0, 2))}`,
  );
  const ids = new Set<string>();
  // Now and then a plan with a duplicate or empty id: `phuluc build` refuses it, clearly.
  const broken = rand() < 0.01 ? int(rand, 0, size.tasks) : -1;
  const tasks = Array.from({ length: size.tasks }, (_, i) => {
    let id = rand() < 0.7 ? `I.${i + 1}` : text(rand, int(rand, 1, 3)) || `#${i}`;
    if (i !== broken) while (ids.has(id)) id += `-${int(rand, 2, 99)}`;
    else id = rand() < 0.5 ? '' : ([...ids][0] ?? '');
    ids.add(id);
    const kind = pick(rand, KINDS);
    const task: Record<string, unknown> = {
      id,
      section: rand() < 0.2 ? null : text(rand, int(rand, 0, 2)),
      stt: rand() < 0.8 ? String(i + 1) : text(rand, 1),
      title: text(rand),
      lead: Array.from({ length: int(rand, 0, 4) }, () => unitName(rand, pool)),
      support: Array.from({ length: int(rand, 0, 3) }, () => unitName(rand, pool)),
      time: {
        text: text(rand, int(rand, 0, 3)),
        kind,
        start: randomIsoDate(rand),
        due: randomIsoDate(rand),
        recurrence: kind === 'recurring' ? pick(rand, RECURRENCES) : null,
      },
      product: text(rand, int(rand, 0, 3)),
      rows: [i + 10],
    };
    if (rand() < 0.3) task.note = text(rand);
    if (rand() < 0.2) task.extra = { [text(rand, int(rand, 0, 2))]: text(rand) };
    return task;
  });
  const leads = (u: string): number => tasks.filter((t) => (t.lead as string[]).includes(u)).length;
  const supports = (u: string): number =>
    tasks.filter((t) => (t.support as string[]).includes(u)).length;
  const names = [
    ...new Set(tasks.flatMap((t) => [...(t.lead as string[]), ...(t.support as string[])])),
  ];
  // Units as `phuluc parse` lists them; sometimes listed twice, or with wrong counts.
  const units = names.map((name) => ({
    name,
    group: rand() < 0.1,
    aliases: rand() < 0.2 ? [name, text(rand, 2)] : [name],
    leadCount: rand() < 0.05 ? int(rand, 0, 3) : leads(name),
    supportCount: supports(name),
  }));
  if (units.length > 0 && rand() < 0.05) units.push({ ...units[0]! });
  const plan: Record<string, unknown> = {
    schema: rand() < 0.005 ? 'phuluc.plan/0' : PLAN_SCHEMA,
    document: {
      number: rand() < 0.2 ? null : text(rand, int(rand, 1, 3)),
      type: rand() < 0.5 ? 'KẾ HOẠCH' : text(rand, 1),
      place: rand() < 0.5 ? null : text(rand, 1),
      date: randomIsoDate(rand),
      title: rand() < 0.1 ? null : text(rand),
      year: rand() < 0.3 ? null : int(rand, 1990, 2040),
    },
    tables: [
      {
        kind: pick(rand, ['tasks', 'report-form', 'other']),
        title: rand() < 0.5 ? null : text(rand),
        columns: { stt: 0, task: 1, lead: 2, support: 3, time: 4, product: 5 },
        extraColumns: {},
        headers: ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian', 'Sản phẩm'],
        firstRow: 9,
        lastRow: 9 + size.tasks,
      },
    ],
    sections: Array.from({ length: int(rand, 0, 3) }, () => ({
      id: text(rand, 1),
      title: text(rand),
    })),
    tasks,
    units,
    findings: Array.from({ length: int(rand, 0, 5) }, () => ({
      code: text(rand, 1),
      severity: pick(rand, ['error', 'warning', 'info']),
      task: rand() < 0.5 ? null : (pick(rand, [...ids, 'không có']) ?? null),
      message: text(rand),
      messageEn: text(rand),
      rows: [int(rand, 1, 100)],
      ...(rand() < 0.5 ? { suggestion: text(rand), suggestionEn: text(rand) } : {}),
    })),
  };
  const json = JSON.stringify(plan);
  // A plan cut off in the middle of writing: not JSON, refused.
  return rand() < 0.003 ? json.slice(0, Math.floor(json.length / 2)) : json;
}

/** An appendix as a document's text: prose, a tab-separated task table, hostile cells. */
function textAppendix(rand: Rand): string {
  const size = sizes(rand);
  const pool = Array.from({ length: size.units }, () => unitName(rand, UNIT_NAMES));
  // No NUL: a text file holding one is refused as binary before anything is read.
  const cell = (s: string): string => s.replace(/[\t\r\n]+/g, ' ').replace(/\0/g, '');
  const lines = [
    'UBND TỈNH BẮC NINH',
    `Số: ${cell(text(rand, 2))}/KH-UBND`,
    'KẾ HOẠCH',
    cell(text(rand)),
    '',
    'STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\tSản phẩm',
  ];
  for (let i = 0; i < size.tasks; i++) {
    if (rand() < 0.05) lines.push(`${['I', 'II', 'III'][i % 3]}\t${cell(text(rand))}`);
    const units = (n: number): string =>
      Array.from({ length: n }, () => cell(unitName(rand, pool))).join('; ');
    lines.push(
      [
        rand() < 0.9 ? String(i + 1) : cell(text(rand, 1)),
        cell(text(rand)),
        units(int(rand, 0, 3)),
        units(int(rand, 0, 2)),
        cell(rand() < 0.5 ? `Quý ${int(rand, 1, 4)}/2024` : text(rand, 2)),
        cell(text(rand, 2)),
      ].join('\t'),
    );
  }
  lines.push('', cell(text(rand)), 'Nơi nhận:');
  return lines.join(rand() < 0.2 ? '\r\n' : '\n');
}

/** Values a person might type into the tracker before it is rebuilt. */
function typed(rand: Rand): string[] {
  return Array.from({ length: int(rand, 1, 6) }, () =>
    text(rand).replace(/[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu, ''),
  );
}

export function fuzzCase(index: number, seed = 1): FuzzCase {
  const rand = random(seed * 1_000_003 + index);
  const kind = rand() < 0.7 ? 'json' : 'text';
  const options: string[] = [];
  if (rand() < 0.3) options.push('--lang', 'en');
  if (rand() < 0.2) options.push('--group-sheets');
  if (rand() < 0.7) options.push('--today', '2024-06-30');
  const input = kind === 'json' ? jsonPlan(rand) : textAppendix(rand);
  return {
    id: `${seed}-${index}`,
    kind,
    input,
    options,
    ...(rand() < 0.05 ? { retype: typed(rand) } : {}),
  };
}
