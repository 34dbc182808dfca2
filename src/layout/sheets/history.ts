// "Lịch sử": what came back from the units. One row for each unit file sent (with its reply
// deadline), each answer received and each value an answer changed (old → new). PhuLuc reads
// it back on every rebuild (src/layout/tracker/read.ts) and writes every row again: nothing is
// ever dropped. Protected without a password, so it is not edited by accident.

import { address } from '../../excel/a1';
import { printSetup, type Context } from '../context';
import { TAB_COLOURS } from '../styles';
import { HISTORY_MARKER } from '../tracker/read';
import type { HistoryRow } from '../tracker/model';
import type { Cell, SheetLayout } from '../types';

const HISTORY_HEADER_ROW = 4;

export function historySheet(ctx: Context, rows: HistoryRow[]): SheetLayout {
  const words = ctx.labels.words;
  const headers = [
    words.at!,
    words.action!,
    words.unit!,
    words.file!,
    words.ticket!,
    words.code!,
    words.field!,
    words.before!,
    words.after!,
  ];
  const text = (t: string, style = 'text'): Cell => (t ? { text: t, style } : { style });
  const body = rows.map((row): Cell[] => [
    text(row.at, 'textCenter'),
    text(words[row.action]!),
    text(row.unit),
    text(row.file),
    text(row.ticket),
    text(row.code, 'textCenter'),
    text(row.field),
    text(row.before),
    text(row.after),
  ]);
  return {
    key: 'history',
    kind: 'history',
    name: ctx.sheetNames.history,
    marker: HISTORY_MARKER,
    tabColor: TAB_COLOURS.settings,
    columns: [16, 14, 28, 28, 22, 12, 18, 24, 24].map((width) => ({ width })),
    blocks: [
      {
        origin: 'A1',
        rows: [
          [{ text: words.historyTitle!, style: 'title' }],
          [{ text: ctx.planLine, style: 'subtitle' }],
          [{ text: words.historyHelp!, style: 'help' }],
        ],
      },
      {
        origin: address(0, HISTORY_HEADER_ROW),
        rows: [headers.map((h) => ({ text: h, style: 'header' }))],
      },
      ...(body.length > 0 ? [{ origin: address(0, HISTORY_HEADER_ROW + 1), rows: body }] : []),
    ],
    merges: ['A3:I3'],
    rowHeights: { 3: 32, [HISTORY_HEADER_ROW]: 32 },
    freeze: { rows: HISTORY_HEADER_ROW, columns: 0 },
    conditionalFormats: [],
    dataValidations: [],
    print: printSetup(ctx, `${HISTORY_HEADER_ROW}:${HISTORY_HEADER_ROW}`),
    protect: true,
  };
}
