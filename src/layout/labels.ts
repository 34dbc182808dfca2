// Every word the workbook shows, in Vietnamese and English. Formulas compare against these
// labels, so one table keeps the formulas, the drop-down and the colours in step.

import type { StatusCategory, WorkState } from '../core/status';
import type { Severity, TimeKind } from '../core/plan/types';

export type Language = 'vi' | 'en';

export interface Labels {
  sheets: Record<'dashboard' | 'tasks' | 'findings' | 'units' | 'assignments' | 'settings', string>;
  states: Record<WorkState, string>;
  categories: Record<StatusCategory, string>;
  kinds: Record<TimeKind, string>;
  recurrence: Record<'monthly' | 'quarterly' | 'half-yearly' | 'yearly', string>;
  severities: Record<Severity, string>;
  roles: { lead: string; support: string };
  yes: string;
  words: Record<string, string>;
}

const VI: Labels = {
  sheets: {
    dashboard: 'Tổng hợp',
    tasks: 'Nhiệm vụ',
    findings: 'Kiểm tra',
    units: 'Đơn vị',
    assignments: 'Phân công',
    settings: 'Cài đặt',
  },
  states: {
    'not-started': 'Chưa thực hiện',
    'in-progress': 'Đang thực hiện',
    done: 'Hoàn thành',
    paused: 'Tạm dừng',
    cancelled: 'Đã hủy',
  },
  categories: {
    'done-on-time': 'Hoàn thành đúng hạn',
    'done-late': 'Hoàn thành quá hạn',
    overdue: 'Quá hạn',
    'due-soon': 'Sắp đến hạn',
    'on-track': 'Trong hạn',
    'no-deadline': 'Không thời hạn',
    waiting: 'Chờ điều kiện',
    paused: 'Tạm dừng',
    cancelled: 'Đã hủy',
  },
  kinds: {
    date: 'Ngày cụ thể',
    period: 'Trong kỳ',
    range: 'Khoảng thời gian',
    recurring: 'Định kỳ',
    continuous: 'Thường xuyên',
    conditional: 'Có điều kiện',
    relative: 'Kể từ ngày ban hành',
    vague: 'Không rõ',
    none: 'Đã hoàn thành',
  },
  recurrence: { monthly: 'tháng', quarterly: 'quý', 'half-yearly': '6 tháng', yearly: 'năm' },
  severities: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' },
  roles: { lead: 'Chủ trì', support: 'Phối hợp' },
  yes: 'x',
  words: {
    code: 'Mã',
    section: 'Mục',
    stt: 'STT',
    task: 'Nhiệm vụ',
    lead: 'Chủ trì',
    support: 'Phối hợp',
    time: 'Thời gian',
    start: 'Bắt đầu',
    due: 'Hạn',
    kind: 'Loại thời hạn',
    product: 'Sản phẩm',
    state: 'Trạng thái',
    progress: 'Tiến độ (%)',
    completed: 'Ngày hoàn thành',
    status: 'Tình trạng',
    daysLeft: 'Còn lại (ngày)',
    note: 'Ghi chú',
    overdueOrder: 'Thứ tự quá hạn',
    row: 'Dòng',
    unit: 'Đơn vị',
    role: 'Vai trò',
    trackerTitle: 'SỔ THEO DÕI NHIỆM VỤ',
    dashboardTitle: 'TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ',
    asOf: 'Tính đến ngày',
    leadUnit: 'Đơn vị chủ trì',
    total: 'Tổng số',
    dueCount: 'Đến hạn',
    pendingInTime: 'Chưa hoàn thành trong hạn',
    pctDone: '% hoàn thành',
    pctOnTime: '% đúng hạn',
    wholePlan: 'Toàn kế hoạch',
    overdueList: 'NHIỆM VỤ QUÁ HẠN',
    daysLate: 'Số ngày quá hạn',
    overdueTotal: 'tổng số',
    pctNote:
      '% tính trên số nhiệm vụ đã đến hạn (hạn ≤ ngày báo cáo). Nhiệm vụ có nhiều đơn vị chủ trì được tính cho mỗi đơn vị.',
    noTasks: 'Văn bản không có bảng phân công nhiệm vụ, nên chưa có nhiệm vụ để theo dõi.',
    tablesFound: 'Các bảng tìm thấy trong văn bản',
    tableKind: 'Loại bảng',
    tableTitle: 'Tiêu đề',
    tableRows: 'Dòng',
    asLead: 'NHIỆM VỤ CHỦ TRÌ',
    asSupport: 'NHIỆM VỤ PHỐI HỢP',
    none: '(không có)',
    settingsTitle: 'CÀI ĐẶT',
    reportDate: 'Ngày báo cáo',
    reportDateHelp:
      'Mặc định =TODAY() (hôm nay). Gõ một ngày cố định để xem tình hình tại ngày đó.',
    dueSoon: 'Số ngày "sắp đến hạn"',
    dueSoonHelp: 'Nhiệm vụ chưa xong có hạn trong số ngày này được tô màu vàng.',
    planYear: 'Năm kế hoạch',
    legend: 'CHÚ GIẢI MÀU (cột Tình trạng)',
    stateList: 'DANH SÁCH TRẠNG THÁI (ô chọn ở cột Trạng thái)',
    madeBy:
      'Tạo bởi PhuLuc. Có thể chỉnh Trạng thái, Tiến độ, Ngày hoàn thành, Ghi chú; màu và số liệu tự cập nhật.',
    findingsTitle: 'CÁC ĐIỂM CẦN KIỂM TRA',
    severity: 'Mức độ',
    findingCode: 'Mã kiểm tra',
    sourceRows: 'Dòng nguồn',
    message: 'Nội dung',
    suggestion: 'Gợi ý',
    noFindings: 'Không có điểm nào cần kiểm tra.',
    unitsTitle: 'DANH MỤC ĐƠN VỊ',
    unitName: 'Tên đơn vị',
    aliases: 'Các cách viết',
    group: 'Nhóm',
    sheet: 'Trang tính',
    leadCount: 'Số nhiệm vụ chủ trì',
    supportCount: 'Số nhiệm vụ phối hợp',
    assignmentsTitle: 'PHÂN CÔNG (một dòng cho mỗi đơn vị của mỗi nhiệm vụ)',
    plan: 'Kế hoạch',
    dated: 'ngày',
    tasksKind: 'bảng nhiệm vụ',
    reportForm: 'biểu mẫu báo cáo',
    otherTable: 'bảng khác',
    statePrompt: 'Chọn trạng thái trong danh sách.',
    progressPrompt: 'Số từ 0 đến 100.',
    datePrompt: 'Ngày dạng dd/mm/yyyy.',
    invalid: 'Giá trị không hợp lệ',
  },
};

const EN: Labels = {
  sheets: {
    dashboard: 'Dashboard',
    tasks: 'Tasks',
    findings: 'Checks',
    units: 'Units',
    assignments: 'Assignments',
    settings: 'Settings',
  },
  states: {
    'not-started': 'Not started',
    'in-progress': 'In progress',
    done: 'Done',
    paused: 'Paused',
    cancelled: 'Cancelled',
  },
  categories: {
    'done-on-time': 'Done on time',
    'done-late': 'Done late',
    overdue: 'Overdue',
    'due-soon': 'Due soon',
    'on-track': 'On track',
    'no-deadline': 'No deadline',
    waiting: 'Waiting',
    paused: 'Paused',
    cancelled: 'Cancelled',
  },
  kinds: {
    date: 'Date',
    period: 'Period',
    range: 'Range',
    recurring: 'Recurring',
    continuous: 'Continuous',
    conditional: 'Conditional',
    relative: 'From issue date',
    vague: 'Vague',
    none: 'Already done',
  },
  recurrence: {
    monthly: 'monthly',
    quarterly: 'quarterly',
    'half-yearly': 'half-yearly',
    yearly: 'yearly',
  },
  severities: { error: 'Error', warning: 'Warning', info: 'Note' },
  roles: { lead: 'Lead', support: 'Coordinating' },
  yes: 'x',
  words: {
    code: 'ID',
    section: 'Section',
    stt: 'No.',
    task: 'Task',
    lead: 'Lead',
    support: 'Coordinating',
    time: 'Time',
    start: 'Start',
    due: 'Due',
    kind: 'Deadline type',
    product: 'Deliverable',
    state: 'State',
    progress: 'Progress (%)',
    completed: 'Completed on',
    status: 'Status',
    daysLeft: 'Days left',
    note: 'Notes',
    overdueOrder: 'Overdue order',
    row: 'Row',
    unit: 'Unit',
    role: 'Role',
    trackerTitle: 'TASK TRACKER',
    dashboardTitle: 'PROGRESS DASHBOARD',
    asOf: 'As of',
    leadUnit: 'Lead unit',
    total: 'Total',
    dueCount: 'Due',
    pendingInTime: 'Not done, in time',
    pctDone: '% done',
    pctOnTime: '% on time',
    wholePlan: 'Whole plan',
    overdueList: 'OVERDUE TASKS',
    daysLate: 'Days late',
    overdueTotal: 'in all',
    pctNote:
      '% of the tasks already due (due date ≤ report date). A task with several lead units counts for each.',
    noTasks: 'The document has no task table, so there is no task to track yet.',
    tablesFound: 'Tables found in the document',
    tableKind: 'Kind',
    tableTitle: 'Title',
    tableRows: 'Rows',
    asLead: 'TASKS AS LEAD',
    asSupport: 'TASKS AS COORDINATOR',
    none: '(none)',
    settingsTitle: 'SETTINGS',
    reportDate: 'Report date',
    reportDateHelp: 'Default =TODAY(). Type a fixed date to see the situation on that day.',
    dueSoon: '"Due soon" window (days)',
    dueSoonHelp: 'Unfinished tasks due within this many days are shown in amber.',
    planYear: 'Plan year',
    legend: 'COLOUR LEGEND (Status column)',
    stateList: 'STATES (drop-down of the State column)',
    madeBy:
      'Made by PhuLuc. Edit State, Progress, Completed on and Notes; colours and figures update by themselves.',
    findingsTitle: 'CHECKS',
    severity: 'Severity',
    findingCode: 'Check',
    sourceRows: 'Source rows',
    message: 'Message',
    suggestion: 'Suggestion',
    noFindings: 'Nothing to check.',
    unitsTitle: 'UNIT DIRECTORY',
    unitName: 'Unit',
    aliases: 'Spellings',
    group: 'Group',
    sheet: 'Sheet',
    leadCount: 'Tasks as lead',
    supportCount: 'Tasks as coordinator',
    assignmentsTitle: 'ASSIGNMENTS (one row per unit of each task)',
    plan: 'Plan',
    dated: 'of',
    tasksKind: 'task table',
    reportForm: 'report form',
    otherTable: 'other table',
    statePrompt: 'Pick a state from the list.',
    progressPrompt: 'A number from 0 to 100.',
    datePrompt: 'A date, dd/mm/yyyy.',
    invalid: 'Invalid value',
  },
};

export function labelsFor(language: Language): Labels {
  return language === 'en' ? EN : VI;
}

/** The work state a label names, in either language ("Hoàn thành" / "Done" → done). */
export function stateOfLabel(label: string | undefined | null): WorkState | null {
  if (!label) return null;
  const wanted = label.trim().toLowerCase();
  for (const labels of [VI, EN]) {
    for (const [state, text] of Object.entries(labels.states) as [WorkState, string][]) {
      if (text.toLowerCase() === wanted) return state;
    }
  }
  return null;
}
