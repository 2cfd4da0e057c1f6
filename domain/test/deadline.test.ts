import { describe, expect, it } from 'vitest';
import { computeDeadlines, dueAfterWorkingDays } from '../deadlines/deadline.ts';
import { CalendarRangeError, createWorkingCalendar } from '../deadlines/workingCalendar.ts';

/** A slice of the official 2026 calendar: National Day 10-01..10-07 off, 09-28 and 10-10 make-up Saturdays/Sundays. */
const calendar = createWorkingCalendar({
  firstDate: '2026-09-01',
  lastDate: '2026-12-31',
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpDays: ['2026-09-20', '2026-10-10'],
});
const beijing = 480;

describe('working-day deadlines', () => {
  it('do not count the day of receipt, whatever the hour', () => {
    // Monday 2026-11-23, 08:00 and 23:00 Beijing time: 5 working days end Monday 11-30.
    expect(dueAfterWorkingDays('2026-11-23T00:00:00Z', 5, calendar, beijing)).toBe('2026-11-30T15:59:59.999Z');
    expect(dueAfterWorkingDays('2026-11-23T15:00:00Z', 5, calendar, beijing)).toBe('2026-11-30T15:59:59.999Z');
  });

  it('use the desk date, not the UTC date', () => {
    // 2026-11-22T17:00Z is Monday 01:00 in Beijing.
    expect(dueAfterWorkingDays('2026-11-22T17:00:00Z', 1, calendar, beijing)).toBe('2026-11-24T15:59:59.999Z');
  });

  it('skip public holidays and count make-up working days', () => {
    // Received Tuesday 09-29: 09-30 (1), holidays 10-01..07, 10-08 (2), 10-09 (3), Saturday 10-10 is a make-up day (4).
    expect(dueAfterWorkingDays('2026-09-29T02:00:00Z', 4, calendar, beijing)).toBe('2026-10-10T15:59:59.999Z');
  });

  it('refuse dates beyond the calendar data instead of guessing', () => {
    expect(() => dueAfterWorkingDays('2026-12-30T02:00:00Z', 5, calendar, beijing)).toThrow(CalendarRangeError);
  });

  it('count clock hours from the receipt', () => {
    const d = computeDeadlines(
      '2026-11-23T02:00:00Z',
      {
        acknowledge: { unit: 'hours', amount: 12 },
        feedback: { unit: 'workingDays', amount: 1 },
        resolve: { unit: 'workingDays', amount: 2 },
      },
      calendar,
      beijing,
    );
    expect(d).toEqual({
      acknowledge: '2026-11-23T14:00:00.000Z',
      feedback: '2026-11-24T15:59:59.999Z',
      resolve: '2026-11-25T15:59:59.999Z',
    });
  });
});
