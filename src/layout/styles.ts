// The look of the workbook: one palette, named styles, and the colours of each status.

import type { StatusCategory } from '../core/status';
import type { CellStyle, ConditionalRule } from './types';

const BORDER = 'BFBFBF';
const HEADER_FILL = '1F4E78';

export const STYLES: Record<string, CellStyle> = {
  title: { font: { bold: true, size: 14, color: '1F4E78' } },
  subtitle: { font: { italic: true, size: 10, color: '404040' } },
  section: { font: { bold: true, size: 11, color: '1F4E78' } },
  header: {
    font: { bold: true, color: 'FFFFFF' },
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
  listDate: { alignment: { vertical: 'top', horizontal: 'center' }, numberFormat: 'dd/mm/yyyy' },
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
    numberFormat: 'dd/mm/yyyy',
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
    fill: 'FFFDE7',
    numberFormat: '@',
  },
  entryInt: {
    locked: false,
    alignment: { vertical: 'top', horizontal: 'center' },
    border: BORDER,
    fill: 'FFFDE7',
    numberFormat: '0',
  },
  entryDate: {
    locked: false,
    alignment: { vertical: 'top', horizontal: 'center' },
    border: BORDER,
    fill: 'FFFDE7',
    numberFormat: 'dd/mm/yyyy',
  },
  // A number shown as a Mã or an STT: centred, no decimals.
  codeNumber: {
    alignment: { vertical: 'top', horizontal: 'center' },
    border: BORDER,
    numberFormat: '0',
  },
  link: {
    font: { color: '0563C1', underline: true },
    alignment: { vertical: 'top', wrap: true },
    border: BORDER,
  },
  label: { font: { bold: true }, alignment: { vertical: 'top', wrap: true } },
  asOfLabel: { font: { bold: true }, alignment: { horizontal: 'right', vertical: 'middle' } },
  settingDate: {
    locked: false,
    font: { bold: true },
    fill: 'FFFDE7',
    border: BORDER,
    numberFormat: 'dd/mm/yyyy',
    alignment: { horizontal: 'center' },
  },
  settingInt: {
    locked: false,
    font: { bold: true },
    fill: 'FFFDE7',
    border: BORDER,
    numberFormat: '0',
    alignment: { horizontal: 'center' },
  },
  help: {
    font: { italic: true, size: 9, color: '595959' },
    alignment: { wrap: true, vertical: 'top' },
  },
  totalLabel: {
    font: { bold: true },
    fill: 'D9E1F2',
    border: BORDER,
    alignment: { vertical: 'top' },
  },
  totalInt: {
    font: { bold: true },
    fill: 'D9E1F2',
    border: BORDER,
    numberFormat: '0',
    alignment: { horizontal: 'center' },
  },
  totalPct: {
    font: { bold: true },
    fill: 'D9E1F2',
    border: BORDER,
    numberFormat: '0%',
    alignment: { horizontal: 'center' },
  },
  countLabel: {
    font: { bold: true, size: 9, color: '404040' },
    fill: 'F2F2F2',
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

/** De facto colours of docs/domain.md: fill and font colour per status. */
export const STATUS_COLOURS: Record<
  StatusCategory,
  { fill?: string; font: string; strike?: boolean }
> = {
  'done-on-time': { fill: 'C6EFCE', font: '006100' },
  'done-late': { fill: 'F8CBAD', font: '833C0B' },
  // Done, but nobody wrote when: not on time; lavender, apart from the deadline colours.
  'done-undated': { fill: 'E4DFEC', font: '60497A' },
  overdue: { fill: 'FFC7CE', font: '9C0006' },
  'due-soon': { fill: 'FFEB9C', font: '7F6000' },
  'on-track': { fill: 'DDEBF7', font: '1F4E78' },
  // No fill for tasks without a deadline: grey text, so paused / cancelled rows stand apart.
  'no-deadline': { font: '7F7F7F' },
  waiting: { font: '7F7F7F' },
  paused: { fill: 'D9D9D9', font: '595959', strike: true },
  cancelled: { fill: 'D9D9D9', font: '595959', strike: true },
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
  dashboard: '1F4E78',
  tasks: '548235',
  unit: '2E75B6',
  findings: 'C55A11',
  units: '7F7F7F',
  assignments: 'A5A5A5',
  settings: '7F7F7F',
} as const;
