export { validatePlan, sortFindings, titleYears } from './validate';
export type { ValidationContext } from './validate';
export { sourceFindings } from './source';
export { appendixHeadFindings } from './appendix-head';
export { findingLabel, severityLabel } from './labels';
export { findingMessage, findingText, CATALOGUED_CODES } from './messages';
export type { FindingCode, FindingParamsByCode, FindingText } from './messages';
export { RULES } from './rules';
