import { appendAudit } from '../../db/queries/audit.ts';
import { readCalendar, writeLocalDay, writeOfficialYear } from '../../db/queries/calendar.ts';
import { clocksReceivedBetween } from '../../db/queries/caseClocks.ts';
import { clearPolicies, readPolicies, writePolicy } from '../../db/queries/policies.ts';
import { writeSetting } from '../../db/queries/settings.ts';
import { recordTypes, severities } from '../../domain/cases/vocabulary.ts';
import { parseCalendarFile } from '../../domain/deadlines/calendarImport.ts';
import type { ClockName, DeadlinePolicy } from '../../domain/deadlines/deadline.ts';
import { onTimeRates } from '../../domain/deadlines/onTime.ts';
import { presetPolicy } from '../../domain/deadlines/presets.ts';
import { localDateOf } from '../../domain/deadlines/workingCalendar.ts';
import { workingHoursProblem } from '../../domain/deadlines/workingHours.ts';
import type { Session } from '../auth/sessions.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { loadSettings } from '../settings.ts';
import { deadlineSettingKeys, loadDeadlineSettings, periodsOf, reloadCalendar } from './deskTime.ts';
import { recomputeProvisionalDeadlines } from './sweep.ts';

type DeadlineHandlers = Pick<
  Handlers,
  | 'calendar.get'
  | 'calendar.import'
  | 'calendar.setLocalDay'
  | 'policies.list'
  | 'policies.update'
  | 'policies.reset'
  | 'deadlineSettings.get'
  | 'deadlineSettings.update'
  | 'reports.onTime'
>;

/** Calendar, policies and deadline settings change what every desk user is promised: administrators only. */
function requireAdmin(session: Session) {
  if (!session.user.roles.includes('admin')) throw new DeskError('forbidden', { key: 'forbidden' });
}

export function deadlineHandlers(ctx: DeskContext): DeadlineHandlers {
  const { db } = ctx.store;
  return {
    'calendar.get': async (input) => {
      const { years, days, local } = await readCalendar(db);
      const { utcOffsetMinutes } = await loadSettings(db);
      const year = input.year ?? Number(localDateOf(ctx.now(), utcOffsetMinutes).slice(0, 4));
      const inYear = days.filter((d) => d.date.startsWith(`${year}-`));
      return {
        years: years.map((y) => ({ year: y.year, source: y.source, importedAt: y.imported_at })),
        lastDate: ctx.calendar.lastDate,
        year,
        holidays: inYear.filter((d) => d.kind === 'holiday').map((d) => ({ date: d.date, name: d.name })),
        makeUpDays: inYear.filter((d) => d.kind === 'makeUpDay').map((d) => ({ date: d.date, name: d.name })),
        localDays: local.map((d) => ({ date: d.date, kind: d.kind, note: d.note })),
      };
    },

    'calendar.import': async (input, call) => {
      requireAdmin(call.session);
      const parsed = parseCalendarFile(input.content);
      if (!parsed.ok) {
        const { key, ...values } = parsed.problem;
        throw invalidField('content', `deadlines:import.${key}`, values as Record<string, string | number>);
      }
      const at = ctx.now().toISOString();
      const before = new Set((await readCalendar(db)).years.map((y) => y.year));
      await db.transaction().execute(async (trx) => {
        for (const year of parsed.years) await writeOfficialYear(trx, year, { kind: 'imported', at, by: call.session.user.id });
        await appendAudit(trx, {
          id: ctx.newId(),
          at,
          actor_id: call.session.user.id,
          action: 'calendar.import',
          target: null,
          detail: JSON.stringify({ years: parsed.years.map((y) => y.year) }),
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
      requireAdmin(call.session);
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await writeLocalDay(trx, {
          date: input.date,
          kind: input.kind === 'none' ? null : input.kind,
          note: input.note ?? null,
          at,
          by: call.session.user.id,
        });
        await appendAudit(trx, {
          id: ctx.newId(),
          at,
          actor_id: call.session.user.id,
          action: 'calendar.setLocalDay',
          target: input.date,
          detail: JSON.stringify(input),
        });
      });
      await reloadCalendar(ctx);
      return {};
    },

    'policies.list': async () => {
      const { profile } = await loadSettings(db);
      const rows = await readPolicies(db);
      const items = recordTypes.flatMap((type) =>
        severities.map((severity) => {
          const row = rows.find((r) => r.type === type && r.severity === severity);
          return {
            type,
            severity,
            policy: row ? (JSON.parse(row.clocks) as DeadlinePolicy) : presetPolicy(profile, severity, type),
            custom: !!row,
          };
        }),
      );
      return { profile, items };
    },

    'policies.update': async (input, call) => {
      requireAdmin(call.session);
      const clean = (c: (typeof input)['acknowledge']) => (c.severalDepartments ? c : { unit: c.unit, amount: c.amount });
      const policy: DeadlinePolicy = {
        acknowledge: clean(input.acknowledge),
        feedback: clean(input.feedback),
        resolve: clean(input.resolve),
      };
      for (const clock of ['feedback', 'resolve'] as const) {
        const c = policy[clock];
        if (c.severalDepartments !== undefined && c.severalDepartments < c.amount) {
          throw invalidField(`${clock}.severalDepartments`, 'deadlines:policy.severalShorter');
        }
      }
      await db.transaction().execute(async (trx) => {
        const at = ctx.now().toISOString();
        await writePolicy(trx, {
          type: input.type,
          severity: input.severity,
          clocks: JSON.stringify(policy),
          at,
          by: call.session.user.id,
        });
        await appendAudit(trx, {
          id: ctx.newId(),
          at,
          actor_id: call.session.user.id,
          action: 'policies.update',
          target: `${input.type}/${input.severity}`,
          detail: JSON.stringify(policy),
        });
      });
      return {};
    },

    'policies.reset': async (_input, call) => {
      requireAdmin(call.session);
      await db.transaction().execute(async (trx) => {
        await clearPolicies(trx);
        await appendAudit(trx, {
          id: ctx.newId(),
          at: ctx.now().toISOString(),
          actor_id: call.session.user.id,
          action: 'policies.reset',
          target: null,
          detail: null,
        });
      });
      return {};
    },

    'deadlineSettings.get': () => loadDeadlineSettings(db),

    'deadlineSettings.update': async (input, call) => {
      requireAdmin(call.session);
      const problem = workingHoursProblem(periodsOf(input.workingHours));
      if (problem) throw invalidField('workingHours', `deadlines:settings.hours_${problem}`);
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await writeSetting(trx, deadlineSettingKeys.workingHours, input.workingHours, at);
        await writeSetting(trx, deadlineSettingKeys.dueSoonWorkingDays, input.dueSoonWorkingDays, at);
        await appendAudit(trx, {
          id: ctx.newId(),
          at,
          actor_id: call.session.user.id,
          action: 'deadlineSettings.update',
          target: null,
          detail: JSON.stringify(input),
        });
      });
      return {};
    },

    'reports.onTime': async (input) => {
      const rows = await clocksReceivedBetween(db, new Date(input.from).toISOString(), new Date(input.to).toISOString());
      return onTimeRates(
        rows.map((r) => ({ clock: r.clock as ClockName, due: r.due, metAt: r.met_at, breachedAt: r.breached_at })),
        ctx.now().toISOString(),
      );
    },
  };
}
