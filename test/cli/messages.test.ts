import { CliError } from '../../src/cli/errors';
import {
  bothLanguages,
  CLI_MESSAGES,
  cliWords,
  labelled,
  type CliMessageKey,
  type CliMessageParams,
  type Words,
} from '../../src/cli/messages';

const reason: Words = { vi: 'lý do riêng', en: 'its own reason' };

/** One set of parameters for every message: the compiler fails when a key has none. */
const SAMPLES: { [K in CliMessageKey]: CliMessageParams<K> } = {
  'unknown-option': { option: '--frobnicate' },
  'option-needs-value': { option: '--output' },
  'option-takes-no-value': { option: '--json' },
  'invalid-arguments': {},
  'unknown-language': { lang: 'fr' },
  'extra-argument': { argument: 'thua.txt' },
  'unknown-command': { command: 'frob' },
  'file-name-missing': {},
  'appendix-name-missing': {},
  'output-missing': {},
  'output-not-xlsx': { output: 'so.xls' },
  'today-not-a-date': { today: '30/06/2024' },
  'due-soon-invalid': { dueSoon: '400' },
  'font-unknown': { font: 'Comic Sans', fonts: ['Times New Roman', 'Arial'] },
  'output-is-input': { output: 'ke-hoach.xlsx' },
  'reply-by-not-a-date': { replyBy: 'ngay mai' },
  'tracker-name-missing': {},
  'forms-folder-missing': {},
  'answer-files-missing': {},
  'json-plan-ignores-options': {},
  'file-not-found': { path: 'khong-co.txt' },
  'no-such-file': { path: 'so-mat.xlsx' },
  'input-is-folder': { path: 'thu-muc' },
  'file-too-large': { megabytes: '21.5', limit: 20 },
  'file-unreadable': { path: 'khoa.txt' },
  'file-empty': { path: 'rong.txt' },
  'zip-not-office': { ext: '.odt' },
  'old-office-file': {},
  'binary-file': {},
  'not-utf8': {},
  'not-text': { path: 'bang.xlsx', kind: 'xlsx' },
  'xlsx-unreadable': { path: 'hong.xlsx', reason, detail: 'bad zip' },
  'docx-encrypted': { path: 'mat-khau.docx' },
  'docx-unreadable': { path: 'hong.docx', detail: 'no body' },
  'pdf-unreadable': { path: 'quet.pdf', reason: 'scanned' },
  'no-appendix-in-pdf': {},
  'no-appendix': {},
  'no-tasks': { path: 'bieu-mau.docx', cause: 'report-forms-only', forms: 3 },
  'unit-directory-unreadable': { path: 'don-vi.csv' },
  'unit-directory-invalid': { path: 'don-vi.json', reason },
  'answer-unreadable': { reason },
  'invalid-json': { path: 'plan.json', place: { line: 7, column: 12 }, detail: 'Unexpected' },
  'not-a-plan': { path: 'plan.json', schema: 'phuluc.plan/1', problems: [reason], more: 4 },
  'ignored-fields': { schema: 'phuluc.plan/1', fields: ['tasks[0].colour'], more: 2 },
  'json-value-missing': { path: 'tasks[3].lead', expected: reason },
  'json-value-wrong': { path: 'tasks[4].time', expected: reason, found: { vi: '42', en: '42' } },
  'json-names-not-allowed': { path: 'document', names: ['"colour"'] },
  'json-duplicate-id': { path: 'tasks[5].id', id: '"I.2"', first: 1 },
  'json-invalid-value': { path: 'tasks[6]' },
  'tracker-not-excel': { path: 'cu.xlsx', reason },
  'tracker-not-phuluc': { path: 'bang-luong.xlsx' },
  'tracker-not-rewritten': { output: 'so.xlsx', reason },
  'tracker-of-another-plan': {
    output: 'so.xlsx',
    tracker: { number: '12/KH-UBND', title: 'Kế hoạch cũ', tasks: 40 },
    given: { number: '99/KH-UBND', title: 'Kế hoạch mới', tasks: 35 },
    percent: 8,
  },
  'tracker-refused': { path: 'so.xlsx', reason },
  'design-error': { problems: ['cột trùng tên', 'công thức hỏng'] },
  'folder-missing': { path: 'khong/co/so.xlsx' },
  'write-denied': { path: 'dang-mo.xlsx' },
  'output-is-folder': { path: 'ket-qua' },
  'disk-full': {},
  'write-failed': { path: 'so.xlsx', detail: 'EIO' },
  'read-only': { path: 'chi-doc.xlsx' },
  rebuilt: {
    found: 31,
    kept: 27,
    renumbered: 3,
    edited: 1,
    added: 5,
    removed: 6,
    carried: 29,
  },
  'rebuild-renumbered': { list: 'I.2 → I.3' },
  'rebuild-edited': { list: 'II.4' },
  'rebuild-added': { list: 'III.9' },
  'rebuild-removed': { list: 'IV.1 "Rà soát"', keptEntries: 2 },
  'rebuild-restored': { list: 'V.2 → V.1' },
  'rebuild-typed-kept': { list: 'VI.8 "Tự thêm"' },
  'rebuild-typed-joined': { list: '"Tự thêm" → VI.9' },
  'rebuild-to-confirm': { pairs: 2 },
  'rebuild-taken-as-one': {},
  'rebuild-not-carried': {},
  'form-refused': { file: 'phieu-so-tu-phap.xlsx', reason },
  'form-merged': {
    file: 'phieu-so-y-te.xlsx',
    unit: 'Sở Y tế',
    again: true,
    applied: 4,
    conflicts: 2,
    requests: 3,
  },
  'conflicts-heading': {},
  'conflict-tracker-changed': { sent: 'Chưa thực hiện', tracker: 'Hoàn thành' },
  'conflict-units-disagree': {},
  'conflict-task-gone': {},
  'requests-heading': {},
  'not-answered': { units: 'Sở Tài chính (15/07/2024)' },
  'wrote-merge': { path: 'so.xlsx', values: 4, history: 6 },
  'nothing-new': { path: 'so-cu.xlsx' },
  'check-heading': { name: 'Kế hoạch 12/KH-UBND', errors: 2, warnings: 3, notes: 4 },
  'nothing-to-fix': {},
  'severity-heading': { severity: 'warning', count: 5 },
  'finding-task': { task: 'II.3' },
  'finding-rows': { rows: [72, 73] },
  'summary-document': {},
  'summary-title': {},
  'summary-year': {},
  'summary-tables': {},
  'summary-sections': {},
  'summary-tasks': {},
  'summary-findings': {},
  'summary-finding-counts': { errors: 2, warnings: 3, notes: 4 },
  'summary-document-head': {
    type: 'Kế hoạch',
    number: '12/KH-UBND',
    place: 'Hà Nội',
    date: '2024-03-15',
  },
  'summary-table': { kind: 'report-form', firstRow: 40, lastRow: 52, title: 'Biểu 01' },
  'summary-task-columns': {},
  'writing-workbook': { tasks: 1200, sheets: 14 },
  'wrote-workbook': { output: 'so.xlsx', tasks: 20, sheets: 9, reportDate: '2024-06-30' },
  'wrote-forms': { forms: 5, folder: 'phieu/', replyBy: '2024-07-15', tracker: 'so.xlsx' },
  'form-rows': { rows: 12 },
  'error-line': { message: reason },
  'unexpected-error': { detail: 'boom' },
};

const KEYS = Object.keys(CLI_MESSAGES) as CliMessageKey[];

const words = <K extends CliMessageKey>(key: K): Words => cliWords(key, SAMPLES[key]);

const isWords = (value: unknown): value is Words =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).sort().join() === 'en,vi' &&
  typeof (value as Words).vi === 'string';

/** Parameters that choose a wording rather than being shown. */
const CHOOSERS = new Set(['kind', 'reason', 'cause', 'severity', 'again']);

/** What of `value` each language's text must show: ISO dates as dd/mm/yyyy, Words by language. */
function shown(value: unknown, out: { vi: string[]; en: string[] }): void {
  if (isWords(value)) {
    out.vi.push(value.vi);
    out.en.push(value.en);
  } else if (Array.isArray(value)) for (const item of value) shown(item, out);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) shown(item, out);
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-');
    out.vi.push(`${day}/${month}/${year}`);
    out.en.push(`${day}/${month}/${year}`);
  } else if (typeof value === 'string' || typeof value === 'number') {
    out.vi.push(String(value));
    out.en.push(String(value));
  }
}

describe('the command line catalogue', () => {
  it.each(KEYS)('%s says something in Vietnamese and in English', (key) => {
    const { vi, en } = words(key);
    expect(vi.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
  });

  it.each(KEYS)('%s shows its parameters', (key) => {
    const expected = { vi: [] as string[], en: [] as string[] };
    for (const [name, value] of Object.entries(SAMPLES[key])) {
      if (CHOOSERS.has(name) && !isWords(value)) continue;
      shown(value, expected);
    }
    const { vi, en } = words(key);
    for (const part of expected.vi) expect(vi).toContain(part);
    for (const part of expected.en) expect(en).toContain(part);
  });

  it('gives no two keys the same text', () => {
    const seen = new Map<string, CliMessageKey>();
    for (const key of KEYS) {
      const { vi, en } = words(key);
      for (const text of new Set([vi, en])) {
        expect([text, seen.get(text)]).toEqual([text, undefined]);
        seen.set(text, key);
      }
    }
  });

  it('words the choosing parameters differently', () => {
    const notText = (kind: 'xlsx' | 'docx' | 'pdf'): string =>
      cliWords('not-text', { path: 'a', kind }).en;
    expect(new Set([notText('xlsx'), notText('docx'), notText('pdf')]).size).toBe(3);
    const pdf = (code: 'scanned' | 'encrypted'): string =>
      cliWords('pdf-unreadable', { path: 'a.pdf', reason: code }).vi;
    expect(pdf('scanned')).toMatch(/bản quét/);
    expect(pdf('encrypted')).toMatch(/mật khẩu/);
    expect(cliWords('no-tasks', { path: 'a', cause: 'empty-task-table' }).en).toMatch(
      /task table holds no task/,
    );
    expect(cliWords('severity-heading', { severity: 'error', count: 1 })).toEqual({
      vi: 'LỖI (1)',
      en: 'ERRORS (1)',
    });
  });
});

/** Each counted message with a count of 1 and of 2, and the English phrase each must hold. */
const COUNTED: [CliMessageKey, (count: number) => Words, string, string][] = [
  [
    'writing-workbook',
    (n) => cliWords('writing-workbook', { tasks: n, sheets: n }),
    '1 task, 1 sheet',
    '2 tasks, 2 sheets',
  ],
  [
    'wrote-workbook',
    (n) => cliWords('wrote-workbook', { output: 'o', tasks: n, sheets: n, reportDate: null }),
    '1 task, 1 sheet,',
    '2 tasks, 2 sheets,',
  ],
  [
    'wrote-forms',
    (n) => cliWords('wrote-forms', { forms: n, folder: 'f', replyBy: '2024-07-15', tracker: 't' }),
    'Wrote 1 report form to',
    'Wrote 2 report forms to',
  ],
  ['form-rows', (n) => cliWords('form-rows', { rows: n }), '1 row', '2 rows'],
  [
    'rebuilt',
    (n) =>
      cliWords('rebuilt', {
        found: n,
        kept: n,
        renumbered: 0,
        edited: 0,
        added: 0,
        removed: 0,
        carried: n,
      }),
    'Rebuilt: 1 task found again',
    'Rebuilt: 2 tasks found again',
  ],
  [
    'rebuild-removed',
    (n) => cliWords('rebuild-removed', { list: 'x', keptEntries: n }),
    'entries of 1 task kept',
    'entries of 2 tasks kept',
  ],
  [
    'rebuild-to-confirm',
    (n) => cliWords('rebuild-to-confirm', { pairs: n }),
    '1 pair that may be the same task',
    '2 pairs that may be the same task',
  ],
  [
    'form-merged',
    (n) =>
      cliWords('form-merged', {
        file: 'f',
        unit: 'u',
        again: false,
        applied: n,
        conflicts: n,
        requests: n,
      }),
    '1 value updated, 1 conflict, 1 extension request',
    '2 values updated, 2 conflicts, 2 extension requests',
  ],
  [
    'wrote-merge',
    (n) => cliWords('wrote-merge', { path: 'p', values: n, history: n }),
    '1 value, 1 History row.',
    '2 values, 2 History rows.',
  ],
  [
    'check-heading',
    (n) => cliWords('check-heading', { name: 'n', errors: n, warnings: n, notes: n }),
    '1 error, 1 warning, 1 note',
    '2 errors, 2 warnings, 2 notes',
  ],
  [
    'summary-finding-counts',
    (n) => cliWords('summary-finding-counts', { errors: n, warnings: n, notes: n }),
    '1 error, 1 warning, 1 note',
    '2 errors, 2 warnings, 2 notes',
  ],
  [
    'no-tasks',
    (n) => cliWords('no-tasks', { path: 'p', cause: 'report-forms-only', forms: n }),
    '(1 table)',
    '(2 tables)',
  ],
  [
    'finding-rows',
    (n) => cliWords('finding-rows', { rows: [7, 8].slice(0, n) }),
    'row 7',
    'rows 7, 8',
  ],
];

describe('counts in the command line catalogue', () => {
  it.each(COUNTED)('%s: singular for 1, plural for 2 in English', (_key, say, one, two) => {
    // "1 row" must not be the start of "1 rows".
    const whole = (phrase: string): RegExp =>
      new RegExp(`${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`);
    expect(say(1).en).toMatch(whole(one));
    expect(say(2).en).toMatch(whole(two));
  });

  it('covers every message with a count parameter', () => {
    const counted = new Set(COUNTED.map(([key]) => key));
    const countNames =
      /^(tasks|sheets|forms|rows|found|carried|keptEntries|pairs|applied|conflicts|requests|values|history|errors|warnings|notes)$/;
    for (const key of KEYS) {
      const params = Object.entries(SAMPLES[key]);
      if (params.some(([name, value]) => typeof value === 'number' && countNames.test(name)))
        expect([key, counted.has(key)]).toEqual([key, true]);
    }
  });
});

describe('CliError', () => {
  it('is a key and its parameters, printed in both languages, exit status 2 unless given', () => {
    const error = new CliError('file-not-found', { path: 'khong-co.txt' });
    expect(error.vi).toBe('không tìm thấy tệp "khong-co.txt"');
    expect(error.en).toBe('file not found: "khong-co.txt"');
    expect(error.message).toBe(`${error.vi} / ${error.en}`);
    expect(error.message).toBe(bothLanguages('file-not-found', { path: 'khong-co.txt' }));
    expect(error.exitCode).toBe(2);
    expect(new CliError('design-error', { problems: ['x'] }, 70).exitCode).toBe(70);
  });

  it('labels the summary lines in both languages', () => {
    expect(labelled('summary-tasks', 20)).toBe('Nhiệm vụ / Tasks: 20');
  });
});
