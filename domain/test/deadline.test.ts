import { describe, expect, it } from 'vitest';
import { foldCaseClocks } from '../deadlines/caseClocks.ts';
import { computeDeadlines, type DeskTime, extendDeadlines, shiftForPause } from '../deadlines/deadline.ts';
import { deadlineAlertOf } from '../deadlines/deadlineStatus.ts';
import { onTimeRates } from '../deadlines/onTime.ts';
import { presetPolicy } from '../deadlines/presets.ts';
import { createWorkingCalendar } from '../deadlines/workingCalendar.ts';
import { defaultWorkingHours } from '../deadlines/workingHours.ts';

/** A slice of the official 2026 calendar: National Day 10-01..10-07 off, 09-20 and 10-10 make-up days. */
const calendarData = {
  coveredYears: [2026],
  holidays: [
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  makeUpDays: ['2026-09-20', '2026-10-10'],
};
const time: DeskTime = {
  calendar: createWorkingCalendar(calendarData),
  utcOffsetMinutes: 480,
  workingHours: defaultWorkingHours,
};
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();
const endOf = (date: string) => bj(`${date}T23:59:59.999`);

describe('deadline policies', () => {
  it('give a hospital complaint 1 / 5 / 15 working days, 10 and 20 with several departments', () => {
    const policy = presetPolicy('hospital', 'general');
    const received = bj('2026-11-23T10:00');
    expect(computeDeadlines(received, policy, time)).toEqual({
      acknowledge: endOf('2026-11-24'),
      feedback: endOf('2026-11-30'),
      resolve: endOf('2026-12-14'),
    });
    expect(computeDeadlines(received, policy, time, 2)).toEqual({
      acknowledge: endOf('2026-11-24'),
      feedback: endOf('2026-12-07'),
      resolve: endOf('2026-12-21'),
    });
  });

  it('count on a changed calendar afresh, the same dates counted on the old one before', () => {
    const policy = presetPolicy('hospital', 'general');
    const received = bj('2026-11-23T10:00');
    expect(computeDeadlines(received, policy, time).acknowledge).toBe(endOf('2026-11-24'));
    // The desk closes on the 24th (a closure the administrator adds): a new calendar, the next working day counts.
    const closed: DeskTime = { ...time, calendar: createWorkingCalendar({ ...calendarData, closures: ['2026-11-24'] }) };
    expect(computeDeadlines(received, policy, closed).acknowledge).toBe(endOf('2026-11-25'));
    expect(computeDeadlines(received, policy, time).acknowledge).toBe(endOf('2026-11-24'));
  });

  it('report a major case within 12 wall-clock hours, nights included', () => {
    expect(computeDeadlines(bj('2026-11-27T16:00'), presetPolicy('serviceHall', 'major'), time).acknowledge).toBe(bj('2026-11-28T04:00'));
  });

  it('give a property repair request a 1-working-day first feedback', () => {
    expect(presetPolicy('property', 'general', 'repairRequest').feedback).toEqual({ unit: 'workingDays', amount: 1 });
  });
});

describe('extension and pause', () => {
  const policy = presetPolicy('hospital', 'general');
  const base = computeDeadlines(bj('2026-09-24T10:00'), policy, time);

  it('an extension moves feedback and resolve by N working days past their old date, across the holiday', () => {
    expect(base.feedback).toBe(endOf('2026-10-09'));
    const extended = extendDeadlines(base, 3, time);
    // 10-10 (make-up Saturday), 10-12, 10-13.
    expect(extended.feedback).toBe(endOf('2026-10-13'));
    expect(extended.acknowledge).toBe(base.acknowledge);
  });

  it('a pause moves running clocks by the working days it covered, not the ones met or passed', () => {
    // Paused Tuesday 09-29 10:00, resumed Thursday 10-08 09:00: 09-29 and 09-30 were lost.
    const shifted = shiftForPause(
      base,
      policy,
      { pausedAt: bj('2026-09-29T10:00'), resumedAt: bj('2026-10-08T09:00') },
      ['feedback', 'resolve'],
      time,
    );
    expect(shifted.acknowledge).toBe(base.acknowledge);
    expect(shifted.feedback).toBe(endOf('2026-10-12')); // 10-09 + 2 working days: 10-10, 10-12
    const sameDay = shiftForPause(
      base,
      policy,
      { pausedAt: bj('2026-09-29T10:00'), resumedAt: bj('2026-09-29T15:00') },
      ['feedback'],
      time,
    );
    expect(sameDay.feedback).toBe(base.feedback);
  });

  it('a pause moves wall-clock and working-hour clocks by the time lost', () => {
    const hoursPolicy = {
      acknowledge: { unit: 'hours', amount: 12 },
      feedback: { unit: 'workingHours', amount: 4 },
      resolve: { unit: 'workingDays', amount: 2 },
    } as const;
    const d = computeDeadlines(bj('2026-11-23T09:00'), hoursPolicy, time);
    expect(d.feedback).toBe(bj('2026-11-23T14:30'));
    const shifted = shiftForPause(
      d,
      hoursPolicy,
      { pausedAt: bj('2026-11-23T10:00'), resumedAt: bj('2026-11-23T11:00') },
      ['acknowledge', 'feedback'],
      time,
    );
    expect(shifted.acknowledge).toBe(bj('2026-11-23T22:00'));
    expect(shifted.feedback).toBe(bj('2026-11-23T15:30'));
  });
});

describe('clocks, breaches and alerts', () => {
  const deadlines = {
    acknowledge: bj('2026-11-24T10:00'),
    feedback: bj('2026-11-30T23:59:59.999'),
    resolve: bj('2026-12-14T23:59:59.999'),
  };
  const registered = { type: 'registered', at: bj('2026-11-23T10:00'), payload: { deadlines } };

  it('freeze the due time of a met clock and record when it was met', () => {
    const folded = foldCaseClocks([
      registered,
      { type: 'accepted', at: bj('2026-11-24T09:00'), payload: {} },
      {
        type: 'extended',
        at: bj('2026-11-25T09:00'),
        payload: { deadlines: { ...deadlines, acknowledge: bj('2026-12-01T00:00'), feedback: endOf('2026-12-03') } },
      },
    ]);
    expect(folded.extended).toBe(true);
    expect(folded.clocks[0]).toEqual({ clock: 'acknowledge', due: deadlines.acknowledge, metAt: bj('2026-11-24T09:00'), breachedAt: null });
    expect(folded.clocks[1]?.due).toBe(endOf('2026-12-03'));
  });

  it('alert overdue before due soon, and flag a major case not reported in time', () => {
    const { clocks } = foldCaseClocks([registered]);
    const now = bj('2026-11-24T11:00');
    expect(deadlineAlertOf(clocks, 'general', now, endOf('2026-11-25'), null)).toMatchObject({
      level: 'overdue',
      clock: 'acknowledge',
      majorUnreported: false,
    });
    expect(deadlineAlertOf(clocks, 'major', now, endOf('2026-11-25'), null)).toMatchObject({ majorUnreported: true });
    const early = bj('2026-11-23T12:00');
    expect(deadlineAlertOf(clocks, 'general', early, endOf('2026-11-24'), null)).toMatchObject({ level: 'dueSoon', clock: 'acknowledge' });
    expect(deadlineAlertOf(clocks, 'general', early, bj('2026-11-23T13:00'), null)).toBeNull();
  });

  it('count on-time rates per clock, leaving out clocks not yet due', () => {
    const rates = onTimeRates(
      [
        { clock: 'acknowledge', due: bj('2026-11-24T10:00'), metAt: bj('2026-11-24T09:00'), breachedAt: null },
        { clock: 'acknowledge', due: bj('2026-11-24T10:00'), metAt: bj('2026-11-24T11:00'), breachedAt: bj('2026-11-24T11:00') },
        { clock: 'acknowledge', due: bj('2026-11-24T10:00'), metAt: null, breachedAt: null },
        { clock: 'feedback', due: bj('2026-12-30T10:00'), metAt: null, breachedAt: null },
      ],
      bj('2026-11-25T00:00'),
    );
    expect(rates.acknowledge).toEqual({ onTime: 1, late: 2, rate: 1 / 3 });
    expect(rates.feedback).toEqual({ onTime: 0, late: 0, rate: null });
  });
});
