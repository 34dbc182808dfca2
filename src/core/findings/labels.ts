// A short name for each kind of finding and each severity, Vietnamese and English, for lists a
// person reads (the command line's check, the pane, the workbook's Kiểm tra sheet). The code
// itself (`lead-missing`) is for programs: it belongs in JSON, not in front of a reader.

import type { Finding, Severity } from '../plan/types';
import type { Language } from '../text/language';
import { isCatalogued, type FindingCode } from './messages';

// Every code the catalogue words has a name here: the type makes a new code without one fail to
// compile.
const LABELS: Record<FindingCode, [string, string]> = {
  'source-structure': ['Cấu trúc bảng', 'Table structure'],
  'row-guessed': ['Dòng đọc theo phỏng đoán', 'Row read by a guess'],
  'table-unrecognised': ['Bảng chưa nhận ra cột', 'Table not recognised'],
  'no-task-table': ['Không có bảng nhiệm vụ', 'No task table'],
  'appendix-mismatch': ['Phụ lục khác đầu văn bản', 'Appendix differs from the head'],
  'task-empty': ['Nhiệm vụ trống', 'Empty task'],
  'lead-missing': ['Thiếu đơn vị chủ trì', 'No lead unit'],
  'time-missing': ['Thiếu thời gian', 'No time'],
  'maybe-lost-merge': ['Có thể mất ô gộp', 'Merged cell maybe lost'],
  'time-unknown': ['Thời gian không hiểu được', 'Time not understood'],
  'time-vague': ['Thời hạn không rõ', 'Vague deadline'],
  'time-several': ['Nhiều mốc thời gian', 'Several times'],
  'due-before-start': ['Hạn trước ngày bắt đầu', 'Due before the start'],
  'due-before-issue': ['Hạn trước ngày ban hành', 'Due before the issue date'],
  'due-outside-plan': ['Hạn ngoài năm kế hoạch', "Due outside the plan's years"],
  'lead-is-support': ['Vừa chủ trì vừa phối hợp', 'Both lead and coordinating'],
  'cell-cut': ['Nội dung bị cắt', 'Text cut off'],
  'cell-shifted': ['Ô bị lệch dòng', 'Cell shifted'],
  'cell-too-long': ['Ô quá dài', 'Cell too long'],
  'illegal-characters': ['Ký tự đã sửa', 'Characters fixed'],
  'stt-duplicate': ['STT lặp lại', 'Repeated STT'],
  'stt-order': ['STT sai thứ tự', 'STT out of order'],
  'stt-skipped': ['Thiếu STT', 'Missing STT'],
  'task-duplicate': ['Nhiệm vụ trùng nhau', 'Duplicate task'],
  'unit-unknown': ['Đơn vị ngoài danh mục', 'Unit not in the directory'],
  'unit-maybe-same': ['Có thể cùng một đơn vị', 'Possibly the same unit'],
  'pdf-scanned-pages': ['Trang PDF là ảnh quét', 'Scanned PDF pages'],
  'pdf-damaged-pages': ['Trang PDF bị hỏng', 'Damaged PDF pages'],
  'pdf-unreadable-pages': ['Trang PDF không đọc được', 'Unreadable PDF pages'],
  'pdf-furniture': ['Đã bỏ đầu trang, chân trang', 'Page furniture left out'],
  'merges-unknown': ['Chưa biết ô gộp', 'Merged cells unknown'],
  'cell-error': ['Ô có giá trị lỗi', 'Cell with an error value'],
  'extension-not-later': ['Gia hạn không sau hạn', 'Extension not after the deadline'],
};

const SEVERITY: Record<Severity, [string, string]> = {
  error: ['Lỗi', 'Error'],
  warning: ['Cảnh báo', 'Warning'],
  info: ['Lưu ý', 'Note'],
};

const inLanguage = ([vi, en]: [string, string], lang: Language): string =>
  lang === 'vi' ? vi : en;

/**
 * The finding's kind in words ("Thiếu đơn vị chủ trì"); a code the catalogue does not know (a
 * plan read from JSON another version wrote) is named by its severity, never by its code.
 */
export function findingLabel(finding: Pick<Finding, 'code' | 'severity'>, lang: Language): string {
  return inLanguage(
    isCatalogued(finding.code) ? LABELS[finding.code] : SEVERITY[finding.severity],
    lang,
  );
}

/** The severity in words: "Lỗi" / "Error", "Cảnh báo" / "Warning", "Lưu ý" / "Note". */
export function severityLabel(severity: Severity, lang: Language): string {
  return inLanguage(SEVERITY[severity], lang);
}

/** The codes that have a label (for tests: every code the program writes is among them). */
export const LABELLED_CODES: readonly string[] = Object.keys(LABELS);
