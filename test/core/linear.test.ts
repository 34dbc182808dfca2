// Every reading rule is linear in its input (issue 9): one 200 KB cell, whatever its shape, is
// read in well under a second. Before, a 200 KB time cell of digits took 42 s (a document-number
// regex retried at every digit), and long runs of spaces or punctuation were quadratic too.
import { parsePlanText } from '../../src/core/plan/parse';
import { readTimeExpression } from '../../src/core/time';
import { splitUnits } from '../../src/core/units';
import { cleanCell } from '../../src/core/text/cell';
import { isHtmlDocument } from '../../src/core/grid/fromText';
import { HOSTILE_UNITS, hostileCell, hostileTable } from '../../scripts/bench/hostile';

const SIZE = 200_000;
const ctx = { planYear: 2024, issueDate: '2024-01-15', beforeInclusive: false };

/** CPU milliseconds of this process: a busy machine slows the wall clock, not the work. */
function ms(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('a 200 KB cell', () => {
  it.each(HOSTILE_UNITS.map((u) => [JSON.stringify(u), u]))(
    'of %s: time and units in under a second, a table of three such cells in 10 s (42 s before)',
    (_name, unit) => {
      const cell = hostileCell(unit, SIZE);
      expect(ms(() => readTimeExpression(cell, ctx))).toBeLessThan(1000);
      expect(ms(() => splitUnits(cleanCell(cell)))).toBeLessThan(1000);
      let tasks = 0;
      expect(ms(() => (tasks = parsePlanText(hostileTable(cell)).tasks.length))).toBeLessThan(
        10_000,
      );
      expect(tasks).toBe(2);
    },
  );
});

it('a time cell of 200,000 recurring phrases is read (their list, passed as arguments, overflowed the stack)', () => {
  const reading = readTimeExpression('Hằng năm '.repeat(200_000), ctx);
  expect(reading).toMatchObject({ understood: true, kind: 'recurring', recurrence: 'yearly' });
  expect(reading).toMatchObject({ start: '2024-01-01', due: '2024-12-31' });
});

it('a text of empty HTML comments, then a word, is no HTML page, told at once (each comment more doubled the time: 30 took 6 s)', () => {
  const text = `${'<!---->'.repeat(26)} Kế hoạch`;
  let page = true;
  expect(ms(() => (page = isHtmlDocument(text)))).toBeLessThan(500);
  expect(page).toBe(false);
  expect(isHtmlDocument(`${'<!-- Word -->\n'.repeat(30)}<!DOCTYPE html><html>`)).toBe(true);
});
