// Findings about the source itself: which reader gave the table its structure and whether its
// merged cells were known or guessed, and what a reader noticed (pages it skipped, a text layer
// it could not read). They concern the whole plan (task null), so they come first.

import type { Grid, GridStructure } from '../grid/types';
import type { Finding } from '../plan/types';
import { finding } from './messages';

const STRUCTURE: Record<GridStructure, [string, string]> = {
  'docx-table': [
    'Cấu trúc bảng lấy từ bảng Word (.docx): các ô gộp (gộp cột, gộp dòng) đã biết chắc chắn.',
    'Table structure read from the Word table (.docx): merged cells (across columns and rows) are known for certain.',
  ],
  'html-table': [
    'Cấu trúc bảng lấy từ bảng HTML (dán từ Word, trình duyệt hoặc Excel): các ô gộp đã biết chắc chắn.',
    'Table structure read from an HTML table (pasted from Word, a browser or Excel): merged cells are known for certain.',
  ],
  'pdf-ruled': [
    'Cấu trúc bảng đọc từ PDF theo đường kẻ bảng và vị trí chữ: các ô gộp được suy ra từ đường kẻ, không biết chắc chắn như từ Word. Hãy đối chiếu các ô trống với bản gốc.',
    'Table structure read from the PDF by its ruling lines and text positions: merged cells were inferred from the lines, not known for certain as from Word. Check blank cells against the original.',
  ],
  'pdf-text': [
    'Bảng trong PDF không có đường kẻ: cột và dòng được đoán theo vị trí chữ, ô gộp không biết được. Hãy đối chiếu với bản gốc, hoặc dùng bản Word (.docx) nếu có.',
    'The PDF table has no ruling lines: columns and rows were guessed from text positions and merged cells cannot be known. Check against the original, or use the Word (.docx) version if there is one.',
  ],
  text: [
    'Bảng lấy từ văn bản phân cách bằng tab: ô gộp đã mất khi chuyển đổi, một ô trống có thể là ô gộp với ô trên.',
    'Table read from tab-separated text: merged cells were lost in conversion, and a blank cell may be one merged with the cell above.',
  ],
};

/** The source's own findings: its structure (when a reader says it) and the reader's notes. */
export function sourceFindings(grid: Grid): Finding[] {
  const out: Finding[] = [];
  if (grid.structure) {
    out.push(finding('source-structure', 'info', null, [], STRUCTURE[grid.structure]));
  }
  for (const note of grid.notes ?? []) {
    out.push(finding(note.code, note.severity, null, [], [note.vi, note.en]));
  }
  return out;
}
