// Pages of a PDF (text runs and lines, see model.ts) → grid. Pure: no PDF library here.
//
// - A table is a set of ruling lines that cross each other. Its column and row boundaries are
//   where its lines run; two neighbouring places of that lattice are one merged cell when no
//   line separates them (so row and column spans come from the rulings), and each text run goes
//   to the cell it sits in. Inside a cell, a line that ends where the next line's first word
//   would still have fit was ended on purpose (a new paragraph, another unit); otherwise the
//   text wrapped and the lines join with a space.
// - A table that runs on over pages is one table: header rows repeated at the top of a page are
//   dropped, and a cell merged down to the foot of a page that continues empty at the top of the
//   next is the same merged cell.
// - Pages drawn sideways (a landscape table on a portrait page) are turned so the text runs
//   left to right.
// - Page furniture is left out: page numbers, running heads and footers (the same line on
//   several pages), the Công báo head, and the stamp a digital signature prints.
// - Text outside tables becomes prose rows: lines side by side (the document's head) apart,
//   wrapped lines of a paragraph joined, a wider gap between paragraphs a blank row.
// - A document without any ruled table gets one guessed from text positions (rows with wide
//   gaps), its merges unknown.
// - A page whose text is not readable (an odd font encoding) is reported and skipped; a PDF
//   without text (a scan) is refused with a clear reason.

import { finding } from '../../core/findings/messages';
import { pushTable, type SpanCell } from '../../core/grid/spans';
import type { Grid, GridNote, GridRow } from '../../core/grid/types';
import { normalizeText } from '../../core/text/normalize';
import type { PageContent, Segment } from './model';
import { decodeLegacyVietnamese } from './vietnamese';

/** A PDF whose text cannot be read: the reason, for the person. */
export class PdfReadError extends Error {
  constructor(
    readonly code: 'scanned' | 'garbage' | 'empty' | 'encrypted' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'PdfReadError';
  }
}

// ── geometry helpers ──────────────────────────────────────────────────────────────────────

/** Sorted values grouped when closer than `tol`; each group's mean. */
function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

const isHorizontal = (s: Segment): boolean => s.y1 === s.y2;

/** Collinear segments that overlap or touch, joined. */
function mergeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  const horizontal = segments.filter(isHorizontal).sort((a, b) => a.y1 - b.y1 || a.x1 - b.x1);
  const vertical = segments
    .filter((s) => !isHorizontal(s))
    .sort((a, b) => a.x1 - b.x1 || a.y1 - b.y1);
  const rows = new Map<number, Segment[]>();
  for (const s of horizontal) {
    const key = [...rows.keys()].find((y) => Math.abs(y - s.y1) <= 1);
    if (key === undefined) rows.set(s.y1, [{ ...s }]);
    else rows.get(key)!.push({ ...s, y1: key, y2: key });
  }
  for (const list of rows.values()) {
    list.sort((a, b) => a.x1 - b.x1);
    let cur = list[0]!;
    for (const s of list.slice(1)) {
      if (s.x1 <= cur.x2 + 1.5) cur.x2 = Math.max(cur.x2, s.x2);
      else {
        out.push(cur);
        cur = s;
      }
    }
    out.push(cur);
  }
  const cols = new Map<number, Segment[]>();
  for (const s of vertical) {
    const key = [...cols.keys()].find((x) => Math.abs(x - s.x1) <= 1);
    if (key === undefined) cols.set(s.x1, [{ ...s }]);
    else cols.get(key)!.push({ ...s, x1: key, x2: key });
  }
  for (const list of cols.values()) {
    list.sort((a, b) => a.y1 - b.y1);
    let cur = list[0]!;
    for (const s of list.slice(1)) {
      if (s.y1 <= cur.y2 + 1.5) cur.y2 = Math.max(cur.y2, s.y2);
      else {
        out.push(cur);
        cur = s;
      }
    }
    out.push(cur);
  }
  return out;
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }
}

// ── text ──────────────────────────────────────────────────────────────────────────────────

/** A run on a page turned upright: its box (top, bottom) besides the baseline. */
interface Run {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  size: number;
  /** Runs written across the reading direction (a header turned on its side) stand alone. */
  upright: boolean;
}

const center = (r: Run): [number, number] => [r.x + r.width / 2, r.y - r.size * 0.35];

/** Turns a page so that most of its text reads left to right; returns runs and lines. */
function uprightPage(page: PageContent): {
  runs: Run[];
  segments: Segment[];
  width: number;
  height: number;
} {
  const weight = new Map<number, number>();
  for (const r of page.runs) {
    const a = (Math.round(r.angle / 90) * 90) % 360;
    weight.set(a, (weight.get(a) ?? 0) + r.text.length);
  }
  const turn = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const W = page.width;
  const H = page.height;
  // Maps a point so that text at angle `turn` runs at angle 0.
  const map = (x: number, y: number): [number, number] => {
    switch (turn) {
      case 90:
        return [y, W - x];
      case 180:
        return [W - x, H - y];
      case 270:
        return [H - y, x];
      default:
        return [x, y];
    }
  };
  // (Angles are measured on the y-down page: text at 90 reads downwards, at 270 upwards.)
  const runs: Run[] = page.runs.map((r) => {
    const rad = (r.angle * Math.PI) / 180;
    const [x, y] = map(r.x, r.y);
    const rest = (((r.angle - turn) % 360) + 360) % 360;
    if (rest === 0) return { text: r.text, x, y, width: r.width, size: r.size, upright: true };
    // Across the reading direction: keep the run's middle as its place.
    const [mx, my] = map(r.x + (Math.cos(rad) * r.width) / 2, r.y + (Math.sin(rad) * r.width) / 2);
    return { text: r.text, x: mx, y: my, width: 0, size: r.size, upright: false };
  });
  const segments = page.segments.map((s) => {
    const [ax, ay] = map(s.x1, s.y1);
    const [bx, by] = map(s.x2, s.y2);
    return {
      x1: Math.min(ax, bx),
      y1: Math.min(ay, by),
      x2: Math.max(ax, bx),
      y2: Math.max(ay, by),
    };
  });
  const sideways = turn === 90 || turn === 270;
  return { runs, segments, width: sideways ? H : W, height: sideways ? W : H };
}

interface Line {
  runs: Run[];
  left: number;
  right: number;
  y: number;
  size: number;
  text: string;
}

/** Runs → lines (same baseline), each read left to right with spaces where the gaps are. */
function toLines(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const last = groups[groups.length - 1];
    if (last && run.upright && last[0]!.upright) {
      const y = last.reduce((s, r) => s + r.y, 0) / last.length;
      const size = Math.max(run.size, last[0]!.size);
      if (Math.abs(run.y - y) <= size * 0.45) {
        last.push(run);
        continue;
      }
    }
    groups.push([run]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const r of group) {
      const gap = r.x - end;
      if (text !== '' && gap > r.size * 0.18 && !text.endsWith(' ') && !r.text.startsWith(' '))
        text += ' ';
      text += r.text;
      end = Math.max(end, r.x + r.width);
    }
    const size = Math.max(...group.map((r) => r.size));
    return {
      runs: group,
      left: Math.min(...group.map((r) => r.x)),
      right: Math.max(...group.map((r) => r.x + r.width)),
      y: group.reduce((s, r) => s + r.y, 0) / group.length,
      size,
      text: text.replace(/\s+/g, ' ').trim(),
    };
  });
}

const BULLET = /^[-–—•+*∙·]\s?/;

/** Rough advance of a character in ems (Times-like fonts): enough to compare words. */
function ems(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch === ' ') n += 0.25;
    else if (/[A-ZĐ\p{Lu}]/u.test(ch)) n += 0.7;
    else if (/[il.,;:!'|()[\]]/.test(ch)) n += 0.3;
    else if (/[mwMW]/.test(ch)) n += 0.8;
    else n += 0.5;
  }
  return n;
}

/**
 * A cell's lines → its text. A line that ended where the next line's first word would still
 * have fit (or before a bullet) ends a paragraph: "\n"; a wrapped line joins with a space.
 */
function cellText(lines: Line[], left: number, right: number): CellRef {
  const visible = lines.filter((l) => l.text !== '');
  if (visible.length === 0) return { text: '' };
  const pad = Math.min(8, Math.max(1, Math.min(...visible.map((l) => l.left - left))));
  const inner = right - left - 2 * pad;
  const firstWord = (line: Line): number => {
    const first = line.runs[0]!;
    const runEms = ems(first.text.trim());
    const wordWidth = runEms > 0 ? (first.width * ems(line.text.split(' ')[0] ?? '')) / runEms : 0;
    return Math.min(wordWidth, first.width);
  };
  let out = visible[0]!.text;
  for (let k = 1; k < visible.length; k++) {
    const prev = visible[k - 1]!;
    const line = visible[k]!;
    out += lineBreak(
      prev.text,
      prev.right - prev.left,
      line.text,
      firstWord(line),
      line.size,
      inner,
    );
    out += line.text;
  }
  const last = visible[visible.length - 1]!;
  return {
    text: out,
    fit: {
      inner,
      lastWidth: last.right - last.left,
      firstWord: firstWord(visible[0]!),
      size: last.size,
    },
  };
}

/**
 * What joins a line to the next in a cell: nothing after a word cut at its hyphen, a line break
 * when the line ended where the next line's first word would still have fit (or before a
 * bullet), else a space (the text wrapped).
 */
function lineBreak(
  prev: string,
  prevWidth: number,
  next: string,
  nextWordWidth: number,
  size: number,
  inner: number,
): string {
  if (/\S[-–]$/.test(prev) && !BULLET.test(next)) return '';
  const fits = prevWidth + size * 0.25 + nextWordWidth < inner - 1;
  return BULLET.test(next) || fits ? '\n' : ' ';
}

// ── tables ────────────────────────────────────────────────────────────────────────────────

/** One cell of a table: shared by every lattice place it covers. */
interface CellRef {
  text: string;
  /** How its text sits in the cell: for joining a cell cut by a page break. */
  fit?: { inner: number; lastWidth: number; firstWord: number; size: number };
}

/** A table on one page: its column boundaries and its lattice of cells. */
interface PageTable {
  top: number;
  bottom: number;
  left: number;
  right: number;
  xs: number[];
  rows: CellRef[][];
}

/** Groups lines that cross into tables (at least two lines each way). */
function findTableGroups(segments: Segment[]): Segment[][] {
  const uf = new UnionFind(segments.length);
  const tol = 2;
  for (let i = 0; i < segments.length; i++) {
    const a = segments[i]!;
    for (let j = i + 1; j < segments.length; j++) {
      const b = segments[j]!;
      if (isHorizontal(a) === isHorizontal(b)) continue;
      const h = isHorizontal(a) ? a : b;
      const v = isHorizontal(a) ? b : a;
      if (v.x1 >= h.x1 - tol && v.x1 <= h.x2 + tol && h.y1 >= v.y1 - tol && h.y1 <= v.y2 + tol)
        uf.union(i, j);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = uf.find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(s);
  });
  return [...groups.values()].filter((g) => {
    const h = g.filter(isHorizontal).length;
    const v = g.length - h;
    if (h < 2 || v < 2) return false;
    const width = Math.max(...g.map((s) => s.x2)) - Math.min(...g.map((s) => s.x1));
    const height = Math.max(...g.map((s) => s.y2)) - Math.min(...g.map((s) => s.y1));
    return width > 30 && height > 8;
  });
}

/** Boundaries closer than `min` (a double rule, a hairline gap) count as one. */
function spread(values: number[], min: number): number[] {
  const out: number[] = [];
  for (const v of values) if (out.length === 0 || v - out[out.length - 1]! >= min) out.push(v);
  return out;
}

/** How much of [a, b] the segments on one line cover (0–1). */
function coverage(spans: [number, number][], a: number, b: number): number {
  let covered = 0;
  for (const [s, e] of spans) covered += Math.max(0, Math.min(b, e) - Math.max(a, s));
  return b > a ? Math.min(1, covered / (b - a)) : 1;
}

/** A table's lattice from its lines, with the runs that sit inside it. */
function buildTable(lines: Segment[], runs: Run[]): { table: PageTable; used: Set<Run> } {
  const hs = lines.filter(isHorizontal);
  const vs = lines.filter((s) => !isHorizontal(s));
  const left = Math.min(...lines.map((s) => s.x1));
  const right = Math.max(...lines.map((s) => s.x2));
  const top = Math.min(...lines.map((s) => s.y1));
  const bottom = Math.max(...lines.map((s) => s.y2));
  const xs = spread(cluster([left, right, ...vs.map((s) => s.x1)], 2), 3);
  const ys = spread(cluster([top, bottom, ...hs.map((s) => s.y1)], 2), 3);
  const at = (list: Segment[], pos: number, horizontal: boolean): [number, number][] =>
    list
      .filter((s) => Math.abs((horizontal ? s.y1 : s.x1) - pos) <= 2)
      .map((s) => (horizontal ? [s.x1, s.x2] : [s.y1, s.y2]));
  const vAt = xs.map((x) => at(vs, x, false));
  const hAt = ys.map((y) => at(hs, y, true));
  const R = ys.length - 1;
  const C = xs.length - 1;
  const uf = new UnionFind(R * C);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && coverage(vAt[c + 1]!, ys[r]!, ys[r + 1]!) < 0.5)
        uf.union(r * C + c, r * C + c + 1);
      if (r + 1 < R && coverage(hAt[r + 1]!, xs[c]!, xs[c + 1]!) < 0.5)
        uf.union(r * C + c, (r + 1) * C + c);
    }
  }
  // Every cell must be a rectangle of the lattice; a shape lines cannot make stays split.
  const members = new Map<number, number[]>();
  for (let i = 0; i < R * C; i++) {
    const root = uf.find(i);
    if (!members.has(root)) members.set(root, []);
    members.get(root)!.push(i);
  }
  const owner: number[] = Array.from({ length: R * C }, (_, i) => i);
  for (const list of members.values()) {
    const rs = list.map((i) => Math.floor(i / C));
    const cs = list.map((i) => i % C);
    const area = (Math.max(...rs) - Math.min(...rs) + 1) * (Math.max(...cs) - Math.min(...cs) + 1);
    if (area === list.length) for (const i of list) owner[i] = list[0]!;
  }
  // Runs → cells. A run that crosses a column boundary (one text drawn over several cells) is
  // cut where the boundary falls, in proportion to its characters.
  const placed = new Map<number, Run[]>();
  const used = new Set<Run>();
  const place = (run: Run): void => {
    const [cx, cy] = center(run);
    if (cx < left - 1 || cx > right + 1 || cy < top - 1 || cy > bottom + 1) return;
    const c = Math.max(
      0,
      Math.min(
        C - 1,
        xs.findIndex((x, k) => k < C && cx >= x && cx < xs[k + 1]!),
      ),
    );
    const r = Math.max(
      0,
      Math.min(
        R - 1,
        ys.findIndex((y, k) => k < R && cy >= y && cy < ys[k + 1]!),
      ),
    );
    const key = owner[r * C + c]!;
    if (!placed.has(key)) placed.set(key, []);
    placed.get(key)!.push(run);
  };
  for (const run of runs) {
    const [cx, cy] = center(run);
    if (cx < left - 1 || cx > right + 1 || cy < top - 1 || cy > bottom + 1) continue;
    used.add(run);
    const inside = xs.filter((x) => x > run.x + 1 && x < run.x + run.width - 1);
    if (!run.upright || inside.length === 0 || run.text.length < 2) {
      place(run);
      continue;
    }
    const perChar = run.width / run.text.length;
    let start = 0;
    for (const cut of [...inside, run.x + run.width]) {
      const end = Math.min(run.text.length, Math.round((cut - run.x) / perChar));
      const text = run.text.slice(start, end);
      if (text.trim() !== '')
        place({ ...run, text, x: run.x + start * perChar, width: (end - start) * perChar });
      start = end;
    }
  }
  const refs = new Map<number, CellRef>();
  const rows: CellRef[][] = [];
  for (let r = 0; r < R; r++) {
    const row: CellRef[] = [];
    for (let c = 0; c < C; c++) {
      const key = owner[r * C + c]!;
      let ref = refs.get(key);
      if (!ref) {
        const list = members.get(uf.find(key)) ?? [key];
        const mine = owner[key] === key && list[0] === key ? list : [key];
        const cs = mine.map((i) => i % C);
        const cellLeft = xs[Math.min(...cs)]!;
        const cellRight = xs[Math.max(...cs) + 1]!;
        ref = cellText(toLines(placed.get(key) ?? []), cellLeft, cellRight);
        refs.set(key, ref);
      }
      row.push(ref);
    }
    rows.push(row);
  }
  return { table: { top, bottom, left, right, xs, rows }, used };
}

/** The lattice → rows of span cells, as the core lays tables out. */
function spanRows(rows: CellRef[][]): SpanCell[][] {
  return rows.map((row, r) => {
    const out: SpanCell[] = [];
    for (let c = 0; c < row.length; c++) {
      const ref = row[c]!;
      if (r > 0 && rows[r - 1]![c] === ref) continue;
      if (c > 0 && row[c - 1] === ref) continue;
      let colspan = 1;
      while (row[c + colspan] === ref) colspan++;
      let rowspan = 1;
      while (rows[r + rowspan]?.[c] === ref) rowspan++;
      out.push({ text: normalizeText(ref.text), colspan, rowspan });
    }
    return out;
  });
}

/** A cell's text cut by a page break, joined as its lines are. */
function joinAcrossPages(above: CellRef, below: CellRef): string {
  if (above.text === '') return below.text;
  // A sentence running on (a lowercase word, or the line above ended on a comma) joins as one.
  if (/^[\p{Ll}(]/u.test(below.text) || /[,;]$/.test(above.text))
    return `${above.text} ${below.text}`;
  if (!above.fit || !below.fit) return `${above.text}\n${below.text}`;
  const lastLine = above.text.slice(above.text.lastIndexOf('\n') + 1);
  const glue = lineBreak(
    lastLine,
    above.fit.lastWidth,
    below.text,
    below.fit.firstWord,
    above.fit.size,
    above.fit.inner,
  );
  return above.text + glue + below.text;
}

const rowKey = (row: CellRef[]): string =>
  row.map((c) => c.text.replace(/\s+/g, ' ')).join('\u0001');

/** True when two parts of a table share their columns (a table run on to the next page). */
function sameColumns(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) <= 3);
}

/**
 * Appends the part of a table on a new page: header rows repeated there are dropped, and a cell
 * merged down to the foot of the last page continues into empty cells at the top of this one.
 */
function continueTable(table: PageTable, part: PageTable): void {
  let k = 0;
  while (
    k < part.rows.length &&
    k < table.rows.length &&
    k < 4 &&
    rowKey(part.rows[k]!) === rowKey(table.rows[k]!)
  )
    k++;
  const rows = part.rows.slice(k);
  const last = table.rows[table.rows.length - 1];
  const above = table.rows[table.rows.length - 2];
  const first = rows[0];
  if (last && first) {
    // A row cut by the page break: its part on this page has no STT. Each of its cells is the
    // same cell as the one above the break.
    const split = first[0]!.text === '' && last[0]!.text !== '' && first[0] !== last[0];
    for (let c = 0; c < first.length; c++) {
      const prev = last[c]!;
      const next = first[c]!;
      if (prev === next) continue;
      const prevCols = last.map((ref, i) => (ref === prev ? i : -1)).filter((i) => i >= 0);
      const nextCols = first.map((ref, i) => (ref === next ? i : -1)).filter((i) => i >= 0);
      if (prevCols.join() !== nextCols.join()) continue;
      if (!split) {
        // A cell merged down to the foot of the page continues, empty, at the top of this one.
        const mergedAbove = above?.[c] === prev;
        const mergedBelow = rows[1]?.[c] === next;
        if (prev.text === '' || next.text !== '' || !(mergedAbove || mergedBelow)) continue;
      } else if (next.text !== '') {
        prev.text = joinAcrossPages(prev, next);
        if (prev.fit && next.fit) prev.fit = { ...prev.fit, lastWidth: next.fit.lastWidth };
      }
      for (const row of rows)
        for (let i = 0; i < row.length; i++) if (row[i] === next) row[i] = prev;
    }
    // The cut row, now made of the cells above the break, is that row: not a row of its own.
    if (split && first.every((ref, i) => ref === last[i])) rows.shift();
  }
  table.rows.push(...rows);
  table.bottom = part.bottom;
}

// ── furniture, readability ────────────────────────────────────────────────────────────────

const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:trang\s+)?\d{1,4}(?:\s*(?:\/|trên|of)\s*\d{1,4})?(?:\s*[-–—])?$/i;
const CONG_BAO = /^CÔNG\s+BÁO\b|^CÔNG BÁO\/|Số\s+\d+\s*\+\s*\d+\s*\/\s*Ngày/i;
const SIGNATURE_STAMP =
  /^(?:Ký bởi|Người ký|Ký số bởi|Signed by|Thời gian ký|Ngày ký|Cơ quan|Email|Chức vụ)\s*:|^Signature (?:Not )?Verified|^\(?Đã ký\)?$/i;

/** A line's text with its numbers blanked: running heads differ only by their page number. */
const shape = (text: string): string =>
  text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

interface ProseLine {
  page: number;
  y: number;
  x: number;
  right: number;
  size: number;
  text: string;
  /** Distance from the nearer of the page's top and bottom edges, as a share of its height. */
  margin: number;
}

/** Lines that are page furniture, and how many of each kind. */
function furniture(lines: ProseLine[], pageCount: number): { drop: Set<ProseLine>; count: number } {
  const drop = new Set<ProseLine>();
  const byShape = new Map<string, ProseLine[]>();
  for (const line of lines) {
    if (line.margin <= 0.12) {
      const key = shape(line.text);
      if (!byShape.has(key)) byShape.set(key, []);
      byShape.get(key)!.push(line);
    }
  }
  for (const line of lines) {
    const text = line.text.trim();
    if (line.margin <= 0.1 && PAGE_NUMBER.test(text)) drop.add(line);
    else if (line.margin <= 0.15 && CONG_BAO.test(text)) drop.add(line);
    else if (SIGNATURE_STAMP.test(text)) drop.add(line);
  }
  if (pageCount >= 2) {
    for (const list of byShape.values()) {
      const pages = new Set(list.map((l) => l.page));
      const ys = list.map((l) => l.y);
      if (
        pages.size >= 2 &&
        pages.size >= Math.min(3, pageCount) &&
        Math.max(...ys) - Math.min(...ys) <= 12
      ) {
        for (const l of list) drop.add(l);
      }
    }
  }
  return { drop, count: drop.size };
}

/** Letters a Vietnamese text is written with (and what plain text around it uses). */
const READABLE =
  /[A-Za-z0-9ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư\u1EA0-\u1EF9\s.,;:!?()[\]{}"'“”‘’/\\%&@#*+=<>_|~^$€–—…-]/u;

/** Share of characters that belong in a Vietnamese document (1: all of them). */
export function readableShare(text: string): number {
  const chars = [...text.normalize('NFC')].filter((ch) => ch.trim() !== '');
  if (chars.length === 0) return 1;
  let ok = 0;
  for (const ch of chars) if (READABLE.test(ch)) ok++;
  return ok / chars.length;
}

/**
 * True when `line` continues the paragraph whose last line is `prev`: the next line down, not
 * indented further, and `prev` ran to the right edge of the text (it wrapped). Lines that share
 * their baseline with another piece (a head in two columns) stand alone.
 */
function wraps(prev: ProseLine, line: ProseLine, right: number, blocks: Block[]): boolean {
  if (line.page !== prev.page) return false;
  const gap = line.y - prev.y;
  if (gap <= 0 || gap > Math.max(prev.size, line.size) * 1.8) return false;
  if (prev.right < right - prev.size * 3) return false;
  if (line.x > prev.x + prev.size) return false;
  if (BULLET.test(line.text) || /^(?:\d+|[IVXLC]+|[a-zđ])[.)]\s/.test(line.text)) return false;
  const alone = (l: ProseLine): boolean =>
    blocks.filter((b) => b.kind === 'prose' && Math.abs(b.line.y - l.y) < 1).length === 1;
  return alone(prev) && alone(line);
}

// ── borderless tables ─────────────────────────────────────────────────────────────────────

/** A line cut where its gaps are wide: the pieces of a row of a table drawn without lines. */
function pieces(line: Line): { x: number; right: number; text: string }[] {
  const out: { x: number; right: number; text: string; runs: Run[] }[] = [];
  for (const run of line.runs) {
    const last = out[out.length - 1];
    if (last && run.x - last.right < line.size * 1.5) {
      last.runs.push(run);
      last.right = Math.max(last.right, run.x + run.width);
    } else out.push({ x: run.x, right: run.x + run.width, text: '', runs: [run] });
  }
  return out.map((p) => ({ x: p.x, right: p.right, text: toLines(p.runs)[0]?.text ?? '' }));
}

// ── the document ──────────────────────────────────────────────────────────────────────────

type Block =
  { kind: 'prose'; y: number; line: ProseLine } | { kind: 'table'; y: number; table: PageTable };

export interface PdfLayoutOptions {
  /** Turn off the text-position fallback (tables without lines). */
  rulingsOnly?: boolean;
}

/** Pages → grid, or a PdfReadError when no page has readable text. */
export function pagesToGrid(pages: PageContent[], options: PdfLayoutOptions = {}): Grid {
  const notes: GridNote[] = [];

  const scanned: number[] = [];
  const garbage: number[] = [];
  const damaged = pages.filter((p) => p.damaged).map((p) => p.number);
  const readable: {
    page: PageContent;
    runs: Run[];
    segments: Segment[];
    width: number;
    height: number;
  }[] = [];
  for (const page of pages) {
    const decoded = decodeLegacyVietnamese(page.runs);
    const text = decoded.map((r) => r.text).join(' ');
    if (text.replace(/\s/g, '').length < 8) {
      if (page.pictureArea > 0.3) scanned.push(page.number);
      continue;
    }
    if (readableShare(text) < 0.9) {
      garbage.push(page.number);
      continue;
    }
    readable.push({ page, ...uprightPage({ ...page, runs: decoded }) });
  }
  if (readable.length === 0) {
    if (damaged.length === pages.length && pages.length > 0) {
      throw new PdfReadError('damaged', 'no page of the PDF can be read (damaged streams)');
    }
    if (garbage.length > 0) {
      throw new PdfReadError(
        'garbage',
        "the PDF's text layer cannot be read (its fonts use an odd encoding): what it holds would be nonsense",
      );
    }
    if (scanned.length > 0) {
      throw new PdfReadError(
        'scanned',
        'the PDF is a scan (pictures of pages) with no text layer: it needs OCR',
      );
    }
    throw new PdfReadError('empty', 'the PDF holds no text');
  }
  if (scanned.length > 0) {
    notes.push(finding('pdf-scanned-pages', 'warning', null, [], { pages: scanned }));
  }
  if (damaged.length > 0) {
    notes.push(finding('pdf-damaged-pages', 'warning', null, [], { pages: damaged }));
  }
  if (garbage.length > 0) {
    notes.push(finding('pdf-unreadable-pages', 'warning', null, [], { pages: garbage }));
  }

  // Each page: its ruled tables, the runs outside them as lines.
  const pageBlocks: Block[][] = [];
  const prose: ProseLine[] = [];
  let ruled = 0;
  for (const { page, runs, segments, height } of readable) {
    const blocks: Block[] = [];
    const merged = mergeSegments(segments);
    const used = new Set<Run>();
    for (const group of findTableGroups(merged)) {
      const built = buildTable(
        group,
        runs.filter((r) => !used.has(r)),
      );
      if (built.used.size === 0 && built.table.rows.length < 2) continue;
      for (const r of built.used) used.add(r);
      blocks.push({ kind: 'table', y: built.table.top, table: built.table });
      ruled++;
    }
    for (const line of toLines(runs.filter((r) => !used.has(r)))) {
      // Columns of text side by side (the document's head) are separate lines.
      for (const piece of pieces(line)) {
        const margin = Math.min(line.y, height - line.y) / height;
        const pl: ProseLine = {
          right: piece.right,
          size: line.size,
          page: page.number,
          y: line.y,
          x: piece.x,
          text: piece.text,
          margin,
        };
        prose.push(pl);
        blocks.push({ kind: 'prose', y: line.y, line: pl });
      }
    }
    pageBlocks.push(blocks);
  }
  const furnished = furniture(prose, readable.length);
  if (furnished.count > 0) {
    notes.push(finding('pdf-furniture', 'info', null, [], { lines: furnished.count }));
  }

  // Without any ruled table, guess a table from text positions (rows with wide gaps).
  const guessed = ruled === 0 && !options.rulingsOnly;
  const rows: GridRow[] = [];
  const pushProse = (text: string): void => {
    rows.push({ line: rows.length + 1, cells: [normalizeText(text)], tabular: false });
  };
  let open: PageTable | null = null;
  const flush = (): void => {
    if (open) pushTable(rows, spanRows(open.rows));
    open = null;
  };
  for (const blocks of pageBlocks) {
    const kept = blocks
      .filter((b) => b.kind !== 'prose' || !furnished.drop.has(b.line))
      .sort(
        (a, b) => a.y - b.y || (a.kind === 'prose' && b.kind === 'prose' ? a.line.x - b.line.x : 0),
      );
    const right = Math.max(0, ...kept.map((b) => (b.kind === 'prose' ? b.line.right : 0)));
    // The page's line pitch: a wider gap between two paragraphs is a blank line, as a text
    // document has one between blocks (the title block ends there).
    const ys = kept.filter((b) => b.kind === 'prose').map((b) => b.y);
    const gaps = ys
      .slice(1)
      .map((y, k) => y - ys[k]!)
      .filter((g) => g > 1)
      .sort((a, b) => a - b);
    // The lower quartile: the pitch of lines within a paragraph, when paragraphs have spacing.
    const pitch = gaps[Math.floor(gaps.length / 4)] ?? 0;
    let lastLine: ProseLine | null = null;
    let paragraph: ProseLine | null = null;
    let text = '';
    const endParagraph = (): void => {
      if (paragraph) pushProse(text);
      paragraph = null;
    };
    kept.forEach((block, i) => {
      if (block.kind === 'table') {
        endParagraph();
        lastLine = null;
        const current = open as PageTable | null;
        if (current && i === 0 && sameColumns(current.xs, block.table.xs))
          continueTable(current, block.table);
        else {
          flush();
          open = block.table;
        }
        return;
      }
      flush();
      const line = block.line;
      const prev = paragraph as ProseLine | null;
      if (prev && wraps(prev, line, right, kept)) {
        text = /\S[-–]$/.test(text) ? text + line.text : `${text} ${line.text}`;
        paragraph = lastLine = line;
        return;
      }
      endParagraph();
      const last = lastLine as ProseLine | null;
      if (last && last.page === line.page && pitch > 0) {
        const gap = line.y - last.y;
        // A single-spaced line is about 1.15 em: never take more than 1.3 em as the pitch.
        if (gap > Math.min(pitch, line.size * 1.3) * 1.2) pushProse('');
      }
      paragraph = lastLine = line;
      text = line.text;
    });
    endParagraph();
  }
  flush();

  const grid: Grid = { source: 'document', rows };
  if (ruled > 0) {
    grid.structure = 'pdf-ruled';
    grid.mergesKnown = true;
  } else if (guessed) {
    const loose = guessTable(
      readable.map((p) => ({ number: p.page.number, runs: p.runs })),
      furnished.drop,
    );
    if (loose) {
      grid.rows = loose;
      grid.structure = 'pdf-text';
      grid.mergesKnown = false;
    }
  }
  if (notes.length > 0) grid.notes = notes;
  return grid;
}

/**
 * A table drawn without lines, guessed from text positions: a line whose text stands in two or
 * more pieces apart is a table row; its pieces go to the columns whose starts they sit under.
 * Returns the grid rows, or null when nothing looks like such a table.
 */
function guessTable(
  pages: { number: number; runs: Run[] }[],
  drop: Set<ProseLine>,
): GridRow[] | null {
  const dropped = new Set([...drop].map((l) => `${l.page}:${Math.round(l.y)}:${Math.round(l.x)}`));
  const lines: { x: number; text: string }[][] = [];
  for (const page of pages) {
    for (const line of toLines(page.runs)) {
      const parts = pieces(line).filter(
        (p) => !dropped.has(`${page.number}:${Math.round(line.y)}:${Math.round(p.x)}`),
      );
      if (parts.length > 0) lines.push(parts.map((p) => ({ x: p.x, text: p.text })));
    }
  }
  const tabular = lines.filter((l) => l.length >= 3);
  if (tabular.length < 3) return null;
  const starts = cluster(
    tabular.flatMap((l) => l.map((c) => c.x)),
    12,
  );
  const columnOf = (x: number): number => {
    let k = 0;
    for (let i = 0; i < starts.length; i++) if (x >= starts[i]! - 12) k = i;
    return k;
  };
  const rows: GridRow[] = [];
  for (const line of lines) {
    // One piece under a column other than the first, right after a table row: the rest of a
    // cell that wrapped (its row has no STT, so the core joins it to the task above).
    const wrapped =
      line.length === 1 && columnOf(line[0]!.x) > 0 && rows[rows.length - 1]?.tabular === true;
    if (line.length < 2 && !wrapped) {
      rows.push({ line: rows.length + 1, cells: [normalizeText(line[0]!.text)], tabular: false });
      continue;
    }
    const cells = starts.map(() => '');
    for (const cell of line) {
      const k = columnOf(cell.x);
      cells[k] = cells[k] ? `${cells[k]} ${cell.text}` : cell.text;
    }
    rows.push({ line: rows.length + 1, cells: cells.map(normalizeText), tabular: true });
  }
  return rows;
}
