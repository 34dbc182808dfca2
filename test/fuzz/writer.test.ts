// The writer fuzzed: plans full of what breaks writers (controls, Word's hyphens, surrogates,
// emoji, right-to-left text, combining marks, huge cells, hostile unit names, many units, empty
// fields, duplicate ids) through `phuluc build`, each workbook opened by a second reader that is
// not ExcelJS — openpyxl, and LibreOffice for a sample. Each gives a workbook that opens, or a
// clear refusal; none a "design error". Bounded in time; `npm run fuzz -- --count 10000` runs
// many more.
import { tmpdir } from 'os';
import { join } from 'path';
import { layoutWorkbook } from '../../src/layout';
import { checkLayout, renderXlsx } from '../../src/render/xlsx';
import { writeFileSync, mkdirSync, rmSync } from 'fs';
import JSZip from 'jszip';
import { fuzzCase } from '../../scripts/fuzz/cases';
import {
  hasOpenpyxl,
  openWithLibreOffice,
  openWithOpenpyxl,
  REFUSAL,
  runFuzz,
  type FuzzReport,
} from '../../scripts/fuzz/harness';
import { hostilePlan } from '../helpers/hostile';
import { findSoffice } from '../libreoffice/soffice';

const ci = process.env.CI === 'true';
const openpyxl = hasOpenpyxl();
const soffice = findSoffice();
if (!openpyxl && !ci) {
  console.warn(
    '\n\n*** openpyxl (Debian python3-openpyxl at /usr/bin/python3) is missing: the writer fuzz test is SKIPPED. ***\n' +
      '*** Install it (apt-get install -y python3-openpyxl). ***\n\n',
  );
}

/** Cases per run: about 20 s of building and reading on a loaded 2-core machine. */
const COUNT = 60;
/** A different slice of the cases every day, the same all day (so a failure can be re-run). */
const FIRST = (Math.floor(Date.now() / 86_400_000) % 150) * COUNT;

(openpyxl || ci ? describe : describe.skip)('the writer, fuzzed', () => {
  const dir = join(tmpdir(), `phuluc-fuzz-test-${process.pid}`);
  let report: FuzzReport;

  beforeAll(async () => {
    if (!openpyxl) throw new Error('openpyxl (python3-openpyxl) is required under CI=true');
    report = await runFuzz({
      count: COUNT,
      seed: 1,
      first: FIRST,
      dir,
      libreOfficeEvery: soffice ? 30 : 0,
      soffice,
    });
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never ends in a design error', () => {
    expect(report.designErrors.map((d) => `${d.id}: ${d.message}`)).toEqual([]);
  });

  it('writes workbooks that openpyxl and LibreOffice open', () => {
    expect(report.unreadable).toEqual([]);
    expect(report.written).toBeGreaterThan(COUNT * 0.8);
    expect(report.openedByOpenpyxl).toBe(report.written);
    if (soffice) expect(report.openedByLibreOffice).toBeGreaterThanOrEqual(2);
  });

  it('refuses the rest with one clear line in both languages', () => {
    for (const r of report.refused) {
      expect(r.message).toMatch(REFUSAL);
      expect([1, 2]).toContain(r.exit);
    }
    expect(report.written + report.refused.length).toBe(COUNT);
  });

  it('covers what breaks writers', () => {
    const inputs = Array.from({ length: COUNT }, (_, i) => fuzzCase(FIRST + i).input).join('');
    // JSON escapes controls and lone surrogates; text files hold them raw.
    for (const piece of [
      '\\u001e',
      '\\u001f',
      '\\ud800',
      '\u001e',
      '\uFFFE',
      '😀',
      'שלום',
      '\u0301',
      '<>',
    ])
      expect(inputs).toContain(piece);
    expect(inputs).toContain('Nội dung rất dài; '.repeat(1900));
  });
});

(openpyxl || ci ? describe : describe.skip)('the second readers', () => {
  const dir = join(tmpdir(), `phuluc-fuzz-readers-${process.pid}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuse a workbook holding a character XML forbids, as the writer made them before', async () => {
    mkdirSync(dir, { recursive: true });
    const layout = layoutWorkbook(hostilePlan(), { reportDate: '2024-06-30' });
    const bytes = await renderXlsx(layout);
    const good = join(dir, 'good.xlsx');
    writeFileSync(good, bytes);
    // A unit named with Word's non-breaking hyphen: the marker's comment held it raw.
    const zip = await JSZip.loadAsync(bytes);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toContain('comment="PhuLuc: unit:');
    zip.file(
      'xl/workbook.xml',
      workbook.replace('comment="PhuLuc: unit:', 'comment="PhuLuc: unit:Sở LĐ\u001eTB'),
    );
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const failed = await openWithOpenpyxl([good, broken]);
    expect([...failed.keys()]).toEqual([broken]);
    if (soffice) {
      const byLibreOffice = openWithLibreOffice(soffice, [good, broken], dir);
      expect([...byLibreOffice.keys()]).toEqual([broken]);
    }
    // The layout can no longer hold such a text: the guard cleans it, the check refuses it.
    const tasks = layout.sheets.find((x) => x.kind === 'tasks')!;
    tasks.blocks[2]!.rows[0]![3] = { text: 'Tổ chức\u001ehội nghị' };
    expect(() => checkLayout(layout)).toThrow(/character XML forbids/);
  }, 120_000);
});
