// .docx → grid: mammoth turns the Word document into HTML (pure JavaScript, in the browser and in
// Node), and the core's HTML reader turns that into rows. Images are dropped: a plan's tables
// and text are all that matter here.

import mammoth from 'mammoth';
import { htmlToGrid } from '../core/grid/fromHtml';
import type { Grid } from '../core/grid/types';

/** A .docx that cannot be read, with what to tell the person. */
export class DocxReadError extends Error {
  constructor(
    readonly code: 'not-docx' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'DocxReadError';
  }
}

/** Word documents (.docx, .docm, .dotx) are zip files: "PK\x03\x04". */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

type MammothInput = Parameters<typeof mammoth.convertToHtml>[0];

/** The HTML mammoth makes of a .docx. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  if (!looksLikeZip(bytes)) {
    throw new DocxReadError('not-docx', 'not a .docx file (no zip signature)');
  }
  // A copy that owns its whole buffer: mammoth's browser build reads `arrayBuffer`, its Node
  // build `buffer`; give both.
  const copy = bytes.slice();
  const input = { arrayBuffer: copy.buffer, buffer: copy } as unknown as MammothInput;
  try {
    const result = await mammoth.convertToHtml(input, {
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      ignoreEmptyParagraphs: true,
    });
    return result.value;
  } catch (error) {
    throw new DocxReadError(
      'unreadable',
      `cannot read the .docx: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** .docx bytes → grid (paragraphs as prose rows, table rows as tabular rows). */
export async function readDocxGrid(bytes: Uint8Array): Promise<Grid> {
  return htmlToGrid(await docxToHtml(bytes));
}
