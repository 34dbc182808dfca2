// The reference for the workbook's formulas: categories on a report date, recurring deadlines,
// and the dashboard figures.
import { effectiveDue, taskStatus } from '../../src/core/status';
import { daysBetween } from '../../src/core/time/calendar';
import { rollupByUnit, SPLIT } from '../../src/core/status/rollup';
import { parsePlanText } from '../../src/core/plan/parse';
import { seedNamed, seedText } from '../helpers/seeds';

const t = (
  due: string | null,
  kind: 'date' | 'recurring' | 'conditional' | 'continuous' = 'date',
  recurrence: 'quarterly' | 'yearly' | null = null,
) => ({
  due,
  kind,
  recurrence,
});

describe('taskStatus', () => {
  const R = '2024-03-15';
  it.each([
    ['overdue the day after the deadline', t('2024-03-14'), {}, 'overdue'],
    ['not overdue on the deadline itself', t('2024-03-15'), {}, 'due-soon'],
    ['due soon within the window', t('2024-03-22'), {}, 'due-soon'],
    ['on track past the window', t('2024-03-23'), {}, 'on-track'],
    ['no deadline', t(null, 'continuous'), {}, 'no-deadline'],
    ['waiting for a condition', t(null, 'conditional'), {}, 'waiting'],
    ['done on time', t('2024-03-10'), { state: 'done', completed: '2024-03-10' }, 'done-on-time'],
    ['done late', t('2024-03-10'), { state: 'done', completed: '2024-03-11' }, 'done-late'],
    [
      'done without a date is its own category, not on time',
      t('2024-03-10'),
      { state: 'done' },
      'done-undated',
    ],
    [
      'done without a date and without a deadline is on time',
      t(null, 'continuous'),
      { state: 'done' },
      'done-on-time',
    ],
    [
      'an extension replaces the deadline',
      t('2024-03-10'),
      { extendedTo: '2024-03-20' },
      'due-soon',
    ],
    [
      'done by the extended deadline is on time',
      t('2024-03-10'),
      { state: 'done', completed: '2024-03-12', extendedTo: '2024-03-12' },
      'done-on-time',
    ],
    [
      'past the extended deadline is overdue',
      t('2024-03-01'),
      { extendedTo: '2024-03-14' },
      'overdue',
    ],
    [
      'a completion date alone means done',
      t('2024-03-10'),
      { state: 'in-progress', completed: '2024-03-12' },
      'done-late',
    ],
    ['paused', t('2024-03-10'), { state: 'paused' }, 'paused'],
    [
      'cancelled wins over a date',
      t('2024-03-10'),
      { state: 'cancelled', completed: '2024-03-01' },
      'cancelled',
    ],
  ] as const)('%s', (_label, time, entered, expected) => {
    expect(taskStatus(time, entered, R, 7)).toBe(expected);
  });
});

describe('effectiveDue', () => {
  it('is the extension when one is entered, else the due date (no rolling period)', () => {
    expect(effectiveDue(t('2019-03-31', 'recurring', 'quarterly'))).toBe('2019-03-31');
    expect(effectiveDue(t('2019-03-31'), { extendedTo: '2019-05-15' })).toBe('2019-05-15');
    expect(effectiveDue(t(null, 'continuous'), { extendedTo: null })).toBeNull();
  });

  it('counts days across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-15', '2024-03-01')).toBe(-14);
  });
});

describe('rollupByUnit on seed 001', () => {
  const plan = parsePlanText(seedText(seedNamed('001')));
  const { units, total } = rollupByUnit(plan, '2024-07-15', 7, {
    'I.1': { state: 'done', completed: '2023-12-20' },
    'II.1': { state: 'done', completed: '2024-01-20' },
  });

  it('has one row per lead unit and counts a task once per unit', () => {
    expect(units.map((u) => u.unit)).toEqual(
      plan.units.filter((u) => u.leadCount > 0).map((u) => u.name),
    );
    for (const u of units)
      expect(u.total).toBeGreaterThanOrEqual(plan.units.find((x) => x.name === u.unit)!.leadCount);
    for (const u of units) expect(SPLIT.reduce((n, k) => n + (u[k] as number), 0)).toBe(u.total);
  });

  it('splits the whole plan into the categories', () => {
    // XI.1 ("Báo cáo quý") is four items: one per quarter of 2024.
    const sum = SPLIT.reduce((n, k) => n + (total[k] as number), 0);
    expect(total.total).toBe(31);
    expect(sum).toBe(31);
    expect(total.doneOnTime).toBe(1);
    expect(total.doneLate).toBe(1);
    // Due by 15/07/2024: I.1, II.1, II.2, II.3, XI.1's first two quarters, VI…: the rate's base.
    expect(total.due).toBeGreaterThanOrEqual(4);
    expect(total.pctDone).toBeCloseTo(2 / total.due);
    expect(total.pctOnTime).toBeCloseTo(1 / total.due);
  });
});
