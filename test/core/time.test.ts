import type { Recurrence, TimeKind, TimePart } from '../../src/core/plan/types';
import { readTimeColumns, readTimeExpression, type TimeContext } from '../../src/core/time';

// Contexts: the five seeds (plan year / issue date) and two synthetic ones.
const CTX = {
  s000: { planYear: 2019, issueDate: '2019-12-26', beforeInclusive: false },
  s001: { planYear: 2024, issueDate: '2023-12-29', beforeInclusive: false },
  s002: { planYear: 2021, issueDate: '2021-09-22', beforeInclusive: false },
  s003: { planYear: 2017, issueDate: '2017-08-14', beforeInclusive: false },
  s004: { planYear: 2018, issueDate: '2018-09-28', beforeInclusive: false },
  /** Plan year 2024, issued Friday 15 March 2024. */
  y2024: { planYear: 2024, issueDate: '2024-03-15', beforeInclusive: false },
  /** Neither plan year nor issue date known. */
  none: { planYear: null, issueDate: null, beforeInclusive: false },
} satisfies Record<string, TimeContext>;

type Ctx = keyof typeof CTX;
type Row = [
  text: string,
  ctx: Ctx,
  kind: TimeKind,
  start: string | null,
  due: string | null,
  recurrence: Recurrence | null,
];

const NFD = (s: string): string => s.normalize('NFD');

// Every row is understood and has no parts; several-times cells are in PARTS below.
const ROWS: Row[] = [
  // ── Seed 000 (Bắt đầu / Hoàn thành cells, read one by one) ──
  ['Tháng 02/2019', 's000', 'period', '2019-02-01', '2019-02-28', null],
  ['Tháng 12/2019', 's000', 'period', '2019-12-01', '2019-12-31', null],
  ['Thường xuyên', 's000', 'continuous', null, null, null],
  ['Thực hiện hàng Quý, năm', 's000', 'recurring', '2019-01-01', '2019-03-31', 'quarterly'],
  ['Tháng 2/2019 (gửi kèm theo Kế hoạch này)', 's000', 'period', '2019-02-01', '2019-02-28', null],
  ['Năm 2019', 's000', 'period', '2019-01-01', '2019-12-31', null],
  ['Quý III/2019', 's000', 'period', '2019-07-01', '2019-09-30', null],
  // ── Seed 001 ──
  ['Tháng 12/2023', 's001', 'period', '2023-12-01', '2023-12-31', null],
  ['Thường xuyên', 's001', 'continuous', null, null, null],
  ['Trước 10/01/2024', 's001', 'date', null, '2024-01-09', null],
  ['Trước 15/01/2024', 's001', 'date', null, '2024-01-14', null],
  ['Từ tháng 02/2024 - 6/2024', 's001', 'range', '2024-02-01', '2024-06-30', null],
  ['Tháng 7/2024', 's001', 'period', '2024-07-01', '2024-07-31', null],
  ['Tháng 8/2024', 's001', 'period', '2024-08-01', '2024-08-31', null],
  [
    'Theo Kế hoạch số 17/KH-UBND, ngày 30/01/2023 của UBND huyện',
    's001',
    'conditional',
    null,
    null,
    null,
  ],
  ['Trong năm 2024', 's001', 'period', '2024-01-01', '2024-12-31', null],
  ['Thực hiện trong giai đoạn 2023-2025', 's001', 'range', '2023-01-01', '2025-12-31', null],
  ['Theo yêu cầu', 's001', 'conditional', null, null, null],
  // Both halves defer to other plans or to instructions: conditional, no parts.
  [
    'Theo Kế hoạch CCHC năm 2024; Kế hoạch kiểm tra độ xuất theo chỉ đạo',
    's001',
    'conditional',
    null,
    null,
    null,
  ],
  // The ad hoc report on request is a remark, not a second time.
  [
    'Báo cáo quý, BC năm; BC đột xuất theo yêu cầu của Văn phòng Chính phủ, UBND tỉnh',
    's001',
    'recurring',
    '2024-01-01',
    '2024-03-31',
    'quarterly',
  ],
  ['trước ngày 10/01/2023', 's001', 'date', null, '2023-01-09', null], // body text
  // ── Seed 002 ──
  ['Theo kế hoạch của huyện, của tỉnh', 's002', 'conditional', null, null, null],
  ['Năm 2021', 's002', 'period', '2021-01-01', '2021-12-31', null],
  // ── Seed 003 (dated assignments in the body text) ──
  ['trước ngày 30/8/2017', 's003', 'date', null, '2017-08-29', null],
  ['trước ngày 15/9/2017', 's003', 'date', null, '2017-09-14', null],
  ['trong tháng 9/2017', 's003', 'period', '2017-09-01', '2017-09-30', null],
  ['trong tháng 10/2017', 's003', 'period', '2017-10-01', '2017-10-31', null],
  ['dự kiến trong tháng 10/2017', 's003', 'period', '2017-10-01', '2017-10-31', null],
  // ── Seed 004 ──
  ['Tháng 12/2018', 's004', 'period', '2018-12-01', '2018-12-31', null],
  ['Quý IV/2018', 's004', 'period', '2018-10-01', '2018-12-31', null],
  ['Năm 2018 và các năm tiếp theo', 's004', 'recurring', '2018-01-01', '2018-12-31', 'yearly'],
  ['Hoàn thành trong giai đoạn 2018 - 2020', 's004', 'range', '2018-01-01', '2020-12-31', null],
  ['Quý IV/2018 và các năm tiếp theo', 's004', 'recurring', '2018-10-01', '2018-12-31', 'yearly'],
  [
    'Hoàn thành trong quý I/2019 và hàng năm',
    's004',
    'recurring',
    '2019-01-01',
    '2019-03-31',
    'yearly',
  ],
  ['Hoàn thành trong quý II/2019', 's004', 'period', '2019-04-01', '2019-06-30', null],
  ['Quý II/2019 và hàng năm', 's004', 'recurring', '2019-04-01', '2019-06-30', 'yearly'],
  ['Quý I/2019 và hàng năm', 's004', 'recurring', '2019-01-01', '2019-03-31', 'yearly'],
  // Two periods that touch, joined by "và", are one span.
  ['Quý IV/2018 và năm 2019', 's004', 'range', '2018-10-01', '2019-12-31', null],
  [
    'Hoàn thành trong quý II/2019 và các năm tiếp theo',
    's004',
    'recurring',
    '2019-04-01',
    '2019-06-30',
    'yearly',
  ],
  [
    'Theo kế hoạch của Trung ương sau khi hoàn thành thí điểm',
    's004',
    'conditional',
    null,
    null,
    null,
  ],
  ['Trong năm 2019', 's004', 'period', '2019-01-01', '2019-12-31', null],
  ['Sau khi có hướng dẫn của Bộ Nội vụ', 's004', 'conditional', null, null, null],
  ['Thường xuyên', 's004', 'continuous', null, null, null],
  ['Sau khi có Quy định của Bộ Tài chính', 's004', 'conditional', null, null, null],
  ['Theo kế hoạch của trung ương', 's004', 'conditional', null, null, null],
  // The date comes from the yearly plan: a reference to another plan's schedule.
  ['Theo kế hoạch năm', 's004', 'conditional', null, null, null],
  ['Quý I/2019', 's004', 'period', '2019-01-01', '2019-03-31', null],
  ['Hàng năm', 's004', 'recurring', '2018-01-01', '2018-12-31', 'yearly'],

  // ── Dates ──
  ['15/3/2024', 'y2024', 'date', null, '2024-03-15', null],
  ['ngày 15 tháng 3 năm 2024', 'y2024', 'date', null, '2024-03-15', null],
  ['Chậm nhất ngày 15/3/2024', 'y2024', 'date', null, '2024-03-15', null],
  ['Chậm nhất là ngày 15/03/2024', 'y2024', 'date', null, '2024-03-15', null],
  ['Hạn chót: 15.3.2024', 'y2024', 'date', null, '2024-03-15', null],
  ['15-3-2024', 'y2024', 'date', null, '2024-03-15', null],
  ['Ngày 15 / 3 / 2024', 'y2024', 'date', null, '2024-03-15', null],
  ['Ngày 29/02/2024', 'y2024', 'date', null, '2024-02-29', null],
  ['ngày 15/3', 'y2024', 'date', null, '2024-03-15', null], // plan year
  ['Trước ngày 10/01/2024', 'y2024', 'date', null, '2024-01-09', null],
  ['trước 01/01/2024', 'y2024', 'date', null, '2023-12-31', null],
  ['Trước ngày 01/3/2024', 'y2024', 'date', null, '2024-02-29', null],
  ['Hoàn thành trước ngày 30 tháng 6 năm 2024', 'y2024', 'date', null, '2024-06-29', null],
  ['Trước 15/01', 'y2024', 'date', null, '2024-01-14', null],
  ['Trước năm 2022', 'y2024', 'date', null, '2021-12-31', null],
  ['Trước tháng 6/2024', 'y2024', 'date', null, '2024-05-31', null],
  ['Trước Quý III/2019', 'y2024', 'date', null, '2019-06-30', null],
  // ── Months ──
  ['T12/2023', 'y2024', 'period', '2023-12-01', '2023-12-31', null],
  ['Trong tháng 12/2023', 'y2024', 'period', '2023-12-01', '2023-12-31', null],
  ['thang 12/2023', 'y2024', 'period', '2023-12-01', '2023-12-31', null],
  ['THÁNG 12/2023', 'y2024', 'period', '2023-12-01', '2023-12-31', null],
  ['Tháng 12 2023', 'y2024', 'period', '2023-12-01', '2023-12-31', null],
  ['Tháng 12 năm 2023', 'y2024', 'period', '2023-12-01', '2023-12-31', null],
  ['Tháng 02 /2024', 'y2024', 'period', '2024-02-01', '2024-02-29', null],
  ['tháng 2', 'y2024', 'period', '2024-02-01', '2024-02-29', null],
  ['T3', 'y2024', 'period', '2024-03-01', '2024-03-31', null],
  // ── Quarters ──
  ['Quý 3/2019', 'y2024', 'period', '2019-07-01', '2019-09-30', null],
  ['QIII/2019', 'y2024', 'period', '2019-07-01', '2019-09-30', null],
  ['quý I/2019', 'y2024', 'period', '2019-01-01', '2019-03-31', null],
  ['Quý III /2019', 'y2024', 'period', '2019-07-01', '2019-09-30', null],
  ['Quý III/ 2019', 'y2024', 'period', '2019-07-01', '2019-09-30', null],
  ['Quý 3 năm 2019', 'y2024', 'period', '2019-07-01', '2019-09-30', null],
  ['Quí II/2020', 'y2024', 'period', '2020-04-01', '2020-06-30', null],
  ['Q4/2024', 'y2024', 'period', '2024-10-01', '2024-12-31', null],
  ['quý iv/2019', 'y2024', 'period', '2019-10-01', '2019-12-31', null],
  ['Quý II', 'y2024', 'period', '2024-04-01', '2024-06-30', null],
  ['Q.III/2019', 'y2024', 'period', '2019-07-01', '2019-09-30', null],
  // ── Halves and nine months ──
  ['6 tháng đầu năm', 'y2024', 'period', '2024-01-01', '2024-06-30', null],
  ['6 tháng cuối năm', 'y2024', 'period', '2024-07-01', '2024-12-31', null],
  ['9 tháng', 'y2024', 'period', '2024-01-01', '2024-09-30', null],
  ['6 tháng đầu năm 2023', 'y2024', 'period', '2023-01-01', '2023-06-30', null],
  ['9 tháng năm 2023', 'y2024', 'period', '2023-01-01', '2023-09-30', null],
  ['Trong 6 tháng', 'y2024', 'period', '2024-01-01', '2024-06-30', null],
  // ── Years ──
  ['Trong năm 2021', 'y2024', 'period', '2021-01-01', '2021-12-31', null],
  ['năm 2024', 'y2024', 'period', '2024-01-01', '2024-12-31', null],
  ['2021', 'y2024', 'period', '2021-01-01', '2021-12-31', null],
  ['Báo cáo năm 2019', 'y2024', 'period', '2019-01-01', '2019-12-31', null], // not "báo cáo năm" = yearly
  // ── Đầu / giữa / cuối (Civil Code art. 146): start of the period, due at the point ──
  ['Đầu tháng 3/2024', 'y2024', 'period', '2024-03-01', '2024-03-01', null],
  ['Giữa tháng 3/2024', 'y2024', 'period', '2024-03-01', '2024-03-15', null],
  ['Cuối tháng 3/2024', 'y2024', 'period', '2024-03-01', '2024-03-31', null],
  ['Cuối tháng 2', 'y2024', 'period', '2024-02-01', '2024-02-29', null],
  ['Đầu năm 2024', 'y2024', 'period', '2024-01-01', '2024-01-01', null],
  ['Giữa năm 2024', 'y2024', 'period', '2024-01-01', '2024-06-30', null],
  ['Cuối năm 2024', 'y2024', 'period', '2024-01-01', '2024-12-31', null],
  ['Cuối năm', 'y2024', 'period', '2024-01-01', '2024-12-31', null],
  ['Cuối quý II/2024', 'y2024', 'period', '2024-04-01', '2024-06-30', null],
  ['Giữa quý I/2024', 'y2024', 'period', '2024-01-01', '2024-02-15', null],
  ['Tuần đầu tháng 3/2024', 'y2024', 'period', '2024-03-01', '2024-03-07', null],
  ['Tuần cuối tháng 3/2024', 'y2024', 'period', '2024-03-01', '2024-03-31', null],
  // ── Ranges ──
  ['Giai đoạn 2023-2025', 'y2024', 'range', '2023-01-01', '2025-12-31', null],
  ['2021 – 2025', 'y2024', 'range', '2021-01-01', '2025-12-31', null],
  ['2021—2025', 'y2024', 'range', '2021-01-01', '2025-12-31', null],
  ['Năm 2023 - 2025', 'y2024', 'range', '2023-01-01', '2025-12-31', null],
  ['Từ năm 2023 đến năm 2025', 'y2024', 'range', '2023-01-01', '2025-12-31', null],
  ['Quý I - Quý III/2025', 'y2024', 'range', '2025-01-01', '2025-09-30', null],
  ['Quý I - III/2025', 'y2024', 'range', '2025-01-01', '2025-09-30', null],
  ['Từ quý II/2024 đến quý I/2025', 'y2024', 'range', '2024-04-01', '2025-03-31', null],
  ['Tháng 2 - 6/2024', 'y2024', 'range', '2024-02-01', '2024-06-30', null],
  ['Tháng 10 - 12/2024', 'y2024', 'range', '2024-10-01', '2024-12-31', null],
  ['Từ tháng 2 đến tháng 6/2024', 'y2024', 'range', '2024-02-01', '2024-06-30', null],
  ['Từ 01/3/2024 đến 30/6/2024', 'y2024', 'range', '2024-03-01', '2024-06-30', null],
  ['Từ ngày 01/3 đến hết ngày 30/6/2024', 'y2024', 'range', '2024-03-01', '2024-06-30', null],
  ['Hoàn thành trong tháng 3 và tháng 4/2024', 'y2024', 'range', '2024-03-01', '2024-04-30', null],
  ['Từ nay đến hết năm 2024', 'y2024', 'range', '2024-03-15', '2024-12-31', null], // "nay" = issue date
  // ── Continuous ──
  ['Từ tháng 5/2022', 'y2024', 'continuous', '2022-05-01', null, null],
  ['Từ quý I/2025', 'y2024', 'continuous', '2025-01-01', null, null],
  ['Từ năm 2022 trở đi', 'y2024', 'continuous', '2022-01-01', null, null],
  ['Kể từ ngày 01/7/2024', 'y2024', 'continuous', '2024-07-01', null, null],
  ['Sau ngày 15/3/2024', 'y2024', 'continuous', '2024-03-16', null, null],
  ['Thường xuyên, liên tục', 'y2024', 'continuous', null, null, null],
  ['Liên tục', 'y2024', 'continuous', null, null, null],
  ['Hằng ngày', 'y2024', 'continuous', null, null, null],
  ['thuong xuyen', 'y2024', 'continuous', null, null, null],
  ['Thường xuyên', 'none', 'continuous', null, null, null], // needs no year
  // ── Recurring ──
  ['Hằng năm', 'y2024', 'recurring', '2024-01-01', '2024-12-31', 'yearly'],
  ['HẰNG NĂM', 'y2024', 'recurring', '2024-01-01', '2024-12-31', 'yearly'],
  ['Hàng quý', 'y2024', 'recurring', '2024-01-01', '2024-03-31', 'quarterly'],
  ['Hằng Quý', 'y2024', 'recurring', '2024-01-01', '2024-03-31', 'quarterly'],
  ['Hàng tháng', 'y2024', 'recurring', '2024-01-01', '2024-01-31', 'monthly'],
  ['Mỗi quý', 'y2024', 'recurring', '2024-01-01', '2024-03-31', 'quarterly'],
  ['Định kỳ 6 tháng', 'y2024', 'recurring', '2024-01-01', '2024-06-30', 'half-yearly'],
  ['Định kỳ hàng quý', 'y2024', 'recurring', '2024-01-01', '2024-03-31', 'quarterly'],
  ['Báo cáo 6 tháng, năm', 'y2024', 'recurring', '2024-01-01', '2024-06-30', 'half-yearly'],
  ['Báo cáo theo quý', 'y2024', 'recurring', '2024-01-01', '2024-03-31', 'quarterly'],
  ['Báo cáo tháng, quý, năm', 'y2024', 'recurring', '2024-01-01', '2024-01-31', 'monthly'],
  ['Định kỳ hoặc đột xuất', 'y2024', 'recurring', null, null, null], // no period named
  ['Hàng năm, trước ngày 15/12', 'y2024', 'recurring', null, '2024-12-14', 'yearly'],
  ['Hàng năm', 'none', 'recurring', null, null, 'yearly'], // no plan year: no first date
  // A span or an open start repeated: the first occurrence ends with the period it starts in.
  ['Giai đoạn 2021-2025, hàng năm', 'y2024', 'recurring', '2021-01-01', '2021-12-31', 'yearly'],
  ['Từ quý II/2024, hàng quý', 'y2024', 'recurring', '2024-04-01', '2024-06-30', 'quarterly'],
  // ── Conditional ──
  ['Sau khi có hướng dẫn của Bộ', 'y2024', 'conditional', null, null, null],
  ['Khi có yêu cầu', 'y2024', 'conditional', null, null, null],
  ['Theo chỉ đạo của UBND tỉnh', 'y2024', 'conditional', null, null, null],
  ['Theo lộ trình của Chính phủ', 'y2024', 'conditional', null, null, null],
  ['Ngay sau khi Kế hoạch được phê duyệt', 'y2024', 'conditional', null, null, null],
  ['Theo Quyết định số 985/QĐ-TTg ngày 08/8/2018', 'y2024', 'conditional', null, null, null],
  [
    'Theo Kế hoạch số 15/KH-UBND ngày 16 tháng 02 năm 2019',
    'y2024',
    'conditional',
    null,
    null,
    null,
  ],
  ['Theo Nghị định 61/2018/NĐ-CP', 'y2024', 'conditional', null, null, null],
  ['30 ngày sau khi có hướng dẫn', 'y2024', 'conditional', null, null, null],
  ['Trong 15 ngày kể từ ngày nhận được hồ sơ', 'y2024', 'conditional', null, null, null],
  ['Theo yêu cầu', 'none', 'conditional', null, null, null],
  // A time written before the trigger is the deadline.
  ['Quý I/2019 theo hướng dẫn của Bộ Nội vụ', 'y2024', 'period', '2019-01-01', '2019-03-31', null],
  ['Tháng 6/2024, sau khi có hướng dẫn', 'y2024', 'period', '2024-06-01', '2024-06-30', null],
  ['Hàng năm theo kế hoạch', 'y2024', 'recurring', '2024-01-01', '2024-12-31', 'yearly'],
  // ── Relative ──
  ['Trong 10 ngày kể từ ngày ban hành', 's001', 'relative', '2023-12-29', '2024-01-08', null],
  ['Trong vòng 30 ngày kể từ ngày ký', 'y2024', 'relative', '2024-03-15', '2024-04-14', null],
  [
    'Trong 10 ngày làm việc kể từ ngày ban hành Kế hoạch',
    'y2024',
    'relative',
    '2024-03-15',
    '2024-03-29',
    null,
  ],
  [
    'Trong 2 tháng kể từ ngày Kế hoạch có hiệu lực',
    'y2024',
    'relative',
    '2024-03-15',
    '2024-05-15',
    null,
  ],
  ['Trong 10 ngày', 'y2024', 'relative', '2024-03-15', '2024-03-25', null],
  ['Trong 10 ngày kể từ ngày ban hành', 'none', 'relative', null, null, null],
  // ── Vague and none ──
  ['Theo tiến độ', 'y2024', 'vague', null, null, null],
  ['Kịp thời', 'y2024', 'vague', null, null, null],
  ['Đột xuất', 'y2024', 'vague', null, null, null],
  ['Độ xuất', 'y2024', 'vague', null, null, null],
  ['Theo quy định', 'y2024', 'vague', null, null, null],
  ['Khi cần thiết', 'y2024', 'vague', null, null, null],
  ['Kịp thời', 'none', 'vague', null, null, null],
  ['Kịp thời, trước 15/3/2024', 'y2024', 'date', null, '2024-03-14', null], // a date beats the word
  ['Thường xuyên trong năm 2024', 'y2024', 'period', '2024-01-01', '2024-12-31', null], // likewise
  ['Đã hoàn thành', 'y2024', 'none', null, null, null],
  ['Đã thực hiện xong', 'y2024', 'none', null, null, null],
  // ── Parentheses are remarks, not deadlines ──
  [
    'Quý I/2025 (phù hợp giai đoạn 2021 - 2030)',
    'y2024',
    'period',
    '2025-01-01',
    '2025-03-31',
    null,
  ],
  ['Năm 2024 (theo Kế hoạch số 12/KH-UBND)', 'y2024', 'period', '2024-01-01', '2024-12-31', null],
  ['(Quý I/2025)', 'y2024', 'period', '2025-01-01', '2025-03-31', null], // nothing outside: read inside
  // ── Typography: NFD, NBSP, spaces, markup ──
  [NFD('Tháng 12/2023'), 'y2024', 'period', '2023-12-01', '2023-12-31', null],
  [NFD('Hằng năm'), 'y2024', 'recurring', '2024-01-01', '2024-12-31', 'yearly'],
  [NFD('Trước ngày 10/01/2024'), 'y2024', 'date', null, '2024-01-09', null],
  ['Quý\u00a0III/2019', 'y2024', 'period', '2019-07-01', '2019-09-30', null],
  ['  Tháng   12/2023  ', 'y2024', 'period', '2023-12-01', '2023-12-31', null],
  ['Giai đoạn 2023–2025', 'y2024', 'range', '2023-01-01', '2025-12-31', null],
  ['<b>Quý IV/2018</b>', 'y2024', 'period', '2018-10-01', '2018-12-31', null],
  ['**Năm 2021**', 'y2024', 'period', '2021-01-01', '2021-12-31', null],
];

describe('readTimeExpression: table', () => {
  it('has at least 100 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(100);
  });

  it.each(ROWS)('%j [%s] → %s %s..%s %s', (text, ctx, kind, start, due, recurrence) => {
    const reading = readTimeExpression(text, CTX[ctx]);
    expect(reading).toEqual({ kind, start, due, recurrence, understood: true });
    expect(reading.parts).toBeUndefined();
  });
});

// Text that must not be read as a deadline, and text with nothing to read.
const UNREAD: [text: string, ctx: Ctx, understood: boolean][] = [
  ['Thông tư 02/2017/TT-VPCP', 'y2024', false], // a document number, not February 2017
  ['Nghị định số 61/2018', 'y2024', false], // month 61 does not exist
  ['31/02/2024', 'y2024', false],
  ['Ngày 29/02/2023', 'y2024', false],
  ['Tháng 13/2024', 'y2024', false],
  ['Quý V/2019', 'y2024', false],
  ['Từ tháng 6/2024 - 2/2024', 'y2024', false], // inverted range
  ['Bộ phận một cửa', 'y2024', false],
  ['Hoàn thành', 'y2024', false],
  ['Trong quý', 'y2024', false], // which quarter?
  ['1.600 hồ sơ', 'y2024', false],
  // No year anywhere: a month or a day cannot be placed.
  ['Tháng 12', 'none', false],
  ['Quý II', 'none', false],
  ['6 tháng đầu năm', 'none', false],
  ['Trước 15/01', 'none', false],
  ['Cuối năm', 'none', false],
  // Empty: "time missing" is another finding, not a misreading.
  ['', 'y2024', true],
  ['   ', 'y2024', true],
  ['-', 'y2024', true],
  ['<p></p>', 'y2024', true],
];

describe('readTimeExpression: nothing to read', () => {
  it.each(UNREAD)('%j [%s] → kind null, understood %s', (text, ctx, understood) => {
    expect(readTimeExpression(text, CTX[ctx])).toEqual({
      kind: null,
      start: null,
      due: null,
      recurrence: null,
      understood,
    });
  });
});

interface PartsRow {
  text: string;
  ctx: Ctx;
  kind: TimeKind;
  start: string | null;
  due: string | null;
  recurrence: Recurrence | null;
  parts: TimePart[];
}

const part = (
  text: string,
  kind: TimeKind,
  start: string | null,
  due: string | null,
  recurrence: Recurrence | null = null,
): TimePart => ({ text, kind, start, due, recurrence });

const SEED_004_GROUPS = {
  whole: part('Giai đoạn 2018 - 2020', 'range', '2018-01-01', '2020-12-31'),
  so: part(
    'Quý IV/2018 (Đề án thành lập Trung tâm PVHC công)',
    'period',
    '2018-10-01',
    '2018-12-31',
  ),
  huyen: part('Năm 2018 và các năm tiếp theo', 'recurring', '2018-01-01', '2018-12-31', 'yearly'),
  xa: part('Hoàn thành trong giai đoạn 2018 - 2020', 'range', '2018-01-01', '2020-12-31'),
};

// Several times in one cell: every part, and the top level from the earliest due (first on a tie).
const PARTS: PartsRow[] = [
  {
    // Seed 004, task 3: a lost line break between two times.
    text: 'Giai đoạn 2018 - 2020 Quý IV/2018 (Đề án thành lập Trung tâm PVHC công)',
    ctx: 's004',
    kind: 'period',
    start: '2018-10-01',
    due: '2018-12-31',
    recurrence: null,
    parts: [SEED_004_GROUPS.whole, SEED_004_GROUPS.so],
  },
  {
    // Seed 004, task 3's continuation row, as written.
    text: '<p>Năm 2018 và các năm tiếp theo</p> <p>Hoàn thành trong giai đoạn 2018 - 2020</p>',
    ctx: 's004',
    kind: 'recurring',
    start: '2018-01-01',
    due: '2018-12-31',
    recurrence: 'yearly',
    parts: [SEED_004_GROUPS.huyen, SEED_004_GROUPS.xa],
  },
  {
    // Seed 004, task 3, both rows joined (the golden file's cell text).
    text:
      'Giai đoạn 2018 - 2020 Quý IV/2018 (Đề án thành lập Trung tâm PVHC công)\n' +
      'Năm 2018 và các năm tiếp theo\nHoàn thành trong giai đoạn 2018 - 2020',
    ctx: 's004',
    kind: 'period',
    start: '2018-10-01',
    due: '2018-12-31',
    recurrence: null,
    parts: [SEED_004_GROUPS.whole, SEED_004_GROUPS.so, SEED_004_GROUPS.huyen, SEED_004_GROUPS.xa],
  },
  {
    text: 'Quý III/2024; Quý I/2024',
    ctx: 'y2024',
    kind: 'period',
    start: '2024-01-01',
    due: '2024-03-31',
    recurrence: null,
    parts: [
      part('Quý III/2024', 'period', '2024-07-01', '2024-09-30'),
      part('Quý I/2024', 'period', '2024-01-01', '2024-03-31'),
    ],
  },
  {
    // Periods that do not touch stay separate; "Quý I" borrows the year of its neighbour.
    text: 'Quý I và quý III/2024',
    ctx: 'none',
    kind: 'period',
    start: '2024-01-01',
    due: '2024-03-31',
    recurrence: null,
    parts: [
      part('Quý I và', 'period', '2024-01-01', '2024-03-31'),
      part('quý III/2024', 'period', '2024-07-01', '2024-09-30'),
    ],
  },
  {
    text: 'Thường xuyên\nBáo cáo trước 15/12/2024\nTổng kết tháng 1/2025',
    ctx: 'y2024',
    kind: 'date',
    start: null,
    due: '2024-12-14',
    recurrence: null,
    parts: [
      part('Thường xuyên', 'continuous', null, null),
      part('Báo cáo trước 15/12/2024', 'date', null, '2024-12-14'),
      part('Tổng kết tháng 1/2025', 'period', '2025-01-01', '2025-01-31'),
    ],
  },
];

describe('readTimeExpression: several times in one cell', () => {
  it.each(PARTS)('$text', ({ text, ctx, kind, start, due, recurrence, parts }) => {
    expect(readTimeExpression(text, CTX[ctx])).toEqual({
      kind,
      start,
      due,
      recurrence,
      understood: true,
      parts,
    });
  });

  it('drops a line no rule reads when another line is understood', () => {
    expect(readTimeExpression('* Nhóm UBND cấp xã:\nQuý I/2019', CTX.s004)).toEqual({
      kind: 'period',
      start: '2019-01-01',
      due: '2019-03-31',
      recurrence: null,
      understood: true,
    });
  });
});

describe('readTimeExpression: beforeInclusive', () => {
  const inclusive = (ctx: TimeContext): TimeContext => ({ ...ctx, beforeInclusive: true });

  it.each([
    ['Trước 10/01/2024', CTX.s001, '2024-01-10'],
    ['trước ngày 30/8/2017', CTX.s003, '2017-08-30'],
    ['Trước 15/01', CTX.y2024, '2024-01-15'],
    ['Trước cuối tháng 3/2024', CTX.y2024, '2024-03-31'],
    // A year, month or quarter has no "date itself": still the day before it starts.
    ['Trước năm 2022', CTX.y2024, '2021-12-31'],
    ['Trước tháng 6/2024', CTX.y2024, '2024-05-31'],
  ])('%j → %s', (text, ctx, due) => {
    expect(readTimeExpression(text, inclusive(ctx))).toEqual({
      kind: 'date',
      start: null,
      due,
      recurrence: null,
      understood: true,
    });
  });

  it('defaults to the day before', () => {
    expect(readTimeExpression('Trước cuối tháng 3/2024', CTX.y2024).due).toBe('2024-03-30');
  });
});

type ColumnRow = [
  startText: string,
  dueText: string,
  ctx: Ctx,
  kind: TimeKind | null,
  start: string | null,
  due: string | null,
  recurrence: Recurrence | null,
  understood: boolean,
];

const COLUMNS: ColumnRow[] = [
  // Seed 000 pairs.
  ['Tháng 02/2019', 'Tháng 02/2019', 's000', 'period', '2019-02-01', '2019-02-28', null, true],
  ['', 'Tháng 12/2019', 's000', 'period', null, '2019-12-31', null, true],
  ['Tháng 02/2019', 'Tháng 12/2019', 's000', 'range', '2019-02-01', '2019-12-31', null, true],
  ['Thường xuyên', '', 's000', 'continuous', null, null, null, true],
  ['', 'Quý III/2019', 's000', 'period', null, '2019-09-30', null, true],
  [
    'Thực hiện hàng Quý, năm',
    '',
    's000',
    'recurring',
    '2019-01-01',
    '2019-03-31',
    'quarterly',
    true,
  ],
  ['Năm 2019', '', 's000', 'period', '2019-01-01', '2019-12-31', null, true],
  [
    'Tháng 2/2019 (gửi kèm theo Kế hoạch này)',
    '',
    's000',
    'period',
    '2019-02-01',
    '2019-02-28',
    null,
    true,
  ],
  // Equal up to case and spacing: one period.
  ['tháng 02/2019', ' Tháng 02/2019 ', 's000', 'period', '2019-02-01', '2019-02-28', null, true],
  ['15/3/2019', '30/6/2019', 's000', 'range', '2019-03-15', '2019-06-30', null, true],
  ['Quý I/2019', 'Quý III/2019', 's000', 'range', '2019-01-01', '2019-09-30', null, true],
  // A continuous, recurring or conditional cell keeps its kind; dates come from both cells.
  ['Tháng 02/2019', 'Thường xuyên', 's000', 'continuous', '2019-02-01', null, null, true],
  ['Hàng năm', 'Tháng 12/2019', 's000', 'recurring', '2019-01-01', '2019-12-31', 'yearly', true],
  ['Sau khi có hướng dẫn', 'Tháng 12/2019', 's000', 'conditional', null, '2019-12-31', null, true],
  ['Tháng 02/2019', 'Hàng quý', 's000', 'recurring', '2019-02-01', '2019-03-31', 'quarterly', true],
  // An undated start cell adds nothing.
  ['Kịp thời', 'Tháng 12/2019', 's000', 'period', '2019-12-01', '2019-12-31', null, true],
  // Mistakes to report, not to guess.
  ['Tháng 12/2019', 'Tháng 02/2019', 's000', null, null, null, null, false],
  ['Bộ phận một cửa', 'Tháng 12/2019', 's000', null, null, null, null, false],
  ['', '', 's000', null, null, null, null, true],
];

describe('readTimeColumns', () => {
  it.each(COLUMNS)(
    '%j + %j [%s] → %s %s..%s',
    (startText, dueText, ctx, kind, start, due, recurrence, understood) => {
      expect(readTimeColumns(startText, dueText, CTX[ctx])).toEqual({
        kind,
        start,
        due,
        recurrence,
        understood,
      });
    },
  );
});
