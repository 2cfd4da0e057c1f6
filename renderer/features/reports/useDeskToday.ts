import { useEffect, useState } from 'react';
import { addCalendarDays, localDateOf } from '../../../domain/deadlines/workingCalendar.ts';
import { startOfLocalDate } from '../../../domain/reports/periods.ts';
import { deskUtcOffsetMinutes } from './drillDown.ts';

const deskToday = () => localDateOf(new Date(), deskUtcOffsetMinutes);

/**
 * The desk's calendar date (UTC+8), kept current: a page left open across the desk's midnight
 * (16:00 UTC) moves "today", "this week" and "this month" on with it instead of showing
 * yesterday's figures under today's name. Checked again when the window regains focus, as
 * timers stall while the PC sleeps.
 */
export function useDeskToday(): string {
  const [today, setToday] = useState(deskToday);
  useEffect(() => {
    const recheck = () => setToday(deskToday());
    const midnight = Date.parse(startOfLocalDate(addCalendarDays(today, 1), deskUtcOffsetMinutes));
    const timer = setTimeout(recheck, Math.max(1_000, midnight - Date.now() + 1_000));
    window.addEventListener('focus', recheck);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('focus', recheck);
    };
  }, [today]);
  return today;
}
