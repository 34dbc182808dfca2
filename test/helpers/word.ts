// A small Word (.docx) writer for tests and benchmarks: paragraphs, bordered tables with merged
// cells (w:gridSpan, w:vMerge) and header rows that repeat on every page, on landscape A4 pages.

import { strToU8, zipSync } from 'fflate';

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function run(text: string, bold = false): string {
  const props = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  // Tabs inside a paragraph are w:tab elements, as Word writes them.
  return text
    .split('\t')
    .map((part) => `<w:r>${props}<w:t xml:space="preserve">${esc(part)}</w:t></w:r>`)
    .join('<w:r><w:tab/></w:r>');
}

export const paragraph = (text: string, bold = false, center = false): string =>
  `<w:p>${center ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ''}${run(text, bold)}</w:p>`;

export interface Cell {
  text: string;
  span?: number;
  vmerge?: 'restart' | 'continue';
  bold?: boolean;
}

function cellXml(cell: Cell, widths: number[], col: number): string {
  const span = cell.span ?? 1;
  const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const props = [
    `<w:tcW w:w="${width}" w:type="dxa"/>`,
    span > 1 ? `<w:gridSpan w:val="${span}"/>` : '',
    cell.vmerge === 'restart' ? '<w:vMerge w:val="restart"/>' : '',
    cell.vmerge === 'continue' ? '<w:vMerge/>' : '',
  ].join('');
  const lines = cell.vmerge === 'continue' ? [''] : cell.text.split('\n');
  return `<w:tc><w:tcPr>${props}</w:tcPr>${lines.map((l) => paragraph(l, cell.bold)).join('')}</w:tc>`;
}

export function rowXml(cells: Cell[], widths: number[], header = false): string {
  let col = 0;
  const xml = cells.map((cell) => {
    const out = cellXml(cell, widths, col);
    col += cell.span ?? 1;
    return out;
  });
  return `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${xml.join('')}</w:tr>`;
}

/** Column widths (twentieths of a point) for a landscape A4 page: STT narrow, text wide. */
export function widthsFor(count: number, taskColumn: number | undefined): number[] {
  const total = 14400;
  const stt = 700;
  const wide = taskColumn !== undefined ? 1 : 0;
  const unit = (total - stt) / (count - 1 + wide);
  return Array.from({ length: count }, (_, i) =>
    Math.round(i === 0 ? stt : i === taskColumn ? unit * 2 : unit),
  );
}

/** A table's borders: single lines everywhere. */
export function tableXml(rows: string[], widths: number[]): string {
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const border = (side: string): string =>
    `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/>` +
    `<w:tblLayout w:type="fixed"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    `</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`
  );
}

/**
 * A text appendix (prose lines, tab-separated table rows, as the seeds and the benchmark's
 * synthetic plans are written) as a Word document: each block of tab-separated lines one
 * bordered table whose first row repeats on every page.
 */
export function textAsWordDocument(text: string): Uint8Array {
  const body: string[] = [];
  let block: string[][] = [];
  const flush = (): void => {
    if (block.length === 0) return;
    const width = Math.max(...block.map((r) => r.length));
    const widths = widthsFor(width, 1);
    const rows = block.map((r, i) =>
      rowXml(
        Array.from({ length: width }, (_, c) => ({ text: r[c] ?? '', bold: i === 0 })),
        widths,
        i === 0,
      ),
    );
    body.push(tableXml(rows, widths));
    block = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      block.push(line.split('\t'));
      continue;
    }
    flush();
    if (line.trim() !== '') body.push(paragraph(line));
  }
  flush();
  return wordPackage(body.join(''));
}

/** The .docx package around a document body: landscape A4, Times New Roman 11 pt. */
export function wordPackage(body: string): Uint8Array {
  const documentXml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${body}` +
    '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' +
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/>' +
    '</w:sectPr></w:body></w:document>';
  const styles =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>' +
    '<w:sz w:val="22"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '</w:styles>';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '</Relationships>',
    ),
    'word/document.xml': strToU8(documentXml),
    'word/styles.xml': strToU8(styles),
  });
}
