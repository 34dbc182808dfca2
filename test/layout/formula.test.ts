// Formulas carried with a task from one row to another.
import { moveFormula, toR1C1 } from '../../src/layout/formula';

describe('moveFormula', () => {
  const move = (
    formula: string,
    from: [number, number],
    to: [number, number],
    extra: Partial<Parameters<typeof moveFormula>[1]> = {},
  ): string =>
    moveFormula(formula, {
      from: { row: from[0], col: from[1] },
      to: { row: to[0], col: to[1] },
      ...extra,
    });

  test.each([
    // formula, typed at (row, col), written at, expected
    ['L5*2', [4, 18], [6, 18], 'L7*2'],
    ['$L5*2', [4, 18], [6, 19], '$L7*2'],
    ['L$5*2', [4, 18], [6, 18], 'L$5*2'],
    ['SUM(A5:C5)', [4, 18], [2, 18], 'SUM(A3:C3)'],
    ['"L5"&L5', [4, 18], [5, 18], '"L5"&L6'],
    ["'Cài đặt'!$B$3+B4", [4, 18], [9, 18], "'Cài đặt'!$B$3+B9"],
    ['COUNTIF($L:$L,L5)', [4, 18], [5, 18], 'COUNTIF($L:$L,L6)'],
    ['A1', [4, 18], [2, 18], '#REF!'],
    ['TODAY()-N5', [4, 18], [10, 20], 'TODAY()-P11'],
  ])('%s typed at %j, written at %j → %s', (formula, from, to, expected) => {
    expect(move(formula, from as [number, number], to as [number, number])).toBe(expected);
  });

  test('references to the own sheet follow their task and their column', () => {
    // The task of old row 9 (0-based 8) is now on row 4; column L (11) is now M (12).
    const out = move('L9&" / "&L5', [4, 18], [2, 19], {
      row: (r) => (r === 8 ? 3 : undefined),
      col: (c) => (c === 11 ? 12 : undefined),
    });
    expect(out).toBe('M4&" / "&M3');
  });

  test('the own sheet named in a reference counts as the own sheet', () => {
    const out = move("'Nhiệm vụ'!L9+Khác!L9", [4, 18], [4, 18], {
      row: (r) => (r === 8 ? 3 : undefined),
      sameSheet: (s) => s === 'Nhiệm vụ',
    });
    expect(out).toBe("'Nhiệm vụ'!L4+Khác!L9");
  });

  test('R1C1 of a moved formula is the same as of the original (relative refs kept)', () => {
    expect(toR1C1(move('L5*2', [4, 18], [6, 18]), 6, 18)).toBe(toR1C1('L5*2', 4, 18));
  });
});
