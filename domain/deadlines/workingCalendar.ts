/**
 * The working-day calendar of mainland China: weekends are rest days except make-up working
 * days (调休上班日), and public holidays are rest days. On top of the official data a desk adds
 * its own closures (rest days) and extra working days. Dates are local calendar dates
 * (`YYYY-MM-DD`) of the desk.
 *
 * The official data covers whole years (`coveredYears`); the State Council publishes the next
 * year each November and an administrator imports it. A date in a year that is not covered is
 * an error here, never silently treated as a plain weekday: the deadline calculator decides
 * what to do with it (deadline.ts: a provisional, clearly flagged date).
 */

export interface CalendarData {
  /** Years whose official holidays and make-up days are completely known. */
  coveredYears: readonly number[];
  /** Public-holiday days (official), including weekend days inside a holiday. */
  holidays: readonly string[];
  /** Weekend days that are official working days (调休上班日). */
  makeUpDays: readonly string[];
  /** The desk's own closures: rest days whatever the official calendar says. */
  closures?: readonly string[] | undefined;
  /** The desk's own extra working days: working days whatever the official calendar says. */
  extraWorkingDays?: readonly string[] | undefined;
}

export class CalendarRangeError extends Error {
  constructor(
    readonly date: string,
    readonly lastDate: string,
  ) {
    super(`the working-day calendar does not cover ${date} (data ends ${lastDate})`);
  }
}

export interface WorkingCalendar {
  /** Whether `date` is a working day; throws CalendarRangeError outside the covered years. */
  isWorkingDay(date: string): boolean;
  /** Whether the official data covers `date`'s year. */
  covers(date: string): boolean;
  /** The working-day rule without holiday data: local overrides, then Monday to Friday. */
  isWorkingDayAssumingNoHolidays(date: string): boolean;
  /** The last date of the last covered year of a continuous run from the first one. */
  readonly lastDate: string;
  readonly coveredYears: readonly number[];
}

export function isWeekday(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The last date covered without a gap from the first covered year; '' when none. */
function lastContinuousDate(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  let last = sorted[0] as number;
  for (const y of sorted) if (y === last + 1) last = y;
  return `${last}-12-31`;
}

export function createWorkingCalendar(data: CalendarData): WorkingCalendar {
  const holidays = new Set(data.holidays);
  const makeUpDays = new Set(data.makeUpDays);
  const closures = new Set(data.closures ?? []);
  const extra = new Set(data.extraWorkingDays ?? []);
  const years = new Set(data.coveredYears);
  const lastDate = lastContinuousDate(data.coveredYears);
  const covers = (date: string) => years.has(Number(date.slice(0, 4)));
  const local = (date: string): boolean | undefined => (closures.has(date) ? false : extra.has(date) ? true : undefined);
  return {
    lastDate,
    coveredYears: [...years].sort((a, b) => a - b),
    covers,
    isWorkingDayAssumingNoHolidays: (date) => local(date) ?? isWeekday(date),
    isWorkingDay(date) {
      const override = local(date);
      if (override !== undefined) return override;
      if (!covers(date)) throw new CalendarRangeError(date, lastDate);
      if (makeUpDays.has(date)) return true;
      if (holidays.has(date)) return false;
      return isWeekday(date);
    },
  };
}

/** The local date `days` after `date` (negative for before). */
export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The desk's local date of an instant; desks in mainland China, Hong Kong and Taiwan are UTC+8. */
export function localDateOf(instant: string | Date, utcOffsetMinutes: number): string {
  const ms = new Date(instant).getTime() + utcOffsetMinutes * 60_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Minutes since local midnight of an instant. */
export function localMinuteOf(instant: string | Date, utcOffsetMinutes: number): number {
  const ms = new Date(instant).getTime() + utcOffsetMinutes * 60_000;
  return Math.floor((((ms % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
}

/** The instant a local date and minute of the day stand for, as a UTC ISO timestamp. */
export function instantOf(date: string, minuteOfDay: number, utcOffsetMinutes: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + (minuteOfDay - utcOffsetMinutes) * 60_000).toISOString();
}

/** The last instant of a local date, as a UTC ISO timestamp. */
export function endOfLocalDay(date: string, utcOffsetMinutes: number): string {
  const ms = Date.parse(`${date}T23:59:59.999Z`) - utcOffsetMinutes * 60_000;
  return new Date(ms).toISOString();
}
