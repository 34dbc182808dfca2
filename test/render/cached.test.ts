// The tracker as a program that does not calculate sees it (Protected View, a previewer, a phone,
// another program): every formula cell carries the core's value for the build's report date.
// The built .xlsx is read with the project's reader (src/readers/xlsx), which gives a formula's
// stored result and never recalculates; every Tình trạng, Phân công row, dashboard and unit-sheet
// count, and the overdue list must be exactly the core's — the same readings the LibreOffice
// test makes after recalculating (test/libreoffice/recalc.test.ts).
import { openWorkbook, type XlsxWorkbook } from '../../src/readers/xlsx';
import { renderXlsx } from '../../src/render/xlsx';
import {
  type Case,
  type Cells,
  colLetter,
  coreOf,
  expectAssignments,
  expectDashboard,
  expectOverdueList,
  expectPeriods,
  expectStatuses,
  expectUnitSheets,
  OVERDUE_30,
  sheetOf,
  statusesOf,
  storedValues,
  trackingCases,
} from '../helpers/tracking';

describe('the built tracker read without recalculation (stored values)', () => {
  const cases: Case[] = trackingCases();
  const stored = new Map<string, (sheet: string) => Cells>();
  const books = new Map<string, XlsxWorkbook>();

  beforeAll(async () => {
    for (const c of cases) {
      const book = openWorkbook(await renderXlsx(c.layout));
      books.set(c.name, book);
      const memo = new Map<string, Cells>();
      stored.set(c.name, (name) => {
        if (!memo.has(name)) memo.set(name, storedValues(book.sheet(name)));
        return memo.get(name)!;
      });
    }
  }, 300_000);

  const cellsOf = (b: Case, kind: string): Cells => stored.get(b.name)!(sheetOf(b, kind).name);

  it('stores a value with every formula (empty only where the value is an empty text)', () => {
    for (const b of cases) {
      const missing: string[] = [];
      let formulas = 0;
      for (const layout of b.layout.sheets) {
        const sheet = books.get(b.name)!.sheet(layout.name);
        for (const block of layout.blocks) {
          const m = /^([A-Z]+)(\d+)$/.exec(block.origin)!;
          const col0 = m[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
          block.rows.forEach((row, r) =>
            row.forEach((cell, c) => {
              if (cell?.formula === undefined) return;
              formulas++;
              const got = sheet.cell(Number(m[2]) + r, col0 + c);
              const address = `${layout.name}!${colLetter(col0 + c)}${Number(m[2]) + r}`;
              if (got?.formula === undefined) missing.push(`${address}: no formula`);
              else if (got.value.type === 'empty' && cell.value !== '')
                missing.push(`${address}: no stored value`);
            }),
          );
        }
      }
      expect({ plan: b.name, missing }).toEqual({ plan: b.name, missing: [] });
      if (b.plan.tasks.length > 0) expect(formulas).toBeGreaterThan(100);
    }
  });

  it('every Tình trạng is the core status for the report date (tasks, headings, occurrences)', () => {
    for (const b of cases) expectStatuses(b, cellsOf(b, 'tasks'));
  });

  it('the periods of recurring tasks, each on its own, at every date', () => {
    expectPeriods(cases, (c) => statusesOf(cellsOf(c, 'tasks')));
  });

  it('every Phân công row shows the status of its own item', () => {
    for (const b of cases) expectAssignments(b, cellsOf(b, 'assignments'));
  });

  it('every dashboard count is the core roll-up, and every row adds up to Tổng số', () => {
    for (const b of cases) expectDashboard(b, cellsOf(b, 'dashboard'));
  });

  it('every unit sheet counts its items as lead, adding up to Tổng số', () => {
    for (const b of cases) expectUnitSheets(b, stored.get(b.name)!);
  });

  it('lists every overdue item on the dashboard (all thirty of a plan with thirty)', () => {
    for (const b of cases) expectOverdueList(b, cellsOf(b, 'dashboard'));
    expect(coreOf(cases.find((b) => b.name === OVERDUE_30)!).rollup.total.overdue).toBe(30);
  });
});
