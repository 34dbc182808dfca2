// Test inputs for the pane: seeds as .docx files (built with JSZip, the zip library ExcelJS uses)
// and the pane's real pipeline modules, loaded directly instead of as chunks.

import JSZip from 'jszip';
import { layoutWorkbook } from '../../src/layout';
import { readDocxGrid } from '../../src/readers/docx';
import { readPdf } from '../../src/taskpane/pdf';
import { readXlsxGrid } from '../../src/readers/xlsx';
import { renderXlsx } from '../../src/render/xlsx';
import type { PipelineModules } from '../../src/taskpane/model/ports';
import { unitsModule } from '../../src/taskpane/units-module';

export const modules: PipelineModules = {
  layout: async () => (plan, options) => layoutWorkbook(plan, options),
  xlsxWriter: async () => renderXlsx,
  xlsxReader: async () => (bytes) => readXlsxGrid(bytes),
  docxReader: async () => readDocxGrid,
  pdfReader: async () => readPdf,
  units: async () => unitsModule,
};

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const paragraph = (text: string): string =>
  `<w:p><w:r><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;

/**
 * A .docx holding a seed's text: each tab-separated line a table row (inline tags removed),
 * other lines paragraphs.
 */
export async function seedAsDocx(text: string): Promise<Uint8Array> {
  const body: string[] = [];
  let rows: string[] = [];
  const flush = (): void => {
    if (rows.length > 0) body.push(`<w:tbl>${rows.join('')}</w:tbl>`);
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      const cells = line.split('\t').map((c) => c.replace(/<[^>]+>/g, ''));
      rows.push(`<w:tr>${cells.map((c) => `<w:tc>${paragraph(c)}</w:tc>`).join('')}</w:tr>`);
    } else {
      flush();
      if (line.trim()) body.push(paragraph(line.replace(/[#*]/g, '').trim()));
    }
  }
  flush();
  return docxOf(body);
}

/**
 * A .docx whose lines are all paragraphs, tabs kept as Word tabs (w:tab): an appendix typed as
 * tab-separated text rather than a Word table.
 */
export function tabbedDocx(text: string): Promise<Uint8Array> {
  const body = text.split('\n').map((line) => {
    const runs = line
      .replace(/<[^>]+>/g, '')
      .split('\t')
      .map((part) => `<w:t xml:space="preserve">${xml(part)}</w:t>`)
      .join('<w:tab/>');
    return `<w:p><w:r>${runs}</w:r></w:p>`;
  });
  return docxOf(body);
}

function docxOf(body: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body.join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}
