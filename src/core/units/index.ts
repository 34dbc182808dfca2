// Units: splitting lead/support cells, comparison keys, groups, and the plan's unit directory.

export { splitUnits, unitSplitter } from './split';
export type { UnitSplitter } from './split';
export { isGroup } from './group';
export { unitKey, splitLevel, levelKey } from './key';
export type { LevelSplit } from './key';
export { cleanUnitName } from './text';
export { buildUnitDirectory } from './directory';
export type { UnitDirectoryOptions, UnitDirectoryResult, UnitTask } from './directory';
export { parseUnitDirectory } from './parse-directory';
export type { UnitDirectoryEntry, UnitDirectoryFormat } from './parse-directory';
export { readLeadCell, stripTitle } from './cell';
export type { LeadCell } from './cell';
