// The unit directory of one plan: every unit named in the lead/support columns, with its spellings
// merged, its counts, and findings about names that are probably one unit but were not merged.
//
// Merging, in order:
//  1. a supplied directory wins: a name whose key equals an entry's name or alias key is that entry;
//  2. names with the same unitKey are one unit;
//  3. a name without a level suffix ("Văn phòng HĐND&UBND") merges into the one name with the
//     plan's level ("Văn phòng HĐND&UBND thị xã") when exactly one such candidate exists: a plan
//     is issued at one level, so a missing suffix that equals the plan's level is the same unit.
// Two different units are never merged on a guess; near misses become `unit-maybe-same` findings.

import type { Finding, PlanTask, PlanUnit } from '../plan/types';
import { finding } from '../findings/messages';
import { isGroup } from './group';
import { levelKey, splitLevel, unitKey } from './key';
import type { UnitDirectoryEntry } from './parse-directory';
import { cleanUnitName, viCollator } from './text';

export type UnitTask = Pick<PlanTask, 'id' | 'lead' | 'support' | 'rows'>;

export interface UnitDirectoryOptions {
  /** A directory supplied by the user: its names win over automatic merging. */
  directory?: UnitDirectoryEntry[];
  /**
   * The plan's own level ("tỉnh", "huyện", "thị xã", "xã"…). When absent it is inferred from the
   * names: the most frequent level suffix among named (non-group) units.
   */
  level?: string;
}

export interface UnitDirectoryResult {
  units: PlanUnit[];
  /** Every spelling found in the tasks (as given and cleaned) → the canonical unit name. */
  aliasToUnit: Map<string, string>;
  findings: Finding[];
}

type Field = 'lead' | 'support';

interface Mention {
  /** The name as given in the task. */
  raw: string;
  /** The name cleaned (NFC, spaces folded, bullets and trailing punctuation removed). */
  name: string;
  key: string;
  task: number;
  field: Field;
  /** Position in document order. */
  order: number;
}

interface Cluster {
  entry: UnitDirectoryEntry | null;
  key: string;
  /** Mentions whose key is the cluster's key (or that matched the directory entry). */
  own: Mention[];
  /** Mentions merged in by the level step (names without the level suffix). */
  absorbed: Mention[];
}

interface BuiltUnit {
  unit: PlanUnit;
  cluster: Cluster;
  mentions: Mention[];
  tokens: string[];
  first: Mention;
}

function collectMentions(tasks: readonly UnitTask[]): Mention[] {
  const mentions: Mention[] = [];
  // A plan names few units many times: clean and key each spelling once.
  const known = new Map<string, { name: string; key: string }>();
  tasks.forEach((task, t) => {
    for (const field of ['lead', 'support'] as const) {
      for (const raw of task[field]) {
        let spelling = known.get(raw);
        if (spelling === undefined) {
          const name = cleanUnitName(raw);
          known.set(raw, (spelling = { name, key: name === '' ? '' : unitKey(name) }));
        }
        const { name, key } = spelling;
        if (name === '') continue;
        mentions.push({ raw, name, key, task: t, field, order: mentions.length });
      }
    }
  });
  return mentions;
}

/** The most frequent level suffix among named units, or null when there is none or a tie. */
function inferLevel(clusters: Cluster[]): string | null {
  const counts = new Map<string, number>();
  for (const c of clusters) {
    const sample = c.own[0] ?? c.absorbed[0];
    if (sample === undefined || isGroup(sample.name)) continue;
    const { level } = splitLevel(c.key);
    if (level !== null) counts.set(level, (counts.get(level) ?? 0) + c.own.length);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (top === undefined) return null;
  if (second !== undefined && second[1] === top[1]) return null;
  return top[0];
}

/** Merges bare names into the one candidate carrying the plan's level. */
function mergeLevels(auto: Map<string, Cluster>, planLevel: string | null): void {
  const byBase = new Map<string, Cluster[]>();
  for (const c of auto.values()) {
    const s = splitLevel(c.key);
    if (s.level === null) continue;
    if (planLevel !== null && s.level !== planLevel) continue;
    const k = `${s.base}|${s.paren}`;
    const same = byBase.get(k);
    if (same === undefined) byBase.set(k, [c]);
    else same.push(c);
  }
  for (const [key, c] of [...auto.entries()]) {
    const s = splitLevel(c.key);
    if (s.level !== null) continue;
    const candidates = byBase.get(`${s.base}|${s.paren}`) ?? [];
    const [target] = candidates;
    if (candidates.length !== 1 || target === undefined || target === c) continue;
    for (const m of c.own) target.absorbed.push(m);
    for (const m of c.absorbed) target.absorbed.push(m);
    auto.delete(key);
  }
}

function pickCanonical(mentions: Mention[]): string {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  const ranked = [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || b[0].length - a[0].length || viCollator.compare(a[0], b[0]),
  );
  return ranked[0]?.[0] ?? '';
}

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(viCollator.compare);
}

function isPrefix(short: string[], long: string[]): boolean {
  return short.length < long.length && short.every((t, i) => long[i] === t);
}

/**
 * The pairs (a, b) of `units` where a's tokens are a proper prefix of b's and no third unit's
 * tokens lie between them (a prefix of b that a is a prefix of), in the order of a nested loop
 * over `units` (a outer, b inner). Found through each unit's own prefixes, so the work grows
 * with the number of units times their length, not with the number of pairs of units.
 */
function prefixPairs(units: BuiltUnit[]): [BuiltUnit, BuiltUnit][] {
  const byTokens = new Map<string, number[]>();
  units.forEach((u, i) => {
    const key = u.tokens.join(' ');
    const same = byTokens.get(key);
    if (same === undefined) byTokens.set(key, [i]);
    else same.push(i);
  });
  const pairs: [number, number][] = [];
  units.forEach((b, j) => {
    // The units whose tokens are b's first k tokens, for each shorter k.
    const shorter: (number[] | undefined)[] = [];
    let prefix = '';
    for (let k = 1; k < b.tokens.length; k++) {
      prefix = k === 1 ? b.tokens[0]! : `${prefix} ${b.tokens[k - 1]!}`;
      shorter[k] = byTokens.get(prefix);
    }
    for (let k = 1; k < b.tokens.length; k++) {
      const found = shorter[k];
      if (found === undefined) continue;
      let between = false;
      for (let m = k + 1; m < b.tokens.length && !between; m++) between = shorter[m] !== undefined;
      if (between) continue;
      for (const i of found) pairs.push([i, j]);
    }
  });
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return pairs.map(([i, j]) => [units[i]!, units[j]!]);
}

/**
 * Builds the unit directory of a plan: one entry per real unit with its canonical name (the most
 * frequent spelling; ties → the longest; a supplied directory's name wins), every spelling as an
 * alias, the group flag and the number of tasks naming it as lead / support (a task counts once
 * per unit). Units are ordered by lead count, support count, then name (Vietnamese collation).
 */
export function buildUnitDirectory(
  tasks: readonly UnitTask[],
  options: UnitDirectoryOptions = {},
): UnitDirectoryResult {
  const mentions = collectMentions(tasks);
  const directory = options.directory;

  // 1. Directory entries, by the key of their name and of every alias.
  const entryByKey = new Map<string, number>();
  (directory ?? []).forEach((entry, i) => {
    for (const n of [entry.name, ...entry.aliases]) {
      const k = unitKey(n);
      if (k !== '' && !entryByKey.has(k)) entryByKey.set(k, i);
    }
  });

  // 2. Clusters: directory entries, then automatic clusters by key.
  const fromDirectory = new Map<number, Cluster>();
  const auto = new Map<string, Cluster>();
  for (const m of mentions) {
    const i = entryByKey.get(m.key);
    const entry = i === undefined ? undefined : directory?.[i];
    if (i !== undefined && entry !== undefined) {
      let c = fromDirectory.get(i);
      if (c === undefined) {
        c = { entry, key: unitKey(entry.name), own: [], absorbed: [] };
        fromDirectory.set(i, c);
      }
      c.own.push(m);
    } else {
      let c = auto.get(m.key);
      if (c === undefined) {
        c = { entry: null, key: m.key, own: [], absorbed: [] };
        auto.set(m.key, c);
      }
      c.own.push(m);
    }
  }

  // 3. The level step, among automatic clusters only.
  const given = options.level === undefined ? null : levelKey(options.level);
  const planLevel = given ?? inferLevel([...fromDirectory.values(), ...auto.values()]);
  mergeLevels(auto, planLevel);

  // 4. Units.
  const built: BuiltUnit[] = [];
  const aliasToUnit = new Map<string, string>();
  for (const cluster of [...fromDirectory.values(), ...auto.values()]) {
    const all = [...cluster.own, ...cluster.absorbed].sort((a, b) => a.order - b.order);
    const first = all[0];
    if (first === undefined) continue;
    const entry = cluster.entry;
    // A name written inside a list may start in lowercase ("phòng Nội vụ"); as a heading it
    // starts with a capital.
    const name = entry !== null ? entry.name : capitalise(pickCanonical(all));
    const lead = new Set(all.filter((m) => m.field === 'lead').map((m) => m.task));
    const support = new Set(all.filter((m) => m.field === 'support').map((m) => m.task));
    const unit: PlanUnit = {
      name,
      group: entry !== null ? entry.group : isGroup(name),
      aliases: uniqueSorted([name, ...all.map((m) => m.name)]),
      leadCount: lead.size,
      supportCount: support.size,
    };
    if (entry !== null && entry.members.length > 0) unit.members = [...entry.members];
    built.push({ unit, cluster, mentions: all, tokens: unitKey(name).split(' '), first });
    aliasToUnit.set(name, name);
    for (const m of all) {
      aliasToUnit.set(m.name, name);
      aliasToUnit.set(m.raw, name);
    }
  }

  // 5. Findings.
  const found: { order: number; finding: Finding }[] = [];
  const taskIds = (u: BuiltUnit): string[] =>
    [...new Set(u.mentions.map((m) => m.task))].map((t) => tasks[t]?.id ?? '');
  const rowsOf = (u: BuiltUnit): number[] =>
    [...new Set(u.mentions.flatMap((m) => tasks[m.task]?.rows ?? []))].sort((a, b) => a - b);
  // A unit may be named in many findings: its tasks and rows are listed once.
  const idsOnce = new Map<BuiltUnit, string[]>();
  const rowsOnce = new Map<BuiltUnit, number[]>();
  const idsOf = (u: BuiltUnit): string[] => {
    let ids = idsOnce.get(u);
    if (ids === undefined) idsOnce.set(u, (ids = taskIds(u)));
    return ids;
  };
  const rowsOfOnce = (u: BuiltUnit): number[] => {
    let rows = rowsOnce.get(u);
    if (rows === undefined) rowsOnce.set(u, (rows = rowsOf(u)));
    return [...rows];
  };
  const spellingsOf = (u: BuiltUnit): string[] => uniqueSorted(u.mentions.map((m) => m.name));

  if (directory !== undefined) {
    const entryTokens = directory.map((e) => ({
      name: e.name,
      tokens: unitKey(e.name).split(' '),
    }));
    for (const u of built) {
      if (u.cluster.entry !== null) continue;
      const ids = taskIds(u);
      const spellings = spellingsOf(u);
      const hint = entryTokens.find(
        (e) => isPrefix(e.tokens, u.tokens) || isPrefix(u.tokens, e.tokens),
      );
      const params = { unit: u.unit.name, spellings, tasks: ids, hint: hint?.name ?? null };
      found.push({
        order: u.first.order,
        finding: finding(
          'unit-unknown',
          'warning',
          tasks[u.first.task]?.id ?? null,
          rowsOf(u),
          params,
          {
            field: u.first.field,
          },
        ),
      });
    }
  }

  // Pairs where one key is a word-prefix of the other (same group flag, neither from the
  // directory, not a parenthesised part), skipping a pair when a third unit lies between them.
  // A name without a level suffix that was not merged (no or several candidates, or a candidate
  // at another level than the plan's) is such a pair too.
  const candidates = built.filter((u) => u.tokens.length >= 2);
  for (const [a, b] of prefixPairs(candidates)) {
    // A longer collective lists more kinds of body ("Các ban, ngành" / "Các ban, ngành, đoàn
    // thể"): a different group, not a spelling slip.
    if (a.unit.group || b.unit.group) continue;
    // Directory units are declared distinct; an unknown name near one gets a hint in its
    // unit-unknown finding instead.
    if (a.cluster.entry !== null || b.cluster.entry !== null) continue;
    // "X (Bộ phận tiếp nhận và trả kết quả)" names a part of X on purpose: not a spelling slip.
    const rest = b.tokens.slice(a.tokens.length);
    if (rest[0] === '(' && rest[rest.length - 1] === ')') continue;
    // The finding points at the less used spelling: the one to fix.
    const [target, other] = a.mentions.length <= b.mentions.length ? [a, b] : [b, a];
    const ids = idsOf(target);
    const params = {
      first: a.unit.name,
      second: b.unit.name,
      target: target.unit.name,
      other: other.unit.name,
      tasks: ids,
    };
    found.push({
      order: target.first.order,
      finding: finding(
        'unit-maybe-same',
        'info',
        tasks[target.first.task]?.id ?? null,
        rowsOfOnce(target),
        params,
        {
          field: target.first.field,
        },
      ),
    });
  }

  const units = built
    .map((u) => u.unit)
    .sort(
      (x, y) =>
        y.leadCount - x.leadCount ||
        y.supportCount - x.supportCount ||
        viCollator.compare(x.name, y.name),
    );
  const findings = found
    .sort((x, y) => x.order - y.order || x.finding.code.localeCompare(y.finding.code))
    .map((f) => f.finding);
  return { units, aliasToUnit, findings };
}

function capitalise(name: string): string {
  return name.charAt(0).toLocaleUpperCase('vi') + name.slice(1);
}
