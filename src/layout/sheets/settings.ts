// "Cài đặt": report date, due-soon window, horizon, font, colour legend, the state list and the
// identity of the plan tracked.

import { planIdentity } from '../../core/plan/identity';
import { CATEGORIES, type WorkState } from '../../core/status';
import { planYears } from '../../core/time/occurrences';
import { address, columnLetter } from '../../excel/a1';
import { formulaCell } from '../cells';
import { printSetup, type Context } from '../context';
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
const textCell = (text: string | null): Cell | null => (text ? { text, style: 'text' } : null);

export function settingsSheet(ctx: Context): SheetLayout {
  const { labels, options, plan } = ctx;
  const identity = planIdentity(plan);
  const words = labels.words;
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
    { text: labels.categories[c], style: `legend-${c}` },
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
          [{ text: words.settingsTitle!, style: 'title' }],
          [{ text: ctx.planLine, style: 'subtitle' }],
          [{ text: words.reportDate!, style: 'label' }, reportDate, help(words.reportDateHelp!)],
          [
            { text: words.dueSoon!, style: 'label' },
            { number: options.dueSoonDays, style: 'settingInt' },
            help(words.dueSoonHelp!),
          ],
          [
            { text: words.planYear!, style: 'label' },
            years
              ? years.first === years.last
                ? { number: years.first, style: 'int' }
                : { text: `${years.first}–${years.last}`, style: 'textCenter' }
              : null,
          ],
          [{ text: words.horizon!, style: 'label' }, horizon, help(words.horizonHelp!)],
          [
            { text: words.font!, style: 'label' },
            { text: options.font ?? DEFAULT_FONT, style: 'textCenter' },
            help(words.fontHelp!),
          ],
          [{ text: words.legend!, style: 'section' }, null, help(words.labelsHelp!)],
          ...legend,
        ],
      },
      {
        origin: address(0, stateRows - 1),
        rows: [
          [{ text: words.stateList!, style: 'section' }],
          ...STATES.map((st) => [{ text: labels.states[st], style: 'entry' }]),
        ],
      },
      {
        origin: address(0, madeByRow),
        rows: [[help(words.madeBy!)], [help(words.protectHelp!)]],
      },
      {
        origin: address(0, SETTINGS.identityFirst - 1),
        rows: [
          [{ text: words.identityTitle!, style: 'section' }],
          [{ text: words.docNumber!, style: 'label' }, textCell(identity.number)],
          [
            { text: words.docDate!, style: 'label' },
            identity.date ? { date: identity.date, style: 'date' } : null,
          ],
          [{ text: words.docTitle!, style: 'label' }, textCell(identity.title)],
          [
            { text: words.taskCount!, style: 'label' },
            { number: identity.tasks, style: 'int' },
          ],
          [{ text: words.fingerprint!, style: 'label' }, textCell(identity.fingerprint)],
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
        error: { title: words.invalid!, message: '0–60' },
      },
      {
        range: SETTINGS.horizon,
        type: 'decimal',
        min: 2000,
        max: 2099,
        allowBlank: true,
        error: { title: words.invalid!, message: '2000–2099' },
      },
    ],
    print: printSetup(ctx),
    protect: true,
  };
}
