import type { Plan, PlanTask, TaskTime } from '../core/plan/types';

import type { Language } from '../core/text/language';
import { cliText, labelled } from './messages';
import { viDate } from '../core/time/calendar';

/** Text on one line, cut with "…" or padded to exactly `width` characters. */
function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= width) return flat + ' '.repeat(width - chars.length);
  return chars.slice(0, Math.max(0, width - 1)).join('') + '…';
}

/** A line of at most `width` characters. */
const line = (text: string, width: number): string => fit(text, width).trimEnd();

function timeLabel(time: TaskTime): string {
  if (time.due) return `${viDate(time.due)} (${time.text})`;
  return time.text;
}

/**
 * A readable summary of a plan that fits a terminal of `columns` characters: labels in both
 * languages, the lines about the document, its tables and its findings in `language`.
 */
export function formatSummary(plan: Plan, columns = 100, language: Language = 'vi'): string {
  const width = Math.max(60, Math.min(columns, 200));
  const out: string[] = [];
  const d = plan.document;
  const head = cliText(language, 'summary-document-head', {
    type: d.type,
    number: d.number,
    place: d.place,
    date: d.date,
  });
  out.push(line(labelled('summary-document', head), width));
  if (d.title) out.push(line(labelled('summary-title', d.title), width));
  if (d.year) out.push(labelled('summary-year', d.year));
  out.push('');
  out.push(labelled('summary-tables', plan.tables.length));
  for (const t of plan.tables) {
    const { kind, firstRow, lastRow } = t;
    const table = cliText(language, 'summary-table', { kind, firstRow, lastRow, title: t.title });
    out.push(line(`  - ${table}`, width));
  }
  if (plan.sections.length > 0) {
    out.push('');
    out.push(labelled('summary-sections', plan.sections.length));
    for (const s of plan.sections) {
      const count = plan.tasks.filter((t) => t.section === s.id).length;
      const label = `  ${s.id.padEnd(5)} `;
      const suffix = ` (${count})`;
      out.push(label + fit(s.title, width - label.length - suffix.length).trimEnd() + suffix);
    }
  }
  out.push('');
  out.push(labelled('summary-tasks', plan.tasks.length));
  if (plan.tasks.length > 0) out.push(...taskTable(plan.tasks, width, language));
  if (plan.findings.length > 0) {
    const bySeverity = (s: string): number => plan.findings.filter((f) => f.severity === s).length;
    out.push('');
    const counts = cliText(language, 'summary-finding-counts', {
      errors: bySeverity('error'),
      warnings: bySeverity('warning'),
      notes: bySeverity('info'),
    });
    out.push(labelled('summary-findings', counts));
  }
  return out.join('\n') + '\n';
}

function taskTable(tasks: PlanTask[], width: number, language: Language): string[] {
  const idWidth = Math.min(8, Math.max(3, ...tasks.map((t) => t.id.length)));
  const timeWidth = Math.max(14, Math.floor(width * 0.22));
  const leadWidth = Math.max(14, Math.floor(width * 0.24));
  // Three " │ " separators between four columns.
  const taskWidth = width - idWidth - timeWidth - leadWidth - 9;
  const row = (a: string, b: string, c: string, e: string): string =>
    `${fit(a, idWidth)} │ ${fit(b, taskWidth)} │ ${fit(c, leadWidth)} │ ${fit(e, timeWidth)}`.trimEnd();
  const [id = '', title = '', lead = '', time = ''] = cliText(
    language,
    'summary-task-columns',
    {},
  ).split('|');
  const lines = [row(id, title, lead, time)];
  lines.push(
    [
      '─'.repeat(idWidth + 1),
      '─'.repeat(taskWidth + 2),
      '─'.repeat(leadWidth + 2),
      '─'.repeat(timeWidth),
    ].join('┼'),
  );
  for (const t of tasks)
    lines.push(row(t.id, t.title, t.lead.join('; ') || '—', timeLabel(t.time) || '—'));
  return lines;
}
