/**
 * The working-day calendar of mainland China: weekends are rest days except make-up working
 * days (调休上班日), and public holidays are rest days. Dates are local calendar dates
 * (`YYYY-MM-DD`) of the desk; the data covers a known range, and a date outside it is an
 * error, never silently treated as a plain weekday.
 */

export interface CalendarData {
  /** First and last local dates the holiday data is known to be complete for. */
  firstDate: string;
  lastDate: string;
  /** Rest days that would otherwise be working days, and all public-holiday days. */
  holidays: readonly string[];
  /** Weekend days that are working days. */
  makeUpDays: readonly string[];
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
  isWorkingDay(date: string): boolean;
  readonly firstDate: string;
  readonly lastDate: string;
}

export function createWorkingCalendar(data: CalendarData): WorkingCalendar {
  const holidays = new Set(data.holidays);
  const makeUpDays = new Set(data.makeUpDays);
  return {
    firstDate: data.firstDate,
    lastDate: data.lastDate,
    isWorkingDay(date) {
      if (date < data.firstDate || date > data.lastDate) throw new CalendarRangeError(date, data.lastDate);
      if (makeUpDays.has(date)) return true;
      if (holidays.has(date)) return false;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
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

/** The last instant of a local date, as a UTC ISO timestamp. */
export function endOfLocalDay(date: string, utcOffsetMinutes: number): string {
  const ms = Date.parse(`${date}T23:59:59.999Z`) - utcOffsetMinutes * 60_000;
  return new Date(ms).toISOString();
}
