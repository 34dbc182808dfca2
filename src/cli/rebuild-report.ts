// What a rebuild over an existing tracker did, in a few lines a clerk can check: kept,
// renumbered, edited, new and removed tasks, rows people typed, pairs that need a person.

import { plural, type Language } from '../core/text/language';
import type { RebuildReport } from '../layout/tracker/carry';

const MAX_LISTED = 8;

function list<T>(items: T[], show: (item: T) => string): string {
  const shown = items.slice(0, MAX_LISTED).map(show).join(', ');
  return items.length > MAX_LISTED ? `${shown}, … (+${items.length - MAX_LISTED})` : shown;
}

const tasksVi = (count: number): string => plural('vi', count, { other: '# nhiệm vụ' });
const tasksEn = (count: number): string => plural('en', count, { one: '# task', other: '# tasks' });

const short = (text: string, n = 50): string =>
  text.length > n ? `${text.slice(0, n - 1).trimEnd()}…` : text;

/** The report as lines, in one language. */
export function formatRebuildReport(report: RebuildReport, lang: Language): string {
  const vi = lang === 'vi';
  const lines: string[] = [];
  const { kept, renumbered, edited, added, removed, uncertain, typed, restored } = report;
  const found = kept + renumbered.length + edited.length;
  lines.push(
    vi
      ? `Tạo lại sổ: ${tasksVi(found)} tìm lại được (${kept} giữ nguyên, ${renumbered.length} đổi số, ${edited.length} sửa nội dung), ${added.length} mới, ${removed.length} bỏ; giá trị đã nhập của ${tasksVi(report.carried)} được giữ.`
      : `Rebuilt: ${tasksEn(found)} found again (${kept} unchanged, ${renumbered.length} renumbered, ${edited.length} edited), ${added.length} new, ${removed.length} removed; entries of ${tasksEn(report.carried)} kept.`,
  );
  if (renumbered.length > 0)
    lines.push(
      `  ${vi ? 'Đổi số' : 'Renumbered'}: ${list(renumbered, (r) => `${r.from} → ${r.to}`)}`,
    );
  if (edited.length > 0)
    lines.push(
      `  ${vi ? 'Sửa nội dung' : 'Edited'}: ${list(edited, (e) => (e.from === e.to ? e.to : `${e.from} → ${e.to}`))}`,
    );
  if (added.length > 0) lines.push(`  ${vi ? 'Mới' : 'New'}: ${list(added, (a) => a)}`);
  if (removed.length > 0) {
    const keptRows = removed.filter((r) => r.kept);
    lines.push(
      `  ${vi ? 'Bỏ' : 'Removed'}: ${list(removed, (r) => `${r.code} "${short(r.title, 40)}"`)}` +
        (keptRows.length > 0
          ? vi
            ? ` — giá trị đã nhập của ${tasksVi(keptRows.length)} được giữ ở trang "Nhiệm vụ đã bỏ"`
            : ` — entries of ${tasksEn(keptRows.length)} kept on the "Removed tasks" sheet`
          : ''),
    );
  }
  if (restored.length > 0)
    lines.push(
      `  ${vi ? 'Trở lại (lấy lại giá trị đã nhập)' : 'Back (entries restored)'}: ${list(restored, (r) => `${r.code} → ${r.to}`)}`,
    );
  const typedKept = typed.filter((t) => !t.joined);
  if (typedKept.length > 0)
    lines.push(
      vi
        ? `  Dòng tự thêm vào danh sách, giữ thành nhiệm vụ: ${list(typedKept, (t) => `${t.to} "${short(t.title, 40)}"`)}`
        : `  Rows typed into the list, kept as tasks: ${list(typedKept, (t) => `${t.to} "${short(t.title, 40)}"`)}`,
    );
  const joined = typed.filter((t) => t.joined);
  if (joined.length > 0)
    lines.push(
      vi
        ? `  Dòng tự thêm nay có trong kế hoạch: ${list(joined, (t) => `"${short(t.title, 40)}" → ${t.to}`)}`
        : `  Typed rows now in the plan: ${list(joined, (t) => `"${short(t.title, 40)}" → ${t.to}`)}`,
    );
  const open = uncertain.filter((u) => !u.accepted);
  if (uncertain.length > 0) {
    lines.push(
      vi
        ? `  Cần người xác nhận (${plural('vi', uncertain.length, { other: '# cặp có thể là cùng một nhiệm vụ' })}):`
        : `  To confirm (${plural('en', uncertain.length, { one: '# pair that may be the same task', other: '# pairs that may be the same task' })}):`,
    );
    for (const u of uncertain.slice(0, MAX_LISTED)) {
      lines.push(
        `    ${u.from} "${short(u.before)}" ↔ ${u.to} "${short(u.after)}"` +
          (u.accepted ? (vi ? ' — đã coi là một' : ' — taken as one') : ''),
      );
    }
    if (open.length > 0)
      lines.push(
        vi
          ? `    Chưa mang giá trị sang: giá trị cũ ở trang "Nhiệm vụ đã bỏ". Chạy lại với --accept-uncertain nếu đúng là cùng nhiệm vụ.`
          : `    Entries not carried: the old ones are on the "Removed tasks" sheet. Run again with --accept-uncertain if they are the same tasks.`,
      );
  }
  for (const w of report.warnings) lines.push(`  ${vi ? w.vi : w.en}`);
  return `${lines.join('\n')}\n`;
}
