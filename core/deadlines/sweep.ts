import type { Kysely } from 'kysely';
import { casesWithoutClocks, casesWithProvisionalClocks, casesWithUnrecordedBreaches } from '../../db/queries/caseClocks.ts';
import { listCaseEvents } from '../../db/queries/caseEvents.ts';
import { findCase, updateCase } from '../../db/queries/cases.ts';
import { readAliases } from '../../db/queries/referenceSync.ts';
import type { Database } from '../../db/schema.ts';
import type { CaseEvent, CaseEventData } from '../../domain/cases/events.ts';
import { applyEvent, type CaseState, projectCase, seenFromSite } from '../../domain/cases/projection.ts';
import { breachesDue, foldCaseClocks } from '../../domain/deadlines/caseClocks.ts';
import { caseEventOf } from '../cases/caseViews.ts';
import { appendCaseEvent, linkAfter, linkOf } from '../cases/eventLog.ts';
import type { DeskContext } from '../deskContext.ts';
import { syncCaseClocks } from './caseClocksSync.ts';
import { recomputation } from './deadlineActions.ts';

/** The actor of events the desk records by itself (breaches found by the sweep, recomputations). */
export const systemActorId = 'system';

/**
 * Appends events the desk records by itself to one case, with its projection, in one
 * transaction. `decide` sees the case's history and answers the events to append.
 */
async function appendSystemEvents(
  ctx: DeskContext,
  caseId: string,
  decide: (history: CaseEvent[], state: CaseState, trx: Kysely<Database>) => Promise<CaseEventData[]> | CaseEventData[],
): Promise<number> {
  return ctx.store.db.transaction().execute(async (trx) => {
    const row = await findCase(trx, { id: caseId });
    if (!row) return 0;
    const history = (await listCaseEvents(trx, caseId)).map(caseEventOf);
    let state = projectCase(history);
    // A case another site took over is that site's to watch: its desks record the breach.
    if (seenFromSite(state, (await readAliases(trx)).site ?? null).status === 'transferred_out') return 0;
    const datas = await decide(history, state, trx);
    if (datas.length === 0) return 0;
    let link = linkOf(row, systemActorId);
    let last: CaseEvent | null = null;
    for (const data of datas) {
      state = applyEvent(state, data);
      last = await appendCaseEvent(ctx, trx, link, data);
      link = linkAfter(link, last);
    }
    if (last && !(await updateCase(trx, caseId, row.last_seq, { at: last.at, lastSeq: last.seq, heads: [last.hash] }, state))) {
      throw new Error('case changed during the deadline sweep');
    }
    return datas.length;
  });
}

/**
 * Records every missed deadline as a `deadlineBreached` event: a clock past its due time and
 * not met (unless the case is paused), or met after it. Runs when the desk starts and on a
 * timer in the host process, so a breach is recorded when it happens, or at the next start
 * when the desk was switched off. Returns the number of breaches recorded.
 */
export async function sweepDeadlines(ctx: DeskContext): Promise<number> {
  const now = ctx.now().toISOString();
  let recorded = 0;
  for (const caseId of await casesWithUnrecordedBreaches(ctx.store.db, now)) {
    recorded += await appendSystemEvents(ctx, caseId, (history) => {
      const folded = foldCaseClocks(history);
      return breachesDue(folded.clocks, now, folded.pausedSince).map((c) => ({
        type: 'deadlineBreached' as const,
        payload: c.metAt ? { clock: c.clock, due: c.due, metAt: c.metAt } : { clock: c.clock, due: c.due },
      }));
    });
  }
  return recorded;
}

/** After a calendar import: deadlines that were provisional are computed again with the new data. */
export async function recomputeProvisionalDeadlines(ctx: DeskContext): Promise<number> {
  let changed = 0;
  for (const caseId of await casesWithProvisionalClocks(ctx.store.db)) {
    changed += await appendSystemEvents(ctx, caseId, (history, state, trx) => recomputation(ctx, trx, state, history, 'calendar'));
  }
  return changed;
}

/** Stores upgraded from before the clocks table: fold each case's clocks once. */
export async function backfillCaseClocks(ctx: DeskContext, afterSeqno = 0): Promise<number> {
  const ids = await casesWithoutClocks(ctx.store.db, afterSeqno);
  if (ids.length === 0) return 0;
  await ctx.store.db.transaction().execute(async (trx) => {
    for (const id of ids) await syncCaseClocks(trx, id);
  });
  return ids.length;
}
