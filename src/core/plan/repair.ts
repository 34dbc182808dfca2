import type { Finding } from './types';
import { finding } from '../findings/messages';
import type { RawTask } from '../table/rows';
import { splitUnits } from '../units';
import { foldForMatch } from '../text/normalize';

type UnitRole = 'lead' | 'support';

/**
 * A page break sometimes shifts the end of a unit name into the next row's cell: task 19's lead
 * reads "Công chức Văn hóa" and task 20's "- Xã hội Công chức Văn hóa - Xã hội". When the joined
 * name ("Công chức Văn hóa - Xã hội") is a unit written whole elsewhere in the same plan and the
 * cut name is not, the fragment is moved back, and a finding says so for a person to confirm.
 */
export function repairShiftedUnitCells(
  tasks: RawTask[],
  ids: string[],
  split: (cell: string) => readonly string[] = splitUnits,
): Finding[] {
  const findings: Finding[] = [];
  // A plan names the same units again and again: each spelling is folded once.
  const folded = new Map<string, string>();
  const keyOf = (unit: string): string => {
    let key = folded.get(unit);
    if (key === undefined) folded.set(unit, (key = foldForMatch(unit)));
    return key;
  };
  for (const role of ['lead', 'support'] as UnitRole[]) {
    const known = new Map<string, number>();
    // Each task's units as first read: a cell is read again only once a repair changed it.
    const texts: string[] = [];
    const unitsOf: (readonly string[])[] = [];
    for (const task of tasks) {
      const text = task.cells[role] ?? '';
      const units = split(text);
      texts.push(text);
      unitsOf.push(units);
      for (const unit of units) {
        const key = keyOf(unit);
        known.set(key, (known.get(key) ?? 0) + 1);
      }
    }
    for (let i = 0; i + 1 < tasks.length; i++) {
      const above = tasks[i]!;
      const below = tasks[i + 1]!;
      const aboveText = above.cells[role] ?? '';
      const belowText = below.cells[role] ?? '';
      if (!aboveText || !belowText) continue;
      const aboveUnits = aboveText === texts[i] ? unitsOf[i]! : split(aboveText);
      const cut = aboveUnits[aboveUnits.length - 1];
      if (!cut || (known.get(keyOf(cut)) ?? 0) > 1) continue;
      const repaired = findShiftedFragment(cut, belowText, known);
      if (!repaired) continue;
      above.cells[role] = aboveText.slice(0, aboveText.length - cut.length) + repaired.whole;
      below.cells[role] = repaired.rest;
      // The fragment's line now gives text to the task above too.
      if (below.rows[0] !== undefined && !above.rows.includes(below.rows[0]))
        above.rows.push(below.rows[0]);
      const rows = [...new Set([...above.rows, ...below.rows])].sort((x, y) => x - y);
      const params = {
        field: role,
        fragment: repaired.fragment,
        whole: repaired.whole,
        rest: repaired.rest,
        task: ids[i + 1] ?? null,
        above: ids[i] ?? null,
      };
      findings.push(
        finding('cell-shifted', 'warning', ids[i + 1] ?? null, rows, params, { field: role }),
      );
    }
  }
  return findings;
}

function findShiftedFragment(
  cut: string,
  below: string,
  known: Map<string, number>,
): { fragment: string; whole: string; rest: string } | null {
  const words = below.split(/\s+/);
  // Try the shortest fragment first: one word, two words… up to five.
  for (let n = 1; n <= Math.min(5, words.length - 1); n++) {
    const fragment = words.slice(0, n).join(' ');
    const rest = words.slice(n).join(' ').trim();
    const whole = `${cut} ${fragment}`.replace(/\s+/g, ' ');
    if (!rest || !/^[\p{Lu}\-–•+]/u.test(rest)) continue;
    if ((known.get(foldForMatch(whole)) ?? 0) >= 1) return { fragment, whole, rest };
  }
  return null;
}
