// The pane's "Đơn vị báo cáo" inside Excel, on the double: the same controller the UI drives,
// the Excel port behind it. Send: a zip of the forms downloaded, Lịch sử written in the
// workbook; merge: the answer in the workbook, the summary for the UI; again: nothing new.

import { unzipSync } from 'fflate';
import { bookFromXlsx } from '../../src/layout/tracker/fromXlsx';
import { ANSWER_HEADER_ROW } from '../../src/layout/unitfile/layout';
import { readAnswerFile } from '../../src/layout/unitfile/read';
import { buildWorkbook } from '../../src/office/rebuild';
import { parsePlanText } from '../../src/core/plan/parse';
import { excelPort } from '../../src/taskpane/excel/port';
import { PaneStore } from '../../src/taskpane/model/store';
import { openWorkbook } from '../../src/readers/xlsx';
import { ExcelDouble } from '../excel-double';
import { seedNamed, seedText } from '../helpers/seeds';
import { master, sheetOfMarker } from '../office/workbook';
import { modules } from './fixtures';

test('inside Excel: the forms as a zip, an answer merged into the workbook, then nothing new', async () => {
  const excel = new ExcelDouble();
  excel.addSheet('Sheet1');
  await buildWorkbook(excel, {
    plan: parsePlanText(seedText(seedNamed('000'))),
    options: { reportDate: '2019-10-01' },
  });
  const downloads: { name: string; bytes: Uint8Array }[] = [];
  const store = new PaneStore({
    modules,
    browser: { download: (bytes, name) => downloads.push({ name, bytes }) },
    storage: null,
    sample: async () => '',
  });
  store.setHost({ kind: 'office', host: 'Excel', platform: 'PC', isExcel: true });
  store.attachExcel(excelPort(excel));
  const units = store.units;

  units.setReplyBy('2019-10-15');
  await units.send();
  expect(units.getState().error).toBeNull();
  expect(downloads).toHaveLength(1);
  const entries = unzipSync(downloads[0]!.bytes);
  const sent = units.getState().sent!;
  expect(Object.keys(entries)).toHaveLength(sent.files.length);
  expect(sheetOfMarker(excel, 'PhuLuc_LichSu').name).toBe('Lịch sử');

  // The first form, read back, with "Hoàn thành" typed on its first row.
  const name = Object.keys(entries)[0]!;
  const book = bookFromXlsx(openWorkbook(entries[name]!));
  const first = readAnswerFile(book).ticket.rows[0]!.code;
  const typedBook = {
    ...book,
    sheet: (n: string) => {
      const s = book.sheet(n)!;
      return {
        ...s,
        cell: (r: number, c: number) =>
          r === ANSWER_HEADER_ROW + 1 && c === 8
            ? { value: { type: 'text' as const, text: 'Hoàn thành' } }
            : s.cell(r, c),
      };
    },
  };
  const answer = readAnswerFile(typedBook);
  expect(answer.answers.get(first)!.state).toBe('done');
  const port = excelPort(excel);
  const summary = await port.mergeUnitFiles!([{ name, read: answer }], {
    now: '16/10/2019 08:00',
    today: '2019-10-16',
  });
  expect(summary.written).toBe(true);
  expect(summary.applied.map((a) => [a.code, a.field, a.after])).toEqual([
    [first, 'state', 'Hoàn thành'],
  ]);
  const m = master(excel);
  expect(excel.state.cell(m.sheet, m.rows.get(first)!, m.columns.get('Trạng thái')!)?.value).toBe(
    'Hoàn thành',
  );

  // Through the controller, with the form as it was sent: nothing new, nothing downloaded.
  await units.merge([{ name, bytes: entries[name]! }]);
  expect(units.getState().error).toBeNull();
  expect(units.getState().merged).toMatchObject({ written: false, applied: [] });
  expect(downloads).toHaveLength(1);
}, 60_000);
