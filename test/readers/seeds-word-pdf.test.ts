// Each seed's appendix as a real Word table with merged cells (test/helpers/seed-word.ts), and
// that .docx printed to PDF by LibreOffice: both must give the plan of the seed's golden file —
// tasks, sections, leads and coordinating units, times. The PDF has what published ones have:
// landscape pages, the header row repeated on every page, rows cut by page breaks, cells merged
// down across a page break.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { planFromGrid } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import { readDocxGridSync } from '../../src/readers/docx';
import { readPdfGrid } from '../../src/readers/pdf';
import { loadPdfLib } from '../../src/readers/pdf/node';
import { convert, findSoffice, privateProfile } from '../libreoffice/soffice';
import { golden, SEEDS, type GoldenPlan } from '../helpers/seeds';
import { seedAsWordTable } from '../helpers/seed-word';

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** What must come back: per task its id, section, STT, text, units and time; the sections. */
function essentials(plan: Pick<Plan, 'tasks' | 'sections'> | GoldenPlan) {
  return {
    sections: plan.sections ?? [],
    tasks: (plan.tasks ?? []).map((t) => ({
      id: t.id,
      section: t.section,
      stt: t.stt,
      title: fold(t.title),
      lead: t.lead,
      support: t.support,
      time: {
        text: fold(t.time.text),
        kind: t.time.kind,
        start: t.time.start,
        due: t.time.due,
        recurrence: t.time.recurrence,
      },
    })),
  };
}

const docx = new Map(SEEDS.map((name) => [name, seedAsWordTable(name)]));

describe.each(SEEDS)('seed %s as a Word table', (name) => {
  const bytes = docx.get(name)!;

  it('is a real Word table with merged cells', () => {
    const xml = new TextDecoder().decode(bytes);
    // The zip stores the XML deflated: look at the parsed grid instead of the bytes.
    expect(xml.startsWith('PK')).toBe(true);
    const grid = readDocxGridSync(bytes);
    expect(grid.structure).toBe('docx-table');
    expect(grid.mergesKnown).toBe(true);
    const tasks = (golden(name).tasks ?? []).length;
    if (tasks > 0) expect(grid.rows.some((r) => (r.mergedFromAbove ?? []).length > 0)).toBe(true);
  });

  it('reads back as the golden plan: head, tasks, sections, units, times', () => {
    const plan = planFromGrid(readDocxGridSync(bytes));
    expect(essentials(plan)).toEqual(essentials(golden(name)));
    expect(plan.document).toEqual(golden(name).document);
    expect(plan.tables.map((t) => t.kind)).toEqual(golden(name).tables.map((t) => t.kind));
    expect(plan.findings.find((f) => f.code === 'source-structure')?.message).toMatch(/bảng Word/);
  });
});

const soffice = findSoffice();
const ci = process.env.CI === 'true';
if (!soffice && !ci) {
  console.warn(
    '\n\n*** LibreOffice (soffice) is not installed: the seed-PDF tests are SKIPPED. ***\n' +
      '*** Install it (apt-get install -y libreoffice-writer) to print the seeds to PDF. ***\n\n',
  );
}

(soffice || ci ? describe : describe.skip)('seeds printed to PDF by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'phuluc-pdf-'));
  const plans = new Map<string, Plan>();
  const pages = new Map<string, number>();

  beforeAll(async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) is required under CI=true');
    const files = SEEDS.map((name) => {
      const path = join(dir, `${name}.docx`);
      writeFileSync(path, docx.get(name)!);
      return path;
    });
    const result = convert(soffice, privateProfile(join(dir, 'profile')), files, 'pdf', dir);
    if (result.status !== 0) throw new Error(`LibreOffice failed: ${result.output}`);
    const lib = await loadPdfLib();
    for (const name of SEEDS) {
      const bytes = new Uint8Array(readFileSync(join(dir, `${name}.pdf`)));
      const doc = await lib.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
      pages.set(name, doc.numPages);
      await doc.destroy();
      plans.set(name, planFromGrid(await readPdfGrid(bytes, lib)));
    }
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(SEEDS)('%s: the PDF gives the golden plan', (name) => {
    const plan = plans.get(name)!;
    expect(pages.get(name)).toBeGreaterThan(1);
    expect(essentials(plan)).toEqual(essentials(golden(name)));
    expect(plan.tables.map((t) => t.kind)).toEqual(golden(name).tables.map((t) => t.kind));
    // The head: number, date, place, type, title (its block ends at the wider gap below it).
    expect(plan.document).toEqual(golden(name).document);
    expect(plan.findings.find((f) => f.code === 'source-structure')?.message).toMatch(
      /đường kẻ bảng/,
    );
  });
});
