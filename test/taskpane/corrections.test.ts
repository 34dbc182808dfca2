// What a new user met in the pane (issue 12), driven through the pane's actions with the real
// pipeline: cells typed in the preview, units merged and kept as the office's directory, the
// notices that follow the plan, the advice for Word files, and the same answers as the command
// line for the same inputs.

import { withoutCalculatedColumns } from '../helpers/exceljs';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import type { Plan } from '../../src/core/plan/types';
import { parseUnitDirectory } from '../../src/core/units';
import { findingKey } from '../../src/taskpane/model/fixes';
import type { KeyValueStorage } from '../../src/taskpane/model/settings';
import { PaneStore } from '../../src/taskpane/model/store';
import { seedNamed, seedPath, seedText } from '../helpers/seeds';
import { modules, seedAsDocx, tabbedDocx } from './fixtures';

class MemoryStorage implements KeyValueStorage {
  data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

interface Saved {
  bytes: Uint8Array;
  fileName: string;
  type?: string;
}

function makeStore(storage = new MemoryStorage()) {
  const downloads: Saved[] = [];
  const store = new PaneStore({
    modules,
    browser: { download: (bytes, fileName, type) => downloads.push({ bytes, fileName, type }) },
    storage,
    sample: async () => seedText(seedNamed('000')),
    yieldToUi: async () => undefined,
  });
  return { store, downloads, storage };
}

const OFFICE = [
  'Văn phòng HĐND - UBND huyện',
  'Văn phòng HĐND - UBND huyện (Bộ phận tiếp nhận và trả kết quả)',
  'UBND huyện (Bộ phận tiếp nhận và trả kết quả)',
  'Bộ phận tiếp nhận và trả kết quả',
  'Văn phòng HĐND',
];

const tmp = mkdtempSync(join(tmpdir(), 'phuluc-pane-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const codesOf = (plan: Plan, task: string): string[] =>
  plan.findings.filter((f) => f.task === task).map((f) => f.code);

/** The task list of a built workbook: Mã → the row's cells by header. */
async function taskSheet(bytes: Uint8Array): Promise<Map<string, Record<string, string>>> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS cannot read the task table's calculated columns: read it without them.
  await wb.xlsx.load((await withoutCalculatedColumns(bytes)) as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('Nhiệm vụ')!;
  let header: string[] = [];
  const rows = new Map<string, Record<string, string>>();
  sheet.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
    if (cells.includes('Mã') && cells.includes('Nhiệm vụ')) header = cells;
    else if (header.length > 0 && cells[header.indexOf('Mã')])
      rows.set(
        cells[header.indexOf('Mã')]!,
        Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])),
      );
  });
  return rows;
}

describe('after a source is read', () => {
  it('the panel takes the focus and the notice says what was read', async () => {
    const { store } = makeStore();
    expect(store.getState().focusSeq).toBe(0);
    await store.loadSample();
    const s = store.getState();
    expect(s.step).toBe('preview');
    expect(s.focusSeq).toBe(1);
    expect(s.notice).toEqual({ kind: 'read', tasks: 20, sections: 6 });
  });

  it('the notice follows a column change, and a change that leaves no task column says so', async () => {
    const { store } = makeStore();
    await store.loadSample();
    store.setColumnRole(0, 3, 'lead');
    expect(store.getState().notice).toEqual({ kind: 'read', tasks: 20, sections: 6 });
    // The task column itself made "not used": no task left, and the pane says why.
    store.setColumnRole(0, 1, null);
    let s = store.getState();
    expect(s.plan!.tasks).toHaveLength(0);
    expect(s.notice).toBeNull();
    expect(s.error).toEqual({ code: 'no-task-column', intent: 'warning' });
    store.resetColumnRoles();
    s = store.getState();
    expect(s.plan!.tasks).toHaveLength(20);
    expect(s.error).toBeNull();
  });

  it('a Word file whose appendix is tab-separated paragraphs: read, or advice that fits it', async () => {
    const { store } = makeStore();
    // Tabbed paragraphs that make a table: read like the text (the page and the command line).
    const docx = await tabbedDocx(seedText(seedNamed('000')));
    await store.loadFile('ke-hoach.docx', docx);
    expect(store.getState().error).toBeNull();
    expect(store.getState().plan!.tasks).toHaveLength(20);
    const path = join(tmp, 'ke-hoach-tab.docx');
    writeFileSync(path, docx);
    const parsed = await cli(['parse', path, '--json']);
    expect(parsed.code).toBe(0);
    expect((JSON.parse(parsed.out) as Plan).tasks.map((t) => t.id)).toEqual(
      store.getState().plan!.tasks.map((t) => t.id),
    );
    // Tabbed paragraphs that make no table: how to make a Word table, not "open a .docx".
    const other = makeStore().store;
    await other.loadFile(
      'bang.docx',
      await tabbedDocx('Số\tTên\tGhi chú\n1\tXã A\tx\n2\tXã B\ty\n3\tXã C\tz'),
    );
    expect(other.getState().error).toEqual({ code: 'docx-tabbed', intent: 'warning' });
    expect(other.getState().step).toBe('preview');
    // No table at all in the Word file: the appendix is elsewhere.
    await other.loadFile('thu.docx', await seedAsDocx('Kính gửi các đơn vị.\nĐề nghị báo cáo.'));
    expect(other.getState().error).toEqual({ code: 'docx-no-table', intent: 'error' });
  });
});

describe('a suggestion applied', () => {
  it('keeps the notes about the same task that it does not answer', async () => {
    const { store } = makeStore();
    await store.loadPaste(seedText(seedNamed('001')));
    const before = store.getState().plan!;
    expect(codesOf(before, 'II.4')).toEqual(['lead-missing', 'maybe-lost-merge']);
    const lead = before.findings.find((f) => f.code === 'lead-missing' && f.task === 'II.4')!;
    store.applyFix(findingKey(lead));
    // The lead is filled as above; the coordinating cell is still a likely lost merge.
    expect(codesOf(store.getState().plan!, 'II.4')).toEqual(['maybe-lost-merge']);
  });

  it('two spellings read as one unit: no other unit becomes "not in the directory"', async () => {
    const { store } = makeStore();
    await store.loadPaste(seedText(seedNamed('001')));
    const before = store.getState().plan!;
    const f = before.findings.find((x) => x.code === 'unit-maybe-same')!;
    store.applyFix(findingKey(f));
    const after = store.getState().plan!;
    expect(after.units).toHaveLength(before.units.length - 1);
    expect(after.findings.map((x) => x.code)).not.toContain('unit-unknown');
    expect(after.findings).toHaveLength(before.findings.length - 1);
  });
});

describe('cells typed in the preview', () => {
  it('a lead the finding cannot suggest: typed, the error goes, the workbook has it', async () => {
    const { store, downloads } = makeStore();
    await store.loadPaste(seedText(seedNamed('001')));
    const before = store.getState().plan!;
    const missing = before.findings.find((f) => f.code === 'lead-missing' && f.task === 'X.1')!;
    expect(missing.suggestion).toBeUndefined();
    expect(store.getState().fixable[findingKey(missing)]).toBeUndefined();
    expect(store.fieldText('X.1', 'lead')).toEqual(['']);

    store.editTask('X.1', 'lead', ['  Văn phòng HĐND - UBND huyện ']);
    const plan = store.getState().plan!;
    expect(plan.tasks.find((t) => t.id === 'X.1')!.lead).toEqual(['Văn phòng HĐND - UBND huyện']);
    expect(codesOf(plan, 'X.1')).not.toContain('lead-missing');
    expect(store.getState().fixes.map((f) => [f.kind, f.label.vi])).toEqual([
      ['edit', 'Nhiệm vụ X.1, Chủ trì: sửa thành “Văn phòng HĐND - UBND huyện”'],
    ]);
    expect(store.fieldText('X.1', 'lead')).toEqual(['Văn phòng HĐND - UBND huyện']);

    await store.build('download');
    const rows = await taskSheet(downloads[0]!.bytes);
    expect(rows.get('X.1')!['Chủ trì']).toBe('Văn phòng HĐND - UBND huyện');

    // Typing the source's own text back removes the correction.
    store.editTask('X.1', 'lead', ['']);
    expect(store.getState().fixes).toEqual([]);
    expect(store.getState().plan).toEqual(before);
  });

  it('typed again, the same cell keeps one correction; the task text and the time too', async () => {
    const { store } = makeStore();
    await store.loadPaste(seedText(seedNamed('001')));
    store.editTask('IV.2', 'time', ['Quý III/2024']);
    store.editTask('IV.2', 'time', ['Quý IV/2024']);
    store.editTask('IV.2', 'title', ['Tổ chức tập huấn nghiệp vụ kiểm soát TTHC']);
    const s = store.getState();
    expect(s.fixes.map((f) => f.key)).toEqual([
      expect.stringMatching(/^edit\|\d+\|time$/),
      expect.stringMatching(/^edit\|\d+\|title$/),
    ]);
    const task = s.plan!.tasks.find((t) => t.id === 'IV.2')!;
    expect(task.time).toMatchObject({ text: 'Quý IV/2024', due: '2024-12-31' });
    expect(task.title).toBe('Tổ chức tập huấn nghiệp vụ kiểm soát TTHC');
    expect(codesOf(s.plan!, 'IV.2')).not.toContain('time-missing');
  });

  it('a time in two columns (Bắt đầu / Hoàn thành) is typed as two', async () => {
    const { store } = makeStore();
    await store.loadSample();
    expect(store.fieldText('I.1', 'time')).toEqual(['Tháng 02/2019', 'Tháng 02/2019']);
    store.editTask('I.1', 'time', ['Tháng 01/2020', 'Tháng 03/2020']);
    const task = store.getState().plan!.tasks.find((t) => t.id === 'I.1')!;
    expect(task.time).toMatchObject({ start: '2020-01-01', due: '2020-03-31' });
    expect(codesOf(store.getState().plan!, 'I.1')).not.toContain('due-before-issue');
  });

  it('a finding opens its cell for typing in the preview', async () => {
    const { store } = makeStore();
    await store.loadPaste(seedText(seedNamed('001')));
    store.setStep('findings');
    const f = store.getState().plan!.findings.find((x) => x.code === 'time-missing')!;
    store.editFinding(f);
    expect(store.getState().step).toBe('preview');
    expect(store.getState().highlight).toMatchObject({ taskId: f.task, field: 'time', edit: true });
  });
});

describe('units merged, kept as the office directory, exported for the command line', () => {
  it('seed 001: the five names of one office are suggested, merged, and are one unit', async () => {
    const { store } = makeStore();
    await store.loadPaste(seedText(seedNamed('001')));
    const before = store.getState().plan!;
    expect(store.getState().suggestions.map((s) => s.names)).toEqual([OFFICE]);
    store.mergeUnits(OFFICE, OFFICE[0]!);
    const s = store.getState();
    expect(s.plan!.units).toHaveLength(before.units.length - 4);
    expect(s.plan!.units.find((u) => u.name === OFFICE[0])!.aliases).toEqual(
      expect.arrayContaining(OFFICE),
    );
    expect(s.suggestions).toEqual([]);
    expect(s.plan!.findings.map((f) => f.code)).not.toContain('unit-unknown');
    expect(s.fixes.map((f) => f.kind)).toEqual(['units']);
    // A spelling split off again.
    store.splitUnit(OFFICE[0]!, 'Văn phòng HĐND');
    expect(store.getState().plan!.units).toHaveLength(before.units.length - 3);
    store.undoAllFixes();
    expect(store.getState().plan).toEqual(before);
  });

  it('"not one unit" drops the suggestion for this plan', async () => {
    const { store } = makeStore();
    await store.loadPaste(seedText(seedNamed('001')));
    const key = store.getState().suggestions[0]!.key;
    store.dismissSuggestion(key);
    expect(store.getState().suggestions).toEqual([]);
    store.editTask('X.1', 'lead', ['Thanh tra huyện']);
    expect(store.getState().suggestions).toEqual([]);
  });

  it('kept on this computer: the next plans are read with it, as phuluc --units reads the file', async () => {
    const storage = new MemoryStorage();
    const { store, downloads } = makeStore(storage);
    await store.loadPaste(seedText(seedNamed('001')));
    store.mergeUnits(OFFICE, OFFICE[0]!);
    const merged = store.getState().plan!;
    store.saveOfficeUnits();
    expect(store.getState().notice).toEqual({ kind: 'units-saved', units: merged.units.length });
    expect(store.getState().fixes).toEqual([]);
    expect(store.getState().plan).toEqual(merged);

    // Exported as the --units CSV: the command line reads the plan the pane shows.
    store.exportUnits('csv');
    const file = downloads.at(-1)!;
    expect(file).toMatchObject({ fileName: 'Danh muc don vi.csv', type: 'text/csv;charset=utf-8' });
    const csv = join(tmp, file.fileName);
    writeFileSync(csv, file.bytes);
    const viaCli = await cli(['parse', seedPath(seedNamed('001')), '--units', csv, '--json']);
    expect(viaCli.code).toBe(0);
    expect(JSON.parse(viaCli.out)).toEqual(JSON.parse(JSON.stringify(merged)));

    // A new session on this computer reads seed 001 with the kept directory.
    const next = makeStore(storage).store;
    expect(next.getState().officeUnits).toHaveLength(merged.units.length);
    await next.loadPaste(seedText(seedNamed('001')));
    expect(next.getState().plan!.units).toEqual(merged.units);
    // Another plan: its units are not in the office's directory, and the pane says so, as the
    // command line does with --units.
    await next.loadSample();
    const unknown = next.getState().plan!.findings.filter((f) => f.code === 'unit-unknown');
    expect(unknown.length).toBeGreaterThan(0);
    // Each can be added to the directory in one click.
    const fix = next.getState().fixable[findingKey(unknown[0]!)]!;
    expect(fix.kind).toBe('units');
    next.applyFix(findingKey(unknown[0]!));
    expect(next.getState().plan!.findings.filter((f) => f.code === 'unit-unknown').length).toBe(
      unknown.length - 1,
    );
    next.forgetOfficeUnits();
    expect(next.getState().officeUnits).toBeNull();
    expect(next.getState().plan!.findings.map((f) => f.code)).not.toContain('unit-unknown');
  });

  it('opens a --units file (CSV or JSON); a bad one gets advice', async () => {
    const { store } = makeStore();
    const csv =
      '\uFEFF"Tên đơn vị","Tên khác"\r\n"Văn phòng HĐND - UBND huyện","Văn phòng HĐND"\r\n';
    await store.openOfficeUnits('danh-muc.csv', new TextEncoder().encode(csv));
    expect(store.getState().officeUnits).toEqual(parseUnitDirectory(csv.slice(1), 'csv'));
    expect(store.getState().notice).toEqual({
      kind: 'units-opened',
      units: 1,
      file: 'danh-muc.csv',
    });
    await store.openOfficeUnits('hong.csv', new TextEncoder().encode('a,b\n1,2\n'));
    expect(store.getState().error).toMatchObject({ code: 'units-unreadable', intent: 'error' });
    expect(store.getState().error!.message!.vi).toMatch(/thiếu cột tên/);
    expect(store.getState().officeUnits).toHaveLength(1);
  });
});
