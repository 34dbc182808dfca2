// A task's cells as the blank-cell rules read them: filled or not, and their text.
import type { PlanTask } from '../../plan/types';
import type { Field } from '../messages';
import type { TaskInput } from './types';

export function isFilled(task: PlanTask, field: Field): boolean {
  switch (field) {
    case 'lead':
      return task.lead.length > 0;
    case 'support':
      return task.support.length > 0;
    case 'time':
      return task.time.text !== '';
    case 'product':
      return task.product !== '';
    case 'title':
      return task.title !== '';
    case 'stt':
      return task.stt !== '';
  }
}

/** The cell's text as one line: unit lists joined with "; ". */
export function cellText(task: PlanTask, field: Field): string {
  switch (field) {
    case 'lead':
      return task.lead.join('; ');
    case 'support':
      return task.support.join('; ');
    case 'time':
      return task.time.text;
    case 'product':
      return task.product;
    case 'stt':
      return task.stt;
    case 'title':
      return task.title;
  }
}

/**
 * The filled cell of the task above in the same section, when the source may have lost its
 * merges: a blank under it may be one merged cell. Undefined otherwise.
 */
export function mergedAboveText(
  { task, above, context }: TaskInput,
  field: Field,
): string | undefined {
  if (context.mergesKnown || above === null || above.section !== task.section) return undefined;
  return isFilled(above, field) ? cellText(above, field) : undefined;
}
