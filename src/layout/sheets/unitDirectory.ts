// "Đơn vị": the unit directory (names, the spellings merged into each, groups, sheets, counts).

import { address } from '../../excel/a1';
import { printSetup, type Context } from '../context';
import { TAB_COLOURS } from '../styles';
import type { Cell, SheetLayout } from '../types';

export function unitsSheet(ctx: Context): SheetLayout {
  const { labels, plan } = ctx;
  const words = labels.words;
  const headers = [
    words.stt!,
    words.unitName!,
    words.aliases!,
    words.group!,
    words.sheet!,
    words.leadCount!,
    words.supportCount!,
  ];
  const rows = plan.units.map((u, i): (Cell | null)[] => {
    const sheet = ctx.unitSheets.get(u.name);
    return [
      { number: i + 1, style: 'int' },
      { text: u.name, style: 'text' },
      { text: u.aliases.filter((alias) => alias !== u.name).join('\n'), style: 'text' },
      { text: u.group ? labels.yes : '', style: 'textCenter' },
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
          [{ text: words.unitsTitle!, style: 'title' }],
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
