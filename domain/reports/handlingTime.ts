import { type DeskTime, workingDaysBetween } from '../deadlines/deadline.ts';
import { addCalendarDays, localDateOf } from '../deadlines/workingCalendar.ts';

/**
 * Handling time in working days, counted the way deadlines are (user manual, "Deadlines"): the
 * day of receipt is day 0; each working day after it, up to and including the day of closing,
 * counts one. A case closed on the day it came in took 0 working days. Beyond the calendar data
 * days are judged Monday to Friday, as the deadline calculator does.
 */
export function handlingWorkingDays(receivedAt: string, closedAt: string, time: Pick<DeskTime, 'calendar' | 'utcOffsetMinutes'>): number {
  const received = localDateOf(receivedAt, time.utcOffsetMinutes);
  const closed = localDateOf(closedAt, time.utcOffsetMinutes);
  if (closed <= received) return 0;
  return workingDaysBetween(addCalendarDays(received, 1), addCalendarDays(closed, 1), { ...time, workingHours: [] });
}
