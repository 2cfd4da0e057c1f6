import type { Kysely } from 'kysely';
import { listCaseEvents } from '../../db/queries/caseEvents.ts';
import { casesWithoutFacts, factsOfRow, findReportFacts, saveReportFacts } from '../../db/queries/reportFacts.ts';
import type { Database } from '../../db/schema.ts';
import type { WorkingCalendar } from '../../domain/deadlines/workingCalendar.ts';
import { applyFactEvent, emptyFacts, type FactEvent, factsOf, type ReportFacts } from '../../domain/reports/caseFacts.ts';
import { handlingWorkingDays } from '../../domain/reports/handlingTime.ts';
import { loadSettings } from '../settings.ts';

interface FactsContext {
  calendar: WorkingCalendar;
}

function handlingDaysOf(ctx: FactsContext, receivedAt: string, facts: ReportFacts, utcOffsetMinutes: number): number | null {
  if (!facts.closedAt) return null;
  return handlingWorkingDays(receivedAt, facts.closedAt, { calendar: ctx.calendar, utcOffsetMinutes });
}

/**
 * Folds a newly appended event into the case's report facts. Called by appendCaseEvent inside
 * the same transaction, so the reports never disagree with the log. `firstOfNewCase`: the case
 * has no facts stored yet.
 */
export async function recordReportFacts(
  ctx: FactsContext,
  trx: Kysely<Database>,
  caseId: string,
  event: FactEvent,
  firstOfNewCase = false,
): Promise<void> {
  const stored = firstOfNewCase ? undefined : await findReportFacts(trx, caseId);
  const facts = applyFactEvent(stored ? factsOfRow(stored) : emptyFacts(), event);
  let receivedAt: string | undefined;
  if (facts.closedAt) {
    const payload = event.payload as { receivedAt?: unknown };
    if (event.type === 'registered' && typeof payload.receivedAt === 'string') receivedAt = payload.receivedAt;
    else receivedAt = (await trx.selectFrom('cases').select('received_at').where('id', '=', caseId).executeTakeFirst())?.received_at;
  }
  const settings = facts.closedAt ? await loadSettings(trx) : null;
  const days = receivedAt && settings ? handlingDaysOf(ctx, receivedAt, facts, settings.utcOffsetMinutes) : null;
  await saveReportFacts(trx, caseId, facts, days);
}

/**
 * The report facts of a case folded from its whole log, with its handling time: how a case
 * that has none gets them (the backfill below, the bench's bulk writer).
 */
export function foldReportFacts(
  ctx: FactsContext,
  receivedAt: string,
  events: readonly FactEvent[],
  utcOffsetMinutes: number,
): { facts: ReportFacts; handlingDays: number | null } {
  const facts = factsOf(events);
  return { facts, handlingDays: handlingDaysOf(ctx, receivedAt, facts, utcOffsetMinutes) };
}

/** Folds the facts of cases that have none yet (a store from before the report facts). */
export async function backfillReportFacts(ctx: FactsContext, db: Kysely<Database>, afterSeqno = 0): Promise<number> {
  let done = 0;
  const { utcOffsetMinutes } = await loadSettings(db);
  for (;;) {
    const batch = await casesWithoutFacts(db, 500, afterSeqno);
    if (batch.length === 0) return done;
    await db.transaction().execute(async (trx) => {
      for (const c of batch) {
        const events = (await listCaseEvents(trx, c.id)).map((e) => ({
          type: e.type,
          at: e.at,
          payload: e.payload as unknown,
        }));
        const { facts, handlingDays } = foldReportFacts(ctx, c.received_at, events, utcOffsetMinutes);
        await saveReportFacts(trx, c.id, facts, handlingDays);
      }
    });
    done += batch.length;
  }
}
