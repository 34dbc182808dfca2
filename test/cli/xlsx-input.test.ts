// An .xlsx given to the command line that cannot be read ends in one clear line, in Vietnamese
// and English, with exit code 2 — a zip bomb included, which is refused at once.
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { deflateBomb, deflated, zipOfDeflated } from '../readers/helpers/bomb';
import { MAIN, REL, rels } from '../readers/helpers/package';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    columns: 100,
  });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'phuluc-cli-xlsx-'));

describe('phuluc with an .xlsx it cannot read', () => {
  it('refuses a zip bomb with one line, quickly', async () => {
    const path = join(tmp, 'bom.xlsx');
    writeFileSync(
      path,
      zipOfDeflated([
        deflated(
          '[Content_Types].xml',
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        ),
        deflated(
          '_rels/.rels',
          rels([{ id: 'r', type: `${REL}/officeDocument`, target: 'xl/workbook.xml' }]),
        ),
        deflated(
          'xl/workbook.xml',
          `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="s"/></sheets></workbook>`,
        ),
        deflated(
          'xl/_rels/workbook.xml.rels',
          rels([{ id: 's', type: 'worksheet', target: 'worksheets/sheet1.xml' }]),
        ),
        {
          name: 'xl/worksheets/sheet1.xml',
          deflated: deflateBomb(
            `<worksheet xmlns="${MAIN}"><sheetData><row><c t="inlineStr"><is><t>`,
            ' ',
            1_000_000,
            '</t></is></c></row></sheetData></worksheet>',
          ),
        },
      ]),
    );
    const started = Date.now();
    const { code, out, err } = await run(['parse', path]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/không đọc được tệp Excel .*: tệp Excel khi giải nén quá lớn/);
    expect(err).toMatch(/cannot read the Excel file .*: the Excel file is too large once unpacked/);
  });

  it('says what a damaged workbook is', async () => {
    const path = join(tmp, 'hong.xlsx');
    writeFileSync(
      path,
      zipOfDeflated([
        deflated('[Content_Types].xml', '<Types/>'),
        deflated(
          '_rels/.rels',
          rels([{ id: 'r', type: `${REL}/officeDocument`, target: 'xl/workbook.xml' }]),
        ),
        deflated('xl/workbook.xml', `<workbook xmlns="${MAIN}"><sheets><sheet name="S"`),
      ]),
    );
    const { code, err } = await run(['check', path]);
    expect(code).toBe(2);
    expect(err).toMatch(/tệp Excel bị hỏng/);
  });
});
