import type { Kysely } from 'kysely';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import { addSite } from '../../server/admin.ts';
import { advanceSequence, insertCaseSites, insertEvents } from '../../server/store/queries.ts';
import type { ServerDatabase } from '../../server/store/schema.ts';
import type { Rng } from '../data/rng.ts';
import { wireCase } from './wireCases.ts';

/**
 * A new site named `name` whose `cases` cases (each with `notes` notes) are written straight into
 * the server's store, 200 cases a transaction, as if its desks had pushed them: answers the site's
 * id and its last sequence number (the number of events).
 */
export async function loadSite(
  db: Kysely<ServerDatabase>,
  rng: Rng,
  options: { name: string; cases: number; notes: number },
): Promise<{ siteId: number; events: number }> {
  const { name, cases, notes } = options;
  await addSite(db, name, new Date());
  const siteId = (await db.selectFrom('sites').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  let last = 0;
  for (let c = 0; c < cases; c += 200) {
    const events: WireEvent[] = Array.from({ length: Math.min(200, cases - c) }, () => wireCase(rng, notes)).flat();
    await db.transaction().execute(async (trx) => {
      await insertCaseSites(
        trx,
        events.filter((e) => e.type === 'registered').map((e) => ({ id: e.caseId, site_id: siteId })),
      );
      await insertEvents(
        trx,
        events.map((e) => ({
          site_id: siteId,
          seq: ++last,
          id: e.id,
          case_id: e.caseId,
          hash: e.hash,
          desk_id: 'bench',
          body: JSON.stringify(e),
          received_at: new Date().toISOString(),
        })),
      );
      await advanceSequence(trx, siteId, last);
    });
  }
  return { siteId, events: last };
}
