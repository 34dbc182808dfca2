// Findings about the source itself: which reader gave the table its structure and whether its
// merged cells were known or guessed, and what a reader noticed (pages it skipped, a text layer
// it could not read). They concern the whole plan (task null), so they come first.

import type { Grid } from '../grid/types';
import type { Finding } from '../plan/types';
import { finding } from './messages';

/** The source's own findings: its structure (when a reader says it) and the reader's notes. */
export function sourceFindings(grid: Grid): Finding[] {
  const out: Finding[] = [];
  if (grid.structure) {
    out.push(finding('source-structure', 'info', null, [], { structure: grid.structure }));
  }
  // A reader's note comes with its own sentences (the readers have no parameters for them yet).
  for (const note of grid.notes ?? []) {
    out.push({
      code: note.code,
      severity: note.severity,
      task: null,
      message: note.vi,
      messageEn: note.en,
      rows: [],
    });
  }
  return out;
}
