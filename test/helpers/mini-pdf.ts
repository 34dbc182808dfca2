// A small PDF writer for tests: pages with text in a standard font (WinAnsi bytes, so Latin-1
// only — which is also how text typed in old TCVN3 fonts reaches a PDF), straight lines, a
// JPEG picture, and a /Rotate. Enough to make the PDFs published plans are, on purpose.

export interface MiniText {
  x: number;
  y: number;
  text: string;
  size?: number;
  /** Draw the text turned by this many degrees (counter-clockwise). */
  angle?: number;
}

export interface MiniLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface MiniPage {
  width: number;
  height: number;
  rotate?: 0 | 90 | 180 | 270;
  texts?: MiniText[];
  lines?: MiniLine[];
  /** A JPEG drawn over the whole page (a scanned page). */
  jpeg?: { bytes: Uint8Array; width: number; height: number };
}

const latin1 = (text: string): string => {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`mini-pdf writes Latin-1 text only: "${ch}"`);
    out += ch === '(' || ch === ')' || ch === '\\' ? `\\${ch}` : ch;
  }
  return out;
};

const num = (n: number): string => (Math.round(n * 100) / 100).toString();

/** Builds a PDF file (PDF 1.4, one font, uncompressed streams). */
export function miniPdf(pages: MiniPage[]): Uint8Array {
  const objects: (string | Uint8Array)[][] = [];
  const add = (...parts: (string | Uint8Array)[]): number => {
    objects.push(parts);
    return objects.length;
  };
  const catalog = add(''); // filled below
  const pagesId = add('');
  const font = add(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  );
  const kids: number[] = [];
  for (const page of pages) {
    const ops: string[] = [];
    let image: number | null = null;
    if (page.jpeg) {
      const { bytes, width, height } = page.jpeg;
      image = add(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${bytes.length} >>\nstream\n`,
        bytes,
        '\nendstream',
      );
      ops.push(`q ${num(page.width)} 0 0 ${num(page.height)} 0 0 cm /Im1 Do Q`);
    }
    if (page.lines?.length) {
      ops.push('0.5 w 0 0 0 RG');
      for (const l of page.lines)
        ops.push(`${num(l.x1)} ${num(l.y1)} m ${num(l.x2)} ${num(l.y2)} l S`);
    }
    for (const t of page.texts ?? []) {
      const size = t.size ?? 10;
      const a = ((t.angle ?? 0) * Math.PI) / 180;
      const [c, s] = [Math.cos(a), Math.sin(a)];
      ops.push(
        `BT /F1 1 Tf ${num(c * size)} ${num(s * size)} ${num(-s * size)} ${num(c * size)} ${num(t.x)} ${num(t.y)} Tm (${latin1(t.text)}) Tj ET`,
      );
    }
    const content = ops.join('\n');
    const contentId = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const resources = `<< /Font << /F1 ${font} 0 R >>${image ? ` /XObject << /Im1 ${image} 0 R >>` : ''} >>`;
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}]` +
          `${page.rotate ? ` /Rotate ${page.rotate}` : ''} /Resources ${resources} /Contents ${contentId} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = [`<< /Type /Catalog /Pages ${pagesId} 0 R >>`];
  objects[pagesId - 1] = [
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
  ];

  const chunks: Uint8Array[] = [];
  let length = 0;
  const write = (part: string | Uint8Array): void => {
    const bytes = typeof part === 'string' ? Uint8Array.from(part, (ch) => ch.charCodeAt(0)) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  write('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  objects.forEach((parts, i) => {
    offsets.push(length);
    write(`${i + 1} 0 obj\n`);
    for (const part of parts) write(part);
    write('\nendobj\n');
  });
  const xref = length;
  write(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const o of offsets) write(`${String(o).padStart(10, '0')} 00000 n \n`);
  write(
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
  );
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A ruled table on a page: rows of cell texts drawn in a lattice, `top` the PDF y of its top
 * edge. Returns the texts and lines to put on a MiniPage.
 */
export function ruledTable(
  rows: string[][],
  widths: number[],
  left: number,
  top: number,
  rowHeight = 18,
): { texts: MiniText[]; lines: MiniLine[] } {
  const texts: MiniText[] = [];
  const lines: MiniLine[] = [];
  const right = left + widths.reduce((a, b) => a + b, 0);
  rows.forEach((row, r) => {
    let x = left;
    row.forEach((cell, c) => {
      if (cell) texts.push({ x: x + 3, y: top - r * rowHeight - 13, text: cell });
      x += widths[c]!;
    });
  });
  for (let r = 0; r <= rows.length; r++) {
    lines.push({ x1: left, y1: top - r * rowHeight, x2: right, y2: top - r * rowHeight });
  }
  let x = left;
  for (let c = 0; c <= widths.length; c++) {
    lines.push({ x1: x, y1: top, x2: x, y2: top - rows.length * rowHeight });
    x += widths[c] ?? 0;
  }
  return { texts, lines };
}

/** A tiny photograph of a printed page (a JPEG made with pdftoppm at 4 dpi). */
const PAGE_PHOTO_BASE64 =
  '/9j/4AAQSkZJRgABAQEABAAEAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIx' +
  'wcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIy' +
  'MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAiAC8DASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAw' +
  'QFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkK' +
  'FhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmq' +
  'KjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEB' +
  'AQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRob' +
  'HBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOE' +
  'hYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+P' +
  'n6/9oADAMBAAIRAxEAPwD3K6uJI7hUVgq7QScE9/oaBfqM7iD9Ecf0qO/WRrhdilvk6AZz196iU3i8BZBjoNv/ANeg' +
  'C39vj/yrf/E04XgYkKpJHoG/+Jqoov2GQHx6Hj+tPVL0t8+/p2YAfzoAs/aT/wA82/74f/4mpY38xc4I5xyCP5gVXx' +
  'c4+52/vn/GrEW/yxvGG+tAGdqYH2hMlB8nUkD19RUUVskyZEibc8FivHt0q9dWrzzBgMqFxjzCv8hTV06MphmkU+0h' +
  'NAFb7AmciaIe3HP6VItsFGGkt278qv8AhVlLNIySskoz1+enmDP/AC1l/wC+qAKhhUYy1qPwX/CrluoWPgRj/rn0NO' +
  '8pfV/++zTlUKMDP4nNAC0UUUAFFFFABRRRQB//2Q==';

/** Width and height from a JPEG's start-of-frame marker. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  for (let i = 2; i + 8 < bytes.length;) {
    const marker = bytes[i + 1]!;
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xc2) {
      return {
        height: (bytes[i + 5]! << 8) | bytes[i + 6]!,
        width: (bytes[i + 7]! << 8) | bytes[i + 8]!,
      };
    }
    i += 2 + length;
  }
  throw new Error('no JPEG frame');
}

/** A scanned document: every page a photograph, no text layer. */
export function scannedPdf(pages = 2): Uint8Array {
  const bytes = Uint8Array.from(Buffer.from(PAGE_PHOTO_BASE64, 'base64'));
  const jpeg = { bytes, ...jpegSize(bytes) };
  return miniPdf(Array.from({ length: pages }, () => ({ width: 595, height: 842, jpeg })));
}
