// Formula text: A1 → R1C1 for the Office.js writer, formulas carried with a task from one row
// to another.
import { moveFormula, toR1C1 } from '../../src/excel/formula';

describe('toR1C1', () => {
  // Every case is written at C5: 0-based row 4, column 2.
  test.each([
    // cells: relative, absolute, mixed
    ['C5', 'RC'],
    ['B4+D6', 'R[-1]C[-1]+R[1]C[1]'],
    ['$A$1', 'R1C1'],
    ['$A5', 'RC1'],
    ['A$1', 'R1C[-2]'],
    ['c5*2', 'RC*2'],
    ['SUM(A1:B2)', 'SUM(R[-4]C[-2]:R[-3]C[-1])'],
    // whole rows
    ['3:3', 'R[-2]:R[-2]'],
    ['5:5', 'R:R'],
    ['$3:$5', 'R3:R5'],
    ['$3:7', 'R3:R[2]'],
    ['SUM(1:2)', 'SUM(R[-4]:R[-3])'],
    // whole columns
    ['A:A', 'C[-2]:C[-2]'],
    ['C:C', 'C:C'],
    ['$B:$C', 'C2:C3'],
    ['$O:Q', 'C15:C[14]'],
    // sheet-qualified, quoted names with spaces, diacritics and apostrophes
    ["'Nhiệm vụ'!$A:$A", "'Nhiệm vụ'!C1:C1"],
    ["'Bà''s sheet'!B5", "'Bà''s sheet'!RC[-1]"],
    ["'Cài đặt'!$3:$3", "'Cài đặt'!R3:R3"],
    ['Sheet2!A1', 'Sheet2!R[-4]C[-2]'],
    // text stays text
    ['"A1"&A1', '"A1"&R[-4]C[-2]'],
    ['"3:3 và $B:$C"&C5', '"3:3 và $B:$C"&RC'],
    ['"say ""A1"""&A1', '"say ""A1"""&R[-4]C[-2]'],
    // function names that look like references
    ['LOG10(A1)', 'LOG10(R[-4]C[-2])'],
    ['ATAN2(B5,1)', 'ATAN2(RC[-1],1)'],
    // structured references and names
    ['BangNhiemVu[Mã]&A1', 'BangNhiemVu[Mã]&R[-4]C[-2]'],
    ['NgayBaoCao-C5', 'NgayBaoCao-RC'],
    // the sheet's edge: last row and column are references, one past them are names
    ['$XFD$1048576', 'R1048576C16384'],
    ['$1:$1048576', 'R1:R1048576'],
    ['$A:$XFD', 'C1:C16384'],
    ['XFE1', 'XFE1'],
    ['A1048577', 'A1048577'],
    ['$A:$XFE', '$A:$XFE'],
    ['$1:$1048577', '$1:$1048577'],
  ])('%s at C5 → %s', (formula, expected) => {
    expect(toR1C1(formula, 4, 2)).toBe(expected);
  });

  test('relative parts count from the cell written to', () => {
    expect(toR1C1('A1+$A1+A$1', 0, 0)).toBe('RC+RC1+R1C');
    expect(toR1C1('3:3', 9, 0)).toBe('R[-7]:R[-7]');
    expect(toR1C1('B:B', 0, 9)).toBe('C[-8]:C[-8]');
  });
});

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
