import { readCalendar, writeLocalDay, writeOfficialYear } from '../../db/queries/calendar.ts';
import { groupOwnedKeys } from '../../db/queries/referenceSync.ts';
import { parseCalendarFile } from '../../domain/deadlines/calendarImport.ts';
import { holidayKeyOf } from '../../domain/deadlines/holidayNames.ts';
import { localDateOf } from '../../domain/deadlines/workingCalendar.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { reloadCalendar } from '../deadlines/deskTime.ts';
import { recomputeProvisionalDeadlines } from '../deadlines/sweep.ts';
import type { DeskContext } from '../deskContext.ts';
import { invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { loadSettings } from '../settings.ts';
import { refuseGroupYears } from '../sync/groupRecords.ts';
import { translatorFor } from '../translate.ts';

type CalendarHandlers = Pick<Handlers, 'calendar.get' | 'calendar.import' | 'calendar.setLocalDay'>;

/** The working calendar: official years (bundled or imported) and the desk's own closures and extra days. */
export function calendarHandlers(ctx: DeskContext): CalendarHandlers {
  const { db } = ctx.store;
  return {
    'calendar.get': async (input, call) => {
      const t = translatorFor(call.locale, 'deadlines');
      // An official holiday in the reader's language; a name of the desk's own is kept as imported.
      const nameOf = (name: string | null) => {
        const key = holidayKeyOf(name);
        return key ? t(`holidayNames.${key}`) : name;
      };
      const [{ years, days, local }, group] = await Promise.all([readCalendar(db), groupOwnedKeys(db, 'calendarYear')]);
      const { utcOffsetMinutes } = await loadSettings(db);
      const year = input.year ?? Number(localDateOf(ctx.now(), utcOffsetMinutes).slice(0, 4));
      const inYear = days.filter((d) => d.date.startsWith(`${year}-`));
      return {
        years: years.map((y) => ({ year: y.year, source: y.source, importedAt: y.imported_at, group: group.has(String(y.year)) })),
        lastDate: ctx.calendar.lastDate,
        year,
        holidays: inYear.filter((d) => d.kind === 'holiday').map((d) => ({ date: d.date, name: nameOf(d.name) })),
        makeUpDays: inYear.filter((d) => d.kind === 'makeUpDay').map((d) => ({ date: d.date, name: nameOf(d.name) })),
        localDays: local.map((d) => ({ date: d.date, kind: d.kind, note: d.note })),
      };
    },

    'calendar.import': async (input, call) => {
      const parsed = parseCalendarFile(input.content);
      if (!parsed.ok) {
        const { key, ...values } = parsed.problem;
        throw invalidField('content', `deadlines:import.${key}`, values as Record<string, string | number>);
      }
      await refuseGroupYears(
        db,
        parsed.years.map((y) => y.year),
      );
      const at = ctx.now().toISOString();
      const before = new Set((await readCalendar(db)).years.map((y) => y.year));
      await db.transaction().execute(async (trx) => {
        for (const year of parsed.years) await writeOfficialYear(trx, year, { kind: 'imported', at, by: call.session.user.id });
        await recordAudit(ctx, trx, {
          at,
          actorId: call.session.user.id,
          action: 'calendar.import',
          detail: { years: parsed.years.map((y) => y.year) },
        });
      });
      await reloadCalendar(ctx);
      const recomputedCases = await recomputeProvisionalDeadlines(ctx);
      return {
        years: parsed.years.map((y) => ({
          year: y.year,
          holidays: y.holidays.length,
          makeUpDays: y.makeUpDays.length,
          replaced: before.has(y.year),
        })),
        recomputedCases,
      };
    },

    'calendar.setLocalDay': async (input, call) => {
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await writeLocalDay(trx, {
          date: input.date,
          kind: input.kind === 'none' ? null : input.kind,
          note: input.note ?? null,
          at,
          by: call.session.user.id,
        });
        await recordAudit(ctx, trx, {
          at,
          actorId: call.session.user.id,
          action: 'calendar.setLocalDay',
          target: input.date,
          detail: input,
        });
      });
      await reloadCalendar(ctx);
      return {};
    },
  };
}
