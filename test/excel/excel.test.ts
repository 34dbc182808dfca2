// Excel's own rules, kept in one place (src/excel): date serials, number formats, A1
// references and moving a formula to another cell.
import {
  absoluteRange,
  address,
  boxRef,
  cellRef,
  columnLetter,
  columnName,
  columnNumber,
  contains,
  isAreaRef,
  overlaps,
  parseBoxRef,
  parseCellRef,
  quoteSheet,
  splitSheetRef,
  wholeColumn,
} from '../../src/excel/a1';
import { isoFromText, isoTextToSerial, isoToSerial, serialToIso } from '../../src/excel/dates';
import { readableFormula, translateFormula } from '../../src/excel/formula';
import { BUILTIN_NUMFMTS, isDateFormat, isTimeFormat, numFmtCode } from '../../src/excel/numfmt';

describe('date serials', () => {
  it.each([
    ['1900-01-01', 1],
    ['1900-02-28', 59],
    ['1900-03-01', 61],
    ['1999-12-31', 36525],
    ['2024-03-15', 45366],
    ['9999-12-31', 2958465],
  ])('%s is serial %d, both ways', (iso, serial) => {
    expect(isoToSerial(iso)).toBe(serial);
    expect(serialToIso(serial)).toBe(iso);
    expect(serialToIso(serial + 0.99)).toBe(iso);
  });

  it('reads a date written otherwise than YYYY-MM-DD as its parts between hyphens', () => {
    // The usual form is read digit by digit; any other goes the long way, to the same day.
    expect(isoToSerial('2024-3-15')).toBe(45366);
    expect(isoToSerial('02024-03-15')).toBe(45366);
    expect(isoToSerial('2024-03-1x')).toBeNaN();
  });

  it('counts the 1904 system 1,462 days lower', () => {
    expect(isoToSerial('1904-01-01', true)).toBe(0);
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(isoToSerial('2024-03-15', true)).toBe(45366 - 1462);
    expect(serialToIso(45366 - 1462, true)).toBe('2024-03-15');
  });

  it('has no day for serials outside 1900–9999, nor for NaN', () => {
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(-1)).toBeNull();
    expect(serialToIso(2958466)).toBeNull();
    expect(serialToIso(NaN)).toBeNull();
    expect(serialToIso(60)).toBe('1900-03-01'); // the 29 February 1900 that never was
  });

  it('reads ISO text as SpreadsheetML stores it in t="d" cells', () => {
    expect(isoTextToSerial('2024-03-15')).toBe(45366);
    expect(isoTextToSerial('2024-03-15T18:00:00Z')).toBe(45366.75);
    expect(isoTextToSerial('2024-03-15T06:00:00.000+07:00')).toBe(45366.25);
    expect(isoTextToSerial('12:00')).toBe(0.5);
    expect(isoTextToSerial('2024-03-15', true)).toBe(45366 - 1462);
    expect(isoTextToSerial('2024-02-30')).toBeNull();
    expect(isoTextToSerial('15/03/2024')).toBeNull();
    expect(isoTextToSerial('')).toBeNull();
  });

  it.each([
    // serial, 1904 system, the day it falls in
    [45366.5, false, '2024-03-15'],
    [45366.999, false, '2024-03-15'],
    [59.99, false, '1900-02-28'],
    [60, false, '1900-03-01'], // the phantom 29/02/1900
    [61, false, '1900-03-01'],
    [0.5, true, '1904-01-01'],
    [1.25, true, '1904-01-02'],
  ])('serial %d (1904: %s) falls on %s', (serial, date1904, iso) => {
    expect(serialToIso(serial, date1904)).toBe(iso);
  });

  it.each([
    ['2024-03-15T12:00', 45366.5],
    ['1900-03-01T06:00', 61.25],
    ['06:00:00', 0.25],
    ['1900-02-29', null], // Excel's phantom day is no ISO date
    ['2023-02-29', null],
    ['2024-03-15T25:00', null],
  ])('%s as stored in a t="d" cell is serial %j', (text, serial) => {
    expect(isoTextToSerial(text)).toBe(serial);
  });

  it.each([
    ['15/03/2024', '2024-03-15'],
    [' 5.3.2024 ', '2024-03-05'],
    ['5-3-2024', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['31/04/2024', null],
    ['15/13/2024', null],
    ['03/15/2024', null],
    ['15/03/24', null],
  ])('%j typed as text is %j', (text, iso) => expect(isoFromText(text)).toBe(iso));
});

describe('number formats', () => {
  it.each([
    'dd/mm/yyyy',
    'mm-dd-yy',
    'd-mmm',
    'mmm-yy',
    'm/d/yy h:mm',
    '[$-42A]d mmmm yyyy',
    '[$-F800]dddd\\, mmmm dd\\, yyyy',
    'yyyy"年"m"月"d"日"',
    '[$-411]ge.m.d',
    'DD/MM/YYYY',
    'dd/mm/yyyy;@',
    'd/m/yyyy',
    '[$-vi-VN]dd/mm/yyyy',
    '"Ngày" dd/mm/yyyy',
    'dd/mm/yyyy hh:mm',
    '[Red]dd/mm/yyyy',
  ])('%s shows a date', (format) => expect(isDateFormat(format)).toBe(true));

  it.each([
    '0%',
    '0.00',
    '"ngày" 0',
    'General',
    '@',
    'h:mm',
    'hh:mm:ss',
    'mm:ss',
    '[h]:mm:ss',
    '[mm]:ss',
    'h:mm AM/PM',
    'mmss.0',
    '0.00E+00',
    '#,##0 "đ"',
    '#,##0\\ "VND"',
    '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
    '[Red][<=100]0;[Blue]0',
    '"dd/mm/yyyy"',
    '"Ngày"',
    '\\d0',
    '[$₫-42A] #,##0',
    '#,##0 [$₫-42A]',
    '[$-vi-VN]0.00',
    '[$-vi-VN]h:mm',
    '[h]:mm:ss;@',
    '0.0%',
    '',
  ])('%s does not', (format) => expect(isDateFormat(format)).toBe(false));

  it('knows times, and the built-in ids that are dates', () => {
    expect(isDateFormat(undefined)).toBe(false);
    expect(isTimeFormat('h:mm')).toBe(true);
    expect(isTimeFormat('[h]:mm:ss')).toBe(true);
    expect(isTimeFormat('dd/mm/yyyy')).toBe(false);
    const dates = Object.entries(BUILTIN_NUMFMTS)
      .filter(([, code]) => isDateFormat(code))
      .map(([id]) => Number(id));
    expect(dates).toEqual([
      14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
    ]);
    const times = Object.entries(BUILTIN_NUMFMTS)
      .filter(([, code]) => isTimeFormat(code))
      .map(([id]) => Number(id));
    expect(times).toEqual([18, 19, 20, 21, 22, 32, 33, 34, 35, 45, 46, 47]);
    expect(numFmtCode(164, new Map([[164, 'dd/mm/yyyy']]))).toBe('dd/mm/yyyy');
    expect(numFmtCode(9)).toBe('0%');
    expect(numFmtCode(200)).toBeUndefined();
  });
});

describe('A1 references', () => {
  it('parses and prints cells and boxes', () => {
    expect(parseCellRef('A1')).toEqual({ row: 1, col: 1 });
    expect(parseCellRef('$xfd$1048576')).toEqual({ row: 1_048_576, col: 16_384 });
    expect(parseCellRef('XFE1')).toBeNull();
    expect(parseCellRef('A0')).toBeNull();
    expect(parseCellRef('A1048577')).toBeNull();
    expect(parseCellRef('1A')).toBeNull();
    expect(parseCellRef('A1B')).toBeNull();
    expect(parseBoxRef('C3:A1')).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect(parseBoxRef('B2')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseBoxRef('A1:B2:C3')).toBeNull();
    expect([columnNumber('AB'), columnName(28), cellRef(3, 2)]).toEqual([28, 'AB', 'B3']);
  });
  it.each([
    // column letters ↔ numbers, at the edges of each letter count
    ['A', 1],
    ['Z', 26],
    ['AA', 27],
    ['AZ', 52],
    ['BA', 53],
    ['ZZ', 702],
    ['AAA', 703],
    ['XFD', 16_384],
  ])('column %s is number %d, both ways', (letters, number) => {
    expect(columnNumber(letters)).toBe(number);
    expect(columnNumber(letters.toLowerCase())).toBe(number);
    expect(columnName(number)).toBe(letters);
    expect(columnLetter(number - 1)).toBe(letters);
  });

  it.each([
    ['B3', { row: 3, col: 2 }],
    ['$B$3', { row: 3, col: 2 }],
    ['$B3', { row: 3, col: 2 }],
    ['B$3', { row: 3, col: 2 }],
    ['b3', { row: 3, col: 2 }],
    ['XFD1048576', { row: 1_048_576, col: 16_384 }],
    ['B', null],
    ['3', null],
    ['$$B3', null],
    ['B3:C4', null],
    ['Sheet1!B3', null],
    ['AAAA1', null],
    ['', null],
  ])('cell %j is %j', (ref, cell) => expect(parseCellRef(ref)).toEqual(cell));

  it.each([
    ['A1:C3', 'A1:C3'],
    ['C3:A1', 'A1:C3'],
    ['$A$1:$C$3', 'A1:C3'],
    ['A3:C1', 'A1:C3'],
    ['B2:B2', 'B2'],
    [' B2 ', 'B2'],
  ])('box %j is printed as %s', (ref, printed) => expect(boxRef(parseBoxRef(ref)!)).toBe(printed));

  it('prints addresses the layout counts from column 0', () => {
    expect(address(0, 1)).toBe('A1');
    expect(address(27, 4)).toBe('AB4');
    expect(cellRef(4, 28)).toBe('AB4');
  });

  it.each([
    ['A1:B2', 'B2:C3', true],
    ['A1:B2', 'C1:D2', false],
    ['A1:B2', 'A3:B4', false],
    ['A1:D4', 'B2', true],
    ['B2', 'B2', true],
  ])('%s and %s overlap: %s', (first, second, expected) => {
    expect(overlaps(parseBoxRef(first)!, parseBoxRef(second)!)).toBe(expected);
    expect(overlaps(parseBoxRef(second)!, parseBoxRef(first)!)).toBe(expected);
  });

  it('knows the cells a box contains, edges included', () => {
    const box = parseBoxRef('B2:D4')!;
    expect([contains(box, 2, 2), contains(box, 4, 4), contains(box, 3, 3)]).toEqual([
      true,
      true,
      true,
    ]);
    expect([contains(box, 1, 2), contains(box, 2, 5), contains(box, 5, 3)]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it.each([
    ['A1:C3', true],
    ['$A:$C', true],
    ['b:b', true],
    ['$3:$4', true],
    ['1:1048576', true],
    ['A:XFE', false],
    ['0:3', false],
    ['3:1048577', false],
    ['A1:B', false],
    ['Nhiệm vụ', false],
  ])('%s is an area: %s', (text, expected) => expect(isAreaRef(text)).toBe(expected));

  it('quotes and splits sheet names, apostrophes doubled', () => {
    expect(quoteSheet("Bà's")).toBe("'Bà''s'");
    expect(quoteSheet('Nhiệm vụ')).toBe("'Nhiệm vụ'");
    expect(splitSheetRef("'Bà''s'!$B$3")).toEqual({ sheet: "Bà's", range: '$B$3' });
    expect(splitSheetRef("'Cài đặt'!$B$3:$B$7")).toEqual({ sheet: 'Cài đặt', range: '$B$3:$B$7' });
    expect(splitSheetRef('Sheet1!A:A')).toEqual({ sheet: 'Sheet1', range: 'A:A' });
    expect(splitSheetRef('$B$3')).toBeNull();
    expect(splitSheetRef("'Không đóng!A1")).toBeNull();
  });

  it('writes absolute references the formulas use', () => {
    expect(wholeColumn('Nhiệm vụ', 0)).toBe("'Nhiệm vụ'!$A:$A");
    expect(wholeColumn("Bà's", 27)).toBe("'Bà''s'!$AB:$AB");
    expect(absoluteRange('Cài đặt', 1, 3, 7)).toBe("'Cài đặt'!$B$3:$B$7");
  });
});

describe('formulas moved to another cell', () => {
  it.each([
    ['A1+B$2+$C3+$D$4', 1, 1, 'B2+C$2+$C4+$D$4'],
    ['SUM(A1:B2)', 2, 0, 'SUM(A3:B4)'],
    ['SUM(A:A,$B:B)+SUM(1:1,$2:3)', 1, 1, 'SUM(B:B,$B:C)+SUM(2:2,$2:4)'],
    ['\'Nhiệm vụ\'!A1&"A1"&Sheet2!B2', 1, 0, '\'Nhiệm vụ\'!A2&"A1"&Sheet2!B3'],
    ['LOG10(A1)+ATAN2(B1,C1)', 0, 1, 'LOG10(B1)+ATAN2(C1,D1)'],
    ['BangNhiemVu[[#This Row],[Mã]]&A1', 1, 0, 'BangNhiemVu[[#This Row],[Mã]]&A2'],
    ['A1-1', -1, 0, '#REF!-1'],
    ['XFD1+1', 0, 1, '#REF!+1'],
    ['TRUE+A1E5', 1, 0, 'TRUE+A1E5'],
    ['IFERROR(A1,#SPILL!)&#N/A', 1, 0, 'IFERROR(A2,#SPILL!)&#N/A'],
    ['ĐA1+A1', 1, 0, 'ĐA1+A2'], // a name in Vietnamese, not a cell after "Đ"
    ['SUM(1:1048576)', 1, 0, 'SUM(#REF!)'],
    ['SUM(A:XFD)', 0, 1, 'SUM(#REF!)'],
    ['SUM($A:$XFD)+SUM($1:$1048576)', 5, 5, 'SUM($A:$XFD)+SUM($1:$1048576)'],
    ['"unterminated&A1', 1, 0, '"unterminated&A1'],
  ])('%s moved by (%d, %d) is %s', (formula, rows, cols, moved) => {
    expect(translateFormula(formula, rows, cols)).toBe(moved);
  });

  it('reads stored formulas as Excel shows them', () => {
    expect(readableFormula('_xlfn.IFS(A1>1,"_xlfn.x",TRUE,_xlfn._xlws.SORT(B1:B3))')).toBe(
      'IFS(A1>1,"_xlfn.x",TRUE,SORT(B1:B3))',
    );
    expect(readableFormula('=SUM(A1)')).toBe('SUM(A1)');
  });
});
