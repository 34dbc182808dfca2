// The .xlsx reader on hand-made packages: what writers other than ExcelJS really store
// (absolute targets, comments in other folders, inline strings, ISO date cells, shared
// formulas, cells and rows without positions, the 1904 date system, prefixed XML, threaded
// comments), each read with its type kept.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { openWorkbook, XlsxReadError, type XlsxCell } from '../../src/readers/xlsx';
import { MAIN, makeXlsx, REL, rels, sheetData } from './helpers/package';

const valueAt = (cells: XlsxCell[], row: number, col: number): XlsxCell | undefined =>
  cells.find((c) => c.row === row && c.col === col);

/** Styles used by several tests: cellXfs 0–9 (see each comment). */
const STYLES = `
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[$-42A]d &quot;tháng&quot; m yyyy"/></numFmts>
<fills count="5">
  <fill><patternFill patternType="none"/></fill>
  <fill><patternFill patternType="gray125"/></fill>
  <fill><patternFill patternType="solid"><fgColor indexed="13"/><bgColor indexed="64"/></patternFill></fill>
  <fill><patternFill patternType="solid"><fgColor theme="5" tint="0.59999389629810485"/></patternFill></fill>
  <fill><patternFill patternType="solid"><fgColor rgb="FF92D050"/></patternFill></fill>
</fills>
<borders count="2">
  <border><left/><right/><top/><bottom/><diagonal/></border>
  <border><left/><right/><top/><bottom style="hair"><color auto="1"/></bottom><diagonal/></border>
</borders>
<cellXfs count="11">
  <xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>
  <xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>
  <xf numFmtId="164" fontId="0" fillId="0" borderId="0"/>
  <xf numFmtId="22" fontId="0" fillId="0" borderId="0"/>
  <xf numFmtId="20" fontId="0" fillId="0" borderId="0"/>
  <xf numFmtId="10" fontId="0" fillId="0" borderId="0"/>
  <xf numFmtId="0" fontId="0" fillId="2" borderId="1"/>
  <xf numFmtId="0" fontId="0" fillId="3" borderId="0"/>
  <xf numFmtId="57" fontId="0" fillId="0" borderId="0"/>
  <xf numFmtId="165" fontId="0" fillId="4" borderId="0"/>
  <xf numFmtId="45" fontId="0" fillId="0" borderId="0"/>
</cellXfs>
<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFF0000"/></patternFill></fill></dxf></dxfs>`;

describe('a package the way openpyxl and other writers store it', () => {
  const bytes = makeXlsx({
    absolute: true,
    sheets: [
      {
        name: 'Nhiệm vụ',
        body:
          sheetData([
            '<row r="1">' +
              '<c r="A1" t="inlineStr"><is><t>Mã</t></is></c>' +
              '<c r="B1" t="str"><f>"Tr"&amp;"ạng thái"</f><v>Trạng thái</v></c>' +
              '<c r="C1" t="d"><v>2024-03-15T00:00:00Z</v></c>' +
              '<c r="D1" t="b"><v>1</v></c>' +
              '<c r="E1" t="e"><v>#DIV/0!</v></c>' +
              '<c r="F1"><v>  </v></c>' +
              '<c r="G1" t="d"><v>2024-03-15T18:00:00</v></c>' +
              '</row>',
          ]) + '<legacyDrawing r:id="rId9"/>',
        rels: [{ id: 'rId9', type: 'comments', target: '/xl/comments/comment1.xml' }],
      },
    ],
    parts: {
      'xl/comments/comment1.xml': `<?xml version="1.0"?><comments xmlns="${MAIN}"><authors><author>Cán bộ</author></authors><commentList><comment ref="A1" authorId="0"><text><t>Đã kiểm tra</t></text></comment></commentList></comments>`,
    },
  });

  it('reads the cells with their types, and the comment in xl/comments/', () => {
    const book = openWorkbook(bytes);
    expect(book.sheets).toEqual([
      { name: 'Nhiệm vụ', state: 'visible', part: 'xl/worksheets/sheet1.xml', kind: 'worksheet' },
    ]);
    const sheet = book.sheet('Nhiệm vụ');
    expect(sheet.cells.map((c) => c.value)).toEqual([
      { type: 'text', text: 'Mã' },
      { type: 'text', text: 'Trạng thái' },
      { type: 'date', iso: '2024-03-15', serial: 45366 },
      { type: 'bool', value: true },
      { type: 'error', text: '#DIV/0!' },
      { type: 'empty' },
      { type: 'date', iso: '2024-03-15', serial: 45366.75 },
    ]);
    expect(sheet.cell(1, 2)!.formula).toBe('"Tr"&"ạng thái"');
    expect(sheet.comments).toEqual([{ row: 1, col: 1, text: 'Đã kiểm tra', author: 'Cán bộ' }]);
    expect([sheet.lastRow, sheet.lastCol]).toEqual([1, 7]);
  });
});

describe('formulas', () => {
  const bytes = makeXlsx({
    sheets: [
      {
        name: 'S',
        body: sheetData([
          '<row r="1"><c r="A1"><v>10</v></c></row>',
          '<row r="2"><c r="A2"><v>1</v></c>' +
            '<c r="B2"><f t="shared" ref="B2:C4" si="0">A2*$A$1+SUM(A$2:A2)&amp;"A2"</f><v>11</v></c>' +
            '<c r="C2"><f t="shared" si="0"/><v>12</v></c>' +
            '<c r="D2"><f t="array" ref="D2:D4">_xlfn.IFS(A2:A4&gt;1,A2:A4)</f><v>1</v></c>' +
            '<c r="E2"><f t="shared" ref="E2:E3" si="1">\'Sổ 1\'!B2+Sheet2!$C1+LOG10(A2)+ZZZ9+SUM(A:A)+SUM(2:2)</f><v>0</v></c></row>',
          '<row r="3"><c r="A3"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>22</v></c><c r="D3"><v>2</v></c>' +
            '<c r="E3"><f t="shared" si="1"/><v>0</v></c></row>',
          '<row r="4"><c r="B4"><f t="shared" si="0"></f><v>0</v></c><c r="C4"><f>A1-1</f></c></row>',
        ]),
      },
    ],
  });

  it('expands shared formulas to each cell, keeps array formulas and cached values', () => {
    const sheet = openWorkbook(bytes).sheet('S');
    const f = (row: number, col: number): [string | undefined, unknown] => {
      const c = valueAt(sheet.cells, row, col)!;
      return [c.formula, c.value];
    };
    expect(f(2, 2)).toEqual(['A2*$A$1+SUM(A$2:A2)&"A2"', { type: 'number', value: 11 }]);
    expect(f(2, 3)).toEqual(['B2*$A$1+SUM(B$2:B2)&"A2"', { type: 'number', value: 12 }]);
    expect(f(3, 2)).toEqual(['A3*$A$1+SUM(A$2:A3)&"A2"', { type: 'number', value: 22 }]);
    expect(f(4, 2)).toEqual(['A4*$A$1+SUM(A$2:A4)&"A2"', { type: 'number', value: 0 }]);
    // Sheet-qualified references move too; function names and names past column XFD do not.
    expect(f(3, 5)[0]).toBe("'Sổ 1'!B3+Sheet2!$C2+LOG10(A3)+ZZZ9+SUM(A:A)+SUM(3:3)");
    expect(valueAt(sheet.cells, 2, 4)).toMatchObject({
      formula: 'IFS(A2:A4>1,A2:A4)',
      arrayRef: 'D2:D4',
      value: { type: 'number', value: 1 },
    });
    expect(valueAt(sheet.cells, 3, 4)!.formula).toBeUndefined();
    // A formula without a cached result: the value is empty, the formula is kept.
    expect(f(4, 3)).toEqual(['A1-1', { type: 'empty' }]);
  });
});

describe('positions', () => {
  it('places cells and rows without an r attribute by their order', () => {
    const bytes = makeXlsx({
      sharedStrings: ['một', 'hai'],
      sheets: [
        {
          name: 'S',
          body: sheetData([
            '<row><c><v>1</v></c><c t="s"><v>0</v></c></row>',
            '<row><c/><c t="s"><v>1</v></c></row>',
            '<row r="5"><c r="C5"><v>4</v></c><c><v>5</v></c></row>',
            '<row><c><v>6</v></c></row>',
          ]),
        },
      ],
    });
    const sheet = openWorkbook(bytes).sheet('S');
    expect(sheet.cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [1, 1, { type: 'number', value: 1 }],
      [1, 2, { type: 'text', text: 'một' }],
      [2, 1, { type: 'empty' }],
      [2, 2, { type: 'text', text: 'hai' }],
      [5, 3, { type: 'number', value: 4 }],
      [5, 4, { type: 'number', value: 5 }],
      [6, 1, { type: 'number', value: 6 }],
    ]);
  });

  it('sorts cells stored out of order, the last of two at one position winning', () => {
    const bytes = makeXlsx({
      sheets: [
        {
          name: 'S',
          body: sheetData([
            '<row r="2"><c r="B2"><v>2</v></c><c r="A2"><v>1</v></c></row>',
            '<row r="1"><c r="A1"><v>0</v></c><c r="A1"><v>9</v></c></row>',
          ]),
        },
      ],
    });
    const sheet = openWorkbook(bytes).sheet('S');
    expect(sheet.cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [1, 1, { type: 'number', value: 9 }],
      [2, 1, { type: 'number', value: 1 }],
      [2, 2, { type: 'number', value: 2 }],
    ]);
    expect(sheet.cell(2, 2)!.value).toEqual({ type: 'number', value: 2 });
    expect(sheet.cell(3, 3)).toBeUndefined();
  });
});

describe('dates and number formats', () => {
  const row = (s: number, v: string, t = ''): string => `<c s="${s}"${t}><v>${v}</v></c>`;
  const body = sheetData([
    '<row>' +
      row(1, '45366') + // mm-dd-yy (id 14)
      row(2, '45366.5') + // dd/mm/yyyy (custom)
      row(3, '45366.75') + // m/d/yy h:mm (22)
      row(4, '45366.75') + // h:mm (20): a time, not a date
      row(5, '0.125') + // 0.00%
      row(8, '45366') + // East Asian date (57)
      row(9, '45366') + // [$-42A]d "tháng" m yyyy
      row(10, '45366.01') + // mm:ss (45)
      row(0, '45366') + // General
      row(1, '-5') + // a date format on a number no date can be
      '</row>',
  ]);

  it('reads built-in and custom date formats as dates; times, percentages, General as numbers', () => {
    const sheet = openWorkbook(makeXlsx({ styles: STYLES, sheets: [{ name: 'S', body }] })).sheet(
      'S',
    );
    expect(sheet.cells.map((c) => [c.value, c.numFmt])).toEqual([
      [{ type: 'date', iso: '2024-03-15', serial: 45366 }, 'mm-dd-yy'],
      [{ type: 'date', iso: '2024-03-15', serial: 45366.5 }, 'dd/mm/yyyy'],
      [{ type: 'date', iso: '2024-03-15', serial: 45366.75 }, 'm/d/yy h:mm'],
      [{ type: 'number', value: 45366.75 }, 'h:mm'],
      [{ type: 'number', value: 0.125 }, '0.00%'],
      [{ type: 'date', iso: '2024-03-15', serial: 45366 }, 'yyyy"年"m"月"'],
      [{ type: 'date', iso: '2024-03-15', serial: 45366 }, '[$-42A]d "tháng" m yyyy'],
      [{ type: 'number', value: 45366.01 }, 'mm:ss'],
      [{ type: 'number', value: 45366 }, undefined],
      [{ type: 'number', value: -5 }, 'mm-dd-yy'],
    ]);
  });

  it('reads the 1904 date system: the same serial is another day, ISO cells the same day', () => {
    const bytes = makeXlsx({
      styles: STYLES,
      workbookHead: '<workbookPr date1904="1"/>',
      sheets: [
        {
          name: 'S',
          body: sheetData([
            `<row>${row(1, '0')}${row(1, '43904')}<c t="d"><v>2024-03-15</v></c></row>`,
          ]),
        },
      ],
    });
    const book = openWorkbook(bytes);
    expect(book.date1904).toBe(true);
    expect(book.sheet('S').cells.map((c) => c.value)).toEqual([
      { type: 'date', iso: '1904-01-01', serial: 0 },
      { type: 'date', iso: '2024-03-15', serial: 43904 },
      { type: 'date', iso: '2024-03-15', serial: 43904 },
    ]);
  });

  it('resolves fills (palette, theme with tint, ARGB) and borders, not conditional formats', () => {
    const bytes = makeXlsx({
      styles: STYLES,
      sheets: [
        {
          name: 'S',
          body: sheetData([
            '<row><c s="6"><v>1</v></c><c s="7"><v>2</v></c><c s="9"><v>3</v></c><c s="0"><v>4</v></c></row>',
          ]),
        },
      ],
    });
    const cells = openWorkbook(bytes).sheet('S').cells;
    expect(cells.map((c) => [c.fill, c.bordered])).toEqual([
      ['FFFF00', true],
      ['F8CBAD', false], // accent2 (ED7D31) lighter 60%, as Excel shows it
      ['92D050', false],
      [undefined, false],
    ]);
  });
});

describe('texts', () => {
  it('joins rich text runs, leaves out phonetic guides, decodes _xHHHH_', () => {
    const bytes = makeXlsx({
      sharedStrings:
        '<si><r><rPr><b/></rPr><t>Sở </t></r><r><t xml:space="preserve">Nội vụ</t></r><rPh sb="0" eb="1"><t>ソ</t></rPh><phoneticPr fontId="1"/></si>' +
        '<si><t>dòng một_x000D_\ndòng hai _x005F_x0041_</t></si>',
      sheets: [
        {
          name: 'S',
          body: sheetData([
            '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c><c t="s"><v>7</v></c></row>',
          ]),
        },
      ],
    });
    expect(
      openWorkbook(bytes)
        .sheet('S')
        .cells.map((c) => c.value),
    ).toEqual([
      { type: 'text', text: 'Sở Nội vụ' },
      { type: 'text', text: 'dòng một\r\ndòng hai _x0041_' },
      { type: 'text', text: 'ab' },
      { type: 'empty' },
    ]);
  });
});

describe('the workbook', () => {
  const persons = `<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Nguyễn Văn A" id="{P1}" userId="a" providerId="None"/></personList>`;
  const threads = `<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B1" dT="2024-01-01T00:00:00" personId="{P1}" id="{T1}"><text>Cần làm rõ</text></threadedComment><threadedComment ref="B1" personId="{P1}" id="{T2}" parentId="{T1}"><text>Đã rõ</text></threadedComment></ThreadedComments>`;
  const legacy = `<comments xmlns="${MAIN}"><authors><author>tc={T1}</author><author>Người khác</author></authors><commentList><comment ref="B1" authorId="0"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment…\n\nComment:\n    Cần làm rõ</t></text></comment><comment ref="C2" authorId="1"><text><r><rPr><b/></rPr><t>Người khác:</t></r><r><t xml:space="preserve">\nghi chú</t></r></text></comment></commentList></comments>`;
  const bytes = makeXlsx({
    workbookHead:
      '<bookViews><workbookView activeTab="1"/><workbookView activeTab="0"/></bookViews>',
    workbookTail:
      '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">\'Nhiệm vụ\'!$A$3:$C$9</definedName><definedName name="PhuLuc_NhiemVu" comment="đừng xóa">\'Nhiệm vụ\'!$A$3:$Q$30</definedName></definedNames>',
    workbookRels: [
      {
        id: 'rIdP',
        type: 'http://schemas.microsoft.com/office/2017/10/relationships/person',
        target: 'persons/person.xml',
      },
      { id: 'rIdC', type: 'chartsheet', target: 'chartsheets/sheet1.xml' },
    ],
    sheets: [
      {
        name: 'Bìa',
        body: sheetData(['<row r="1"><c r="A1" t="inlineStr"><is><t>Bìa</t></is></c></row>']),
      },
      { name: 'Ẩn', state: 'hidden', body: sheetData([]) },
      {
        name: 'Nhiệm vụ',
        part: 'xl/worksheets/tasks.xml',
        body:
          sheetData([
            '<row r="1"><c r="A1" t="inlineStr"><is><t>liên kết</t></is></c><c r="B1"/></row>',
            '<row r="2"><c r="A2" t="inlineStr"><is><t>trong sổ</t></is></c><c r="B2"/><c r="C2"/></row>',
            '<row r="3"><c r="A3"/><c r="B3"/></row>',
          ]) +
          '<mergeCells count="2"><mergeCell ref="B2:B3"/><mergeCell ref="bad"/></mergeCells>' +
          '<hyperlinks><hyperlink ref="A1" r:id="rIdL" location="phan-2"/><hyperlink ref="A2" location="\'Bìa\'!A1"/><hyperlink ref="A3:B3" r:id="rIdL"/></hyperlinks>',
        rels: [
          { id: 'rIdL', type: 'hyperlink', target: 'https://example.org/a?b=1', external: true },
          { id: 'rIdK', type: 'comments', target: '../comments1.xml' },
          {
            id: 'rIdT',
            type: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
            target: '../threadedComments/threadedComment1.xml',
          },
          { id: 'rIdB', type: 'table', target: '../tables/table7.xml' },
        ],
      },
    ],
    parts: {
      'xl/persons/person.xml': persons,
      'xl/threadedComments/threadedComment1.xml': threads,
      'xl/comments1.xml': legacy,
      'xl/tables/table7.xml': `<table xmlns="${MAIN}" id="7" name="Table7" displayName="BangNhiemVu" ref="A3:C9" headerRowCount="1"><autoFilter ref="A3:C9"/><tableColumns count="3"><tableColumn id="1" name="Mã"/><tableColumn id="2" name="Nhiệm vụ"/><tableColumn id="3" name="Ghi chú"/></tableColumns></table>`,
      'docProps/core.xml': `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Sổ theo dõi</dc:title><dc:subject>KẾ HOẠCH 15/KH-UBND</dc:subject><dc:creator>PhuLuc</dc:creator></cp:coreProperties>`,
      'docProps/custom.xml': `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="PhuLuc.plan"><vt:lpwstr>15/KH-UBND</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Số"><vt:i4>7</vt:i4></property></Properties>`,
    },
  });
  it('lists sheets, finds the shown one, reads names, tables and properties', () => {
    // The package's own relationships name the core and custom properties.
    const withRels = repack(bytes, {
      '_rels/.rels': rels([
        { id: 'rId1', type: `${REL}/officeDocument`, target: 'xl/workbook.xml' },
        {
          id: 'rId2',
          type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
          target: 'docProps/core.xml',
        },
        { id: 'rId3', type: `${REL}/custom-properties`, target: 'docProps/custom.xml' },
      ]),
    });
    const book = openWorkbook(withRels);
    expect(book.sheets.map((s) => [s.name, s.state, s.kind, s.part])).toEqual([
      ['Bìa', 'visible', 'worksheet', 'xl/worksheets/sheet1.xml'],
      ['Ẩn', 'hidden', 'worksheet', 'xl/worksheets/sheet2.xml'],
      ['Nhiệm vụ', 'visible', 'worksheet', 'xl/worksheets/tasks.xml'],
    ]);
    // activeTab 1 is hidden: the first visible sheet is shown.
    expect(book.activeSheet).toBe('Bìa');
    expect(book.definedNames).toEqual([
      {
        name: '_xlnm._FilterDatabase',
        formula: "'Nhiệm vụ'!$A$3:$C$9",
        localSheet: 'Nhiệm vụ',
        hidden: true,
      },
      {
        name: 'PhuLuc_NhiemVu',
        formula: "'Nhiệm vụ'!$A$3:$Q$30",
        localSheet: null,
        hidden: false,
        comment: 'đừng xóa',
      },
    ]);
    expect(book.tables).toEqual([
      {
        name: 'BangNhiemVu',
        sheet: 'Nhiệm vụ',
        ref: 'A3:C9',
        columns: ['Mã', 'Nhiệm vụ', 'Ghi chú'],
        headerRowCount: 1,
      },
    ]);
    expect(book.properties).toEqual({
      title: 'Sổ theo dõi',
      subject: 'KẾ HOẠCH 15/KH-UBND',
      creator: 'PhuLuc',
      description: '',
      custom: { 'PhuLuc.plan': '15/KH-UBND', Số: '7' },
    });
    expect(() => book.sheet('Không có')).toThrow(XlsxReadError);
    expect(book.sheet('nhiệm VỤ')).toBe(book.sheet('Nhiệm vụ'));
  });

  it('reads links, merges, and comments: a thread wins over its legacy note', () => {
    const sheet = openWorkbook(bytes).sheet('Nhiệm vụ');
    expect(sheet.cells.filter((c) => c.hyperlink).map((c) => [c.row, c.col, c.hyperlink])).toEqual([
      [1, 1, 'https://example.org/a?b=1#phan-2'],
      [2, 1, "#'Bìa'!A1"],
      [3, 1, 'https://example.org/a?b=1'],
      [3, 2, 'https://example.org/a?b=1'],
    ]);
    expect(sheet.merges).toEqual([{ top: 2, left: 2, bottom: 3, right: 2 }]);
    expect(sheet.comments).toEqual([
      { row: 1, col: 2, text: 'Cần làm rõ\nĐã rõ', author: 'Nguyễn Văn A' },
      { row: 2, col: 3, text: 'Người khác:\nghi chú', author: 'Người khác' },
    ]);
  });
});

describe('XML as other tools write it', () => {
  it('reads prefixed elements (x:c), a UTF-16 part and a chart sheet tab', () => {
    const sheetXml = `<?xml version="1.0" encoding="UTF-16"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Tiếng Việt</x:t></x:is></x:c><x:c r="B1"><x:v>1.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const utf16 = new Uint8Array(2 + sheetXml.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < sheetXml.length; i++) {
      utf16[2 + i * 2] = sheetXml.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = sheetXml.charCodeAt(i) >> 8;
    }
    const bytes = repack(
      makeXlsx({
        workbookHead: '<bookViews><workbookView activeTab="1"/></bookViews>',
        sheets: [{ name: 'Dữ liệu', body: '' }],
      }),
      {
        'xl/worksheets/sheet1.xml': utf16,
        'xl/workbook.xml': `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets><x:sheet name="Dữ liệu" sheetId="1" rel:id="rId1"/><x:sheet name="Biểu đồ" sheetId="2" rel:id="rIdC"/></x:sheets></x:workbook>`,
        'xl/_rels/workbook.xml.rels': rels([
          { id: 'rId1', type: 'worksheet', target: 'worksheets/sheet1.xml' },
          { id: 'rIdC', type: 'chartsheet', target: 'chartsheets/sheet1.xml' },
        ]),
        'xl/chartsheets/sheet1.xml': `<chartsheet xmlns="${MAIN}"/>`,
      },
    );
    const book = openWorkbook(bytes);
    expect(book.sheets.map((s) => [s.name, s.kind])).toEqual([
      ['Dữ liệu', 'worksheet'],
      ['Biểu đồ', 'chartsheet'],
    ]);
    expect(book.activeSheet).toBe('Dữ liệu');
    expect(book.sheet('Biểu đồ').cells).toEqual([]);
    expect(book.sheet('Dữ liệu').cells.map((c) => c.value)).toEqual([
      { type: 'text', text: 'Tiếng Việt' },
      { type: 'number', value: 1.5 },
    ]);
  });
});

describe('files that are not readable workbooks', () => {
  const codeOf = (bytes: Uint8Array): string => {
    try {
      openWorkbook(bytes).sheet(openWorkbook(bytes).activeSheet);
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxReadError);
      const err = e as XlsxReadError;
      expect(err.vi).toMatch(/[ạảãàáâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựệ]/);
      return err.code;
    }
    return 'read';
  };

  it('says which kind of problem it is', () => {
    expect(codeOf(strToU8('STT\tNhiệm vụ'))).toBe('not-xlsx');
    expect(codeOf(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe(
      'old-or-protected',
    );
    // A Word document is a package too, but not a workbook.
    const docx = zipSync({
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      '_rels/.rels': strToU8(
        rels([{ id: 'r', type: `${REL}/officeDocument`, target: 'word/document.xml' }]),
      ),
      'word/document.xml': strToU8('<w:document xmlns:w="urn:w"/>'),
    });
    expect(codeOf(docx)).toBe('not-xlsx');
    const xlsb = zipSync({
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      '_rels/.rels': strToU8(
        rels([{ id: 'r', type: `${REL}/officeDocument`, target: 'xl/workbook.bin' }]),
      ),
      'xl/workbook.bin': Uint8Array.from([0x83, 0x01, 0x00]),
    });
    expect(codeOf(xlsb)).toBe('unsupported');
    const broken = makeXlsx({ sheets: [{ name: 'S', body: '<sheetData><row><c></row>' }] });
    expect(codeOf(broken)).toBe('damaged');
    expect(codeOf(makeXlsx({ sheets: [] }))).toBe('no-sheet');
    const truncated = makeXlsx({ sheets: [{ name: 'S', body: sheetData([]) }] });
    expect(codeOf(truncated.subarray(0, truncated.length - 30))).toBe('damaged');
  });
});

/** The package with some parts replaced or added. */
function repack(bytes: Uint8Array, parts: Record<string, string | Uint8Array>): Uint8Array {
  const files = unzipSync(bytes);
  for (const [name, content] of Object.entries(parts))
    files[name] = typeof content === 'string' ? strToU8(content) : new Uint8Array(content);
  return zipSync(files);
}
