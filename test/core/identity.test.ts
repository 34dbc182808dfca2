// Task identity across revisions: entries follow the task a person meant, not its number.
import { readFileSync } from 'fs';
import { join } from 'path';
import { matchTasks, titleKey, type TaskFacts } from '../../src/core/plan/identity';
import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import { seedNamed, seedText } from '../helpers/seeds';

const facts = (plan: Plan): TaskFacts[] =>
  plan.tasks.map((t) => ({
    code: t.id,
    title: t.title,
    lead: t.lead.join('; '),
    time: t.time.text,
    section: t.section ?? '',
  }));

const fact = (code: string, title: string, extra: Partial<TaskFacts> = {}): TaskFacts => ({
  code,
  title,
  lead: 'Văn phòng',
  time: 'Quý I/2024',
  section: 'I',
  ...extra,
});

describe('matchTasks on a real revision of seed 000', () => {
  const before = parsePlanText(seedText(seedNamed('000')));
  const after = parsePlanText(
    readFileSync(join(__dirname, '..', 'fixtures', 'revisions', '000_revised.txt'), 'utf8'),
  );
  const m = matchTasks(facts(before), facts(after));
  const pairs = new Map(m.matches.map((x) => [before.tasks[x.old]!.id, after.tasks[x.new]!.id]));

  test('every kept task is paired with itself, however it was renumbered', () => {
    expect(pairs.get('I.1')).toBe('I.3');
    expect(pairs.get('I.3')).toBe('I.1');
    expect(pairs.get('I.2')).toBe('I.2'); // lightly edited title
    expect(pairs.get('V.5')).toBe('V.4');
    expect(pairs.get('V.10')).toBe('V.9');
    expect(pairs.get('VI.1')).toBe('VI.1');
    expect(pairs.get('VI.2')).toBe('VI.2');
    expect(m.matches).toHaveLength(19);
    expect(m.uncertain).toEqual([]);
  });

  test('the removed task and the new one are neither paired nor guessed', () => {
    expect(m.removed.map((i) => before.tasks[i]!.id)).toEqual(['V.4']);
    expect(m.added.map((j) => after.tasks[j]!.id)).toEqual(['V.10']);
  });

  test('the edited title is paired with a similarity below 1', () => {
    const edited = m.matches.find((x) => before.tasks[x.old]!.id === 'I.2')!;
    expect(edited.titleSimilarity).toBeLessThan(1);
    expect(edited.titleSimilarity).toBeGreaterThan(0.8);
    expect(edited.certain).toBe(true);
  });

  test('the same plan matches itself one to one', () => {
    const same = matchTasks(facts(before), facts(before));
    expect(same.matches.map((x) => [x.old, x.new])).toEqual(before.tasks.map((_, i) => [i, i]));
    expect(same.removed).toEqual([]);
    expect(same.added).toEqual([]);
  });
});

describe('matchTasks case table', () => {
  test('titles differing in case, spacing, punctuation and bullets are equal', () => {
    expect(titleKey('- Rà soát,  đánh giá TTHC.')).toBe(titleKey('rà soát đánh giá tthc'));
  });

  test('a heavily rewritten title is offered for confirmation, not taken', () => {
    const m = matchTasks(
      [fact('I.1', 'Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm')],
      [fact('I.1', 'Sơ kết công tác cải cách hành chính 6 tháng, triển khai nhiệm vụ cuối năm')],
    );
    expect(m.matches).toEqual([]);
    expect(m.uncertain).toHaveLength(1);
    expect(m.removed).toEqual([]);
    expect(m.added).toEqual([]);
  });

  test('unrelated tasks with the same number are not paired', () => {
    const m = matchTasks(
      [fact('I.1', 'Rà soát thủ tục hành chính lĩnh vực đất đai')],
      [fact('I.1', 'Tổ chức tập huấn phần mềm quản lý văn bản cho cán bộ cấp xã')],
    );
    expect(m.matches).toEqual([]);
    expect(m.uncertain).toEqual([]);
    expect(m.removed).toEqual([0]);
    expect(m.added).toEqual([0]);
  });

  test('repeated titles ("Báo cáo kết quả" in each section) pair by section and lead', () => {
    const before = [
      fact('I.1', 'Báo cáo kết quả thực hiện', { section: 'I', lead: 'Phòng Nội vụ' }),
      fact('II.1', 'Báo cáo kết quả thực hiện', { section: 'II', lead: 'Phòng Tư pháp' }),
      fact('III.1', 'Báo cáo kết quả thực hiện', { section: 'III', lead: 'Văn phòng' }),
    ];
    // The revision drops section I's report and swaps the other two.
    const after = [
      fact('I.1', 'Báo cáo kết quả thực hiện', { section: 'I', lead: 'Văn phòng' }),
      fact('II.1', 'Báo cáo kết quả thực hiện', { section: 'II', lead: 'Phòng Tư pháp' }),
    ];
    after[0]!.section = 'III';
    const m = matchTasks(before, after);
    expect(m.matches.map((x) => [x.old, x.new])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(m.removed).toEqual([0]);
  });

  test('two indistinguishable tasks keep their order', () => {
    const t = fact('I.1', 'Kiểm tra công vụ');
    const m = matchTasks(
      [t, { ...t, code: 'I.2' }],
      [
        { ...t, code: 'I.2' },
        { ...t, code: 'I.3' },
      ],
    );
    expect(m.matches.map((x) => [x.old, x.new])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  test('10,000 renumbered tasks are matched quickly and exactly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      fact(`I.${i + 1}`, `Nhiệm vụ số hiệu ${i} về lĩnh vực ${i % 97} và đơn vị ${i % 13}`),
    );
    const shifted = many.slice(1).map((t, i) => ({ ...t, code: `I.${i + 1}` }));
    const t0 = Date.now();
    const m = matchTasks(many, shifted);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(m.matches).toHaveLength(9_999);
    expect(m.matches.every((x) => x.old === x.new + 1)).toBe(true);
    expect(m.removed).toEqual([0]);
  });
});
