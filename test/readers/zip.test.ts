import { deflateSync, zipSync, strToU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { openZip, ZipError } from '../../src/readers/zip';
import { openPackage, PackageError, resolveTarget, relsPartOf } from '../../src/readers/opc';

const small = { memberBytes: 1024 * 1024, totalBytes: 3 * 1024 * 1024, members: 100 };

describe('zip reader', () => {
  test('reads stored and deflated members, case-insensitively', () => {
    const bytes = zipSync({
      'a.txt': [strToU8('hello'), { level: 0 }],
      'Dir/B.xml': [strToU8('<x>' + 'y'.repeat(5000) + '</x>'), { level: 9 }],
    });
    const zip = openZip(bytes);
    expect(zip.members.map((m) => m.name)).toEqual(['a.txt', 'Dir/B.xml']);
    expect(new TextDecoder().decode(zip.read('a.txt'))).toBe('hello');
    expect(zip.read('dir/b.xml').length).toBe(5007);
  });

  test('a member that inflates past the limit is refused, whatever its header says', () => {
    const bomb = new Uint8Array(10 * 1024 * 1024); // 10 MB of zeros → ~10 KB deflated
    const bytes = zipSync({ 'xl/worksheets/sheet1.xml': [bomb, { level: 9 }] });
    // Make the directory lie about the size: 100 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let o = bytes.length - 22; o >= 0; o--) {
      if (view.getUint32(o, true) === 0x02014b50) {
        view.setUint32(o + 24, 100, true);
        break;
      }
    }
    const zip = openZip(bytes, small);
    expect(zip.members[0]!.declaredSize).toBe(100);
    expect(() => zip.read('xl/worksheets/sheet1.xml')).toThrow(ZipError);
    try {
      zip.read('xl/worksheets/sheet1.xml');
    } catch (e) {
      expect((e as ZipError).code).toBe('too-large');
    }
  });

  test('the total over all members is bounded too', () => {
    const part = new Uint8Array(900 * 1024);
    const files: Record<string, [Uint8Array, { level: 9 }]> = {};
    for (let i = 0; i < 5; i++) files[`p${i}`] = [part, { level: 9 }];
    const zip = openZip(zipSync(files), small);
    zip.read('p0');
    zip.read('p1');
    zip.read('p2');
    expect(() => zip.read('p3')).toThrow(/limit/);
  });

  test('not a zip, cut short, damaged data', () => {
    expect(() => openZip(strToU8('hello world'))).toThrow(ZipError);
    const bytes = zipSync({ 'a.txt': [strToU8('x'.repeat(1000)), { level: 6 }] });
    expect(() => openZip(bytes.subarray(0, bytes.length - 10))).toThrow(/end-of-directory|damaged/);
    const broken = bytes.slice();
    // Corrupt the deflate stream of the member (it starts after the 30-byte header + name).
    for (let i = 35; i < 45; i++) broken[i] = 0xff;
    expect(() => openZip(broken).read('a.txt')).toThrow(ZipError);
    expect(deflateSync(strToU8('x')).length).toBeGreaterThan(0);
  });
});

describe('OPC package', () => {
  test('targets: relative, absolute (openpyxl), with ..', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe(
      'xl/worksheets/sheet1.xml',
    );
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe(
      'xl/worksheets/sheet1.xml',
    );
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../comments/comment1.xml')).toBe(
      'xl/comments/comment1.xml',
    );
    expect(relsPartOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(relsPartOf('')).toBe('_rels/.rels');
  });

  test('an ExcelJS workbook: parts, types and relationships', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Một');
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const pkg = openPackage(bytes);
    const book = pkg.relTarget('', 'officeDocument');
    expect(book).toBe('xl/workbook.xml');
    const sheets = pkg.rels(book!).filter((r) => r.type === 'worksheet');
    expect(sheets).toHaveLength(1);
    expect(pkg.has(sheets[0]!.target)).toBe(true);
    expect(pkg.contentType(sheets[0]!.target)).toMatch(/worksheet/);
    expect(pkg.text(book!)).toContain('Một');
  });

  test('relationships are read with an XML parser: comments, ">" in values, entities', () => {
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<!-- <Relationship Id="old" Type="x/worksheet" Target="old.xml"/> -->' +
      '<Relationship Id="rId1" Type="x/worksheet" Target="sheets/a&amp;b>c.xml"/>' +
      '<Relationship Id="rId2" Type="x/hyperlink" Target="https://example.org/?a=1&amp;b=2" TargetMode="External"/>' +
      '</Relationships>';
    const pkg = openPackage(
      zipSync({
        '[Content_Types].xml': strToU8('<Types xmlns="urn:t"/>'),
        'xl/workbook.xml': strToU8('<workbook/>'),
        'xl/_rels/workbook.xml.rels': strToU8(rels),
      }),
    );
    expect(pkg.rels('xl/workbook.xml')).toEqual([
      { id: 'rId1', type: 'worksheet', target: 'xl/sheets/a&b>c.xml', external: false },
      { id: 'rId2', type: 'hyperlink', target: 'https://example.org/?a=1&b=2', external: true },
    ]);
    const broken = openPackage(
      zipSync({
        '[Content_Types].xml': strToU8('<Types xmlns="urn:t"/>'),
        '_rels/.rels': strToU8('<Relationships><Relationship Id="a"'),
      }),
    );
    expect(() => broken.rels('')).toThrow(PackageError);
  });

  test('a part streams in pieces that add up to the whole, within the limits', () => {
    let seed = 7;
    const letters = Array.from({ length: 2_000_000 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return String.fromCharCode(97 + (seed % 26));
    });
    const text = `<x>${letters.join('')}</x>`;
    const pkg = openPackage(
      zipSync({
        '[Content_Types].xml': strToU8('<Types xmlns="urn:t"/>'),
        'big.xml': [strToU8(text), { level: 6 }],
      }),
    );
    const pieces: number[] = [];
    pkg.stream('big.xml', (chunk) => pieces.push(chunk.length));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.reduce((a, b) => a + b, 0)).toBe(text.length);
    expect(pkg.text('big.xml')).toBe(text);
  });

  test('a zip that is not an Office document', () => {
    expect(() => openPackage(zipSync({ 'a.txt': strToU8('x') }))).toThrow(PackageError);
  });
});
