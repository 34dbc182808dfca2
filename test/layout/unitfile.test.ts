// Issue 13 without files on disk: unit files laid out from real trackers (seeds built, written
// and read back by the project's own .xlsx writer and reader), answers typed into the read
// workbook, and the merge's rules: what applies, what conflicts, what is recorded, what is
// refused, and that merging again changes nothing. Also: a tracker laid out again from itself
// (what units-in does) keeps its rows, its periods and its plan's fingerprint.
import { parsePlanText } from '../../src/core/plan/parse';
import { planIdentity } from '../../src/core/plan/identity';
import { layoutWorkbook } from '../../src/layout';
import { bookFromXlsx } from '../../src/layout/tracker/fromXlsx';
import type {
  HistoryRow,
  ReadBook,
  ReadCell,
  ReadValue,
  TrackerContents,
} from '../../src/layout/tracker/model';
import { readTracker } from '../../src/layout/tracker/read';
import { relayoutTracker } from '../../src/layout/tracker/relayout';
import { ANSWER_HEADER_ROW, unitFileLayout, unitFiles } from '../../src/layout/unitfile/layout';
import { applyMerge } from '../../src/layout/unitfile/apply';
import { mergeAnswers, type AnswerInput } from '../../src/layout/unitfile/merge';
import { readAnswerFile, UnitFileError } from '../../src/layout/unitfile/read';
import type { UnitFile } from '../../src/layout/unitfile/model';
import type { WorkbookLayout } from '../../src/layout/types';
import { openWorkbook } from '../../src/readers/xlsx';
import { renderXlsx } from '../../src/render/xlsx';
import { SEEDS, seedNamed, seedText } from '../helpers/seeds';

const SENT_AT = '01/10/2019 09:00';
const REPLY_BY = '2019-10-15';

async function readBack(layout: WorkbookLayout): Promise<ReadBook> {
  return bookFromXlsx(openWorkbook(await renderXlsx(layout)));
}

async function trackerOf(
  seed: string,
  history: HistoryRow[] = [],
): Promise<{ tracker: TrackerContents; layout: WorkbookLayout }> {
  const plan = parsePlanText(seedText(seedNamed(seed)));
  const layout = layoutWorkbook(plan, {
    reportDate: '2019-10-01',
    buildDate: '2019-10-01',
    history,
  });
  return { tracker: readTracker(await readBack(layout)), layout };
}

/** A read workbook with some cells of one sheet replaced ("row:col" → value). */
function typed(book: ReadBook, sheet: string, cells: Record<string, ReadValue>): ReadBook {
  return {
    ...book,
    sheet(name) {
      const s = book.sheet(name);
      if (!s || name !== sheet) return s;
      let lastRow = s.lastRow;
      for (const key of Object.keys(cells)) lastRow = Math.max(lastRow, Number(key.split(':')[0]));
      return {
        ...s,
        lastRow,
        cell(r, c): ReadCell | undefined {
          const v = cells[`${r}:${c}`];
          return v ? { value: v } : s.cell(r, c);
        },
      };
    },
  };
}

const text = (t: string): ReadValue => ({ type: 'text', text: t });
const num = (n: number): ReadValue => ({ type: 'number', value: n });

/** Columns of the answer sheet (1-based). */
const COL = { code: 1, state: 8, progress: 9, completed: 10, note: 11, request: 12, reason: 13 };

interface Sent {
  tracker: TrackerContents;
  files: UnitFile[];
  books: Map<string, ReadBook>;
}

/** A seed's tracker that has recorded its files sent in Lịch sử, and the files read back. */
async function sent(seed: string): Promise<Sent> {
  const first = await trackerOf(seed);
  const { plan } = relayoutTracker(first.tracker, {
    today: '2019-10-01',
    reservedSheetNames: [],
    names: [],
  });
  const files = unitFiles(first.tracker, plan, { sentAt: SENT_AT, replyBy: REPLY_BY });
  const history: HistoryRow[] = files.map((f) => ({
    at: SENT_AT,
    action: 'sent',
    unit: f.unit,
    file: f.fileName,
    ticket: f.ticket,
    code: '',
    field: 'Hạn trả lời',
    before: '',
    after: '15/10/2019',
  }));
  const { tracker } = await trackerOf(seed, history);
  const books = new Map<string, ReadBook>();
  for (const f of files) {
    books.set(
      f.unit,
      await readBack(
        unitFileLayout(plan, tracker.identity!.fingerprint, f, {
          sentAt: SENT_AT,
          replyBy: REPLY_BY,
          language: 'vi',
        }),
      ),
    );
  }
  return { tracker, files, books };
}

/** The row of a Mã in a unit file's answer sheet. */
function rowOf(file: UnitFile, code: string): number {
  const i = file.rows.findIndex((r) => r.code === code);
  if (i < 0) throw new Error(`${code} not in ${file.unit}`);
  return ANSWER_HEADER_ROW + 1 + i;
}

function answer(
  s: Sent,
  unit: string,
  values: Record<string, Partial<Record<keyof typeof COL, ReadValue>>>,
): AnswerInput {
  const file = s.files.find((f) => f.unit === unit)!;
  const cells: Record<string, ReadValue> = {};
  for (const [code, byField] of Object.entries(values)) {
    for (const [field, v] of Object.entries(byField))
      cells[`${rowOf(file, code)}:${COL[field as keyof typeof COL]}`] = v;
  }
  return {
    name: `${unit}.xlsx`,
    read: readAnswerFile(typed(s.books.get(unit)!, 'Báo cáo', cells)),
  };
}

/** The tracker after a merge is applied, as both doors apply it. */
const applied = applyMerge;

/** Two units and a task they share, with a task of each unit's own. */
function shared(s: Sent): { a: UnitFile; b: UnitFile; code: string; onlyA: string; onlyB: string } {
  for (const a of s.files)
    for (const b of s.files) {
      if (a === b) continue;
      const codes = new Set(b.rows.map((r) => r.code));
      const code = a.rows.find((r) => codes.has(r.code))?.code;
      const onlyA = a.rows.find((r) => !codes.has(r.code))?.code;
      const onlyB = b.rows.find((r) => !a.rows.some((x) => x.code === r.code))?.code;
      if (code && onlyA && onlyB) return { a, b, code, onlyA, onlyB };
    }
  throw new Error('no shared task');
}

describe('a tracker laid out again from itself (units-in, units-out)', () => {
  test.each(SEEDS.map((s) => [s.slice(0, 3)]))(
    'seed %s keeps its rows, periods and fingerprint',
    async (seed) => {
      const { tracker, layout } = await trackerOf(seed);
      const again = relayoutTracker(tracker, {
        today: '2019-10-01',
        reservedSheetNames: [],
        names: [],
      });
      const codes = (l: WorkbookLayout): unknown[] => {
        const sheet = l.sheets.find((x) => x.kind === 'tasks')!;
        return sheet.blocks
          .filter((b) => b.origin === 'A4')
          .flatMap((b) => b.rows.map((r) => r[0]));
      };
      expect(codes(again.layout)).toEqual(codes(layout));
      expect(planIdentity(again.plan).fingerprint).toBe(tracker.identity!.fingerprint);
      expect(again.report.removed.filter((r) => r.title !== '')).toEqual([]);
    },
  );
});

describe('unit files', () => {
  let s: Sent;
  beforeAll(async () => {
    s = await sent('000');
  }, 60_000);

  test("hold each unit's tasks as lead and coordinator, periods one by one, and no formula", () => {
    const vp = s.files.find((f) => f.unit === 'Văn phòng HĐND&UBND thị xã')!;
    expect(vp.rows.find((r) => r.code === 'I.1')).toMatchObject({
      role: 'lead',
      due: '2019-02-28',
    });
    expect(vp.rows.find((r) => r.code === 'I.2')?.role).toBe('support');
    // V.2 recurs quarterly: its periods, not the heading; Q4 starts before the reply deadline.
    const v1 = vp.rows.filter((r) => r.code.startsWith('V.2/')).map((r) => r.code);
    expect(v1).toEqual(['V.2/2019-Q1', 'V.2/2019-Q2', 'V.2/2019-Q3', 'V.2/2019-Q4']);
    expect(vp.rows.find((r) => r.code === 'V.2/2019-Q3')?.title).toMatch(/^Quý III\/2019 – /);
    const book = s.books.get(vp.unit)!;
    expect(book.sheets).toEqual(['Báo cáo', 'PhuLuc_Phieu']);
    const sheet = book.sheet('Báo cáo')!;
    for (let r = 1; r <= sheet.lastRow; r++)
      for (let c = 1; c <= sheet.lastCol; c++) expect(sheet.cell(r, c)?.formula).toBeUndefined();
    expect(readAnswerFile(book).ticket).toMatchObject({
      unit: vp.unit,
      sentAt: SENT_AT,
      replyBy: REPLY_BY,
      fingerprint: s.tracker.identity!.fingerprint,
    });
  });

  test('lock everything but the cells a unit fills, which have validation', () => {
    const layout = unitFileLayout(
      {
        document: {
          number: '15/KH-UBND',
          type: null,
          place: null,
          date: null,
          title: null,
          year: 2019,
        },
      },
      'f',
      s.files[0]!,
      { sentAt: SENT_AT, replyBy: REPLY_BY, language: 'vi' },
    );
    const [answerSheet, ticket] = layout.sheets;
    expect(answerSheet).toMatchObject({ protect: true, kind: 'answer' });
    expect(ticket).toMatchObject({ protect: true, hidden: true, kind: 'ticket' });
    const row = answerSheet!.blocks.find((b) => b.origin === `A${ANSWER_HEADER_ROW + 1}`)!.rows[0]!;
    const locked = row.map((c) => layout.styles[c!.style!]!.locked !== false);
    expect(locked).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    // The same checks as the tracker's Nhiệm vụ: dates from 01/01/2000 to 31/12/2099.
    const rules = answerSheet!.dataValidations.map((v) => [
      v.range.replace(/\d+/g, ''),
      v.type,
      v.min,
      v.max,
    ]);
    expect(rules).toEqual([
      ['H:H', 'list', undefined, undefined],
      ['I:I', 'decimal', 0, 100],
      ['J:J', 'date', 36526, 73050],
      ['L:L', 'date', 36526, 73050],
    ]);
    expect(answerSheet!.blocks[0]!.rows[3]![0]!.text).toBe(
      'Xin gửi lại tệp này trước ngày 15/10/2019',
    );
  });
});

describe('merging answers', () => {
  let s: Sent;
  beforeAll(async () => {
    s = await sent('000');
  }, 60_000);

  test('applies what a unit changed, records it, and a second merge changes nothing', () => {
    const vp = 'Văn phòng HĐND&UBND thị xã';
    const input = answer(s, vp, {
      'I.1': { state: text('Hoàn thành'), completed: num(43728), progress: text('100%') },
      'V.2/2019-Q3': { request: text('31/12/2019'), reason: text('Chờ số liệu') },
    });
    const result = mergeAnswers(s.tracker, [input], '16/10/2019 08:00');
    expect(result.conflicts).toEqual([]);
    expect(result.applied.map((a) => [a.code, a.field, a.before, a.after])).toEqual([
      ['I.1', 'state', 'Chưa thực hiện', 'Hoàn thành'],
      ['I.1', 'progress', '', '100'],
      ['I.1', 'completed', '', '20/09/2019'],
      ['V.2/2019-Q3', 'extensionRequest', '', '31/12/2019'],
      ['V.2/2019-Q3', 'extensionReason', '', 'Chờ số liệu'],
    ]);
    expect(result.entries.get('I.1')).toMatchObject({
      state: 'Hoàn thành',
      progress: 100,
      completed: '2019-09-20',
    });
    // The request waits for the office: Gia hạn đến is not set.
    expect(result.entries.get('V.2/2019-Q3')).toMatchObject({ extensionRequest: '2019-12-31' });
    expect(result.entries.get('V.2/2019-Q3')?.extendedTo).toBeUndefined();
    expect(result.requests).toEqual([
      {
        code: 'V.2/2019-Q3',
        unit: vp,
        file: `${vp}.xlsx`,
        to: '2019-12-31',
        reason: 'Chờ số liệu',
      },
    ]);
    expect(result.history.map((h) => [h.action, h.code, h.field])).toEqual([
      ['received', '', ''],
      ['changed', 'I.1', 'Trạng thái'],
      ['changed', 'I.1', 'Tiến độ (%)'],
      ['changed', 'I.1', 'Ngày hoàn thành'],
      ['changed', 'V.2/2019-Q3', 'Đề nghị gia hạn đến'],
      ['changed', 'V.2/2019-Q3', 'Lý do đề nghị'],
    ]);
    const again = mergeAnswers(applied(s.tracker, result), [input], '17/10/2019 08:00');
    expect(again).toMatchObject({ applied: [], conflicts: [], history: [], requests: [] });
    expect(again.entries.size).toBe(0);
    expect(again.files[0]).toMatchObject({ firstTime: false, applied: 0 });
  });

  test('lists a value the tracker changed since the file was sent, and writes nothing', () => {
    const vp = 'Văn phòng HĐND&UBND thị xã';
    const tracker = {
      ...s.tracker,
      rows: s.tracker.rows.map((r) =>
        r.code === 'I.1' ? { ...r, entries: { ...r.entries, note: 'Văn phòng đã nhắc' } } : r,
      ),
    };
    const result = mergeAnswers(
      tracker,
      [answer(s, vp, { 'I.1': { note: text('Đã xong'), progress: num(80) } })],
      '16/10/2019 08:00',
    );
    expect(result.applied.map((a) => a.field)).toEqual(['progress']);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        code: 'I.1',
        field: 'note',
        kind: 'tracker-changed',
        sent: '',
        tracker: 'Văn phòng đã nhắc',
      }),
    ]);
    expect(result.entries.get('I.1')?.note).toBe('Văn phòng đã nhắc');
  });

  test('two units: the same answer applies once, different answers conflict, and stay so', () => {
    const { a, b, code } = shared(s);
    const same = mergeAnswers(
      s.tracker,
      [
        answer(s, a.unit, { [code]: { progress: num(30) } }),
        answer(s, b.unit, { [code]: { progress: num(30) } }),
      ],
      '16/10/2019 08:00',
    );
    expect(same.applied).toHaveLength(1);
    expect(same.history.filter((h) => h.action === 'changed')).toHaveLength(1);
    const fileA = answer(s, a.unit, { [code]: { state: text('Đang thực hiện') } });
    const fileB = answer(s, b.unit, { [code]: { state: text('Hoàn thành') } });
    const differ = mergeAnswers(s.tracker, [fileA, fileB], '16/10/2019 08:00');
    expect(differ.applied).toEqual([]);
    expect(differ.conflicts).toEqual([
      expect.objectContaining({ code, field: 'state', kind: 'units-disagree' }),
    ]);
    expect(differ.conflicts[0]!.answers.map((x) => x.value)).toEqual([
      'Đang thực hiện',
      'Hoàn thành',
    ]);
    // Merging one of them again later does not apply it: the other answer is remembered.
    const later = applied(s.tracker, differ);
    const alone = mergeAnswers(later, [fileA], '17/10/2019 08:00');
    expect(alone.applied).toEqual([]);
    expect(alone.conflicts.map((c) => c.kind)).toEqual(['units-disagree']);
    expect(alone.history).toEqual([]);
  });

  test('refuses a file of another plan, and one whose ticket was edited', async () => {
    const other = await sent('001');
    const foreign: AnswerInput = {
      name: 'khac.xlsx',
      read: readAnswerFile(other.books.get(other.files[0]!.unit)!),
    };
    const result = mergeAnswers(s.tracker, [foreign], '16/10/2019 08:00');
    expect(result.files[0]!.refused?.vi).toMatch(/kế hoạch khác/);
    expect(result.history).toEqual([]);
    const book = s.books.get(s.files[0]!.unit)!;
    expect(() => readAnswerFile(typed(book, 'PhuLuc_Phieu', { '13:2': text('done') }))).toThrow(
      UnitFileError,
    );
    try {
      readAnswerFile(typed(book, 'PhuLuc_Phieu', { '13:2': text('done') }));
    } catch (error) {
      expect((error as UnitFileError).vi).toMatch(/đã bị sửa/);
    }
  }, 60_000);
});

describe('Lịch sử', () => {
  test('is read back as written, and Tổng hợp lists the units, late or answered', async () => {
    const history: HistoryRow[] = [
      {
        at: '01/10/2019 09:00',
        action: 'sent',
        unit: 'Phòng Nội vụ',
        file: 'a.xlsx',
        ticket: 'P-1',
        code: '',
        field: 'Hạn trả lời',
        before: '',
        after: '15/09/2019',
      },
      {
        at: '01/10/2019 09:00',
        action: 'sent',
        unit: 'Phòng Tư pháp',
        file: 'b.xlsx',
        ticket: 'P-2',
        code: '',
        field: 'Hạn trả lời',
        before: '',
        after: '15/09/2019',
      },
      {
        at: '02/10/2019 10:30',
        action: 'received',
        unit: 'Phòng Tư pháp',
        file: 'b.xlsx',
        ticket: 'P-2',
        code: '',
        field: '',
        before: '',
        after: '',
      },
      {
        at: '02/10/2019 10:30',
        action: 'changed',
        unit: 'Phòng Tư pháp',
        file: 'b.xlsx',
        ticket: 'P-2',
        code: 'I.1',
        field: 'Trạng thái',
        before: 'Chưa thực hiện',
        after: 'Hoàn thành',
      },
      {
        at: '02/10/2019 10:30',
        action: 'conflict',
        unit: 'Phòng Tư pháp',
        file: 'b.xlsx',
        ticket: 'P-2',
        code: 'I.2',
        field: 'Ghi chú',
        before: 'x',
        after: 'y',
      },
    ];
    const { tracker, layout } = await trackerOf('000', history);
    expect(tracker.history).toEqual(history);
    expect(tracker.historySheet).toBe('Lịch sử');
    const dashboard = layout.sheets.find((x) => x.kind === 'dashboard')!;
    const cells = dashboard.blocks.flatMap((b) => b.rows.flat()).filter(Boolean);
    const statuses = cells
      .filter((c) => c!.formula?.includes('Quá hạn trả lời'))
      .map((c) => c!.value);
    expect(statuses).toEqual(['Quá hạn trả lời', 'Đã trả lời']);
  });
});
