// The workbook computed by a real spreadsheet engine. Each seed is built for a fixed report
// date with some values typed in (done on time, done late, paused, cancelled…), opened in
// LibreOffice headless, recalculated and saved; every Tình trạng of the task list and every
// count of the dashboard must equal what the core computes for that date.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import { daysBetween, type Entered } from '../../src/core/status';
import { rollupByUnit, standings, type UnitRollup } from '../../src/core/status/rollup';
import { labelsFor, layoutWorkbook, stateOfLabel, type EnteredValues } from '../../src/layout';
import type { WorkbookLayout } from '../../src/layout/types';
import { renderXlsx } from '../../src/render/xlsx';
import { hostilePlan } from '../helpers/hostile';
import { SEEDS, seedText } from '../helpers/seeds';
import { arr, get, XlsxParts, xlsxProblems } from '../render/helpers/xlsx-parts';
import { sampleLayout, TRICKY_TEXTS } from '../render/sample-layout';
import { convert, findSoffice, privateProfile } from './soffice';

const L = labelsFor('vi');
const DUE_SOON = 7;
/** A plan whose unit names and Mã are wildcards, operators, case variants, 255+ characters. */
const HOSTILE = 'hostile';
const PLANS = [...SEEDS, HOSTILE];

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/**
 * A report date that leaves every colour on the sheet: the day after the 8th earliest fixed
 * deadline (the 6 earliest tasks get typed values, the next ones stay overdue, later ones are
 * still ahead).
 */
function reportDateOf(plan: Plan): string {
  const dues = plan.tasks
    .filter((t) => !t.time.recurrence)
    .map((t) => t.time.due)
    .filter((d): d is string => !!d)
    .sort();
  const pivot = dues[Math.min(dues.length - 1, 7)];
  return pivot ? addDays(pivot, 1) : (plan.document.date ?? '2024-06-30');
}

/** Values typed into the workbook, and the same for the core's reference. */
function typedValues(plan: Plan): {
  layout: Record<string, EnteredValues>;
  core: Record<string, Entered>;
} {
  const dated = plan.tasks
    .filter((t) => t.time.due && !t.time.recurrence)
    .sort((a, b) => (a.time.due! < b.time.due! ? -1 : a.time.due! > b.time.due! ? 1 : 0));
  const others = plan.tasks.filter((t) => !dated.includes(t));
  const layout: Record<string, EnteredValues> = {};
  const pick = [...dated, ...others];
  const set = (i: number, v: EnteredValues): void => {
    const task = pick[i];
    if (task) layout[task.id] = v;
  };
  const due = (i: number): string => pick[i]?.time.due ?? '2024-01-01';
  set(0, { state: L.states.done, completed: addDays(due(0), -3), note: '=SUM(1,2) là ghi chú' });
  set(1, { state: L.states.done, completed: addDays(due(1), 10), note: '- đã xong, muộn' });
  set(2, { state: L.states.paused, note: '+84 912 345 678' });
  set(3, { state: L.states.cancelled, note: '@văn thư' });
  set(4, { completed: addDays(due(4), 1) });
  set(5, { state: L.states['in-progress'], progress: 40 });
  set(pick.length - 1, { state: L.states.done });
  const core: Record<string, Entered> = {};
  for (const [id, v] of Object.entries(layout)) {
    core[id] = { state: stateOfLabel(v.state), completed: v.completed ?? null };
  }
  return { layout, core };
}

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

function colLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Finds the row holding `label` in column-any; returns the row and a header → column map. */
function headerRow(
  cells: Map<string, unknown>,
  label: string,
): { row: number; cols: Map<string, number> } {
  for (const [address, value] of cells) {
    if (value !== label) continue;
    const row = Number(/\d+$/.exec(address)![0]);
    const cols = new Map<string, number>();
    for (let c = 1; c <= 40; c++) {
      const v = cells.get(`${colLetter(c)}${row}`);
      if (typeof v === 'string' && !cols.has(v)) cols.set(v, c);
    }
    return { row, cols };
  }
  throw new Error(`no "${label}" on the sheet`);
}

const soffice = findSoffice();
const ci = process.env.CI === 'true';

if (!soffice && !ci) {
  console.warn(
    '\n\n*** LibreOffice (soffice) is not installed: the recalculation tests are SKIPPED. ***\n' +
      '*** Install it (apt-get install -y libreoffice-calc) to check the workbook formulas. ***\n\n',
  );
}

(soffice || ci ? describe : describe.skip)('the workbook recalculated by LibreOffice', () => {
  interface Built {
    name: string;
    plan: Plan;
    layout: WorkbookLayout;
    reportDate: string;
    core: Record<string, Entered>;
    path: string;
  }
  const dir = mkdtempSync(join(tmpdir(), 'phuluc-lo-'));
  const outDir = join(dir, 'out');
  const built: Built[] = [];
  const computed = new Map<string, ReturnType<typeof computedValues>>();
  let log = '';

  beforeAll(async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) is required under CI=true');
    for (const name of PLANS) {
      const plan = name === HOSTILE ? hostilePlan() : parsePlanText(seedText(name));
      const reportDate = reportDateOf(plan);
      const typed = typedValues(plan);
      const layout = layoutWorkbook(plan, {
        reportDate,
        dueSoonDays: DUE_SOON,
        language: 'vi',
        groupSheets: false,
        entered: typed.layout,
      });
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, await renderXlsx(layout));
      built.push({ name, plan, layout, reportDate, core: typed.core, path });
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
    );
    log = result.output;
    for (const file of readdirSync(outDir)) {
      computed.set(file.replace(/\.xlsx$/, ''), computedValues(join(outDir, file)));
    }
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens every workbook with all its sheets', () => {
    expect({ files: [...computed.keys()].sort(), log }).toEqual({
      files: [...PLANS, 'sample'].sort(),
      log: expect.any(String),
    });
    for (const b of built) {
      expect(computed.get(b.name)!.parts.sheetNames).toEqual(b.layout.sheets.map((s) => s.name));
    }
  });

  it('wrote files with no repair problems', async () => {
    for (const b of built)
      expect({ seed: b.name, problems: xlsxProblems(readFileSync(b.path)) }).toEqual({
        seed: b.name,
        problems: [],
      });
  });

  it('computes no error value anywhere', () => {
    for (const [file, { sheets }] of computed) {
      const errors: string[] = [];
      for (const [sheet, cells] of sheets) {
        for (const [address, v] of cells)
          if (isError(v)) errors.push(`${sheet}!${address}=${JSON.stringify(v)}`);
      }
      expect({ file, errors }).toEqual({ file, errors: [] });
    }
  });

  it.each(PLANS)('%s: every Tình trạng equals the core status for the report date', (name) => {
    const b = built.find((x) => x.name === name)!;
    const tasksSheet = b.layout.sheets.find((s) => s.kind === 'tasks')!;
    const cells = computed.get(name)!.sheets.get(tasksSheet.name)!;
    const expected = standings(b.plan, b.reportDate, DUE_SOON, b.core);
    if (b.plan.tasks.length === 0) {
      expect(expected).toEqual([]);
      return;
    }
    const { row, cols } = headerRow(cells, L.words.code!);
    const codeCol = colLetter(cols.get(L.words.code!)!);
    const statusCol = colLetter(cols.get(L.words.status!)!);
    const got = new Map<string, unknown>();
    for (let r = row + 1; r <= row + b.plan.tasks.length; r++) {
      got.set(String(cells.get(`${codeCol}${r}`)), cells.get(`${statusCol}${r}`));
    }
    const want = new Map(expected.map((s) => [s.id, L.categories[s.status]]));
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
    // The typed values made the rarer statuses appear.
    const statuses = new Set(expected.map((s) => s.status));
    for (const s of ['done-on-time', 'done-late', 'paused', 'cancelled', 'overdue'] as const) {
      expect({ name, has: s, present: statuses.has(s) }).toEqual({ name, has: s, present: true });
    }
  });

  it.each(PLANS)('%s: every Phân công row reads the status of its own task', (name) => {
    const b = built.find((x) => x.name === name)!;
    if (b.plan.tasks.length === 0) return;
    const sheet = b.layout.sheets.find((s) => s.kind === 'assignments')!;
    const cells = computed.get(name)!.sheets.get(sheet.name)!;
    const want = new Map(
      standings(b.plan, b.reportDate, DUE_SOON, b.core).map((s) => [s.id, L.categories[s.status]]),
    );
    const { row, cols } = headerRow(cells, L.words.code!);
    const code = colLetter(cols.get(L.words.code!)!);
    const status = colLetter(cols.get(L.words.status!)!);
    const wrong: string[] = [];
    let rows = 0;
    for (let r = row + 1; cells.has(`${code}${r}`); r++, rows++) {
      const id = String(cells.get(`${code}${r}`));
      if (cells.get(`${status}${r}`) !== want.get(id))
        wrong.push(`${id}: ${String(cells.get(`${status}${r}`))} ≠ ${want.get(id)}`);
    }
    expect({ name, wrong }).toEqual({ name, wrong: [] });
    expect(rows).toBeGreaterThanOrEqual(b.plan.tasks.length);
  });

  it.each(PLANS)('%s: every dashboard count equals the core roll-up', (name) => {
    const b = built.find((x) => x.name === name)!;
    const dash = b.layout.sheets.find((s) => s.kind === 'dashboard')!;
    const cells = computed.get(name)!.sheets.get(dash.name)!;
    const rollup = rollupByUnit(b.plan, b.reportDate, DUE_SOON, b.core);
    if (b.plan.tasks.length === 0) {
      expect(rollup.units).toEqual([]);
      expect([...cells.values()]).toContain(L.words.noTasks);
      return;
    }
    const { row, cols } = headerRow(cells, L.words.leadUnit!);
    const fields: [keyof UnitRollup, string][] = [
      ['total', L.words.total!],
      ['due', L.words.dueCount!],
      ['doneOnTime', L.categories['done-on-time']],
      ['doneLate', L.categories['done-late']],
      ['pendingInTime', L.words.pendingInTime!],
      ['overdue', L.categories.overdue],
      ['dueSoon', L.categories['due-soon']],
      ['noDeadline', L.categories['no-deadline']],
      ['pctDone', L.words.pctDone!],
      ['pctOnTime', L.words.pctOnTime!],
    ];
    const read = (r: number): Record<string, unknown> => {
      const out: Record<string, unknown> = {
        unit: cells.get(`${colLetter(cols.get(L.words.leadUnit!)!)}${r}`),
      };
      for (const [key, label] of fields) {
        const v = cells.get(`${colLetter(cols.get(label)!)}${r}`);
        out[key] =
          typeof v === 'number' && key.startsWith('pct')
            ? Math.round(v * 1e9) / 1e9
            : v === '' || v === undefined
              ? null
              : v;
      }
      return out;
    };
    const want = (u: UnitRollup, unit: string): Record<string, unknown> => {
      const out: Record<string, unknown> = { unit };
      for (const [key] of fields) {
        const v = u[key];
        out[key] = typeof v === 'number' && key.startsWith('pct') ? Math.round(v * 1e9) / 1e9 : v;
      }
      return out;
    };
    rollup.units.forEach((u, i) => expect(read(row + 1 + i)).toEqual(want(u, u.unit)));
    expect(read(row + 1 + rollup.units.length)).toEqual(want(rollup.total, L.words.wholePlan!));
  });

  it('keeps text as text: cells starting with "-", "=", "+", "@" read back unchanged', () => {
    const sample = computed.get('sample')!.sheets.get('Nhiệm vụ')!;
    expect(['B4', 'B5', 'B6', 'A8', 'B8', 'C8', 'D8', 'E8'].map((a) => sample.get(a))).toEqual(
      TRICKY_TEXTS,
    );
    // Every text cell of every seed's workbook, the notes typed in included.
    for (const b of built) {
      const sheets = computed.get(b.name)!.sheets;
      const wrong: string[] = [];
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
                wrong.push(
                  `${sheet.name}!${address}: ${JSON.stringify(got)} ≠ ${JSON.stringify(cell.text)}`,
                );
            }),
          );
        }
      }
      expect({ seed: b.name, wrong }).toEqual({ seed: b.name, wrong: [] });
      if (b.plan.tasks.length > 0) expect(tricky).toBeGreaterThan(0);
    }
  });

  it('computes the sample dashboard formulas (names, _xlfn functions, cross-sheet references)', () => {
    const dash = computed.get('sample')!.sheets.get('Tổng hợp')!;
    expect(dash.get('B3')).toBe(1); // one task overdue on 30/06/2024
    expect(dash.get('C3')).toBe('có');
    const tasks = computed.get('sample')!.sheets.get('Nhiệm vụ')!;
    expect(['E4', 'E5', 'E6'].map((a) => tasks.get(a))).toEqual(['Xong', 'Trong hạn', 'Quá hạn']);
    expect(daysBetween('2024-06-30', '2024-12-31')).toBeGreaterThan(0);
  });

  it('keeps the links to other sheets', () => {
    const parts = computed.get('sample')!.parts;
    const links = arr(get(parts.sheet('Tổng hợp'), 'hyperlinks', 'hyperlink'));
    const b2 = links.find((l) => l['@ref'] === 'B2');
    expect(String(b2?.['@location'])).toMatch(/O''?Neil & Cộng sự'?!\$?A\$?1/);
  });
});
