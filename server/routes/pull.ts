import { maxBatch, type PulledEvent, type PullResponse, type WireEvent } from '../../domain/sync/protocol.ts';
import { replayed, spendNonce, tidyNonces } from '../auth.ts';
import { Refused } from '../refusal.ts';
import { spendNonceReadLastSeq } from '../store/queries.ts';
import { lastRemovalSeq } from '../store/removalQueries.ts';
import type { DesksTable } from '../store/schema.ts';
import { feedAfter } from '../store/transferQueries.ts';
import type { RouteContext } from './context.ts';

/** The longest a pull waits for something new (long-poll), below common proxies' idle limits. */
export const maxWaitMs = 25_000;
const pollEveryMs = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GET /v1/pull?after=N[&limit=M][&wait=MS]: the desk's site's events after the cursor, in the
 * site's sequence (its own and those relayed to it: the history of a case transferred in). With `wait`, an empty answer is held until something arrives or the wait
 * ends (the store is asked again; nothing is remembered in the process).
 */
export async function pull(
  c: RouteContext,
  desk: DesksTable & { nonce: string },
  query: URLSearchParams,
  closed: () => boolean,
): Promise<PullResponse> {
  const after = Number(query.get('after') ?? '0');
  const limit = Math.min(Number(query.get('limit') ?? String(maxBatch)), maxBatch);
  const wait = Math.min(Number(query.get('wait') ?? '0'), maxWaitMs);
  if (!Number.isSafeInteger(after) || after < 0 || !Number.isSafeInteger(limit) || limit < 1 || !Number.isFinite(wait) || wait < 0) {
    throw new Refused(400, 'malformed', 'refusal.pullNumbers');
  }
  const now = c.now();
  const until = Date.now() + wait;
  // On PostgreSQL the nonce is spent in the statement that reads the site's last number: a pull
  // with nothing new is one round trip to the database after its desk is looked up.
  let rows: { seq: number; body: string }[];
  if (c.dialect === 'postgres') {
    const first = await spendNonceReadLastSeq(c.db, { deskId: desk.id, nonce: desk.nonce, at: now.toISOString() }, desk.site_id);
    if (!first.spent) throw replayed();
    await tidyNonces(c.db, now);
    rows = first.lastSeq > after ? await feedAfter(c.db, desk.site_id, after, limit + 1) : [];
  } else {
    await spendNonce(c.db, desk.id, desk.nonce, now);
    rows = await feedAfter(c.db, desk.site_id, after, limit + 1);
  }
  for (;;) {
    if (rows.length > 0 || Date.now() >= until || closed()) {
      const page = rows.slice(0, limit);
      const events: PulledEvent[] = page.map((r) => ({ ...(JSON.parse(r.body) as WireEvent), serverSeq: r.seq }));
      const more = rows.length > limit;
      return {
        events,
        cursor: page.at(-1)?.seq ?? after,
        more,
        ...(more ? {} : { removals: await lastRemovalSeq(c.db, desk.site_id) }),
      };
    }
    await sleep(pollEveryMs);
    rows = await feedAfter(c.db, desk.site_id, after, limit + 1);
  }
}
