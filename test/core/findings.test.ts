// Every finding a careful clerk expects, on small tables written for the purpose, and the
// cases that must stay quiet.
import { parsePlanText } from '../../src/core/plan/parse';
import type { Finding } from '../../src/core/plan/types';
import { findingLabel, severityLabel, titleYears } from '../../src/core/findings';
import { LABELLED_CODES } from '../../src/core/findings/labels';
import { seedNamed, seedText } from '../helpers/seeds';

const HEAD = [
  'Số: 10/KH-UBND',
  'An Bình, ngày 15 tháng 01 năm 2024',
  '',
  'KẾ HOẠCH',
  'Cải cách hành chính năm 2024',
  '',
];

function plan(rows: string[][], head: string[] = HEAD): ReturnType<typeof parsePlanText> {
  const header = ['STT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời gian', 'Sản phẩm'];
  return parsePlanText([...head, header.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n'));
}

const codes = (findings: Finding[]): [string, string | null][] =>
  findings.map((f) => [f.code, f.task]);

describe('findings', () => {
  it('a clean table raises nothing', () => {
    const p = plan([
      ['1', 'Rà soát thủ tục', 'Sở Nội vụ', 'Sở Tư pháp', 'Quý II/2024', 'Báo cáo'],
      ['2', 'Công khai thủ tục', 'Văn phòng UBND tỉnh', '', 'Thường xuyên', 'Danh mục'],
    ]);
    expect(p.findings).toEqual([]);
  });

  it('task text empty, lead missing, time missing', () => {
    const p = plan([
      ['1', '', 'Sở Nội vụ', '', 'Quý II/2024', ''],
      ['2', 'Kiểm tra', '', '', '', ''],
    ]);
    expect(codes(p.findings)).toEqual([
      ['task-empty', '1'],
      ['lead-missing', '2'],
      ['time-missing', '2'],
    ]);
    const lead = p.findings.find((f) => f.code === 'lead-missing')!;
    expect(lead).toMatchObject({ severity: 'error', field: 'lead', rows: [9] });
    expect(lead.messageEn).toBe('The task has no lead unit.');
    // The task above has a lead and a time: maybe one merged cell, lost in conversion.
    expect(lead.suggestion).toContain('"như trên": Sở Nội vụ');
  });

  it('a blank coordinating cell is flagged only when the row also lost its lead or time', () => {
    const p = plan([
      ['1', 'Việc một', 'Sở Nội vụ', 'Sở Tư pháp', 'Quý I/2024', 'Báo cáo'],
      ['2', 'Việc hai', 'Sở Nội vụ', '', 'Quý I/2024', 'Báo cáo'],
      ['3', 'Việc ba', 'Sở Tài chính', 'Sở Tư pháp', 'Quý I/2024', 'Báo cáo'],
      ['4', 'Việc bốn', '', '', 'Quý I/2024', 'Báo cáo'],
    ]);
    // Task 2's blank is an ordinary "no coordinator"; task 4 lost its lead too.
    expect(codes(p.findings)).toEqual([
      ['lead-missing', '4'],
      ['maybe-lost-merge', '4'],
    ]);
    expect(p.findings[1]).toMatchObject({ field: 'support', severity: 'info' });
    expect(p.findings[1]!.suggestion).toContain('Sở Tư pháp');
  });

  it('the same unit as lead and coordinator, also when spelled two ways', () => {
    const p = plan([
      [
        '1',
        'Việc',
        'Văn phòng HĐND và UBND huyện',
        'Văn phòng HĐND&UBND huyện; Sở Tư pháp',
        'Năm 2024',
        '',
      ],
    ]);
    expect(codes(p.findings)).toEqual([['lead-is-support', '1']]);
    expect(p.findings[0]!.message).toContain('vừa là đơn vị chủ trì vừa là đơn vị phối hợp');
  });

  it('two tasks with the same text', () => {
    const p = plan([
      ['1', 'Tổ chức tập huấn nghiệp vụ.', 'Sở Nội vụ', '', 'Quý I/2024', ''],
      ['2', 'Tổ chức  tập huấn nghiệp vụ', 'Sở Tư pháp', '', 'Quý II/2024', ''],
    ]);
    expect(codes(p.findings)).toEqual([['task-duplicate', '2']]);
    expect(p.findings[0]!.rows).toEqual([8, 9]);
  });

  it('time not understood, vague, due before start', () => {
    const p = plan([
      ['1', 'Việc một', 'Sở Nội vụ', '', 'Khi nào xong thì báo', ''],
      ['2', 'Việc hai', 'Sở Nội vụ', '', 'Kịp thời', ''],
      ['3', 'Việc ba', 'Sở Nội vụ', '', 'Từ tháng 9/2024 - 3/2024', ''],
    ]);
    const found = codes(p.findings);
    expect(found).toContainEqual(['time-unknown', '1']);
    expect(found).toContainEqual(['time-vague', '2']);
    // A range that ends before it starts is either not understood or due before start: never a date.
    expect(
      found.some(([c, t]) => t === '3' && (c === 'time-unknown' || c === 'due-before-start')),
    ).toBe(true);
  });

  it('due before the issue date and outside the plan years', () => {
    const p = plan([
      ['1', 'Việc một', 'Sở Nội vụ', '', 'Trước 10/01/2024', ''],
      ['2', 'Việc hai', 'Sở Nội vụ', '', 'Quý I/2025', ''],
      ['3', 'Việc ba', 'Sở Nội vụ', '', 'Hàng quý', ''],
    ]);
    expect(codes(p.findings)).toEqual([
      ['due-before-issue', '1'],
      ['due-outside-plan', '2'],
    ]);
    expect(p.findings[0]!.message).toBe(
      'Hạn 09/01/2024 trước ngày ban hành kế hoạch (15/01/2024).',
    );
  });

  it('plan years come only from the title: a plan whose title names no year is not checked', () => {
    const head = [
      'Số: 11/KH-UBND',
      'An Bình, ngày 15 tháng 01 năm 2024',
      '',
      'KẾ HOẠCH',
      'Thực hiện Nghị định số 61/2018/NĐ-CP',
      '',
    ];
    const p = plan([['1', 'Việc', 'Sở Nội vụ', '', 'Quý I/2026', '']], head);
    expect(p.findings).toEqual([]);
    expect(titleYears('Kế hoạch giai đoạn 2021 - 2025')).toEqual([2021, 2025]);
    expect(titleYears('Kế hoạch năm 2024')).toEqual([2024, 2024]);
    expect(titleYears('Thực hiện Nghị định 61/2018/NĐ-CP')).toBeNull();
  });

  it('STT duplicated, skipped and out of order within a section', () => {
    const p = plan([
      ['I', 'MỤC MỘT', '', '', '', ''],
      ['1', 'Việc a', 'Sở Nội vụ', '', 'Năm 2024', ''],
      ['1', 'Việc b', 'Sở Nội vụ', '', 'Năm 2024', ''],
      ['3', 'Việc c', 'Sở Nội vụ', '', 'Năm 2024', ''],
      ['2', 'Việc d', 'Sở Nội vụ', '', 'Năm 2024', ''],
      ['II', 'MỤC HAI', '', '', '', ''],
      ['1', 'Việc e', 'Sở Nội vụ', '', 'Năm 2024', ''],
    ]);
    expect(codes(p.findings)).toEqual([
      ['stt-duplicate', 'I.1-2'],
      ['stt-skipped', 'I.3'],
      ['stt-order', 'I.2'],
    ]);
  });

  it('numbering that runs on across sections is checked across them', () => {
    const p = plan([
      ['I', 'MỤC MỘT', '', '', '', ''],
      ['1', 'Việc a', 'Sở Nội vụ', '', 'Năm 2024', ''],
      ['2', 'Việc b', 'Sở Nội vụ', '', 'Năm 2024', ''],
      ['II', 'MỤC HAI', '', '', '', ''],
      ['4', 'Việc c', 'Sở Nội vụ', '', 'Năm 2024', ''],
    ]);
    expect(codes(p.findings)).toEqual([['stt-skipped', 'II.4']]);
  });

  it('a unit name cut at the end', () => {
    const p = plan([['1', 'Việc', 'Sở Văn hóa, Thể thao và', '', 'Năm 2024', '']]);
    expect(codes(p.findings)).toEqual([['cell-cut', '1']]);
  });

  it('repairs a unit name shifted into the next row and says so', () => {
    const p = plan([
      ['1', 'Việc a', 'Công chức Văn hóa', '', 'Năm 2024', ''],
      ['2', 'Việc b', '- Xã hội Công chức Tư pháp - Hộ tịch', '', 'Năm 2024', ''],
      ['3', 'Việc c', 'Công chức Văn hóa - Xã hội', '', 'Năm 2024', ''],
    ]);
    expect(p.tasks.map((t) => t.lead)).toEqual([
      ['Công chức Văn hóa - Xã hội'],
      ['Công chức Tư pháp - Hộ tịch'],
      ['Công chức Văn hóa - Xã hội'],
    ]);
    expect(codes(p.findings)).toEqual([['cell-shifted', '2']]);
  });

  it('does not "repair" a fragment when the joined name is not a unit of the plan', () => {
    const p = plan([
      ['1', 'Việc a', 'Công chức Văn hóa', '', 'Năm 2024', ''],
      ['2', 'Việc b', '- Xã hội Công chức Tư pháp - Hộ tịch', '', 'Năm 2024', ''],
    ]);
    expect(p.tasks[0]!.lead).toEqual(['Công chức Văn hóa']);
    expect(p.findings.some((f) => f.code === 'cell-shifted')).toBe(false);
  });

  it('a document without a task table says so', () => {
    const p = parsePlanText(
      [
        'Phụ lục I',
        ['STT', 'Tên đơn vị', 'Tổng số hồ sơ', 'Số hồ sơ đúng hạn'].join('\t'),
        ['1', 'Xã A', '', ''].join('\t'),
      ].join('\n'),
    );
    expect(codes(p.findings)).toEqual([['no-task-table', null]]);
    expect(p.findings[0]!.severity).toBe('info');
  });

  it('every finding has a code, severity, Vietnamese and English messages and rows', () => {
    const p = plan([
      ['1', '', '', '', 'Kịp thời', ''],
      ['1', 'Việc', 'Sở Nội vụ', 'Sở Nội vụ', 'Trước 01/01/2024', ''],
    ]);
    expect(p.findings.length).toBeGreaterThan(3);
    for (const f of p.findings) {
      expect(f.code).toMatch(/^[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.messageEn?.length).toBeGreaterThan(10);
      expect(f.rows.length).toBeGreaterThan(0);
    }
  });

  it('the appendix subtitle names another date than the head: one finding per cited value', () => {
    const subtitle = (text: string): string[] => ['', 'PHỤ LỤC', `(${text})`, ''];
    const p = plan(
      [['1', 'Rà soát thủ tục', 'Sở Nội vụ', '', 'Quý II/2024', '']],
      [
        ...HEAD,
        ...subtitle('Ban hành kèm theo Kế hoạch số 10/KH-UBND ngày 15/02/2024 của UBND tỉnh'),
      ],
    );
    expect(codes(p.findings)).toEqual([['appendix-mismatch', null]]);
    expect(p.findings[0]).toMatchObject({ severity: 'warning', rows: [9] });
    expect(p.findings[0]!.message).toBe(
      'Phụ lục ghi ban hành kèm theo Kế hoạch số 10/KH-UBND ngày 15/02/2024, nhưng đầu văn bản ghi ngày 15/01/2024.',
    );
    // The same number and date, written out in words: nothing to say.
    const same = plan(
      [['1', 'Rà soát thủ tục', 'Sở Nội vụ', '', 'Quý II/2024', '']],
      [...HEAD, ...subtitle('Kèm theo Kế hoạch số 10 /KH-UBND ngày 15 tháng 01 năm 2024')],
    );
    expect(same.findings).toEqual([]);
    // A sentence citing another document in passing, a blank number, another type: quiet.
    const quiet = plan(
      [['1', 'Rà soát thủ tục', 'Sở Nội vụ', '', 'Quý II/2024', '']],
      [
        ...HEAD,
        'Thực hiện Kế hoạch (ban hành kèm theo Kế hoạch số 9/KH-UBND ngày 02/01/2023).',
        '(Kèm theo Quyết định số 12/QĐ-UBND ngày 01/01/2024 của UBND tỉnh)',
        '(Ban hành kèm theo Kế hoạch số /KH-UBND ngày /01/2024)',
      ],
    );
    expect(quiet.findings).toEqual([]);
  });

  it('seed 000: the appendix is dated 16/02/2019, the head 26/12/2019', () => {
    const p = parsePlanText(seedText(seedNamed('000')));
    const found = p.findings.filter((f) => f.code === 'appendix-mismatch');
    expect(found.map((f) => [f.rows, f.messageEn])).toEqual([
      [
        [67],
        "The appendix says it comes with Kế hoạch no. 15/KH-UBND of 16/02/2019, but the document's head is dated 26/12/2019.",
      ],
    ]);
  });

  it('a time cell with several times says which deadline the tracker keeps', () => {
    const p = plan([
      ['1', 'Trang bị', 'Sở Nội vụ', '', 'Quý IV/2024; Năm 2025 và các năm tiếp theo', ''],
      ['2', 'Báo cáo', 'Sở Nội vụ', '', 'Quý I và quý I/2024', ''],
    ]);
    expect(codes(p.findings)).toEqual([['time-several', '1']]);
    expect(p.findings[0]).toMatchObject({ severity: 'warning', field: 'time' });
    expect(p.findings[0]!.message).toBe(
      'Ô thời gian ghi 2 mốc thời gian khác nhau: “Quý IV/2024”; “Năm 2025 và các năm tiếp theo”. Sổ theo dõi lấy hạn sớm nhất (31/12/2024).',
    );
    const seed = parsePlanText(seedText(seedNamed('004')));
    expect(codes(seed.findings)).toEqual([['time-several', '3']]);
    expect(seed.findings[0]!.message).toContain('4 mốc thời gian khác nhau');
  });

  it('a blank beside a cell filled "as above" stays a likely lost merge', () => {
    const rows = [
      ['1', 'Việc một', 'Sở Nội vụ', 'Sở Tư pháp', 'Quý I/2024', 'Báo cáo'],
      ['2', 'Việc hai', '', '', 'Quý I/2024', 'Báo cáo'],
    ];
    const before = plan(rows);
    expect(codes(before.findings)).toEqual([
      ['lead-missing', '2'],
      ['maybe-lost-merge', '2'],
    ]);
    // The person filled the lead as above: the note about the coordinating cell stays.
    const filled = rows.map((r) => [...r]);
    filled[1]![2] = 'Sở Nội vụ';
    const text = (r: string[][]): string =>
      [
        ...HEAD,
        ['STT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời gian', 'Sản phẩm'].join('\t'),
        ...r.map((x) => x.join('\t')),
      ].join('\n');
    const line = before.tasks[1]!.rows[0]!;
    expect(codes(parsePlanText(text(filled)).findings)).toEqual([]);
    expect(
      codes(parsePlanText(text(filled), { mergedAbove: [{ line, field: 'lead' }] }).findings),
    ).toEqual([['maybe-lost-merge', '2']]);
  });

  it('every kind of finding the seeds raise has a name in both languages', () => {
    const seen = new Set(
      ['000', '001', '002', '003', '004'].flatMap((s) =>
        parsePlanText(seedText(seedNamed(s))).findings.map((f) => f.code),
      ),
    );
    for (const code of seen) expect(LABELLED_CODES).toContain(code);
    expect(findingLabel({ code: 'lead-missing', severity: 'error' }, 'vi')).toBe(
      'Thiếu đơn vị chủ trì',
    );
    expect(findingLabel({ code: 'lead-missing', severity: 'error' }, 'en')).toBe('No lead unit');
    // A kind not named yet is called by its severity, never by its code.
    expect(findingLabel({ code: 'something-new', severity: 'warning' }, 'vi')).toBe('Cảnh báo');
    expect(findingLabel({ code: 'something-new', severity: 'info' }, 'en')).toBe('Note');
    expect(severityLabel('error', 'vi')).toBe('Lỗi');
    expect(severityLabel('info', 'en')).toBe('Note');
  });
});
