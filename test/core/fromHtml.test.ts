import { htmlHasTable, htmlToGrid } from '../../src/core/grid/fromHtml';
import { decodeHtmlEntities } from '../../src/core/text/entities';
import { parsePlanText, planFromGrid } from '../../src/core/plan/parse';
import { seedNamed, seedText } from '../helpers/seeds';

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A seed as the HTML a converter would give: paragraphs, and tables for tab-separated lines. */
function seedAsHtml(text: string): string {
  const out: string[] = ['<html><body>'];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      if (!inTable) out.push('<table>');
      inTable = true;
      // Cells keep their inline tags (<b>…</b>) as markup, as a converter would write them.
      out.push(
        `<tr>${line
          .split('\t')
          .map((c) => `<td><p>${c}</p></td>`)
          .join('')}</tr>`,
      );
    } else {
      if (inTable) out.push('</table>');
      inTable = false;
      if (line.trim()) out.push(`<p>${escape(line)}</p>`);
    }
  }
  if (inTable) out.push('</table>');
  out.push('</body></html>');
  return out.join('\n');
}

describe('htmlToGrid', () => {
  it('turns paragraphs and headings into prose rows, decoding entities', () => {
    const grid = htmlToGrid(
      '<h1>KẾ HOẠCH</h1><p>Số: 15/KH-UBND &amp; Sở KH&ĐT&nbsp;tỉnh</p><p>Ng&#224;y &#x31;5</p>',
    );
    expect(grid.source).toBe('document');
    expect(grid.rows.map((r) => r.cells)).toEqual([
      ['KẾ HOẠCH'],
      ['Số: 15/KH-UBND & Sở KH&ĐT tỉnh'],
      ['Ngày 15'],
    ]);
    expect(grid.rows.every((r) => !r.tabular)).toBe(true);
    expect(grid.rows.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('lays out a grouped header blank under its spanning cells, as text has it', () => {
    const grid = htmlToGrid(
      `<table><tr><td rowspan="2">STT</td><td rowspan=2>Nhiệm vụ</td><td colspan="2">Thời gian</td></tr>
       <tr><td>Bắt đầu</td><td>Hoàn thành</td></tr>
       <tr><td>1</td><td>Việc A</td><td>Tháng 1/2024</td><td>Tháng 2/2024</td></tr></table>`,
    );
    expect(grid.rows.map((r) => r.cells)).toEqual([
      ['STT', 'Nhiệm vụ', 'Thời gian', ''],
      ['', '', 'Bắt đầu', 'Hoàn thành'],
      ['1', 'Việc A', 'Tháng 1/2024', 'Tháng 2/2024'],
      [''],
    ]);
    expect(grid.rows[1]!.mergedFromAbove).toBeUndefined();
  });

  it('copies a merged body cell down and says so in mergedFromAbove', () => {
    const grid = htmlToGrid(
      `<table><tr><th>STT</th><th>Nhiệm vụ</th><th>Chủ trì</th><th>Thời gian</th></tr>
       <tr><td>1</td><td>Việc A</td><td rowspan="3">Văn phòng</td><td>Quý I/2024</td></tr>
       <tr><td>2</td><td>Việc B</td><td>Quý II/2024</td></tr>
       <tr><td>3</td><td>Việc C</td><td>Quý III/2024</td></tr></table>`,
    );
    const body = grid.rows.slice(1, 4);
    expect(body.map((r) => r.cells[2])).toEqual(['Văn phòng', 'Văn phòng', 'Văn phòng']);
    expect(body.map((r) => r.cells[3])).toEqual(['Quý I/2024', 'Quý II/2024', 'Quý III/2024']);
    expect(body.map((r) => r.mergedFromAbove)).toEqual([undefined, [2], [2]]);
    const plan = planFromGrid(grid);
    expect(plan.tasks.map((t) => t.lead)).toEqual([['Văn phòng'], ['Văn phòng'], ['Văn phòng']]);
    expect(plan.findings.filter((f) => f.code === 'lead-missing')).toEqual([]);
  });

  it('keeps paragraphs and <br> inside a cell as lines', () => {
    const grid = htmlToGrid(
      '<table><tr><td>1</td><td><p>Dòng một</p><p>Dòng  hai<br/>Dòng ba</p></td></tr></table>',
    );
    expect(grid.rows[0]!.cells).toEqual(['1', 'Dòng một\nDòng hai\nDòng ba']);
  });

  it("reads Word's clipboard HTML: styles, comments, conditionals and unquoted attributes", () => {
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
      <meta charset=utf-8><style><!-- p.MsoNormal {margin:0cm;} td {x:"<td>"} --></style></head>
      <body lang=VI><!--StartFragment-->
      <p class=MsoNormal><b><span lang=VI>PHỤ LỤC<o:p></o:p></span></b></p>
      <table class=MsoTableGrid border=1 cellspacing=0>
       <tr style='height:12pt'><td width=50 valign=top><p class=MsoNormal><b>STT<o:p></o:p></b></p></td>
        <td width=300><p class=MsoNormal><![if !supportLists]>-<![endif]>Nội dung</p></td></tr>
       <tr><td><p class=MsoNormal>1</p></td><td><p class=MsoNormal>Rà soát &lt;văn bản&gt;</p></td></tr>
      </table><!--EndFragment--></body></html>`;
    const grid = htmlToGrid(html);
    expect(grid.rows.map((r) => r.cells)).toEqual([
      ['PHỤ LỤC'],
      ['STT', '-Nội dung'],
      ['1', 'Rà soát <văn bản>'],
      [''],
    ]);
  });

  it('joins a nested table into its outer cell and skips scripts', () => {
    const grid = htmlToGrid(
      `<script>var t = "<table><tr><td>x</td></tr></table>";</script>
       <table><tr><td>1</td><td>Ngoài<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table></td></tr></table>`,
    );
    expect(grid.rows.filter((r) => r.tabular).map((r) => r.cells)).toEqual([
      ['1', 'Ngoài\na b\nc'],
    ]);
  });

  it('keeps a table cut short (a clipboard fragment) and a lone "<" in text', () => {
    const grid = htmlToGrid('<p>Hạn < 5 ngày</p><table><tr><td>STT</td><td>Nhiệm vụ');
    expect(grid.rows.map((r) => r.cells)).toEqual([['Hạn < 5 ngày'], ['STT', 'Nhiệm vụ']]);
  });

  it('treats one-column tables as prose', () => {
    const grid = htmlToGrid('<table><tr><td>Chỉ một ô</td></tr></table>');
    expect(grid.rows[0]).toEqual({ line: 1, cells: ['Chỉ một ô'], tabular: false });
    expect(htmlHasTable('<table><tr><td>Chỉ một ô</td></tr></table>')).toBe(false);
    expect(htmlHasTable('<table><tr><td>a</td><td>b</td></tr></table>')).toBe(true);
  });

  it('decodes references and leaves bare ampersands', () => {
    expect(decodeHtmlEntities('A &amp; B &lt;&gt; &#7873; &#x1EC1; TT&TT &bogus;')).toBe(
      'A & B <> ề ề TT&TT &bogus;',
    );
  });

  it('reads seed 000 from HTML as from text: 20 tasks in 6 sections', () => {
    const text = seedText(seedNamed('000'));
    const fromText = parsePlanText(text);
    const fromHtml = planFromGrid(htmlToGrid(seedAsHtml(text)));
    expect(fromHtml.tasks).toHaveLength(20);
    expect(fromHtml.sections).toHaveLength(6);
    expect(fromHtml.document.number).toBe(fromText.document.number);
    expect(fromHtml.document.date).toBe(fromText.document.date);
    expect(fromHtml.tasks.map((t) => [t.id, t.lead, t.time.due])).toEqual(
      fromText.tasks.map((t) => [t.id, t.lead, t.time.due]),
    );
  });
});

describe('htmlToGrid merges, as the .xlsx reader reads them', () => {
  it('does not repeat a merged cell in the continuation rows of a task', () => {
    const grid = htmlToGrid(
      `<table><tr><td>STT</td><td>Nhiệm vụ</td><td>Chủ trì</td></tr>
       <tr><td rowspan="2">1</td><td>Việc A,</td><td rowspan="3">Văn phòng</td></tr>
       <tr><td>tiếp theo của việc A</td></tr>
       <tr><td>2</td><td>Việc B</td></tr></table>`,
    );
    expect(grid.rows.slice(1, 4).map((r) => [r.cells, r.mergedFromAbove])).toEqual([
      [['1', 'Việc A,', 'Văn phòng'], undefined],
      [['', 'tiếp theo của việc A', ''], undefined],
      [['2', 'Việc B', 'Văn phòng'], [2]],
    ]);
    const plan = planFromGrid(grid);
    expect(plan.tasks.map((t) => [t.title, t.lead])).toEqual([
      ['Việc A, tiếp theo của việc A', ['Văn phòng']],
      ['Việc B', ['Văn phòng']],
    ]);
  });
});
