import type { Kysely } from 'kysely';
import { listCaseEvents } from '../../db/queries/caseEvents.ts';
import { saveReportFacts } from '../../db/queries/reportFacts.ts';
import { rebuildReportRollups } from '../../db/queries/reportRollups.ts';
import type { Database } from '../../db/schema.ts';
import { syncCaseClocks } from '../deadlines/caseClocksSync.ts';
import { loadWorkingCalendar } from '../deadlines/deskTime.ts';
import { loadSettings } from '../settings.ts';
import { foldReportFacts } from './reportFacts.ts';

/**
 * Rebuilds what the reports read from the event log: each case's report facts and clocks folded
 * again from its events (page by page, one transaction each), then the roll-ups counted from
 * them. The repair for roll-ups in doubt; `npm run rebuild-rollups`.
 */
export async function refoldReportProjections(db: Kysely<Database>, at: string, onPage?: (done: number) => void): Promise<number> {
  const calendar = await loadWorkingCalendar(db);
  const { utcOffsetMinutes } = await loadSettings(db);
  let after = 0;
  let done = 0;
  for (;;) {
    const page = await db
      .selectFrom('cases')
      .select(['seqno', 'id', 'received_at'])
      .where('seqno', '>', after)
      .orderBy('seqno')
      .limit(1000)
      .execute();
    if (page.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const c of page) {
        const events = (await listCaseEvents(trx, c.id)).map((e) => ({
          type: e.type,
          at: e.at,
          payload: e.payload as unknown,
        }));
        const { facts, handlingDays } = foldReportFacts({ calendar }, c.received_at, events, utcOffsetMinutes);
        await saveReportFacts(trx, c.id, facts, handlingDays);
        await syncCaseClocks(trx, c.id);
      }
    });
    after = page.at(-1)?.seqno ?? after;
    done += page.length;
    onPage?.(done);
  }
  await db.transaction().execute((trx) => rebuildReportRollups(trx, utcOffsetMinutes, at));
  return done;
}
