// `phuluc build PLAN.json`: a plan given as JSON is checked against the one schema of the
// contract. Every bad input is answered with one line in Vietnamese and English that names the
// JSON path and what was expected there, exit status 2, no stack trace and no file written;
// fields the contract does not define are ignored with a warning.
import { existsSync, writeFileSync } from 'fs';
import { parsePlanText } from '../../src/core/plan/parse';
import { seedNamed, seedText } from '../helpers/seeds';
import { runCli, suiteFolder } from './helpers/harness';

const { file } = suiteFolder('phuluc-plan-json-');

type Editable = {
  document: Record<string, unknown>;
  tables: { columns: Record<string, unknown> }[];
  tasks: (Record<string, unknown> & { time: Record<string, unknown> })[];
  findings: Record<string, unknown>[];
} & Record<string, unknown>;

/** Seed 000's plan as `parse --json` gives it, changed by `edit`. */
function planJson(edit: (plan: Editable) => void = () => {}): string {
  const plan = JSON.parse(JSON.stringify(parsePlanText(seedText(seedNamed('000'))))) as Editable;
  edit(plan);
  return JSON.stringify(plan, null, 2);
}

async function build(
  name: string,
  content: string,
): Promise<{ code: number; err: string; out: string; written: boolean }> {
  const input = file(name);
  writeFileSync(input, content);
  const output = file('so-theo-doi.xlsx');
  const result = await runCli(['build', input, '-o', output]);
  return { ...result, written: existsSync(output) };
}

describe('phuluc build refuses a bad JSON plan, naming the path and what was expected', () => {
  it.each<[string, string, string, RegExp, RegExp]>([
    [
      'a missing field',
      'plan.json',
      planJson((p) => delete p.tasks[3]!['lead']),
      /tasks\[3\]\.lead: thiếu; cần danh sách \(mỗi mục: chuỗi chữ\)/,
      /tasks\[3\]\.lead: missing; expected a list \(each item: a string\)/,
    ],
    [
      'a wrong type',
      'plan.json',
      planJson((p) => (p.tasks[3]!['lead'] = 'UBND tỉnh')),
      /tasks\[3\]\.lead: cần danh sách \(mỗi mục: chuỗi chữ\), nhưng là "UBND tỉnh"/,
      /tasks\[3\]\.lead: expected a list \(each item: a string\), got "UBND tỉnh"/,
    ],
    [
      'a number written as text where null is allowed',
      'plan.json',
      planJson((p) => (p.document['year'] = '2019')),
      /document\.year: cần số nguyên từ 1 đến 9999 hoặc null, nhưng là "2019"/,
      /document\.year: expected a whole number from 1 to 9999 or null, got "2019"/,
    ],
    [
      'a value outside a list of names',
      'plan.json',
      planJson((p) => (p.tasks[2]!.time['kind'] = 'soon')),
      /tasks\[2\]\.time\.kind: cần một trong "date", .*"none" hoặc null, nhưng là "soon"/,
      /tasks\[2\]\.time\.kind: expected one of "date", .*"none" or null, got "soon"/,
    ],
    [
      'a wrong type under a header-text name',
      'plan.json',
      planJson((p) => (p.tasks[0]!['extra'] = { 'Cấp trình': 5 })),
      /tasks\[0\]\.extra\["Cấp trình"\]: cần chuỗi chữ, nhưng là 5/,
      /tasks\[0\]\.extra\["Cấp trình"\]: expected a string, got 5/,
    ],
    [
      'a number too large for JSON',
      'plan.json',
      planJson().replace(/"year": \d+/, '"year": 1e400'),
      /document\.year: cần số nguyên từ 1 đến 9999 hoặc null, nhưng là một số quá lớn/,
      /document\.year: expected a whole number from 1 to 9999 or null, got a number too large/,
    ],
    [
      'a row number past the safe integers',
      'plan.json',
      planJson((p) => (p.tasks[1]!['rows'] = [1e20])),
      /tasks\[1\]\.rows\[0\]: cần số nguyên từ 1 trở lên, nhưng là 100000000000000000000/,
      /tasks\[1\]\.rows\[0\]: expected a whole number of at least 1, got 100000000000000000000/,
    ],
    [
      'a column index past Excel',
      'plan.json',
      planJson((p) => (p.tables[0]!.columns['lead'] = 99999)),
      /tables\[0\]\.columns\.lead: cần số nguyên từ 0 đến 16383, nhưng là 99999/,
      /tables\[0\]\.columns\.lead: expected a whole number from 0 to 16383, got 99999/,
    ],
    [
      'a date written dd/mm/yyyy',
      'plan.json',
      planJson((p) => (p.tasks[0]!.time['due'] = '31/12/2019')),
      /tasks\[0\]\.time\.due: cần ngày dạng YYYY-MM-DD có thật .* hoặc null, nhưng là "31\/12\/2019"/,
      /tasks\[0\]\.time\.due: expected a real YYYY-MM-DD date .* or null, got "31\/12\/2019"/,
    ],
    [
      'a date that is not on the calendar',
      'plan.json',
      planJson((p) => (p.document['date'] = '2019-02-29')),
      /document\.date: cần ngày dạng YYYY-MM-DD có thật/,
      /document\.date: expected a real YYYY-MM-DD date .*, got "2019-02-29"/,
    ],
    [
      'a period of a recurring task out of its form',
      'plan.json',
      planJson((p) => {
        p.tasks[0]!.time['occurrences'] = [
          { period: '2019-Q5', label: 'Quý V/2019', start: '2019-10-01', due: '2019-12-31' },
        ];
      }),
      /tasks\[0\]\.time\.occurrences\[0\]\.period: cần chuỗi dạng YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM/,
      /tasks\[0\]\.time\.occurrences\[0\]\.period: expected a string of the form YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM, got "2019-Q5"/,
    ],
    [
      'a column role the contract does not know',
      'plan.json',
      planJson((p) => (p.tables[0]!.columns['deadline'] = 5)),
      /tables\[0\]\.columns: tên không dùng được "deadline"/,
      /tables\[0\]\.columns: names not allowed here: "deadline"/,
    ],
    [
      'an empty task id',
      'plan.json',
      planJson((p) => (p.tasks[1]!['id'] = '')),
      /tasks\[1\]\.id: cần chuỗi chữ không rỗng, nhưng là ""/,
      /tasks\[1\]\.id: expected a non-empty string, got ""/,
    ],
    [
      'two tasks with one id',
      'plan.json',
      planJson((p) => (p.tasks[4]!['id'] = p.tasks[2]!['id'])),
      /tasks\[4\]\.id: mã nhiệm vụ "I\.3" đã dùng ở tasks\[2\]/,
      /tasks\[4\]\.id: task id "I\.3" is already used by tasks\[2\]/,
    ],
    [
      'another schema',
      'plan.json',
      planJson((p) => (p['schema'] = 'phuluc.plan/2')),
      /schema: cần "phuluc\.plan\/1", nhưng là "phuluc\.plan\/2"/,
      /schema: expected "phuluc\.plan\/1", got "phuluc\.plan\/2"/,
    ],
    [
      'many problems: the first three, and a count',
      'plan.json',
      planJson((p) => p.tasks.forEach((t) => (t['rows'] = 'x'))),
      /tasks\[0\]\.rows: .*; tasks\[1\]\.rows: .*; tasks\[2\]\.rows: .* \(và 17 chỗ khác\)/,
      /tasks\[2\]\.rows: expected a list \(each item: a whole number of at least 1\), got "x" \(and 17 more\)/,
    ],
    [
      'a JSON list',
      'plan.json',
      '[1, 2]',
      /\(gốc\): cần đối tượng \{…\}, nhưng là một danh sách/,
      /\(root\): expected an object \{…\}, got a list/,
    ],
    [
      'a JSON list in a text file',
      'plan.txt',
      `[${planJson()}]`,
      /\(gốc\): cần đối tượng \{…\}, nhưng là một danh sách/,
      /\(root\): expected an object \{…\}, got a list/,
    ],
    [
      'a JSON text',
      'plan.json',
      '"phuluc.plan/1"',
      /\(gốc\): cần đối tượng \{…\}, nhưng là "phuluc\.plan\/1"/,
      /\(root\): expected an object \{…\}, got "phuluc\.plan\/1"/,
    ],
    [
      'not JSON at all',
      'plan.json',
      'Kế hoạch năm 2019',
      /"[^"]*plan\.json" không phải JSON hợp lệ/,
      /"[^"]*plan\.json" is not valid JSON/,
    ],
    [
      'JSON with a syntax error',
      'plan.json',
      '{\n  "schema": "phuluc.plan/1",\n  "document": {,\n}',
      /không phải JSON hợp lệ ở dòng 3, cột 16/,
      /is not valid JSON at line 3, column 16/,
    ],
    [
      'JSON cut short',
      'plan.json',
      planJson().slice(0, 200),
      /không phải JSON hợp lệ ở dòng \d+, cột \d+/,
      /is not valid JSON at line \d+, column \d+/,
    ],
    [
      'an empty file',
      'plan.json',
      '',
      /tệp "[^"]*plan\.json" rỗng/,
      /file "[^"]*plan\.json" is empty/,
    ],
  ])('%s', async (_label, name, content, vi, en) => {
    const { code, out, err, written } = await build(name, content);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(written).toBe(false);
    // One line, both languages, never a stack trace.
    expect(err.split('\n')).toEqual([
      expect.stringMatching(/^phuluc: Lỗi: .*\. \/ Error: .*\.$/),
      '',
    ]);
    expect(err).not.toMatch(/\bat \S+ \(|node_modules|ZodError/);
    const [viPart, enPart] = err.split(' / Error: ');
    expect(viPart).toMatch(vi);
    expect(enPart).toMatch(en);
  });
});

describe('phuluc build takes a JSON plan with fields the contract does not define', () => {
  it('ignores them and names them in a warning', async () => {
    const { code, err, written } = await build(
      'plan.json',
      planJson((p) => {
        p['generator'] = 'another tool';
        p.tasks[0]!['priority'] = 'high';
        p.tasks[1]!.time['zone'] = 'Asia/Ho_Chi_Minh';
      }),
    );
    expect(code).toBe(0);
    expect(written).toBe(true);
    expect(err).toBe(
      'phuluc: bỏ qua trường không có trong phuluc.plan/1: tasks[0].priority, tasks[1].time.zone, generator. / Ignored fields that phuluc.plan/1 does not define: tasks[0].priority, tasks[1].time.zone, generator.\n',
    );
  });

  it('knows the findings’ code and params, and says nothing of them', async () => {
    const { code, err } = await build(
      'plan.json',
      planJson((p) => {
        p.findings.push({
          code: 'lead-missing',
          params: { task: 'I.1', units: ['Sở Tài chính'], count: 2, sure: true, note: null },
          severity: 'warning',
          task: null,
          message: 'Thiếu đơn vị chủ trì',
          rows: [3],
        });
      }),
    );
    expect(code).toBe(0);
    expect(err).toBe('');
  });
});
