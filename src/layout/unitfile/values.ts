// The fields a unit fills, between the tracker's entries, the comparable form the ticket keeps
// and the words a person reads (history rows, summaries).

import type { WorkState } from '../../core/status';
import { viDate } from '../context';
import { labelsFor, stateOfLabel, type Language } from '../labels';
import type { Entries } from '../tracker/model';
import { NO_VALUES, type AnswerField, type FieldValues } from './model';

/** A number in its plain decimal form ("50", "12.5"). */
export function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

const clean = (t: string | undefined): string => (t ?? '').normalize('NFC').trim();

/** The comparable values of a tracker row's entries. */
export function valuesOf(entries: Entries): FieldValues {
  const state = clean(entries.state);
  return {
    ...NO_VALUES,
    state: state ? (stateOfLabel(state) ?? state) : '',
    progress: entries.progress !== undefined ? numberText(entries.progress) : '',
    completed: entries.completed ?? '',
    note: clean(entries.note),
    extensionRequest: entries.extensionRequest ?? '',
    extensionReason: clean(entries.extensionReason),
  };
}

/** The entries with one field set to a comparable value ("" clears it). */
export function withValue(
  entries: Entries,
  field: AnswerField,
  value: string,
  language: Language,
): Entries {
  const out: Entries = { ...entries };
  if (value === '') {
    delete out[field];
    return out;
  }
  switch (field) {
    case 'state': {
      const states = labelsFor(language).states as Record<string, string>;
      out.state = states[value] ?? value;
      break;
    }
    case 'progress':
      out.progress = Number(value);
      break;
    default:
      out[field] = value;
  }
  return out;
}

/** The header of a field: in the unit file ("Kết quả / Ghi chú"), or in the tracker and Lịch sử. */
export function fieldLabel(
  field: AnswerField,
  language: Language,
  place: 'file' | 'tracker' = 'tracker',
): string {
  const words = labelsFor(language).words;
  return field === 'note' && place === 'file' ? words.resultNote! : words[field]!;
}

/** A comparable value in words: a state's label, a date dd/mm/yyyy. */
export function valueWords(field: AnswerField, value: string, language: Language): string {
  if (value === '') return '';
  if (field === 'state') {
    const states = labelsFor(language).states as Record<WorkState, string>;
    return states[value as WorkState] ?? value;
  }
  if (field === 'completed' || field === 'extensionRequest') return viDate(value);
  return value;
}
