// Cell notes (Excel's "notes", the file format's comments): the comments part holds the texts,
// and a VML drawing holds the yellow boxes Excel shows them in — without it Excel drops the notes.

import { NS, textElement, XML_DECLARATION } from './xml';

export interface Note {
  ref: string;
  /** 1-based row and column of the cell. */
  row: number;
  col: number;
  text: string;
}

/** xl/commentsN.xml */
export function commentsXml(notes: readonly Note[]): string {
  let list = '';
  for (const note of notes)
    list += `<comment ref="${note.ref}" authorId="0"><text><r>${textElement(note.text)}</r></text></comment>`;
  return (
    `${XML_DECLARATION}<comments xmlns="${NS.main}"><authors><author>PhuLuc</author></authors>` +
    `<commentList>${list}</commentList></comments>`
  );
}

/**
 * xl/drawings/vmlDrawingN.vml: one hidden box per note, anchored beside its cell as Excel
 * places a new note (the anchor is column, offset, row, offset of two corners, 0-based).
 * Shape ids come in blocks of 1,024 that no two drawings of the workbook share: this drawing
 * takes `notesBlocks(notes)` blocks from `firstBlock` on.
 */
export function notesVml(notes: readonly Note[], firstBlock: number): string {
  let shapes = '';
  notes.forEach((note, i) => {
    const col = note.col - 1;
    const row = note.row - 1;
    const anchor = `${col + 1}, 15, ${Math.max(row - 1, 0)}, 10, ${col + 3}, 15, ${row + 3}, 4`;
    shapes +=
      `<v:shape id="_x0000_s${firstBlock * 1024 + 1 + i}" type="#_x0000_t202" ` +
      'style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" ' +
      'fillcolor="#ffffe1" o:insetmode="auto">' +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>' +
      '<v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox>' +
      '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
      `<x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
      `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
  });
  const blocks = Array.from({ length: notesBlocks(notes) }, (_, i) => firstBlock + i);
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
    'xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes}</xml>`
  );
}

/** How many blocks of 1,024 shape ids the notes take. */
export function notesBlocks(notes: readonly Note[]): number {
  return Math.max(1, Math.ceil(notes.length / 1024));
}
