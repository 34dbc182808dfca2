// Recurring tasks are tracked per period: the occurrences inside the plan's years, open-ended
// ones up to a horizon, mixed times ("Quý IV/2018 và các năm tiếp theo") with their fixed first
// occurrence; and the roll-up over items (a task, or an occurrence) that adds up.
import { parsePlanText } from '../../src/core/plan/parse';
import type { TaskTime } from '../../src/core/plan/types';
import { isDue, summaryStatus } from '../../src/core/status';
import { trackedRows } from '../../src/core/status/items';
import { itemStandings, rollupByUnit, SPLIT, standings } from '../../src/core/status/rollup';
import {
  isOpenEnded,
  occurrencesOf,
  periodLabel,
  planYears,
  splitOccurrenceCode,
} from '../../src/core/time/occurrences';
import { seedNamed, seedText } from '../helpers/seeds';

const time = (
  text: string,
  start: string | null,
  due: string | null,
  recurrence: TaskTime['recurrence'],
): Pick<TaskTime, 'text' | 'kind' | 'start' | 'due' | 'recurrence'> => ({
  text,
  kind: 'recurring',
  start,
  due,
  recurrence,
});

describe('planYears', () => {
  it('reads the term from the title, else the year of the issue date', () => {
    expect(planYears({ title: 'Kế hoạch … năm 2019', date: '2018-12-20', year: 2019 })).toEqual({
      first: 2019,
      last: 2019,
      stated: true,
    });
    expect(
      planYears({ title: 'Kế hoạch giai đoạn 2021 – 2025', date: '2021-03-01', year: 2021 }),
    ).toEqual({ first: 2021, last: 2025, stated: true });
    expect(
      planYears({ title: 'Thực hiện Nghị định số 61/2018/NĐ-CP', date: '2018-09-28', year: 2018 }),
    ).toEqual({ first: 2018, last: 2018, stated: false });
    expect(planYears({ title: null, date: null, year: null })).toBeNull();
  });
});

describe('occurrencesOf', () => {
  const y2019 = { first: 2019, last: 2019, stated: true };

  it('gives one occurrence per quarter of the plan year, each with its own deadline', () => {
    const got = occurrencesOf(time('Hàng quý', '2019-01-01', '2019-03-31', 'quarterly'), {
      years: y2019,
      horizon: 2030,
    });
    expect(got).toEqual([
      { period: '2019-Q1', label: 'Quý I/2019', start: '2019-01-01', due: '2019-03-31' },
      { period: '2019-Q2', label: 'Quý II/2019', start: '2019-04-01', due: '2019-06-30' },
      { period: '2019-Q3', label: 'Quý III/2019', start: '2019-07-01', due: '2019-09-30' },
      { period: '2019-Q4', label: 'Quý IV/2019', start: '2019-10-01', due: '2019-12-31' },
    ]);
  });

  it('runs monthly and half-yearly tasks through the plan year', () => {
    const months = occurrencesOf(time('Hằng tháng', '2024-01-01', '2024-01-31', 'monthly'), {
      years: { first: 2024, last: 2024, stated: true },
      horizon: 2024,
    });
    expect(months.map((o) => o.period)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
    );
    expect(months[1]!.due).toBe('2024-02-29');
    const halves = occurrencesOf(time('6 tháng', '2024-01-01', '2024-06-30', 'half-yearly'), {
      years: { first: 2024, last: 2024, stated: true },
      horizon: 2024,
    });
    expect(halves.map((o) => [o.period, o.label, o.due])).toEqual([
      ['2024-H1', '6 tháng đầu năm 2024', '2024-06-30'],
      ['2024-H2', '6 tháng cuối năm 2024', '2024-12-31'],
    ]);
  });

  it('runs an open-ended task to the horizon, a bounded one not past the plan', () => {
    const open = time('Quý IV/2018 và các năm tiếp theo', '2018-10-01', '2018-12-31', 'yearly');
    expect(isOpenEnded(open.text, { first: 2018, last: 2018, stated: true })).toBe(true);
    const got = occurrencesOf(open, {
      years: { first: 2018, last: 2018, stated: false },
      horizon: 2021,
    });
    // The fixed first occurrence, then the yearly ones after it.
    expect(got.map((o) => [o.period, o.label, o.start, o.due])).toEqual([
      ['2018-Q4', 'Quý IV/2018', '2018-10-01', '2018-12-31'],
      ['2019', 'Năm 2019', '2019-01-01', '2019-12-31'],
      ['2020', 'Năm 2020', '2020-01-01', '2020-12-31'],
      ['2021', 'Năm 2021', '2021-01-01', '2021-12-31'],
    ]);
    // "Hàng quý" in a plan for 2019 stays in 2019, whatever the horizon.
    expect(
      occurrencesOf(time('Thực hiện hàng Quý, năm', '2019-01-01', '2019-03-31', 'quarterly'), {
        years: y2019,
        horizon: 2025,
      }),
    ).toHaveLength(4);
    // A plan whose title names no term goes on: "Hàng năm" runs to the horizon.
    expect(
      occurrencesOf(time('Hàng năm', '2018-01-01', '2018-12-31', 'yearly'), {
        years: { first: 2018, last: 2018, stated: false },
        horizon: 2025,
      }).map((o) => o.period),
    ).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
  });

  it('keeps a span its own text names ("Giai đoạn 2021-2025, hàng năm")', () => {
    const got = occurrencesOf(
      time('Giai đoạn 2021-2025, hàng năm', '2021-01-01', '2021-12-31', 'yearly'),
      { years: { first: 2021, last: 2021, stated: true }, horizon: 2030 },
    );
    expect(got.map((o) => o.period)).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });

  it('gives nothing for a task that does not recur or has no first deadline', () => {
    expect(
      occurrencesOf(time('Định kỳ', null, null, null), { years: y2019, horizon: 2019 }),
    ).toEqual([]);
    expect(
      occurrencesOf(
        {
          text: 'Quý I/2019',
          kind: 'period',
          start: '2019-01-01',
          due: '2019-03-31',
          recurrence: null,
        },
        { years: y2019, horizon: 2019 },
      ),
    ).toEqual([]);
  });

  it('names periods in both languages and splits occurrence codes', () => {
    expect(periodLabel('2019-Q3', 'en')).toBe('Q3 2019');
    expect(periodLabel('2019-07')).toBe('Tháng 07/2019');
    expect(splitOccurrenceCode('V.1/2019-Q1')).toEqual({ task: 'V.1', period: '2019-Q1' });
    expect(splitOccurrenceCode('4/2019')).toEqual({ task: '4', period: '2019' });
    expect(splitOccurrenceCode('II.3')).toBeNull();
    expect(splitOccurrenceCode('1/2019-Q5')).toBeNull();
  });
});

describe('the seeds', () => {
  it('seed 000: V.1–V.3 are quarterly in 2019 (parse --json carries them)', () => {
    const plan = parsePlanText(seedText(seedNamed('000')));
    for (const id of ['V.1', 'V.2', 'V.3']) {
      const task = plan.tasks.find((t) => t.id === id)!;
      expect(task.time.occurrences!.map((o) => o.period)).toEqual([
        '2019-Q1',
        '2019-Q2',
        '2019-Q3',
        '2019-Q4',
      ]);
    }
    expect(plan.tasks.filter((t) => t.time.occurrences).length).toBe(3);
  });

  it('seed 004: open-ended tasks stop at the plan year in the JSON, at the horizon in the tracker', () => {
    const plan = parsePlanText(seedText(seedNamed('004')));
    const byId = (id: string) => plan.tasks.find((t) => t.id === id)!;
    expect(byId('21').time.occurrences!.map((o) => o.period)).toEqual(['2018']);
    // A fixed first occurrence after the plan's last year is still there.
    expect(byId('5').time.occurrences!.map((o) => o.period)).toEqual(['2019-Q1']);
    const rows = trackedRows(plan, { horizon: 2025 });
    const codes = rows.filter((r) => r.task.id === '21').map((r) => r.code);
    expect(codes).toEqual([
      '21',
      ...[2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => `21/${y}`),
    ]);
    expect(rows.filter((r) => r.task.id === '5').map((r) => r.code)).toEqual([
      '5',
      '5/2019-Q1',
      ...[2020, 2021, 2022, 2023, 2024, 2025].map((y) => `5/${y}`),
    ]);
  });

  it('a heading sums up its occurrences: the worst news first, and is not an item', () => {
    const plan = parsePlanText(seedText(seedNamed('000')));
    const all = standings(plan, '2019-10-01', 7, {
      'V.1/2019-Q1': { state: 'done', completed: '2019-03-20' },
      'V.1/2019-Q2': { state: 'done', completed: '2019-07-02' },
      'V.1/2019-Q3': { state: 'in-progress' },
      'V.2/2019-Q1': { state: 'done', completed: '2019-03-01' },
      'V.2/2019-Q2': { state: 'done', completed: '2019-06-01' },
      'V.2/2019-Q3': { state: 'done', completed: '2019-09-01' },
    });
    const of = (id: string) => all.find((s) => s.id === id)!.status;
    expect(of('V.1/2019-Q3')).toBe('overdue');
    expect(of('V.1')).toBe('overdue');
    expect(of('V.2/2019-Q4')).toBe('on-track');
    // Done on time so far, the last quarter still ahead.
    expect(of('V.2')).toBe('on-track');
    expect(summaryStatus(['done-on-time', 'done-late'])).toBe('done-late');
    expect(itemStandings(all).some((s) => s.role === 'heading')).toBe(false);
  });
});

describe('counts that add up', () => {
  const plan = parsePlanText(seedText(seedNamed('001')));
  const entered = {
    'I.1': { state: 'cancelled' as const },
    'II.1': { state: 'paused' as const },
    'II.2': { state: 'done' as const },
    'II.3': { extendedTo: '2024-12-31' },
    'XI.1/2024-Q1': { state: 'done' as const, completed: '2024-04-10' },
  };

  it.each(['2024-01-15', '2024-07-15', '2025-01-15'])(
    'on %s every unit row and the whole plan add up to Tổng số',
    (date) => {
      const { units, total } = rollupByUnit(plan, date, 7, entered);
      for (const row of [...units, total]) {
        expect({ unit: row.unit, sum: SPLIT.reduce((n, k) => n + (row[k] as number), 0) }).toEqual({
          unit: row.unit,
          sum: row.total,
        });
      }
      expect(total.cancelled).toBe(1);
      expect(total.paused).toBe(1);
      expect(total.doneUndated).toBe(1);
      expect(total.extended).toBe(1);
    },
  );

  it('cancelled and paused items are not due; undated done is done, not on time', () => {
    const { total } = rollupByUnit(plan, '2025-01-15', 7, entered);
    const all = itemStandings(standings(plan, '2025-01-15', 7, entered));
    const due = all.filter((s) => isDue(s.due, s.status, '2025-01-15'));
    expect(due.some((s) => s.id === 'I.1' || s.id === 'II.1')).toBe(false);
    expect(total.due).toBe(due.length);
    expect(total.pctOnTime! * total.due).toBeCloseTo(
      all.filter((s) => s.status === 'done-on-time' && due.includes(s)).length,
    );
    const done = due.filter((s) =>
      ['done-on-time', 'done-late', 'done-undated'].includes(s.status),
    );
    expect(done.map((s) => s.status).sort()).toEqual(['done-late', 'done-undated']);
    expect(total.pctDone! * total.due).toBeCloseTo(done.length);
    expect(total.pctOnTime).toBe(0);
  });
});
