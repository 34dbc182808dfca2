// Any input `phuluc parse` and `phuluc build` accept, read into a plan: an appendix as text,
// .xlsx, .docx or PDF, or the JSON of `phuluc parse --json` (./plan-json).

import { planFromGrid, parsePlanText, type ParseOptions } from '../core/plan/parse';
import type { Plan } from '../core/plan/types';
import { DocxReadError, readDocxGridSync } from '../readers/docx';
import { PdfReadError, readPdfGrid } from '../readers/pdf';
import { loadPdfLib } from '../readers/pdf/node';
import { openXlsx, XlsxReadError } from '../readers/xlsx';
import { CliError } from './errors';
import { readSource, type Source } from './input';
import type { CommandIO } from './io';
import { looksLikePlanJson, planFromJson } from './plan-json';

const hasAppendix = (plan: Plan): boolean =>
  plan.tables.some((t) => t.kind === 'tasks' || t.kind === 'report-form');

/** An .xlsx appendix: the sheet shown on opening, or else the first sheet with tasks. */
async function planFromXlsx(bytes: Uint8Array, path: string, options: ParseOptions): Promise<Plan> {
  try {
    const book = await openXlsx(bytes);
    const order = [
      book.active,
      ...book.sheets.filter((s) => !s.hidden && s.name !== book.active).map((s) => s.name),
    ];
    let fallback: Plan | null = null;
    for (const name of order) {
      const plan = planFromGrid(book.grid(name), options);
      if (plan.tasks.length > 0) return plan;
      if (!fallback && hasAppendix(plan)) fallback = plan;
    }
    return fallback ?? planFromGrid(book.grid(book.active), options);
  } catch (error) {
    if (!(error instanceof XlsxReadError)) throw error;
    throw new CliError(
      `không đọc được tệp Excel "${path}": ${error.vi} (${error.detail})`,
      `cannot read the Excel file "${path}": ${error.en} (${error.detail})`,
    );
  }
}

/** A Word document: its tables read from the document's XML, merges known. */
function planFromDocx(bytes: Uint8Array, path: string, options: ParseOptions): Plan {
  try {
    return planFromGrid(readDocxGridSync(bytes), options);
  } catch (error) {
    if (!(error instanceof DocxReadError)) throw error;
    if (error.code === 'encrypted') {
      throw new CliError(
        `tệp Word "${path}" có mật khẩu: hãy mở và lưu lại không đặt mật khẩu`,
        `the Word file "${path}" is password-protected: open it and save it without a password`,
      );
    }
    throw new CliError(
      `không đọc được tệp Word "${path}" (${error.message})`,
      `cannot read the Word file "${path}" (${error.message})`,
    );
  }
}

/** What to tell a person whose PDF cannot be read, by the reader's reason. */
export const PDF_MESSAGES: Record<PdfReadError['code'], [string, string]> = {
  scanned: [
    'tệp PDF là bản quét (ảnh chụp các trang), không có lớp chữ: cần nhận dạng chữ (OCR) trước, việc PhuLuc không làm. Hãy dùng bản Word (.docx) hoặc bản PDF có chữ của văn bản',
    'the PDF is a scan (pictures of its pages) with no text layer: it needs OCR first, which PhuLuc does not do. Use the Word (.docx) version or a PDF with text',
  ],
  garbage: [
    'lớp chữ của tệp PDF không đọc được (phông chữ mã hóa lạ): đọc ra sẽ là chữ vô nghĩa. Hãy dùng bản Word (.docx) hoặc một bản PDF khác của văn bản',
    "the PDF's text layer cannot be read (fonts with an odd encoding): reading it would give nonsense. Use the Word (.docx) version or another PDF of the document",
  ],
  empty: ['tệp PDF không có chữ nào', 'the PDF holds no text'],
  encrypted: [
    'tệp PDF có mật khẩu: hãy mở và lưu (in) lại thành PDF không mật khẩu',
    'the PDF is password-protected: open it and save (print) it again as a PDF without a password',
  ],
  damaged: ['tệp PDF bị hỏng, không mở được', 'the PDF is damaged and cannot be opened'],
};

/** A PDF: its tables read from ruling lines and text positions. */
async function planFromPdf(bytes: Uint8Array, path: string, options: ParseOptions): Promise<Plan> {
  try {
    return planFromGrid(await readPdfGrid(bytes, await loadPdfLib()), options);
  } catch (error) {
    if (!(error instanceof PdfReadError)) throw error;
    const [vi, en] = PDF_MESSAGES[error.code];
    throw new CliError(`"${path}": ${vi}`, `"${path}": ${en}`);
  }
}

/** Reads any input the command line accepts into a plan. */
export async function readAnyPlan(
  path: string,
  options: ParseOptions,
  io: CommandIO,
  source?: Source,
): Promise<Plan> {
  const input = source ?? (await readSource(path));
  if (input.kind === 'text' && looksLikePlanJson(input.text, path)) {
    if (options.directory || options.beforeInclusive) {
      io.stderr(
        'phuluc: --units và --before-inclusive không áp dụng cho kế hoạch JSON (đã đọc xong). / --units and --before-inclusive do not apply to a JSON plan (already read).\n',
      );
    }
    return planFromJson(input.text, path, io.stderr);
  }
  let plan: Plan;
  switch (input.kind) {
    case 'xlsx':
      plan = await planFromXlsx(input.bytes, path, options);
      break;
    case 'docx':
      plan = planFromDocx(input.bytes, path, options);
      break;
    case 'pdf':
      plan = await planFromPdf(input.bytes, path, options);
      break;
    default:
      plan = parsePlanText(input.text, options);
  }
  if (!hasAppendix(plan)) {
    if (input.kind === 'pdf') {
      throw new CliError(
        'không tìm thấy bảng phụ lục trong tệp PDF: PDF có chữ nhưng không có bảng nào có cột STT, Nhiệm vụ, Đơn vị chủ trì, Thời gian… (bảng có thể ở một tệp phụ lục riêng, hoặc là ảnh chèn vào)',
        'no appendix table found in the PDF: it has text but no table with STT, task, lead unit, time… columns (the table may be in a separate appendix file, or a picture)',
      );
    }
    throw new CliError(
      'không tìm thấy bảng phụ lục trong tệp (cần một bảng có cột STT, Nhiệm vụ, Đơn vị chủ trì, Thời gian…)',
      'no appendix table found in the file (expected a table with STT, task, lead unit, time… columns)',
    );
  }
  return plan;
}

/**
 * A plan without tasks makes no tracker: the command refuses, as the page does, and says what to
 * do (a report-forms-only document, seed 003; a task table with no rows).
 */
export function noTasksError(path: string, plan: Plan): CliError {
  const forms = plan.tables.filter((t) => t.kind === 'report-form').length;
  const hasTaskTable = plan.tables.some((t) => t.kind === 'tasks');
  const [what, whatEn] = hasTaskTable
    ? ['bảng phân công không có nhiệm vụ nào', 'its task table holds no task']
    : forms > 0
      ? [
          `chỉ có biểu mẫu báo cáo (${forms} bảng), không có bảng phân công nhiệm vụ`,
          `it holds report forms only (${forms} tables), no task table`,
        ]
      : ['không có bảng phân công nhiệm vụ', 'it has no task table'];
  return new CliError(
    `"${path}": ${what}, nên không có nhiệm vụ để theo dõi và không tạo sổ. Nếu một bảng thực ra là bảng nhiệm vụ, hãy mở tệp trên trang PhuLuc (npm start) và chọn cột "Nhiệm vụ" cho bảng đó; nếu các hạn nằm trong lời văn, hãy lập bảng phân công`,
    `"${path}": ${whatEn}, so there is nothing to track and no workbook was made. If a table is in fact a task table, open the file in the PhuLuc page (npm start) and choose its "Task" column; if the deadlines are in the prose, make an assignment table`,
  );
}
