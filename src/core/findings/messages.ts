// Finding texts, Vietnamese first with English. One place so the wording stays consistent.
import type { Finding, Severity } from '../plan/types';

export type Field = NonNullable<Finding['field']>;

export const FIELD_VI: Record<Field, string> = {
  stt: 'STT',
  title: 'nhiệm vụ',
  lead: 'đơn vị chủ trì',
  support: 'đơn vị phối hợp',
  time: 'thời gian',
  product: 'sản phẩm',
};

export const FIELD_EN: Record<Field, string> = {
  stt: 'STT',
  title: 'task',
  lead: 'lead unit',
  support: 'coordinating units',
  time: 'time',
  product: 'deliverable',
};

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export { viDate } from '../time/calendar';

/** 40000 → "40.000" (vi), "40,000" (en). */
export function groupDigits(n: number, language: 'vi' | 'en'): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, language === 'vi' ? '.' : ',');
}

export function finding(
  code: string,
  severity: Severity,
  task: string | null,
  rows: number[],
  message: [string, string],
  extra: { field?: Field; suggestion?: [string, string] } = {},
): Finding {
  const f: Finding = { code, severity, task, message: message[0], messageEn: message[1], rows };
  if (extra.field) f.field = extra.field;
  if (extra.suggestion) {
    f.suggestion = extra.suggestion[0];
    f.suggestionEn = extra.suggestion[1];
  }
  return f;
}
