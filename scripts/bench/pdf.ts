// The PDF reader's part of `npm run bench`: a synthetic appendix (scripts/bench/generate.ts) as
// a Word table, printed to PDF by LibreOffice (about 20 landscape pages, the header repeated on
// each), then read back: PDF.js extraction plus the table reader, best of three. Skipped, with a
// note, where LibreOffice is not installed.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { planFromGrid } from '../../src/core/plan/parse';
import { readPdfGrid } from '../../src/readers/pdf';
import { loadPdfLib } from '../../src/readers/pdf/node';
import { textAsWordDocument } from '../../test/helpers/word';
import { convert, findSoffice, privateProfile } from '../../test/libreoffice/soffice';
import { syntheticAppendix } from './generate';
import { best, fmt } from './timing';

/** Tasks that fill about 20 landscape pages. */
const TASKS = 225;

export async function benchPdf(): Promise<void> {
  const soffice = findSoffice();
  if (!soffice) {
    console.log('\nPDF reading: skipped (LibreOffice is needed to print the test PDF).');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'phuluc-bench-pdf-'));
  try {
    const docx = join(dir, 'appendix.docx');
    writeFileSync(docx, textAsWordDocument(syntheticAppendix(TASKS)));
    const result = convert(soffice, privateProfile(join(dir, 'profile')), [docx], 'pdf', dir);
    if (result.status !== 0) throw new Error(`LibreOffice failed: ${result.output}`);
    const bytes = new Uint8Array(readFileSync(join(dir, 'appendix.pdf')));
    const lib = await loadPdfLib();
    const doc = await lib.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
    const pages = doc.numPages;
    await doc.destroy();
    let tasks = 0;
    const read = await best(3, async () => {
      tasks = planFromGrid(await readPdfGrid(bytes, lib)).tasks.length;
    });
    console.log(
      `\nPDF reading: ${pages} pages, ${(bytes.length / 1024).toFixed(0)} KB → ${tasks} of ${TASKS} tasks` +
        ` in ${fmt(read.wall)} (${fmt(read.cpu)} CPU; best of 3: PDF.js, table reader and plan;` +
        ` ${fmt(read.wall / pages)} a page)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
