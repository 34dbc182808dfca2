// The pane's actions, driven as the UI drives them, with the real pipeline and a browser double.

import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parsePlanText } from '../../src/core/plan/parse';
import type { PipelineModules } from '../../src/taskpane/model/ports';
import { loadSettings, parseViDate, type KeyValueStorage } from '../../src/taskpane/model/settings';
import { PaneStore, workbookFileName } from '../../src/taskpane/model/store';
import { findingKey } from '../../src/taskpane/model/fixes';
import { seedNamed, seedText } from '../helpers/seeds';
import { modules, seedAsDocx } from './fixtures';
import { withoutCalculatedColumns } from '../helpers/exceljs';

class MemoryStorage implements KeyValueStorage {
  data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

function makeStore(overrides: Partial<PipelineModules> = {}) {
  const downloads: { bytes: Uint8Array; fileName: string }[] = [];
  const storage = new MemoryStorage();
  const store = new PaneStore({
    modules: { ...modules, ...overrides },
    browser: { download: (bytes, fileName) => downloads.push({ bytes, fileName }) },
    storage,
    sample: async () => seedText(seedNamed('000')),
    yieldToUi: async () => undefined,
  });
  return { store, downloads, storage };
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sources', () => {
  it('the bundled sample is seed 000', () => {
    const bundled = readFileSync(
      join(__dirname, '../../src/taskpane/sample/sample-plan.txt'),
      'utf8',
    );
    expect(bundled).toBe(seedText(seedNamed('000')));
  });

  it('the sample plan: 20 tasks in 6 sections, then the preview', async () => {
    const { store } = makeStore();
    await store.loadSample();
    const s = store.getState();
    expect(s.source?.kind).toBe('sample');
    expect(s.plan?.tasks).toHaveLength(20);
    expect(s.plan?.sections).toHaveLength(6);
    expect(s.step).toBe('preview');
    expect(s.notice).toEqual({ kind: 'read', tasks: 20, sections: 6 });
    expect(s.error).toBeNull();
  });

  it('pasted text: seed 000 reads as from the command line', async () => {
    const { store } = makeStore();
    const text = seedText(seedNamed('000'));
    await store.loadPaste(text);
    expect(store.getState().plan).toEqual(parsePlanText(text));
  });

  it('pasted HTML with a table wins over its plain text', async () => {
    const { store } = makeStore();
    const html =
      '<p>Số: 3/KH-UBND</p><table><tr><td>STT</td><td>Nhiệm vụ</td><td>Đơn vị chủ trì</td><td>Thời gian</td></tr>' +
      '<tr><td>1</td><td><p>Rà soát</p><p>thủ tục</p></td><td>Văn phòng</td><td>Quý I/2024</td></tr></table>';
    await store.loadPaste('STT Nhiệm vụ (text without tabs)', html);
    const plan = store.getState().plan!;
    expect(plan.tasks.map((t) => [t.id, t.lead, t.time.due])).toEqual([
      ['1', ['Văn phòng'], '2024-03-31'],
    ]);
  });

  it("pasted from Word: row and column spans kept, merges known (Word's clipboard HTML)", async () => {
    const { store } = makeStore();
    // What Word puts on the clipboard for a table with a grouped header and a lead unit merged
    // over two tasks (trimmed: Word adds more styles and conditional comments).
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
      <head><meta charset=utf-8><style><!-- td {mso-style:x} --></style></head><body lang=VI>
      <!--StartFragment--><table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
      <tr><td rowspan=2 style='width:30pt'><p class=MsoNormal align=center><b>STT<o:p></o:p></b></p></td>
       <td rowspan=2><p class=MsoNormal><b>Nhiệm vụ<o:p></o:p></b></p></td>
       <td rowspan=2><p class=MsoNormal><b>Đơn vị chủ trì<o:p></o:p></b></p></td>
       <td colspan=2><p class=MsoNormal align=center><b>Thời gian<o:p></o:p></b></p></td></tr>
      <tr><td><p class=MsoNormal>Bắt đầu</p></td><td><p class=MsoNormal>Hoàn thành</p></td></tr>
      <tr><td><p class=MsoNormal>1</p></td><td><p class=MsoNormal>Rà soát thủ tục</p></td>
       <td rowspan=2 valign=top><p class=MsoNormal>Văn phòng UBND</p></td>
       <td><p class=MsoNormal>Tháng 01/2024</p></td><td><p class=MsoNormal>Tháng 03/2024</p></td></tr>
      <tr><td><p class=MsoNormal>2</p></td><td><p class=MsoNormal>Báo cáo kết quả</p></td>
       <td><p class=MsoNormal>Tháng 04/2024</p></td><td><p class=MsoNormal>Tháng 06/2024</p></td></tr>
      <![if !supportMisalignedColumns]><tr height=0><td width=40 style='border:none'></td><td width=200 style='border:none'></td></tr><![endif]>
      </table><!--EndFragment--></body></html>`;
    const text = 'STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian\n1\tRà soát thủ tục\tVăn phòng UBND\n';
    await store.loadPaste(text, html);
    const plan = store.getState().plan!;
    expect(plan.tasks.map((t) => [t.id, t.lead, t.time.start, t.time.due])).toEqual([
      ['1', ['Văn phòng UBND'], '2024-01-01', '2024-03-31'],
      ['2', ['Văn phòng UBND'], '2024-04-01', '2024-06-30'],
    ]);
    expect(plan.findings.find((f) => f.code === 'source-structure')?.message).toMatch(/HTML/);
    expect(plan.findings.filter((f) => f.code === 'maybe-lost-merge')).toEqual([]);
  });

  it('garbage: a plain-words error, the pane stays on the source step', async () => {
    const { store } = makeStore();
    await store.loadPaste('asdf qwerty 12345\nlorem ipsum');
    const s = store.getState();
    expect(s.error).toEqual({ code: 'no-table', intent: 'error' });
    expect(s.step).toBe('source');
    expect(s.source).toBeNull();
    expect(s.plan).toBeNull();
  });

  it('an empty paste says so', async () => {
    const { store } = makeStore();
    await store.loadPaste('   \n ');
    expect(store.getState().error?.code).toBe('paste-empty');
    expect(store.getState().plan).toBeNull();
  });

  it('report forms only: a warning, and the preview to pick a task column', async () => {
    const { store } = makeStore();
    await store.loadPaste(seedText(seedNamed('003')));
    const s = store.getState();
    expect(s.error).toEqual({ code: 'report-forms-only', intent: 'warning' });
    expect(s.step).toBe('preview');
    expect(s.plan?.tables.length).toBeGreaterThan(0);
  });

  it('files: text in UTF-8, UTF-8 with BOM and UTF-16', async () => {
    const text = seedText(seedNamed('001'));
    for (const bytes of [
      encode(text),
      new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)]),
      (() => {
        const units = new Uint16Array([
          0xfeff,
          ...[...text].flatMap((ch) => [...ch].map((c) => c.charCodeAt(0))),
        ]);
        // UTF-16LE with BOM, as Word's "Unicode text" writes it.
        const out = new Uint8Array(units.length * 2);
        units.forEach((u, i) => {
          out[2 * i] = u & 0xff;
          out[2 * i + 1] = u >> 8;
        });
        return out;
      })(),
    ]) {
      const { store } = makeStore();
      await store.loadFile('ke-hoach.txt', bytes);
      expect(store.getState().error).toBeNull();
      expect(store.getState().plan?.tasks).toHaveLength(28);
      expect(store.getState().source).toMatchObject({ kind: 'file', label: 'ke-hoach.txt' });
    }
  });

  it('files: a .docx through the docx reader', async () => {
    const { store } = makeStore();
    await store.loadFile('ke-hoach.docx', await seedAsDocx(seedText(seedNamed('000'))));
    expect(store.getState().error).toBeNull();
    expect(store.getState().plan?.tasks).toHaveLength(20);
  });

  it.each([
    { name: 'ke-hoach.pdf', bytes: encode('%PDF-1.4 …'), code: 'pdf-damaged' },
    {
      name: 'ke-hoach.doc',
      bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]),
      code: 'file-doc',
    },
    {
      name: 'ke-hoach.xls',
      bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]),
      code: 'file-xls',
    },
    { name: 'ke-hoach.odt', bytes: encode('PK…'), code: 'file-odf' },
    {
      name: 'anh.png',
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2]),
      code: 'file-binary',
    },
    {
      name: 'cu.txt',
      bytes: new Uint8Array([0x4b, 0xe9, 0x20, 0x68, 0xef]),
      code: 'file-encoding',
    },
    { name: 'rong.txt', bytes: new Uint8Array([]), code: 'file-empty' },
    { name: 'hong.docx', bytes: encode('not a zip'), code: 'file-unreadable' },
    {
      name: 'hong.xlsx',
      bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]),
      code: 'file-unreadable',
    },
    {
      name: 'nen.zip',
      bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]),
      code: 'file-unknown',
    },
  ])('files: $name → $code', async ({ name, bytes, code }) => {
    const { store } = makeStore();
    await store.loadFile(name, bytes);
    expect(store.getState().error?.code).toBe(code);
    expect(store.getState().busy).toBeNull();
  });

  it('a reader chunk that fails to load → reload advice', async () => {
    const chunkError = Object.assign(new Error('Loading chunk docx failed.'), {
      name: 'ChunkLoadError',
    });
    const { store } = makeStore({ docxReader: () => Promise.reject(chunkError) });
    await store.loadFile('ke-hoach.docx', await seedAsDocx('x\ty'));
    expect(store.getState().error?.code).toBe('module-load-failed');
  });

  it('a failed read keeps the plan that was there', async () => {
    const { store } = makeStore();
    await store.loadSample();
    await store.loadFile('ke-hoach.pdf', encode('%PDF-1.4'));
    expect(store.getState().plan?.tasks).toHaveLength(20);
    expect(store.getState().error?.code).toBe('pdf-damaged');
    await store.loadPaste('không phải bảng');
    expect(store.getState().error?.code).toBe('no-table');
    expect(store.getState().source?.kind).toBe('sample');
    expect(store.getState().plan?.tasks).toHaveLength(20);
  });
});

describe('corrections', () => {
  it('a corrected column role changes the preview; reset restores it', async () => {
    const { store } = makeStore();
    await store.loadSample();
    const before = store.getState().plan!;
    const table = before.tables[0]!;
    expect(table.columns.lead).toBe(2);
    expect(table.columns.support).toBe(3);
    // Column 4 ("Đơn vị phối hợp") read as the lead: column 3 loses the role.
    store.setColumnRole(0, 3, 'lead');
    const after = store.getState().plan!;
    expect(after.tables[0]!.columns).toMatchObject({ lead: 3 });
    expect(after.tables[0]!.columns.support).toBeUndefined();
    expect(after.tasks[0]!.lead).toEqual(before.tasks[0]!.support);
    expect(after.tasks[0]!.support).toEqual([]);
    store.resetColumnRoles();
    expect(store.getState().plan).toEqual(before);
  });

  it('giving a report form a task column makes it a task table', async () => {
    const { store } = makeStore();
    await store.loadPaste(seedText(seedNamed('003')));
    expect(store.getState().plan?.tasks).toHaveLength(0);
    store.setColumnRole(0, 1, 'task');
    const plan = store.getState().plan!;
    expect(plan.tables[0]!.kind).toBe('tasks');
    expect(plan.tasks.length).toBeGreaterThan(0);
  });

  it('"same as above" fixes fill the blank cell; undo restores the finding', async () => {
    const { store } = makeStore();
    await store.loadPaste(seedText(seedNamed('001')));
    const plan = store.getState().plan!;
    const missing = plan.findings.find((f) => f.code === 'lead-missing' && f.task === 'II.4')!;
    const key = findingKey(missing);
    expect(store.getState().fixable[key]).toBeDefined();
    store.applyFix(key);
    const fixed = store.getState().plan!;
    const above = fixed.tasks[fixed.tasks.findIndex((t) => t.id === 'II.4') - 1]!;
    expect(fixed.tasks.find((t) => t.id === 'II.4')!.lead).toEqual(above.lead);
    expect(fixed.findings.some((f) => f.code === 'lead-missing' && f.task === 'II.4')).toBe(false);
    expect(store.getState().fixes).toHaveLength(1);
    expect(store.getState().fixes[0]!.label.vi).toContain('II.4');
    store.undoFix(key);
    expect(store.getState().plan).toEqual(plan);
  });

  it('lead-is-support: the unit leaves the coordinating units', async () => {
    const { store } = makeStore();
    await store.loadPaste(seedText(seedNamed('001')));
    const f = store.getState().plan!.findings.find((x) => x.code === 'lead-is-support')!;
    store.applyFix(findingKey(f));
    const task = store.getState().plan!.tasks.find((t) => t.id === f.task)!;
    expect(task.support.some((u) => task.lead.includes(u))).toBe(false);
    expect(
      store
        .getState()
        .plan!.findings.some((x) => x.code === 'lead-is-support' && x.task === f.task),
    ).toBe(false);
  });

  it('two spellings of one unit are read as one unit', async () => {
    const { store } = makeStore();
    await store.loadPaste(seedText(seedNamed('001')));
    const plan = store.getState().plan!;
    const f = plan.findings.find((x) => x.code === 'unit-maybe-same')!;
    store.applyFix(findingKey(f));
    const after = store.getState().plan!;
    expect(after.units.length).toBe(plan.units.length - 1);
    expect(after.findings.some((x) => x.code === 'unit-maybe-same')).toBe(false);
    store.undoAllFixes();
    expect(store.getState().plan).toEqual(plan);
  });

  it('findings without a safe fix offer none', async () => {
    const { store } = makeStore();
    await store.loadSample();
    const s = store.getState();
    expect(s.plan!.findings.map((f) => f.code)).toEqual([
      'appendix-mismatch',
      'due-before-issue',
      'due-before-issue',
      'due-before-issue',
    ]);
    expect(s.fixable).toEqual({});
  });

  it('outside Excel, a finding shows its row in the preview', async () => {
    const { store } = makeStore();
    await store.loadSample();
    store.setStep('findings');
    await store.showFinding(store.getState().plan!.findings[2]!);
    expect(store.getState().step).toBe('preview');
    expect(store.getState().highlight).toMatchObject({ taskId: 'V.4' });
  });
});

describe('settings', () => {
  it('are remembered, and "Trước ngày" is read again when its rule changes', async () => {
    const { store, storage } = makeStore();
    await store.loadPaste(
      'STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian\n1\tBáo cáo\tVăn phòng\tTrước ngày 10/01/2024\n',
    );
    expect(store.getState().plan!.tasks[0]!.time.due).toBe('2024-01-09');
    store.updateSettings({ beforeInclusive: true, dueSoonDays: 5, reportDate: '2024-06-30' });
    expect(store.getState().plan!.tasks[0]!.time.due).toBe('2024-01-10');
    expect(loadSettings(storage)).toMatchObject({
      beforeInclusive: true,
      dueSoonDays: 5,
      reportDate: '2024-06-30',
    });
    store.setLanguage('en');
    expect(loadSettings(storage).language).toBe('en');
  });

  it('odd stored settings fall back to the defaults', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      'phuluc.settings.v1',
      '{"dueSoonDays": 999, "reportDate": "2024-02-30", "language": "fr"}',
    );
    expect(loadSettings(storage)).toMatchObject({
      dueSoonDays: 7,
      reportDate: null,
      language: 'vi',
    });
    storage.setItem('phuluc.settings.v1', 'not json');
    expect(loadSettings(storage).dueSoonDays).toBe(7);
  });

  it('dates are typed dd/mm/yyyy', () => {
    expect(parseViDate('30/6/2024')).toBe('2024-06-30');
    expect(parseViDate(' 01-02-2025 ')).toBe('2025-02-01');
    expect(parseViDate('31/02/2024')).toBeNull();
    expect(parseViDate('2024-06-30')).toBeNull();
  });
});

describe('build outside Excel', () => {
  it('downloads the .xlsx built by the .xlsx writer, and sums up what it wrote', async () => {
    const { store, downloads } = makeStore();
    await store.loadSample();
    store.updateSettings({ reportDate: '2019-06-30' });
    await store.build();
    const s = store.getState();
    expect(s.error).toBeNull();
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.fileName).toBe('Sổ theo dõi 15-KH-UBND.xlsx');
    expect(s.build).toMatchObject({
      target: 'download',
      fileName: 'Sổ theo dõi 15-KH-UBND.xlsx',
      tasks: 20,
      units: 12,
      findings: 4,
    });
    expect(s.build!.size).toBe(downloads[0]!.bytes.byteLength);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await withoutCalculatedColumns(downloads[0]!.bytes)) as unknown as ExcelJS.Buffer,
    );
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(s.build!.sheets.map((x) => x.name));
    expect(names).toEqual(expect.arrayContaining(['Tổng hợp', 'Nhiệm vụ', 'Kiểm tra']));
    store.downloadAgain();
    expect(downloads).toHaveLength(2);
  });

  it('shows the build phases in order', async () => {
    const { store } = makeStore();
    await store.loadSample();
    const phases: string[] = [];
    store.subscribe(() => {
      const b = store.getState().busy;
      if (b?.phase && phases[phases.length - 1] !== b.phase) phases.push(b.phase);
    });
    await store.build();
    expect(phases).toEqual(['load', 'layout', 'load', 'render', 'save', 'done']);
  });

  it('a failing writer gives a plain message with the detail folded', async () => {
    const { store } = makeStore({
      xlsxWriter: async () => async () => {
        throw new Error('disk full');
      },
    });
    await store.loadSample();
    await store.build();
    expect(store.getState().error).toEqual({
      code: 'build-failed',
      intent: 'error',
      detail: 'Error: disk full',
    });
    expect(store.getState().busy).toBeNull();
  });

  it('names the file after the plan', () => {
    const plan = parsePlanText(seedText(seedNamed('002')));
    expect(plan.document.number).toContain('/');
    expect(workbookFileName(plan, 'vi')).toBe(
      `Sổ theo dõi ${plan.document.number!.replace(/\//g, '-')}.xlsx`,
    );
    expect(workbookFileName({ ...plan, document: { ...plan.document, number: null } }, 'en')).toBe(
      'Tracking workbook.xlsx',
    );
  });
});
