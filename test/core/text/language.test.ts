import { plural } from '../../../src/core/text/language';

const TASKS = { one: '# task', other: '# tasks' };

describe('plural', () => {
  it.each([
    [0, '0 tasks'],
    [1, '1 task'],
    [2, '2 tasks'],
    [21, '21 tasks'],
    [1000, '1000 tasks'],
  ])('English: %i → "%s"', (count, expected) => {
    expect(plural('en', count, TASKS)).toBe(expected);
  });

  it.each([0, 1, 2, 21])('Vietnamese has one form: %i nhiệm vụ', (count) => {
    expect(plural('vi', count, { other: '# nhiệm vụ' })).toBe(`${count} nhiệm vụ`);
    // An English "one" form is never used for Vietnamese.
    expect(plural('vi', count, { one: '# việc (một)', other: '# việc' })).toBe(`${count} việc`);
  });
});
