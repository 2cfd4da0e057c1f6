import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { CalendarData } from '../../domain/deadlines/workingCalendar.ts';

/**
 * Mainland public holidays and make-up working days from the maintained `chinese-days`
 * package. Its data is complete through the last year it lists.
 */
export function bundledCalendarData(): CalendarData {
  const holidays = Object.keys(chineseDays.holidays).sort();
  const makeUpDays = Object.keys(chineseDays.workdays).sort();
  const years = [...holidays, ...makeUpDays].map((d) => d.slice(0, 4)).sort();
  return {
    firstDate: `${years[0]}-01-01`,
    lastDate: `${years.at(-1)}-12-31`,
    holidays,
    makeUpDays,
  };
}
