// Issue 11, classes 1–3 and 6 as case tables: headers, numbering levels and sub-tasks, lost merges
// against page-break continuations, page furniture from PDFs. Each table is small and written in
// the shape real appendices take; the expectations are what a person reads in it.
import { parsePlanText } from '../../src/core/plan/parse';

const table = (...rows: string[][]): string => rows.map((r) => r.join('\t')).join('\n');
const H = ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành'];

describe('headers', () => {
  type Case = [what: string, header: string[], columns: Record<string, number>];
  const CASES: Case[] = [
    [
      'the lead before the task, headed "Đơn vị", the task "Nhiệm vụ chủ trì"',
      ['STT', 'Đơn vị', 'Nhiệm vụ chủ trì', 'Thời hạn hoàn thành'],
      { stt: 0, lead: 1, task: 2, time: 3 },
    ],
    [
      '"Trách nhiệm thực hiện", "Kết quả/Đánh giá"',
      ['TT', 'Nội dung', 'Trách nhiệm thực hiện', 'Tiến độ thực hiện', 'Kết quả/Đánh giá'],
      { stt: 0, task: 1, lead: 2, time: 3, product: 4 },
    ],
    [
      '"Cơ quan thực hiện", "Kết quả đầu ra", the year in the time header',
      ['STT', 'Nhiệm vụ', 'Cơ quan thực hiện', 'Thời gian thực hiện (Năm 2026)', 'Kết quả đầu ra'],
      { stt: 0, task: 1, lead: 2, time: 3, product: 4 },
    ],
    [
      '"Đơn vị thực hiện"',
      ['STT', 'Nội dung công việc', 'Đơn vị thực hiện', 'Thời gian'],
      { stt: 0, task: 1, lead: 2, time: 3 },
    ],
  ];
  it.each(CASES)('%s', (_what, header, columns) => {
    const plan = parsePlanText(
      table(
        header,
        header.map((_, i) => (i === 0 ? '1' : `x${i}`)),
      ),
    );
    expect(plan.tables[0]!.columns).toEqual(columns);
  });

  it('the year in the time header dates the times that give none', () => {
    const plan = parsePlanText(
      table(
        ['STT', 'Nhiệm vụ', 'Cơ quan thực hiện', 'Thời gian thực hiện (Năm 2026)'],
        ['1', 'Việc một', 'Sở Nội vụ', 'Quý III'],
        ['2', 'Việc hai', 'Sở Tư pháp', 'Tháng 5'],
      ),
    );
    expect(plan.tasks.map((t) => t.time.due)).toEqual(['2026-09-30', '2026-05-31']);
  });

  it('a header repeated inside the body, reworded, is skipped; the column numbers too', () => {
    const plan = parsePlanText(
      table(
        H,
        ['(1)', '(2)', '(3)', '(4)', '(5)'],
        ['1', 'Việc một', 'Sở Nội vụ', '', 'Quý I/2025'],
        ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn'],
        ['2', 'Việc hai', 'Sở Tư pháp', '', 'Quý II/2025'],
      ),
    );
    expect(plan.tables).toHaveLength(1);
    expect(plan.tasks.map((t) => t.stt)).toEqual(['1', '2']);
  });

  it('a table with no task column is reported, not dropped', () => {
    const plan = parsePlanText(
      table(['A', 'B', 'C'], ['x', 'y', 'z'], ['u', 'v', 'w'], ['p', 'q', 'r']),
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.findings.map((f) => f.code)).toContain('table-unrecognised');
  });
});

describe('numbering levels', () => {
  it('Arabic group rows ("1.") hold tasks "1.1", "1.2"', () => {
    const plan = parsePlanText(
      table(
        H,
        ['1.', 'Công tác chỉ đạo, điều hành', '', '', ''],
        ['1.1', 'Ban hành kế hoạch', 'Sở Nội vụ', '', 'Quý I/2025'],
        ['1.2', 'Kiểm tra', 'Sở Tư pháp', '', 'Quý II/2025'],
        ['2.', 'Công tác tuyên truyền', '', '', ''],
        ['2.1', 'Tuyên truyền', 'Sở Văn hóa', '', 'Năm 2025'],
      ),
    );
    expect(plan.sections).toEqual([
      { id: '1', title: 'Công tác chỉ đạo, điều hành', level: 'group' },
      { id: '2', title: 'Công tác tuyên truyền', level: 'group' },
    ]);
    expect(plan.tasks.map((t) => [t.id, t.section, t.stt, t.lead])).toEqual([
      ['1.1', '1', '1.1', ['Sở Nội vụ']],
      ['1.2', '1', '1.2', ['Sở Tư pháp']],
      ['2.1', '2', '2.1', ['Sở Văn hóa']],
    ]);
  });

  it('three levels: parts, sections, groups; a numbered row with a lead and a time is a task', () => {
    const plan = parsePlanText(
      table(
        H,
        ['A', 'NHIỆM VỤ CHUNG', '', '', ''],
        ['I', 'Thể chế', '', '', ''],
        ['1', 'Rà soát văn bản', '', '', ''],
        ['1.1', 'Rà soát nghị quyết', 'Sở Tư pháp', '', 'Quý I/2025'],
        ['2', 'Ban hành quy chế', 'Sở Nội vụ', '', 'Quý II/2025'],
        ['B', 'NHIỆM VỤ RIÊNG', '', '', ''],
        ['1', 'Sơ kết', 'Văn phòng UBND tỉnh', '', 'Tháng 6/2025'],
      ),
    );
    expect(plan.sections).toEqual([
      { id: 'A', title: 'NHIỆM VỤ CHUNG' },
      { id: 'A.I', title: 'Thể chế', parent: 'A', level: 'section' },
      { id: 'A.I.1', title: 'Rà soát văn bản', parent: 'A.I', level: 'group' },
      { id: 'B', title: 'NHIỆM VỤ RIÊNG' },
    ]);
    expect(plan.tasks.map((t) => [t.id, t.section])).toEqual([
      ['A.I.1.1', 'A.I.1'],
      ['A.I.2', 'A.I'],
      ['B.1', 'B'],
    ]);
  });

  it('sub-tasks "2.1"–"2.3" under a task with its own lead and time are tasks, kept under it', () => {
    const plan = parsePlanText(
      table(
        H,
        ['I', 'NHIỆM VỤ', '', '', ''],
        ['1', 'Việc một', 'Sở Nội vụ', '', 'Quý I/2025'],
        ['2', 'Chuyển đổi số', 'Sở Khoa học và Công nghệ', 'Các sở', 'Năm 2025'],
        ['2.1', 'Số hóa hồ sơ', 'Sở Nội vụ', '', 'Quý II/2025'],
        ['2.2', 'Cập nhật dữ liệu', '', '', 'Quý III/2025'],
        ['2.3', 'Đánh giá', '', '', ''],
        ['3', 'Việc ba', 'Sở Tư pháp', '', 'Quý IV/2025'],
      ),
    );
    expect(plan.tasks.map((t) => [t.id, t.parent ?? null, t.lead, t.time.due])).toEqual([
      ['I.1', null, ['Sở Nội vụ'], '2025-03-31'],
      ['I.2', null, ['Sở Khoa học và Công nghệ'], '2025-12-31'],
      ['I.2.1', 'I.2', ['Sở Nội vụ'], '2025-06-30'],
      ['I.2.2', 'I.2', ['Sở Khoa học và Công nghệ'], '2025-09-30'],
      ['I.2.3', 'I.2', ['Sở Khoa học và Công nghệ'], '2025-12-31'],
      ['I.3', null, ['Sở Tư pháp'], '2025-12-31'],
    ]);
    const guessed = plan.findings.filter((f) => f.code === 'row-guessed').map((f) => f.task);
    expect(guessed).toEqual(['I.2.2', 'I.2.3']);
  });

  it('"1.1" under a task with no lead or time of either stays a line of its text', () => {
    const plan = parsePlanText(
      table(H, ['1', 'Việc một:', 'Sở Nội vụ', '', ''], ['1.1', 'bước một', '', '', '']),
    );
    expect(plan.tasks.map((t) => [t.id, t.title])).toEqual([['1', 'Việc một:\n1.1 bước một']]);
  });
});

describe('lost merges against continuation rows', () => {
  it('a row with no STT and no lead but its own task and time is a task; the lead is shared', () => {
    const plan = parsePlanText(
      table(
        H,
        ['1', 'Xây dựng kế hoạch.', 'Sở Nội vụ', 'Các sở', 'Quý I/2025'],
        ['', 'Tổ chức tập huấn.', '', '', 'Quý II/2025'],
        ['2', 'Kiểm tra', 'Sở Tư pháp', '', 'Quý III/2025'],
      ),
    );
    expect(plan.tasks.map((t) => [t.id, t.title, t.lead, t.support, t.time.due])).toEqual([
      ['1', 'Xây dựng kế hoạch.', ['Sở Nội vụ'], ['Các sở'], '2025-03-31'],
      ['1-2', 'Tổ chức tập huấn.', ['Sở Nội vụ'], ['Các sở'], '2025-06-30'],
      ['2', 'Kiểm tra', ['Sở Tư pháp'], [], '2025-09-30'],
    ]);
    const guess = plan.findings.find((f) => f.code === 'row-guessed');
    expect(guess).toMatchObject({ task: '1-2', severity: 'warning', rows: [2, 3] });
  });

  it('a page break that cuts several cells mid-phrase continues the row above', () => {
    const plan = parsePlanText(
      table(
        H,
        ['1', 'Triển khai nền tảng số cho', 'Bộ Khoa học và', '', 'Quý IV/'],
        ['', 'các xã', 'Công nghệ', '', '2025'],
      ),
    );
    expect(plan.tasks.map((t) => [t.title, t.lead, t.time.text, t.time.due])).toEqual([
      [
        'Triển khai nền tảng số cho các xã',
        ['Bộ Khoa học và Công nghệ'],
        'Quý IV/ 2025',
        '2025-12-31',
      ],
    ]);
  });

  it('a new sentence in the task cell under a cut lead is still the same row, said in a finding', () => {
    const plan = parsePlanText(
      table(
        H,
        ['1', 'Triển khai nền tảng số.', 'Bộ Khoa học và', '', 'Năm 2025'],
        ['', 'Báo cáo kết quả.', 'Công nghệ', '', ''],
      ),
    );
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tasks[0]!.lead).toEqual(['Bộ Khoa học và Công nghệ']);
    expect(plan.findings.some((f) => f.code === 'row-guessed' && f.task === '1')).toBe(true);
  });

  it('an Excel sheet knows its merges: a blank lead there is blank, never inherited', () => {
    const text = table(
      H,
      ['1', 'Xây dựng kế hoạch.', 'Sở Nội vụ', '', 'Quý I/2025'],
      ['', 'Tổ chức tập huấn.', '', '', 'Quý II/2025'],
    );
    // Clipboard text from Excel is read as a sheet of records without merge information: the
    // document rule applies there too. Only a grid that knows its merges turns it off.
    expect(parsePlanText(text).tasks).toHaveLength(2);
  });
});

describe('text from PDFs', () => {
  it('a page number and a running head between rows of one table are not rows', () => {
    const plan = parsePlanText(
      [
        table(H, ['1', 'Việc một', 'Sở Nội vụ', '', 'Quý I/2025']),
        '\t\t12\t\t',
        'Kế hoạch cải cách hành chính năm 2025',
        table(['2', 'Việc hai', 'Sở Tư pháp', '', 'Quý II/2025']),
      ].join('\n'),
    );
    expect(plan.tables).toHaveLength(1);
    expect(plan.tasks.map((t) => [t.stt, t.title])).toEqual([
      ['1', 'Việc một'],
      ['2', 'Việc hai'],
    ]);
  });
});
