// The printed tracker, as a leader reads it: every seed's workbook (Vietnamese and English, at
// the plan's own date) printed to PDF by LibreOffice with the workbook's own page setup, then
// read page by page: Tổng hợp is one page; the median text on every page is at least 8.5 pt;
// every page says which sheet, which day and which page it is, with no product name; a unit
// sheet's every page names the unit and carries the table header right over its rows; no
// heading is left alone at a page's foot.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parsePlanText } from '../../src/core/plan/parse';
import { labelsFor, layoutWorkbook } from '../../src/layout';
import type { WorkbookLayout } from '../../src/layout/types';
import { renderXlsx } from '../../src/render/xlsx';
import { fontOf } from '../../src/layout/fit';
import { DEFAULT_FONT, textRoom, textWidth } from '../../src/layout/metrics';
import { extractPages } from '../../src/readers/pdf/extract';
import type { PageContent, TextRun } from '../../src/readers/pdf/model';
import { loadPdfLib } from '../../src/readers/pdf/node';
import { SEEDS, seedText } from '../helpers/seeds';
import { convert, findSoffice, privateProfile } from './soffice';

const soffice = findSoffice();
const ci = process.env.CI === 'true';
if (!soffice && !ci) {
  console.warn('\n*** LibreOffice (soffice) is not installed: the print tests are SKIPPED. ***\n');
}

interface Printed {
  name: string;
  language: 'vi' | 'en';
  layout: WorkbookLayout;
  pages: PageContent[];
  /** The sheet each page prints (from the footer's sheet name). */
  sheetOf: string[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
};
const textOf = (runs: TextRun[]): string => runs.map((r) => r.text).join(' ');

(soffice || ci ? describe : describe.skip)('the tracker on paper (LibreOffice PDF)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'phuluc-print-'));
  const printed: Printed[] = [];

  beforeAll(async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) is required under CI=true');
    const files: { path: string; name: string; language: 'vi' | 'en'; layout: WorkbookLayout }[] =
      [];
    for (const seed of SEEDS) {
      const plan = parsePlanText(seedText(seed));
      for (const language of ['vi', 'en'] as const) {
        const layout = layoutWorkbook(plan, {
          reportDate: plan.document.date ?? '2020-01-01',
          language,
        });
        const name = `${seed.slice(0, 3)}-${language}`;
        const path = join(dir, `${name}.xlsx`);
        writeFileSync(path, await renderXlsx(layout));
        files.push({ path, name, language, layout });
      }
    }
    const result = convert(
      soffice!,
      privateProfile(join(dir, 'profile')),
      files.map((f) => f.path),
      'pdf',
      dir,
      600_000,
    );
    if (result.status !== 0) throw new Error(result.output);
    const lib = await loadPdfLib();
    for (const f of files) {
      const pages = await extractPages(
        lib,
        new Uint8Array(readFileSync(join(dir, `${f.name}.pdf`))),
      );
      const names = f.layout.sheets.map((s) => s.name);
      const sheetOf = pages.map((page) => {
        // The footer's left part is the sheet's name: the lowest run that is one.
        const footer = page.runs
          .filter((r) => names.includes(r.text.trim()))
          .sort((a, b) => b.y - a.y)[0];
        return footer?.text.trim() ?? '';
      });
      printed.push({ ...f, pages, sheetOf });
    }
  }, 900_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every page names its sheet in the footer, with the report date and the page, no product name', () => {
    for (const p of printed) {
      const L = labelsFor(p.language);
      p.pages.forEach((page, i) => {
        const where = `${p.name} page ${i + 1}`;
        expect({ where, sheet: p.sheetOf[i] !== '' }).toEqual({ where, sheet: true });
        // The page header and footer: the runs in the top and bottom bands of the page.
        const ys = page.runs.map((r) => r.y);
        const [top, bottom] = [Math.min(...ys), Math.max(...ys)];
        const margins = textOf(page.runs.filter((r) => r.y < top + 12 || r.y > bottom - 12));
        expect({ where, asOf: margins.includes(L.words.asOf!) }).toEqual({ where, asOf: true });
        expect({ where, product: /PhuLuc/.test(margins) }).toEqual({ where, product: false });
      });
    }
  });

  test('Tổng hợp is one page', () => {
    for (const p of printed) {
      const dashboard = p.layout.sheets.find((s) => s.kind === 'dashboard')!.name;
      expect({ file: p.name, pages: p.sheetOf.filter((s) => s === dashboard).length }).toEqual({
        file: p.name,
        pages: 1,
      });
    }
  });

  test('Tổng hợp wraps a lead unit’s name longer than its column instead of cutting it', () => {
    // A PDF keeps a cut cell's whole text under a clip, so "cut" shows as one run wider than the
    // column; a wrapped name is split over several runs, each within the column.
    let long = 0;
    for (const p of printed) {
      const dashboard = p.layout.sheets.find((s) => s.kind === 'dashboard')!;
      const page = p.pages[p.sheetOf.indexOf(dashboard.name)]!;
      const room = textRoom([dashboard.columns[1]!.width]);
      const font = fontOf(p.layout.styles.link, DEFAULT_FONT);
      const linked = dashboard.blocks
        .flatMap((b) => b.rows.map((row) => row[1]))
        .filter((cell) => cell?.style === 'link');
      for (const cell of linked) {
        const name = String(cell!.text ?? cell!.value);
        if (textWidth(name, font) <= room) continue;
        long++;
        const oneRun = page.runs.some((r) => r.text.trim() === name);
        expect({ file: p.name, name, wrapped: !oneRun }).toEqual({
          file: p.name,
          name,
          wrapped: true,
        });
      }
    }
    // The seeds have names longer than the column, so the rule is exercised.
    expect(long).toBeGreaterThan(0);
  });

  test('the median text on every page is at least 8.5 pt', () => {
    for (const p of printed) {
      p.pages.forEach((page, i) => {
        const size = median(page.runs.map((r) => r.size));
        expect({
          page: `${p.name} page ${i + 1} (${p.sheetOf[i]})`,
          ok: size >= 8.5,
          size,
        }).toEqual({ page: `${p.name} page ${i + 1} (${p.sheetOf[i]})`, ok: true, size });
      });
    }
  });

  test('a unit sheet: every page names the unit and shows the table header; no heading alone at a foot', () => {
    for (const p of printed) {
      const w = labelsFor(p.language).words;
      for (const sheet of p.layout.sheets.filter((s) => s.kind === 'unit')) {
        const unit = sheet.key.slice('unit:'.length);
        const pages = p.pages.filter((_, i) => p.sheetOf[i] === sheet.name);
        expect(pages.length).toBeGreaterThan(0);
        for (const [k, page] of pages.entries()) {
          const where = `${p.name} ${sheet.name} page ${k + 1}`;
          const text = textOf(page.runs);
          // The unit's full name, in the page header on every page.
          expect({
            where,
            unit: text.replace(/\s+/g, ' ').includes(unit.replace(/\s+/g, ' ')),
          }).toEqual({
            where,
            unit: true,
          });
          // One header over both tables: the word for the other units, never the lead table's
          // "Phối hợp" over the coordinating tasks.
          expect({ where, header: text.includes(w.otherUnits!) }).toEqual({ where, header: true });
          // A section heading has rows under it on the same page.
          const body = page.runs.filter((r) => r.size > 0);
          const footerY = Math.max(...body.map((r) => r.y));
          for (const title of [w.asLead!, w.asSupport!]) {
            const heading = body.find((r) => r.text.startsWith(title));
            if (!heading) continue;
            const below = body.filter((r) => r.y > heading.y + 1 && r.y < footerY - 1);
            expect({ where, title, rowsBelow: below.length >= 3 }).toEqual({
              where,
              title,
              rowsBelow: true,
            });
          }
        }
      }
    }
  });
});
