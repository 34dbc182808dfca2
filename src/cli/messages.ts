// The command line's catalogue: every sentence `phuluc` says to a person — errors, warnings,
// summaries — is a key and typed parameters here, worded Vietnamese first and English second in
// one place. Call sites name a key; counts go through `plural` (Intl.PluralRules).

import type { Severity } from '../core/plan/types';
import type { PdfReadError } from '../readers/pdf';
import { plural, type Language } from '../core/text/language';
import { viDate } from '../core/time/calendar';

export type { Language };

/** One sentence in both languages. */
export interface Words {
  vi: string;
  en: string;
}

/** What a plan is called when two plans are compared: its number, title and task count. */
export interface PlanLabel {
  number: string | null;
  title: string | null;
  tasks: number;
}

/** Why a plan has no task to track. */
export type NoTasksCause =
  | { cause: 'empty-task-table' }
  | { cause: 'report-forms-only'; forms: number }
  | { cause: 'no-task-table' };

const SEVERITY_HEADINGS: Record<Severity, Words> = {
  error: { vi: 'LỖI', en: 'ERRORS' },
  warning: { vi: 'CẢNH BÁO', en: 'WARNINGS' },
  info: { vi: 'LƯU Ý', en: 'NOTES' },
};

/** The kinds of table a plan holds, as the summary names them. */
const TABLE_KINDS: Partial<Record<string, Words>> = {
  tasks: { vi: 'bảng nhiệm vụ', en: 'task table' },
  'report-form': { vi: 'biểu mẫu báo cáo', en: 'report form' },
  other: { vi: 'bảng khác', en: 'other table' },
};

/**
 * The words for what a JSON value should be or is, put together by ./plan-json from the plan's
 * schema: `expected` in "expected …", `found` in "got …".
 */
export const JSON_VALUE_WORDS = {
  either: { vi: 'hoặc', en: 'or' },
  null: { vi: 'null', en: 'null' },
  isoDate: {
    vi: 'ngày dạng YYYY-MM-DD có thật (ví dụ "2024-06-30")',
    en: 'a real YYYY-MM-DD date (e.g. "2024-06-30")',
  },
  stringOfForm: (shape: string): Words => ({
    vi: `chuỗi dạng ${shape}`,
    en: `a string of the form ${shape}`,
  }),
  nonEmptyString: { vi: 'chuỗi chữ không rỗng', en: 'a non-empty string' },
  string: { vi: 'chuỗi chữ', en: 'a string' },
  between: (min: number, max: number): Words => ({
    vi: ` từ ${min} đến ${max}`,
    en: ` from ${min} to ${max}`,
  }),
  atLeast: (min: number): Words => ({ vi: ` từ ${min} trở lên`, en: ` of at least ${min}` }),
  wholeNumber: (range: Words): Words => ({
    vi: `số nguyên${range.vi}`,
    en: `a whole number${range.en}`,
  }),
  number: (range: Words): Words => ({ vi: `số${range.vi}`, en: `a number${range.en}` }),
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  oneOf: (values: string): Words => ({ vi: `một trong ${values}`, en: `one of ${values}` }),
  listOf: (item: Words): Words => ({
    vi: `danh sách (mỗi mục: ${item.vi})`,
    en: `a list (each item: ${item.en})`,
  }),
  record: { vi: 'đối tượng {tên: giá trị}', en: 'an object {name: value}' },
  object: { vi: 'đối tượng {…}', en: 'an object {…}' },
  other: { vi: 'giá trị khác', en: 'another value' },
  nothing: { vi: 'không có', en: 'nothing' },
  aList: { vi: 'một danh sách', en: 'a list' },
  anObject: { vi: 'một đối tượng', en: 'an object' },
  tooLarge: { vi: 'một số quá lớn', en: 'a number too large' },
} as const;

const SEE_HELP: Words = { vi: '; xem phuluc --help', en: '; see phuluc --help' };

const NOT_TEXT_KIND: Record<'xlsx' | 'docx' | 'pdf', Words> = {
  xlsx: { vi: 'tệp Excel', en: 'an Excel file' },
  docx: { vi: 'tệp Word', en: 'a Word file' },
  pdf: { vi: 'tệp PDF', en: 'a PDF file' },
};

/** What to tell a person whose PDF cannot be read, by the reader's reason. */
const PDF_REASONS: Record<PdfReadError['code'], Words> = {
  scanned: {
    vi: 'tệp PDF là bản quét (ảnh chụp các trang), không có lớp chữ: cần nhận dạng chữ (OCR) trước, việc PhuLuc không làm. Hãy dùng bản Word (.docx) hoặc bản PDF có chữ của văn bản',
    en: 'the PDF is a scan (pictures of its pages) with no text layer: it needs OCR first, which PhuLuc does not do. Use the Word (.docx) version or a PDF with text',
  },
  garbage: {
    vi: 'lớp chữ của tệp PDF không đọc được (phông chữ mã hóa lạ): đọc ra sẽ là chữ vô nghĩa. Hãy dùng bản Word (.docx) hoặc một bản PDF khác của văn bản',
    en: "the PDF's text layer cannot be read (fonts with an odd encoding): reading it would give nonsense. Use the Word (.docx) version or another PDF of the document",
  },
  empty: { vi: 'tệp PDF không có chữ nào', en: 'the PDF holds no text' },
  encrypted: {
    vi: 'tệp PDF có mật khẩu: hãy mở và lưu (in) lại thành PDF không mật khẩu',
    en: 'the PDF is password-protected: open it and save (print) it again as a PDF without a password',
  },
  damaged: { vi: 'tệp PDF bị hỏng, không mở được', en: 'the PDF is damaged and cannot be opened' },
};

const tasksVi = (count: number): string => plural('vi', count, { other: '# nhiệm vụ' });
const tasksEn = (count: number): string => plural('en', count, { one: '# task', other: '# tasks' });
const sheetsVi = (count: number): string => plural('vi', count, { other: '# trang tính' });
const sheetsEn = (count: number): string =>
  plural('en', count, { one: '# sheet', other: '# sheets' });

function planLabel(plan: PlanLabel): string {
  const parts = [plan.number, plan.title ? `"${plan.title.slice(0, 70)}"` : null]
    .filter(Boolean)
    .join(' ');
  return `${parts || '(không tiêu đề / untitled)'}, ${plan.tasks}`;
}

const andMore = (count: number): Words =>
  count > 0 ? { vi: ` (và ${count} chỗ khác)`, en: ` (and ${count} more)` } : { vi: '', en: '' };

/** `phuluc --help`: both languages side by side, line by line. */
export const HELP_TEXT = `PhuLuc — phụ lục kế hoạch thành sổ theo dõi nhiệm vụ

Cách dùng / Usage:
  phuluc parse TỆP [--json] [--units TỆP] [--before-inclusive] [--lang en]
      Đọc phụ lục; in tóm tắt, hoặc JSON (phuluc.plan/1) với --json.
      Read an appendix; print a summary, or JSON (phuluc.plan/1) with --json.
  phuluc check TỆP [--units TỆP] [--before-inclusive] [--lang en] [--json]
      Liệt kê các điểm cần kiểm tra theo mức độ; mã thoát 1 khi có lỗi.
      List validation findings by severity; exit status 1 when there are errors.
  phuluc build TỆP -o SO-THEO-DOI.xlsx [--today YYYY-MM-DD] [--due-soon N]
               [--units TỆP] [--lang vi|en] [--group-sheets] [--before-inclusive]
               [--accept-uncertain] [--replace-plan]
      Tạo sổ theo dõi Excel (.xlsx): tổng hợp, danh sách nhiệm vụ, một trang cho mỗi đơn vị.
      Ghi lên sổ đã có: giữ những gì đã nhập, theo đúng nhiệm vụ (kể cả khi kế hoạch được
      điều chỉnh, đánh số lại), và không đụng tới các trang, tên, ghi chú của người dùng.
      Make the Excel tracking workbook (.xlsx): dashboard, task list, a sheet per unit.
      Over an existing tracker: keeps what was typed, on the task it was typed for (also
      when a revised plan renumbers tasks), and leaves the user's own content alone.

  phuluc units-out SO-THEO-DOI.xlsx -o THU-MUC/ [--reply-by dd/mm/yyyy] [--json]
      Ghi cho mỗi đơn vị một phiếu báo cáo (.xlsx) gồm nhiệm vụ chủ trì và phối hợp; ghi vào
      Lịch sử của sổ các phiếu đã gửi và hạn trả lời (mặc định: 7 ngày sau hôm nay).
      Write one report form (.xlsx) per unit with its tasks as lead and coordinator; record the
      forms sent and the reply deadline (default: 7 days from today) in the tracker's History.
  phuluc units-in SO-THEO-DOI.xlsx TỆP… [--json]
      Nhập các phiếu đơn vị gửi lại: cập nhật giá trị, liệt kê xung đột và đề nghị gia hạn,
      ghi Lịch sử; nhập lại cùng phiếu không đổi gì. Mã thoát 1 khi có tệp bị từ chối.
      Merge the forms units sent back: update values, list conflicts and extension requests,
      record History; merging a form again changes nothing. Exit status 1 when a file is refused.

TỆP: văn bản (.txt, .md), tệp Excel .xlsx, Word .docx, PDF có chữ (không phải bản quét),
     hoặc JSON của phuluc parse --json (cho build).
FILE: text (.txt, .md), an Excel .xlsx, a Word .docx, a PDF with text (not a scan),
      or the JSON of phuluc parse --json (for build).

Tùy chọn / Options:
  --json               in JSON / print JSON
  --units TỆP          danh mục đơn vị (JSON hoặc CSV) / unit directory (JSON or CSV)
  --before-inclusive   "Trước ngày X" tính cả ngày X / "before X" includes X
  --lang vi|en         ngôn ngữ (tóm tắt, kiểm tra, sổ theo dõi) / language (summary, findings, workbook)
  -o, --output TỆP     tệp .xlsx sẽ ghi / the .xlsx file to write
  --today YYYY-MM-DD   ngày báo cáo cố định (mặc định: hôm nay, =TODAY() trong sổ)
                       fixed report date (default: today, =TODAY() in the workbook)
  --due-soon N         số ngày "sắp đến hạn" (mặc định 7) / "due soon" window (default 7)
  --group-sheets       cả nhóm đơn vị ("Các phòng…") có trang riêng / sheets for unit groups too
  --font TÊN           phông chữ của sổ: Times New Roman (mặc định), Arial, Calibri / the workbook's font
  --accept-uncertain   coi các cặp nhiệm vụ "có thể là một" là cùng nhiệm vụ (mang giá trị sang)
                       take pairs that may be the same task as the same (carry their entries)
  --replace-plan       cho phép ghi kế hoạch khác lên sổ (mã thoát 3 nếu không có)
                       allow another plan over the tracker (exit status 3 without it)
  --reply-by NGÀY      hạn trả lời của phiếu, dd/mm/yyyy / the forms' reply deadline
  -h, --help           trợ giúp / help
  -v, --version        phiên bản / version
`;

export const CLI_MESSAGES = {
  // The command line's arguments.
  'unknown-option': ({ option }: { option: string }) => ({
    vi: `không có tùy chọn "${option}"${SEE_HELP.vi}`,
    en: `unknown option "${option}"${SEE_HELP.en}`,
  }),
  'option-needs-value': ({ option }: { option: string }) => ({
    vi: `tùy chọn ${option} cần một giá trị${SEE_HELP.vi}`,
    en: `the option ${option} needs a value${SEE_HELP.en}`,
  }),
  'option-takes-no-value': ({ option }: { option: string }) => ({
    vi: `tùy chọn ${option} không nhận giá trị${SEE_HELP.vi}`,
    en: `the option ${option} takes no value${SEE_HELP.en}`,
  }),
  'invalid-arguments': () => ({
    vi: `tham số không hợp lệ${SEE_HELP.vi}`,
    en: `invalid arguments${SEE_HELP.en}`,
  }),
  'unknown-language': ({ lang }: { lang: string }) => ({
    vi: `ngôn ngữ "--lang ${lang}" không có: dùng --lang vi hoặc --lang en`,
    en: `no language "--lang ${lang}": use --lang vi or --lang en`,
  }),
  'extra-argument': ({ argument }: { argument: string }) => ({
    vi: `thừa tham số "${argument}" (mỗi lệnh đọc một tệp; tên tệp có dấu cách thì đặt trong ngoặc kép)`,
    en: `unexpected argument "${argument}" (each command reads one file; quote a file name with spaces)`,
  }),
  'unknown-command': ({ command }: { command: string }) => ({
    vi: `lệnh không có: "${command}"; xem phuluc --help`,
    en: `unknown command "${command}"; see phuluc --help`,
  }),
  'file-name-missing': () => ({
    vi: 'thiếu tên tệp; xem phuluc --help',
    en: 'missing file name; see phuluc --help',
  }),
  'appendix-name-missing': () => ({
    vi: 'thiếu tên tệp phụ lục; xem phuluc --help',
    en: 'missing appendix file name; see phuluc --help',
  }),
  'output-missing': () => ({
    vi: 'thiếu tệp kết quả: phuluc build TỆP -o SO-THEO-DOI.xlsx',
    en: 'missing output file: phuluc build FILE -o TRACKER.xlsx',
  }),
  'output-not-xlsx': ({ output }: { output: string }) => ({
    vi: `tệp kết quả "${output}" phải có đuôi .xlsx`,
    en: `the output file "${output}" must end in .xlsx`,
  }),
  'today-not-a-date': ({ today }: { today: string }) => ({
    vi: `--today "${today}" không phải ngày dạng YYYY-MM-DD (ví dụ 2024-06-30)`,
    en: `--today "${today}" is not a YYYY-MM-DD date (e.g. 2024-06-30)`,
  }),
  'due-soon-invalid': ({ dueSoon }: { dueSoon: string }) => ({
    vi: `--due-soon "${dueSoon}" phải là số ngày từ 0 đến 365`,
    en: `--due-soon "${dueSoon}" must be a number of days from 0 to 365`,
  }),
  'font-unknown': ({ font, fonts }: { font: string; fonts: readonly string[] }) => ({
    vi: `--font "${font}": chọn một trong ${fonts.join(', ')}`,
    en: `--font "${font}": choose one of ${fonts.join(', ')}`,
  }),
  'output-is-input': ({ output }: { output: string }) => ({
    vi: `tệp kết quả "${output}" trùng với tệp đầu vào: hãy chọn tên khác, để không ghi đè lên phụ lục`,
    en: `the output "${output}" is an input file: choose another name, so the appendix is not overwritten`,
  }),
  'reply-by-not-a-date': ({ replyBy }: { replyBy: string }) => ({
    vi: `--reply-by "${replyBy}" không phải ngày dạng dd/mm/yyyy`,
    en: `--reply-by "${replyBy}" is not a dd/mm/yyyy date`,
  }),
  'tracker-name-missing': () => ({
    vi: 'thiếu tên sổ theo dõi; xem phuluc --help',
    en: 'missing tracker file name; see phuluc --help',
  }),
  'forms-folder-missing': () => ({
    vi: 'thiếu thư mục ghi phiếu: phuluc units-out SO.xlsx -o THU-MUC/',
    en: 'missing output folder: phuluc units-out TRACKER.xlsx -o FOLDER/',
  }),
  'answer-files-missing': () => ({
    vi: 'thiếu tệp báo cáo của đơn vị: phuluc units-in SO.xlsx TEP…',
    en: "missing the units' files: phuluc units-in TRACKER.xlsx FILE…",
  }),
  'json-plan-ignores-options': () => ({
    vi: 'phuluc: --units và --before-inclusive không áp dụng cho kế hoạch JSON (đã đọc xong).',
    en: '--units and --before-inclusive do not apply to a JSON plan (already read).',
  }),

  // Reading files.
  'file-not-found': ({ path }: { path: string }) => ({
    vi: `không tìm thấy tệp "${path}"`,
    en: `file not found: "${path}"`,
  }),
  'no-such-file': ({ path }: { path: string }) => ({
    vi: `không có tệp "${path}"`,
    en: `there is no file "${path}"`,
  }),
  'input-is-folder': ({ path }: { path: string }) => ({
    vi: `"${path}" là thư mục, không phải tệp`,
    en: `"${path}" is a folder, not a file`,
  }),
  'file-too-large': ({ megabytes, limit }: { megabytes: string; limit: number }) => ({
    vi: `tệp quá lớn (${megabytes} MB, tối đa ${limit} MB): đây không giống một phụ lục kế hoạch`,
    en: `file too large (${megabytes} MB, at most ${limit} MB): this does not look like a plan appendix`,
  }),
  'file-unreadable': ({ path }: { path: string }) => ({
    vi: `không đọc được tệp "${path}"`,
    en: `cannot read file "${path}"`,
  }),
  'file-empty': ({ path }: { path: string }) => ({
    vi: `tệp "${path}" rỗng`,
    en: `file "${path}" is empty`,
  }),
  'zip-not-office': ({ ext }: { ext: string }) => ({
    vi: `tệp ${ext} là tệp nén nhưng không phải Word (.docx) hay Excel (.xlsx): hãy lưu phụ lục thành .docx, .xlsx hoặc .txt`,
    en: `${ext} is a zipped file but neither Word (.docx) nor Excel (.xlsx): save the appendix as .docx, .xlsx or .txt`,
  }),
  'old-office-file': () => ({
    vi: 'tệp Word/Excel 97–2003 (.doc, .xls) hoặc tệp có mật khẩu: hãy mở và lưu lại thành .xlsx (hoặc .txt), không đặt mật khẩu',
    en: 'a Word/Excel 97–2003 file (.doc, .xls) or a password-protected file: open it and save it as .xlsx (or .txt), without a password',
  }),
  'binary-file': () => ({
    vi: 'tệp không phải văn bản (có vẻ là tệp nhị phân)',
    en: 'the file is not text (it looks binary)',
  }),
  'not-utf8': () => ({
    vi: 'tệp không phải văn bản UTF-8 (có thể là mã TCVN3/VNI cũ): hãy lưu lại với mã Unicode UTF-8',
    en: 'the file is not UTF-8 text (perhaps an old TCVN3/VNI encoding): save it again as Unicode UTF-8',
  }),
  'not-text': ({ path, kind }: { path: string; kind: 'xlsx' | 'docx' | 'pdf' }) => ({
    vi: `"${path}" là ${NOT_TEXT_KIND[kind].vi}, không phải văn bản`,
    en: `"${path}" is ${NOT_TEXT_KIND[kind].en}, not text`,
  }),
  'xlsx-unreadable': ({
    path,
    reason,
    detail,
  }: {
    path: string;
    reason: Words;
    detail: string;
  }) => ({
    vi: `không đọc được tệp Excel "${path}": ${reason.vi} (${detail})`,
    en: `cannot read the Excel file "${path}": ${reason.en} (${detail})`,
  }),
  'docx-encrypted': ({ path }: { path: string }) => ({
    vi: `tệp Word "${path}" có mật khẩu: hãy mở và lưu lại không đặt mật khẩu`,
    en: `the Word file "${path}" is password-protected: open it and save it without a password`,
  }),
  'docx-unreadable': ({ path, detail }: { path: string; detail: string }) => ({
    vi: `không đọc được tệp Word "${path}" (${detail})`,
    en: `cannot read the Word file "${path}" (${detail})`,
  }),
  'pdf-unreadable': ({ path, reason }: { path: string; reason: PdfReadError['code'] }) => ({
    vi: `"${path}": ${PDF_REASONS[reason].vi}`,
    en: `"${path}": ${PDF_REASONS[reason].en}`,
  }),
  'no-appendix-in-pdf': () => ({
    vi: 'không tìm thấy bảng phụ lục trong tệp PDF: PDF có chữ nhưng không có bảng nào có cột STT, Nhiệm vụ, Đơn vị chủ trì, Thời gian… (bảng có thể ở một tệp phụ lục riêng, hoặc là ảnh chèn vào)',
    en: 'no appendix table found in the PDF: it has text but no table with STT, task, lead unit, time… columns (the table may be in a separate appendix file, or a picture)',
  }),
  'no-appendix': () => ({
    vi: 'không tìm thấy bảng phụ lục trong tệp (cần một bảng có cột STT, Nhiệm vụ, Đơn vị chủ trì, Thời gian…)',
    en: 'no appendix table found in the file (expected a table with STT, task, lead unit, time… columns)',
  }),
  'no-tasks': ({ path, ...why }: { path: string } & NoTasksCause) => {
    const what: Words =
      why.cause === 'empty-task-table'
        ? { vi: 'bảng phân công không có nhiệm vụ nào', en: 'its task table holds no task' }
        : why.cause === 'report-forms-only'
          ? {
              vi: `chỉ có biểu mẫu báo cáo (${plural('vi', why.forms, { other: '# bảng' })}), không có bảng phân công nhiệm vụ`,
              en: `it holds report forms only (${plural('en', why.forms, { one: '# table', other: '# tables' })}), no task table`,
            }
          : { vi: 'không có bảng phân công nhiệm vụ', en: 'it has no task table' };
    return {
      vi: `"${path}": ${what.vi}, nên không có nhiệm vụ để theo dõi và không tạo sổ. Nếu một bảng thực ra là bảng nhiệm vụ, hãy mở tệp trên trang PhuLuc (npm start) và chọn cột "Nhiệm vụ" cho bảng đó; nếu các hạn nằm trong lời văn, hãy lập bảng phân công`,
      en: `"${path}": ${what.en}, so there is nothing to track and no workbook was made. If a table is in fact a task table, open the file in the PhuLuc page (npm start) and choose its "Task" column; if the deadlines are in the prose, make an assignment table`,
    };
  },
  'unit-directory-unreadable': ({ path }: { path: string }) => ({
    vi: `không đọc được danh mục đơn vị "${path}"`,
    en: `cannot read unit directory "${path}"`,
  }),
  'unit-directory-invalid': ({ path, reason }: { path: string; reason: Words }) => ({
    vi: `danh mục đơn vị "${path}" không hợp lệ: ${reason.vi}`,
    en: `invalid unit directory "${path}": ${reason.en}`,
  }),
  'answer-unreadable': ({ reason }: { reason: Words }) => ({
    vi: `không đọc được tệp (${reason.vi})`,
    en: `cannot read the file (${reason.en})`,
  }),

  // A plan given as JSON.
  'invalid-json': ({
    path,
    place,
    detail,
  }: {
    path: string;
    place: { line: number; column: number } | null;
    detail: string;
  }) => ({
    vi: `"${path}" không phải JSON hợp lệ${place ? ` ở dòng ${place.line}, cột ${place.column}` : ''} (${detail})`,
    en: `"${path}" is not valid JSON${place ? ` at line ${place.line}, column ${place.column}` : ''} (${detail})`,
  }),
  'not-a-plan': ({
    path,
    schema,
    problems,
    more,
  }: {
    path: string;
    schema: string;
    problems: Words[];
    more: number;
  }) => ({
    vi: `"${path}" không phải kế hoạch ${schema} (in bởi phuluc parse --json): ${problems.map((p) => p.vi).join('; ')}${andMore(more).vi}`,
    en: `"${path}" is not a ${schema} plan (as printed by phuluc parse --json): ${problems.map((p) => p.en).join('; ')}${andMore(more).en}`,
  }),
  'ignored-fields': ({
    schema,
    fields,
    more,
  }: {
    schema: string;
    fields: string[];
    more: number;
  }) => ({
    vi: `phuluc: bỏ qua trường không có trong ${schema}: ${fields.join(', ')}${andMore(more).vi}.`,
    en: `Ignored fields that ${schema} does not define: ${fields.join(', ')}${andMore(more).en}.`,
  }),

  // A plan given as JSON: one problem, by its JSON path (`tasks[3].lead`; empty: the root).
  'json-value-missing': ({ path, expected }: { path: string; expected: Words }) => ({
    vi: `${path || '(gốc)'}: thiếu; cần ${expected.vi}`,
    en: `${path || '(root)'}: missing; expected ${expected.en}`,
  }),
  'json-value-wrong': ({
    path,
    expected,
    found,
  }: {
    path: string;
    expected: Words;
    found: Words;
  }) => ({
    vi: `${path || '(gốc)'}: cần ${expected.vi}, nhưng là ${found.vi}`,
    en: `${path || '(root)'}: expected ${expected.en}, got ${found.en}`,
  }),
  'json-names-not-allowed': ({ path, names }: { path: string; names: string[] }) => ({
    vi: `${path || '(gốc)'}: tên không dùng được ${names.join(', ')}`,
    en: `${path || '(root)'}: names not allowed here: ${names.join(', ')}`,
  }),
  'json-duplicate-id': ({ path, id, first }: { path: string; id: string; first: number }) => ({
    vi: `${path || '(gốc)'}: mã nhiệm vụ ${id} đã dùng ở tasks[${first}]: mỗi nhiệm vụ cần một mã riêng`,
    en: `${path || '(root)'}: task id ${id} is already used by tasks[${first}]: each task needs its own id`,
  }),
  'json-invalid-value': ({ path }: { path: string }) => ({
    vi: `${path || '(gốc)'}: giá trị không hợp lệ`,
    en: `${path || '(root)'}: invalid value`,
  }),

  // The tracker written over, and the files written.
  'tracker-not-excel': ({ path, reason }: { path: string; reason: Words }) => ({
    vi: `"${path}" đã có và không đọc được như tệp Excel (${reason.vi}): hãy chọn tên khác, hoặc xóa tệp đó`,
    en: `"${path}" exists and cannot be read as an Excel file (${reason.en}): choose another name, or delete that file`,
  }),
  'tracker-not-phuluc': ({ path }: { path: string }) => ({
    vi: `"${path}" đã có và không phải sổ theo dõi PhuLuc: hãy chọn tên khác, hoặc xóa tệp đó`,
    en: `"${path}" exists and is not a PhuLuc workbook: choose another name, or delete that file`,
  }),
  'tracker-not-rewritten': ({ output, reason }: { output: string; reason: Words }) => ({
    vi: `không ghi lại được "${output}": ${reason.vi}`,
    en: `cannot rewrite "${output}": ${reason.en}`,
  }),
  'tracker-of-another-plan': ({
    output,
    tracker,
    given,
    percent,
  }: {
    output: string;
    tracker: PlanLabel | null;
    given: PlanLabel;
    percent: number;
  }) => ({
    vi: `"${output}" là sổ theo dõi của một kế hoạch khác (sổ: ${tracker ? planLabel(tracker) : '?'} nhiệm vụ; kế hoạch đưa vào: ${planLabel(given)} nhiệm vụ; chỉ ${percent}% nhiệm vụ trùng). Nếu đúng là muốn thay kế hoạch trong sổ này, chạy lại với --replace-plan (giá trị đã nhập của các nhiệm vụ không khớp được giữ ở trang "Nhiệm vụ đã bỏ"); nếu không, hãy ghi ra tệp khác`,
    en: `"${output}" tracks another plan (tracker: ${tracker ? planLabel(tracker) : '?'} tasks; given plan: ${planLabel(given)} tasks; only ${percent}% of tasks in common). To replace the plan in this tracker, run again with --replace-plan (entries of tasks that do not match are kept on the "Removed tasks" sheet); otherwise write another file`,
  }),
  'tracker-refused': ({ path, reason }: { path: string; reason: Words }) => ({
    vi: `"${path}": ${reason.vi}`,
    en: `"${path}": ${reason.en}`,
  }),
  'design-error': ({ problems }: { problems: string[] }) => ({
    vi: `lỗi thiết kế sổ theo dõi (${problems.slice(0, 3).join('; ')}). Hãy báo lỗi kèm tệp đầu vào`,
    en: `workbook design error (${problems.slice(0, 3).join('; ')}). Please report it with the input file`,
  }),
  'folder-missing': ({ path }: { path: string }) => ({
    vi: `thư mục của "${path}" không tồn tại`,
    en: `the folder of "${path}" does not exist`,
  }),
  'write-denied': ({ path }: { path: string }) => ({
    vi: `không ghi được "${path}" (không có quyền, hoặc tệp đang mở trong Excel: hãy đóng tệp rồi chạy lại)`,
    en: `cannot write "${path}" (no permission, or the file is open in Excel: close it and try again)`,
  }),
  'output-is-folder': ({ path }: { path: string }) => ({
    vi: `"${path}" là thư mục`,
    en: `"${path}" is a folder`,
  }),
  'disk-full': () => ({ vi: 'ổ đĩa đã đầy', en: 'the disk is full' }),
  'write-failed': ({ path, detail }: { path: string; detail: string }) => ({
    vi: `không ghi được "${path}" (${detail})`,
    en: `cannot write "${path}" (${detail})`,
  }),
  'read-only': ({ path }: { path: string }) => ({
    vi: `"${path}" chỉ cho đọc (read-only): PhuLuc không ghi đè. Hãy bỏ thuộc tính chỉ đọc, hoặc ghi ra tệp khác`,
    en: `"${path}" is read-only: PhuLuc does not overwrite it. Clear the read-only flag, or write another file`,
  }),

  // A rebuild over an existing tracker (./rebuild-report): a headline, then one line a kind.
  rebuilt: ({
    found,
    kept,
    renumbered,
    edited,
    added,
    removed,
    carried,
  }: {
    found: number;
    kept: number;
    renumbered: number;
    edited: number;
    added: number;
    removed: number;
    carried: number;
  }) => ({
    vi: `Tạo lại sổ: ${tasksVi(found)} tìm lại được (${kept} giữ nguyên, ${renumbered} đổi số, ${edited} sửa nội dung), ${added} mới, ${removed} bỏ; giá trị đã nhập của ${tasksVi(carried)} được giữ.`,
    en: `Rebuilt: ${tasksEn(found)} found again (${kept} unchanged, ${renumbered} renumbered, ${edited} edited), ${added} new, ${removed} removed; entries of ${tasksEn(carried)} kept.`,
  }),
  'rebuild-renumbered': ({ list }: { list: string }) => ({
    vi: `Đổi số: ${list}`,
    en: `Renumbered: ${list}`,
  }),
  'rebuild-edited': ({ list }: { list: string }) => ({
    vi: `Sửa nội dung: ${list}`,
    en: `Edited: ${list}`,
  }),
  'rebuild-added': ({ list }: { list: string }) => ({ vi: `Mới: ${list}`, en: `New: ${list}` }),
  'rebuild-removed': ({ list, keptEntries }: { list: string; keptEntries: number }) => ({
    vi: `Bỏ: ${list}${keptEntries > 0 ? ` — giá trị đã nhập của ${tasksVi(keptEntries)} được giữ ở trang "Nhiệm vụ đã bỏ"` : ''}`,
    en: `Removed: ${list}${keptEntries > 0 ? ` — entries of ${tasksEn(keptEntries)} kept on the "Removed tasks" sheet` : ''}`,
  }),
  'rebuild-restored': ({ list }: { list: string }) => ({
    vi: `Trở lại (lấy lại giá trị đã nhập): ${list}`,
    en: `Back (entries restored): ${list}`,
  }),
  'rebuild-typed-kept': ({ list }: { list: string }) => ({
    vi: `Dòng tự thêm vào danh sách, giữ thành nhiệm vụ: ${list}`,
    en: `Rows typed into the list, kept as tasks: ${list}`,
  }),
  'rebuild-typed-joined': ({ list }: { list: string }) => ({
    vi: `Dòng tự thêm nay có trong kế hoạch: ${list}`,
    en: `Typed rows now in the plan: ${list}`,
  }),
  'rebuild-to-confirm': ({ pairs }: { pairs: number }) => ({
    vi: `Cần người xác nhận (${plural('vi', pairs, { other: '# cặp có thể là cùng một nhiệm vụ' })}):`,
    en: `To confirm (${plural('en', pairs, { one: '# pair that may be the same task', other: '# pairs that may be the same task' })}):`,
  }),
  'rebuild-taken-as-one': () => ({ vi: ' — đã coi là một', en: ' — taken as one' }),
  'rebuild-not-carried': () => ({
    vi: 'Chưa mang giá trị sang: giá trị cũ ở trang "Nhiệm vụ đã bỏ". Chạy lại với --accept-uncertain nếu đúng là cùng nhiệm vụ.',
    en: 'Entries not carried: the old ones are on the "Removed tasks" sheet. Run again with --accept-uncertain if they are the same tasks.',
  }),

  // The units' forms merged (`phuluc units-in`).
  'form-refused': ({ file, reason }: { file: string; reason: Words }) => ({
    vi: `✗ ${file}: TỪ CHỐI — ${reason.vi}`,
    en: `✗ ${file}: REFUSED — ${reason.en}`,
  }),
  'form-merged': ({
    file,
    unit,
    again,
    applied,
    conflicts,
    requests,
  }: {
    file: string;
    /** The unit the form was sent to (none when the form does not say). */
    unit: string | null;
    /** The same form was merged before. */
    again: boolean;
    applied: number;
    conflicts: number;
    requests: number;
  }) => ({
    vi: `✓ ${file} — ${unit ?? '?'}${again ? ' (đã nhập trước đó)' : ''}: ${applied} giá trị cập nhật, ${conflicts} xung đột, ${requests} đề nghị gia hạn`,
    en: `✓ ${file} — ${unit ?? '?'}${again ? ' (merged before)' : ''}: ${plural('en', applied, { one: '# value', other: '# values' })} updated, ${plural('en', conflicts, { one: '# conflict', other: '# conflicts' })}, ${plural('en', requests, { one: '# extension request', other: '# extension requests' })}`,
  }),
  'conflicts-heading': () => ({
    vi: 'Xung đột (chưa ghi, cần người quyết định):',
    en: 'Conflicts (not written; a person decides):',
  }),
  'conflict-tracker-changed': ({ sent, tracker }: { sent: string; tracker: string }) => ({
    vi: `sổ đã đổi từ "${sent}" thành "${tracker}" sau khi gửi phiếu`,
    en: `the tracker changed from "${sent}" to "${tracker}" after the form was sent`,
  }),
  'conflict-units-disagree': () => ({
    vi: 'các đơn vị trả lời khác nhau',
    en: 'units answer differently',
  }),
  'conflict-task-gone': () => ({
    vi: 'nhiệm vụ không còn trong sổ',
    en: 'the task is no longer in the tracker',
  }),
  'requests-heading': () => ({
    vi: 'Đề nghị gia hạn (chờ duyệt: duyệt thì ghi Gia hạn đến và Căn cứ gia hạn):',
    en: 'Extension requests (pending: to approve, fill Extended to and Extension basis):',
  }),
  'not-answered': ({ units }: { units: string }) => ({
    vi: `Chưa trả lời: ${units}`,
    en: `Not answered yet: ${units}`,
  }),
  'wrote-merge': ({
    path,
    values,
    history,
  }: {
    path: string;
    values: number;
    history: number;
  }) => ({
    vi: `Đã ghi ${path}: ${values} giá trị, ${history} dòng Lịch sử.`,
    en: `Wrote ${path}: ${plural('en', values, { one: '# value', other: '# values' })}, ${plural('en', history, { one: '# History row', other: '# History rows' })}.`,
  }),
  'nothing-new': ({ path }: { path: string }) => ({
    vi: `Không có gì mới: ${path} không đổi.`,
    en: `Nothing new: ${path} is unchanged.`,
  }),

  // `phuluc check`: the findings listed by severity.
  'check-heading': ({
    name,
    errors,
    warnings,
    notes,
  }: {
    name: string;
    errors: number;
    warnings: number;
    notes: number;
  }) => ({
    vi: `Kiểm tra ${name}: ${plural('vi', errors, { other: '# lỗi' })}, ${plural('vi', warnings, { other: '# cảnh báo' })}, ${plural('vi', notes, { other: '# lưu ý' })}`,
    en: `Check of ${name}: ${plural('en', errors, { one: '# error', other: '# errors' })}, ${plural('en', warnings, { one: '# warning', other: '# warnings' })}, ${plural('en', notes, { one: '# note', other: '# notes' })}`,
  }),
  'nothing-to-fix': () => ({ vi: 'Không có điểm nào cần sửa.', en: 'Nothing to fix.' }),
  'severity-heading': ({ severity, count }: { severity: Severity; count: number }) => ({
    vi: `${SEVERITY_HEADINGS[severity].vi} (${count})`,
    en: `${SEVERITY_HEADINGS[severity].en} (${count})`,
  }),
  'finding-task': ({ task }: { task: string }) => ({ vi: `Nhiệm vụ ${task}`, en: `Task ${task}` }),
  'finding-rows': ({ rows }: { rows: number[] }) => ({
    vi: `dòng ${rows.join(', ')}`,
    en: `${rows.length === 1 ? 'row' : 'rows'} ${rows.join(', ')}`,
  }),

  // `phuluc parse`: the plan's summary, each line's label in both languages.
  'summary-document': () => ({ vi: 'Văn bản', en: 'Document' }),
  'summary-title': () => ({ vi: 'Tiêu đề', en: 'Title' }),
  'summary-year': () => ({ vi: 'Năm kế hoạch', en: 'Plan year' }),
  'summary-tables': () => ({ vi: 'Bảng', en: 'Tables' }),
  'summary-sections': () => ({ vi: 'Mục', en: 'Sections' }),
  'summary-tasks': () => ({ vi: 'Nhiệm vụ', en: 'Tasks' }),
  'summary-findings': () => ({ vi: 'Kiểm tra', en: 'Findings' }),
  'summary-finding-counts': ({
    errors,
    warnings,
    notes,
  }: {
    errors: number;
    warnings: number;
    notes: number;
  }) => ({
    vi: `${plural('vi', errors, { other: '# lỗi' })}, ${plural('vi', warnings, { other: '# cảnh báo' })}, ${plural('vi', notes, { other: '# lưu ý' })} (phuluc check để xem chi tiết)`,
    en: `${plural('en', errors, { one: '# error', other: '# errors' })}, ${plural('en', warnings, { one: '# warning', other: '# warnings' })}, ${plural('en', notes, { one: '# note', other: '# notes' })} (phuluc check for details)`,
  }),
  'summary-document-head': ({
    type,
    number,
    place,
    date,
  }: {
    type: string | null;
    number: string | null;
    place: string | null;
    /** ISO date. */
    date: string | null;
  }) => ({
    vi: [
      type ?? 'Văn bản',
      number ? `số ${number}` : null,
      place,
      date ? `ngày ${viDate(date)}` : null,
    ]
      .filter(Boolean)
      .join(', '),
    en: [
      type ?? 'Document',
      number ? `no. ${number}` : null,
      place,
      date ? `of ${viDate(date)}` : null,
    ]
      .filter(Boolean)
      .join(', '),
  }),
  'summary-table': ({
    kind,
    firstRow,
    lastRow,
    title,
  }: {
    kind: string;
    firstRow: number;
    lastRow: number;
    title: string | null;
  }) => ({
    vi: `${TABLE_KINDS[kind]?.vi ?? kind} (${kind}), dòng ${firstRow}–${lastRow}${title ? `: ${title}` : ''}`,
    en: `${TABLE_KINDS[kind]?.en ?? kind} (${kind}), rows ${firstRow}–${lastRow}${title ? `: ${title}` : ''}`,
  }),
  'summary-task-columns': () => ({
    vi: 'STT|Nhiệm vụ|Chủ trì|Thời gian',
    en: 'No.|Task|Lead|Time',
  }),

  // What was done.
  'writing-workbook': ({ tasks, sheets }: { tasks: number; sheets: number }) => ({
    vi: `Đang ghi sổ theo dõi: ${tasksVi(tasks)}, ${sheetsVi(sheets)}…`,
    en: `Writing the workbook: ${tasksEn(tasks)}, ${sheetsEn(sheets)}…`,
  }),
  'wrote-workbook': ({
    output,
    tasks,
    sheets,
    reportDate,
  }: {
    output: string;
    tasks: number;
    sheets: number;
    /** ISO date given with --today, or null for =TODAY(). */
    reportDate: string | null;
  }) => ({
    vi: `Đã ghi ${output}: ${tasksVi(tasks)}, ${sheetsVi(sheets)}, ngày báo cáo ${reportDate ? viDate(reportDate) : 'hôm nay (=TODAY())'}.`,
    en: `Wrote ${output}: ${tasksEn(tasks)}, ${sheetsEn(sheets)}, report date ${reportDate ? viDate(reportDate) : 'today (=TODAY())'}.`,
  }),
  'wrote-forms': ({
    forms,
    folder,
    replyBy,
    tracker,
  }: {
    forms: number;
    folder: string;
    /** ISO date. */
    replyBy: string;
    tracker: string;
  }) => ({
    vi: `Đã ghi ${plural('vi', forms, { other: '# phiếu báo cáo' })} vào ${folder} (hạn trả lời ${viDate(replyBy)}); đã ghi vào Lịch sử của ${tracker}:`,
    en: `Wrote ${plural('en', forms, { one: '# report form', other: '# report forms' })} to ${folder} (reply by ${viDate(replyBy)}); recorded in the History of ${tracker}:`,
  }),
  'form-rows': ({ rows }: { rows: number }) => ({
    vi: plural('vi', rows, { other: '# dòng' }),
    en: plural('en', rows, { one: '# row', other: '# rows' }),
  }),
  'error-line': ({ message }: { message: Words }) => ({
    vi: `Lỗi: ${message.vi}.`,
    en: `Error: ${message.en}.`,
  }),
  'unexpected-error': ({ detail }: { detail: string }) => ({
    vi: `Lỗi không mong đợi: ${detail}. Hãy báo lỗi kèm tệp đầu vào.`,
    en: `Unexpected error: ${detail}. Please report it with the input file.`,
  }),
} satisfies Record<string, (params: never) => Words>;

export type CliMessageKey = keyof typeof CLI_MESSAGES;

/** The labels of the plan's summary lines. */
export type SummaryLabel =
  | 'summary-document'
  | 'summary-title'
  | 'summary-year'
  | 'summary-tables'
  | 'summary-sections'
  | 'summary-tasks'
  | 'summary-findings';

/** The parameters a message takes (`{}` for a message without any). */
export type CliMessageParams<K extends CliMessageKey> =
  Parameters<(typeof CLI_MESSAGES)[K]> extends [infer Params] ? Params : Record<string, never>;

/** The message `key` worded with `params`, in both languages. */
export function cliWords<K extends CliMessageKey>(key: K, params: CliMessageParams<K>): Words {
  const word = CLI_MESSAGES[key] as (params: CliMessageParams<K>) => Words;
  return word(params);
}

/** A line for both languages at once: "Vietnamese / English". */
export function bothLanguages<K extends CliMessageKey>(
  key: K,
  params: CliMessageParams<K>,
): string {
  const words = cliWords(key, params);
  return `${words.vi} / ${words.en}`;
}

/** The message in one language. */
export function cliText<K extends CliMessageKey>(
  language: Language,
  key: K,
  params: CliMessageParams<K>,
): string {
  return cliWords(key, params)[language];
}

/** "Vietnamese label / English label: value", as the plan's summary lines read. */
export function labelled(key: SummaryLabel, value: string | number): string {
  const words = cliWords(key, {});
  return `${words.vi} / ${words.en}: ${value}`;
}

/** `cliText` bound to one language, for a formatter that says many lines in it. */
export function speakerIn(
  language: Language,
): <K extends CliMessageKey>(key: K, params: CliMessageParams<K>) => string {
  return (key, params) => cliText(language, key, params);
}
