// "Kiểm tra": the reader's findings, each linked to its row on Nhiệm vụ, and the findings on
// what people typed.

import { findingLabel, severityLabel } from '../../core/findings/labels';
import { finding, findingMessage } from '../../core/findings/messages';
import { address } from '../../excel/a1';
import { printSetup, type Context } from '../context';
import type { Finding, Severity } from '../../core/plan/types';
import { CUES, cueStyle, TAB_COLOURS, type ColourPair } from '../styles';
import type { Cell, SheetLayout } from '../types';

export function findingsSheet(ctx: Context): SheetLayout {
  const { labels, plan } = ctx;
  const { language } = ctx.options;
  const words = labels.words;
  const headers = [
    words.stt!,
    words.severity!,
    words.findingCode!,
    words.task!,
    words.sourceRows!,
    words.message!,
    words.suggestion!,
  ];
  const rows = [...plan.findings, ...entryFindings(ctx)].map((f, i): (Cell | null)[] => {
    const masterRow = f.task ? ctx.master.rowOf.get(f.task) : undefined;
    const { message, suggestion } = findingMessage(f, language);
    return [
      { number: i + 1, style: 'int' },
      { text: severityLabel(f.severity, language), style: 'textCenter' },
      { text: findingLabel(f, language), style: 'text' },
      f.task
        ? masterRow
          ? {
              text: f.task,
              style: 'link',
              link: { sheet: ctx.sheetNames.tasks, address: `A${masterRow}` },
            }
          : { text: f.task, style: 'textCenter' }
        : { style: 'text' },
      { text: f.rows.join(', '), style: 'textCenter' },
      { text: message, style: 'text' },
      suggestion ? { text: suggestion, style: 'text' } : { style: 'text' },
    ];
  });
  const header = 3;
  const first = header + 1;
  const last = first + Math.max(rows.length, 1) - 1;
  const columns = [
    { width: 5 },
    { width: 10 },
    { width: 22 },
    { width: 10 },
    { width: 11 },
    { width: 60 },
    { width: 45 },
  ];
  const severityRule = (severity: Severity, cue: ColourPair) => ({
    formula: `$B${first}="${severityLabel(severity, language)}"`,
    style: cueStyle(cue),
    stopIfTrue: true,
  });
  return {
    key: 'findings',
    kind: 'findings',
    name: ctx.sheetNames.findings,
    marker: 'PhuLuc_KiemTra',
    tabColor: TAB_COLOURS.findings,
    columns,
    blocks: [
      {
        origin: 'A1',
        rows: [
          [{ text: words.findingsTitle!, style: 'title' }],
          [{ text: ctx.planLine, style: 'subtitle' }],
        ],
      },
      { origin: address(0, header), rows: [headers.map((h) => ({ text: h, style: 'header' }))] },
      {
        origin: address(0, first),
        rows: rows.length > 0 ? rows : [[null, { text: words.noFindings!, style: 'label' }]],
      },
    ],
    freeze: { rows: header, columns: 0 },
    conditionalFormats:
      rows.length > 0
        ? [
            {
              range: `A${first}:G${last}`,
              rules: [
                severityRule('error', CUES.bad),
                severityRule('warning', CUES.warning),
                severityRule('info', CUES.info),
              ],
            },
          ]
        : [],
    dataValidations: [],
    print: printSetup(ctx, `${header}:${header}`),
    protect: true,
    ...(rows.length > 0 ? { textNumbers: [`D${first}:D${last}`] } : {}),
  };
}

/**
 * Findings on what people typed: an extension (Gia hạn đến) that is not later than the
 * deadline it extends. The list shows it from the next build on; the row shows it at once
 * (a colour rule on Nhiệm vụ).
 */
function entryFindings(ctx: Context): Finding[] {
  const out: Finding[] = [];
  for (const row of ctx.master.rows) {
    const given = ctx.options.entered?.[row.code];
    const due = row.standing.row.time.due;
    if (row.role === 'heading' || !given?.extendedTo || !due || given.extendedTo > due) continue;
    out.push(
      finding('extension-not-later', 'warning', row.code, [], {
        extendedTo: given.extendedTo,
        due,
      }),
    );
  }
  return out;
}
