// The colour of every status, written down once here as the product shows it, and checked where
// a person sees it: the rows of Nhiệm vụ and of a unit sheet (conditional formats), and the
// legend on Cài đặt — in the layout and in the .xlsx file as written. A colour changed in one
// place only, or made unreadable (white on white, pale grey), fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanText } from '../../src/core/plan/parse';
import { CATEGORIES, type StatusCategory } from '../../src/core/status';
import { layoutWorkbook } from '../../src/layout';
import { labelsFor } from '../../src/layout/labels';
import { CATEGORY_NAMES } from '../../src/layout/names';
import { COLOURS, CUES, STATUS_COLOURS } from '../../src/layout/styles';
import type { ConditionalRule, SheetLayout, WorkbookLayout } from '../../src/layout/types';
import { renderXlsx } from '../../src/render/xlsx';
import { seedNamed, seedText } from '../helpers/seeds';
import { arr, get, XlsxParts, type Xml } from './helpers/xlsx-parts';

interface Look {
  /** Fill, RGB hex; null: no fill (the sheet's white). */
  fill: string | null;
  font: string;
  strike: boolean;
}

/** What each status looks like: the case table. */
const STATUS_LOOKS: [StatusCategory, string, Look][] = [
  ['done-on-time', 'Hoàn thành đúng hạn', { fill: 'C6EFCE', font: '006100', strike: false }],
  ['done-late', 'Hoàn thành quá hạn', { fill: 'F8CBAD', font: '833C0B', strike: false }],
  ['done-undated', 'Hoàn thành, chưa có ngày', { fill: 'E4DFEC', font: '60497A', strike: false }],
  ['overdue', 'Quá hạn', { fill: 'FFC7CE', font: '9C0006', strike: false }],
  ['due-soon', 'Sắp đến hạn', { fill: 'FFEB9C', font: '7F6000', strike: false }],
  ['on-track', 'Trong hạn', { fill: 'DDEBF7', font: '1F4E78', strike: false }],
  ['no-deadline', 'Không thời hạn', { fill: null, font: '737373', strike: false }],
  ['waiting', 'Chờ điều kiện', { fill: null, font: '737373', strike: false }],
  ['paused', 'Tạm dừng', { fill: 'D9D9D9', font: '595959', strike: true }],
  ['cancelled', 'Đã hủy', { fill: 'D9D9D9', font: '595959', strike: true }],
];

/** WCAG's contrast ratio of two RGB colours (1 to 21). */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [0, 2, 4]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
/** Normal-size text (WCAG AA). */
const READABLE = 4.5;

describe('the status colours, as a case table', () => {
  it('lists every category once, with its Vietnamese label', () => {
    expect(STATUS_LOOKS.map(([c]) => c)).toEqual(CATEGORIES);
    const vi = labelsFor('vi').categories;
    for (const [category, label] of STATUS_LOOKS) expect(vi[category]).toBe(label);
  });

  it.each(STATUS_LOOKS)('%s (%s) reads on its fill', (category, _label, look) => {
    const written = STATUS_COLOURS[category];
    for (const { fill, font } of [look, written]) {
      expect(contrast(font, fill ?? COLOURS.white)).toBeGreaterThanOrEqual(READABLE);
      if (fill) expect(fill).not.toBe(COLOURS.white);
    }
  });

  it('keeps apart the categories a person must tell apart', () => {
    const distinct = (cs: StatusCategory[]): number =>
      new Set(cs.map((c) => JSON.stringify(STATUS_LOOKS.find(([x]) => x === c)![2]))).size;
    // Deadline news: five looks for five categories.
    expect(distinct(['done-on-time', 'done-late', 'done-undated', 'overdue', 'due-soon'])).toBe(5);
    expect(distinct(['overdue', 'due-soon', 'on-track', 'no-deadline', 'paused'])).toBe(5);
  });

  it('is what the palette holds', () => {
    for (const [category, , look] of STATUS_LOOKS) {
      const colour = STATUS_COLOURS[category];
      expect({ fill: colour.fill ?? null, font: colour.font, strike: !!colour.strike }).toEqual(
        look,
      );
    }
  });

  it.each(Object.entries(CUES))('keeps the %s cue readable too', (_name, cue) => {
    expect(contrast(cue.font, cue.fill)).toBeGreaterThanOrEqual(READABLE);
  });
});

const layout: WorkbookLayout = layoutWorkbook(parsePlanText(seedText(seedNamed('001'))), {
  reportDate: '2024-07-15',
});
const sheetOf = (kind: SheetLayout['kind']): SheetLayout =>
  layout.sheets.find((s) => s.kind === kind)!;

/** The category a rule colours: its formula compares the status cell with the category's name. */
function categoryOfRule(formula: string): StatusCategory | null {
  const name = /^\$[A-Z]+\d+=(TT_\w+)$/.exec(formula)?.[1];
  const entry = Object.entries(CATEGORY_NAMES).find(([, n]) => n === name);
  return entry ? (entry[0] as StatusCategory) : null;
}

function layoutLooks(sheet: SheetLayout): Map<StatusCategory, Look> {
  const out = new Map<StatusCategory, Look>();
  for (const format of sheet.conditionalFormats) {
    for (const rule of format.rules as ConditionalRule[]) {
      const category = categoryOfRule(rule.formula);
      if (!category) continue;
      out.set(category, {
        fill: rule.style.fill ?? null,
        font: rule.style.fontColor!,
        strike: !!rule.style.strike,
      });
    }
  }
  return out;
}

describe('the layout colours each status as the table says', () => {
  const expected = new Map(STATUS_LOOKS.map(([c, , look]) => [c, look]));

  it('on the rows of Nhiệm vụ and of a unit sheet', () => {
    expect(layoutLooks(sheetOf('tasks'))).toEqual(expected);
    expect(layoutLooks(sheetOf('unit'))).toEqual(expected);
  });

  it('in the legend on Cài đặt', () => {
    for (const [category, , look] of STATUS_LOOKS) {
      const style = layout.styles[`legend-${category}`]!;
      expect({
        fill: style.fill ?? null,
        font: style.font!.color,
        strike: !!style.font!.strike,
      }).toEqual(look);
    }
  });
});

describe('the written .xlsx colours each status as the table says', () => {
  let parts: XlsxParts;
  let styles: Xml;
  beforeAll(async () => {
    parts = new XlsxParts(await renderXlsx(layout));
    styles = get(parts.xml('xl/styles.xml'), 'styleSheet') as Xml;
  });
  const rgb = (value: unknown): string | null =>
    typeof value === 'string' ? value.replace(/^FF/, '') : null;

  function fileLooks(sheetName: string): Map<StatusCategory, Look> {
    const dxfs = arr(get(styles, 'dxfs', 'dxf'));
    const out = new Map<StatusCategory, Look>();
    for (const format of arr(parts.sheet(sheetName)['conditionalFormatting'])) {
      for (const rule of arr(format['cfRule'])) {
        const category = categoryOfRule(String(rule['formula']));
        if (!category) continue;
        const dxf = dxfs[Number(rule['@dxfId'])]!;
        out.set(category, {
          fill: rgb(get(dxf, 'fill', 'patternFill', 'bgColor', '@rgb')),
          font: rgb(get(dxf, 'font', 'color', '@rgb'))!,
          strike: get(dxf, 'font', 'strike') !== undefined,
        });
      }
    }
    return out;
  }

  it('in the conditional formats of Nhiệm vụ and of a unit sheet', () => {
    const expected = new Map(STATUS_LOOKS.map(([c, , look]) => [c, look]));
    expect(fileLooks(sheetOf('tasks').name)).toEqual(expected);
    expect(fileLooks(sheetOf('unit').name)).toEqual(expected);
  });

  it('in the legend cells on Cài đặt, each beside its label', () => {
    const fonts = arr(get(styles, 'fonts', 'font'));
    const fills = arr(get(styles, 'fills', 'fill'));
    const xfs = arr(get(styles, 'cellXfs', 'xf'));
    const cells = [...parts.cells(sheetOf('settings').name).values()];
    for (const [, label, look] of STATUS_LOOKS) {
      const cell = cells.find((c) => c.v === label)!;
      const xf = xfs[Number(cell.s)]!;
      const font = fonts[Number(xf['@fontId'])]!;
      const fill = fills[Number(xf['@fillId'])]!;
      expect({
        fill: rgb(get(fill, 'patternFill', 'fgColor', '@rgb')),
        font: rgb(get(font, 'color', '@rgb')),
        strike: font['strike'] !== undefined,
      }).toEqual(look);
    }
  });
});

describe('colours live in one place', () => {
  /** Six-digit hex literals in the layout's sources, with the file each is in. */
  function hexLiterals(dir: string): { file: string; hex: string }[] {
    const out: { file: string; hex: string }[] = [];
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) out.push(...hexLiterals(path));
      else if (name.endsWith('.ts'))
        for (const m of readFileSync(path, 'utf8').matchAll(/['"`]([0-9A-Fa-f]{6})['"`]/g))
          out.push({ file: path.replace(/\\/g, '/').replace(/^.*?src\//, 'src/'), hex: m[1]! });
    }
    return out;
  }

  it('writes every colour of the workbook once, in src/layout/styles.ts', () => {
    const found = hexLiterals(join(__dirname, '..', '..', 'src', 'layout'));
    expect(found.filter((f) => f.file !== 'src/layout/styles.ts')).toEqual([]);
    const hexes = found.map((f) => f.hex.toUpperCase());
    expect(hexes.filter((h, i) => hexes.indexOf(h) !== i)).toEqual([]);
  });
});
