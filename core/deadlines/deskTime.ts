import type { Kysely } from 'kysely';
import { coveredYears, readCalendar, writeOfficialYear } from '../../db/queries/calendar.ts';
import type { Database } from '../../db/schema.ts';
import type { DeskTime } from '../../domain/deadlines/deadline.ts';
import { createWorkingCalendar, type WorkingCalendar } from '../../domain/deadlines/workingCalendar.ts';
import { parseClockTime, type WorkingPeriod } from '../../domain/deadlines/workingHours.ts';
import { bundledCalendarYears } from '../calendar/bundledCalendar.ts';
import type { DeskContext } from '../deskContext.ts';
import { type DeskSettings, loadSettings } from '../settings.ts';

export function periodsOf(workingHours: readonly string[]): WorkingPeriod[] {
  return workingHours.map((text) => {
    const [start, end] = text.split('-').map((t) => parseClockTime(t.trim()));
    return { start: start ?? 0, end: end ?? 0 };
  });
}

/** The calendar as stored: official years and days, and the desk's own closures and extra days. */
export async function loadWorkingCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  const { years, days, local } = await readCalendar(db);
  return createWorkingCalendar({
    coveredYears: years.map((y) => y.year),
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
    makeUpDays: days.filter((d) => d.kind === 'makeUpDay').map((d) => d.date),
    closures: local.filter((d) => d.kind === 'closure').map((d) => d.date),
    extraWorkingDays: local.filter((d) => d.kind === 'extraWorkingDay').map((d) => d.date),
  });
}

/**
 * Copies the years of the bundled `chinese-days` data the store does not have yet. A year an
 * administrator imported is never overwritten; a newer package brings its new years on the
 * next start.
 */
export async function seedBundledCalendar(db: Kysely<Database>, at: string): Promise<number[]> {
  const have = new Set(await coveredYears(db));
  const added: number[] = [];
  await db.transaction().execute(async (trx) => {
    for (const year of bundledCalendarYears()) {
      if (have.has(year.year)) continue;
      await writeOfficialYear(trx, year, { kind: 'bundled', at, by: null });
      added.push(year.year);
    }
  });
  return added;
}

/** After a change to the calendar tables: every later computation uses the new calendar. */
export async function reloadCalendar(ctx: DeskContext): Promise<void> {
  ctx.calendar = await loadWorkingCalendar(ctx.store.db);
}

export async function deskTimeOf(ctx: DeskContext, db: Kysely<Database> = ctx.store.db): Promise<DeskTime> {
  return deskTimeFrom(ctx, await loadSettings(db));
}

/** The desk's time from settings the caller read already. */
export function deskTimeFrom(ctx: DeskContext, settings: Pick<DeskSettings, 'utcOffsetMinutes' | 'workingHours'>): DeskTime {
  return { calendar: ctx.calendar, utcOffsetMinutes: settings.utcOffsetMinutes, workingHours: periodsOf(settings.workingHours) };
}
