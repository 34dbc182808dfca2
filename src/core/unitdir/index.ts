// An office's unit directory as a person keeps it: merging units a plan spells several ways,
// suggestions of units that look like one office, and the `--units` file format.

export { applyUnitEdit, applyUnitEdits, entriesOfUnits } from './edit';
export type { UnitEdit } from './edit';
export { suggestUnitMerges } from './suggest';
export type { MergeSuggestion } from './suggest';
export { DIRECTORY_CSV_HEADERS, writeUnitDirectory } from './write';
