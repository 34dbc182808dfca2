// Nothing written is broken: every string of a layout is one Excel takes (XML-legal, within
// its limit), sheet names follow Excel's rules, and no count or lookup reads a unit's name or a
// Mã as a pattern — whatever the plan holds.
import { PLAN_SCHEMA, type Plan } from '../../src/core/plan/types';
import { layoutWorkbook } from '../../src/layout';
import { cellText, headerFooterText, propertyText } from '../../src/layout/legal';
import {
  sheetNameKey,
  uniqueSheetNames,
  unitSheetName,
  validSheetName,
} from '../../src/layout/sheetNames';
import type { Cell, SheetLayout, WorkbookLayout } from '../../src/layout/types';
import { checkLayout, renderXlsx } from '../../src/render/xlsx';
import { HOSTILE_UNITS, hostilePlan } from '../helpers/hostile';

const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** Every string in a value, with where it is. */
function strings(value: unknown, path = '', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

function allCells(sheet: SheetLayout): Cell[] {
  return sheet.blocks.flatMap((b) => b.rows.flatMap((r) => r.filter((c): c is Cell => !!c)));
}

const HUGE = 'Nội dung rất dài. '.repeat(2500);

/** A plan as a JSON file might hold it: controls, non-characters, broken surrogates, huge cells. */
function brokenPlan(): Plan {
  const plan = hostilePlan();
  const dirty = (s: string): string => `${s}\u0000\u001e\u001f\u000b\uFFFE\uFFFF\uD800\u{1FFFF}`;
  plan.document.title = dirty('Kế hoạch '.repeat(40));
  plan.document.number = dirty('15/KH-UBND&'.repeat(30));
  plan.tasks[0]!.title = HUGE;
  plan.tasks[1]!.title = dirty('Nhiệm vụ');
  plan.tasks[1]!.product = dirty('😀'.repeat(20_000));
  plan.tasks[2]!.note = dirty('ghi chú');
  plan.tasks[2]!.extra = { [dirty('Căn cứ')]: dirty('Điều 5') };
  plan.units[0]!.name = dirty(plan.units[0]!.name);
  plan.tasks[0]!.lead = [plan.units[0]!.name];
  plan.findings = [
    { code: dirty('x'), severity: 'info', task: null, message: dirty(HUGE), rows: [1] },
  ];
  return plan;
}

describe('every string of the layout is one Excel takes', () => {
  const plan = brokenPlan();
  const layout = layoutWorkbook(plan, {
    reportDate: '2024-06-30',
    entered: {
      [plan.tasks[3]!.id]: { note: `\u0007${HUGE}${HUGE}`, state: 'Hoàn thành\u001f' },
      [plan.tasks[4]!.id]: { extra: { 'Cột\nthêm': 'a\u0000b', '': 1, 'CỘT THÊM': 'c' } },
    },
    extraColumns: ['Cột\nthêm', '', 'cột\tthêm', 'x'.repeat(300), 'Lỗi\uFFFE', 'y'.repeat(40_000)],
  });

  it('holds no character XML forbids, anywhere', () => {
    const bad = strings(layout).filter(([, s]) => !XML_CHAR.test(s));
    expect(bad.map(([path]) => path)).toEqual([]);
  });

  it('keeps every text within its limit, a cut cell ending with a note', () => {
    const texts = layout.sheets.flatMap(allCells).flatMap((c) => (c.text ? [c.text] : []));
    expect(Math.max(...texts.map((t) => t.length))).toBe(32_767);
    const cut = texts.filter((t) => t.length === 32_767);
    expect(cut.length).toBeGreaterThanOrEqual(3);
    for (const t of cut)
      expect(t).toMatch(
        /… \[PhuLuc đã cắt: nội dung dài [\d.]+ ký tự, một ô Excel chỉ chứa 32\.767\]$/,
      );
    // An emoji is never cut in half.
    expect(texts.some((t) => /[\uD800-\uDBFF]$/.test(t))).toBe(false);
    for (const s of layout.sheets) {
      for (const t of [s.print.header, s.print.footer])
        expect((t ?? '').length).toBeLessThanOrEqual(255);
      for (const dv of s.dataValidations) {
        expect(dv.prompt?.title.length ?? 0).toBeLessThanOrEqual(32);
        expect(dv.prompt?.message.length ?? 0).toBeLessThanOrEqual(255);
        expect(dv.error?.message.length ?? 0).toBeLessThanOrEqual(225);
      }
    }
    for (const n of layout.names) expect((n.comment ?? '').length).toBeLessThanOrEqual(255);
    for (const p of Object.values(layout.properties)) expect(p.length).toBeLessThanOrEqual(255);
  });

  it('gives the task table headers Excel takes, the same in the header row', () => {
    const tasks = layout.sheets.find((s) => s.kind === 'tasks')!;
    const columns = tasks.table!.columns;
    expect(columns.slice(-13)).toEqual([
      'Cột thêm',
      'Cột 21',
      'cột thêm (2)',
      'x'.repeat(255),
      'Lỗi',
      'y'.repeat(255),
      'Hạn tính',
      'Tình trạng việc',
      'Là việc',
      'Đã đến hạn',
      'Thứ tự quá hạn',
      'Số kỳ',
      'Số nhiệm vụ',
    ]);
    expect(new Set(columns.map((c) => c.toUpperCase())).size).toBe(columns.length);
    const header = tasks.blocks.find((b) => b.origin === 'A3')!.rows[0]!.map((c) => c?.text);
    expect(header).toEqual(columns);
    expect(() => checkLayout(layout)).not.toThrow();
  });

  it('is written as an .xlsx without a design error', async () => {
    await expect(renderXlsx(layout)).resolves.toBeInstanceOf(Uint8Array);
  });
});

describe('page headers, properties and cut cells', () => {
  it('write properties that read back as written (an XML reader turns "\\r\\n" into "\\n")', () => {
    expect(propertyText('Kế hoạch\r\nnăm 2024\rmới\u0000')).toBe('Kế hoạch\nnăm 2024\nmới');
    expect(propertyText('😀'.repeat(200))).toBe('😀'.repeat(127));
  });

  it('never leave half of an "&&" at the end of a header', () => {
    const header = headerFooterText(`&L${'a'.repeat(252)}&&b`);
    expect(header).toBe(`&L${'a'.repeat(252)}`);
    expect(headerFooterText('&LPhuLuc&R&P/&N')).toBe('&LPhuLuc&R&P/&N');
  });

  it('say in the workbook language how long the text was', () => {
    expect(cellText('x'.repeat(40_000), 'en')).toMatch(
      /^x+… \[cut by PhuLuc: the text is 40,000 characters long, an Excel cell holds 32,767\]$/,
    );
    expect(cellText('x'.repeat(40_000), 'en')).toHaveLength(32_767);
    expect(cellText('ngắn\u0000', 'vi')).toBe('ngắn');
  });
});

describe('sheet names follow Excel rules', () => {
  it('never use "History", whatever its case', () => {
    expect(uniqueSheetNames(['History', 'HISTORY', 'history (2)'])).toEqual([
      'History (2)',
      'HISTORY (3)',
      'history (2) (2)',
    ]);
  });

  it('count an emoji as 2 characters and never cut one in half', () => {
    const name = unitSheetName(`Đội ${'😀'.repeat(20)}`);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).toBe(`Đội ${'😀'.repeat(13)}`);
    const names = uniqueSheetNames([name, name]);
    expect(names[1]).toBe(`Đội ${'😀'.repeat(11)} (2)`);
    for (const n of names) expect(n).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('are unique as Excel compares them: any case, Đ and đ, accents however encoded', () => {
    expect(sheetNameKey('ĐỘI SỞ Y TẾ')).toBe(sheetNameKey('đội sở y tế'));
    expect(sheetNameKey('Sở Y tế'.normalize('NFD'))).toBe(sheetNameKey('Sở Y tế'));
    expect(
      uniqueSheetNames(['Đội Y tế', 'ĐỘI Y TẾ', 'Sở Y tế'.normalize('NFD'), 'Sở Y tế']),
    ).toEqual(['Đội Y tế', 'ĐỘI Y TẾ (2)', 'Sở Y tế'.normalize('NFD'), 'Sở Y tế (2)']);
  });

  it('hold no control character and are never empty', () => {
    expect(validSheetName('Sở\u001eKH\u0000')).toBe('Sở-KH');
    expect(validSheetName('\u0000[]*?')).toBe('Trang');
    expect(validSheetName(`'${"'".repeat(40)}`)).toBe('Trang');
    // Quotes and spaces in any mix at the ends (found by the writer fuzz).
    expect(validSheetName("LĐ-TB&XH+84 ' '")).toBe('LĐ-TB&XH+84');
    expect(validSheetName(` ' 'Sở' ' ${'x'.repeat(30)} ' '`)).toBe(`Sở' ' ${'x'.repeat(25)}`);
  });

  it('of the hostile plan are all valid, unique and written', () => {
    const layout = layoutWorkbook(hostilePlan(), { reportDate: '2024-06-30' });
    const names = layout.sheets.map((s) => s.name);
    expect(names).toContain('History (2)');
    expect(new Set(names.map(sheetNameKey)).size).toBe(names.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(() => checkLayout(layout)).not.toThrow();
  });
});

describe('no count or lookup reads a name or a Mã as a pattern', () => {
  const plan = hostilePlan();
  const layout: WorkbookLayout = layoutWorkbook(plan, { reportDate: '2024-06-30' });
  const sheet = (kind: string): SheetLayout => layout.sheets.find((s) => s.kind === kind)!;

  it('counts the dashboard by unit number, not by name', () => {
    const formulas = allCells(sheet('dashboard')).flatMap((c) => (c.formula ? [c.formula] : []));
    const counts = formulas.filter((f) => f.includes('COUNTIFS'));
    expect(counts.length).toBeGreaterThan(HOSTILE_UNITS.length * 5);
    // Row 6 is the first unit: its counts look up $A6 (its number) in the hidden column H.
    expect(counts[0]).toContain("'Phân công'!$H:$H,$A6");
    expect(formulas.join()).not.toMatch(/\$B\d/);
    const body = sheet('assignments').blocks.find((b) => b.origin === 'A4')!.rows;
    const numbers = body.map((row) => row[7]?.number);
    expect(numbers.filter((n) => n !== undefined).length).toBe(
      plan.tasks.reduce((s, t) => s + t.lead.length, 0),
    );
  });

  it('finds a Mã with wildcards, over 255 characters or differing by case exactly', () => {
    const rows = allCells(sheet('assignments')).filter(
      (c) => c.formula?.includes('MATCH') || c.formula?.includes('EXACT'),
    );
    const exact = rows.filter((c) => c.formula!.includes('EXACT'));
    const plain = rows.filter((c) => !c.formula!.includes('EXACT'));
    // 1*, a?, A, a, ~1, the long one and ~ (each once as lead, once as support; some twice).
    expect(exact.length).toBeGreaterThanOrEqual(14);
    expect(plain.length).toBeGreaterThan(0);
    expect(exact[0]!.formula).toMatch(
      /^IF\(SUMPRODUCT\(--EXACT\('Nhiệm vụ'!\$A\$4:\$A\$\d+,\$A\d+\)\)=1,/,
    );
  });
});

describe('a unit listed twice in a plan', () => {
  it('gets one sheet and one dashboard row', async () => {
    const plan = hostilePlan();
    plan.units.push({ ...plan.units[0]! });
    const layout = layoutWorkbook(plan, { reportDate: '2024-06-30' });
    expect(layout.sheets.filter((s) => s.key === `unit:${plan.units[0]!.name}`)).toHaveLength(1);
    await expect(renderXlsx(layout)).resolves.toBeInstanceOf(Uint8Array);
  });
});

it('a plan without anything in it is still a workbook', async () => {
  const empty: Plan = {
    schema: PLAN_SCHEMA,
    document: { number: null, type: null, place: null, date: null, title: null, year: null },
    tables: [],
    sections: [],
    tasks: [],
    units: [],
    findings: [],
  };
  await expect(renderXlsx(layoutWorkbook(empty))).resolves.toBeInstanceOf(Uint8Array);
});
