import { findingLabel, findingMessage } from '../core/findings';
import type { Finding, Plan, Severity } from '../core/plan/types';
import { speakerIn, type Language } from './messages';

function wrap(text: string, width: number, indent: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && [...current].length + 1 + [...word].length > width - indent.length) {
      lines.push(indent + current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(indent + current);
  return lines;
}

function shorten(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length <= width ? flat : [...flat].slice(0, width - 1).join('') + '…';
}

/** Findings as a readable list grouped by severity, each with its rows and task. */
export function formatFindings(plan: Plan, lang: Language, columns = 100): string {
  const width = Math.max(60, Math.min(columns, 160));
  const count = (s: Severity): number => plan.findings.filter((f) => f.severity === s).length;
  const doc = plan.document;
  const name = doc.number ? `${doc.type ?? ''} ${doc.number}`.trim() : (doc.title ?? '');
  const out: string[] = [];
  const say = speakerIn(lang);
  out.push(
    say('check-heading', {
      name: shorten(name, width - 40),
      errors: count('error'),
      warnings: count('warning'),
      notes: count('info'),
    }),
  );
  if (plan.findings.length === 0) {
    out.push(say('nothing-to-fix', {}));
    return out.join('\n') + '\n';
  }
  const titles = new Map(plan.tasks.map((t) => [t.id, t.title]));
  for (const severity of ['error', 'warning', 'info'] as Severity[]) {
    const group = plan.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push('');
    out.push(say('severity-heading', { severity, count: group.length }));
    for (const f of group) out.push(...formatOne(f, titles, lang, width));
  }
  return out.join('\n') + '\n';
}

function formatOne(
  f: Finding,
  titles: Map<string, string>,
  lang: Language,
  width: number,
): string[] {
  const say = speakerIn(lang);
  const where = [
    f.task ? say('finding-task', { task: f.task }) : null,
    f.rows.length > 0 ? say('finding-rows', { rows: f.rows }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const { message, suggestion } = findingMessage(f, lang);
  // The kind in words; the code (`lead-missing`) is for programs and stays in `--json`.
  const lines = [`  • ${where ? `${where} — ` : ''}${findingLabel(f, lang)}`];
  lines.push(...wrap(message, width, '    '));
  const title = f.task ? titles.get(f.task) : undefined;
  if (title) lines.push(`    « ${shorten(title, width - 8)} »`);
  if (suggestion) lines.push(...wrap(`→ ${suggestion}`, width, '    '));
  return lines;
}
