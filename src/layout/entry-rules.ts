// What Excel accepts in the cells a person fills in, the same on the tracker's Nhiệm vụ and on a
// unit's file: a state from the list, a progress from 0 to 100, a date in 2000–2099. Each rule
// says what is wanted when the cell is selected and again when a value is refused.

import { isoToSerial } from '../excel/dates';
import type { Labels } from './labels';
import type { DataValidation, RangeRef } from './types';

type Words = Labels['words'];

/** Excel shows at most 32 characters of a prompt's title. */
const TITLE_LENGTH = 32;

function rule(
  range: RangeRef,
  check: Pick<DataValidation, 'type' | 'source' | 'min' | 'max'>,
  words: Words,
  text: { title: string; prompt: string; refused: string },
): DataValidation {
  return {
    range,
    ...check,
    allowBlank: true,
    prompt: { title: text.title.slice(0, TITLE_LENGTH), message: text.prompt },
    error: { title: words.invalid!, message: text.refused },
  };
}

/** A state from `source`: a defined name ("=DsTrangThai") or a quoted list. */
export function stateRule(range: RangeRef, source: string, words: Words): DataValidation {
  const message = words.statePrompt!;
  return rule(range, { type: 'list', source }, words, {
    title: words.state!,
    prompt: message,
    refused: message,
  });
}

export function progressRule(range: RangeRef, words: Words): DataValidation {
  const message = words.progressPrompt!;
  return rule(range, { type: 'decimal', min: 0, max: 100 }, words, {
    title: words.progress!,
    prompt: message,
    refused: message,
  });
}

const FIRST_DATE = isoToSerial('2000-01-01');
const LAST_DATE = isoToSerial('2099-12-31');

/**
 * A date in 2000–2099 in the column headed `title`; `prompt` says what the date is for
 * (dd/mm/yyyy unless told).
 */
export function dateRule(
  range: RangeRef,
  title: string,
  words: Words,
  prompt = words.datePrompt!,
): DataValidation {
  return rule(range, { type: 'date', min: FIRST_DATE, max: LAST_DATE }, words, {
    title,
    prompt,
    refused: words.datePrompt!,
  });
}
