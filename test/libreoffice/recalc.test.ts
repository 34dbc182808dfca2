// The workbook computed by a real spreadsheet engine. Every case of ../helpers/tracking.ts (each
// seed at a report date that shows every colour; seeds 000, 001 and 004 at 01/10/2019,
// 31/12/2019 and 15/01/2025, where the periods of their recurring tasks come due; thirty overdue
// items), with values typed in (done on time, late, without a date, paused, cancelled, an
// extension…), is opened in LibreOffice headless, recalculated and saved; every Tình trạng of the
// task list (tasks, recurring tasks' headings and their occurrences), every Phân công row, every
// count of the dashboard and of the unit sheets must equal what the core computes for that date,
// and every count row must add up to its Tổng số.
//
// The files carry the core's values with their formulas, so LibreOffice must be made to
// recalculate on load (the private profile of ./soffice.ts does): a formula made wrong on
// purpose, its stored value right, shows the formula's result after the round trip.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parsePlanText } from '../../src/core/plan/parse';
import type { StatusCategory } from '../../src/core/status';
import { renderXlsx } from '../../src/render/xlsx';
import { seedNamed, seedText } from '../helpers/seeds';
import {
  buildCase,
  type Case,
  colLetter,
  coreOf,
  dashboardRows,
  expectAssignments,
  expectDashboard,
  expectOverdueList,
  expectPeriods,
  expectStatuses,
  expectUnitSheets,
  L,
  PLANS,
  OVERDUE_30,
  sheetOf,
  statusesOf,
  trackingCases,
} from '../helpers/tracking';
import { arr, get, XlsxParts, xlsxProblems } from '../render/helpers/xlsx-parts';
import { sampleLayout, TRICKY_TEXTS } from '../render/sample-layout';
import { convert, findSoffice, privateProfile } from './soffice';

const WRONG = 'wrong-formula';

type Grid = Map<string, Map<string, unknown>>;

/**
 * Every sheet's computed values: address → value (a formula gives its cached result), read
 * from the XML (ExcelJS drops formula results equal to 0 when it reads a file).
 */
function computedValues(path: string): { parts: XlsxParts; sheets: Grid } {
  const parts = new XlsxParts(readFileSync(path));
  const sheets: Grid = new Map();
  for (const name of parts.sheetNames) {
    const cells = new Map<string, unknown>();
    for (const [address, c] of parts.cells(name)) {
      if (c.v === undefined) continue;
      if (c.t === 'e') cells.set(address, { error: c.v });
      else if (c.t === 'b') cells.set(address, c.v === '1');
      else if (c.t === 's' || c.t === 'str' || c.t === 'inlineStr') cells.set(address, c.v);
      else cells.set(address, Number(c.v));
    }
    sheets.set(name, cells);
  }
  return { parts, sheets };
}

const isError = (v: unknown): boolean =>
  (typeof v === 'object' && v !== null && 'error' in v) ||
  (typeof v === 'string' && /^(#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NUM!|NULL!)|Err:\d+)$/.test(v));

const soffice = findSoffice();
const ci = process.env.CI === 'true';

if (!soffice && !ci) {
  console.warn(
    '\n\n*** LibreOffice (soffice) is not installed: the recalculation tests are SKIPPED. ***\n' +
      '*** Install it (apt-get install -y libreoffice-calc) to check the workbook formulas. ***\n\n',
  );
}

(soffice || ci ? describe : describe.skip)('the workbook recalculated by LibreOffice', () => {
  type Built = Case & { path: string };
  const dir = mkdtempSync(join(tmpdir(), 'phuluc-lo-'));
  const outDir = join(dir, 'out');
  const built: Built[] = [];
  const computed = new Map<string, ReturnType<typeof computedValues>>();
  let log = '';
  /** The formula made wrong on purpose: the dashboard's whole-plan overdue count. */
  let wrong: { address: string; stored: number } | null = null;

  beforeAll(() => {
    if (!soffice) throw new Error('LibreOffice (soffice) is required under CI=true');
    const cases = trackingCases();
    // A formula made wrong on purpose, its stored value the core's: only a recalculation shows it.
    const w = buildCase(WRONG, parsePlanText(seedText(seedNamed('000'))), '2019-10-01');
    const dash = sheetOf(w, 'dashboard');
    for (const block of dash.blocks) {
      const m = /^([A-Z]+)(\d+)$/.exec(block.origin)!;
      const col0 = m[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      block.rows.forEach((row, r) => {
        if (row[1]?.text !== L.words.wholePlan) return;
        // The whole-plan Quá hạn: the count whose formula names the overdue label.
        const col = row.findIndex((cell) => /\bTT_QuaHan\b/.test(cell?.formula ?? ''));
        const cell = row[col]!;
        wrong = {
          address: `${colLetter(col0 + col)}${Number(m[2]) + r}`,
          stored: Number(cell.value),
        };
        row[col] = { ...cell, formula: '1000' };
      });
    }
    return (async () => {
      for (const c of [...cases, w]) {
        const path = join(dir, `${c.name}.xlsx`);
        writeFileSync(path, await renderXlsx(c.layout));
        built.push({ ...c, path });
      }
      const samplePath = join(dir, 'sample.xlsx');
      writeFileSync(samplePath, await renderXlsx(sampleLayout()));
      const profile = privateProfile(join(dir, 'profile'));
      const result = convert(
        soffice,
        profile,
        [...built.map((b) => b.path), samplePath],
        'xlsx:Calc MS Excel 2007 XML',
        outDir,
        600_000,
      );
      log = result.output;
      for (const file of readdirSync(outDir)) {
        computed.set(file.replace(/\.xlsx$/, ''), computedValues(join(outDir, file)));
      }
    })();
  }, 900_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const each = (): Built[] => built.filter((b) => b.name !== WRONG);
  const cellsOf = (b: Case, kind: string): Map<string, unknown> =>
    computed.get(b.name)!.sheets.get(sheetOf(b, kind).name)!;

  it('opens every workbook with all its sheets', () => {
    expect({ files: [...computed.keys()].sort(), log }).toEqual({
      files: [...built.map((b) => b.name), 'sample'].sort(),
      log: expect.any(String),
    });
    for (const b of built) {
      expect([...computed.get(b.name)!.sheets.keys()]).toEqual(b.layout.sheets.map((s) => s.name));
    }
  });

  it('wrote files with no repair problems', () => {
    for (const b of built)
      expect({ seed: b.name, problems: xlsxProblems(readFileSync(b.path)) }).toEqual({
        seed: b.name,
        problems: [],
      });
  });

  it('recalculates on load: a formula made wrong shows its own result, not the stored one', () => {
    const b = built.find((x) => x.name === WRONG)!;
    const cells = cellsOf(b, 'dashboard');
    expect(wrong).not.toBeNull();
    expect(wrong!.stored).toBe(coreOf(b).rollup.total.overdue);
    expect(wrong!.stored).toBeGreaterThan(0);
    expect(cells.get(wrong!.address)).toBe(1000);
    // So the comparison with the core, made on every other workbook, catches a wrong formula.
    expect(dashboardRows(cells).at(-1)!.overdue).toBe(1000);
  });

  it('computes no error value anywhere', () => {
    for (const [file, { sheets }] of computed) {
      const errors: string[] = [];
      for (const [sheet, cells] of sheets) {
        for (const [address, v] of cells) if (isError(v)) errors.push(`${sheet}!${address}`);
      }
      expect({ file, errors }).toEqual({ file, errors: [] });
    }
  });

  it('every Tình trạng equals the core status for the report date (tasks, headings, occurrences)', () => {
    for (const b of each()) expectStatuses(b, cellsOf(b, 'tasks'));
    // The typed values made the rarer statuses appear.
    for (const b of each().filter((x) => PLANS.includes(x.name) && x.plan.tasks.length > 0)) {
      const present = new Set(coreOf(b).all.map((s) => s.status));
      const rare: StatusCategory[] = [
        'done-on-time',
        'done-late',
        'done-undated',
        'paused',
        'cancelled',
        'overdue',
      ];
      for (const s of rare)
        expect({ plan: b.name, has: s, present: present.has(s) }).toEqual({
          plan: b.name,
          has: s,
          present: true,
        });
    }
  });

  it('tracks the periods of recurring tasks, each on its own, at every date', () => {
    expectPeriods(built, (c) => statusesOf(cellsOf(c, 'tasks')));
  });

  it('every Phân công row reads the status of its own item', () => {
    for (const b of each()) expectAssignments(b, cellsOf(b, 'assignments'));
  });

  it('every dashboard count equals the core roll-up, and every row adds up to Tổng số', () => {
    for (const b of each()) expectDashboard(b, cellsOf(b, 'dashboard'));
  });

  it('every unit sheet counts its items as lead, adding up to Tổng số', () => {
    for (const b of each()) expectUnitSheets(b, (name) => computed.get(b.name)!.sheets.get(name)!);
  });

  it('lists every overdue item on the dashboard (all thirty of a plan with thirty)', () => {
    for (const b of each()) expectOverdueList(b, cellsOf(b, 'dashboard'));
    const thirty = built.find((b) => b.name === OVERDUE_30)!;
    expect(coreOf(thirty).rollup.total.overdue).toBe(30);
  });

  it('keeps text as text: cells starting with "-", "=", "+", "@" read back unchanged', () => {
    const sample = computed.get('sample')!.sheets.get('Nhiệm vụ')!;
    expect(['B4', 'B5', 'B6', 'A8', 'B8', 'C8', 'D8', 'E8'].map((a) => sample.get(a))).toEqual(
      TRICKY_TEXTS,
    );
    // Every text cell of every seed's workbook, the notes typed in included.
    for (const b of built.filter((x) => PLANS.includes(x.name))) {
      const sheets = computed.get(b.name)!.sheets;
      const wrongCells: string[] = [];
      let tricky = 0;
      for (const sheet of b.layout.sheets) {
        const cells = sheets.get(sheet.name)!;
        for (const block of sheet.blocks) {
          const o = /^([A-Z]+)(\d+)$/.exec(block.origin)!;
          const col0 = o[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
          block.rows.forEach((cellsRow, r) =>
            cellsRow.forEach((cell, c) => {
              if (!cell?.text || !/^[-=+@]/.test(cell.text)) return;
              tricky++;
              const address = `${colLetter(col0 + c)}${Number(o[2]) + r}`;
              const got = cells.get(address);
              if (got !== cell.text)
                wrongCells.push(
                  `${sheet.name}!${address}: ${JSON.stringify(got)} ≠ ${JSON.stringify(cell.text)}`,
                );
            }),
          );
        }
      }
      expect({ seed: b.name, wrong: wrongCells }).toEqual({ seed: b.name, wrong: [] });
      if (b.plan.tasks.length > 0) expect(tricky).toBeGreaterThan(0);
    }
  });

  it('computes the sample dashboard formulas (names, _xlfn functions, cross-sheet references)', () => {
    const dash = computed.get('sample')!.sheets.get('Tổng hợp')!;
    expect(dash.get('B3')).toBe(1); // one task overdue on 30/06/2024
    expect(dash.get('C3')).toBe('có');
    const tasks = computed.get('sample')!.sheets.get('Nhiệm vụ')!;
    expect(['E4', 'E5', 'E6'].map((a) => tasks.get(a))).toEqual(['Xong', 'Trong hạn', 'Quá hạn']);
  });

  it('keeps the links to other sheets', () => {
    const parts = computed.get('sample')!.parts;
    const links = arr(get(parts.sheet('Tổng hợp'), 'hyperlinks', 'hyperlink'));
    const b2 = links.find((l) => l['@ref'] === 'B2');
    expect(String(b2?.['@location'])).toMatch(/O''?Neil & Cộng sự'?!\$?A\$?1/);
  });
});
