// Turning what the user gives (pasted text or HTML, a file's bytes) into a grid, or a clear
// error code. Readers of .docx, .xlsx and .pdf are loaded only when such a file is opened.

import { htmlToGrid } from '../../core/grid/fromHtml';
import { textToGrid } from '../../core/grid/fromText';
import type { Grid } from '../../core/grid/types';
import { PaneFailure } from './errors';

/** Larger than any real plan by far (the command line's limit too). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type FileKind = 'text' | 'html' | 'docx' | 'xlsx' | 'pdf';

/** The readers that live in chunks of their own. */
export interface FileReaders {
  docx(bytes: Uint8Array): Promise<Grid>;
  xlsx(bytes: Uint8Array): Promise<Grid>;
  pdf(bytes: Uint8Array): Promise<Grid>;
}

const isZip = (b: Uint8Array): boolean =>
  b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** OLE2 compound file: .doc, .xls (97–2003). */
const isOle = (b: Uint8Array): boolean =>
  b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const isPdf = (b: Uint8Array): boolean =>
  b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;

function extension(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/** What a file is, from its name and its first bytes; unreadable kinds throw with advice. */
export function classifyFile(name: string, bytes: Uint8Array): FileKind {
  const ext = extension(name);
  if (bytes.length === 0) throw new PaneFailure('file-empty');
  if (bytes.length > MAX_FILE_BYTES) throw new PaneFailure('file-too-large');
  if (ext === 'pdf' || isPdf(bytes)) return 'pdf';
  if (['odt', 'ods', 'odp'].includes(ext)) throw new PaneFailure('file-odf');
  if (isOle(bytes) || ext === 'doc' || ext === 'xls') {
    if (ext === 'xls' || ext === 'xlt') throw new PaneFailure('file-xls');
    if (ext === 'doc' || ext === 'dot' || ext === 'rtf') throw new PaneFailure('file-doc');
    throw new PaneFailure('file-binary');
  }
  if (isZip(bytes)) {
    if (['docx', 'docm', 'dotx', 'dotm'].includes(ext)) return 'docx';
    if (['xlsx', 'xlsm', 'xltx', 'xltm'].includes(ext)) return 'xlsx';
    throw new PaneFailure('file-unknown', `zip file named .${ext || '?'}`);
  }
  if (['docx', 'xlsx', 'docm', 'xlsm'].includes(ext)) {
    throw new PaneFailure('file-unreadable', `.${ext} without a zip signature`);
  }
  if (['htm', 'html', 'xhtml'].includes(ext)) return 'html';
  if (['txt', 'tsv', 'tab', 'text', 'md', 'markdown', 'csv', ''].includes(ext)) return 'text';
  // Unknown names are read as text when the bytes look like text.
  return 'text';
}

/** UTF-8 (with or without BOM) and UTF-16 text; anything else is an error with advice. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const head = bytes.subarray(0, 8192);
    let controls = 0;
    for (const b of head) if (b === 0 || (b < 9 && b !== 0) || (b > 13 && b < 32)) controls++;
    if (head.includes(0) || controls > head.length * 0.02) throw new PaneFailure('file-binary');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new PaneFailure('file-encoding');
    }
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new PaneFailure('file-empty');
  return text.replace(/^\uFEFF/, '');
}

/**
 * Pasted content → grid. Word and Excel put HTML on the clipboard beside the text; its table
 * keeps cells with several paragraphs whole, so it wins when it holds a table.
 */
export function gridFromPaste(text: string, html?: string | null): Grid {
  if (html) {
    const fromHtml = htmlToGrid(html);
    if (fromHtml.rows.some((row) => row.tabular)) return fromHtml;
  }
  if (text.trim() === '') throw new PaneFailure('paste-empty');
  return textToGrid(text);
}

/** A file's bytes → grid, loading the .docx, .xlsx or .pdf reader when needed. */
export async function gridFromFile(
  name: string,
  bytes: Uint8Array,
  readers: FileReaders,
): Promise<Grid> {
  const kind = classifyFile(name, bytes);
  switch (kind) {
    case 'docx':
      return readers.docx(bytes);
    case 'xlsx':
      return readers.xlsx(bytes);
    case 'pdf':
      return readers.pdf(bytes);
    case 'html':
      return htmlToGrid(decodeText(bytes));
    case 'text':
      return textToGrid(decodeText(bytes));
  }
}
