export { validatePlan, sortFindings, titleYears } from './validate';
export type { ValidationContext } from './validate';
export { sourceFindings } from './source';
