// Findings for the characters cleaned out of the source (core/grid/legal): one per task whose
// rows held some, one for the rest of the document.

import type { Finding, PlanTask } from '../plan/types';
import type { Replaced } from '../text/legal';
import { finding, type FindingParamsByCode } from './messages';

/** The replaced characters as parameters: the most frequent first. */
function params(counts: Replaced): FindingParamsByCode['illegal-characters'] {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  return {
    total,
    characters: sorted.map(([character]) => character),
    counts: sorted.map(([, count]) => count),
  };
}

function add(into: Replaced, from: Replaced): void {
  for (const [ch, n] of from) into.set(ch, (into.get(ch) ?? 0) + n);
}

export function illegalCharacterFindings(
  replaced: Map<number, Replaced>,
  tasks: PlanTask[],
): Finding[] {
  if (replaced.size === 0) return [];
  const taskOfRow = new Map<number, PlanTask>();
  for (const task of tasks) for (const row of task.rows) taskOfRow.set(row, task);
  const byTask = new Map<PlanTask | null, { rows: number[]; counts: Replaced }>();
  for (const [row, counts] of [...replaced].sort((a, b) => a[0] - b[0])) {
    const task = taskOfRow.get(row) ?? null;
    const entry = byTask.get(task) ?? { rows: [], counts: new Map<string, number>() };
    byTask.set(task, entry);
    entry.rows.push(row);
    add(entry.counts, counts);
  }
  return [...byTask].map(([task, { rows, counts }]) =>
    finding('illegal-characters', 'info', task?.id ?? null, rows, params(counts)),
  );
}
