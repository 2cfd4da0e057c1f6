import type { Deadlines } from '../cases/events.ts';
import {
  addCalendarDays,
  CalendarRangeError,
  endOfLocalDay,
  instantOf,
  localDateOf,
  localMinuteOf,
  type WorkingCalendar,
} from './workingCalendar.ts';
import type { WorkingHours } from './workingHours.ts';

export const clockNames = ['acknowledge', 'feedback', 'resolve'] as const;
export type ClockName = (typeof clockNames)[number];

export const clockUnits = ['workingDays', 'workingHours', 'hours'] as const;
export type ClockUnit = (typeof clockUnits)[number];

export interface DeadlineClock {
  /**
   * `workingDays`: the end of the N-th working day after the day of receipt;
   * `workingHours`: N hours of the desk's opening hours on working days;
   * `hours`: N hours on the wall clock, nights and holidays included (safety matters).
   */
  unit: ClockUnit;
  amount: number;
  /** The amount instead, when two or more departments handle the case together. */
  severalDepartments?: number | undefined;
}

export interface DeadlinePolicy {
  acknowledge: DeadlineClock;
  feedback: DeadlineClock;
  resolve: DeadlineClock;
}

/** What the calculator needs to know about the desk. */
export interface DeskTime {
  calendar: WorkingCalendar;
  utcOffsetMinutes: number;
  workingHours: WorkingHours;
}

/** A computed instant, and whether it relied on days beyond the official calendar data. */
export interface Due {
  at: string;
  provisional: boolean;
}

/** Never loop forever on a calendar without working days: ten years is beyond any clock. */
const maxDaysScanned = 3660;

/**
 * Whether `date` is a working day; beyond the official data the day is judged Monday to
 * Friday (plus the desk's own closures and extra days) and the result marked provisional.
 */
function workingDay(date: string, time: DeskTime, flag: { provisional: boolean }): boolean {
  try {
    return time.calendar.isWorkingDay(date);
  } catch (e) {
    if (!(e instanceof CalendarRangeError)) throw e;
    flag.provisional = true;
    return time.calendar.isWorkingDayAssumingNoHolidays(date);
  }
}

/** The N-th working day after a date, and whether it relied on days beyond the official data. */
interface NthDay {
  day: string;
  provisional: boolean;
}

/**
 * The days counted before, per calendar: a desk registers its cases on a handful of dates and
 * counts the same few clocks from each, and counting day by day was most of a deadline's cost. A
 * calendar never changes (a new one is made when the data does), so what it counted stays true.
 */
const countedDays = new WeakMap<WorkingCalendar, Map<string, NthDay>>();
const countedDaysKept = 4096;

function nthWorkingDayAfter(date: string, workingDays: number, time: DeskTime): NthDay {
  let counted = countedDays.get(time.calendar);
  if (!counted) {
    counted = new Map();
    countedDays.set(time.calendar, counted);
  }
  const key = `${date} ${workingDays}`;
  const known = counted.get(key);
  if (known) return known;
  const flag = { provisional: false };
  let day = date;
  let n = 0;
  for (let scanned = 0; n < workingDays; scanned++) {
    if (scanned > maxDaysScanned) throw new Error('no working day within ten years');
    day = addCalendarDays(day, 1);
    if (workingDay(day, time, flag)) n++;
  }
  if (counted.size >= countedDaysKept) counted.clear();
  const found = { day, provisional: flag.provisional };
  counted.set(key, found);
  return found;
}

/** The end of the N-th working day after `date` (a local date, itself not counted). */
function endOfNthWorkingDayAfter(date: string, workingDays: number, time: DeskTime): Due {
  const { day, provisional } = nthWorkingDayAfter(date, workingDays, time);
  return { at: endOfLocalDay(day, time.utcOffsetMinutes), provisional };
}

/**
 * THE RULE for "within N working days of receipt" (投诉受理之日起N个工作日内), followed by every
 * clock counted in working days and written in docs/user-manual.md:
 * - the day of receipt is day 0 and is never counted, whatever the hour and whatever kind of
 *   day it is (a working day, a weekend, a public holiday, after closing time);
 * - counting starts with the next working day of the desk's calendar (official holidays and
 *   make-up working days, then the desk's own closures and extra working days);
 * - the deadline is the end (23:59:59) of the N-th working day, desk time.
 * So a complaint received on Saturday, on a holiday, or on Friday at 20:00 has the same
 * deadline as one received on Friday at 09:00.
 */
export function dueAfterWorkingDays(receivedAt: string, workingDays: number, time: DeskTime): Due {
  return endOfNthWorkingDayAfter(localDateOf(receivedAt, time.utcOffsetMinutes), workingDays, time);
}

/**
 * N working hours from `from`: only the desk's opening hours on working days count. A receipt
 * inside opening hours starts the clock at once; a receipt outside them (lunch, evening, a rest
 * day) starts it at the next opening. A deadline that falls exactly on a closing time is that
 * closing time, not the next opening.
 */
export function dueAfterWorkingMinutes(from: string, minutes: number, time: DeskTime): Due {
  const flag = { provisional: false };
  let day = localDateOf(from, time.utcOffsetMinutes);
  let minute = localMinuteOf(from, time.utcOffsetMinutes);
  let remaining = minutes;
  for (let scanned = 0; scanned <= maxDaysScanned; scanned++) {
    if (workingDay(day, time, flag)) {
      for (const period of time.workingHours) {
        const start = Math.max(period.start, minute);
        if (start >= period.end) continue;
        const available = period.end - start;
        if (remaining <= available) return { at: instantOf(day, start + remaining, time.utcOffsetMinutes), provisional: flag.provisional };
        remaining -= available;
      }
    }
    day = addCalendarDays(day, 1);
    minute = 0;
  }
  throw new Error('no working hours within ten years');
}

/** Working minutes (opening hours on working days) between two instants. */
export function workingMinutesBetween(from: string, to: string, time: DeskTime): number {
  if (Date.parse(to) <= Date.parse(from)) return 0;
  const flag = { provisional: false };
  const endDay = localDateOf(to, time.utcOffsetMinutes);
  const endMinute = localMinuteOf(to, time.utcOffsetMinutes);
  let day = localDateOf(from, time.utcOffsetMinutes);
  let minute = localMinuteOf(from, time.utcOffsetMinutes);
  let total = 0;
  while (day <= endDay) {
    if (workingDay(day, time, flag)) {
      for (const period of time.workingHours) {
        const start = Math.max(period.start, minute);
        const end = day === endDay ? Math.min(period.end, endMinute) : period.end;
        if (end > start) total += end - start;
      }
    }
    day = addCalendarDays(day, 1);
    minute = 0;
  }
  return total;
}

/** Working days d with `fromDate` <= d < `toDate` (local dates). */
export function workingDaysBetween(fromDate: string, toDate: string, time: DeskTime): number {
  const flag = { provisional: false };
  let count = 0;
  for (let day = fromDate; day < toDate; day = addCalendarDays(day, 1)) if (workingDay(day, time, flag)) count++;
  return count;
}

function amountFor(clock: DeadlineClock, departmentCount: number): number {
  return departmentCount >= 2 && clock.severalDepartments ? clock.severalDepartments : clock.amount;
}

export function dueOfClock(receivedAt: string, clock: DeadlineClock, time: DeskTime, departmentCount = 1): Due {
  const amount = amountFor(clock, departmentCount);
  switch (clock.unit) {
    case 'hours':
      return { at: new Date(Date.parse(receivedAt) + amount * 3_600_000).toISOString(), provisional: false };
    case 'workingHours':
      return dueAfterWorkingMinutes(receivedAt, amount * 60, time);
    case 'workingDays':
      return dueAfterWorkingDays(receivedAt, amount, time);
  }
}

function deadlinesOf(dues: Record<ClockName, Due>): Deadlines {
  const deadlines: Deadlines = { acknowledge: dues.acknowledge.at, feedback: dues.feedback.at, resolve: dues.resolve.at };
  if (clockNames.some((c) => dues[c].provisional)) deadlines.provisional = true;
  return deadlines;
}

/** The three deadlines of a case from its receipt, its policy and how many departments handle it. */
export function computeDeadlines(receivedAt: string, policy: DeadlinePolicy, time: DeskTime, departmentCount = 1): Deadlines {
  return deadlinesOf({
    acknowledge: dueOfClock(receivedAt, policy.acknowledge, time, departmentCount),
    feedback: dueOfClock(receivedAt, policy.feedback, time, departmentCount),
    resolve: dueOfClock(receivedAt, policy.resolve, time, departmentCount),
  });
}

/**
 * An extension of N working days: the feedback and resolve deadlines move to the end of the
 * N-th working day after the day they fell on (the acknowledgement is long past by then).
 */
export function extendDeadlines(deadlines: Deadlines, workingDays: number, time: DeskTime): Deadlines {
  const moved = (at: string) => endOfNthWorkingDayAfter(localDateOf(at, time.utcOffsetMinutes), workingDays, time);
  const extended = deadlinesOf({
    acknowledge: { at: deadlines.acknowledge, provisional: false },
    feedback: moved(deadlines.feedback),
    resolve: moved(deadlines.resolve),
  });
  if (deadlines.provisional) extended.provisional = true;
  return extended;
}

/**
 * A pause from `pausedAt` to `resumedAt` stops the clocks still running at `pausedAt`:
 * - working-day clocks move by the working days from the day of pausing up to the day before
 *   resuming (pausing and resuming on the same day moves nothing);
 * - working-hour clocks move by the opening hours that passed during the pause;
 * - wall-clock hours move by the time the pause lasted.
 * Deadlines already passed, or of clocks already met, stay where they were.
 */
export function shiftForPause(
  deadlines: Deadlines,
  policy: DeadlinePolicy,
  pause: { pausedAt: string; resumedAt: string },
  running: readonly ClockName[],
  time: DeskTime,
): Deadlines {
  const pausedMs = Date.parse(pause.pausedAt);
  const lostDays = workingDaysBetween(
    localDateOf(pause.pausedAt, time.utcOffsetMinutes),
    localDateOf(pause.resumedAt, time.utcOffsetMinutes),
    time,
  );
  const lostMinutes = workingMinutesBetween(pause.pausedAt, pause.resumedAt, time);
  const lostMs = Math.max(0, Date.parse(pause.resumedAt) - pausedMs);
  const shift = (clock: ClockName): Due => {
    const at = deadlines[clock];
    if (!running.includes(clock) || Date.parse(at) <= pausedMs) return { at, provisional: false };
    switch (policy[clock].unit) {
      case 'hours':
        return { at: new Date(Date.parse(at) + lostMs).toISOString(), provisional: false };
      case 'workingHours':
        return lostMinutes === 0 ? { at, provisional: false } : dueAfterWorkingMinutes(at, lostMinutes, time);
      case 'workingDays':
        return lostDays === 0
          ? { at, provisional: false }
          : endOfNthWorkingDayAfter(localDateOf(at, time.utcOffsetMinutes), lostDays, time);
    }
  };
  const shifted = deadlinesOf({ acknowledge: shift('acknowledge'), feedback: shift('feedback'), resolve: shift('resolve') });
  if (deadlines.provisional) shifted.provisional = true;
  return shifted;
}
