// What a rebuild over an existing tracker did, in a few lines a clerk can check: kept,
// renumbered, edited, new and removed tasks, rows people typed, pairs that need a person.

import type { RebuildReport } from '../layout/tracker/carry';
import { speakerIn, type Language } from './messages';

const MAX_LISTED = 8;

function list<T>(items: T[], show: (item: T) => string): string {
  const shown = items.slice(0, MAX_LISTED).map(show).join(', ');
  return items.length > MAX_LISTED ? `${shown}, … (+${items.length - MAX_LISTED})` : shown;
}

const short = (text: string, n = 50): string =>
  text.length > n ? `${text.slice(0, n - 1).trimEnd()}…` : text;

/** The report as lines, in one language. */
export function formatRebuildReport(report: RebuildReport, lang: Language): string {
  const say = speakerIn(lang);
  const lines: string[] = [];
  const { kept, renumbered, edited, added, removed, uncertain, typed, restored } = report;
  lines.push(
    say('rebuilt', {
      found: kept + renumbered.length + edited.length,
      kept,
      renumbered: renumbered.length,
      edited: edited.length,
      added: added.length,
      removed: removed.length,
      carried: report.carried,
    }),
  );
  if (renumbered.length > 0)
    lines.push(
      `  ${say('rebuild-renumbered', { list: list(renumbered, (r) => `${r.from} → ${r.to}`) })}`,
    );
  if (edited.length > 0) {
    const shown = list(edited, (e) => (e.from === e.to ? e.to : `${e.from} → ${e.to}`));
    lines.push(`  ${say('rebuild-edited', { list: shown })}`);
  }
  if (added.length > 0) lines.push(`  ${say('rebuild-added', { list: list(added, (a) => a) })}`);
  if (removed.length > 0) {
    const shown = list(removed, (r) => `${r.code} "${short(r.title, 40)}"`);
    const keptEntries = removed.filter((r) => r.kept).length;
    lines.push(`  ${say('rebuild-removed', { list: shown, keptEntries })}`);
  }
  if (restored.length > 0)
    lines.push(
      `  ${say('rebuild-restored', { list: list(restored, (r) => `${r.code} → ${r.to}`) })}`,
    );
  const typedKept = typed.filter((t) => !t.joined);
  if (typedKept.length > 0) {
    const shown = list(typedKept, (t) => `${t.to} "${short(t.title, 40)}"`);
    lines.push(`  ${say('rebuild-typed-kept', { list: shown })}`);
  }
  const joined = typed.filter((t) => t.joined);
  if (joined.length > 0) {
    const shown = list(joined, (t) => `"${short(t.title, 40)}" → ${t.to}`);
    lines.push(`  ${say('rebuild-typed-joined', { list: shown })}`);
  }
  const open = uncertain.filter((u) => !u.accepted);
  if (uncertain.length > 0) {
    lines.push(`  ${say('rebuild-to-confirm', { pairs: uncertain.length })}`);
    for (const u of uncertain.slice(0, MAX_LISTED)) {
      lines.push(
        `    ${u.from} "${short(u.before)}" ↔ ${u.to} "${short(u.after)}"` +
          (u.accepted ? say('rebuild-taken-as-one', {}) : ''),
      );
    }
    if (open.length > 0) lines.push(`    ${say('rebuild-not-carried', {})}`);
  }
  for (const warning of report.warnings) lines.push(`  ${warning[lang]}`);
  return `${lines.join('\n')}\n`;
}
