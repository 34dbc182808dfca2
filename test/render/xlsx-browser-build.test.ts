// The task pane bundles the .xlsx writer for the browser, where fflate resolves to its browser
// build (package.json "exports": "import"/"require" outside Node), not the Node one: the
// workbook it writes must be the same there.
import { xlsxProblems, XlsxParts, arr, get } from './helpers/xlsx-parts';
import { sampleLayout } from './sample-layout';

jest.mock('fflate', () => jest.requireActual('fflate/browser'));

it('writes the same workbook with the browser build of fflate', async () => {
  expect(jest.requireMock<{ zipSync: unknown }>('fflate').zipSync).toBe(
    jest.requireActual<{ zipSync: unknown }>('fflate/browser').zipSync,
  );
  const { renderXlsx } = await import('../../src/render/xlsx');
  const bytes = await renderXlsx(sampleLayout());
  expect(bytes).toBeInstanceOf(Uint8Array);
  expect(xlsxProblems(bytes)).toEqual([]);
  const parts = new XlsxParts(bytes);
  const links = arr(get(parts.sheet('Tổng hợp'), 'hyperlinks', 'hyperlink'));
  expect(links.map((l) => l['@location'])).toEqual(["'Sở O''Neil & Cộng sự'!A1", "'Nhiệm vụ'!B4"]);
  const names = arr(get(parts.xml('xl/workbook.xml'), 'workbook', 'definedNames', 'definedName'));
  expect(names.map((n) => n['@name'])).toContain('PhuLuc_DV_1');
  const rules = arr(parts.sheet('Nhiệm vụ')['conditionalFormatting']).flatMap((c) =>
    arr(c['cfRule']),
  );
  expect(rules[0]!['@stopIfTrue']).toBe('1');
  expect(parts.cells('Nhiệm vụ').get('B5')!.v).toBe('=1+1');
});

it('reads an .xlsx appendix with the browser build of fflate', async () => {
  const { renderXlsx } = await import('../../src/render/xlsx');
  const { readXlsxGrid } = await import('../../src/readers/xlsx');
  const grid = await readXlsxGrid(await renderXlsx(sampleLayout()), 'Nhiệm vụ');
  expect(grid.rows.find((r) => r.line === 4)!.cells.slice(0, 3)).toEqual([
    'I.1',
    '- Xã hội',
    '15/03/2024',
  ]);
});
