// Units that are probably one office written several ways, offered to a person to merge (never
// merged on a guess): seed 001's "Văn phòng HĐND - UBND huyện", "Văn phòng HĐND - UBND huyện
// (Bộ phận tiếp nhận và trả kết quả)", "UBND huyện (Bộ phận tiếp nhận và trả kết quả)", "Bộ phận
// tiếp nhận và trả kết quả" and "Văn phòng HĐND". Two named units (not groups) are near when,
// by their comparison keys (unitKey: abbreviations expanded, connectors and case ignored):
// - one's words begin the other's ("Văn phòng HĐND" / "Văn phòng HĐND - UBND huyện"; a level
//   or a part in brackets added);
// - both name the same part in brackets ("X (Bộ phận một cửa)" / "Y (Bộ phận một cửa)");
// - one is the part the other names in brackets ("Bộ phận một cửa" / "X (Bộ phận một cửa)").
// Near units join into groups (a chain of near pairs is one group).

import type { PlanUnit } from '../plan/types';
import { splitLevel, unitKey } from '../units';
import { viCollator } from '../units/text';

export interface MergeSuggestion {
  /** The units' names, the suggested name to keep first. */
  names: string[];
  /** A stable identity for the suggestion (its names, sorted). */
  key: string;
}

interface Keyed {
  unit: PlanUnit;
  tokens: string[];
  /** The words in brackets, without the brackets ("bộ phận tiếp nhận trả kết quả"). */
  part: string;
  key: string;
}

const startsWith = (long: string[], short: string[]): boolean =>
  short.length >= 2 && short.length < long.length && short.every((t, i) => long[i] === t);

function near(a: Keyed, b: Keyed): boolean {
  if (startsWith(a.tokens, b.tokens) || startsWith(b.tokens, a.tokens)) return true;
  if (a.part !== '' && a.part === b.part) return true;
  return (a.part !== '' && a.part === b.key) || (b.part !== '' && b.part === a.key);
}

const uses = (u: PlanUnit): number => u.leadCount + u.supportCount;

/** Groups of named units that look like one office, largest groups first. */
export function suggestUnitMerges(units: readonly PlanUnit[]): MergeSuggestion[] {
  const keyed: Keyed[] = units
    .filter((u) => !u.group)
    .map((unit) => {
      const key = unitKey(unit.name);
      const { paren } = splitLevel(key);
      return {
        unit,
        key,
        tokens: key.split(' '),
        part: paren.replace(/^\(\s*|\s*\)$/g, ''),
      };
    });
  // Union–find over near pairs.
  const parent = keyed.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  keyed.forEach((one, i) =>
    keyed.forEach((other, j) => {
      if (j > i && near(one, other)) parent[root(j)] = root(i);
    }),
  );
  const groups = new Map<number, PlanUnit[]>();
  keyed.forEach((k, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), k.unit]));
  return [...groups.values()]
    .filter((g) => g.length >= 2)
    .map((g) => {
      // The most used name first (ties: the longest, then alphabetical).
      const ordered = [...g].sort(
        (x, y) =>
          uses(y) - uses(x) || y.name.length - x.name.length || viCollator.compare(x.name, y.name),
      );
      const names = ordered.map((u) => u.name);
      return { names, key: [...names].sort(viCollator.compare).join('|') };
    })
    .sort((a, b) => b.names.length - a.names.length);
}
