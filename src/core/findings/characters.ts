// Findings for the characters cleaned out of the source (core/grid/legal): one per task whose
// rows held some, one for the rest of the document.

import type { Finding, PlanTask } from '../plan/types';
import { describeReplaced, type Replaced } from '../text/legal';
import { finding } from './messages';

/** Kinds of characters named in one message; more are summed up as "…". */
const NAMED = 4;

function message(counts: Replaced): [string, string] {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const kinds = [...counts].sort((a, b) => b[1] - a[1]);
  const parts = kinds.slice(0, NAMED).map(([ch, n]) => describeReplaced(ch, n));
  const more =
    kinds.length > NAMED
      ? [`… (${kinds.length - NAMED} loại khác)`, `… (${kinds.length - NAMED} other kinds)`]
      : null;
  const vi = [...parts.map((p) => p[0]), ...(more ? [more[0]] : [])].join('; ');
  const en = [...parts.map((p) => p[1]), ...(more ? [more[1]] : [])].join('; ');
  return [
    `Đã sửa ${total} ký tự không ghi được vào tệp Excel (thường do sao chép từ Word): ${vi}.`,
    `Fixed ${total} character${total > 1 ? 's' : ''} an Excel file cannot hold (often left by copying from Word): ${en}.`,
  ];
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
    finding('illegal-characters', 'info', task?.id ?? null, rows, message(counts)),
  );
}
