// The one-way import rule (eslint/layers.mjs), run through ESLint itself on code given on stdin
// as if it were a file of src/: every backward import fails the lint, every forward one passes.
import { spawnSync } from 'child_process';
import { join } from 'path';

const root = join(__dirname, '..', '..');

// One Node process lints every case through ESLint's own API (loading the project's config once).
const SCRIPT = `
const { ESLint } = require('eslint');
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const { file, code } of JSON.parse(input)) {
    const [result] = await eslint.lintText(code, { filePath: file });
    out.push(result.messages.filter((m) => m.ruleId === 'layers/one-way').map((m) => m.message));
  }
  process.stdout.write(JSON.stringify(out));
});
`;

function lintAll(cases: Array<{ file: string; code: string }>): string[][] {
  const run = spawnSync(process.execPath, ['-e', SCRIPT], {
    cwd: root,
    input: JSON.stringify(cases),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

// [importing file, import path, allowed]
const CASES: Array<[string, string, boolean]> = [
  ['src/core/plan/x.ts', '../../layout/context', false],
  ['src/core/plan/x.ts', '../text/normalize', true],
  ['src/excel/x.ts', '../readers/zip', false],
  ['src/excel/x.ts', '../core/time/calendar', true],
  ['src/readers/xlsx/x.ts', '../../layout/context', false],
  ['src/layout/x.ts', '../render/xlsx', false],
  ['src/layout/tracker/x.ts', '../../readers/xlsx', true],
  ['src/render/office/x.ts', '../../office/rebuild', false],
  ['src/render/x.ts', './office/sheet', true],
  ['src/render/xlsx/x.ts', '../../layout/types', true],
  ['src/office/x.ts', '../taskpane/i18n', false],
  ['src/office/x.ts', '../render/office/excel-api', true],
  ['src/cli/x.ts', '../taskpane/i18n', false],
  ['src/taskpane/x.ts', '../cli/errors', false],
  ['src/taskpane/x.ts', '../office/survey', true],
  ['src/commands/x.ts', '../office/refresh', true],
];

const FORMS = (spec: string): string[] => [
  `import { a } from '${spec}';\nexport const b = a;\n`,
  `export { a } from '${spec}';\n`,
  `export const b = (): Promise<unknown> => import('${spec}');\n`,
];

describe('imports run one way between the folders of src/', () => {
  let found: string[][] = [];
  beforeAll(() => {
    found = lintAll(
      CASES.flatMap(([file, spec]) =>
        FORMS(spec).map((code) => ({ file: join(root, file), code })),
      ),
    );
  }, 120_000);

  test.each(CASES.map((c, i) => [...c, i] as const))(
    '%s importing %s: allowed %s',
    (_file, _spec, allowed, i) => {
      for (let form = 0; form < 3; form++) {
        const messages = found[i * 3 + form]!;
        expect(messages.length === 0).toBe(allowed);
        if (!allowed) expect(messages[0]).toMatch(/may not import|same rank/);
      }
    },
  );
});
