// Time expressions of plan appendices → dates. Pure: no clock, no I/O.
export { readTimeColumns, readTimeExpression } from './read';
export type { TimeContext, TimeReading } from './types';
