import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { type ImportedYear, parseCalendarFile } from '../../domain/deadlines/calendarImport.ts';
import type { CalendarData } from '../../domain/deadlines/workingCalendar.ts';

/**
 * Mainland public holidays and make-up working days from the maintained `chinese-days`
 * package (complete through the last year it lists), by year: the seed of the calendar table.
 */
export function bundledCalendarYears(): ImportedYear[] {
  const parsed = parseCalendarFile(JSON.stringify({ holidays: chineseDays.holidays, workdays: chineseDays.workdays }));
  if (!parsed.ok) throw new Error(`the bundled calendar data is unreadable: ${parsed.problem.key}`);
  return parsed.years;
}

/** The bundled data as a calendar on its own (tools that run without a store, e.g. the benchmark). */
export function bundledCalendarData(): CalendarData {
  const years = bundledCalendarYears();
  return {
    coveredYears: years.map((y) => y.year),
    holidays: years.flatMap((y) => y.holidays.map((d) => d.date)),
    makeUpDays: years.flatMap((y) => y.makeUpDays.map((d) => d.date)),
  };
}
