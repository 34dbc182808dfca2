// Vừa chủ trì vừa phối hợp: a unit named both as lead and as coordinating (under any of its
// spellings in the unit directory).
import { finding } from '../messages';
import type { TaskRule } from './types';

export const leadIsSupport: TaskRule = {
  scope: 'task',
  codes: ['lead-is-support'],
  check({ task, context }) {
    if (task.support.length === 0 || task.lead.length === 0) return [];
    const canonical = (name: string): string => context.aliasToUnit.get(name) ?? name;
    const leads = new Set(task.lead.map(canonical));
    const units = [...new Set(task.support.map(canonical))].filter((unit) => leads.has(unit));
    if (units.length === 0) return [];
    return [
      finding('lead-is-support', 'warning', task.id, task.rows, { units }, { field: 'support' }),
    ];
  },
};
