// The time reader's text helpers against plain character-by-character references: they build
// their results from slices and joins (a long cell built a character at a time made a chain of
// string pieces the garbage collector paid for many times over), and must give the same text.
import { blankParentheses, fold, splitSegments } from '../../../src/core/time/text';

function referenceBlankParentheses(text: string): string {
  let out = '';
  let depth = 0;
  for (const char of text.split('')) {
    if (char === '(') depth += 1;
    out += depth > 0 || char === ')' ? ' ' : char;
    if (char === ')' && depth > 0) depth -= 1;
  }
  return out;
}

function referenceSplitSegments(clean: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of clean) {
    if (char === '(') depth += 1;
    if (char === ')' && depth > 0) depth -= 1;
    if ((char === ';' || char === '\n') && depth === 0) {
      segments.push(current);
      current = '';
    } else current += char;
  }
  segments.push(current);
  return segments.map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Every text of up to 6 characters over an alphabet that exercises the rules, and some longer. */
function texts(): string[] {
  const alphabet = ['(', ')', 'a', ';', '\n', ' ', 'Q', '😀'];
  const out = [''];
  let level = [''];
  for (let length = 1; length <= 5; length++) {
    level = level.flatMap((t) => alphabet.map((c) => t + c));
    out.push(...level);
  }
  let seed = 7;
  for (let i = 0; i < 500; i++) {
    let t = '';
    for (let j = 0; j < 40; j++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      t += alphabet[seed % alphabet.length];
    }
    out.push(t);
  }
  return out;
}

describe('the time reader’s text helpers', () => {
  const all = texts();

  it('blank parentheses as the reference does, on every short text', () => {
    for (const t of all) expect(blankParentheses(t)).toBe(referenceBlankParentheses(t));
    expect(blankParentheses('a(b)c)')).toBe('a   c ');
  });

  it('split segments as the reference does, on every short text', () => {
    for (const t of all) expect(splitSegments(t)).toEqual(referenceSplitSegments(t));
  });

  it('fold one character for one', () => {
    expect(fold('Tháng 6 Hằng năm; ĐỊNH KỲ Quý Ⅱ')).toBe('thang 6 hang nam; dinh ky quy ⅱ');
    const long = 'Quý IV/2024 hằng năm, '.repeat(20_000);
    expect(fold(long)).toBe('quy iv/2024 hang nam, '.repeat(20_000));
  });
});
