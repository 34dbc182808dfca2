// The .docx reader on Word XML written to show one thing each: merged cells (gridSpan, vMerge,
// gridBefore), automatic list numbers, an appendix typed as tab-separated paragraphs, tracked
// changes, field codes, text boxes, nested tables, HTML chunks, and bad packages.

import { strToU8, zipSync } from 'fflate';
import { planFromGrid } from '../../src/core/plan/parse';
import { DocxReadError, readDocxGridSync } from '../../src/readers/docx';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function docx(body: string, parts: Record<string, string> = {}, rels = ''): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Default Extension="htm" ContentType="text/html"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
        `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}</w:body></w:document>`,
    ),
    ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])),
  });
}

const p = (text: string, props = ''): string =>
  `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, props = ''): string =>
  `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${content}</w:tc>`;
const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]): string => `<w:tbl><w:tblGrid/>${rows.join('')}</w:tbl>`;
const cells = (grid: ReturnType<typeof readDocxGridSync>): string[][] =>
  grid.rows.filter((r) => r.tabular).map((r) => r.cells);

describe('readDocxGridSync', () => {
  it('lays out gridSpan and vMerge: a grouped header, a unit merged down', () => {
    const grid = readDocxGridSync(
      docx(
        tbl(
          tr(
            tc(p('STT'), '<w:vMerge w:val="restart"/>'),
            tc(p('Nhiệm vụ'), '<w:vMerge w:val="restart"/>'),
            tc(p('Thời gian'), '<w:gridSpan w:val="2"/>'),
          ),
          tr(
            tc(p(''), '<w:vMerge/>'),
            tc(p(''), '<w:vMerge/>'),
            tc(p('Bắt đầu')),
            tc(p('Hoàn thành')),
          ),
          tr(
            tc(p('1')),
            tc(p('Việc A')),
            tc(p('Tháng 1/2024')),
            tc(p('Quý I/2024'), '<w:vMerge w:val="restart"/>'),
          ),
          tr(tc(p('2')), tc(p('Việc B')), tc(p('Tháng 2/2024')), tc(p(''), '<w:vMerge/>')),
        ),
      ),
    );
    expect(cells(grid)).toEqual([
      ['STT', 'Nhiệm vụ', 'Thời gian', ''],
      ['', '', 'Bắt đầu', 'Hoàn thành'],
      ['1', 'Việc A', 'Tháng 1/2024', 'Quý I/2024'],
      ['2', 'Việc B', 'Tháng 2/2024', 'Quý I/2024'],
    ]);
    expect(grid.rows[3]!.mergedFromAbove).toEqual([3]);
    expect(grid).toMatchObject({ structure: 'docx-table', mergesKnown: true });
    const plan = planFromGrid(grid);
    expect(plan.tasks.map((t) => t.time.due)).toEqual(['2024-03-31', '2024-03-31']);
  });

  it('keeps columns in place past w:gridBefore', () => {
    const grid = readDocxGridSync(
      docx(
        tbl(
          tr(tc(p('STT')), tc(p('Nhiệm vụ')), tc(p('Chủ trì'))),
          `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('Việc lùi một ô'))}${tc(p('Sở Nội vụ'))}</w:tr>`,
        ),
      ),
    );
    expect(cells(grid)[1]).toEqual(['', 'Việc lùi một ô', 'Sở Nội vụ']);
  });

  it('writes out automatic list numbers (an STT column numbered by Word)', () => {
    const numbering =
      `<?xml version="1.0"?><w:numbering xmlns:w="${W}">` +
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num></w:numbering>';
    const numbered = (id: number): string =>
      `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${id}"/></w:numPr>`;
    const grid = readDocxGridSync(
      docx(
        tbl(
          tr(tc(p('STT')), tc(p('Nhiệm vụ')), tc(p('Chủ trì'))),
          tr(tc(p('', numbered(2))), tc(p('Nhóm chỉ đạo')), tc(p(''))),
          tr(
            tc(p('', numbered(1))),
            tc(p('Việc A')),
            tc(p('Sở A', numbered(3)) + p('Sở B', numbered(3))),
          ),
          tr(tc(p('', numbered(1))), tc(p('Việc B')), tc(p('Sở C'))),
        ),
        {
          'word/numbering.xml': numbering,
        },
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>',
      ),
    );
    expect(cells(grid)).toEqual([
      ['STT', 'Nhiệm vụ', 'Chủ trì'],
      ['I', 'Nhóm chỉ đạo', ''],
      ['1.', 'Việc A', '- Sở A\n- Sở B'],
      ['2.', 'Việc B', 'Sở C'],
    ]);
    const plan = planFromGrid(grid);
    expect(plan.tasks.map((t) => [t.id, t.lead])).toEqual([
      ['I.1', ['Sở A', 'Sở B']],
      ['I.2', ['Sở C']],
    ]);
  });

  it('reads an appendix typed as tab-separated paragraphs like text', () => {
    const tabbed = (...parts: string[]): string =>
      `<w:p>${parts.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join('<w:r><w:tab/></w:r>')}</w:p>`;
    const grid = readDocxGridSync(
      docx(
        p('KẾ HOẠCH năm 2024', '<w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs>') +
          tabbed('STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian') +
          tabbed('1', 'Rà soát thủ tục', 'Văn phòng', 'Quý II/2024'),
      ),
    );
    expect(grid.rows.map((r) => [r.tabular, r.cells])).toEqual([
      [false, ['KẾ HOẠCH năm 2024']],
      [true, ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian']],
      [true, ['1', 'Rà soát thủ tục', 'Văn phòng', 'Quý II/2024']],
    ]);
    expect(grid).toMatchObject({ structure: 'text', mergesKnown: false });
    expect(planFromGrid(grid).tasks[0]?.time.due).toBe('2024-06-30');
  });

  it('leaves out deleted text, field codes and text boxes; keeps inserted text', () => {
    const grid = readDocxGridSync(
      docx(
        '<w:p><w:r><w:t>Số: 15/KH-UBND</w:t></w:r>' +
          '<w:del><w:r><w:delText>(bản cũ)</w:delText></w:r></w:del>' +
          '<w:ins><w:r><w:t xml:space="preserve"> ngày 05/01/2024</w:t></w:r></w:ins>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
          '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:t>HỘP CHỮ</w:t></w:drawing></mc:Choice>' +
          '<mc:Fallback><w:pict><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>HỘP CHỮ</w:t></w:r></w:p>' +
          '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>' +
          p('Sau hộp chữ'),
      ),
    );
    expect(grid.rows.map((r) => r.cells[0])).toEqual([
      'Số: 15/KH-UBND ngày 05/01/2024',
      'Sau hộp chữ',
    ]);
  });

  it('joins a table nested in a cell into that cell, one line a row', () => {
    const grid = readDocxGridSync(
      docx(
        tbl(
          tr(tc(p('1')), tc(p('Ngoài') + tbl(tr(tc(p('a')), tc(p('b'))), tr(tc(p('c')))) + p(''))),
        ),
      ),
    );
    expect(cells(grid)).toEqual([['1', 'Ngoài\na b\nc']]);
  });

  it('reads an embedded HTML chunk (w:altChunk) as HTML', () => {
    const grid = readDocxGridSync(
      docx(
        '<w:altChunk r:id="rId5"/>',
        {
          'word/chunk.htm':
            '<html><body><table><tr><td>STT</td><td>Nhiệm vụ</td></tr><tr><td>1</td><td>Việc A</td></tr></table></body></html>',
        },
        '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.htm"/>',
      ),
    );
    expect(cells(grid)).toEqual([
      ['STT', 'Nhiệm vụ'],
      ['1', 'Việc A'],
    ]);
  });

  it("reads a borderless head table (number, date) as prose, so the document's head is read", () => {
    const styles =
      `<?xml version="1.0"?><w:styles xmlns:w="${W}">` +
      '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:tblPr/></w:style>' +
      '<w:style w:type="table" w:styleId="TableGrid"><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>' +
      '<w:top w:val="single"/><w:left w:val="single"/><w:bottom w:val="single"/><w:right w:val="single"/>' +
      '<w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr></w:style></w:styles>';
    const head = tbl(
      tr(tc(p('ỦY BAN NHÂN DÂN TỈNH LÀO CAI')), tc(p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))),
      tr(tc(p('Số: 134/KH-UBND')), tc(p('Lào Cai, ngày 26 tháng 3 năm 2026'))),
    );
    const grid = (tblPr: string) =>
      readDocxGridSync(
        docx(
          head.replace('<w:tbl>', `<w:tbl>${tblPr}`) +
            p('KẾ HOẠCH') +
            p('Triển khai Chỉ thị số 11-CT/TU năm 2026') +
            '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>' +
            tr(tc(p('STT')), tc(p('Nhiệm vụ')), tc(p('Chủ trì')), tc(p('Thời gian'))) +
            tr(tc(p('1')), tc(p('Rà soát')), tc(p('Sở Công Thương')), tc(p('Quý II'))) +
            '</w:tbl>',
          { 'word/styles.xml': styles },
          '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
        ),
      );
    const borderless = planFromGrid(grid(''));
    expect(borderless.document).toMatchObject({
      number: '134/KH-UBND',
      date: '2026-03-26',
      type: 'KẾ HOẠCH',
      year: 2026,
    });
    expect(borderless.tasks.map((t) => [t.lead, t.time.due])).toEqual([
      [['Sở Công Thương'], '2026-06-30'],
    ]);
    // The same two rows with borders drawn are a table.
    const ruled = grid(
      '<w:tblPr><w:tblBorders><w:top w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr>',
    );
    expect(ruled.rows[0]).toMatchObject({ tabular: true });
  });

  it('refuses a zip that is not a Word document and damaged XML, with codes', () => {
    const notWord = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'a.txt': strToU8('x') });
    expect(() => readDocxGridSync(notWord)).toThrow(expect.objectContaining({ code: 'not-docx' }));
    expect(() => readDocxGridSync(docx('<w:p><w:r><w:t>không đóng'))).toThrow(DocxReadError);
    expect(() => readDocxGridSync(strToU8('not a zip'))).toThrow(
      expect.objectContaining({ code: 'not-docx' }),
    );
  });
});
