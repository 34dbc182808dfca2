// STT lặp lại, sai thứ tự, thiếu STT: the numbering within a section (or across the table when
// it runs on from one section to the next), read as a sequence.
import type { Finding, PlanTask } from '../../plan/types';
import { finding } from '../messages';
import type { PlanRule } from './types';

function checkSequence(sequence: PlanTask[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<number, PlanTask>();
  let previous: number | null = null;
  for (const task of sequence) {
    if (!/^\d+$/.test(task.stt)) continue;
    const stt = Number(task.stt);
    const first = seen.get(stt);
    const at = [task.id, task.rows] as const;
    if (first) {
      out.push(
        finding('stt-duplicate', 'warning', ...at, { stt, first: first.id }, { field: 'stt' }),
      );
    } else if (previous !== null && stt < previous) {
      out.push(finding('stt-order', 'warning', ...at, { stt, previous }, { field: 'stt' }));
    } else if (stt > (previous ?? 0) + 1) {
      const from = (previous ?? 0) + 1;
      const params = { from, to: stt - 1, task: task.id };
      out.push(finding('stt-skipped', 'warning', ...at, params, { field: 'stt' }));
    }
    if (!first) seen.set(stt, task);
    previous = Math.max(previous ?? stt, stt);
  }
  return out;
}

export const sttNumbering: PlanRule = {
  scope: 'plan',
  codes: ['stt-duplicate', 'stt-order', 'stt-skipped'],
  check({ tasks }) {
    const bySection = new Map<string | null, PlanTask[]>();
    for (const task of tasks) {
      const section = bySection.get(task.section);
      if (section === undefined) bySection.set(task.section, [task]);
      else section.push(task);
    }
    const groups = [...bySection.values()];
    // Numbering runs on when a later section does not start again at 1 (seed 002).
    const runsOn = groups.length > 1 && groups.slice(1).some((group) => Number(group[0]?.stt) > 1);
    return (runsOn ? [tasks] : groups).flatMap(checkSequence);
  },
};
