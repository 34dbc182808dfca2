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
  // A reader's notes are findings already, worded by the catalogue.
  for (const note of grid.notes ?? []) out.push(note);
  return out;
}
