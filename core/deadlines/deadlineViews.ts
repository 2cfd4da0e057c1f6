import type { Kysely } from 'kysely';
import { type CaseClockRow, clocksOfCases } from '../../db/queries/caseClocks.ts';
import type { Database } from '../../db/schema.ts';
import type { CaseDetail, CaseSummary } from '../../domain/api/views.ts';
import type { ClockRecord } from '../../domain/deadlines/caseClocks.ts';
import { type ClockName, clockNames, dueAfterWorkingDays } from '../../domain/deadlines/deadline.ts';
import { clockStatus, deadlineAlertOf, deadlineStatus } from '../../domain/deadlines/deadlineStatus.ts';
import type { DeskContext } from '../deskContext.ts';
import { loadSettings } from '../settings.ts';
import { deskTimeFrom, deskTimeOf } from './deskTime.ts';

function recordsOf(rows: readonly CaseClockRow[]): ClockRecord[] {
  return clockNames.flatMap((clock) => {
    const r = rows.find((row) => row.clock === clock);
    return r ? [{ clock: clock as ClockName, due: r.due, metAt: r.met_at, breachedAt: r.breached_at }] : [];
  });
}

/** The instant up to which a running clock is "due soon": the end of the setting's working day. */
export async function dueSoonBefore(ctx: DeskContext, db: Kysely<Database>, now: string): Promise<string> {
  // The settings read once: the desk's time and the warning ahead both come from them.
  const settings = await loadSettings(db);
  return dueAfterWorkingDays(now, settings.dueSoonWorkingDays, deskTimeFrom(ctx, settings)).at;
}

/** The `cases.list` "due within N working days" filter as an instant: the end of the N-th working day from today. */
export async function listDueBefore(ctx: DeskContext, input: { dueWithinDays?: number | undefined }) {
  if (input.dueWithinDays === undefined) return undefined;
  return dueAfterWorkingDays(ctx.now().toISOString(), input.dueWithinDays, await deskTimeOf(ctx)).at;
}

/**
 * Adds each case's deadline alert (overdue, due soon, paused, a major case reported late) to the
 * lists a page shows at once (a list, a board's columns, the inbox's sections), with one read of
 * their clocks. `soon`: the due-soon instant the summaries were made with (dueSoonBefore).
 */
export async function withDeadlineAlerts(
  ctx: DeskContext,
  db: Kysely<Database>,
  lists: CaseSummary[][],
  soon: string,
): Promise<CaseSummary[][]> {
  const rows = await clocksOfCases(
    db,
    lists.flatMap((items) => items.map((i) => i.id)),
  );
  const byCase = new Map<string, CaseClockRow[]>();
  for (const r of rows) {
    const own = byCase.get(r.case_id);
    if (own) own.push(r);
    else byCase.set(r.case_id, [r]);
  }
  const now = ctx.now().toISOString();
  return lists.map((items) =>
    items.map((item) => {
      const own = byCase.get(item.id) ?? [];
      const pausedSince = own[0]?.paused_since ?? null;
      return {
        ...item,
        // A case another site took over (转办) is that site's to watch.
        deadlineAlert: item.status === 'transferred_out' ? null : deadlineAlertOf(recordsOf(own), item.severity, now, soon, pausedSince),
      };
    }),
  );
}

/** Adds the deadlines part of the case page, and narrows the deadline actions to those that apply. */
export async function withDeadlineInfo(ctx: DeskContext, db: Kysely<Database>, detail: CaseDetail): Promise<CaseDetail> {
  const rows = await clocksOfCases(db, [detail.id]);
  const now = ctx.now().toISOString();
  const soon = await dueSoonBefore(ctx, db, now);
  // A case another site took over (转办): the clocks it met here stay shown; the running ones are that site's.
  const records = recordsOf(rows).filter((r) => detail.status !== 'transferred_out' || r.metAt);
  const pausedSince = rows[0]?.paused_since ?? null;
  const extended = detail.events.some((e) => e.type === 'extended');
  const alert = deadlineAlertOf(records, detail.severity, now, soon, pausedSince);
  const running = records.some((r) => !r.metAt);
  // The case rules decide who may; here only whether there is a clock left to act on.
  const allowedActions = detail.allowedActions.filter((a) => {
    if (a === 'extend') return records.some((r) => r.clock !== 'acknowledge' && !r.metAt);
    if (a === 'pause') return running;
    return true;
  });
  return {
    ...detail,
    allowedActions,
    deadlineStatus: deadlineStatus(detail.dueAt, new Date(now), soon),
    deadlineAlert: alert,
    deadlineInfo: {
      clocks: records.map((r) => ({ ...r, status: clockStatus(r, now, soon, pausedSince) })),
      provisional: rows.some((r) => r.provisional === 1),
      calendarLastDate: ctx.calendar.lastDate,
      pausedSince,
      extended,
      alert,
    },
  };
}
