// The Office.js door gets the same legal strings as the .xlsx file (the guard is in the layout):
// a plan with hostile unit names, controls and huge cells builds inside (the double of) Excel,
// which refuses what Excel refuses (sheet names past 31 UTF-16 characters, "History", cells
// past 32,767 characters, validation and header texts past their limits).

import { buildWorkbook } from '../../src/office/rebuild';
import { hostilePlan } from '../helpers/hostile';
import { newWorkbook } from './workbook';

const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

test('a plan with hostile names, controls and huge cells builds inside Excel', async () => {
  const plan = hostilePlan();
  plan.tasks[0]!.title = `Tổ chức\u001ehội nghị ${'rất dài '.repeat(5000)}`;
  plan.tasks[1]!.product = `\u0000${'😀'.repeat(17_000)}\uFFFE`;
  plan.document.number = `15/KH-UBND&${'&'.repeat(300)}`;
  plan.units[0]!.name = 'Sở LĐ\u001eTB&XH 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀';
  plan.tasks[0]!.lead = [plan.units[0]!.name];
  const excel = newWorkbook();
  const report = await buildWorkbook(excel, {
    plan,
    options: { reportDate: '2024-06-30', language: 'vi' },
  });
  const names = excel.sheetNames();
  expect(names).toContain('History (2)');
  expect(names).toContain(`Sở LĐ-TB&XH ${'😀'.repeat(9)}`);
  expect(report.sheets.length).toBe(names.length - 1);
  const texts: string[] = [];
  for (const name of names) {
    for (const cell of excel.sheet(name).cells.values())
      if (typeof cell.value === 'string') texts.push(cell.value);
  }
  expect(texts.filter((t) => !XML_CHAR.test(t))).toEqual([]);
  expect(Math.max(...texts.map((t) => t.length))).toBe(32_767);
});
