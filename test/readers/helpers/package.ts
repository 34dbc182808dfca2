// Hand-made .xlsx packages: the parts a test gives, zipped, with the least a workbook needs
// around them. For the quirks real writers produce that ExcelJS never does.
import { strToU8, zipSync, type Zippable } from 'fflate';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface Rel {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

export function rels(list: Rel[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
    list
      .map(
        (r) =>
          `<Relationship Id="${r.id}" Type="${r.type.includes('/') ? r.type : `${REL}/${r.type}`}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ''}/>`,
      )
      .join('') +
    '</Relationships>'
  );
}

export interface SheetSpec {
  name: string;
  /** The worksheet part's XML inside <worksheet> (sheetData, mergeCells…). */
  body: string;
  state?: 'hidden' | 'veryHidden';
  /** Relationships of the sheet (comments, links, tables). */
  rels?: Rel[];
  /** Part name; default xl/worksheets/sheetN.xml. */
  part?: string;
}

export interface PackageSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string;
  /** styles.xml inside <styleSheet>. */
  styles?: string;
  /** <workbookPr …/> and more, inside <workbook> before <sheets>. */
  workbookHead?: string;
  /** After </sheets> (definedNames…). */
  workbookTail?: string;
  /** Target style for the workbook's relationships: relative (Excel) or absolute (openpyxl). */
  absolute?: boolean;
  /** Extra parts, by name. */
  parts?: Record<string, string | Uint8Array>;
  /** Extra workbook relationships. */
  workbookRels?: Rel[];
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The package's bytes. */
export function makeXlsx(spec: PackageSpec): Uint8Array {
  const files: Zippable = {};
  const put = (name: string, content: string | Uint8Array): void => {
    files[name] = typeof content === 'string' ? strToU8(content) : content;
  };
  const target = (part: string): string => (spec.absolute ? `/${part}` : part.slice(3));
  const overrides: string[] = [];
  const workbookRels: Rel[] = [];
  const sheetEntries: string[] = [];
  spec.sheets.forEach((s, i) => {
    const part = s.part ?? `xl/worksheets/sheet${i + 1}.xml`;
    put(
      part,
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}">${s.body}</worksheet>`,
    );
    overrides.push(
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    workbookRels.push({ id: `rId${i + 1}`, type: 'worksheet', target: target(part) });
    sheetEntries.push(
      `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
    );
    if (s.rels) {
      const folder = part.slice(0, part.lastIndexOf('/'));
      const file = part.slice(part.lastIndexOf('/') + 1);
      put(`${folder}/_rels/${file}.rels`, rels(s.rels));
    }
  });
  if (spec.sharedStrings !== undefined) {
    const body =
      typeof spec.sharedStrings === 'string'
        ? spec.sharedStrings
        : spec.sharedStrings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('');
    put('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="${MAIN}">${body}</sst>`);
    workbookRels.push({
      id: 'rIdS',
      type: 'sharedStrings',
      target: target('xl/sharedStrings.xml'),
    });
  }
  if (spec.styles !== undefined) {
    put(
      'xl/styles.xml',
      `<?xml version="1.0"?><styleSheet xmlns="${MAIN}">${spec.styles}</styleSheet>`,
    );
    workbookRels.push({ id: 'rIdY', type: 'styles', target: target('xl/styles.xml') });
  }
  workbookRels.push(...(spec.workbookRels ?? []));
  put(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.workbookHead ?? ''}<sheets>${sheetEntries.join('')}</sheets>${spec.workbookTail ?? ''}</workbook>`,
  );
  put('xl/_rels/workbook.xml.rels', rels(workbookRels));
  put(
    '_rels/.rels',
    rels([
      {
        id: 'rId1',
        type: `${REL}/officeDocument`,
        target: spec.absolute ? '/xl/workbook.xml' : 'xl/workbook.xml',
      },
    ]),
  );
  put(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  for (const [name, content] of Object.entries(spec.parts ?? {})) put(name, content);
  return zipSync(files);
}

/** A sheet body with the given rows of cells (raw <c> XML). */
export function sheetData(rows: string[]): string {
  return `<sheetData>${rows.join('')}</sheetData>`;
}
