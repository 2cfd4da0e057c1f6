import { describe, expect, it } from 'vitest';
import {
  computeDeadlines,
  type DeskTime,
  dueAfterWorkingDays,
  dueAfterWorkingMinutes,
  workingMinutesBetween,
} from '../deadlines/deadline.ts';
import { addCalendarDays, CalendarRangeError, createWorkingCalendar } from '../deadlines/workingCalendar.ts';
import { defaultWorkingHours } from '../deadlines/workingHours.ts';

/**
 * The official arrangements, copied by hand from the State Council's notices
 * (国办发明电〔2024〕12号 for 2025, 国办发明电〔2025〕7号 for 2026), NOT from the data the
 * calendar is built on: [first, last] rest-day ranges, and the make-up working days.
 */
const official = {
  2025: {
    rest: [
      ['2025-01-01', '2025-01-01'], // 元旦
      ['2025-01-28', '2025-02-04'], // 春节
      ['2025-04-04', '2025-04-06'], // 清明节
      ['2025-05-01', '2025-05-05'], // 劳动节
      ['2025-05-31', '2025-06-02'], // 端午节
      ['2025-10-01', '2025-10-08'], // 国庆节、中秋节
    ],
    makeUp: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    rest: [
      ['2026-01-01', '2026-01-03'], // 元旦
      ['2026-02-15', '2026-02-23'], // 春节
      ['2026-04-04', '2026-04-06'], // 清明节
      ['2026-05-01', '2026-05-05'], // 劳动节
      ['2026-06-19', '2026-06-21'], // 端午节
      ['2026-09-25', '2026-09-27'], // 中秋节
      ['2026-10-01', '2026-10-07'], // 国庆节
    ],
    makeUp: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
} as const;

function expand([first, last]: readonly [string, string]): string[] {
  const days: string[] = [];
  for (let d = first; d <= last; d = addCalendarDays(d, 1)) days.push(d);
  return days;
}
const officialRest = new Set(Object.values(official).flatMap((y) => y.rest.flatMap((r) => expand(r))));
const officialMakeUp = new Set<string>(Object.values(official).flatMap((y) => y.makeUp));

/** The naive reference: a day works if it is a make-up day, or a Monday-Friday that is not a rest day. */
function referenceWorks(date: string): boolean {
  if (officialMakeUp.has(date)) return true;
  if (officialRest.has(date)) return false;
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd >= 1 && wd <= 5;
}

// The calendar under test is fed the same official lists, plus 2024's New Year holiday so that
// receipts on the last days of 2024 can be counted.
const calendar = createWorkingCalendar({
  coveredYears: [2024, 2025, 2026],
  holidays: [...officialRest],
  makeUpDays: [...officialMakeUp],
});
const time: DeskTime = { calendar, utcOffsetMinutes: 480, workingHours: defaultWorkingHours };

/** A local Beijing date-time as a UTC instant. */
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();
const endOf = (date: string) => bj(`${date}T23:59:59.999`);

describe('the working-day calendar on every official day of 2025 and 2026', () => {
  it('knows every public holiday as a rest day', () => {
    expect(officialRest.size).toBe(1 + 8 + 3 + 5 + 3 + 8 + (3 + 9 + 3 + 5 + 3 + 3 + 7));
    for (const d of officialRest) expect([d, calendar.isWorkingDay(d)]).toEqual([d, false]);
  });

  it('knows every make-up day as a working day, though it falls on a weekend', () => {
    for (const d of officialMakeUp) {
      expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
      expect([d, calendar.isWorkingDay(d)]).toEqual([d, true]);
    }
  });

  it('agrees with the reference on every day of both years', () => {
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1))
      expect([d, calendar.isWorkingDay(d)]).toEqual([d, referenceWorks(d)]);
  });
});

describe('"within N working days of receipt" around each holiday (hand-checked against the notices)', () => {
  const cases: [received: string, n: number, due: string][] = [
    // 2025
    ['2024-12-31T10:00', 1, '2025-01-02'], // New Year's Day Wed 01-01 skipped
    ['2025-01-24T10:00', 1, '2025-01-26'], // Sunday 01-26 is a make-up day
    ['2025-01-24T10:00', 2, '2025-01-27'],
    ['2025-01-24T10:00', 3, '2025-02-05'], // Spring Festival 01-28..02-04
    ['2025-01-27T16:00', 1, '2025-02-05'],
    ['2025-02-05T09:00', 3, '2025-02-08'], // Saturday 02-08 make-up
    ['2025-04-03T10:00', 1, '2025-04-07'], // Qingming 04-04..06
    ['2025-04-25T10:00', 1, '2025-04-27'], // Sunday 04-27 make-up
    ['2025-04-30T10:00', 1, '2025-05-06'], // Labour Day 05-01..05
    ['2025-05-30T10:00', 1, '2025-06-03'], // Dragon Boat 05-31..06-02
    ['2025-09-26T10:00', 1, '2025-09-28'], // Sunday 09-28 make-up
    ['2025-09-26T10:00', 4, '2025-10-09'], // National Day and Mid-autumn 10-01..08
    ['2025-10-09T10:00', 2, '2025-10-11'], // Saturday 10-11 make-up
    ['2025-10-03T10:00', 1, '2025-10-09'], // received on a holiday: counting starts after the holiday
    // 2026
    ['2025-12-31T10:00', 1, '2026-01-04'], // New Year 01-01..03, Sunday 01-04 make-up
    ['2025-12-31T10:00', 2, '2026-01-05'],
    ['2026-02-13T10:00', 1, '2026-02-14'], // Saturday 02-14 make-up
    ['2026-02-13T10:00', 2, '2026-02-24'], // Spring Festival 02-15..23
    ['2026-02-13T10:00', 5, '2026-02-27'],
    ['2026-02-13T10:00', 6, '2026-02-28'], // Saturday 02-28 make-up
    ['2026-04-03T10:00', 1, '2026-04-07'], // Qingming 04-04..06
    ['2026-04-30T10:00', 1, '2026-05-06'], // Labour Day 05-01..05
    ['2026-04-30T10:00', 4, '2026-05-09'], // Saturday 05-09 make-up
    ['2026-06-18T10:00', 1, '2026-06-22'], // Dragon Boat 06-19..21
    ['2026-09-18T10:00', 1, '2026-09-20'], // Sunday 09-20 make-up
    ['2026-09-24T10:00', 1, '2026-09-28'], // Mid-autumn 09-25..27
    ['2026-09-24T10:00', 5, '2026-10-09'], // National Day 10-01..07
    ['2026-09-24T10:00', 6, '2026-10-10'], // Saturday 10-10 make-up
    ['2026-10-04T10:00', 1, '2026-10-08'], // received during National Day
  ];
  it.each(cases)('received %s, %i working day(s): due end of %s', (received, n, due) => {
    expect(dueAfterWorkingDays(bj(received), n, time)).toEqual({ at: endOf(due), provisional: false });
  });

  it('do not count the day of receipt, whatever the hour: 00:01, 08:00, 20:00 and 23:59 give the same deadline', () => {
    for (const hour of ['00:01', '08:00', '20:00', '23:59']) {
      expect(dueAfterWorkingDays(bj(`2026-11-23T${hour}`), 5, time).at).toBe(endOf('2026-11-30'));
    }
  });

  it('use the desk date, not the UTC date', () => {
    // 2026-11-22T17:00Z is Monday 01:00 in Beijing: day 0 is Monday.
    expect(dueAfterWorkingDays('2026-11-22T17:00:00Z', 1, time).at).toBe(endOf('2026-11-24'));
  });
});

describe('every holiday and make-up day of 2025 and 2026 as the day of receipt, against the reference', () => {
  function referenceDueDays(receivedDate: string, n: number): string {
    let d = receivedDate;
    for (let counted = 0; counted < n; ) {
      d = addCalendarDays(d, 1);
      if (referenceWorks(d)) counted++;
    }
    return d;
  }
  /** Brute force: step minute by minute through opening hours on reference working days. */
  function referenceDueHours(received: string, hours: number): string {
    let t = Date.parse(received);
    let left = hours * 60;
    while (left > 0) {
      const local = new Date(t + 480 * 60_000);
      const date = local.toISOString().slice(0, 10);
      const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
      const open = (minute >= 510 && minute < 720) || (minute >= 810 && minute < 1050);
      if (!referenceWorks(date) || minute >= 1050) {
        t += (1440 - minute) * 60_000 - local.getUTCSeconds() * 1000; // to the next local midnight
        continue;
      }
      if (referenceWorks(date) && open) left--;
      t += 60_000;
    }
    return new Date(t).toISOString();
  }
  const special = [...officialRest, ...officialMakeUp].sort();
  // Each special day, and the working day just before it, at an opening-hours time and after hours.
  const receipts = [...new Set(special.flatMap((d) => [d, addCalendarDays(d, -1)]))];

  it('in working days (1, 3, 5, 10 and 15)', () => {
    for (const date of receipts) {
      for (const n of [1, 3, 5, 10, 15]) {
        for (const at of ['09:15', '18:45']) {
          expect([date, at, n, dueAfterWorkingDays(bj(`${date}T${at}`), n, time).at]).toEqual([
            date,
            at,
            n,
            endOf(referenceDueDays(date, n)),
          ]);
        }
      }
    }
  });

  it('in working hours (1, 4, 8 and 12), lunch and evenings excluded', () => {
    for (const date of receipts) {
      for (const h of [1, 4, 8, 12]) {
        for (const at of ['09:15', '12:30', '17:00', '20:00']) {
          const received = bj(`${date}T${at}`);
          expect([date, at, h, dueAfterWorkingMinutes(received, h * 60, time).at]).toEqual([date, at, h, referenceDueHours(received, h)]);
        }
      }
    }
  });
});

describe('working hours (08:30-12:00, 13:30-17:30)', () => {
  it('start at receipt inside opening hours and skip lunch', () => {
    expect(dueAfterWorkingMinutes(bj('2025-06-03T12:30'), 60, time).at).toBe(bj('2025-06-03T14:30'));
    expect(dueAfterWorkingMinutes(bj('2025-06-03T11:00'), 120, time).at).toBe(bj('2025-06-03T14:30'));
  });
  it('carry over evenings, holidays and onto make-up days', () => {
    // Friday before Spring Festival 2026, 16:00: 1.5 h that day, 2.5 h on make-up Saturday 02-14.
    expect(dueAfterWorkingMinutes(bj('2026-02-13T16:00'), 240, time).at).toBe(bj('2026-02-14T11:00'));
    // 09-30 17:00: half an hour, then the whole of 10-08: due exactly at closing time.
    expect(dueAfterWorkingMinutes(bj('2026-09-30T17:00'), 480, time).at).toBe(bj('2026-10-08T17:30'));
    // Received on a holiday: the clock starts at the next opening.
    expect(dueAfterWorkingMinutes(bj('2025-10-03T10:00'), 60, time).at).toBe(bj('2025-10-09T09:30'));
  });
  it('measure working minutes between two instants', () => {
    expect(workingMinutesBetween(bj('2026-02-13T16:00'), bj('2026-02-14T11:00'), time)).toBe(240);
    expect(workingMinutesBetween(bj('2026-10-01T09:00'), bj('2026-10-07T18:00'), time)).toBe(0);
  });
});

describe('at the edge of the calendar data', () => {
  const edge: DeskTime = {
    ...time,
    calendar: createWorkingCalendar({ coveredYears: [2025, 2026], holidays: [...officialRest], makeUpDays: [...officialMakeUp] }),
  };

  it('refuses to say whether a day beyond the data works', () => {
    expect(() => edge.calendar.isWorkingDay('2027-01-04')).toThrow(CalendarRangeError);
    expect(() => edge.calendar.isWorkingDay('2024-12-31')).toThrow(CalendarRangeError);
    expect(edge.calendar.lastDate).toBe('2026-12-31');
  });

  it('gives firm deadlines up to the last covered day', () => {
    expect(dueAfterWorkingDays(bj('2026-12-30T10:00'), 1, edge)).toEqual({ at: endOf('2026-12-31'), provisional: false });
    expect(dueAfterWorkingMinutes(bj('2026-12-31T08:30'), 7.5 * 60, edge)).toEqual({ at: bj('2026-12-31T17:30'), provisional: false });
  });

  it('flags a deadline that needs days beyond the data as provisional, counted Monday to Friday', () => {
    // 12-31 (1), then 2027: Fri 01-01 (2), Mon 01-04 (3), Tue 01-05 (4), Wed 01-06 (5), all assumed.
    expect(dueAfterWorkingDays(bj('2026-12-30T10:00'), 5, edge)).toEqual({ at: endOf('2027-01-06'), provisional: true });
    expect(dueAfterWorkingMinutes(bj('2026-12-31T17:00'), 60, edge)).toEqual({ at: bj('2027-01-01T09:00'), provisional: true });
    const d = computeDeadlines(
      bj('2026-12-28T10:00'),
      {
        acknowledge: { unit: 'hours', amount: 12 },
        feedback: { unit: 'workingDays', amount: 2 },
        resolve: { unit: 'workingDays', amount: 5 },
      },
      edge,
    );
    expect(d).toEqual({
      acknowledge: bj('2026-12-28T22:00'),
      feedback: endOf('2026-12-30'),
      resolve: endOf('2027-01-04'),
      provisional: true,
    });
  });

  it('honours a local closure or extra working day even beyond the data', () => {
    const local: DeskTime = {
      ...edge,
      calendar: createWorkingCalendar({
        coveredYears: [2025, 2026],
        holidays: [...officialRest],
        makeUpDays: [...officialMakeUp],
        closures: ['2026-12-31'],
        extraWorkingDays: ['2026-10-03'],
      }),
    };
    expect(local.calendar.isWorkingDay('2026-12-31')).toBe(false);
    expect(local.calendar.isWorkingDay('2026-10-03')).toBe(true);
    expect(dueAfterWorkingDays(bj('2026-10-02T10:00'), 1, local).at).toBe(endOf('2026-10-03'));
  });

  it('treats a gap in the covered years as the end of the data', () => {
    const gap = createWorkingCalendar({ coveredYears: [2025, 2027], holidays: [], makeUpDays: [] });
    expect(gap.lastDate).toBe('2025-12-31');
    expect(() => gap.isWorkingDay('2026-03-02')).toThrow(CalendarRangeError);
    expect(gap.isWorkingDay('2027-03-01')).toBe(true);
  });
});
