// docs/architecture.md, "Where things live": a newcomer finds a header spelling, a time rule, a
// unit rule, a colour and a task-list column by searching their Vietnamese words. Each word
// the table names is in the file it names, as written (a search ignoring case finds it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8').normalize('NFC');

function whereThingsLive(): { kind: string; words: string[]; files: string[] }[] {
  const doc = read('docs/architecture.md');
  const start = doc.indexOf('## Where things live');
  const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
  return section
    .split('\n')
    .filter((line) => /^\| [^-|]/.test(line) && !line.startsWith('| kind'))
    .map((line) => {
      const [kind, words, files] = line
        .split('|')
        .slice(1, 4)
        .map((c) => c.trim());
      return {
        kind: kind!,
        words: words!.split(',').map((w) => w.trim()),
        files: [...files!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
      };
    });
}

describe('Where things live', () => {
  const rows = whereThingsLive();

  it('covers the five kinds a newcomer looks for', () => {
    const kinds = new Set(rows.map((r) => r.kind));
    for (const kind of ['header spelling', 'time rule', 'unit rule', 'colour', 'task-list column'])
      expect(kinds).toContain(kind);
  });

  it.each(rows.map((r) => [r.kind, r.words.join(', '), r] as const))(
    '%s: "%s" is found in its file',
    (_kind, _words, row) => {
      for (const word of row.words) {
        const found = row.files.filter((file) =>
          read(file).toLocaleLowerCase('vi').includes(word.toLocaleLowerCase('vi')),
        );
        expect([word, found.length > 0 ? 'found' : row.files]).toEqual([word, 'found']);
      }
    },
  );
});
