// The quieter sheets: Kiểm tra (findings, linked to their rows), Đơn vị (the unit directory) and
// Cài đặt (report date, due-soon window, colour legend, the state list).

import { planIdentity } from '../../core/plan/identity';
import { CATEGORIES, type WorkState } from '../../core/status';
import { planYears } from '../../core/time/occurrences';
import { address, columnLetter } from '../../excel/a1';
import { formulaCell } from '../cells';
import { printSetup, viDate, type Context } from '../context';
import type { Finding } from '../../core/plan/types';
import { TAB_COLOURS } from '../styles';
import { isoToSerial } from '../../excel/dates';
import type { Cell, SheetLayout } from '../types';
import { DEFAULT_FONT } from '../metrics';

export const SETTINGS = {
  reportDate: 'B3',
  dueSoon: 'B4',
  horizon: 'B6',
  /** First row of the legend: one status label per row, in CATEGORIES order (names point here). */
  legendFirst: 9,
  stateListFirst: 21,
  /** First of the five rows naming the plan tracked (number, date, title, tasks, fingerprint). */
  identityFirst: 31,
} as const;
export const STATES: WorkState[] = ['not-started', 'in-progress', 'done', 'paused', 'cancelled'];

export function findingsSheet(ctx: Context): SheetLayout {
  const { L, plan } = ctx;
  const w = L.words;
  const headers = [
    w.stt!,
    w.severity!,
    w.findingCode!,
    w.task!,
    w.sourceRows!,
    w.message!,
    w.suggestion!,
  ];
  const rows = [...plan.findings, ...entryFindings(ctx)].map((f, i): (Cell | null)[] => {
    const masterRow = f.task ? ctx.master.rowOf.get(f.task) : undefined;
    const message = ctx.options.language === 'en' ? (f.messageEn ?? f.message) : f.message;
    const suggestion =
      ctx.options.language === 'en' ? (f.suggestionEn ?? f.suggestion) : f.suggestion;
    return [
      { number: i + 1, style: 'int' },
      { text: L.severities[f.severity], style: 'textCenter' },
      { text: L.findingKinds[f.code] ?? L.findingKinds.other!, style: 'text' },
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
  const severityRule = (label: string, fill: string, font: string) => ({
    formula: `$B${first}="${label}"`,
    style: { fill, fontColor: font },
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
          [{ text: w.findingsTitle!, style: 'title' }],
          [{ text: ctx.planLine, style: 'subtitle' }],
        ],
      },
      { origin: address(0, header), rows: [headers.map((h) => ({ text: h, style: 'header' }))] },
      {
        origin: address(0, first),
        rows: rows.length > 0 ? rows : [[null, { text: w.noFindings!, style: 'label' }]],
      },
    ],
    freeze: { rows: header, columns: 0 },
    conditionalFormats:
      rows.length > 0
        ? [
            {
              range: `A${first}:G${last}`,
              rules: [
                severityRule(L.severities.error, 'FFC7CE', '9C0006'),
                severityRule(L.severities.warning, 'FFEB9C', '7F6000'),
                severityRule(L.severities.info, 'DDEBF7', '1F4E78'),
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
    out.push({
      code: 'extension-not-later',
      severity: 'warning',
      task: row.code,
      message: `Gia hạn đến ${viDate(given.extendedTo)} không sau Hạn ${viDate(due)}: hãy kiểm tra lại ngày gia hạn.`,
      messageEn: `Extended to ${viDate(given.extendedTo)}, which is not after the deadline ${viDate(due)}: check the extension date.`,
      rows: [],
    });
  }
  return out;
}

export function unitsSheet(ctx: Context): SheetLayout {
  const { L, plan } = ctx;
  const w = L.words;
  const headers = [
    w.stt!,
    w.unitName!,
    w.aliases!,
    w.group!,
    w.sheet!,
    w.leadCount!,
    w.supportCount!,
  ];
  const rows = plan.units.map((u, i): (Cell | null)[] => {
    const sheet = ctx.unitSheets.get(u.name);
    return [
      { number: i + 1, style: 'int' },
      { text: u.name, style: 'text' },
      { text: u.aliases.filter((a) => a !== u.name).join('\n'), style: 'text' },
      { text: u.group ? L.yes : '', style: 'textCenter' },
      sheet ? { text: sheet, style: 'link', link: { sheet, address: 'A1' } } : { style: 'text' },
      { number: u.leadCount, style: 'int' },
      { number: u.supportCount, style: 'int' },
    ];
  });
  const header = 3;
  return {
    key: 'units',
    kind: 'units',
    name: ctx.sheetNames.units,
    marker: 'PhuLuc_DonVi',
    tabColor: TAB_COLOURS.units,
    columns: [
      { width: 5 },
      { width: 42 },
      { width: 42 },
      { width: 7 },
      { width: 28 },
      { width: 12 },
      { width: 12 },
    ],
    blocks: [
      {
        origin: 'A1',
        rows: [
          [{ text: w.unitsTitle!, style: 'title' }],
          [{ text: ctx.planLine, style: 'subtitle' }],
        ],
      },
      { origin: address(0, header), rows: [headers.map((h) => ({ text: h, style: 'header' }))] },
      ...(rows.length > 0 ? [{ origin: address(0, header + 1), rows }] : []),
    ],
    freeze: { rows: header, columns: 0 },
    conditionalFormats: [],
    dataValidations: [],
    print: printSetup(ctx, `${header}:${header}`),
    protect: true,
  };
}

const textCell = (text: string | null): Cell | null => (text ? { text, style: 'text' } : null);

export function settingsSheet(ctx: Context): SheetLayout {
  const { L, options, plan } = ctx;
  const identity = planIdentity(plan);
  const w = L.words;
  const valued = ctx.valueDate !== null;
  const reportDate: Cell = options.reportDate
    ? { date: options.reportDate, style: 'settingDate' }
    : formulaCell('TODAY()', 'settingDate', valued ? isoToSerial(ctx.valueDate!) : undefined);
  const years = planYears(plan.document);
  // The horizon: the year a person set, or by default the later of the plan's last year and
  // the report date's year (a formula, so it moves with =TODAY(); a rebuild adds the periods).
  const horizon: Cell =
    options.horizon != null
      ? { number: options.horizon, style: 'settingInt' }
      : formulaCell(
          years ? `MAX(${years.last},YEAR(NgayBaoCao))` : 'YEAR(NgayBaoCao)',
          'settingInt',
          valued && ctx.horizon !== null ? ctx.horizon : undefined,
        );
  const legend = CATEGORIES.map((c): (Cell | null)[] => [
    { text: L.categories[c], style: `legend-${c}` },
  ]);
  const help = (text: string): Cell => ({ text, style: 'help' });
  const stateRows = SETTINGS.stateListFirst;
  const madeByRow = stateRows + STATES.length + 1;
  return {
    key: 'settings',
    kind: 'settings',
    name: ctx.sheetNames.settings,
    marker: 'PhuLuc_CaiDat',
    tabColor: TAB_COLOURS.settings,
    columns: [{ width: 30 }, { width: 14 }, { width: 70 }],
    blocks: [
      {
        origin: 'A1',
        rows: [
          [{ text: w.settingsTitle!, style: 'title' }],
          [{ text: ctx.planLine, style: 'subtitle' }],
          [{ text: w.reportDate!, style: 'label' }, reportDate, help(w.reportDateHelp!)],
          [
            { text: w.dueSoon!, style: 'label' },
            { number: options.dueSoonDays, style: 'settingInt' },
            help(w.dueSoonHelp!),
          ],
          [
            { text: w.planYear!, style: 'label' },
            years
              ? years.first === years.last
                ? { number: years.first, style: 'int' }
                : { text: `${years.first}–${years.last}`, style: 'textCenter' }
              : null,
          ],
          [{ text: w.horizon!, style: 'label' }, horizon, help(w.horizonHelp!)],
          [
            { text: w.font!, style: 'label' },
            { text: options.font ?? DEFAULT_FONT, style: 'textCenter' },
            help(w.fontHelp!),
          ],
          [{ text: w.legend!, style: 'section' }, null, help(w.labelsHelp!)],
          ...legend,
        ],
      },
      {
        origin: address(0, stateRows - 1),
        rows: [
          [{ text: w.stateList!, style: 'section' }],
          ...STATES.map((st) => [{ text: L.states[st], style: 'entry' }]),
        ],
      },
      {
        origin: address(0, madeByRow),
        rows: [[help(w.madeBy!)], [help(w.protectHelp!)]],
      },
      {
        origin: address(0, SETTINGS.identityFirst - 1),
        rows: [
          [{ text: w.identityTitle!, style: 'section' }],
          [{ text: w.docNumber!, style: 'label' }, textCell(identity.number)],
          [
            { text: w.docDate!, style: 'label' },
            identity.date ? { date: identity.date, style: 'date' } : null,
          ],
          [{ text: w.docTitle!, style: 'label' }, textCell(identity.title)],
          [
            { text: w.taskCount!, style: 'label' },
            { number: identity.tasks, style: 'int' },
          ],
          [{ text: w.fingerprint!, style: 'label' }, textCell(identity.fingerprint)],
        ],
      },
    ],
    // Heights from the texts (layout/fit).
    merges: [
      `A${madeByRow}:${columnLetter(2)}${madeByRow}`,
      `A${madeByRow + 1}:${columnLetter(2)}${madeByRow + 1}`,
    ],
    conditionalFormats: [],
    dataValidations: [
      {
        range: SETTINGS.dueSoon,
        type: 'decimal',
        min: 0,
        max: 60,
        allowBlank: false,
        error: { title: w.invalid!, message: '0–60' },
      },
      {
        range: SETTINGS.horizon,
        type: 'decimal',
        min: 2000,
        max: 2099,
        allowBlank: true,
        error: { title: w.invalid!, message: '2000–2099' },
      },
    ],
    print: printSetup(ctx),
    protect: true,
  };
}
