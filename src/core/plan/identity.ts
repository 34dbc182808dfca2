// Which task of a revised plan is which task of the tracker: entries follow the task a person
// meant, not its number. A revision ("kế hoạch điều chỉnh") renumbers rows, swaps tasks, edits
// a title lightly, adds and removes tasks; Mã (section + STT) follows the numbering, so it
// cannot be the identity. Tasks are matched by content — title first, then lead, time, section
// and position — and every match says how sure it is:
//
//   certain    the same title (or a lightly edited one) with nothing else competing for it;
//   uncertain  a plausible pair a person should confirm (the pane asks; the command line keeps
//              both apart unless told to accept);
//   none       the old task was removed, the new one is new.
//
// Linear in practice: exact titles are paired through a hash; only what is left is compared,
// through an index of its rarer words, with a bounded number of candidates per task.

import { foldForMatch } from '../text/normalize';
import { isTypedTaskId } from './typed';

/** What identifies a task, from a plan or from a tracker's task list. */
export interface TaskFacts {
  /** Mã as shown (section + STT), for the report. */
  code: string;
  title: string;
  /** Lead units, as written (joined or listed). */
  lead: string;
  time: string;
  /** Section label or title ("I", "II"), or "". */
  section: string;
}

export interface TaskMatch {
  /** Index into the old list. */
  old: number;
  /** Index into the new list. */
  new: number;
  /** 0–1. */
  score: number;
  /** Title similarity 0–1 (1: the same after folding case and spacing). */
  titleSimilarity: number;
  certain: boolean;
}

export interface TaskMatching {
  /** Certain pairs, by new index order. */
  matches: TaskMatch[];
  /** Pairs a person should confirm; neither side is in `matches`. */
  uncertain: TaskMatch[];
  /** Old indexes with no pair (certain or not). */
  removed: number[];
  /** New indexes with no pair (certain or not). */
  added: number[];
}

/** A pair at or above this score, with no close rival, is certain. */
export const CERTAIN_SCORE = 0.72;
/** A certain pair's titles are at least this alike (a typo, a word added or dropped). */
export const CERTAIN_TITLE = 0.78;
/** Below this a pair is not offered at all. */
export const PLAUSIBLE_SCORE = 0.45;
/** How much better than its best rival a pair must be to be certain. */
const MARGIN = 0.08;
const MAX_CANDIDATES = 24;

/** Title text folded for comparison: case, spacing, punctuation and list markers. */
export function titleKey(title: string): string {
  return foldForMatch(title)
    .replace(/^[\s\-–—•*+]+/, '')
    .replace(/[.,;:!?"'“”‘’()[\]{}…]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function words(text: string): string[] {
  const key = titleKey(text);
  return key === '' ? [] : key.split(' ');
}

/** Dice coefficient over words and word pairs: order matters a little, spelling a lot. */
function similarity(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const grams = (w: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    const add = (g: string): void => void m.set(g, (m.get(g) ?? 0) + 1);
    w.forEach((x, i) => {
      add(x);
      if (i > 0) add(`${w[i - 1]} ${x}`);
    });
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of ga) {
    common += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return (2 * common) / total;
}

/** Dice coefficient over character trigrams: a typo in a short title costs little. */
function charSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 3 || b.length < 3) return 0;
  const grams = (t: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (let i = 0; i + 3 <= t.length; i++) {
      const g = t.slice(i, i + 3);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return (2 * common) / (a.length - 2 + b.length - 2);
}

/** How alike two titles are, 0–1: the better of word and character similarity. */
function titleSimilarity(a: Prepared, b: Prepared): number {
  if (a.key === b.key) return 1;
  return Math.max(similarity(a.words, b.words), charSimilarity(a.key, b.key));
}

interface Prepared {
  facts: TaskFacts;
  key: string;
  words: string[];
  lead: string;
  time: string;
  section: string;
  /** Position in its list, 0–1. */
  rank: number;
}

function prepare(list: TaskFacts[]): Prepared[] {
  const n = Math.max(1, list.length - 1);
  return list.map((facts, i) => ({
    facts,
    key: titleKey(facts.title),
    words: words(facts.title),
    lead: titleKey(facts.lead),
    time: titleKey(facts.time),
    section: titleKey(facts.section),
    rank: i / n,
  }));
}

function pairScore(a: Prepared, b: Prepared, titleSim: number): number {
  const lead = a.lead === b.lead ? 1 : similarity(a.lead.split(' '), b.lead.split(' '));
  const time = a.time === b.time ? 1 : a.time === '' || b.time === '' ? 0.3 : 0;
  const section = a.section === b.section ? 1 : 0;
  const near = 1 - Math.min(1, Math.abs(a.rank - b.rank) * 4);
  const code = a.facts.code !== '' && a.facts.code === b.facts.code ? 1 : 0;
  // The title carries the identity; the rest tells apart near-equal titles.
  return 0.62 * titleSim + 0.14 * lead + 0.08 * time + 0.06 * section + 0.06 * near + 0.04 * code;
}

/** Matches the tasks of `before` (a tracker's list) to those of `after` (the plan now). */
export function matchTasks(before: TaskFacts[], after: TaskFacts[]): TaskMatching {
  const olds = prepare(before);
  const news = prepare(after);
  const candidates: TaskMatch[] = [];

  // 1. Equal titles, through a hash.
  const oldByKey = new Map<string, number[]>();
  olds.forEach((o, i) => {
    if (o.key === '') return;
    const list = oldByKey.get(o.key) ?? [];
    list.push(i);
    oldByKey.set(o.key, list);
  });
  const exactNew = new Set<number>();
  const exactOld = new Set<number>();
  news.forEach((n, j) => {
    const same = oldByKey.get(n.key);
    if (!same) return;
    exactNew.add(j);
    for (const i of same) {
      exactOld.add(i);
      candidates.push({
        old: i,
        new: j,
        score: pairScore(olds[i]!, n, 1),
        titleSimilarity: 1,
        certain: false,
      });
    }
  });

  // 2. What is left: compared through an index of rarer words.
  const restOld = olds.map((_, i) => i).filter((i) => !exactOld.has(i));
  const restNew = news.map((_, j) => j).filter((j) => !exactNew.has(j));
  if (restOld.length > 0 && restNew.length > 0) {
    const df = new Map<string, number>();
    for (const i of restOld)
      for (const w of new Set(olds[i]!.words)) df.set(w, (df.get(w) ?? 0) + 1);
    const index = new Map<string, number[]>();
    for (const i of restOld) {
      for (const w of new Set(olds[i]!.words)) {
        const list = index.get(w) ?? [];
        list.push(i);
        index.set(w, list);
      }
    }
    // Words in more than this many old titles say little about identity.
    const common = Math.max(8, Math.ceil(restOld.length * 0.2));
    for (const j of restNew) {
      const n = news[j]!;
      const hits = new Map<number, number>();
      for (const w of new Set(n.words)) {
        const list = index.get(w);
        if (!list || list.length > common) continue;
        const weight = 1 / df.get(w)!;
        for (const i of list) hits.set(i, (hits.get(i) ?? 0) + weight);
      }
      // With only common words (short titles), fall back to the neighbours by position.
      if (hits.size === 0) {
        const at = Math.round(n.rank * Math.max(0, olds.length - 1));
        for (const i of restOld) if (Math.abs(i - at) <= 3) hits.set(i, 0);
      }
      const best = [...hits].sort((x, y) => y[1] - x[1]).slice(0, MAX_CANDIDATES);
      for (const [i] of best) {
        const sim = titleSimilarity(olds[i]!, n);
        const score = pairScore(olds[i]!, n, sim);
        if (score >= PLAUSIBLE_SCORE && sim >= 0.3)
          candidates.push({ old: i, new: j, score, titleSimilarity: sim, certain: false });
      }
    }
  }

  // 3. Best pairs first; each task takes one partner. A pair is certain when no rival of
  // either side comes close.
  candidates.sort((a, b) => b.score - a.score || a.new - b.new || a.old - b.old);
  const rivalOld = new Map<number, number[]>();
  const rivalNew = new Map<number, number[]>();
  for (const c of candidates) {
    (rivalOld.get(c.old) ?? rivalOld.set(c.old, []).get(c.old)!).push(c.score);
    (rivalNew.get(c.new) ?? rivalNew.set(c.new, []).get(c.new)!).push(c.score);
  }
  const second = (scores: number[] | undefined, own: number): number => {
    if (!scores) return 0;
    let skipped = false;
    for (const s of scores) {
      if (!skipped && s === own) {
        skipped = true;
        continue;
      }
      return s;
    }
    return 0;
  };
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const matches: TaskMatch[] = [];
  const uncertain: TaskMatch[] = [];
  for (const c of candidates) {
    if (usedOld.has(c.old) || usedNew.has(c.new)) continue;
    usedOld.add(c.old);
    usedNew.add(c.new);
    const rival = Math.max(
      second(rivalOld.get(c.old), c.score),
      second(rivalNew.get(c.new), c.score),
    );
    const certain =
      c.score >= CERTAIN_SCORE && c.titleSimilarity >= CERTAIN_TITLE && c.score - rival >= MARGIN;
    // Two tasks with the same title and nothing else to tell them apart are still the same
    // pair when they keep their order (a plan that lists "Báo cáo kết quả" in every section).
    const sameOrder =
      !certain &&
      c.titleSimilarity === 1 &&
      c.score >= CERTAIN_SCORE &&
      sectionAndLeadEqual(olds[c.old]!, news[c.new]!);
    (certain || sameOrder ? matches : uncertain).push({ ...c, certain: certain || sameOrder });
  }
  matches.sort((a, b) => a.new - b.new);
  uncertain.sort((a, b) => a.new - b.new);
  return {
    matches,
    uncertain,
    removed: olds.map((_, i) => i).filter((i) => !usedOld.has(i)),
    added: news.map((_, j) => j).filter((j) => !usedNew.has(j)),
  };
}

function sectionAndLeadEqual(a: Prepared, b: Prepared): boolean {
  return a.section === b.section && a.lead === b.lead && a.time === b.time;
}

// ---------------------------------------------------------------------------------------------
// The plan a tracker tracks: a rebuild with another plan must not overwrite it unasked.

export interface PlanIdentity {
  number: string | null;
  date: string | null;
  title: string | null;
  tasks: number;
  /** A hash of the tasks' titles, in order. */
  fingerprint: string;
}

/** FNV-1a over the folded titles: equal for the same tasks in the same order. */
export function planIdentity(plan: {
  document: { number: string | null; date: string | null; title: string | null };
  tasks: { id: string; title: string }[];
}): PlanIdentity {
  const head = plan.document;
  // Tasks people typed into the tracker are not the document's.
  const tasks = plan.tasks.filter((t) => !isTypedTaskId(t.id));
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const task of tasks) {
    for (const ch of `${titleKey(task.title)}\n`) {
      const c = ch.codePointAt(0)!;
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    }
  }
  return {
    number: head.number,
    date: head.date,
    title: head.title,
    tasks: tasks.length,
    fingerprint: `${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`,
  };
}

export type PlanVerdict = 'same' | 'revision' | 'different';

/** Words a revision adds to a title ("… (điều chỉnh)", "sửa đổi, bổ sung"). */
const REVISION_WORDS = /(?<!\p{L})(điều chỉnh|sửa đổi|bổ sung|thay thế|revised?)(?!\p{L})/giu;

function titleAlike(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const fold = (t: string): string => titleKey(t.replace(REVISION_WORDS, ' '));
  const fa = fold(a);
  const fb = fold(b);
  return fa === fb || charSimilarity(fa, fb) >= 0.7;
}

/** Share of tasks paired (certainly or not) over the larger of the two lists. */
export function pairedShare(matching: TaskMatching, before: number, after: number): number {
  const paired = matching.matches.length + matching.uncertain.length;
  return paired / Math.max(1, before, after);
}

/**
 * Is the plan now the one the tracker tracks? The same tasks: `same`. Another document of the
 * same plan (its number or title) or most tasks found again: `revision`. Otherwise — a
 * different title, or a plan without a title (a pasted table), with few tasks in common —
 * `different`: the caller asks before replacing the tracker's task list.
 */
export function planVerdict(
  before: PlanIdentity | null,
  after: PlanIdentity,
  share: number,
): PlanVerdict {
  if (before && before.fingerprint === after.fingerprint && before.tasks === after.tasks)
    return 'same';
  const sameDocument =
    !!before &&
    ((!!before.number && !!after.number && titleKey(before.number) === titleKey(after.number)) ||
      titleAlike(before.title, after.title));
  if (share >= 0.6) return 'revision';
  if (sameDocument && share >= 0.2) return 'revision';
  return 'different';
}
