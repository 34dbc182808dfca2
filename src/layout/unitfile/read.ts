// A unit file read back (through the one .xlsx reader or Office.js, as a ReadBook): its ticket
// and what the unit wrote. Whatever program saved it (Excel, LibreOffice, WPS, Google Sheets,
// openpyxl), only cells are read: no styles, names or cached formats are needed. A file whose
// ticket is missing or altered, whose rows were added, deleted or given other Mã, or that holds
// a value of the wrong type, is refused with a message saying where (UnitFileError).

import { serialToIso, isoFromText } from '../../excel/dates';
import { foldForMatch } from '../../core/text/normalize';
import type { Language } from '../../core/text/language';
import { stateOfLabel, labelsFor } from '../labels';
import { columnLetter, splitSheetRef } from '../../excel/a1';
import type { ReadBook, ReadCell, ReadSheet } from '../tracker/model';
import { valueText } from '../tracker/read';
import { ANSWER_HEADER_ROW, TICKET_KEYS, TICKET_ROWS, ticketChecksum } from './layout';
import {
  ANSWER_FIELDS,
  ANSWER_MARKER,
  NO_VALUES,
  TICKET_MARKER,
  TICKET_SHEET,
  UNIT_FILE_FORMAT,
  type AnswerField,
  type AnswerFile,
  type FieldValues,
  type Ticket,
} from './model';
import { fieldLabel, numberText } from './values';

export class UnitFileError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'UnitFileError';
  }
}

const textOf = (cell: ReadCell | undefined): string =>
  cell ? valueText(cell.value).normalize('NFC').trim() : '';

function sheetByName(book: ReadBook, marker: string, fallback: string | null): ReadSheet | null {
  const item = book.names.find((n) => n.name.toLowerCase() === marker.toLowerCase());
  const ref = item ? splitSheetRef(item.formula.replace(/^=/, '')) : null;
  const wanted = ref?.sheet ?? fallback;
  const name = wanted && book.sheets.find((s) => s.toLowerCase() === wanted.toLowerCase());
  return (name && book.sheet(name)) || null;
}

const notOurs = (): UnitFileError =>
  new UnitFileError(
    'tệp không phải phiếu báo cáo do PhuLuc gửi (không có trang "PhuLuc_Phieu" với dữ liệu nhận diện phiếu)',
    'the file is not a report form sent by PhuLuc (no "PhuLuc_Phieu" sheet identifying it)',
  );

function readTicket(book: ReadBook): Ticket {
  const sheet = sheetByName(book, TICKET_MARKER, TICKET_SHEET);
  if (!sheet) throw notOurs();
  const at = (r: number, c: number): string => textOf(sheet.cell(r, c));
  const format = at(1, 1);
  if (!format.startsWith('phuluc.unitfile/')) throw notOurs();
  if (format !== UNIT_FILE_FORMAT)
    throw new UnitFileError(
      `phiếu theo định dạng "${format}", phiên bản PhuLuc này đọc "${UNIT_FILE_FORMAT}"`,
      `the form is in format "${format}"; this PhuLuc reads "${UNIT_FILE_FORMAT}"`,
    );
  const kv = new Map<string, string>();
  TICKET_KEYS.forEach((k, i) => {
    if (at(2 + i, 1) === k) kv.set(k, at(2 + i, 2));
  });
  const count = Number(kv.get('count'));
  const rows: Ticket['rows'] = [];
  for (let i = 0; i < count; i++) {
    const r = TICKET_ROWS + i;
    const values = { ...NO_VALUES };
    ANSWER_FIELDS.forEach((f, j) => (values[f] = at(r, 2 + j)));
    rows.push({ code: at(r, 1), values });
  }
  const ticket: Ticket = {
    format,
    fingerprint: kv.get('fingerprint') ?? '',
    planNumber: kv.get('planNumber') ?? '',
    unit: kv.get('unit') ?? '',
    sentAt: kv.get('sentAt') ?? '',
    replyBy: isoFromText(kv.get('replyBy') ?? '') ?? null,
    ticket: kv.get('ticket') ?? '',
    rows,
  };
  if (
    !Number.isInteger(count) ||
    !ticket.fingerprint ||
    !ticket.ticket ||
    kv.get('checksum') !== ticketChecksum(ticket)
  )
    throw new UnitFileError(
      'dữ liệu nhận diện phiếu (trang ẩn "PhuLuc_Phieu") đã bị sửa, nên không biết chắc phiếu gửi đi thế nào: hãy dùng đúng tệp đã gửi cho đơn vị, hoặc gửi lại phiếu mới',
      'the data identifying the form (hidden sheet "PhuLuc_Phieu") was edited, so what was sent is not known for sure: use the file as sent to the unit, or send a new form',
    );
  return ticket;
}

/** Reads a unit file's ticket and answers; throws UnitFileError when it cannot be trusted. */
export function readAnswerFile(book: ReadBook): AnswerFile {
  const ticket = readTicket(book);
  const language = ticket.unit ? guessLanguage(book) : 'vi';
  const sheet =
    sheetByName(book, ANSWER_MARKER, null) ??
    book.sheets.map((s) => book.sheet(s)).find((s) => s && s.name !== TICKET_SHEET) ??
    null;
  if (!sheet) throw notOurs();
  // The header row: "Mã" in column A, where PhuLuc wrote it (or a few rows lower).
  const codeHeaders = new Set(
    (['vi', 'en'] as const).map((l) => foldForMatch(labelsFor(l).words.code!)),
  );
  let header = 0;
  for (let r = 1; r <= Math.min(sheet.lastRow, ANSWER_HEADER_ROW + 10); r++) {
    if (codeHeaders.has(foldForMatch(textOf(sheet.cell(r, 1))))) {
      header = r;
      break;
    }
  }
  if (!header)
    throw new UnitFileError(
      `không tìm thấy dòng tiêu đề (Mã, Nhiệm vụ…) trên trang "${sheet.name}": có thể tệp đã bị sửa cấu trúc`,
      `the header row (Mã, Nhiệm vụ…) was not found on "${sheet.name}": the file's structure may have been altered`,
    );
  const expected = new Map(ticket.rows.map((r) => [r.code, r]));
  const answers = new Map<string, FieldValues>();
  const where = (r: number, c: number): string => `"${sheet.name}"!${columnLetter(c - 1)}${r}`;
  const refuse = (vi: string, en: string): never => {
    throw new UnitFileError(
      `${vi}. Phiếu phải giữ nguyên các dòng như khi gửi: hãy sửa lại, hoặc gửi phiếu mới cho đơn vị`,
      `${en}. The form must keep its rows as sent: correct it, or send the unit a new form`,
    );
  };
  for (let r = header + 1; r <= sheet.lastRow; r++) {
    const code = textOf(sheet.cell(r, 1));
    const filled = [2, 3, 8, 9, 10, 11, 12, 13].some((c) => textOf(sheet.cell(r, c)) !== '');
    if (!code) {
      if (filled)
        refuse(`dòng ${r} không có Mã (dòng thêm vào?)`, `row ${r} has no ID (a row added?)`);
      continue;
    }
    if (!expected.has(code))
      refuse(
        `dòng ${r} có Mã "${code}" không có trong phiếu đã gửi (dòng thêm vào, hoặc Mã bị sửa)`,
        `row ${r} has ID "${code}", which is not in the form as sent (a row added, or an ID edited)`,
      );
    if (answers.has(code))
      refuse(`Mã "${code}" xuất hiện hai lần (dòng ${r})`, `ID "${code}" appears twice (row ${r})`);
    const values = { ...NO_VALUES };
    ANSWER_FIELDS.forEach((field, j) => {
      const c = 8 + j;
      values[field] = fieldValue(field, sheet.cell(r, c), where(r, c), language);
    });
    answers.set(code, values);
  }
  const missing = ticket.rows.filter((t) => !answers.has(t.code)).map((t) => t.code);
  if (missing.length > 0)
    refuse(
      `thiếu ${missing.length} dòng của phiếu đã gửi (Mã ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}): dòng bị xóa, hoặc Mã bị sửa`,
      `${missing.length} rows of the form as sent are missing (ID ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}): rows deleted, or IDs edited`,
    );
  return { ticket, answers };
}

function guessLanguage(book: ReadBook): Language {
  return book.sheets.some((s) => s === labelsFor('en').words.unitFileSheet) ? 'en' : 'vi';
}

/** A cell of a field in its comparable form; a value of the wrong type is refused. */
function fieldValue(
  field: AnswerField,
  cell: ReadCell | undefined,
  where: string,
  language: Language,
): string {
  const text = textOf(cell);
  if (!cell || (text === '' && cell.value.type !== 'number')) return '';
  const v = cell.value;
  const wrong = (vi: string, en: string): never => {
    const label = fieldLabel(field, language, 'file');
    throw new UnitFileError(
      `ô ${where} (${label}) có "${text.slice(0, 40)}": ${vi}`,
      `cell ${where} (${label}) holds "${text.slice(0, 40)}": ${en}`,
    );
  };
  switch (field) {
    case 'state': {
      const state = stateOfLabel(text);
      if (!state)
        wrong(
          `không phải một trạng thái trong danh sách (${Object.values(labelsFor('vi').states).join(', ')})`,
          `not a state of the list (${Object.values(labelsFor('en').states).join(', ')})`,
        );
      return state!;
    }
    case 'progress': {
      const n =
        v.type === 'number'
          ? v.value
          : /^-?\d+([.,]\d+)?\s*%?$/.test(text)
            ? Number(text.replace('%', '').replace(',', '.').trim())
            : NaN;
      if (!Number.isFinite(n) || n < 0 || n > 100)
        wrong('Tiến độ phải là một số từ 0 đến 100', 'Progress must be a number from 0 to 100');
      return numberText(n);
    }
    case 'completed':
    case 'extensionRequest': {
      const iso =
        v.type === 'date' ? v.iso : v.type === 'number' ? serialToIso(v.value) : isoFromText(text);
      if (!iso) wrong('không phải một ngày (dd/mm/yyyy)', 'not a date (dd/mm/yyyy)');
      return iso!;
    }
    default:
      return text;
  }
}
