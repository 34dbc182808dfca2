// Notes (legacy comments, xl/comments1.xml or wherever the sheet's relationship points) and
// threaded comments (Excel 365: xl/threadedComments/…, authors in xl/persons/person.xml).
// Excel also writes a legacy note for each thread, prefixed with a notice: where a thread
// exists, its own text wins.

import { parseCellRef } from '../../excel/a1';
import type { XmlHandlers } from '../xml';
import type { Budget } from './budget';
import type { XlsxComment } from './model';
import { RunText } from './text';

/** A legacy comments part. */
export function legacyCommentsCollector(
  budget: Budget,
  part: string,
): { handlers: XmlHandlers; comments: XlsxComment[] } {
  const authors: string[] = [];
  const comments: XlsxComment[] = [];
  let inAuthor = false;
  let author = '';
  let current: { row: number; col: number; authorId: number } | null = null;
  let inText = false;
  const run = new RunText();
  return {
    comments,
    handlers: {
      open(name, attrs) {
        if (name === 'author') {
          inAuthor = true;
          author = '';
        } else if (name === 'comment') {
          budget.cell();
          const at = attrs.ref ? parseCellRef(attrs.ref.split(':')[0]!) : null;
          current = at ? { ...at, authorId: Number(attrs.authorId ?? -1) } : null;
        } else if (name === 'text' && current) {
          inText = true;
          run.reset();
        } else if (inText) run.open(name);
      },
      close(name) {
        if (name === 'author') {
          inAuthor = false;
          authors.push(budget.keep(author, part));
        } else if (name === 'text' && inText) {
          inText = false;
          if (current) {
            const who = authors[current.authorId];
            comments.push({
              row: current.row,
              col: current.col,
              text: budget.keep(run.value(), part),
              ...(who ? { author: who } : {}),
            });
          }
        } else if (name === 'comment') current = null;
        else if (inText) run.close(name);
      },
      text(chars) {
        if (inAuthor) author += chars;
        else if (inText) run.text(chars);
      },
    },
  };
}

/** xl/persons/person.xml: person id → display name. */
export function personsCollector(): { handlers: XmlHandlers; persons: Map<string, string> } {
  const persons = new Map<string, string>();
  return {
    persons,
    handlers: {
      open(name, attrs) {
        if (name === 'person' && attrs.id && attrs.displayName)
          persons.set(attrs.id, attrs.displayName);
      },
    },
  };
}

interface ThreadItem {
  row: number;
  col: number;
  personId?: string;
  parentId?: string;
  text: string;
}

/** A threaded comments part: one comment per thread, replies on the lines after its text. */
export function threadedCommentsCollector(
  budget: Budget,
  part: string,
): { handlers: XmlHandlers; comments(persons: Map<string, string>): XlsxComment[] } {
  const items: ThreadItem[] = [];
  let current: Omit<ThreadItem, 'text'> | null = null;
  let inText = false;
  let text = '';
  return {
    handlers: {
      open(name, attrs) {
        if (name === 'threadedComment') {
          budget.cell();
          const at = attrs.ref ? parseCellRef(attrs.ref.split(':')[0]!) : null;
          current = at
            ? {
                ...at,
                ...(attrs.personId ? { personId: attrs.personId } : {}),
                ...(attrs.parentId ? { parentId: attrs.parentId } : {}),
              }
            : null;
        } else if (name === 'text' && current) {
          inText = true;
          text = '';
        }
      },
      close(name) {
        if (name === 'text' && inText) {
          inText = false;
          if (current) items.push({ ...current, text: budget.keep(text, part) });
        } else if (name === 'threadedComment') current = null;
      },
      text(chars) {
        if (inText) text += chars;
      },
    },
    comments(persons) {
      const byCell = new Map<string, XlsxComment>();
      for (const item of items) {
        const key = `${item.row}:${item.col}`;
        const found = byCell.get(key);
        if (found) found.text += `\n${item.text}`;
        else {
          const author = item.personId ? persons.get(item.personId) : undefined;
          byCell.set(key, {
            row: item.row,
            col: item.col,
            text: item.text,
            ...(author ? { author } : {}),
          });
        }
      }
      return [...byCell.values()];
    },
  };
}
