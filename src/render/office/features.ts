// Which optional parts of the Excel API the host has, checked at run time. The manifest asks
// for ExcelApi 1.7 (Office 2019); everything newer is used only where it exists, and a build
// that had to leave something out says what.

export interface Features {
  /** 1.6: conditional formats, suspending calculation during a write. */
  conditionalFormats: boolean;
  suspendCalculation: boolean;
  /** 1.7: tab colours, frozen panes, hyperlinks, document properties, named item formulas. */
  tabColor: boolean;
  freeze: boolean;
  hyperlinks: boolean;
  properties: boolean;
  /** 1.8: data validation (drop-downs), turning events off. */
  validation: boolean;
  events: boolean;
  /** 1.9: print setup, strikethrough, indents, suspending screen updates. */
  print: boolean;
  strikethrough: boolean;
  indent: boolean;
  suspendScreen: boolean;
  /** 1.9: reading each cell's fill (a person's colours on the task list). */
  cellProperties: boolean;
  /** 1.9: finding the cells with a data validation (to keep the person's ones pointing right). */
  specialCells: boolean;
  /** 1.13: reading merged areas. */
  mergedAreas: boolean;
  /** 1.18: notes on cells, read and written. */
  notes: boolean;
  /** 1.20: the whole build as one undo step. */
  undoGroup: boolean;
}

export function detectFeatures(isSetSupported: (version: string) => boolean): Features {
  const has = (v: string): boolean => {
    try {
      return isSetSupported(v);
    } catch {
      return false;
    }
  };
  return {
    conditionalFormats: has('1.6'),
    suspendCalculation: has('1.6'),
    tabColor: has('1.7'),
    freeze: has('1.7'),
    hyperlinks: has('1.7'),
    properties: has('1.7'),
    validation: has('1.8'),
    events: has('1.8'),
    print: has('1.9'),
    strikethrough: has('1.9'),
    indent: has('1.9'),
    suspendScreen: has('1.9'),
    cellProperties: has('1.9'),
    specialCells: has('1.9'),
    mergedAreas: has('1.13'),
    notes: has('1.18'),
    undoGroup: has('1.20'),
  };
}

/** Every feature on: for tests and for the benchmark. */
export const ALL_FEATURES: Features = detectFeatures(() => true);

/** Something a build left out because this Excel lacks the API, in both languages. */
export interface Omission {
  feature: keyof Features;
  vi: string;
  en: string;
}

export const OMISSION_TEXT: Record<keyof Features, { vi: string; en: string } | null> = {
  conditionalFormats: {
    vi: 'Tô màu theo tình trạng (định dạng có điều kiện) — cần Excel 2016 trở lên.',
    en: 'Status colours (conditional formats) — need Excel 2016 or later.',
  },
  suspendCalculation: null,
  tabColor: { vi: 'Màu thẻ trang tính.', en: 'Sheet tab colours.' },
  freeze: { vi: 'Cố định dòng tiêu đề.', en: 'Frozen header rows.' },
  hyperlinks: { vi: 'Liên kết giữa các trang.', en: 'Links between sheets.' },
  properties: { vi: 'Thuộc tính tệp (tiêu đề, chủ đề).', en: 'File properties (title, subject).' },
  validation: {
    vi: 'Danh sách chọn và kiểm tra dữ liệu nhập (Trạng thái, Tiến độ, Ngày hoàn thành) — cần Excel 2019 bản mới hoặc Microsoft 365.',
    en: 'Drop-downs and input checks (status, progress, completion date) — need a newer Excel 2019 or Microsoft 365.',
  },
  events: null,
  print: {
    vi: 'Thiết lập in (khổ A4 ngang, lặp dòng tiêu đề, đầu trang) — hãy đặt trong Bố trí trang.',
    en: 'Print setup (A4 landscape, repeated header rows, page header) — set it in Page Layout.',
  },
  strikethrough: {
    vi: 'Chữ gạch ngang trong chú giải (Tạm dừng, Đã hủy).',
    en: 'Struck-through legend text (paused, cancelled).',
  },
  indent: { vi: 'Thụt lề trong ô.', en: 'Cell indents.' },
  suspendScreen: null,
  cellProperties: {
    vi: 'Màu nền người dùng tô trên danh sách nhiệm vụ (Excel này không đọc được màu từng ô) — cần Excel 2019 bản mới hoặc Microsoft 365.',
    en: 'Fills people gave cells of the task list (this Excel cannot read each cell’s fill) — need a newer Excel 2019 or Microsoft 365.',
  },
  specialCells: {
    vi: 'Kiểm tra dữ liệu nhập (data validation) trên các trang của bạn trỏ tới trang PhuLuc: Excel này không tìm được chúng để trỏ sang trang mới — hãy kiểm tra lại.',
    en: 'Data validations on your sheets that read PhuLuc sheets: this Excel cannot find them to point them at the new sheets — please check them.',
  },
  mergedAreas: null,
  notes: {
    vi: 'Ghi chú (note) trên ô — Excel này không đọc, không ghi được ghi chú (cần Microsoft 365 hoặc Excel 2024 bản mới): ghi chú trên các ô của sổ không được chép sang sổ mới.',
    en: 'Notes on cells — this Excel can neither read nor write notes (Microsoft 365 or a recent Excel 2024 is needed): notes on the workbook’s cells are not carried into the new one.',
  },
  undoGroup: {
    vi: 'Hoàn tác cả lần tạo sổ trong một bước (Ctrl+Z) — Excel này hoàn tác từng phần.',
    en: 'Undoing the whole build in one step (Ctrl+Z) — this Excel undoes it part by part.',
  },
};
