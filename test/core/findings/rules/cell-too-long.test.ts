import { cellTooLong } from '../../../../src/core/findings/rules/cell-too-long';
import { findingsOf, planOf, raised, type Raised } from './helpers';

const SENTENCE = 'Rà soát, đánh giá, đơn giản hóa thủ tục hành chính trong lĩnh vực đất đai. ';
/** A task text of `n` characters, made of a sentence a plan would repeat. */
const textOf = (n: number): string => SENTENCE.repeat(Math.ceil(n / SENTENCE.length)).slice(0, n);

const row = (title: string, product = 'Báo cáo'): string[] => [
  '1',
  title,
  'Phòng Tài nguyên và Môi trường',
  '',
  'Quý II/2024',
  product,
];

const CASES: [string, string[], Raised[]][] = [
  [
    'a task text one character over the limit',
    row(textOf(32_768)),
    [['cell-too-long', '1', { cell: 'title', length: 32_768, limit: 32_767 }]],
  ],
  [
    'a deliverable far over the limit',
    row('Rà soát thủ tục', textOf(40_000)),
    [['cell-too-long', '1', { cell: 'product', length: 40_000, limit: 32_767 }]],
  ],
  ['a task text exactly at the limit', row(textOf(32_767)), []],
  ['ordinary cells', row('Rà soát thủ tục hành chính'), []],
];

describe('rule cell-too-long', () => {
  it.each(CASES)('%s', (_name, cells, expected) => {
    expect(raised(cellTooLong, planOf([cells]))).toEqual(expected);
  });

  it('names the cell and the figures with Vietnamese and English digit groups', () => {
    const [found] = findingsOf(cellTooLong, planOf([row(textOf(40_000))]));
    expect(found!.message).toContain('Ô nhiệm vụ dài 40.000 ký tự, quá 32.767 ký tự');
    expect(found!.messageEn).toContain(
      'The task cell is 40,000 characters long, more than the 32,767',
    );
    expect(found!.field).toBe('title');
  });

  it('an extra column and the note are named by their header, without a field', () => {
    const plan = planOf([row('Rà soát thủ tục')]);
    plan.tasks[0]!.extra = { 'Căn cứ': textOf(33_000) };
    plan.tasks[0]!.note = textOf(32_800);
    const found = findingsOf(cellTooLong, plan);
    expect(found.map((f) => [f.params, f.field])).toEqual([
      [{ cell: 'note', length: 32_800, limit: 32_767 }, undefined],
      [{ cell: 'extra', header: 'Căn cứ', length: 33_000, limit: 32_767 }, undefined],
    ]);
    expect(found[1]!.message).toContain('Ô "Căn cứ" dài 33.000 ký tự');
  });
});
