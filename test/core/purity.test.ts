// src/core is plain functions of their inputs: no Office, DOM, Node or clock. ESLint enforces
// the same rules while editing; this test makes them part of `npm test` on their own.
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const CORE = join(__dirname, '..', '..', 'src', 'core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: [string, RegExp][] = [
  [
    'a Node module',
    /from\s+['"](node:[\w/]+|fs|path|os|child_process|util|url|stream|buffer|crypto)['"]/,
  ],
  [
    'UI or Office',
    /from\s+['"](react|react-dom|@fluentui\/[\w-]+|@microsoft\/office-js|exceljs)['"]/,
  ],
  ['an adapter', /from\s+['"][./]+(cli|taskpane|office|commands)\//],
  ['Office.js globals', /\b(Office|Excel)\.(run|context|onReady)\b/],
  ['the DOM', /\b(window|document|navigator|localStorage)\.\w/],
  ['process', /\bprocess\.\w/],
  ['the clock', /new Date\(\s*\)|Date\.now\(\)/],
];

describe('src/core stays pure', () => {
  const files = sources(CORE);

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(FORBIDDEN)('no file uses %s', (_what, pattern) => {
    const offenders = files
      .filter((f) => pattern.test(readFileSync(f, 'utf8')))
      .map((f) => relative(CORE, f));
    expect(offenders).toEqual([]);
  });

  it('the check itself catches an offender', () => {
    const [, nodeImport] = FORBIDDEN[0]!;
    const [, clock] = FORBIDDEN[6]!;
    expect(nodeImport.test("import { readFileSync } from 'fs';")).toBe(true);
    expect(clock.test('const today = new Date();')).toBe(true);
  });
});
