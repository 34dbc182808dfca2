// The findings' catalogue: every finding is a code and its parameters (plain JSON values: task
// ids, texts, numbers, ISO dates), and its sentences — Vietnamese first, English second — are
// made here from them, in one place, so the wording stays consistent and a program reading the
// JSON never has to parse a sentence.
import type { GridStructure } from '../grid/types';
import type { Finding, FindingParams, IsoDate, Severity } from '../plan/types';
import { describeReplaced } from '../text/legal';
import { plural, type Language } from '../text/language';
import { viDate } from '../time/calendar';

export type Field = NonNullable<Finding['field']>;

export const FIELD_VI: Record<Field, string> = {
  stt: 'STT',
  title: 'nhiệm vụ',
  lead: 'đơn vị chủ trì',
  support: 'đơn vị phối hợp',
  time: 'thời gian',
  product: 'sản phẩm',
};

export const FIELD_EN: Record<Field, string> = {
  stt: 'STT',
  title: 'task',
  lead: 'lead unit',
  support: 'coordinating units',
  time: 'time',
  product: 'deliverable',
};

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export { viDate };

/** 40000 → "40.000" (vi), "40,000" (en). */
export function groupDigits(n: number, language: Language): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, language === 'vi' ? '.' : ',');
}

/** The parameters of each kind of finding the core raises. */
export type FindingParamsByCode = {
  'source-structure': { structure: GridStructure };
  'row-guessed': {
    /** What the row reader guessed: a lost merge, a parent's cells, a row cut by a page. */
    guess: 'merged-lead' | 'parent-cells' | 'cut-row';
    line: number;
    task: string | null;
    /** The task whose cells were used (merged-lead, parent-cells). */
    from: string;
    /** The cells taken from `from`: lead, support, start, due, time… */
    roles: string[];
  };
  'table-unrecognised': { table: number; firstRow: number; lastRow: number; headers: string[] };
  'no-task-table': { reportForms: number; otherTables: number };
  'appendix-mismatch':
    | { mismatch: 'number'; citedType: string; citedNumber: string; headNumber: string }
    | {
        mismatch: 'date';
        citedType: string;
        citedNumber: string | null;
        citedDate: IsoDate;
        headDate: IsoDate;
      };
  /**
   * The characters replaced, the most frequent first, and how often each was (`counts[i]` is
   * for `characters[i]`): two flat lists, as the plan JSON's parameters hold.
   */
  'illegal-characters': { total: number; characters: string[]; counts: number[] };
  'task-empty': Record<string, never>;
  /** `above`: the filled cell of the task above, offered as "same as above" (a lost merge). */
  'lead-missing': { above?: string };
  'time-missing': { above?: string };
  'maybe-lost-merge': { field: 'support' | 'product'; above: string };
  'time-unknown': { time: string };
  'time-vague': { time: string };
  'time-several': { times: string[]; due: IsoDate | null };
  'due-before-start': { due: IsoDate; start: IsoDate };
  'due-before-issue': { due: IsoDate; issued: IsoDate };
  'due-outside-plan': { due: IsoDate; firstYear: number; lastYear: number };
  'lead-is-support': { units: string[] };
  'cell-cut': { field: 'lead' | 'support'; unit: string } | { field: 'title' };
  /** `cell`: a task field, the note, or an extra column named by `header`. */
  'cell-too-long': {
    cell: Field | 'note' | 'extra';
    header?: string;
    length: number;
    limit: number;
  };
  'cell-shifted': {
    field: 'lead' | 'support';
    fragment: string;
    whole: string;
    rest: string;
    /** The task the fragment was at the start of, and the task above whose name it ends. */
    task: string | null;
    above: string | null;
  };
  'stt-duplicate': { stt: number; first: string };
  'stt-order': { stt: number; previous: number };
  'stt-skipped': { from: number; to: number; task: string };
  'task-duplicate': { task: string; first: string };
  'unit-unknown': { unit: string; spellings: string[]; tasks: string[]; hint: string | null };
  'unit-maybe-same': {
    first: string;
    second: string;
    /** The less used spelling (the one to fix), the tasks naming it, and the other spelling. */
    target: string;
    other: string;
    tasks: string[];
  };
  /** Pages of a PDF skipped: scans without text, damaged, or an unreadable text layer. */
  'pdf-scanned-pages': { pages: number[] };
  'pdf-damaged-pages': { pages: number[] };
  'pdf-unreadable-pages': { pages: number[] };
  /** Page numbers, running heads, footers and signature stamps left out of a PDF. */
  'pdf-furniture': { lines: number };
  /** An Excel that does not say which cells are merged. */
  'merges-unknown': Record<string, never>;
  /** `cell`: its A1 address; `error`: the error value shown, e.g. #REF!. */
  'cell-error': { cell: string; error: string };
  /** An extension (Gia hạn đến) typed in the tracker that is not later than the deadline. */
  'extension-not-later': { extendedTo: IsoDate; due: IsoDate };
};

export type FindingCode = keyof FindingParamsByCode;

/** One sentence in both languages. */
export interface Words {
  vi: string;
  en: string;
}

export interface FindingText {
  message: Words;
  suggestion?: Words;
}

const words = (vi: string, en: string): Words => ({ vi, en });

const STRUCTURE: Record<GridStructure, Words> = {
  'docx-table': words(
    'Cấu trúc bảng lấy từ bảng Word (.docx): các ô gộp (gộp cột, gộp dòng) đã biết chắc chắn.',
    'Table structure read from the Word table (.docx): merged cells (across columns and rows) are known for certain.',
  ),
  'html-table': words(
    'Cấu trúc bảng lấy từ bảng HTML (dán từ Word, trình duyệt hoặc Excel): các ô gộp đã biết chắc chắn.',
    'Table structure read from an HTML table (pasted from Word, a browser or Excel): merged cells are known for certain.',
  ),
  'pdf-ruled': words(
    'Cấu trúc bảng đọc từ PDF theo đường kẻ bảng và vị trí chữ: các ô gộp được suy ra từ đường kẻ, không biết chắc chắn như từ Word. Hãy đối chiếu các ô trống với bản gốc.',
    'Table structure read from the PDF by its ruling lines and text positions: merged cells were inferred from the lines, not known for certain as from Word. Check blank cells against the original.',
  ),
  'pdf-text': words(
    'Bảng trong PDF không có đường kẻ: cột và dòng được đoán theo vị trí chữ, ô gộp không biết được. Hãy đối chiếu với bản gốc, hoặc dùng bản Word (.docx) nếu có.',
    'The PDF table has no ruling lines: columns and rows were guessed from text positions and merged cells cannot be known. Check against the original, or use the Word (.docx) version if there is one.',
  ),
  text: words(
    'Bảng lấy từ văn bản phân cách bằng tab: ô gộp đã mất khi chuyển đổi, một ô trống có thể là ô gộp với ô trên.',
    'Table read from tab-separated text: merged cells were lost in conversion, and a blank cell may be one merged with the cell above.',
  ),
};

/** The row reader's cell roles in Vietnamese words ("lead" → "chủ trì"). */
const ROLE_VI: Record<string, string> = {
  lead: 'chủ trì',
  support: 'phối hợp',
  time: 'thời gian',
  start: 'bắt đầu',
  due: 'hoàn thành',
};

const sameAbove = (above: string | undefined): Words | undefined =>
  above === undefined
    ? undefined
    : words(
        `Nếu trong bản gốc ô này gộp với ô trên, điền "như trên": ${above}`,
        `If this cell was merged with the one above in the original, fill in "same as above": ${above}`,
      );

/** At most five task ids, then the count: "I.1, I.2, … (7)". */
function taskList(ids: readonly string[]): string {
  const shown = ids.slice(0, 5).join(', ');
  return ids.length > 5 ? `${shown}, … (${ids.length})` : shown;
}

const QUOTED = 60;

/** A time text on one line in quotes, cut at 60 characters. */
function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return `“${chars.length <= QUOTED ? flat : `${chars.slice(0, QUOTED - 1).join('')}…`}”`;
}

/** Page numbers in words: "3", "3, 5 và 8" (vi), "3, 5 and 8" (en). */
function pageList(pages: readonly number[]): Words {
  const head = pages.slice(0, -1).join(', ');
  const last = pages[pages.length - 1];
  return pages.length <= 1
    ? words(`${last ?? ''}`, `${last ?? ''}`)
    : words(`${head} và ${last}`, `${head} and ${last}`);
}

/** Kinds of replaced characters named in one message; more are summed up as "…". */
const NAMED_CHARACTERS = 4;

const CATALOGUE: { [C in FindingCode]: (params: FindingParamsByCode[C]) => FindingText } = {
  'source-structure': ({ structure }) => ({ message: STRUCTURE[structure] }),

  'row-guessed': ({ guess, line, task, from, roles }) => {
    const vi = roles.map((role) => ROLE_VI[role] ?? role).join(', ');
    const en = roles.join(', ');
    switch (guess) {
      case 'merged-lead':
        return {
          message: words(
            `Dòng ${line} không có STT và đơn vị chủ trì nhưng có nội dung và thời gian riêng: đã đọc là nhiệm vụ mới (${task}), dùng ô ${vi} của nhiệm vụ ${from} ở trên (ô gộp bị mất khi chép). Hãy kiểm tra với bản gốc.`,
            `Line ${line} has no STT and no lead but a task and a time of its own: read as a new task (${task}) with the ${en} of task ${from} above (a merged cell lost in copying). Please check against the original.`,
          ),
        };
      case 'parent-cells':
        return {
          message: words(
            `Nhiệm vụ con ${task} không ghi ${vi}: dùng của nhiệm vụ ${from}. Hãy kiểm tra.`,
            `Sub-task ${task} gives no ${en}: those of task ${from} were used. Please check.`,
          ),
        };
      case 'cut-row':
        return {
          message: words(
            `Dòng ${line} không có STT: đã ghép vào nhiệm vụ ${task} vì ô ở trên bị ngắt giữa chừng (sang trang). Nếu đó là nhiệm vụ riêng, hãy tách ra.`,
            `Line ${line} has no STT: it was joined to task ${task} because a cell above stops mid-phrase (a page break). If it is a task of its own, split it.`,
          ),
        };
    }
  },

  'table-unrecognised': ({ table, firstRow, lastRow, headers }) => {
    const where = `${firstRow}–${lastRow}`;
    const columns = headers.join(' | ');
    return {
      message: words(
        `Bảng ${table} (dòng ${where}${columns ? `, cột: ${columns}` : ''}) không nhận ra được cột nhiệm vụ nên chưa đọc thành nhiệm vụ. Nếu đây là bảng phân công, hãy chọn cột cho bảng.`,
        `Table ${table} (lines ${where}${columns ? `, columns: ${columns}` : ''}) has no recognisable task column, so no task was read from it. If it assigns tasks, choose its columns.`,
      ),
    };
  },

  'no-task-table': ({ reportForms, otherTables }) => ({
    message: words(
      `Văn bản không có bảng phân công nhiệm vụ (tìm thấy ${reportForms} biểu mẫu báo cáo, ${otherTables} bảng khác).`,
      `The document has no task table (found ${plural('en', reportForms, { one: '# report form', other: '# report forms' })}, ${plural('en', otherTables, { one: '# other table', other: '# other tables' })}).`,
    ),
  }),

  'appendix-mismatch': (params) => {
    const what = `${params.citedType}${params.citedNumber ? ` số ${params.citedNumber}` : ''}`;
    const whatEn = `${params.citedType}${params.citedNumber ? ` no. ${params.citedNumber}` : ''}`;
    if (params.mismatch === 'number') {
      return {
        message: words(
          `Phụ lục ghi ban hành kèm theo ${what}, nhưng đầu văn bản ghi số ${params.headNumber}.`,
          `The appendix says it comes with ${whatEn}, but the document's head gives the number ${params.headNumber}.`,
        ),
        suggestion: words(
          'Đối chiếu số văn bản với bản gốc: phụ lục có thể thuộc một văn bản khác.',
          'Check the number against the original: the appendix may belong to another document.',
        ),
      };
    }
    const cited = viDate(params.citedDate);
    const head = viDate(params.headDate);
    return {
      message: words(
        `Phụ lục ghi ban hành kèm theo ${what} ngày ${cited}, nhưng đầu văn bản ghi ngày ${head}.`,
        `The appendix says it comes with ${whatEn} of ${cited}, but the document's head is dated ${head}.`,
      ),
      suggestion: words(
        `Đối chiếu ngày ban hành với bản gốc: các hạn được so với ngày ở đầu văn bản (${head}).`,
        `Check the issue date against the original: deadlines are compared with the head's date (${head}).`,
      ),
    };
  },

  'illegal-characters': ({ total, characters, counts }) => {
    const parts = characters
      .slice(0, NAMED_CHARACTERS)
      .map((character, index) => describeReplaced(character, counts[index] ?? 0));
    const more = characters.length - NAMED_CHARACTERS;
    const vi = [...parts.map(([vi]) => vi), ...(more > 0 ? [`… (${more} loại khác)`] : [])];
    const en = [...parts.map(([, en]) => en), ...(more > 0 ? [`… (${more} other kinds)`] : [])];
    return {
      message: words(
        `Đã sửa ${total} ký tự không ghi được vào tệp Excel (thường do sao chép từ Word): ${vi.join('; ')}.`,
        `Fixed ${plural('en', total, { one: '# character', other: '# characters' })} an Excel file cannot hold (often left by copying from Word): ${en.join('; ')}.`,
      ),
    };
  },

  'task-empty': () => ({ message: words('Nhiệm vụ không có nội dung.', 'The task has no text.') }),

  'lead-missing': ({ above }) => ({
    message: words('Nhiệm vụ chưa có đơn vị chủ trì.', 'The task has no lead unit.'),
    suggestion: sameAbove(above),
  }),

  'time-missing': ({ above }) => ({
    message: words('Nhiệm vụ chưa có thời gian thực hiện.', 'The task has no time.'),
    suggestion: sameAbove(above),
  }),

  'maybe-lost-merge': ({ field, above }) => ({
    message: words(
      `Ô ${FIELD_VI[field]} trống ngay dưới ô có nội dung; có thể là ô gộp bị mất khi chuyển đổi.`,
      `The ${FIELD_EN[field]} cell is blank under a filled one; it may be a merged cell lost in conversion.`,
    ),
    suggestion: sameAbove(above),
  }),

  'time-unknown': ({ time }) => ({
    message: words(`Không hiểu được thời gian "${time}".`, `The time "${time}" is not understood.`),
    suggestion: words(
      'Ghi rõ ngày, tháng, quý hoặc năm (ví dụ: "Quý II/2024", "Trước 15/3/2024").',
      'Write a date, month, quarter or year (e.g. "Quý II/2024", "Trước 15/3/2024").',
    ),
  }),

  'time-vague': ({ time }) => ({
    message: words(
      `Thời gian "${time}" không xác định được hạn.`,
      `The time "${time}" gives no deadline.`,
    ),
    suggestion: words(
      'Ghi một thời hạn cụ thể để theo dõi được.',
      'Give a concrete deadline so the task can be tracked.',
    ),
  }),

  'time-several': ({ times, due }) => {
    const list = times.map(quote).join('; ');
    return {
      message: words(
        `Ô thời gian ghi ${times.length} mốc thời gian khác nhau: ${list}. ` +
          (due
            ? `Sổ theo dõi lấy hạn sớm nhất (${viDate(due)}).`
            : 'Sổ theo dõi lấy mốc đầu tiên.'),
        `The time cell holds ${times.length} different times: ${list}. ` +
          (due
            ? `The tracker takes the earliest deadline (${viDate(due)}).`
            : 'The tracker takes the first one.'),
      ),
      suggestion: words(
        'Nếu mỗi mốc là của một phần việc, hãy tách thành các nhiệm vụ riêng; nếu không, ghi một thời hạn.',
        'If each time belongs to a part of the work, split it into tasks of their own; if not, give one deadline.',
      ),
    };
  },

  'due-before-start': ({ due, start }) => ({
    message: words(
      `Hạn hoàn thành (${viDate(due)}) trước ngày bắt đầu (${viDate(start)}).`,
      `The due date (${viDate(due)}) is before the start (${viDate(start)}).`,
    ),
  }),

  'due-before-issue': ({ due, issued }) => ({
    message: words(
      `Hạn ${viDate(due)} trước ngày ban hành kế hoạch (${viDate(issued)}).`,
      `The deadline ${viDate(due)} is before the plan's issue date (${viDate(issued)}).`,
    ),
  }),

  'due-outside-plan': ({ due, firstYear, lastYear }) => {
    const span = firstYear === lastYear ? `${firstYear}` : `${firstYear}–${lastYear}`;
    return {
      message: words(
        `Hạn ${viDate(due)} nằm ngoài năm của kế hoạch (${span}).`,
        `The deadline ${viDate(due)} is outside the plan's years (${span}).`,
      ),
    };
  },

  'lead-is-support': ({ units }) => {
    const names = units.map((unit) => `"${unit}"`).join(', ');
    return {
      message: words(
        `${names} vừa là đơn vị chủ trì vừa là đơn vị phối hợp.`,
        `${names} ${plural('en', units.length, { one: 'is', other: 'are' })} both lead and coordinating.`,
      ),
      suggestion: words(
        `Bỏ ${names} khỏi cột phối hợp.`,
        `Remove ${names} from the coordinating units.`,
      ),
    };
  },

  'cell-cut': (params) => ({
    message:
      params.field === 'title'
        ? words('Nội dung nhiệm vụ có vẻ bị cắt ở cuối.', 'The task text looks cut off at the end.')
        : words(
            `Tên đơn vị "${params.unit}" có vẻ bị cắt (phần còn lại có thể nằm ở dòng khác).`,
            `The unit name "${params.unit}" looks cut off (the rest may sit on another row).`,
          ),
  }),

  'cell-too-long': ({ cell, header, length, limit }) => {
    const [vi, en] =
      cell === 'note'
        ? ['ghi chú', 'note']
        : cell === 'extra'
          ? [`"${header ?? ''}"`, `"${header ?? ''}"`]
          : [FIELD_VI[cell], FIELD_EN[cell]];
    return {
      message: words(
        `Ô ${vi} dài ${groupDigits(length, 'vi')} ký tự, quá ${groupDigits(limit, 'vi')} ký tự một ô Excel chứa được: sổ theo dõi chỉ ghi phần đầu, có ghi chú cắt ở cuối ô.`,
        `The ${en} cell is ${groupDigits(length, 'en')} characters long, more than the ${groupDigits(limit, 'en')} an Excel cell holds: the workbook keeps its beginning, with a note at the end of the cell.`,
      ),
    };
  },

  'cell-shifted': ({ field, fragment, whole, rest, task, above }) => ({
    message: words(
      `Ô ${field === 'lead' ? 'chủ trì' : 'phối hợp'} bị lệch dòng: "${fragment}" ở đầu ô của nhiệm vụ ${task} là phần cuối tên "${whole}" của nhiệm vụ ${above}. Đã ghép lại; hãy kiểm tra.`,
      `The ${field} cell is shifted: "${fragment}" at the start of task ${task}'s cell ends the name "${whole}" of task ${above}. It was moved back; please check.`,
    ),
    suggestion: words(
      `Nhiệm vụ ${above}: "${whole}"; nhiệm vụ ${task}: "${rest}"`,
      `Task ${above}: "${whole}"; task ${task}: "${rest}"`,
    ),
  }),

  'stt-duplicate': ({ stt, first }) => ({
    message: words(
      `STT ${stt} lặp lại (đã có ở nhiệm vụ ${first}).`,
      `STT ${stt} repeats (already used by task ${first}).`,
    ),
  }),

  'stt-order': ({ stt, previous }) => ({
    message: words(
      `STT ${stt} đứng sau STT ${previous}: sai thứ tự.`,
      `STT ${stt} comes after STT ${previous}: out of order.`,
    ),
  }),

  'stt-skipped': ({ from, to, task }) => {
    const missing = from === to ? `${from}` : `${from}–${to}`;
    return {
      message: words(
        `Thiếu STT ${missing} trước nhiệm vụ ${task}.`,
        `STT ${missing} is missing before task ${task}.`,
      ),
    };
  },

  'task-duplicate': ({ task, first }) => ({
    message: words(
      `Nhiệm vụ ${task} trùng nội dung với nhiệm vụ ${first}.`,
      `Task ${task} has the same text as task ${first}.`,
    ),
    suggestion: words(
      'Gộp hai nhiệm vụ, hoặc ghi rõ điểm khác nhau.',
      'Merge the two tasks, or say how they differ.',
    ),
  }),

  'unit-unknown': ({ unit, spellings, tasks, hint }) => {
    const spelled = spellings.map((spelling) => `"${spelling}"`).join(', ');
    const written = spellings.length > 1 ? ` (cách viết: ${spelled})` : '';
    const writtenEn = spellings.length > 1 ? ` (spelled ${spelled})` : '';
    return {
      message: words(
        `Đơn vị "${unit}"${written} không có trong danh mục đơn vị (nhiệm vụ ${taskList(tasks)}).`,
        `Unit "${unit}"${writtenEn} is not in the unit directory (${plural('en', tasks.length, { one: 'task', other: 'tasks' })} ${taskList(tasks)}).`,
      ),
      suggestion:
        hint !== null
          ? words(
              `Có thể là "${hint}": nếu đúng, thêm "${unit}" vào tên khác của đơn vị này trong danh mục; nếu không, thêm đơn vị mới.`,
              `Possibly "${hint}": if so, add "${unit}" to that unit's aliases in the directory; otherwise add a new unit.`,
            )
          : words(
              `Thêm "${unit}" vào danh mục đơn vị, hoặc vào tên khác của một đơn vị đã có.`,
              `Add "${unit}" to the unit directory, or to the aliases of an existing unit.`,
            ),
    };
  },

  'unit-maybe-same': ({ first, second, target, other, tasks }) => ({
    message: words(
      `"${first}" và "${second}" có thể là cùng một đơn vị nhưng chưa được gộp; "${target}" có ở nhiệm vụ ${taskList(tasks)}.`,
      `"${first}" and "${second}" may be the same unit but were not merged; "${target}" is in ${plural('en', tasks.length, { one: 'task', other: 'tasks' })} ${taskList(tasks)}.`,
    ),
    suggestion: words(
      `Thống nhất cách viết: nếu là một đơn vị, dùng "${other}" ở mọi nhiệm vụ hoặc khai báo "${target}" là tên khác của nó trong danh mục đơn vị.`,
      `Use one spelling: if this is one unit, write "${other}" in every task or declare "${target}" as its alias in the unit directory.`,
    ),
  }),

  'pdf-scanned-pages': ({ pages }) => {
    const list = pageList(pages);
    return {
      message: words(
        `Trang ${list.vi} của PDF là ảnh quét, không có lớp chữ: đã bỏ qua (cần nhận dạng chữ — OCR — mà PhuLuc không làm).`,
        `Page ${list.en} of the PDF is a scan with no text layer: skipped (it needs OCR, which PhuLuc does not do).`,
      ),
    };
  },

  'pdf-damaged-pages': ({ pages }) => {
    const list = pageList(pages);
    return {
      message: words(
        `Trang ${list.vi} của PDF bị hỏng, không đọc được: đã bỏ qua. Hãy đối chiếu với bản gốc.`,
        `Page ${list.en} of the PDF is damaged and cannot be read: skipped. Check against the original.`,
      ),
    };
  },

  'pdf-unreadable-pages': ({ pages }) => {
    const list = pageList(pages);
    return {
      message: words(
        `Lớp chữ của trang ${list.vi} không đọc được (phông chữ mã hóa lạ): đã bỏ qua trang đó. Hãy đối chiếu với bản gốc hoặc dùng bản Word (.docx).`,
        `The text layer of page ${list.en} cannot be read (an odd font encoding): that page was skipped. Check against the original or use the Word (.docx) version.`,
      ),
    };
  },

  'pdf-furniture': ({ lines }) => ({
    message: words(
      `Đã bỏ qua ${lines} dòng số trang, đầu trang, chân trang hoặc dấu chữ ký số của PDF.`,
      `Left out ${lines} page-number, running-head, footer or digital-signature lines of the PDF.`,
    ),
  }),

  'merges-unknown': () => ({
    message: words(
      'Excel này không cho biết ô nào là ô gộp: một ô trống dưới ô có nội dung có thể là ô gộp. PhuLuc đánh dấu những chỗ đó để kiểm tra.',
      'This Excel does not tell which cells are merged: a blank under a filled cell may be a merged cell. PhuLuc marks those places for checking.',
    ),
  }),

  'cell-error': ({ cell, error }) => ({
    message: words(
      `Ô ${cell} có giá trị lỗi ${error}: PhuLuc đọc ô này như ô trống. Hãy sửa công thức trong bảng gốc.`,
      `Cell ${cell} holds the error ${error}: PhuLuc read it as blank. Fix the formula in the source table.`,
    ),
  }),

  'extension-not-later': ({ extendedTo, due }) => ({
    message: words(
      `Gia hạn đến ${viDate(extendedTo)} không sau Hạn ${viDate(due)}: hãy kiểm tra lại ngày gia hạn.`,
      `Extended to ${viDate(extendedTo)}, which is not after the deadline ${viDate(due)}: check the extension date.`,
    ),
  }),
};

export const CATALOGUED_CODES: readonly FindingCode[] = Object.keys(CATALOGUE) as FindingCode[];

/** Whether the catalogue words this code (a plan from JSON may carry one it does not know). */
export const isCatalogued = (code: string): code is FindingCode =>
  Object.prototype.hasOwnProperty.call(CATALOGUE, code);

/** The sentences of a finding made from its code and parameters, in both languages. */
export function findingText<C extends FindingCode>(
  code: C,
  params: FindingParamsByCode[C],
): FindingText {
  return CATALOGUE[code](params);
}

/**
 * A finding's parameters as its code defines them, or null when the finding is of another code
 * or carries none (a plan read from an older JSON file). The parameters are those `finding()`
 * stored for the code, so the catalogue's type describes them.
 */
export function paramsOf<C extends FindingCode>(
  item: Pick<Finding, 'code' | 'params'>,
  code: C,
): FindingParamsByCode[C] | null {
  if (item.code !== code || item.params === undefined) return null;
  return item.params as unknown as FindingParamsByCode[C];
}

/**
 * A finding's sentence in one language: made from its code and parameters when the catalogue
 * knows the code and the finding carries them (a plan read back from JSON included), else the
 * words the finding was raised with.
 */
export function findingMessage(
  item: Pick<Finding, 'code' | 'params' | 'message' | 'messageEn' | 'suggestion' | 'suggestionEn'>,
  language: Language,
): { message: string; suggestion?: string } {
  if (item.params !== undefined && isCatalogued(item.code)) {
    const make = CATALOGUE[item.code] as (params: FindingParams) => FindingText;
    try {
      const text = make(item.params);
      return { message: text.message[language], suggestion: text.suggestion?.[language] };
    } catch {
      // Parameters from an outside JSON file that do not fit the code: the words given stay.
    }
  }
  return language === 'vi'
    ? { message: item.message, suggestion: item.suggestion }
    : {
        message: item.messageEn ?? item.message,
        suggestion: item.suggestionEn ?? item.suggestion,
      };
}

/** A finding of a catalogued kind: its sentences come from the catalogue, never from the caller. */
export function finding<C extends FindingCode>(
  code: C,
  severity: Severity,
  task: string | null,
  rows: number[],
  params: FindingParamsByCode[C],
  extra: { field?: Field } = {},
): Finding {
  const text = findingText(code, params);
  const made: Finding = {
    code,
    severity,
    task,
    message: text.message.vi,
    messageEn: text.message.en,
    rows,
  };
  if (extra.field) made.field = extra.field;
  if (text.suggestion) {
    made.suggestion = text.suggestion.vi;
    made.suggestionEn = text.suggestion.en;
  }
  made.params = params as FindingParams;
  return made;
}
