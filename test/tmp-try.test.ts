import { readFileSync, writeFileSync } from 'fs';
import { readPdfGrid } from '../src/readers/pdf';
import { loadPdfLib } from '../src/readers/pdf/node';
import { planFromGrid } from '../src/core/plan/parse';
import { golden, SEEDS } from './helpers/seeds';
jest.setTimeout(120000);
it('x', async () => {
  const lib = await loadPdfLib();
  for (const name of SEEDS) {
    const t0 = Date.now();
    const grid = await readPdfGrid(new Uint8Array(readFileSync(`/tmp/m11/${name}.pdf`)), lib);
    writeFileSync(`/tmp/m11/${name}.grid.txt`, grid.rows.map((r) => `${r.line}${r.tabular ? 'T' : ' '} ${r.mergedFromAbove ?? ''}| ${r.cells.map((c) => c.replace(/\n/g, '⏎')).join(' | ')}`).join('\n'));
    const plan = planFromGrid(grid);
    const g = golden(name);
    const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
    let bad = 0;
    (g.tasks ?? []).forEach((t, i) => {
      const a = plan.tasks[i];
      const ok = a && a.id === t.id && fold(a.title) === fold(t.title) && JSON.stringify(a.lead) === JSON.stringify(t.lead) && JSON.stringify(a.support) === JSON.stringify(t.support) && a.time.due === t.time.due && a.time.kind === t.time.kind;
      if (!ok) { bad++; if (bad < 4) console.log(name, JSON.stringify({id: t.id, title: t.title, lead: t.lead, support: t.support, time: t.time.text}).slice(0, 400), '\n  GOT', JSON.stringify(a && {id: a.id, title: a.title, lead: a.lead, support: a.support, time: a.time.text}).slice(0, 400)); }
    });
    console.log(name, Date.now() - t0, 'ms tasks', plan.tasks.length, '/', g.tasks?.length, 'sections', plan.sections.length, '/', g.sections?.length, 'bad', bad, 'tables', plan.tables.map(t=>t.kind).join(','), plan.document.number, plan.document.year, JSON.stringify(grid.notes));
  }
});
