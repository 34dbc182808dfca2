// "Nhiệm vụ đã bỏ": tasks that left the plan on a rebuild, with everything people had typed for
// them. PhuLuc reads it back on every rebuild (a task that returns takes its values back) and
// never drops a row; people delete rows when they no longer need them.

import { address, columnLetter } from '../../excel/a1';
import { printSetup, withFill, type Context } from '../context';
import { STYLES, TAB_COLOURS } from '../styles';
import type { CarriedValue, TrackedRow } from '../tracker/model';
import type { Cell, SheetLayout } from '../types';

const HEADER_ROW = 4;

function plainCell(value: CarriedValue | undefined): Cell {
  if (value === undefined) return { style: 'text' };
  if (typeof value === 'string') return { text: value, style: 'text' };
  if (typeof value === 'number') return { number: value, style: 'text' };
  if ('date' in value) return { date: value.date, style: 'date' };
  if ('bool' in value) return { bool: value.bool, style: 'text' };
  // A formula read its old row of the task list: keep what it showed, and say what it was.
  const shown = value.value;
  return {
    ...(typeof shown === 'number' ? { number: shown } : shown ? { text: shown } : {}),
    note: `=${value.formula}`,
    style: 'text',
  };
}

export function removedSheet(ctx: Context, rows: TrackedRow[]): SheetLayout {
  const { labels } = ctx;
  const words = labels.words;
  const extras: string[] = [];
  for (const row of rows)
    for (const h of Object.keys(row.entries.extra ?? {})) if (!extras.includes(h)) extras.push(h);
  const headers = [
    words.code!,
    words.section!,
    words.stt!,
    words.task!,
    words.lead!,
    words.support!,
    words.time!,
    words.product!,
    words.state!,
    words.progress!,
    words.completed!,
    words.extendedTo!,
    words.extensionBasis!,
    words.note!,
    words.extensionRequest!,
    words.extensionReason!,
    ...extras,
    words.removedOn!,
  ];
  const text = (t: string | undefined): Cell =>
    t ? { text: t, style: 'text' } : { style: 'text' };
  const body = rows.map((row): Cell[] => {
    const e = row.entries;
    const cells: Cell[] = [
      text(row.code),
      text(row.section),
      text(row.stt),
      text(row.title),
      text(row.lead),
      text(row.support),
      text(row.time),
      text(row.product),
      text(e.state),
      e.progress !== undefined ? { number: e.progress, style: 'int' } : { style: 'int' },
      e.completed ? { date: e.completed, style: 'date' } : { style: 'date' },
      e.extendedTo ? { date: e.extendedTo, style: 'date' } : { style: 'date' },
      text(e.extensionBasis),
      text(e.note),
      e.extensionRequest ? { date: e.extensionRequest, style: 'date' } : { style: 'date' },
      text(e.extensionReason),
      ...extras.map((h) => plainCell(e.extra?.[h])),
      row.removedOn ? { date: row.removedOn, style: 'date' } : { style: 'date' },
    ];
    return cells.map((cell, c) => {
      const note = e.notes?.[headers[c]!];
      const fill = e.fills?.[headers[c]!];
      return {
        ...cell,
        ...(note ? { note: cell.note ? `${note}\n${cell.note}` : note } : {}),
        ...(fill ? { style: withFill(ctx, cell.style, fill, STYLES) } : {}),
      };
    });
  });
  const widths = [
    10,
    7,
    5,
    48,
    24,
    24,
    18,
    24,
    15,
    9,
    12,
    12,
    20,
    24,
    12,
    20,
    ...extras.map(() => 16),
    12,
  ];
  const columns = widths.map((width) => ({ width }));
  return {
    key: 'removed',
    kind: 'removed',
    name: ctx.sheetNames.removed,
    marker: 'PhuLuc_DaBo',
    tabColor: TAB_COLOURS.settings,
    columns,
    blocks: [
      {
        origin: 'A1',
        rows: [
          [{ text: words.removedTitle!, style: 'title' }],
          [{ text: ctx.planLine, style: 'subtitle' }],
          [{ text: words.removedHelp!, style: 'help' }],
        ],
      },
      {
        origin: address(0, HEADER_ROW),
        rows: [headers.map((h) => ({ text: h, style: 'header' }))],
      },
      { origin: address(0, HEADER_ROW + 1), rows: body },
    ],
    merges: [`A3:${columnLetter(Math.min(headers.length, 8) - 1)}3`],
    // Row heights from the texts (layout/fit).
    rowHeights: { 3: 48, [HEADER_ROW]: 32 },
    freeze: { rows: HEADER_ROW, columns: 0 },
    conditionalFormats: [],
    dataValidations: [],
    print: printSetup(ctx, `${HEADER_ROW}:${HEADER_ROW}`),
  };
}
