import type { Deadlines } from '../cases/events.ts';
import { addCalendarDays, endOfLocalDay, localDateOf, type WorkingCalendar } from './workingCalendar.ts';

export interface DeadlineClock {
  unit: 'workingDays' | 'hours';
  amount: number;
}

export interface DeadlinePolicy {
  acknowledge: DeadlineClock;
  feedback: DeadlineClock;
  resolve: DeadlineClock;
}

/**
 * "Within N working days of receipt": the day of receipt is day 0 and is not counted,
 * whatever the hour; counting starts on the next working day, so a complaint received on a
 * holiday or a weekend has the same deadline as one received on the holiday's last working
 * day before it. The deadline is the end of the N-th working day, in the desk's local time.
 */
export function dueAfterWorkingDays(receivedAt: string, workingDays: number, calendar: WorkingCalendar, utcOffsetMinutes: number): string {
  let date = localDateOf(receivedAt, utcOffsetMinutes);
  let counted = 0;
  while (counted < workingDays) {
    date = addCalendarDays(date, 1);
    if (calendar.isWorkingDay(date)) counted++;
  }
  return endOfLocalDay(date, utcOffsetMinutes);
}

function due(receivedAt: string, clock: DeadlineClock, calendar: WorkingCalendar, utcOffsetMinutes: number) {
  if (clock.unit === 'hours') return new Date(Date.parse(receivedAt) + clock.amount * 3_600_000).toISOString();
  return dueAfterWorkingDays(receivedAt, clock.amount, calendar, utcOffsetMinutes);
}

export function computeDeadlines(
  receivedAt: string,
  policy: DeadlinePolicy,
  calendar: WorkingCalendar,
  utcOffsetMinutes: number,
): Deadlines {
  return {
    acknowledge: due(receivedAt, policy.acknowledge, calendar, utcOffsetMinutes),
    feedback: due(receivedAt, policy.feedback, calendar, utcOffsetMinutes),
    resolve: due(receivedAt, policy.resolve, calendar, utcOffsetMinutes),
  };
}
