import { describe, expect, it } from 'vitest';
import { foldCaseClocks } from '../deadlines/caseClocks.ts';
import { createWorkingCalendar } from '../deadlines/workingCalendar.ts';
import { applyFactEvent, type Clock, clocks, emptyFacts, factsOf } from '../reports/caseFacts.ts';
import { countCohort, figuresOf, type ReportCase, repeatIds } from '../reports/figures.ts';
import { handlingWorkingDays } from '../reports/handlingTime.ts';
import { periodRange, previousPeriod, samePeriodLastYear, spanRange, timeBucketKeys } from '../reports/periods.ts';

const calendar = createWorkingCalendar({
  coveredYears: [2025, 2026],
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
  makeUpDays: ['2025-09-28', '2025-10-11'],
});

/** A case whose clocks are as the deadline engine keeps them: due at its deadlines, met when the log stopped them. */
function kase(
  id: string,
  over: Partial<Omit<ReportCase, 'clocks'>> & { events?: { type: string; at: string; payload?: unknown }[] },
): ReportCase {
  const { events = [], ...rest } = over;
  const base: Omit<ReportCase, 'clocks'> = {
    id,
    number: id,
    type: 'complaint',
    channel: 'walkIn',
    severity: 'general',
    status: 'registered',
    categoryId: 'cat-a',
    departmentId: null,
    handlerId: null,
    respondentDepartmentId: null,
    respondentPerson: null,
    complainantPhone: null,
    receivedAt: '2025-11-03T02:00:00.000Z',
    deadlines: { acknowledge: '2025-11-04T15:59:59.999Z', feedback: '2025-11-10T15:59:59.999Z', resolve: '2025-11-24T15:59:59.999Z' },
    facts: factsOf(events.map((e) => ({ payload: {}, ...e }))),
    handlingDays: null,
    ...rest,
  };
  const clockOf = (k: Clock) => ({
    due: base.deadlines[k],
    metAt: base.facts.clockDoneAt[k],
    breachedAt: base.facts.breached[k] ? '2025-11-18T03:00:00.000Z' : null,
    pausedSince: null,
  });
  return { ...base, clocks: Object.fromEntries(clocks.map((k) => [k, clockOf(k)])) };
}

describe('report facts folded from events', () => {
  it('records the first stop of each clock, the latest finding and satisfaction, and clears closing on reopen', () => {
    const facts = factsOf([
      { type: 'registered', at: '2025-11-03T02:00:00Z', payload: {} },
      { type: 'accepted', at: '2025-11-03T03:00:00Z', payload: {} },
      { type: 'contacted', at: '2025-11-04T03:00:00Z', payload: {} },
      { type: 'proposed', at: '2025-11-05T03:00:00Z', payload: { finding: 'toImprove' } },
      { type: 'proposed', at: '2025-11-05T04:00:00Z', payload: { finding: 'valid' } },
      { type: 'responded', at: '2025-11-06T03:00:00Z', payload: {} },
      { type: 'followedUp', at: '2025-11-07T03:00:00Z', payload: { satisfaction: 2 } },
      { type: 'followedUp', at: '2025-11-08T03:00:00Z', payload: { satisfaction: 5 } },
      { type: 'closed', at: '2025-11-09T03:00:00Z', payload: {} },
      { type: 'reviewOpened', at: '2025-11-10T03:00:00Z', payload: {} },
      { type: 'deadlineBreached', at: '2025-11-25T00:00:00Z', payload: { clock: 'resolve' } },
    ]);
    expect(facts).toEqual({
      acceptedAt: '2025-11-03T03:00:00Z',
      declined: false,
      clockDoneAt: { acknowledge: '2025-11-03T03:00:00Z', feedback: '2025-11-04T03:00:00Z', resolve: '2025-11-06T03:00:00Z' },
      breached: { acknowledge: false, feedback: false, resolve: true },
      finding: 'valid',
      closedAt: null,
      followUps: 2,
      lastSatisfaction: 5,
      merged: false,
    });
  });

  it('stops the clocks exactly when the deadline engine does, a decision at the desk included', () => {
    const deadlines = {
      acknowledge: '2025-11-04T15:59:59.999Z',
      feedback: '2025-11-10T15:59:59.999Z',
      resolve: '2025-11-24T15:59:59.999Z',
    };
    const registered = { type: 'registered', at: '2025-11-03T02:00:00Z', payload: { deadlines } };
    const histories = [
      [registered, { type: 'resolvedOnSpot', at: '2025-11-03T02:30:00Z', payload: { resolution: '当场解决', satisfaction: 5 } }],
      [registered, { type: 'redirected', at: '2025-11-03T02:30:00Z', payload: { target: 'court' } }],
      [registered, { type: 'declined', at: '2025-11-03T02:30:00Z', payload: { reason: '不属于受理范围' } }],
      [
        registered,
        { type: 'accepted', at: '2025-11-03T03:00:00Z', payload: {} },
        { type: 'contacted', at: '2025-11-05T03:00:00Z', payload: {} },
      ],
      [
        registered,
        { type: 'escalated', at: '2025-11-03T03:00:00Z', payload: {} },
        { type: 'responded', at: '2025-11-06T03:00:00Z', payload: {} },
      ],
      [
        registered,
        { type: 'accepted', at: '2025-11-03T03:00:00Z', payload: {} },
        { type: 'merged', at: '2025-11-04T03:00:00Z', payload: {} },
      ],
    ];
    for (const events of histories) {
      const engine = Object.fromEntries(foldCaseClocks(events).clocks.map((k) => [k.clock, k.metAt]));
      expect(factsOf(events).clockDoneAt, events.at(-1)?.type).toEqual(engine);
    }
    // Resolved on the spot: accepted and closed there; redirected: a decision not to handle it here.
    expect(factsOf(histories[0] ?? [])).toMatchObject({
      acceptedAt: '2025-11-03T02:30:00Z',
      closedAt: '2025-11-03T02:30:00Z',
      lastSatisfaction: 5,
    });
    expect(factsOf(histories[1] ?? [])).toMatchObject({ acceptedAt: null, declined: true, closedAt: null });
  });

  it('ignores event types it does not know', () => {
    expect(applyFactEvent(emptyFacts(), { type: 'noted', at: '2025-11-03T02:00:00Z', payload: { satisfaction: 1 } })).toEqual(emptyFacts());
  });
});

describe('figures on a hand-computed cohort', () => {
  const now = '2025-11-20T00:00:00.000Z';
  const t = (d: string) => `2025-11-${d}T03:00:00.000Z`;
  const cases: ReportCase[] = [
    // A: accepted, answered on time, followed up satisfied, closed in 4 working days; finding valid.
    kase('A', {
      complainantPhone: '139',
      handlingDays: 4,
      events: [
        { type: 'accepted', at: t('03') },
        { type: 'proposed', at: t('04'), payload: { finding: 'valid' } },
        { type: 'responded', at: t('05') },
        { type: 'followedUp', at: t('06'), payload: { satisfaction: 4 } },
        { type: 'closed', at: t('07') },
      ],
    }),
    // B: accepted late (after the acknowledge deadline), answered, follow-up dissatisfied, open; invalid.
    kase('B', {
      events: [
        { type: 'accepted', at: t('05') },
        { type: 'proposed', at: t('06'), payload: { finding: 'invalid' } },
        { type: 'responded', at: t('12') },
        { type: 'followedUp', at: t('13'), payload: { satisfaction: 2 } },
      ],
    }),
    // C: declined on the day: every clock stopped on time; not accepted.
    kase('C', { type: 'suggestion', events: [{ type: 'declined', at: t('03') }] }),
    // D: accepted, answered, never followed up, with a recorded feedback breach.
    kase('D', {
      complainantPhone: '139',
      receivedAt: '2025-11-10T02:00:00.000Z',
      deadlines: { acknowledge: '2025-11-11T15:59:59.999Z', feedback: '2025-11-17T15:59:59.999Z', resolve: '2025-12-01T15:59:59.999Z' },
      events: [
        { type: 'accepted', at: t('10') },
        { type: 'responded', at: t('14') },
        { type: 'deadlineBreached', at: t('18'), payload: { clock: 'feedback' } },
      ],
    }),
    // E: registered, nothing done, acknowledge and feedback deadlines passed, resolve still running.
    kase('E', {
      complainantPhone: '139',
      categoryId: 'cat-b',
      receivedAt: '2025-11-12T02:00:00.000Z',
      deadlines: { acknowledge: '2025-11-13T15:59:59.999Z', feedback: '2025-11-19T15:59:59.999Z', resolve: '2025-12-03T15:59:59.999Z' },
    }),
    // F: resolved on the spot, satisfaction 5, 0 working days.
    kase('F', { handlingDays: 0, events: [{ type: 'resolvedOnSpot', at: t('03'), payload: { satisfaction: 5 } }] }),
    // Outside the cohort (October): counted only as history for repeats.
    kase('P', { complainantPhone: '139', receivedAt: '2025-10-20T02:00:00.000Z' }),
  ];

  it('finds repeats by phone and category within the window', () => {
    // A repeats P (Oct 20, same category); D repeats A; E has another category.
    expect([...repeatIds(cases)].sort()).toEqual(['A', 'D']);
  });

  it('computes every figure as hand-counted', () => {
    const counts = countCohort(cases, { from: '2025-10-31T16:00:00.000Z', to: '2025-11-30T16:00:00.000Z' }, now);
    expect(counts).toMatchObject({ registered: 6, complaints: 5, accepted: 4, declined: 1, closed: 2, acceptedClosed: 2 });
    const f = figuresOf(counts);
    // Accepted: A B D F; closed among them: A F.
    expect(f.resolutionRate).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    // Acknowledge decided for all 6 (E's deadline passed); met: A C D F (B late, E not done).
    expect(f.onTimeRate.acknowledge).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 });
    // Feedback: A(5th≤10th) B(12th>10th) C D(breach recorded) F; E passed undone -> decided, unmet.
    expect(f.onTimeRate.feedback).toEqual({ numerator: 3, denominator: 6, value: 0.5 });
    // Resolve: decided A B C D F (E still running); met A B C D F.
    expect(f.onTimeRate.resolve).toEqual({ numerator: 5, denominator: 5, value: 1 });
    // Answered accepted cases: A B D F; followed up: A B F.
    expect(f.followUpRate).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    // Rated: A(4) B(2) F(5) -> satisfied 2 of 3.
    expect(f.satisfactionRate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    // Complaints with a finding: A valid, B invalid.
    expect(f.validRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    // Complaints: A B D E F; repeats A D.
    expect(f.repeatRate).toEqual({ numerator: 2, denominator: 5, value: 0.4 });
    // Closed with handling days: A 4, F 0.
    expect(f.averageHandlingDays).toBe(2);
  });

  it('answers null, not zero, when nothing is counted', () => {
    const f = figuresOf(countCohort([], { from: '2025-11-01T00:00:00Z', to: '2025-12-01T00:00:00Z' }, now));
    expect(f.satisfactionRate.value).toBeNull();
    expect(f.averageHandlingDays).toBeNull();
  });
});

describe('handling time in working days', () => {
  it('does not count the day of receipt and skips the National Day holiday, counting make-up days', () => {
    // Received Fri 26 Sep (local), closed Sat 11 Oct (make-up day): 29, 30 Sep, 9, 10, 11 Oct + Sun 28 Sep make-up.
    expect(handlingWorkingDays('2025-09-26T01:00:00Z', '2025-10-11T08:00:00Z', { calendar, utcOffsetMinutes: 480 })).toBe(6);
    expect(handlingWorkingDays('2025-11-03T01:00:00Z', '2025-11-03T09:00:00Z', { calendar, utcOffsetMinutes: 480 })).toBe(0);
    // 23:30 local on Monday is still Monday: closing Tuesday is 1 day.
    expect(handlingWorkingDays('2025-11-03T15:30:00Z', '2025-11-04T02:00:00Z', { calendar, utcOffsetMinutes: 480 })).toBe(1);
  });
});

describe('periods', () => {
  it('gives local-calendar ranges and their comparisons', () => {
    expect(periodRange({ kind: 'month', year: 2025, index: 11 }, 480)).toEqual({
      from: '2025-10-31T16:00:00.000Z',
      to: '2025-11-30T16:00:00.000Z',
    });
    expect(periodRange({ kind: 'quarter', year: 2025, index: 4 }, 480).to).toBe('2025-12-31T16:00:00.000Z');
    expect(periodRange({ kind: 'halfYear', year: 2026, index: 1 }, 480)).toEqual({
      from: '2025-12-31T16:00:00.000Z',
      to: '2026-06-30T16:00:00.000Z',
    });
    expect(previousPeriod({ kind: 'quarter', year: 2026, index: 1 })).toEqual({ kind: 'quarter', year: 2025, index: 4 });
    expect(samePeriodLastYear({ kind: 'month', year: 2026, index: 3 })).toEqual({ kind: 'month', year: 2025, index: 3 });
  });

  it('starts the week on Monday in desk time', () => {
    // Sunday 2025-11-09 20:00 UTC is Monday 10 Nov 04:00 in UTC+8.
    expect(spanRange('week', new Date('2025-11-09T20:00:00Z'), 480)).toEqual({
      from: '2025-11-09T16:00:00.000Z',
      to: '2025-11-10T16:00:00.000Z',
    });
    expect(spanRange('month', new Date('2025-11-09T20:00:00Z'), 480).from).toBe('2025-10-31T16:00:00.000Z');
  });
});

describe('time buckets of a trend', () => {
  const december = periodRange({ kind: 'month', year: 2025, index: 12 }, 480);
  it('lists every day, Monday and month the range touches, in desk time', () => {
    const days = timeBucketKeys(december, 'day', 480) ?? [];
    expect([days.length, days[0], days.at(-1)]).toEqual([31, '2025-12-01', '2025-12-31']);
    expect(timeBucketKeys(december, 'week', 480)).toEqual(['2025-12-01', '2025-12-08', '2025-12-15', '2025-12-22', '2025-12-29']);
    const winter = { from: december.from, to: periodRange({ kind: 'month', year: 2026, index: 2 }, 480).to };
    expect(timeBucketKeys(winter, 'month', 480)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('gives up on more buckets than a chart can show', () => {
    const decade = { from: periodRange({ kind: 'year', year: 2016, index: 1 }, 480).from, to: december.to };
    expect(timeBucketKeys(decade, 'day', 480)).toBeNull();
    expect(timeBucketKeys(decade, 'month', 480)).toHaveLength(120);
  });
});
