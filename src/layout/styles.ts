// The look of the workbook: one palette, named styles, and the colours of each status. Every
// colour the layout writes is named here once; sheets take them from here.

import type { StatusCategory } from '../core/status';
import { DATE_FORMAT } from '../excel/numfmt';
import type { CellStyle, ConditionalRule } from './types';

/** Single colours (RGB hex), by what they are for. */
export const COLOURS = {
  navy: '1F4E78',
  white: 'FFFFFF',
  border: 'BFBFBF',
  darkGrey: '404040',
  grey: '595959',
  lightGrey: '7F7F7F',
  /** Grey text on white that still reads (WCAG AA, 4.5:1): tasks without a deadline. */
  mutedText: '737373',
  link: '0563C1',
  /** Cells people type into. */
  entryFill: 'FFFDE7',
  totalFill: 'D9E1F2',
  countLabelFill: 'F2F2F2',
  setAsideFill: 'D9D9D9',
} as const;

/** A fill and the font colour read on it. */
export interface ColourPair {
  fill?: string;
  font: string;
}

/** The colour pairs of the workbook's cues: good news, a warning, bad news, information. */
export const CUES = {
  /** Green: done on time, a rate from 90 %. */
  good: { fill: 'C6EFCE', font: '006100' },
  /** Amber: due soon, a warning, a rate from 50 %, a request waiting. */
  warning: { fill: 'FFEB9C', font: '7F6000' },
  /** Red: overdue, an error, a late answer. */
  bad: { fill: 'FFC7CE', font: '9C0006' },
  /** Blue: on track, for information. */
  info: { fill: 'DDEBF7', font: COLOURS.navy },
  /** Dark red under white: a date that cannot be right (an extension not later than the deadline). */
  alarm: { fill: 'C00000', font: COLOURS.white },
} as const satisfies Record<string, ColourPair>;

/** A conditional format's look for a cue. */
export function cueStyle(cue: ColourPair, bold = false): ConditionalRule['style'] {
  return {
    ...(cue.fill ? { fill: cue.fill } : {}),
    fontColor: cue.font,
    ...(bold ? { bold } : {}),
  };
}

const BORDER = COLOURS.border;
const HEADER_FILL = COLOURS.navy;

export const STYLES: Record<string, CellStyle> = {
  title: { font: { bold: true, size: 14, color: COLOURS.navy } },
  subtitle: { font: { italic: true, size: 10, color: COLOURS.darkGrey } },
  section: { font: { bold: true, size: 11, color: COLOURS.navy } },
  header: {
    font: { bold: true, color: COLOURS.white },
    fill: HEADER_FILL,
    alignment: { horizontal: 'center', vertical: 'middle', wrap: true },
    border: BORDER,
  },
  // No "@" format on shared text styles: a formula in a text-formatted cell would be read as
  // text by Excel. Renderers write `text` cells as text by themselves.
  text: { alignment: { vertical: 'top', wrap: true }, border: BORDER },
  plain: { alignment: { vertical: 'top' }, border: BORDER },
  // The overdue list: no borders, so its unused rows stay invisible.
  list: { alignment: { vertical: 'top' } },
  listWrap: { alignment: { vertical: 'top', wrap: true } },
  listCenter: { alignment: { vertical: 'top', horizontal: 'center' }, numberFormat: '0' },
  listDate: { alignment: { vertical: 'top', horizontal: 'center' }, numberFormat: DATE_FORMAT },
  daysLeft: {
    alignment: { vertical: 'top', horizontal: 'center' },
    border: BORDER,
    numberFormat: '0;"quá "0;0',
  },
  daysLeftEn: {
    alignment: { vertical: 'top', horizontal: 'center' },
    border: BORDER,
    numberFormat: '0;"late "0;0',
  },
  textCenter: { alignment: { vertical: 'top', horizontal: 'center', wrap: true }, border: BORDER },
  date: {
    alignment: { vertical: 'top', horizontal: 'center' },
    border: BORDER,
    numberFormat: DATE_FORMAT,
  },
  int: { alignment: { vertical: 'top', horizontal: 'center' }, border: BORDER, numberFormat: '0' },
  pct: { alignment: { vertical: 'top', horizontal: 'center' }, border: BORDER, numberFormat: '0%' },
  status: {
    font: { bold: true },
    alignment: { vertical: 'top', horizontal: 'center', wrap: true },
    border: BORDER,
  },
  entry: {
    locked: false,
    alignment: { vertical: 'top', wrap: true },
    border: BORDER,
    fill: COLOURS.entryFill,
    numberFormat: '@',
  },
  entryInt: {
    locked: false,
    alignment: { vertical: 'top', horizontal: 'center' },
    border: BORDER,
    fill: COLOURS.entryFill,
    numberFormat: '0',
  },
  entryDate: {
    locked: false,
    alignment: { vertical: 'top', horizontal: 'center' },
    border: BORDER,
    fill: COLOURS.entryFill,
    numberFormat: DATE_FORMAT,
  },
  // A number shown as a Mã or an STT: centred, no decimals.
  codeNumber: {
    alignment: { vertical: 'top', horizontal: 'center' },
    border: BORDER,
    numberFormat: '0',
  },
  link: {
    font: { color: COLOURS.link, underline: true },
    alignment: { vertical: 'top', wrap: true },
    border: BORDER,
  },
  label: { font: { bold: true }, alignment: { vertical: 'top', wrap: true } },
  asOfLabel: { font: { bold: true }, alignment: { horizontal: 'right', vertical: 'middle' } },
  settingDate: {
    locked: false,
    font: { bold: true },
    fill: COLOURS.entryFill,
    border: BORDER,
    numberFormat: DATE_FORMAT,
    alignment: { horizontal: 'center' },
  },
  settingInt: {
    locked: false,
    font: { bold: true },
    fill: COLOURS.entryFill,
    border: BORDER,
    numberFormat: '0',
    alignment: { horizontal: 'center' },
  },
  help: {
    font: { italic: true, size: 9, color: COLOURS.grey },
    alignment: { wrap: true, vertical: 'top' },
  },
  totalLabel: {
    font: { bold: true },
    fill: COLOURS.totalFill,
    border: BORDER,
    alignment: { vertical: 'top' },
  },
  totalInt: {
    font: { bold: true },
    fill: COLOURS.totalFill,
    border: BORDER,
    numberFormat: '0',
    alignment: { horizontal: 'center' },
  },
  totalPct: {
    font: { bold: true },
    fill: COLOURS.totalFill,
    border: BORDER,
    numberFormat: '0%',
    alignment: { horizontal: 'center' },
  },
  countLabel: {
    font: { bold: true, size: 9, color: COLOURS.darkGrey },
    fill: COLOURS.countLabelFill,
    border: BORDER,
    alignment: { horizontal: 'center', wrap: true },
  },
  countValue: {
    font: { bold: true, size: 12 },
    border: BORDER,
    numberFormat: '0',
    alignment: { horizontal: 'center' },
  },
};

/** De facto colours of docs/domain.md: fill and font colour per status (its Vietnamese label). */
export const STATUS_COLOURS: Record<StatusCategory, ColourPair & { strike?: boolean }> = {
  'done-on-time': CUES.good, // Hoàn thành đúng hạn
  'done-late': { fill: 'F8CBAD', font: '833C0B' }, // Hoàn thành quá hạn
  // Done, but nobody wrote when: not on time; lavender, apart from the deadline colours.
  'done-undated': { fill: 'E4DFEC', font: '60497A' }, // Hoàn thành, chưa có ngày
  overdue: CUES.bad, // Quá hạn
  'due-soon': CUES.warning, // Sắp đến hạn
  'on-track': CUES.info, // Trong hạn
  // No fill for tasks without a deadline: grey text, so paused / cancelled rows stand apart.
  'no-deadline': { font: COLOURS.mutedText }, // Không thời hạn
  waiting: { font: COLOURS.mutedText }, // Chờ điều kiện
  paused: { fill: COLOURS.setAsideFill, font: COLOURS.grey, strike: true }, // Tạm dừng
  cancelled: { fill: COLOURS.setAsideFill, font: COLOURS.grey, strike: true }, // Đã hủy
};

/** Legend cells on the settings sheet, one style per status. */
export function legendStyles(): Record<string, CellStyle> {
  const out: Record<string, CellStyle> = {};
  for (const [category, colour] of Object.entries(STATUS_COLOURS)) {
    out[`legend-${category}`] = {
      ...(colour.fill ? { fill: colour.fill } : {}),
      font: { color: colour.font, bold: true, strike: colour.strike },
      border: BORDER,
      // The label can be renamed: the formulas read it through its name.
      locked: false,
    };
  }
  return out;
}

/**
 * Whole rows coloured by the status text in `statusCell` (e.g. "$O4"), compared with the label
 * each category has on Cài đặt (`categoryRef`: a defined name), so a renamed label keeps its
 * colour.
 */
export function statusRules(
  statusCell: string,
  categoryRef: (c: StatusCategory) => string,
): ConditionalRule[] {
  return (
    Object.entries(STATUS_COLOURS) as [StatusCategory, (typeof STATUS_COLOURS)[StatusCategory]][]
  ).map(([category, colour]) => ({
    formula: `${statusCell}=${categoryRef(category)}`,
    style: {
      ...(colour.fill ? { fill: colour.fill } : {}),
      fontColor: colour.font,
      ...(colour.strike ? { strike: true } : {}),
    },
    stopIfTrue: true,
  }));
}

export const TAB_COLOURS = {
  dashboard: COLOURS.navy,
  tasks: '548235',
  unit: '2E75B6',
  findings: 'C55A11',
  units: COLOURS.lightGrey,
  assignments: 'A5A5A5',
  settings: COLOURS.lightGrey,
} as const;
