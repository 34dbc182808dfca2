import { promises as fs } from 'fs';
import { extname } from 'path';
import { CliError } from './errors';

/** Larger than any real plan by far; past this a file is a mistake, not an appendix. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** An input file: text, or bytes of an Excel workbook (.xlsx), a Word document or a PDF. */
export type Source =
  | { kind: 'text'; text: string }
  | { kind: 'xlsx'; bytes: Uint8Array }
  | { kind: 'docx'; bytes: Uint8Array }
  | { kind: 'pdf'; bytes: Uint8Array };

const isZip = (b: Buffer): boolean =>
  b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** Word/Excel 97–2003 (.doc, .xls) and password-protected Office files. */
const isOle = (b: Buffer): boolean =>
  b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));

/** An Excel workbook: a zip holding xl/workbook.xml (the name shows in the zip's directory). */
function isXlsx(bytes: Buffer): boolean {
  return bytes.includes('xl/workbook.xml', 0, 'latin1');
}

/** A Word document: a zip holding word/document.xml. */
function isDocx(bytes: Buffer): boolean {
  return bytes.includes('word/document.xml', 0, 'latin1');
}

/** "%PDF-" near the start (some writers put bytes before it). */
const isPdf = (b: Buffer): boolean => b.subarray(0, 1024).includes('%PDF-', 0, 'latin1');

function classify(bytes: Buffer, path: string): Source {
  if (isZip(bytes)) {
    if (isXlsx(bytes)) return { kind: 'xlsx', bytes: new Uint8Array(bytes) };
    if (isDocx(bytes)) return { kind: 'docx', bytes: new Uint8Array(bytes) };
    const ext = extname(path).toLowerCase() || '.zip';
    throw new CliError('zip-not-office', { ext });
  }
  if (isPdf(bytes)) return { kind: 'pdf', bytes: new Uint8Array(bytes) };
  if (isOle(bytes)) {
    throw new CliError('old-office-file', {});
  }
  return { kind: 'text', text: decode(bytes) };
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = bytes.subarray(0, 8192);
  const controls = head.filter((b) => b === 0 || (b < 9 && b !== 0) || (b > 13 && b < 32)).length;
  if (head.includes(0) || controls > head.length * 0.02) {
    throw new CliError('binary-file', {});
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError('not-utf8', {});
  }
}

/** Reads a source file (text, .xlsx, .docx or .pdf), or fails with one clear message. */
export async function readSource(path: string): Promise<Source> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    throw new CliError('file-not-found', { path });
  }
  if (stat.isDirectory()) {
    throw new CliError('input-is-folder', { path });
  }
  if (stat.size > MAX_INPUT_BYTES) {
    throw new CliError('file-too-large', {
      megabytes: (stat.size / 1024 / 1024).toFixed(1),
      limit: MAX_INPUT_BYTES / 1024 / 1024,
    });
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch {
    throw new CliError('file-unreadable', { path });
  }
  if (bytes.length === 0) throw new CliError('file-empty', { path });
  const source = classify(bytes, path);
  if (source.kind === 'text' && source.text.trim() === '')
    throw new CliError('file-empty', { path });
  return source;
}

/** Reads a text source file, or fails with one clear message (other kinds are refused). */
export async function readSourceText(path: string): Promise<string> {
  const source = await readSource(path);
  if (source.kind !== 'text') throw new CliError('not-text', { path, kind: source.kind });
  return source.text;
}
