/**
 * Offline checks for the XML add-in manifest (manifest.xml).
 *
 * `office-addin-manifest validate` posts the manifest to a Microsoft web service and fails without
 * network, so CI runs this instead. It is not a full XSD validation; it checks what tends to break:
 * well-formed XML, the OfficeApp children and their schema order, the Id, unique ids and resolvable
 * resids in VersionOverrides, every URL (base, and that the file it names exists in the source
 * tree), icon sizes, the ExcelApi requirement set and the permission level.
 *
 * Used by test/manifest.test.ts; from a shell: `npm run check:manifest` checks manifest.xml and,
 * when a build wrote it, dist/manifest.xml (against the address it was built for, ADDIN_URL).
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface CheckManifestOptions {
  /** Origin every manifest URL must start with. Default https://localhost:3000. */
  baseUrl?: string;
  /**
   * URL path (without the leading '/') of each page the webpack build produces, mapped to its
   * HTML template, relative to rootDir. Keep in sync with the HtmlWebpackPlugin entries in
   * webpack.config.js. Other paths must exist under assets/ (served as /assets/...).
   */
  pages?: Record<string, string>;
  /**
   * Source files of the function file (relative to rootDir): every <FunctionName> of an
   * ExecuteFunction button must be associated there (`Office.actions.associate`), named as a
   * quoted string or as a key of the object of commands.
   */
  functionSources?: string[];
}

export const DEFAULT_BASE_URL = 'https://localhost:3000';
export const DEFAULT_FUNCTION_SOURCES: readonly string[] = ['src/commands/commands.ts'];

export const DEFAULT_PAGES: Readonly<Record<string, string>> = {
  'taskpane.html': 'src/taskpane/taskpane.html',
  'index.html': 'src/taskpane/taskpane.html',
  'commands.html': 'src/commands/commands.html',
  'help.html': 'src/taskpane/help.html',
};

/**
 * The address a manifest serves the add-in from: its SourceLocation's folder
 * (https://host/addin for https://host/addin/taskpane.html). A built manifest is checked
 * against it (`--base auto`); undefined when there is no SourceLocation.
 */
export function manifestBase(xmlText: string): string | undefined {
  const source = /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(xmlText)?.[1];
  if (source === undefined) return undefined;
  const at = source.split(/[?#]/)[0] ?? '';
  return at.slice(0, at.lastIndexOf('/'));
}

/** Children of <OfficeApp xsi:type="TaskPaneApp"> in schema order. */
const OFFICE_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
  'ExtendedOverrides',
];

/** Required here (IconUrl/HighResolutionIconUrl are optional in the XSD but required by Office). */
const OFFICE_APP_REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
];

/**
 * Child order inside VersionOverrides (TaskPane 1.0), by parent local name. Names in one inner
 * array share a rank (either may come first). Unknown parents are not order-checked.
 */
const VO_ORDER: Record<string, string[][]> = {
  VersionOverrides: [
    ['Description'],
    ['Requirements'],
    ['Hosts'],
    ['Resources'],
    ['WebApplicationInfo'],
    ['EquivalentAddins'],
    ['VersionOverrides'],
  ],
  Host: [['Runtimes'], ['AllFormFactors'], ['DesktopFormFactor']],
  DesktopFormFactor: [['GetStarted'], ['FunctionFile'], ['ExtensionPoint']],
  GetStarted: [['Title'], ['Description'], ['LearnMoreUrl']],
  ExtensionPoint: [['OfficeTab', 'CustomTab', 'OfficeMenu']],
  CustomTab: [['Group', 'OfficeGroup'], ['Label'], ['InsertBefore', 'InsertAfter']],
  OfficeTab: [['Group']],
  Group: [['Label'], ['Icon'], ['Control', 'OfficeControl']],
  Control: [['Label'], ['Supertip'], ['Icon'], ['Action', 'Items'], ['Enabled']],
  Supertip: [['Title'], ['Description']],
  Action: [['TaskpaneId'], ['SourceLocation'], ['Title'], ['FunctionName']],
  Resources: [['Images'], ['Urls'], ['ShortStrings'], ['LongStrings']],
};

/** Which resource collection a resid on an element of this local name must point into. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Runtime: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/;
const CULTURE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const SET_VERSION = /^\d+\.\d+$/;
const SHORT_MAX = 125;
const LONG_MAX = 250;
const RESID_MAX = 32;

/** Minimal element tree built from fast-xml-parser's preserveOrder output. */
interface El {
  /** Qualified name as written, e.g. "bt:Image". */
  name: string;
  /** Local name, e.g. "Image". */
  local: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
  /** Slash-separated local names from the root, for messages. */
  where: string;
}

type OrderedNode = Record<string, unknown>;

function toTree(nodes: OrderedNode[], parentWhere: string): El[] {
  const out: El[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (name === undefined || name === '#text' || name === '#comment' || name.startsWith('?')) {
      continue;
    }
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    const rawChildren = (node[name] as OrderedNode[] | undefined) ?? [];
    const rawAttrs = (node[':@'] as Record<string, unknown> | undefined) ?? {};
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = String(v);
    const step = attrs['id'] !== undefined ? `${local}[${attrs['id']}]` : local;
    const where = parentWhere ? `${parentWhere}/${step}` : step;
    const text = rawChildren
      .filter((c) => '#text' in c)
      .map((c) => String(c['#text']))
      .join('')
      .trim();
    out.push({ name, local, attrs, children: toTree(rawChildren, where), text, where });
  }
  return out;
}

function walk(el: El, visit: (e: El) => void): void {
  visit(el);
  for (const c of el.children) walk(c, visit);
}

function child(el: El | undefined, local: string): El | undefined {
  return el?.children.find((c) => c.local === local);
}

function childrenNamed(el: El | undefined, local: string): El[] {
  return el ? el.children.filter((c) => c.local === local) : [];
}

/** Attribute by local name (xsi:type → "type"). */
function attr(el: El, local: string): string | undefined {
  for (const [k, v] of Object.entries(el.attrs)) {
    const kl = k.includes(':') ? k.slice(k.indexOf(':') + 1) : k;
    if (kl === local && !k.startsWith('xmlns')) return v;
  }
  return undefined;
}

/** Width and height from a PNG's IHDR chunk, or undefined if the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } | undefined {
  const buf = fs.readFileSync(file);
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || sig.some((b, i) => buf[i] !== b)) return undefined;
  if (buf.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * Checks a manifest's text. Returns a list of problems; empty means it passed.
 * @param xmlText the manifest.xml content
 * @param rootDir the repository root (to find assets/ and the page templates)
 */
export function checkManifest(
  xmlText: string,
  rootDir: string,
  options: CheckManifestOptions = {},
): string[] {
  const problems: string[] = [];
  const base = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const pages = options.pages ?? DEFAULT_PAGES;

  // 1. Well-formed XML.
  const valid = XMLValidator.validate(xmlText);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return [`XML is not well-formed: ${msg} (line ${line}, column ${col})`];
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
  });
  const roots = toTree(parser.parse(xmlText) as OrderedNode[], '');
  if (roots.length !== 1 || roots[0]?.local !== 'OfficeApp') {
    return ['The root element must be a single <OfficeApp>.'];
  }
  const app = roots[0];

  // 2. Root attributes and top-level children in schema order.
  if (app.attrs['xmlns'] !== 'http://schemas.microsoft.com/office/appforoffice/1.1') {
    problems.push(
      'OfficeApp must use xmlns="http://schemas.microsoft.com/office/appforoffice/1.1".',
    );
  }
  if (attr(app, 'type') !== 'TaskPaneApp') {
    problems.push('OfficeApp must have xsi:type="TaskPaneApp".');
  }
  checkOrder(
    app,
    OFFICE_APP_ORDER.map((n) => [n]),
    problems,
  );
  for (const name of OFFICE_APP_REQUIRED) {
    if (!child(app, name)) problems.push(`OfficeApp is missing <${name}>.`);
  }
  for (const name of OFFICE_APP_ORDER) {
    if (childrenNamed(app, name).length > 1)
      problems.push(`OfficeApp has more than one <${name}>.`);
  }

  // 3. Simple values.
  const id = child(app, 'Id')?.text;
  if (id !== undefined && !GUID.test(id)) problems.push(`<Id> "${id}" is not a GUID.`);
  const version = child(app, 'Version')?.text;
  if (version !== undefined && !VERSION.test(version)) {
    problems.push(`<Version> "${version}" must look like 1.0.0.0.`);
  }
  const provider = child(app, 'ProviderName')?.text;
  if (provider !== undefined && (provider.length === 0 || provider.length > SHORT_MAX)) {
    problems.push('<ProviderName> must have 1 to 125 characters.');
  }
  const locale = child(app, 'DefaultLocale')?.text;
  if (locale !== undefined && !CULTURE.test(locale)) {
    problems.push(`<DefaultLocale> "${locale}" is not a culture name.`);
  }
  checkLocaleAware(child(app, 'DisplayName'), SHORT_MAX, problems);
  checkLocaleAware(child(app, 'Description'), LONG_MAX, problems);
  const permissions = child(app, 'Permissions')?.text;
  if (permissions !== undefined && permissions !== 'ReadWriteDocument') {
    problems.push(`<Permissions> is "${permissions}", expected ReadWriteDocument.`);
  }
  const hosts = childrenNamed(child(app, 'Hosts'), 'Host').map((h) => attr(h, 'Name'));
  if (child(app, 'Hosts') && !hosts.includes('Workbook')) {
    problems.push('<Hosts> must contain <Host Name="Workbook"/>.');
  }

  // 4. Requirement sets: ExcelApi with a minimum version.
  checkRequirements(child(app, 'Requirements'), problems);

  // 5. URLs in the base manifest (each must be under base and map to a file).
  const urls = new UrlChecker(base, rootDir, pages, problems);
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const el = child(app, name);
    if (el) urls.checkLocaleAware(el);
  }
  const source = child(child(app, 'DefaultSettings'), 'SourceLocation');
  if (child(app, 'DefaultSettings') && !source) {
    problems.push('<DefaultSettings> is missing <SourceLocation>.');
  } else if (source) {
    urls.checkLocaleAware(source);
  }
  urls.checkIcon(child(app, 'IconUrl'), 32);
  urls.checkIcon(child(app, 'HighResolutionIconUrl'), 64);

  // 6. VersionOverrides: order, unique ids, resids, resource URLs, icon sizes.
  const vo = child(app, 'VersionOverrides');
  if (vo) {
    checkVersionOverrides(vo, urls, problems);
    checkControls(vo, rootDir, options.functionSources ?? DEFAULT_FUNCTION_SOURCES, problems);
  }

  return problems;
}

function checkOrder(parent: El, order: string[][], problems: string[]): void {
  const rank = (local: string): number => order.findIndex((names) => names.includes(local));
  let last = -1;
  let lastName = '';
  for (const c of parent.children) {
    const r = rank(c.local);
    if (r < 0) {
      problems.push(`<${c.name}> is not allowed in ${parent.where}.`);
      continue;
    }
    if (r < last) {
      problems.push(
        `<${c.name}> must come before <${lastName}> in ${parent.where} (schema order).`,
      );
    } else {
      last = r;
      lastName = c.name;
    }
  }
}

function checkLocaleAware(el: El | undefined, max: number, problems: string[]): void {
  if (!el) return;
  const values = [
    el.attrs['DefaultValue'],
    ...childrenNamed(el, 'Override').map((o) => o.attrs['Value']),
  ];
  if (el.attrs['DefaultValue'] === undefined) problems.push(`${el.where} needs a DefaultValue.`);
  for (const v of values) {
    if (v !== undefined && (v.length === 0 || v.length > max)) {
      problems.push(`${el.where} value "${v}" must have 1 to ${max} characters.`);
    }
  }
  for (const o of childrenNamed(el, 'Override')) {
    if (!CULTURE.test(o.attrs['Locale'] ?? '')) {
      problems.push(`${o.where} has a missing or invalid Locale.`);
    }
  }
}

function checkRequirements(req: El | undefined, problems: string[]): void {
  if (!req) return; // reported as missing above
  const sets = child(req, 'Sets');
  if (!sets) {
    problems.push('<Requirements> must declare <Sets> (with ExcelApi and a MinVersion).');
    return;
  }
  const excel = childrenNamed(sets, 'Set').find((s) => s.attrs['Name'] === 'ExcelApi');
  if (!excel) {
    problems.push('<Requirements><Sets> must include <Set Name="ExcelApi" MinVersion="…"/>.');
    return;
  }
  const min = excel.attrs['MinVersion'] ?? sets.attrs['DefaultMinVersion'];
  if (min === undefined) {
    problems.push('The ExcelApi requirement set has no MinVersion.');
  } else if (!SET_VERSION.test(min)) {
    problems.push(`The ExcelApi MinVersion "${min}" is not a version like 1.7.`);
  }
}

class UrlChecker {
  constructor(
    private readonly base: string,
    private readonly rootDir: string,
    private readonly pages: Readonly<Record<string, string>>,
    private readonly problems: string[],
  ) {}

  /** Checks DefaultValue and every Override Value of an element. */
  checkLocaleAware(el: El): void {
    const dv = el.attrs['DefaultValue'];
    if (dv === undefined) this.problems.push(`${el.where} needs a DefaultValue.`);
    else this.check(dv, el.where);
    for (const o of childrenNamed(el, 'Override')) {
      const v = o.attrs['Value'];
      if (v === undefined) this.problems.push(`${o.where} needs a Value.`);
      else this.check(v, o.where);
    }
  }

  /** Returns the local file a URL maps to, or undefined (after reporting) if it does not. */
  check(url: string, where: string): string | undefined {
    const prefix = `${this.base}/`;
    if (!url.startsWith('https://')) {
      this.problems.push(`${where}: URL "${url}" must use https.`);
      return undefined;
    }
    if (!url.startsWith(prefix)) {
      this.problems.push(`${where}: URL "${url}" must start with ${prefix}.`);
      return undefined;
    }
    const urlPath = url.slice(prefix.length).split(/[?#]/)[0] ?? '';
    const page = this.pages[urlPath];
    let rel: string | undefined;
    if (page !== undefined) rel = page;
    else if (/^assets\/[^/]+$/.test(urlPath)) rel = urlPath;
    if (rel === undefined) {
      this.problems.push(
        `${where}: URL "${url}" is neither a page the build produces (${Object.keys(this.pages).join(', ')}) nor a file in assets/.`,
      );
      return undefined;
    }
    const file = path.join(this.rootDir, rel);
    if (!fs.existsSync(file)) {
      this.problems.push(`${where}: URL "${url}" maps to ${rel}, which does not exist.`);
      return undefined;
    }
    return file;
  }

  /** Checks that the image behind an element's DefaultValue is a size x size PNG. */
  checkIcon(el: El | undefined, size: number): void {
    const url = el?.attrs['DefaultValue'];
    if (!el || url === undefined) return;
    this.checkImageUrl(url, size, el.where);
  }

  /** Checks that an image URL (already reported by check() if broken) is a size x size PNG. */
  checkImageUrl(url: string, size: number, where: string): void {
    const file = this.resolveQuietly(url);
    if (!file) return;
    const dims = pngSize(file);
    if (!dims) {
      this.problems.push(`${where}: ${path.relative(this.rootDir, file)} is not a PNG file.`);
    } else if (dims.width !== size || dims.height !== size) {
      this.problems.push(
        `${where}: ${path.relative(this.rootDir, file)} is ${dims.width}x${dims.height}, expected ${size}x${size}.`,
      );
    }
  }

  /** Like check() without reporting (the URL was already reported once). */
  private resolveQuietly(url: string): string | undefined {
    const saved = this.problems.length;
    const file = this.check(url, '');
    this.problems.length = saved;
    return file;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const BUTTON_ICON_SIZES = ['16', '32', '80'];

/**
 * Ribbon buttons: a label, a supertip, icons of 16, 32 and 80 px, and an action that can run —
 * ShowTaskpane with a page, or ExecuteFunction with a function the function file associates.
 */
function checkControls(
  vo: El,
  rootDir: string,
  sources: readonly string[],
  problems: string[],
): void {
  const code = sources
    .map((file) => {
      const full = path.join(rootDir, file);
      return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : '';
    })
    .join('\n');
  walk(vo, (el) => {
    if (el.local !== 'Control') return;
    const id = el.attrs['id'] ?? '?';
    if (!child(el, 'Label')) problems.push(`Control "${id}" needs a <Label>.`);
    const tip = child(el, 'Supertip');
    if (!tip || !child(tip, 'Title') || !child(tip, 'Description')) {
      problems.push(`Control "${id}" needs a <Supertip> with <Title> and <Description>.`);
    }
    const sizes = childrenNamed(child(el, 'Icon'), 'Image').map((i) => i.attrs['size']);
    if (!BUTTON_ICON_SIZES.every((size) => sizes.includes(size))) {
      problems.push(`Control "${id}" needs icons of 16, 32 and 80 px.`);
    }
    const action = child(el, 'Action');
    const type = action ? attr(action, 'type') : undefined;
    if (type === 'ShowTaskpane') {
      if (!child(action, 'SourceLocation'))
        problems.push(`Control "${id}": ShowTaskpane needs a <SourceLocation>.`);
    } else if (type === 'ExecuteFunction') {
      const name = child(action, 'FunctionName')?.text;
      if (!name) {
        problems.push(`Control "${id}": ExecuteFunction needs a <FunctionName>.`);
      } else if (!IDENTIFIER.test(name)) {
        problems.push(`Control "${id}": FunctionName "${name}" is not a JavaScript identifier.`);
      } else if (!new RegExp(`(['"\`])${name}\\1|\\b${name}\\s*:`).test(code)) {
        problems.push(
          `Control "${id}": FunctionName "${name}" is not associated in ${sources.join(', ')} (Office.actions.associate).`,
        );
      }
    } else if (el.attrs['xsi:type'] !== 'Menu') {
      problems.push(`Control "${id}" needs an <Action> of type ShowTaskpane or ExecuteFunction.`);
    }
  });
}

function checkVersionOverrides(vo: El, urls: UrlChecker, problems: string[]): void {
  if (vo.attrs['xmlns'] !== 'http://schemas.microsoft.com/office/taskpaneappversionoverrides') {
    problems.push(
      'VersionOverrides must use xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides".',
    );
  }
  if (attr(vo, 'type') !== 'VersionOverridesV1_0') {
    problems.push('VersionOverrides must have xsi:type="VersionOverridesV1_0".');
  }

  // Child order, wherever the parent is known.
  walk(vo, (el) => {
    const order = VO_ORDER[el.local];
    // <Host> inside VersionOverrides/Hosts, not the base manifest's <Host Name=…/>.
    if (order && el.children.length > 0) checkOrder(el, order, problems);
  });

  // Ribbon structure: Workbook host, desktop form factor, a function file, a tab with a button.
  const vhosts = childrenNamed(child(vo, 'Hosts'), 'Host');
  const workbook = vhosts.find((h) => attr(h, 'type') === 'Workbook');
  if (!workbook) problems.push('VersionOverrides/Hosts must contain <Host xsi:type="Workbook">.');
  const desktop = child(workbook, 'DesktopFormFactor');
  if (workbook && !desktop) problems.push('The Workbook host needs a <DesktopFormFactor>.');
  if (desktop) {
    if (!child(desktop, 'FunctionFile')) problems.push('DesktopFormFactor needs a <FunctionFile>.');
    const eps = childrenNamed(desktop, 'ExtensionPoint');
    if (!eps.some((e) => attr(e, 'type') === 'PrimaryCommandSurface')) {
      problems.push(
        'DesktopFormFactor needs an <ExtensionPoint xsi:type="PrimaryCommandSurface">.',
      );
    }
    for (const tab of eps.flatMap((e) => childrenNamed(e, 'CustomTab'))) {
      if (!child(tab, 'Label')) problems.push(`CustomTab "${tab.attrs['id']}" needs a <Label>.`);
      if (!child(tab, 'Group') && !child(tab, 'OfficeGroup')) {
        problems.push(`CustomTab "${tab.attrs['id']}" needs at least one group.`);
      }
    }
  }

  // Unique ids (controls, tabs, groups and resources share one namespace here).
  const seen = new Map<string, string>();
  walk(vo, (el) => {
    const id = el.attrs['id'];
    if (id === undefined) return;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push(`Duplicate id "${id}" (${first} and ${el.where}).`);
    } else {
      seen.set(id, el.where);
    }
  });

  // Resources: ids, lengths, URLs.
  const resources = child(vo, 'Resources');
  const defined: Record<ResourceKind, Map<string, El>> = {
    Images: new Map(),
    Urls: new Map(),
    ShortStrings: new Map(),
    LongStrings: new Map(),
  };
  for (const kind of Object.keys(defined) as ResourceKind[]) {
    for (const r of child(resources, kind)?.children ?? []) {
      const rid = r.attrs['id'];
      if (rid === undefined) {
        problems.push(`${r.where} has no id.`);
        continue;
      }
      if (rid.length > RESID_MAX) {
        problems.push(`Resource id "${rid}" is longer than ${RESID_MAX} characters.`);
      }
      defined[kind].set(rid, r);
      if (kind === 'Images' || kind === 'Urls') {
        urls.checkLocaleAware(r);
      } else {
        checkLocaleAware(r, kind === 'ShortStrings' ? SHORT_MAX : LONG_MAX, problems);
      }
    }
  }

  // Every resid resolves, in the right collection; icons have the size they claim.
  walk(vo, (el) => {
    const resid = el.attrs['resid'];
    if (resid === undefined || el.where.includes('/Resources/')) return;
    const kind = RESID_KIND[el.local];
    const all = (Object.keys(defined) as ResourceKind[]).filter((k) => defined[k].has(resid));
    if (all.length === 0) {
      problems.push(`${el.where}: resid "${resid}" is not defined in Resources.`);
      return;
    }
    if (kind && !all.includes(kind)) {
      problems.push(`${el.where}: resid "${resid}" must be defined in bt:${kind}.`);
      return;
    }
    if (el.local === 'Image') {
      const size = Number(el.attrs['size']);
      const url = defined.Images.get(resid)?.attrs['DefaultValue'];
      if (!Number.isInteger(size) || size <= 0) {
        problems.push(`${el.where}: resid "${resid}" needs a numeric size.`);
      } else if (url !== undefined) {
        urls.checkImageUrl(url, size, `${el.where} (${resid})`);
      }
    }
  });
}
