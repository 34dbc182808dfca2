// Held-out tables in the styles of docs/domain.md: other column orders and spellings, grouped
// headers, clipboard text, pipes, page breaks, sub-items. Each asserts what a person reads.
import { parsePlanText } from '../../src/core/plan/parse';
import { documentToGrid, tsvToGrid, textToGrid } from '../../src/core/grid/fromText';
import { cleanCell } from '../../src/core/text/cell';

const lines = (...rows: (string | string[])[]): string =>
  rows.map((r) => (Array.isArray(r) ? r.join('\t') : r)).join('\n');

describe('tables in other shapes', () => {
  it('reads a lead column placed before the task, with other header spellings', () => {
    const plan = parsePlanText(
      lines(
        'PHỤ LỤC',
        'Danh mục nhiệm vụ năm 2024',
        '',
        ['TT', 'Cơ quan chủ trì thực hiện', 'Nội dung công việc', 'Thời hạn', 'Kết quả dự kiến'],
        ['1', 'Sở Nội vụ', 'Rà soát quy chế làm việc', 'Quý II/2024', 'Quy chế'],
        ['2', 'Sở Tư pháp', 'Kiểm tra văn bản', 'Tháng 6/2024', 'Báo cáo'],
      ),
    );
    expect(plan.tables).toHaveLength(1);
    expect(plan.tables[0]).toMatchObject({
      kind: 'tasks',
      title: 'Danh mục nhiệm vụ năm 2024',
      columns: { stt: 0, lead: 1, task: 2, time: 3, product: 4 },
      firstRow: 4,
      lastRow: 6,
    });
    expect(plan.tasks.map((t) => [t.id, t.title, t.lead, t.time.text, t.product])).toEqual([
      ['1', 'Rà soát quy chế làm việc', ['Sở Nội vụ'], 'Quý II/2024', 'Quy chế'],
      ['2', 'Kiểm tra văn bản', ['Sở Tư pháp'], 'Tháng 6/2024', 'Báo cáo'],
    ]);
  });

  it('keeps numbering that runs on across lettered sections', () => {
    const plan = parsePlanText(
      lines(
        ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện'],
        ['A', 'CẢI CÁCH THỂ CHẾ', '', ''],
        ['1', 'Việc một', 'Phòng Tư pháp', 'Năm 2024'],
        ['2', 'Việc hai', 'Phòng Nội vụ', 'Năm 2024'],
        ['B', 'HIỆN ĐẠI HÓA', '', ''],
        ['3', 'Việc ba', 'Văn phòng HĐND và UBND', 'Năm 2024'],
      ),
    );
    expect(plan.sections).toEqual([
      { id: 'A', title: 'CẢI CÁCH THỂ CHẾ' },
      { id: 'B', title: 'HIỆN ĐẠI HÓA' },
    ]);
    expect(plan.tasks.map((t) => [t.id, t.section, t.stt])).toEqual([
      ['A.1', 'A', '1'],
      ['A.2', 'A', '2'],
      ['B.3', 'B', '3'],
    ]);
  });

  it('reads a section label and title in one cell, with a dot', () => {
    const plan = parsePlanText(
      lines(
        ['STT', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời gian'],
        ['II. NHIỆM VỤ TRỌNG TÂM', '', '', '', ''],
        ['1', 'Tổ chức hội nghị', 'Sở Nội vụ', 'Sở Tài chính', 'Tháng 3/2024'],
      ),
    );
    expect(plan.sections).toEqual([{ id: 'II', title: 'NHIỆM VỤ TRỌNG TÂM' }]);
    expect(plan.tasks[0]).toMatchObject({ id: 'II.1', support: ['Sở Tài chính'] });
  });

  it('combines a grouped two-row header in any column order', () => {
    const plan = parsePlanText(
      lines(
        ['Số TT', 'Nội dung nhiệm vụ', 'Thời gian', '', 'Phân công thực hiện', '', 'Sản phẩm'],
        ['', '', 'Bắt đầu', 'Hoàn thành', 'Chủ trì', 'Phối hợp', ''],
        [
          '1',
          'Xây dựng đề án',
          'Tháng 1/2024',
          'Tháng 6/2024',
          'Sở Nội vụ',
          'Sở Tài chính',
          'Đề án',
        ],
      ),
    );
    const table = plan.tables[0]!;
    expect(table.columns).toEqual({
      stt: 0,
      task: 1,
      start: 2,
      due: 3,
      lead: 4,
      support: 5,
      product: 6,
    });
    expect(table.headers).toEqual([
      'Số TT',
      'Nội dung nhiệm vụ',
      'Thời gian / Bắt đầu',
      'Thời gian / Hoàn thành',
      'Phân công thực hiện / Chủ trì',
      'Phân công thực hiện / Phối hợp',
      'Sản phẩm',
    ]);
    expect(plan.tasks[0]!.time).toMatchObject({
      text: 'Tháng 1/2024 – Tháng 6/2024',
      startText: 'Tháng 1/2024',
      dueText: 'Tháng 6/2024',
    });
  });

  it('keeps extra columns as named fields and reads "Ghi chú" as the note', () => {
    const plan = parsePlanText(
      lines(
        ['STT', 'Tên nhiệm vụ', 'Cấp trình', 'Cơ quan chủ trì', 'Căn cứ', 'Thời gian', 'Ghi chú'],
        [
          '1',
          'Ban hành quy chế',
          'UBND tỉnh',
          'Sở Nội vụ',
          'Nghị định 61/2018',
          'Quý I/2024',
          'Ưu tiên',
        ],
      ),
    );
    expect(plan.tables[0]!.extraColumns).toEqual({ 'Cấp trình': 2, 'Căn cứ': 4 });
    expect(plan.tasks[0]).toMatchObject({
      note: 'Ưu tiên',
      extra: { 'Cấp trình': 'UBND tỉnh', 'Căn cứ': 'Nghị định 61/2018' },
    });
  });

  it('finds a header that starts in a later column after prose', () => {
    const plan = parsePlanText(
      lines(
        'Căn cứ Kế hoạch số 12/KH-UBND, UBND xã phân công như sau:',
        '',
        ['', '', 'STT', 'Nhiệm vụ', 'Chủ trì', 'Thời hạn'],
        ['', '', '1', 'Tuyên truyền', 'Công chức Văn hóa - Xã hội', 'Thường xuyên'],
      ),
    );
    expect(plan.tables[0]!.columns).toEqual({ stt: 2, task: 3, lead: 4, time: 5 });
    expect(plan.tasks[0]!.lead).toEqual(['Công chức Văn hóa - Xã hội']);
  });
});

describe('rows', () => {
  it('skips a header repeated after a page break and joins the continuation cell by cell', () => {
    const header = ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian', 'Sản phẩm'];
    const plan = parsePlanText(
      lines(
        header,
        [
          '1',
          'Rà soát, công bố danh mục thủ tục',
          'Văn phòng UBND',
          'Quý I/2024',
          'Quyết định của Chủ tịch UBND',
        ],
        '',
        '',
        header,
        ['', 'hành chính cấp xã', '', '', 'tỉnh, tỷ lệ 50%'],
        ['2', 'Tổng kết', 'Sở Nội vụ', 'Tháng 12/2024', 'Báo cáo'],
      ),
    );
    expect(plan.tasks).toHaveLength(2);
    expect(plan.tasks[0]).toMatchObject({
      title: 'Rà soát, công bố danh mục thủ tục hành chính cấp xã',
      product: 'Quyết định của Chủ tịch UBND tỉnh, tỷ lệ 50%',
      rows: [2, 6],
    });
  });

  it('starts a new line when a continuation opens a new paragraph or bullet', () => {
    const plan = parsePlanText(
      lines(
        ['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian'],
        ['1', 'Kiện toàn bộ phận một cửa:', 'Sở Nội vụ', 'Năm 2024'],
        ['', '- Ban hành quy chế', '', ''],
        ['', 'Tổ chức tập huấn.', '', ''],
      ),
    );
    expect(plan.tasks[0]!.title).toBe(
      'Kiện toàn bộ phận một cửa:\n- Ban hành quy chế\nTổ chức tập huấn.',
    );
  });

  it('keeps sub-items inside their task', () => {
    const plan = parsePlanText(
      lines(
        ['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian'],
        ['1', 'Nâng cao chất lượng dịch vụ công', 'Văn phòng UBND', 'Năm 2024'],
        ['a', 'Số hóa hồ sơ', '', ''],
        ['b)', 'Thanh toán trực tuyến', '', 'Quý III/2024'],
        ['-', 'Khảo sát sự hài lòng', '', ''],
        ['2', 'Kiểm tra', 'Sở Nội vụ', 'Quý IV/2024'],
      ),
    );
    expect(plan.tasks.map((t) => t.stt)).toEqual(['1', '2']);
    expect(plan.tasks[0]!.title).toBe(
      'Nâng cao chất lượng dịch vụ công\na) Số hóa hồ sơ\nb) Thanh toán trực tuyến\n- Khảo sát sự hài lòng',
    );
    expect(plan.tasks[0]!.time.text).toBe('Năm 2024\nQuý III/2024');
    expect(plan.tasks[0]!.rows).toEqual([2, 3, 4, 5]);
  });

  it('ends the table at a "Tổng cộng" row and at the signature below it', () => {
    const plan = parsePlanText(
      lines(
        ['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian'],
        ['1', 'Việc một', 'Sở Nội vụ', 'Năm 2024'],
        ['', 'Tổng cộng', '', ''],
        ['', 'Nơi nhận:', '', ''],
        'KT. CHỦ TỊCH',
      ),
    );
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tables[0]!.lastRow).toBe(3);
  });

  it('splits lead and coordinating cells at semicolons, line breaks and bullets', () => {
    const plan = parsePlanText(
      lines(
        ['STT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời gian'],
        [
          '1',
          'Việc',
          'Trung tâm Phục vụ hành chính công; Bộ phận một cửa',
          '- Sở Tư pháp; - Sở Nội vụ',
          'Năm 2024',
        ],
        [
          '2',
          'Việc khác',
          'Sở Văn hóa, Thể thao và Du lịch',
          'Các Sở, Ban, ngành<br>UBND cấp huyện',
          'Năm 2024',
        ],
      ),
    );
    expect(plan.tasks[0]!.lead).toEqual(['Trung tâm Phục vụ hành chính công', 'Bộ phận một cửa']);
    expect(plan.tasks[0]!.support).toEqual(['Sở Tư pháp', 'Sở Nội vụ']);
    // A comma inside one name or a collective phrase does not split it.
    expect(plan.tasks[1]!.lead).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
    expect(plan.tasks[1]!.support).toEqual(['Các Sở, Ban, ngành', 'UBND cấp huyện']);
  });
});

describe('sources', () => {
  it('reads Excel clipboard text with quoted cells holding line breaks and quotes', () => {
    const clip =
      'STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\r\n' +
      '1\t"Tổ chức ""Ngày pháp luật""\r\ntại các xã"\tPhòng Tư pháp\t"Phòng Nội vụ\r\nUBND các xã"\tTháng 11/2024\r\n' +
      '2\tTổng kết\tPhòng Nội vụ\t\tTháng 12/2024\r\n';
    expect(textToGrid(clip).source).toBe('tsv');
    const plan = parsePlanText(clip);
    expect(plan.tasks).toHaveLength(2);
    expect(plan.tasks[0]).toMatchObject({
      title: 'Tổ chức "Ngày pháp luật"\ntại các xã',
      support: ['Phòng Nội vụ', 'UBND các xã'],
      rows: [2],
    });
    expect(plan.tasks[1]!.rows).toEqual([3]);
  });

  it('reads a markdown pipe table and skips its separator row', () => {
    const plan = parsePlanText(
      lines(
        '| STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian |',
        '|-----|----------|----------------|-----------|',
        '| 1 | Rà soát thủ tục | Văn phòng UBND | Quý II/2024 |',
        '| 2 | Công khai thủ tục | Bộ phận một cửa | Thường xuyên |',
      ),
    );
    expect(plan.tables[0]!.columns).toEqual({ stt: 0, task: 1, lead: 2, time: 3 });
    expect(plan.tasks.map((t) => t.title)).toEqual(['Rà soát thủ tục', 'Công khai thủ tục']);
  });

  it('normalises decomposed Unicode (PDF copies) to NFC', () => {
    const nfd = lines(
      ['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian'],
      ['1', 'Kiểm tra', 'Sở Nội vụ', 'Năm 2024'],
    ).normalize('NFD');
    const plan = parsePlanText(nfd);
    expect(plan.tasks[0]!.title).toBe('Kiểm tra');
    expect(plan.tasks[0]!.lead[0]).toBe('Sở Nội vụ'.normalize('NFC'));
    expect(plan.tasks[0]!.title.normalize('NFC')).toBe(plan.tasks[0]!.title);
  });

  it('strips tags and entities but keeps paragraphs as lines', () => {
    expect(cleanCell('<p>- Một &amp; hai</p> <p>- <i>Ba</i></p>')).toBe('- Một & hai\n- Ba');
    expect(cleanCell('<b>IV</b>')).toBe('IV');
    expect(cleanCell('**Đậm** và *nghiêng*')).toBe('Đậm và nghiêng');
    expect(cleanCell('cấp xã: * Nhóm các Sở: * Nhóm UBND')).toBe(
      'cấp xã:\n* Nhóm các Sở:\n* Nhóm UBND',
    );
  });

  it('classifies report forms and other tables, and finds no task in them', () => {
    const plan = parsePlanText(
      lines(
        'Phụ lục II',
        'Kết quả giải quyết hồ sơ',
        ['STT', 'Tên đơn vị', 'Tổng số hồ sơ', 'Số hồ sơ đúng hạn', 'Tỷ lệ đúng hạn', 'Ghi chú'],
        ['1', 'Xã A', '', '', '', ''],
        ['', 'Tổng cộng', '', '', '', ''],
        '',
        'Bảng giá',
        ['Mặt hàng', 'Giá'],
        ['Giấy', '100'],
      ),
    );
    expect(plan.tables.map((t) => [t.kind, t.title, t.firstRow, t.lastRow])).toEqual([
      ['report-form', 'Phụ lục II: Kết quả giải quyết hồ sơ', 3, 5],
      ['other', 'Bảng giá', 8, 9],
    ]);
    expect(plan.tasks).toEqual([]);
  });

  it('reads the document head: number, type, place, date, title and year', () => {
    const plan = parsePlanText(
      lines(
        'ỦY BAN NHÂN DÂN',
        'XÃ AN BÌNH',
        'Số: 27/KH-UBND',
        'An Bình, ngày 05 tháng 01 năm 2025',
        '',
        'KẾ HOẠCH',
        'Chuyển đổi số năm 2025',
        '',
        ['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian'],
        ['1', 'Việc', 'Công chức Văn phòng - Thống kê', 'Quý I'],
      ),
    );
    expect(plan.document).toEqual({
      number: '27/KH-UBND',
      type: 'KẾ HOẠCH',
      place: 'An Bình',
      date: '2025-01-05',
      title: 'Chuyển đổi số năm 2025',
      year: 2025,
    });
  });

  it('finds no table in plain prose', () => {
    const plan = parsePlanText('Thông báo lịch họp.\n\nKính gửi các đơn vị.');
    expect(plan.tables).toEqual([]);
    expect(plan.tasks).toEqual([]);
  });

  it('gives grid rows the document line numbers', () => {
    const grid = documentToGrid('a\n\nb\tc');
    expect(grid.rows.map((r) => [r.line, r.tabular])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(tsvToGrid('a\tb\n"x\ny"\tz\n').rows.map((r) => r.line)).toEqual([1, 2]);
  });
});

describe('column roles a person corrects', () => {
  const text = lines(
    ['STT', 'Nội dung', 'Ghi chú', 'Giao cho', 'Thời hạn'],
    ['1', 'Rà soát thủ tục', 'Làm sớm', 'Sở Nội vụ', 'Quý II/2024'],
  );

  it('replace the detected ones: an unrecognised lead column becomes the lead', () => {
    const before = parsePlanText(text);
    expect(before.tables[0]!.columns).toEqual({ stt: 0, task: 1, note: 2, time: 4 });
    expect(before.tasks[0]!.lead).toEqual([]);
    const after = parsePlanText(text, {
      columnRoles: { 0: { stt: 0, task: 1, note: 2, lead: 3, time: 4 } },
    });
    expect(after.tables[0]!.columns).toEqual({ stt: 0, task: 1, note: 2, lead: 3, time: 4 });
    expect(after.tables[0]!.extraColumns).toEqual({});
    expect(after.tasks[0]!.lead).toEqual(['Sở Nội vụ']);
    expect(after.findings.some((f) => f.code === 'lead-missing')).toBe(false);
  });

  it('a table without a task column is no longer a task table', () => {
    const after = parsePlanText(text, {
      columnRoles: { 0: { stt: 0, note: 2, lead: 3, time: 4 } },
    });
    expect(after.tables[0]!.kind).toBe('other');
    expect(after.tasks).toEqual([]);
  });
});
