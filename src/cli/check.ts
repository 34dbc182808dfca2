import { findingLabel, findingMessage } from '../core/findings';
import type { Finding, Plan, Severity } from '../core/plan/types';
import { plural, type Language } from '../core/text/language';

const HEADINGS: Record<Severity, Record<Language, string>> = {
  error: { vi: 'LỖI', en: 'ERRORS' },
  warning: { vi: 'CẢNH BÁO', en: 'WARNINGS' },
  info: { vi: 'LƯU Ý', en: 'NOTES' },
};

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
  out.push(
    lang === 'vi'
      ? `Kiểm tra ${shorten(name, width - 40)}: ${[
          plural('vi', count('error'), { other: '# lỗi' }),
          plural('vi', count('warning'), { other: '# cảnh báo' }),
          plural('vi', count('info'), { other: '# lưu ý' }),
        ].join(', ')}`
      : `Check of ${shorten(name, width - 40)}: ${[
          plural('en', count('error'), { one: '# error', other: '# errors' }),
          plural('en', count('warning'), { one: '# warning', other: '# warnings' }),
          plural('en', count('info'), { one: '# note', other: '# notes' }),
        ].join(', ')}`,
  );
  if (plan.findings.length === 0) {
    out.push(lang === 'vi' ? 'Không có điểm nào cần sửa.' : 'Nothing to fix.');
    return out.join('\n') + '\n';
  }
  const titles = new Map(plan.tasks.map((t) => [t.id, t.title]));
  for (const severity of ['error', 'warning', 'info'] as Severity[]) {
    const group = plan.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push('');
    out.push(`${HEADINGS[severity][lang]} (${group.length})`);
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
  const rowsLabel =
    f.rows.length === 0 ? '' : `${lang === 'vi' ? 'dòng' : 'row'} ${f.rows.join(', ')}`;
  const where = [
    f.task ? `${lang === 'vi' ? 'Nhiệm vụ' : 'Task'} ${f.task}` : null,
    rowsLabel || null,
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
