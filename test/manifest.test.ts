import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import {
  checkManifest,
  DEFAULT_FUNCTION_SOURCES,
  DEFAULT_PAGES,
  manifestBase,
} from '../scripts/check-manifest';
import { COMMANDS } from '../src/commands/commands';
import { addinUrl } from './helpers/scripts';

const ROOT = path.join(__dirname, '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** Replaces exactly one occurrence, so a variant cannot silently stay unchanged. */
function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === 'string'
      ? text.split(from).length - 1
      : (text.match(new RegExp(from, 'g')) ?? []).length;
  if (count !== 1)
    throw new Error(`expected exactly one match for ${String(from)}, found ${count}`);
  return text.replace(from, to);
}

describe('manifest.xml', () => {
  test('the real manifest passes the offline check', () => {
    expect(checkManifest(MANIFEST, ROOT)).toEqual([]);
  });

  test('declares what PhuLuc needs', () => {
    expect(MANIFEST).toContain('<Host Name="Workbook"/>');
    expect(MANIFEST).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
    expect(MANIFEST).toContain('<CustomTab id="PhuLuc.Tab">');
    expect(MANIFEST).toContain('<DefaultLocale>vi-VN</DefaultLocale>');
    expect(MANIFEST).toContain(
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
    );
  });

  test('declares the ribbon commands: open the pane, Làm mới, Kiểm tra', () => {
    expect(MANIFEST).toContain('<Control xsi:type="Button" id="PhuLuc.OpenButton">');
    expect(MANIFEST).toContain('<Control xsi:type="Button" id="PhuLuc.RefreshButton">');
    expect(MANIFEST).toContain('<Control xsi:type="Button" id="PhuLuc.CheckButton">');
    expect(MANIFEST).toMatch(/<bt:String id="PhuLuc.Refresh.Label" DefaultValue="Làm mới">/);
    expect(MANIFEST).toMatch(/<bt:String id="PhuLuc.Check.Label" DefaultValue="Kiểm tra">/);
    for (const size of [16, 32, 80]) {
      expect(MANIFEST).toContain(`assets/icon-refresh-${size}.png`);
      expect(MANIFEST).toContain(`assets/icon-check-${size}.png`);
    }
  });

  test('every ExecuteFunction is associated by the function file, and nothing else is', () => {
    const names = [...MANIFEST.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(names.sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  test('the check knows the pages webpack builds', () => {
    const requireJs = createRequire(__filename);
    const makeConfig = requireJs('../webpack.config.js') as (
      env: unknown,
      argv: { mode: string },
    ) => { plugins: { constructor: { name: string }; userOptions?: Record<string, unknown> }[] };
    const pages: Record<string, string> = {};
    for (const plugin of makeConfig({}, { mode: 'production' }).plugins) {
      if (plugin.constructor.name !== 'HtmlWebpackPlugin' || !plugin.userOptions) continue;
      const { filename, template } = plugin.userOptions as { filename: string; template: string };
      pages[filename] = path.normalize(template);
    }
    const expected = Object.fromEntries(
      Object.entries(DEFAULT_PAGES).map(([k, v]) => [k, path.normalize(v)]),
    );
    expect(pages).toEqual(expected);
  });
});

describe('checkManifest finds problems', () => {
  const cases: [string, (xml: string) => string, RegExp][] = [
    ['malformed XML', (xml) => replaceOnce(xml, '</DefaultSettings>', ''), /not well-formed/],
    [
      'a duplicate id',
      (xml) => replaceOnce(xml, 'id="PhuLuc.OpenButton"', 'id="PhuLuc.Group"'),
      /Duplicate id "PhuLuc\.Group"/,
    ],
    [
      'a resid that is not defined',
      (xml) =>
        replaceOnce(
          xml,
          '<Description resid="PhuLuc.Open.Tooltip"/>',
          '<Description resid="PhuLuc.Missing"/>',
        ),
      /resid "PhuLuc\.Missing" is not defined/,
    ],
    [
      'a resid defined in the wrong collection',
      (xml) =>
        replaceOnce(
          xml,
          '<FunctionFile resid="PhuLuc.Commands.Url"/>',
          '<FunctionFile resid="PhuLuc.Tab.Label"/>',
        ),
      /must be defined in bt:Urls/,
    ],
    [
      'no requirement sets',
      (xml) => replaceOnce(xml, /<Requirements>[\s\S]*?<\/Requirements>/, ''),
      /missing <Requirements>/,
    ],
    [
      'requirement sets without ExcelApi',
      (xml) =>
        replaceOnce(
          xml,
          '<Set Name="ExcelApi" MinVersion="1.7"/>',
          '<Set Name="SharedRuntime" MinVersion="1.1"/>',
        ),
      /Set Name="ExcelApi"/,
    ],
    [
      'an Id that is not a GUID',
      (xml) => replaceOnce(xml, /<Id>[^<]+<\/Id>/, '<Id>phuluc</Id>'),
      /not a GUID/,
    ],
    [
      'elements out of schema order',
      (xml) =>
        replaceOnce(xml, '<Permissions>ReadWriteDocument</Permissions>', '').replace(
          '<DefaultSettings>',
          '<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>',
        ),
      /must come before/,
    ],
    [
      'a tab label before its groups',
      (xml) =>
        replaceOnce(xml, '<Label resid="PhuLuc.Tab.Label"/>', '').replace(
          '<CustomTab id="PhuLuc.Tab">',
          '<CustomTab id="PhuLuc.Tab"><Label resid="PhuLuc.Tab.Label"/>',
        ),
      /must come before <Label> in .*CustomTab/,
    ],
    [
      'a weaker permission',
      (xml) => replaceOnce(xml, 'ReadWriteDocument', 'ReadDocument'),
      /expected ReadWriteDocument/,
    ],
    [
      'a URL outside the base',
      (xml) =>
        replaceOnce(
          xml,
          'https://localhost:3000/commands.html',
          'https://example.com/commands.html',
        ),
      /must start with https:\/\/localhost:3000\//,
    ],
    [
      'a plain http URL',
      (xml) =>
        replaceOnce(xml, '<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://'),
      /must use https/,
    ],
    [
      'a page the build does not produce',
      (xml) =>
        replaceOnce(
          xml,
          'https://localhost:3000/commands.html',
          'https://localhost:3000/functions.html',
        ),
      /neither a page the build produces/,
    ],
    [
      'an icon URL naming a file that does not exist',
      (xml) => replaceOnce(xml, 'assets/icon-80.png', 'assets/icon-81.png'),
      /assets\/icon-81\.png, which does not exist/,
    ],
    [
      'an icon of the wrong size',
      (xml) =>
        replaceOnce(
          xml,
          '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
          '<IconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"/>',
        ),
      /is 80x80, expected 32x32/,
    ],
  ];

  cases.push(
    [
      'an ExecuteFunction without a FunctionName',
      (xml) => replaceOnce(xml, '<FunctionName>checkWorkbook</FunctionName>', ''),
      /PhuLuc\.CheckButton.*needs a <FunctionName>/,
    ],
    [
      'a FunctionName the function file does not associate',
      (xml) =>
        replaceOnce(
          xml,
          '<FunctionName>refreshWorkbook</FunctionName>',
          '<FunctionName>refreshWorkbok</FunctionName>',
        ),
      /"refreshWorkbok" is not associated in src\/commands\/commands\.ts/,
    ],
    [
      'a FunctionName that is not an identifier',
      (xml) =>
        replaceOnce(
          xml,
          '<FunctionName>checkWorkbook</FunctionName>',
          '<FunctionName>check-workbook</FunctionName>',
        ),
      /not a JavaScript identifier/,
    ],
    [
      'a button without its 80 px icon',
      (xml) => replaceOnce(xml, '<bt:Image size="80" resid="PhuLuc.Refresh.80"/>', ''),
      /PhuLuc\.RefreshButton" needs icons of 16, 32 and 80 px/,
    ],
    [
      'a button icon of the wrong size',
      (xml) => replaceOnce(xml, 'assets/icon-check-32.png', 'assets/icon-check-80.png'),
      /icon-check-80\.png is 80x80, expected 32x32/,
    ],
    [
      'a button without a supertip',
      (xml) =>
        replaceOnce(
          xml,
          /<Supertip>\s*<Title resid="PhuLuc\.Check\.Label"\/>\s*<Description resid="PhuLuc\.Check\.Tooltip"\/>\s*<\/Supertip>/,
          '',
        ),
      /PhuLuc\.CheckButton" needs a <Supertip>/,
    ],
  );

  test.each(cases)('%s', (_name, mutate, expected) => {
    const problems = checkManifest(mutate(MANIFEST), ROOT);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(expected);
  });

  test('an icon file missing from assets/', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-manifest-'));
    try {
      fs.cpSync(path.join(ROOT, 'assets'), path.join(tmp, 'assets'), { recursive: true });
      for (const page of [...Object.values(DEFAULT_PAGES), ...DEFAULT_FUNCTION_SOURCES]) {
        fs.mkdirSync(path.dirname(path.join(tmp, page)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, page), path.join(tmp, page));
      }
      expect(checkManifest(MANIFEST, tmp)).toEqual([]);
      fs.rmSync(path.join(tmp, 'assets', 'icon-16.png'));
      const problems = checkManifest(MANIFEST, tmp);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/assets\/icon-16\.png, which does not exist/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('a different base URL is honoured', () => {
    const moved = MANIFEST.split('https://localhost:3000/').join('https://phuluc.example.vn/');
    expect(checkManifest(moved, ROOT).join('\n')).toMatch(
      /must start with https:\/\/localhost:3000\//,
    );
    expect(checkManifest(moved, ROOT, { baseUrl: 'https://phuluc.example.vn' })).toEqual([]);
  });
});

describe('the manifest built for the address given at build time (ADDIN_URL)', () => {
  const ADDRESS = 'https://phuluc.example.vn/addin';
  const built = addinUrl.manifestFor(MANIFEST, ADDRESS);
  const urls = (xml: string) => [...xml.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);

  test('every URL moves under the address; none is left at the dev server', () => {
    const before = urls(MANIFEST).filter((u) => u.startsWith('https://localhost:3000/'));
    expect(before.length).toBeGreaterThan(10);
    expect(urls(built).filter((u) => u.startsWith(`${ADDRESS}/`))).toEqual(
      before.map((u) => u.replace('https://localhost:3000', ADDRESS)),
    );
    expect(urls(built).filter((u) => u.includes('localhost'))).toEqual([]);
    expect(built).toContain(`<SourceLocation DefaultValue="${ADDRESS}/taskpane.html"/>`);
  });

  test('passes the offline check against its own address, and not against localhost', () => {
    expect(manifestBase(built)).toBe(ADDRESS);
    expect(manifestBase(MANIFEST)).toBe('https://localhost:3000');
    expect(checkManifest(built, ROOT, { baseUrl: manifestBase(built) })).toEqual([]);
    expect(checkManifest(built, ROOT).join('\n')).toMatch(
      /must start with https:\/\/localhost:3000/,
    );
  });

  test.each([
    ['https://phuluc.example.vn', 'https://phuluc.example.vn'],
    ['https://phuluc.example.vn/', 'https://phuluc.example.vn'],
    ['  https://phuluc.example.vn/addin/ ', 'https://phuluc.example.vn/addin'],
    ['https://Phuluc.Example.vn:8443/a/b', 'https://phuluc.example.vn:8443/a/b'],
  ])('ADDIN_URL %j is the address %j', (text, base) => {
    expect(addinUrl.parseAddinUrl(text)).toBe(base);
  });

  test.each([
    ['http://phuluc.example.vn', /https/],
    ['phuluc.example.vn', /không phải một địa chỉ[\s\S]*not an address/],
    ['https://phuluc.example.vn/?a=1', /\? hoặc #/],
    ['https://phuluc.example.vn/#top', /\? hoặc #/],
    ['https://admin:secret@phuluc.example.vn', /tên đăng nhập[\s\S]*user name/],
    ['', /không phải một địa chỉ/],
  ])('ADDIN_URL %j is refused, in Vietnamese and English', (text, message) => {
    expect(() => addinUrl.parseAddinUrl(text)).toThrow(message);
  });

  test('`npm run check:manifest` checks a built manifest against the address it was built for', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-manifest-cli-'));
    const run = (file: string) =>
      spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-manifest-cli.js'), file], {
        encoding: 'utf8',
      });
    try {
      const good = path.join(tmp, 'manifest.xml');
      fs.writeFileSync(good, built);
      // A file given alone is checked against localhost; `--base auto` is the default for dist/.
      const auto = spawnSync(
        process.execPath,
        [path.join(ROOT, 'scripts', 'check-manifest-cli.js'), good, '--base', 'auto'],
        { encoding: 'utf8' },
      );
      expect(auto.stdout).toContain(`(${ADDRESS}): OK`);
      expect(auto.status).toBe(0);
      expect(run(good).status).toBe(1);
      // One URL forgotten at the dev server.
      const mixed = path.join(tmp, 'mixed.xml');
      fs.writeFileSync(
        mixed,
        built.replace(
          `<bt:Url id="PhuLuc.Help.Url" DefaultValue="${ADDRESS}/help.html"/>`,
          '<bt:Url id="PhuLuc.Help.Url" DefaultValue="https://localhost:3000/help.html"/>',
        ),
      );
      const wrong = spawnSync(
        process.execPath,
        [path.join(ROOT, 'scripts', 'check-manifest-cli.js'), mixed, '--base', 'auto'],
        { encoding: 'utf8' },
      );
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toMatch(
        /Help\.Url.*must start with https:\/\/phuluc\.example\.vn\/addin\//,
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
