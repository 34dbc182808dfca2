// Every word the task pane shows, Vietnamese first, English second. Plain words for office staff:
// say what happened and what to do next.

import type { ColumnRole, Severity, TimeKind } from '../core/plan/types';
import { plural, type Language } from '../core/text/language';
import { viDate } from '../core/time/calendar';
import type { SheetKind } from '../layout/types';
import type { ErrorCode } from './model/errors';

export type { Language };

export type StepId = 'source' | 'preview' | 'findings' | 'build' | 'units' | 'settings';

export interface ErrorText {
  title: string;
  /** What to do next. */
  next: string;
}

export interface Strings {
  appName: string;
  tagline: string;
  switchLanguage: string;
  switchLanguageLabel: string;
  hostExcel: string;
  hostStandalone: string;
  hostConnecting: string;
  hostOtherOffice: (host: string) => string;
  steps: Record<StepId, string>;
  stepsLabel: string;
  next: (step: string) => string;
  busy: string;
  dismiss: string;
  technicalDetails: string;

  source: {
    intro: string;
    excelTitle: string;
    excelHint: string;
    useSelection: string;
    pasteTitle: string;
    pasteLabel: string;
    pastePlaceholder: string;
    pasteHint: string;
    readPasted: string;
    clear: string;
    fileTitle: string;
    openFile: string;
    fileHint: string;
    dropHint: string;
    sampleTitle: string;
    sampleButton: string;
    sampleHint: string;
    current: string;
    kinds: Record<'paste' | 'file' | 'sample' | 'selection', string>;
    sampleLabel: string;
    readSummary: (tasks: number, sections: number) => string;
    readingFile: (name: string) => string;
    readingExcel: string;
    unitsSaved: (units: number) => string;
    unitsOpened: (units: number, file: string) => string;
  };

  preview: {
    empty: string;
    goToSource: string;
    documentTitle: string;
    number: string;
    date: string;
    place: string;
    title: string;
    year: string;
    unknown: string;
    counts: (tasks: number, sections: number, units: number) => string;
    columnsTitle: string;
    columnsHint: string;
    columnLabel: (index: number, header: string) => string;
    noHeader: string;
    resetColumns: string;
    tableCaption: (index: number, kind: string, rows: string) => string;
    tableKinds: Record<'tasks' | 'report-form' | 'other', string>;
    otherTables: (count: number) => string;
    tasksTitle: string;
    tasksCaption: (count: number) => string;
    colId: string;
    colTask: string;
    colLead: string;
    colSupport: string;
    colDue: string;
    colProduct: string;
    noSection: string;
    noTasks: string;
    unitsTitle: (count: number) => string;
    unitLead: (n: number) => string;
    unitSupport: (n: number) => string;
    groupUnit: string;
    leadShort: string;
    dueShort: string;
    supportShort: string;
    productShort: string;
    fieldNames: Record<'title' | 'lead' | 'support' | 'time', string>;
    edit: string;
    editLabel: (field: string, task: string) => string;
    save: string;
    cancel: string;
    editHints: Record<'title' | 'lead' | 'support' | 'time', string>;
    startLabel: string;
    dueLabel: string;
    edited: string;
    showMore: string;
    showLess: string;
    showMoreLabel: (what: string, task: string) => string;
    unitsIntro: string;
    suggestionsTitle: string;
    suggestionHint: string;
    keepName: string;
    merge: string;
    notSame: string;
    mergeSelected: (n: number) => string;
    mergeInto: string;
    selectUnit: (name: string) => string;
    spellings: string;
    split: string;
    splitLabel: (alias: string) => string;
    directoryTitle: string;
    directoryNone: string;
    directoryKept: (n: number) => string;
    directoryHint: string;
    saveDirectory: string;
    exportDirectory: string;
    openDirectory: string;
    forgetDirectory: string;
  };

  roles: Record<ColumnRole | 'none', string>;
  kinds: Record<TimeKind, string>;

  findings: {
    empty: string;
    none: string;
    summary: (errors: number, warnings: number, infos: number) => string;
    severities: Record<Severity, string>;
    severityHints: Record<Severity, string>;
    task: (id: string) => string;
    wholePlan: string;
    rows: (rows: string) => string;
    fields: Record<'stt' | 'title' | 'lead' | 'support' | 'time' | 'product', string>;
    suggestion: string;
    apply: string;
    showInExcel: string;
    showInPreview: string;
    editInPreview: string;
    applied: (n: number) => string;
    appliedHint: string;
    undo: string;
    undoAll: string;
    selected: (address: string) => string;
  };

  build: {
    title: string;
    empty: string;
    noTasks: string;
    noTasksNext: string;
    intro: string;
    introExcel: string;
    willContain: string;
    settingsLine: (reportDate: string, dueSoon: number) => string;
    today: string;
    errorsLeft: (n: number) => string;
    download: string;
    writeExcel: string;
    again: string;
    phases: Record<'load' | 'layout' | 'render' | 'write' | 'save' | 'done', string>;
    progressLabel: string;
    doneDownload: (file: string, size: string) => string;
    doneExcel: string;
    sheetsTitle: (n: number) => string;
    sheetKinds: Record<SheetKind, string>;
    counts: (tasks: number, units: number, findings: number) => string;
    openHint: string;
    openHintExcel: string;
    kept: (n: number) => string;
    notesTitle: string;
    downloadAgain: string;
    rebuild: {
      title: string;
      kept: (n: number) => string;
      renumbered: (n: number) => string;
      edited: (n: number) => string;
      added: (n: number) => string;
      removed: (n: number) => string;
      typed: (n: number) => string;
      restored: (n: number) => string;
      apart: (n: number) => string;
    };
  };

  /** Questions a rebuild inside Excel asks before it changes anything. */
  question: {
    planTitle: string;
    planIntro: (percent: number) => string;
    planBefore: string;
    planAfter: string;
    planFacts: (p: {
      number: string | null;
      date: string | null;
      title: string | null;
      tasks: number;
    }) => string;
    untitled: string;
    planKeeps: string;
    replace: string;
    keep: string;
    pairsTitle: string;
    pairsIntro: string;
    pairOld: (code: string) => string;
    pairNew: (code: string) => string;
    same: string;
    go: string;
    cancel: string;
  };

  settings: {
    intro: string;
    reportDate: string;
    reportDateToday: string;
    reportDateFixed: string;
    reportDateInput: string;
    reportDateHint: string;
    reportDateInvalid: string;
    dueSoon: string;
    dueSoonHint: string;
    dueSoonInvalid: string;
    beforeRule: string;
    beforeExclusive: string;
    beforeInclusive: string;
    beforeHint: string;
    includeSupport: string;
    includeSupportHint: string;
    groupSheets: string;
    groupSheetsHint: string;
    deadlinesTitle: string;
    workbookTitle: string;
    language: string;
    languageLabel: string;
    languageHint: string;
  };

  errors: Record<ErrorCode, ErrorText>;
  crash: ErrorText & { reload: string };
}

const vi: Strings = {
  appName: 'PhuLuc',
  tagline: 'Phụ lục kế hoạch → sổ theo dõi nhiệm vụ',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  hostExcel: 'Trong Excel',
  hostStandalone: 'Ngoài Excel: tải tệp .xlsx về máy',
  hostConnecting: 'Đang kết nối với Excel…',
  hostOtherOffice: (host) => `Đang chạy trong ${host}: chỉ tải tệp .xlsx`,
  steps: {
    source: 'Nguồn',
    preview: 'Xem trước',
    findings: 'Kiểm tra',
    build: 'Tạo sổ',
    units: 'Đơn vị báo cáo',
    settings: 'Cài đặt',
  },
  stepsLabel: 'Các bước',
  next: (step) => `Tiếp: ${step}`,
  busy: 'Đang xử lý…',
  dismiss: 'Đóng',
  technicalDetails: 'Chi tiết kỹ thuật',

  source: {
    intro: 'Chọn phụ lục kế hoạch cần chuyển thành sổ theo dõi.',
    excelTitle: 'Từ trang tính đang mở',
    excelHint:
      'Chọn cả bảng phụ lục, kể cả dòng tiêu đề (STT, Nhiệm vụ…), rồi bấm. Chỉ chọn một ô: PhuLuc đọc cả trang tính.',
    useSelection: 'Dùng vùng đang chọn',
    pasteTitle: 'Dán văn bản',
    pasteLabel: 'Nội dung phụ lục',
    pastePlaceholder: 'Dán phụ lục từ Word, PDF hoặc Excel (Ctrl+V)…',
    pasteHint:
      'Dán cả bảng, kể cả dòng tiêu đề (STT, Nhiệm vụ, Đơn vị chủ trì…). Có thể dán cả văn bản kế hoạch.',
    readPasted: 'Đọc nội dung đã dán',
    clear: 'Xóa',
    fileTitle: 'Mở tệp',
    openFile: 'Chọn tệp…',
    fileHint: 'Word (.docx), PDF có chữ, Excel (.xlsx), văn bản (.txt, .tsv).',
    dropHint: 'hoặc kéo tệp thả vào đây',
    sampleTitle: 'Chưa có phụ lục trong tay?',
    sampleButton: 'Dùng kế hoạch mẫu',
    sampleHint: 'Kế hoạch 15/KH-UBND của UBND thị xã Từ Sơn (2019): 20 nhiệm vụ trong 6 mục.',
    current: 'Đang dùng',
    kinds: {
      paste: 'Văn bản dán',
      file: 'Tệp',
      sample: 'Kế hoạch mẫu',
      selection: 'Trang tính Excel',
    },
    sampleLabel: 'Kế hoạch mẫu 15/KH-UBND',
    readSummary: (tasks, sections) =>
      `Đã đọc ${plural('vi', tasks, { other: '# nhiệm vụ' })}` +
      (sections > 0 ? ` trong ${sections} mục.` : '.'),
    readingFile: (name) => `Đang đọc tệp ${name}…`,
    readingExcel: 'Đang đọc bảng từ Excel…',
    unitsSaved: (n) =>
      `Đã lưu danh mục ${plural('vi', n, { other: '# đơn vị' })} trên máy này: các kế hoạch đọc sau dùng danh mục này.`,
    unitsOpened: (n, file) =>
      `Đã mở danh mục ${plural('vi', n, { other: '# đơn vị' })} từ tệp ${file} và lưu trên máy này.`,
  },

  preview: {
    empty: 'Chưa có phụ lục. Hãy chọn nguồn ở bước 1.',
    goToSource: 'Chọn nguồn',
    documentTitle: 'Văn bản',
    number: 'Số',
    date: 'Ngày',
    place: 'Nơi ban hành',
    title: 'Trích yếu',
    year: 'Năm kế hoạch',
    unknown: 'không rõ',
    counts: (tasks, sections, units) =>
      [
        plural('vi', tasks, { other: '# nhiệm vụ' }),
        plural('vi', sections, { other: '# mục' }),
        plural('vi', units, { other: '# đơn vị' }),
      ].join(' · '),
    columnsTitle: 'Các cột của bảng',
    columnsHint: 'Nếu một cột bị nhận sai, hãy chọn lại; bản xem trước cập nhật ngay.',
    columnLabel: (index, header) => `Cột ${index}: ${header}`,
    noHeader: '(không tiêu đề)',
    resetColumns: 'Khôi phục cột tự nhận',
    tableCaption: (index, kind, rows) => `Bảng ${index} · ${kind} · dòng ${rows}`,
    tableKinds: { tasks: 'bảng nhiệm vụ', 'report-form': 'biểu mẫu báo cáo', other: 'bảng khác' },
    otherTables: (count) => plural('vi', count, { other: '# bảng khác' }),
    tasksTitle: 'Nhiệm vụ',
    tasksCaption: (count) => `Danh sách ${plural('vi', count, { other: '# nhiệm vụ' })} theo mục`,
    colId: 'Mã',
    colTask: 'Nhiệm vụ',
    colLead: 'Chủ trì',
    colSupport: 'Phối hợp',
    colDue: 'Hạn',
    colProduct: 'Sản phẩm',
    noSection: 'Không thuộc mục nào',
    noTasks: 'Chưa đọc được nhiệm vụ nào.',
    unitsTitle: (count) => `Đơn vị (${count})`,
    unitLead: (n) => `chủ trì ${n}`,
    unitSupport: (n) => `phối hợp ${n}`,
    groupUnit: 'nhóm',
    leadShort: 'Chủ trì',
    dueShort: 'Hạn',
    supportShort: 'Phối hợp',
    productShort: 'Sản phẩm',
    fieldNames: { title: 'Nội dung', lead: 'Chủ trì', support: 'Phối hợp', time: 'Thời gian' },
    edit: 'Sửa',
    editLabel: (field, task) => `Sửa ${field} của nhiệm vụ ${task}`,
    save: 'Lưu',
    cancel: 'Hủy',
    editHints: {
      title: 'Nội dung nhiệm vụ như trong văn bản.',
      lead: 'Mỗi đơn vị một dòng, hoặc cách nhau bằng dấu chấm phẩy (;).',
      support: 'Mỗi đơn vị một dòng, hoặc cách nhau bằng dấu chấm phẩy (;). Để trống nếu không có.',
      time: 'Ví dụ: Quý II/2024; Trước ngày 15/3/2024; Tháng 6/2024; Thường xuyên.',
    },
    startLabel: 'Bắt đầu',
    dueLabel: 'Hoàn thành',
    edited: 'đã sửa',
    showMore: 'Xem thêm',
    showLess: 'Thu gọn',
    showMoreLabel: (what, task) => `${what} của nhiệm vụ ${task}`,
    unitsIntro:
      'Mỗi đơn vị chủ trì có một trang riêng trong sổ. Gộp các cách viết của cùng một đơn vị để chúng dùng chung một trang.',
    suggestionsTitle: 'Có thể là cùng một đơn vị',
    suggestionHint:
      'Các tên này giống nhau. Bỏ chọn tên không thuộc đơn vị này, chọn tên dùng chung, rồi bấm “Gộp”.',
    keepName: 'Tên dùng chung',
    merge: 'Gộp',
    notSame: 'Không phải một đơn vị',
    mergeSelected: (n) => `Gộp ${plural('vi', n, { other: '# đơn vị' })} đã chọn`,
    mergeInto: 'Gộp vào tên',
    selectUnit: (name) => `Chọn “${name}” để gộp`,
    spellings: 'Cách viết khác',
    split: 'Tách ra',
    splitLabel: (alias) => `Tách “${alias}” thành đơn vị riêng`,
    directoryTitle: 'Danh mục đơn vị của cơ quan',
    directoryNone:
      'Chưa lưu danh mục: PhuLuc tự gộp các cách viết khác nhau của cùng một tên. Lưu danh mục để các kế hoạch sau dùng đúng các đơn vị đã gộp.',
    directoryKept: (n) =>
      `Đang dùng danh mục ${plural('vi', n, { other: '# đơn vị' })} đã lưu trên máy này. Đơn vị chưa có trong danh mục được báo ở bước Kiểm tra.`,
    directoryHint:
      'Tệp danh mục (.csv) mở được bằng Excel và dùng được cho lệnh: phuluc … --units TỆP.',
    saveDirectory: 'Lưu làm danh mục của cơ quan',
    exportDirectory: 'Tải danh mục (.csv)',
    openDirectory: 'Mở tệp danh mục…',
    forgetDirectory: 'Bỏ danh mục đã lưu',
  },

  roles: {
    none: '— Không dùng —',
    stt: 'STT',
    task: 'Nhiệm vụ',
    lead: 'Đơn vị chủ trì',
    support: 'Đơn vị phối hợp',
    time: 'Thời gian',
    start: 'Bắt đầu',
    due: 'Hoàn thành (hạn)',
    product: 'Sản phẩm',
    note: 'Ghi chú',
  },
  kinds: {
    date: 'Ngày cụ thể',
    period: 'Trong kỳ',
    range: 'Khoảng thời gian',
    recurring: 'Định kỳ',
    continuous: 'Thường xuyên',
    conditional: 'Có điều kiện',
    relative: 'Kể từ ngày ban hành',
    vague: 'Không rõ hạn',
    none: 'Đã hoàn thành',
  },

  findings: {
    empty: 'Chưa có phụ lục để kiểm tra.',
    none: 'Không phát hiện vấn đề nào.',
    summary: (e, w, i) =>
      [
        plural('vi', e, { other: '# lỗi' }),
        plural('vi', w, { other: '# cảnh báo' }),
        plural('vi', i, { other: '# lưu ý' }),
      ].join(' · '),
    severities: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' },
    severityHints: {
      error: 'Nên sửa trước khi tạo sổ.',
      warning: 'Nên xem lại.',
      info: 'Để biết.',
    },
    task: (id) => `Nhiệm vụ ${id}`,
    wholePlan: 'Cả văn bản',
    rows: (rows) => `dòng ${rows}`,
    fields: {
      stt: 'STT',
      title: 'Nội dung',
      lead: 'Chủ trì',
      support: 'Phối hợp',
      time: 'Thời gian',
      product: 'Sản phẩm',
    },
    suggestion: 'Gợi ý',
    apply: 'Áp dụng gợi ý',
    showInExcel: 'Chọn ô trong Excel',
    showInPreview: 'Xem trong bảng',
    editInPreview: 'Sửa trong bảng',
    applied: (n) => `Các chỗ đã sửa (${n})`,
    appliedHint: 'Chỉ sửa trong bản PhuLuc đọc được; văn bản gốc không đổi.',
    undo: 'Hoàn tác',
    undoAll: 'Hoàn tác tất cả',
    selected: (address) => `Đã chọn ô ${address} trong Excel.`,
  },

  build: {
    title: 'Sổ theo dõi',
    empty: 'Chưa có phụ lục. Hãy chọn nguồn ở bước 1.',
    noTasks: 'Văn bản không có nhiệm vụ nào để theo dõi, nên không tạo sổ.',
    noTasksNext:
      'Nếu một bảng thực ra là bảng nhiệm vụ, hãy chọn cột “Nhiệm vụ” cho bảng đó ở bước Xem trước. Nếu các hạn nằm trong lời văn, hãy lập bảng phân công rồi dán lại.',
    intro: 'Tạo sổ theo dõi (.xlsx) và tải về máy. Mở được bằng Excel bất kỳ, không cần PhuLuc.',
    introExcel: 'Ghi sổ theo dõi vào bảng tính đang mở. Dữ liệu đã nhập ở lần trước được giữ lại.',
    willContain: 'Sổ sẽ có',
    settingsLine: (d, n) =>
      `Ngày báo cáo: ${d} · Sắp đến hạn: trong ${plural('vi', n, { other: '# ngày' })}`,
    today: 'hôm nay (tự cập nhật)',
    errorsLeft: (n) =>
      `Còn ${plural('vi', n, { other: '# lỗi' })} chưa sửa. Sổ vẫn được tạo; các nhiệm vụ này được ghi vào trang Kiểm tra.`,
    download: 'Tải sổ theo dõi (.xlsx)',
    writeExcel: 'Ghi sổ vào bảng tính này',
    again: 'Tạo lại',
    phases: {
      load: 'Đang tải bộ tạo sổ…',
      layout: 'Đang sắp xếp các trang…',
      render: 'Đang ghi tệp .xlsx…',
      write: 'Đang ghi vào Excel…',
      save: 'Đang lưu tệp…',
      done: 'Xong',
    },
    progressLabel: 'Tiến độ tạo sổ',
    doneDownload: (file, size) => `Đã tạo tệp “${file}” (${size}).`,
    doneExcel: 'Đã ghi sổ theo dõi vào bảng tính này.',
    sheetsTitle: (n) => `${plural('vi', n, { other: '# trang' })} đã ghi`,
    sheetKinds: {
      dashboard: 'tổng hợp cho lãnh đạo',
      tasks: 'danh sách nhiệm vụ, nơi cập nhật tình trạng',
      removed: 'nhiệm vụ đã bỏ khỏi kế hoạch, với những gì đã nhập',
      unit: 'nhiệm vụ của đơn vị',
      findings: 'kết quả kiểm tra',
      units: 'danh mục đơn vị',
      assignments: 'phân công theo đơn vị',
      settings: 'ngày báo cáo và danh sách chọn',
      history: 'lịch sử báo cáo của đơn vị',
      answer: 'phiếu báo cáo của đơn vị',
      ticket: 'dữ liệu nhận diện phiếu',
    },
    counts: (t, u, f) =>
      [
        plural('vi', t, { other: '# nhiệm vụ' }),
        plural('vi', u, { other: '# đơn vị' }),
        plural('vi', f, { other: '# kết quả kiểm tra' }),
      ].join(' · '),
    openHint:
      'Mở tệp bằng Excel. Cập nhật cột “Trạng thái” trên trang Nhiệm vụ; trang Tổng hợp tự tính lại.',
    openHintExcel:
      'Cập nhật cột “Trạng thái” trên trang Nhiệm vụ; trang Tổng hợp tự tính lại. Tạo lại bất cứ lúc nào: dữ liệu đã nhập được giữ.',
    kept: (n) =>
      `Đã giữ các ô nhập (Trạng thái, Tiến độ, Ngày hoàn thành, Ghi chú) của ${plural('vi', n, { other: '# nhiệm vụ' })} từ lần tạo trước.`,
    notesTitle: 'Cần biết',
    downloadAgain: 'Tải lại tệp',
    rebuild: {
      title: 'Những gì lần tạo lại này giữ và thay đổi',
      kept: (n) => `${plural('vi', n, { other: '# nhiệm vụ' })} giữ nguyên.`,
      renumbered: (n) =>
        `${plural('vi', n, { other: '# nhiệm vụ' })} đổi số thứ tự (dữ liệu đã nhập đi theo nhiệm vụ):`,
      edited: (n) => `${plural('vi', n, { other: '# nhiệm vụ' })} được sửa tên:`,
      added: (n) => `${plural('vi', n, { other: '# nhiệm vụ' })} mới:`,
      removed: (n) =>
        `${plural('vi', n, { other: '# nhiệm vụ' })} không còn trong kế hoạch (dữ liệu đã nhập được giữ ở trang “Nhiệm vụ đã bỏ”):`,
      typed: (n) =>
        `${plural('vi', n, { other: '# dòng' })} tự thêm vào danh sách được giữ thành nhiệm vụ:`,
      restored: (n) =>
        `${plural('vi', n, { other: '# nhiệm vụ' })} đã bỏ nay trở lại, cùng dữ liệu đã nhập:`,
      apart: (n) =>
        `${plural('vi', n, { other: '# cặp nhiệm vụ' })} được xác nhận là khác nhau (dữ liệu cũ ở trang “Nhiệm vụ đã bỏ”):`,
    },
  },

  question: {
    planTitle: 'Đây là kế hoạch khác — vẫn ghi đè?',
    planIntro: (percent) =>
      `Kế hoạch này khác kế hoạch mà sổ đang theo dõi: chỉ ${percent}% nhiệm vụ trùng nhau. Chưa có gì thay đổi.`,
    planBefore: 'Sổ đang theo dõi',
    planAfter: 'Kế hoạch vừa đọc',
    planFacts: (p) =>
      [
        p.number,
        p.date ? viDate(p.date) : null,
        p.title,
        plural('vi', p.tasks, { other: '# nhiệm vụ' }),
      ]
        .filter((x) => x)
        .join(' · '),
    untitled: 'không có số, không có tên (một bảng dán vào)',
    planKeeps:
      'Nếu ghi đè, danh sách nhiệm vụ được thay bằng kế hoạch mới; dữ liệu đã nhập của những nhiệm vụ không còn trong kế hoạch được giữ ở trang “Nhiệm vụ đã bỏ”.',
    replace: 'Vẫn ghi đè',
    keep: 'Không, giữ nguyên sổ',
    pairsTitle: 'Có phải cùng một nhiệm vụ?',
    pairsIntro:
      'PhuLuc chưa chắc những nhiệm vụ dưới đây là một. Đánh dấu các cặp là cùng một nhiệm vụ để mang dữ liệu đã nhập sang; cặp không đánh dấu được giữ riêng (dữ liệu cũ ở trang “Nhiệm vụ đã bỏ”).',
    pairOld: (code) => `Trong sổ${code ? ` (${code})` : ''}`,
    pairNew: (code) => `Trong kế hoạch mới (${code})`,
    same: 'Cùng một nhiệm vụ',
    go: 'Tạo sổ',
    cancel: 'Huỷ',
  },

  settings: {
    intro: 'Các thiết lập được nhớ trên máy này.',
    reportDate: 'Ngày báo cáo',
    reportDateToday: 'Hôm nay (sổ tự cập nhật mỗi khi mở)',
    reportDateFixed: 'Một ngày cố định',
    reportDateInput: 'Ngày báo cáo (dd/mm/yyyy)',
    reportDateHint: 'Ví dụ: 30/06/2024',
    reportDateInvalid: 'Ngày chưa đúng. Viết theo dạng ngày/tháng/năm, ví dụ 30/06/2024.',
    dueSoon: 'Số ngày “sắp đến hạn”',
    dueSoonHint: 'Nhiệm vụ chưa xong có hạn trong số ngày này được tô vàng. Thường là 3–7.',
    dueSoonInvalid: 'Nhập một số từ 1 đến 60.',
    beforeRule: 'Cách hiểu “Trước ngày X”',
    beforeExclusive: 'Hạn là ngày liền trước X (mặc định)',
    beforeInclusive: 'Hạn là chính ngày X',
    beforeHint: 'Ví dụ “Trước ngày 10/01/2024”: hạn 09/01/2024 hay 10/01/2024.',
    includeSupport: 'Ghi cả nhiệm vụ phối hợp vào trang của từng đơn vị',
    includeSupportHint: 'Nhiệm vụ đơn vị phối hợp được liệt kê riêng, dưới nhiệm vụ chủ trì.',
    groupSheets: 'Tạo trang riêng cho nhóm đơn vị (“Các phòng chuyên môn”…)',
    groupSheetsHint: 'Mặc định chỉ các đơn vị cụ thể có trang riêng.',
    deadlinesTitle: 'Thời hạn',
    workbookTitle: 'Sổ theo dõi',
    language: 'Ngôn ngữ',
    languageLabel: 'Ngôn ngữ hiển thị',
    languageHint: 'Dùng cho khung này và cho sổ theo dõi.',
  },

  errors: {
    'paste-empty': {
      title: 'Ô dán đang trống.',
      next: 'Sao chép bảng phụ lục trong Word, PDF hoặc Excel, dán vào ô (Ctrl+V), rồi bấm “Đọc nội dung đã dán”. Hoặc mở một tệp.',
    },
    'no-table': {
      title: 'Không tìm thấy bảng phân công nhiệm vụ trong nội dung này.',
      next: 'Hãy dán cả bảng, kể cả dòng tiêu đề có các cột STT, Nhiệm vụ (Nội dung), Đơn vị chủ trì, Thời gian. Nếu sao chép từ PDF mà các cột dính vào nhau, hãy mở văn bản gốc bằng Word rồi sao chép lại, hoặc mở tệp .docx.',
    },
    'docx-no-table': {
      title: 'Không thấy bảng phân công nhiệm vụ trong tệp Word này.',
      next: 'Phụ lục có thể nằm ở một tệp riêng, hoặc là ảnh chèn vào văn bản. Hãy mở tệp phụ lục; hoặc trong Word, chọn bảng phụ lục, sao chép rồi dán vào ô.',
    },
    'docx-tabbed': {
      title:
        'Phụ lục trong tệp Word này là các dòng chữ cách nhau bằng phím Tab (không phải bảng Word), và PhuLuc không nhận ra các cột của nó.',
      next: 'Trong Word: chọn phần phụ lục, Chèn (Insert) → Bảng (Table) → Chuyển văn bản thành bảng (Convert Text to Table), tách theo Tab; lưu rồi mở lại tệp. Dòng đầu của bảng cần có tên các cột: STT, Nhiệm vụ (Nội dung), Đơn vị chủ trì, Thời gian.',
    },
    'no-tasks': {
      title: 'Bảng phân công không có nhiệm vụ nào.',
      next: 'Kiểm tra đã chọn đúng bảng chưa. Nếu các nhiệm vụ nằm ở bảng khác, hãy chọn cột “Nhiệm vụ” cho bảng đó ở mục “Các cột của bảng”.',
    },
    'no-task-column': {
      title: 'Không bảng nào còn cột “Nhiệm vụ”, nên chưa đọc được nhiệm vụ nào.',
      next: 'Chọn lại cột “Nhiệm vụ” cho bảng phân công ở mục “Các cột của bảng”, hoặc bấm “Khôi phục cột tự nhận”.',
    },
    'units-unreadable': {
      title: 'Không đọc được tệp danh mục đơn vị.',
      next: 'Tệp cần là CSV hoặc JSON như tệp PhuLuc tải về: dòng đầu có cột “Tên đơn vị” (và “Tên khác”, “Nhóm”, “Thành viên”).',
    },
    'report-forms-only': {
      title: 'Văn bản chỉ có biểu mẫu báo cáo, không có bảng phân công nhiệm vụ.',
      next: 'Nếu một bảng thực ra là bảng nhiệm vụ, hãy chọn cột “Nhiệm vụ” cho bảng đó ở bước Xem trước. Nếu các hạn nằm trong lời văn, hãy lập bảng phân công rồi dán lại.',
    },
    'file-empty': {
      title: 'Tệp rỗng.',
      next: 'Chọn tệp khác, hoặc sao chép nội dung phụ lục rồi dán vào ô.',
    },
    'file-too-large': {
      title: 'Tệp quá lớn để là một phụ lục kế hoạch (tối đa 20 MB).',
      next: 'Kiểm tra lại đã chọn đúng tệp chưa; nếu đúng, chỉ sao chép phần phụ lục rồi dán vào ô.',
    },
    'file-binary': {
      title: 'Tệp này không phải văn bản đọc được.',
      next: 'Mở tệp bằng chương trình đã tạo ra nó, lưu thành .docx (Word) hoặc .xlsx (Excel), rồi mở lại ở đây.',
    },
    'file-encoding': {
      title: 'Tệp văn bản không dùng mã Unicode (có thể là mã TCVN3 hoặc VNI cũ).',
      next: 'Mở tệp bằng Word, chọn Lưu thành → Văn bản thuần (.txt) với mã Unicode (UTF-8); hoặc sao chép nội dung rồi dán vào ô.',
    },
    'file-doc': {
      title: 'Tệp .doc (Word 97–2003) chưa đọc được.',
      next: 'Mở tệp bằng Word, chọn Tệp → Lưu thành → Tài liệu Word (.docx), rồi mở tệp .docx ở đây. Hoặc sao chép bảng rồi dán vào ô.',
    },
    'file-xls': {
      title: 'Tệp .xls (Excel 97–2003) chưa đọc được.',
      next: 'Mở tệp bằng Excel, chọn Tệp → Lưu thành → Sổ làm việc Excel (.xlsx), rồi mở tệp .xlsx ở đây. Hoặc sao chép bảng rồi dán vào ô.',
    },
    'pdf-scanned': {
      title: 'Tệp PDF này là bản quét (ảnh chụp các trang), không có lớp chữ.',
      next: 'Cần nhận dạng chữ (OCR) trước, việc PhuLuc không làm. Hãy dùng bản Word (.docx) hoặc bản PDF có chữ của văn bản (bản ban hành trên cổng thông tin thường có chữ).',
    },
    'pdf-unreadable': {
      title: 'Lớp chữ của tệp PDF không đọc được (phông chữ mã hóa lạ).',
      next: 'Đọc ra sẽ là chữ vô nghĩa nên PhuLuc không đọc. Hãy dùng bản Word (.docx) hoặc một bản PDF khác của văn bản.',
    },
    'pdf-password': {
      title: 'Tệp PDF có mật khẩu.',
      next: 'Mở tệp bằng trình đọc PDF, in (lưu) lại thành PDF không mật khẩu, rồi mở tệp mới ở đây.',
    },
    'pdf-damaged': {
      title: 'Tệp PDF bị hỏng, không mở được.',
      next: 'Tải lại tệp từ nơi đã nhận, hoặc dùng bản Word (.docx) của văn bản.',
    },
    'pdf-no-table': {
      title: 'PDF có chữ nhưng không thấy bảng phân công nhiệm vụ.',
      next: 'Phụ lục có thể nằm ở một tệp riêng, hoặc là ảnh chèn vào văn bản. Hãy mở tệp phụ lục, hoặc dùng bản Word (.docx) của văn bản.',
    },
    'file-odf': {
      title: 'Tệp OpenDocument (.odt, .ods) chưa đọc được.',
      next: 'Mở tệp rồi lưu thành .docx hoặc .xlsx, hoặc sao chép bảng rồi dán vào ô.',
    },
    'file-unknown': {
      title: 'PhuLuc không nhận ra loại tệp này.',
      next: 'Chọn tệp .docx, .pdf, .xlsx, .txt hoặc .tsv; hoặc sao chép bảng phụ lục rồi dán vào ô.',
    },
    'file-unreadable': {
      title: 'Không đọc được tệp (tệp có thể bị hỏng hoặc có mật khẩu).',
      next: 'Mở tệp bằng Word hoặc Excel để kiểm tra, lưu lại thành tệp mới rồi thử lại; hoặc sao chép bảng rồi dán vào ô.',
    },
    'selection-empty': {
      title: 'Vùng đang chọn trên trang tính không có dữ liệu.',
      next: 'Kéo chọn bảng phụ lục, từ ô tiêu đề STT đến ô cuối của bảng, rồi bấm lại “Dùng vùng đang chọn”.',
    },
    'selection-refused': {
      title: 'Vùng đang chọn chưa phải một bảng phụ lục.',
      next: 'Kéo chọn bảng phụ lục, từ ô tiêu đề STT đến ô cuối của bảng (hoặc chỉ một ô để đọc cả trang), rồi bấm lại “Dùng vùng đang chọn”.',
    },
    'excel-read-failed': {
      title: 'Không đọc được dữ liệu từ Excel.',
      next: 'Thoát chế độ sửa ô (bấm Enter hoặc Esc), chọn lại bảng rồi thử lại. Nếu vẫn lỗi, sao chép bảng rồi dán vào ô.',
    },
    'excel-write-failed': {
      title: 'Không ghi được sổ vào bảng tính.',
      next: 'Thoát chế độ sửa ô, bỏ bảo vệ trang tính (nếu có) rồi thử lại. Nếu vẫn lỗi, dùng trang PhuLuc ngoài Excel để tải tệp .xlsx.',
    },
    'excel-old': {
      title: 'Phiên bản Excel này chưa hỗ trợ đủ tính năng để ghi sổ.',
      next: 'Dùng trang PhuLuc ngoài Excel (mở địa chỉ của PhuLuc trong trình duyệt) để tải tệp .xlsx; tệp mở được trong Excel này.',
    },
    'module-load-failed': {
      title: 'Không tải được một phần của PhuLuc.',
      next: 'Kiểm tra máy chủ PhuLuc còn chạy (lệnh npm start) rồi tải lại trang và thử lại.',
    },
    'not-available': {
      title: 'Chức năng này chưa có trong bản PhuLuc đang chạy.',
      next: 'Cập nhật PhuLuc lên bản mới hơn. Trong lúc chờ, có thể dán văn bản hoặc dùng tệp .txt.',
    },
    'build-failed': {
      title: 'Không tạo được sổ theo dõi.',
      next: 'Thử lại. Nếu vẫn lỗi, kiểm tra lại phụ lục ở bước Kiểm tra, và gửi phần “Chi tiết kỹ thuật” cho người hỗ trợ.',
    },
    'download-failed': {
      title: 'Trình duyệt chặn việc tải tệp.',
      next: 'Cho phép trang này tải tệp (biểu tượng tải xuống ở thanh địa chỉ), rồi bấm “Tải lại tệp”.',
    },
    unexpected: {
      title: 'Đã xảy ra lỗi không mong muốn.',
      next: 'Thử lại thao tác vừa làm. Nếu vẫn lỗi, tải lại trang và gửi phần “Chi tiết kỹ thuật” cho người hỗ trợ.',
    },
  },
  crash: {
    title: 'PhuLuc gặp lỗi khi hiển thị.',
    next: 'Bấm “Tải lại” để bắt đầu lại. Phụ lục đã dán cần dán lại.',
    reload: 'Tải lại',
  },
};

const en: Strings = {
  appName: 'PhuLuc',
  tagline: 'Plan appendix → task tracking workbook',
  switchLanguage: 'Tiếng Việt',
  switchLanguageLabel: 'Chuyển sang tiếng Việt',
  hostExcel: 'In Excel',
  hostStandalone: 'Outside Excel: downloads an .xlsx',
  hostConnecting: 'Connecting to Excel…',
  hostOtherOffice: (host) => `Running in ${host}: downloads only`,
  steps: {
    source: 'Source',
    preview: 'Preview',
    findings: 'Checks',
    build: 'Build',
    units: 'Unit reports',
    settings: 'Settings',
  },
  stepsLabel: 'Steps',
  next: (step) => `Next: ${step}`,
  busy: 'Working…',
  dismiss: 'Dismiss',
  technicalDetails: 'Technical details',

  source: {
    intro: 'Choose the plan appendix to turn into a tracking workbook.',
    excelTitle: 'From the open sheet',
    excelHint:
      'Select the whole appendix table, header row (STT, Nhiệm vụ…) included, then click. With a single cell selected, PhuLuc reads the whole sheet.',
    useSelection: 'Use the selection',
    pasteTitle: 'Paste text',
    pasteLabel: 'Appendix content',
    pastePlaceholder: 'Paste the appendix from Word, a PDF or Excel (Ctrl+V)…',
    pasteHint:
      'Paste the whole table, header row included (STT, Nhiệm vụ, Đơn vị chủ trì…). The whole plan document works too.',
    readPasted: 'Read the pasted content',
    clear: 'Clear',
    fileTitle: 'Open a file',
    openFile: 'Choose a file…',
    fileHint: 'Word (.docx), PDF with text, Excel (.xlsx), text (.txt, .tsv).',
    dropHint: 'or drop a file here',
    sampleTitle: 'No appendix at hand?',
    sampleButton: 'Use the sample plan',
    sampleHint: 'Plan 15/KH-UBND of Từ Sơn town (2019): 20 tasks in 6 sections.',
    current: 'In use',
    kinds: {
      paste: 'Pasted text',
      file: 'File',
      sample: 'Sample plan',
      selection: 'Excel sheet',
    },
    sampleLabel: 'Sample plan 15/KH-UBND',
    readSummary: (tasks, sections) =>
      `Read ${plural('en', tasks, { one: '# task', other: '# tasks' })}` +
      (sections > 0
        ? ` in ${plural('en', sections, { one: '# section', other: '# sections' })}.`
        : '.'),
    readingFile: (name) => `Reading ${name}…`,
    unitsSaved: (n) =>
      `Kept a directory of ${plural('en', n, { one: '# unit', other: '# units' })} on this computer: plans read from now on use it.`,
    unitsOpened: (n, file) =>
      `Opened a directory of ${plural('en', n, { one: '# unit', other: '# units' })} from ${file} and kept it on this computer.`,
    readingExcel: 'Reading the table from Excel…',
  },

  preview: {
    empty: 'No appendix yet. Choose a source in step 1.',
    goToSource: 'Choose a source',
    documentTitle: 'Document',
    number: 'Number',
    date: 'Date',
    place: 'Issued at',
    title: 'Title',
    year: 'Plan year',
    unknown: 'unknown',
    counts: (tasks, sections, units) =>
      [
        plural('en', tasks, { one: '# task', other: '# tasks' }),
        plural('en', sections, { one: '# section', other: '# sections' }),
        plural('en', units, { one: '# unit', other: '# units' }),
      ].join(' · '),
    columnsTitle: 'Table columns',
    columnsHint: 'If a column was read wrongly, choose its role; the preview updates at once.',
    columnLabel: (index, header) => `Column ${index}: ${header}`,
    noHeader: '(no header)',
    resetColumns: 'Restore detected columns',
    tableCaption: (index, kind, rows) => `Table ${index} · ${kind} · rows ${rows}`,
    tableKinds: { tasks: 'task table', 'report-form': 'report form', other: 'other table' },
    otherTables: (count) =>
      `${plural('en', count, { one: '# other table', other: '# other tables' })}`,
    tasksTitle: 'Tasks',
    tasksCaption: (count) =>
      `${plural('en', count, { one: '# task', other: '# tasks' })} by section`,
    colId: 'Code',
    colTask: 'Task',
    colLead: 'Lead',
    colSupport: 'Coordinating',
    colDue: 'Due',
    colProduct: 'Deliverable',
    noSection: 'No section',
    noTasks: 'No tasks were read yet.',
    unitsTitle: (count) => `Units (${count})`,
    unitLead: (n) => `leads ${n}`,
    unitSupport: (n) => `coordinates ${n}`,
    groupUnit: 'group',
    leadShort: 'Lead',
    dueShort: 'Due',
    supportShort: 'Coordinating',
    productShort: 'Deliverable',
    fieldNames: { title: 'text', lead: 'lead', support: 'coordinating units', time: 'time' },
    edit: 'Edit',
    editLabel: (field, task) => `Edit the ${field} of task ${task}`,
    save: 'Save',
    cancel: 'Cancel',
    editHints: {
      title: 'The task as the document words it.',
      lead: 'One unit per line, or separated by semicolons (;).',
      support: 'One unit per line, or separated by semicolons (;). Leave empty if none.',
      time: 'For example: Quý II/2024; Trước ngày 15/3/2024; Tháng 6/2024; Thường xuyên.',
    },
    startLabel: 'Start',
    dueLabel: 'Due',
    edited: 'edited',
    showMore: 'Show more',
    showLess: 'Show less',
    showMoreLabel: (what, task) => `${what} of task ${task}`,
    unitsIntro:
      'Each lead unit gets a sheet of its own in the workbook. Merge the spellings of one unit so they share one sheet.',
    suggestionsTitle: 'Perhaps one unit',
    suggestionHint:
      'These names look alike. Untick a name that is another unit, choose the name to keep, then click “Merge”.',
    keepName: 'Name to keep',
    merge: 'Merge',
    notSame: 'Not one unit',
    mergeSelected: (n) =>
      `Merge the ${plural('en', n, { one: '# selected unit', other: '# selected units' })}`,
    mergeInto: 'Merge into',
    selectUnit: (name) => `Select “${name}” to merge`,
    spellings: 'Other spellings',
    split: 'Split off',
    splitLabel: (alias) => `Split “${alias}” into a unit of its own`,
    directoryTitle: "The office's unit directory",
    directoryNone:
      'No directory kept: PhuLuc merges spellings of one name by itself. Keep a directory so later plans use the units as merged here.',
    directoryKept: (n) =>
      `Using the directory of ${plural('en', n, { one: '# unit', other: '# units' })} kept on this computer. Units it lacks are listed in Checks.`,
    directoryHint:
      'The directory file (.csv) opens in Excel and works with the command line: phuluc … --units FILE.',
    saveDirectory: "Keep as the office's directory",
    exportDirectory: 'Download the directory (.csv)',
    openDirectory: 'Open a directory file…',
    forgetDirectory: 'Forget the kept directory',
  },

  roles: {
    none: '— Not used —',
    stt: 'STT (number)',
    task: 'Task',
    lead: 'Lead unit',
    support: 'Coordinating units',
    time: 'Time',
    start: 'Start',
    due: 'Due',
    product: 'Deliverable',
    note: 'Note',
  },
  kinds: {
    date: 'Fixed date',
    period: 'Within a period',
    range: 'Date range',
    recurring: 'Recurring',
    continuous: 'Ongoing',
    conditional: 'Conditional',
    relative: 'From the issue date',
    vague: 'No clear deadline',
    none: 'Already done',
  },

  findings: {
    empty: 'No appendix to check yet.',
    none: 'No problems found.',
    summary: (e, w, i) =>
      [
        plural('en', e, { one: '# error', other: '# errors' }),
        plural('en', w, { one: '# warning', other: '# warnings' }),
        plural('en', i, { one: '# note', other: '# notes' }),
      ].join(' · '),
    severities: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
    severityHints: {
      error: 'Fix before building the workbook.',
      warning: 'Worth a look.',
      info: 'For your information.',
    },
    task: (id) => `Task ${id}`,
    wholePlan: 'Whole document',
    rows: (rows) => `row ${rows}`,
    fields: {
      stt: 'STT',
      title: 'Text',
      lead: 'Lead',
      support: 'Coordinating',
      time: 'Time',
      product: 'Deliverable',
    },
    suggestion: 'Suggestion',
    apply: 'Apply the suggestion',
    showInExcel: 'Select the cell in Excel',
    showInPreview: 'Show in the table',
    editInPreview: 'Edit in the table',
    applied: (n) => `Corrections (${n})`,
    appliedHint: "Only PhuLuc's reading is changed; the original document is not.",
    undo: 'Undo',
    undoAll: 'Undo all',
    selected: (address) => `Selected cell ${address} in Excel.`,
  },

  build: {
    title: 'Tracking workbook',
    empty: 'No appendix yet. Choose a source in step 1.',
    noTasks: 'The document has no task to track, so no workbook is built.',
    noTasksNext:
      'If a table is in fact a task table, choose its “Task” column in Preview. If the deadlines are in the prose, make an assignment table and paste it.',
    intro:
      'Build the tracking workbook (.xlsx) and download it. It opens in any Excel, without PhuLuc.',
    introExcel:
      'Write the tracking workbook into the open workbook. What people entered last time is kept.',
    willContain: 'The workbook will hold',
    settingsLine: (d, n) =>
      `Report date: ${d} · Due soon: within ${plural('en', n, { one: '# day', other: '# days' })}`,
    today: 'today (updates itself)',
    errorsLeft: (n) =>
      `${plural('en', n, { one: '# error', other: '# errors' })} left. The workbook is still built; these tasks are listed on the Checks sheet.`,
    download: 'Download the workbook (.xlsx)',
    writeExcel: 'Write the workbook here',
    again: 'Build again',
    phases: {
      load: 'Loading the workbook writer…',
      layout: 'Laying out the sheets…',
      render: 'Writing the .xlsx file…',
      write: 'Writing into Excel…',
      save: 'Saving the file…',
      done: 'Done',
    },
    progressLabel: 'Build progress',
    doneDownload: (file, size) => `Built “${file}” (${size}).`,
    doneExcel: 'The tracking workbook was written into this workbook.',
    sheetsTitle: (n) => `${plural('en', n, { one: '# sheet', other: '# sheets' })} written`,
    sheetKinds: {
      dashboard: 'summary for leaders',
      tasks: 'task list, where status is updated',
      removed: 'tasks no longer in the plan, with what was entered',
      unit: "a unit's tasks",
      findings: 'check results',
      units: 'unit directory',
      assignments: 'assignments by unit',
      settings: 'report date and lists',
      history: "history of units' reports",
      answer: "a unit's report form",
      ticket: 'data that identifies the form',
    },
    counts: (t, u, f) =>
      [
        plural('en', t, { one: '# task', other: '# tasks' }),
        plural('en', u, { one: '# unit', other: '# units' }),
        plural('en', f, { one: '# check result', other: '# check results' }),
      ].join(' · '),
    openHint:
      'Open the file in Excel. Update “Trạng thái” (status) on the task sheet; the summary recalculates.',
    openHintExcel:
      'Update “Trạng thái” (status) on the task sheet; the summary recalculates. Rebuild at any time: entries are kept.',
    kept: (n) =>
      `Kept the entry cells (status, progress, completion date, note) of ${plural('en', n, { one: '# task', other: '# tasks' })} from the previous build.`,
    notesTitle: 'Please note',
    downloadAgain: 'Download again',
    rebuild: {
      title: 'What this rebuild kept and changed',
      kept: (n) => `${plural('en', n, { one: '# task', other: '# tasks' })} unchanged.`,
      renumbered: (n) =>
        `${plural('en', n, { one: '# task', other: '# tasks' })} renumbered (the entries followed the task):`,
      edited: (n) => `${plural('en', n, { one: '# task title', other: '# task titles' })} edited:`,
      added: (n) => `${plural('en', n, { one: '# new task', other: '# new tasks' })}:`,
      removed: (n) =>
        `${plural('en', n, { one: '# task', other: '# tasks' })} no longer in the plan (entries kept on the “Nhiệm vụ đã bỏ” sheet):`,
      typed: (n) =>
        `${plural('en', n, { one: '# row', other: '# rows' })} typed into the list kept as tasks:`,
      restored: (n) =>
        `${plural('en', n, { one: '# removed task', other: '# removed tasks' })} back in the plan, with their entries:`,
      apart: (n) =>
        `${plural('en', n, { one: '# pair', other: '# pairs' })} confirmed as different tasks (old entries on the “Nhiệm vụ đã bỏ” sheet):`,
    },
  },

  question: {
    planTitle: 'This is another plan — replace anyway?',
    planIntro: (percent) =>
      `This plan differs from the one the workbook tracks: only ${percent}% of the tasks are the same. Nothing was changed.`,
    planBefore: 'The workbook tracks',
    planAfter: 'The plan just read',
    planFacts: (p) =>
      [
        p.number,
        p.date ? viDate(p.date) : null,
        p.title,
        plural('en', p.tasks, { one: '# task', other: '# tasks' }),
      ]
        .filter((x) => x)
        .join(' · '),
    untitled: 'no number, no title (a pasted table)',
    planKeeps:
      'If you replace it, the task list becomes the new plan’s; what was entered for tasks no longer in the plan is kept on the “Nhiệm vụ đã bỏ” sheet.',
    replace: 'Replace anyway',
    keep: 'No, keep the workbook',
    pairsTitle: 'Is it the same task?',
    pairsIntro:
      'PhuLuc is not sure these tasks are the same. Tick the pairs that are one task to carry its entries over; unticked pairs are kept apart (old entries on the “Nhiệm vụ đã bỏ” sheet).',
    pairOld: (code) => `In the workbook${code ? ` (${code})` : ''}`,
    pairNew: (code) => `In the new plan (${code})`,
    same: 'The same task',
    go: 'Build',
    cancel: 'Cancel',
  },

  settings: {
    intro: 'Settings are remembered on this computer.',
    reportDate: 'Report date',
    reportDateToday: 'Today (the workbook updates whenever opened)',
    reportDateFixed: 'A fixed date',
    reportDateInput: 'Report date (dd/mm/yyyy)',
    reportDateHint: 'For example 30/06/2024',
    reportDateInvalid: 'Not a valid date. Write day/month/year, e.g. 30/06/2024.',
    dueSoon: '“Due soon” window (days)',
    dueSoonHint: 'Unfinished tasks due within this many days are shown amber. Usually 3–7.',
    dueSoonInvalid: 'Enter a number from 1 to 60.',
    beforeRule: 'Reading “Trước ngày X” (before X)',
    beforeExclusive: 'Due the day before X (default)',
    beforeInclusive: 'Due on X itself',
    beforeHint: 'E.g. “Trước ngày 10/01/2024”: due 09/01/2024 or 10/01/2024.',
    includeSupport: "List coordinating tasks on each unit's sheet",
    includeSupportHint: 'Tasks a unit coordinates are listed apart, under those it leads.',
    groupSheets: 'Give unit groups (“Các phòng chuyên môn”…) their own sheet',
    groupSheetsHint: 'By default only named units get a sheet.',
    deadlinesTitle: 'Deadlines',
    workbookTitle: 'Tracking workbook',
    language: 'Language',
    languageLabel: 'Display language',
    languageHint: 'For this pane and for the workbook.',
  },

  errors: {
    'paste-empty': {
      title: 'The paste box is empty.',
      next: 'Copy the appendix table in Word, a PDF or Excel, paste it into the box (Ctrl+V), then click “Read the pasted content”. Or open a file.',
    },
    'no-table': {
      title: 'No task assignment table was found in this content.',
      next: 'Paste the whole table with its header row (STT, Nhiệm vụ or Nội dung, Đơn vị chủ trì, Thời gian). If a PDF copy ran the columns together, copy from the original Word document or open the .docx.',
    },
    'docx-no-table': {
      title: 'No task assignment table was found in this Word file.',
      next: 'The appendix may be a separate file, or a picture in the document. Open the appendix file; or in Word, select the appendix table, copy it and paste it into the box.',
    },
    'docx-tabbed': {
      title:
        'The appendix in this Word file is lines of text separated by tabs (not a Word table), and PhuLuc does not recognise its columns.',
      next: 'In Word: select the appendix, Insert → Table → Convert Text to Table, separated by tabs; save and open the file again. The first row must name the columns: STT, Nhiệm vụ (Nội dung), Đơn vị chủ trì, Thời gian.',
    },
    'no-tasks': {
      title: 'The task table holds no task.',
      next: 'Check that this is the right table. If the tasks are in another table, choose its “Task” column under “Table columns”.',
    },
    'no-task-column': {
      title: 'No table has a “Task” column any more, so no task was read.',
      next: 'Choose the “Task” column of the assignment table again under “Table columns”, or click “Restore detected columns”.',
    },
    'units-unreadable': {
      title: 'The unit directory file could not be read.',
      next: 'Use a CSV or JSON file like the one PhuLuc downloads: its first row has a “Tên đơn vị” (name) column, and “Tên khác”, “Nhóm”, “Thành viên” if needed.',
    },
    'report-forms-only': {
      title: 'The document has report forms only, no task assignment table.',
      next: 'If one table is in fact a task table, choose its “Task” column in Preview. If the deadlines are in the prose, make an assignment table and paste it.',
    },
    'file-empty': {
      title: 'The file is empty.',
      next: 'Choose another file, or copy the appendix and paste it into the box.',
    },
    'file-too-large': {
      title: 'The file is too large to be a plan appendix (20 MB at most).',
      next: 'Check that this is the right file; if it is, copy just the appendix and paste it.',
    },
    'file-binary': {
      title: 'This file is not readable text.',
      next: 'Open it in the program that made it, save it as .docx (Word) or .xlsx (Excel), then open that here.',
    },
    'file-encoding': {
      title: 'The text file is not Unicode (perhaps an old TCVN3 or VNI encoding).',
      next: 'Open it in Word and Save As → Plain Text (.txt) with Unicode (UTF-8); or copy the content and paste it.',
    },
    'file-doc': {
      title: '.doc files (Word 97–2003) cannot be read yet.',
      next: 'Open the file in Word, File → Save As → Word Document (.docx), then open the .docx here. Or copy the table and paste it.',
    },
    'file-xls': {
      title: '.xls files (Excel 97–2003) cannot be read yet.',
      next: 'Open the file in Excel, File → Save As → Excel Workbook (.xlsx), then open the .xlsx here. Or copy the table and paste it.',
    },
    'pdf-scanned': {
      title: 'This PDF is a scan (pictures of its pages) with no text layer.',
      next: 'It needs OCR first, which PhuLuc does not do. Use the Word (.docx) version or a PDF with text (the version published on a government portal usually has text).',
    },
    'pdf-unreadable': {
      title: "The PDF's text layer cannot be read (fonts with an odd encoding).",
      next: 'Reading it would give nonsense, so PhuLuc does not. Use the Word (.docx) version or another PDF of the document.',
    },
    'pdf-password': {
      title: 'The PDF is password-protected.',
      next: 'Open it in a PDF reader, print (save) it again as a PDF without a password, then open the new file here.',
    },
    'pdf-damaged': {
      title: 'The PDF is damaged and cannot be opened.',
      next: 'Download the file again from where you got it, or use the Word (.docx) version of the document.',
    },
    'pdf-no-table': {
      title: 'The PDF has text but no task assignment table.',
      next: 'The appendix may be a separate file, or a picture inside the document. Open the appendix file, or use the Word (.docx) version.',
    },
    'file-odf': {
      title: 'OpenDocument files (.odt, .ods) cannot be read yet.',
      next: 'Open the file and save it as .docx or .xlsx, or copy the table and paste it.',
    },
    'file-unknown': {
      title: 'PhuLuc does not recognise this kind of file.',
      next: 'Choose a .docx, .pdf, .xlsx, .txt or .tsv file, or copy the appendix table and paste it.',
    },
    'file-unreadable': {
      title: 'The file could not be read (it may be damaged or password-protected).',
      next: 'Open it in Word or Excel to check, save a new copy and try again; or copy the table and paste it.',
    },
    'selection-empty': {
      title: 'The selected range on the sheet is empty.',
      next: 'Select the appendix table, from the STT header cell to the last cell, then click “Use the selection” again.',
    },
    'selection-refused': {
      title: 'The selection is not an appendix table.',
      next: 'Select the appendix table, from the STT header cell to the last cell (or a single cell to read the whole sheet), then click “Use the selection” again.',
    },
    'excel-read-failed': {
      title: 'Could not read data from Excel.',
      next: 'Leave cell editing (press Enter or Esc), select the table again and retry. If it still fails, copy the table and paste it.',
    },
    'excel-write-failed': {
      title: 'Could not write the workbook.',
      next: 'Leave cell editing, unprotect the sheet if it is protected, and retry. If it still fails, use the PhuLuc page outside Excel to download the .xlsx.',
    },
    'excel-old': {
      title: 'This version of Excel lacks features needed to write the workbook.',
      next: 'Use the PhuLuc page outside Excel (open its address in a browser) to download the .xlsx; the file opens in this Excel.',
    },
    'module-load-failed': {
      title: 'Part of PhuLuc could not be loaded.',
      next: 'Check that the PhuLuc server is still running (npm start), then reload the page and try again.',
    },
    'not-available': {
      title: 'This feature is not in the running version of PhuLuc.',
      next: 'Update PhuLuc. Meanwhile, paste the text or use a .txt file.',
    },
    'build-failed': {
      title: 'The workbook could not be built.',
      next: 'Try again. If it still fails, review the appendix in Checks and send the “Technical details” to support.',
    },
    'download-failed': {
      title: 'The browser blocked the download.',
      next: 'Allow downloads for this page (the download icon in the address bar), then click “Download again”.',
    },
    unexpected: {
      title: 'Something unexpected went wrong.',
      next: 'Try again. If it keeps failing, reload the page and send the “Technical details” to support.',
    },
  },
  crash: {
    title: 'PhuLuc hit a display error.',
    next: 'Click “Reload” to start again. Pasted content will need pasting again.',
    reload: 'Reload',
  },
};

export const STRINGS: Record<Language, Strings> = { vi, en };

export function stringsFor(language: Language): Strings {
  return STRINGS[language];
}

/** "1,2 MB", "48 KB" (Vietnamese decimal comma) / "1.2 MB", "48 KB". */
export function formatSize(bytes: number, language: Language): string {
  const fmt = (n: number): string =>
    n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${fmt(bytes / 1024 / 1024)} MB`;
  return `${fmt(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** Row numbers as "72", "72–74", "12, 40". */
export function formatRows(rows: number[]): string {
  if (rows.length === 0) return '';
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const contiguous = sorted.every((r, i) => i === 0 || r === sorted[i - 1]! + 1);
  if (contiguous && sorted.length > 1) return `${sorted[0]}–${sorted[sorted.length - 1]}`;
  return sorted.join(', ');
}
