import type { Kysely } from 'kysely';
import { maxBatch, type PulledEvent, type PullResponse, type WireEvent } from '../../domain/sync/protocol.ts';
import { replayed, spendNonce, tidyNonces } from '../auth.ts';
import { Refused } from '../refusal.ts';
import { spendNonceReadLastSeq } from '../store/queries.ts';
import { lastRemovalSeq } from '../store/removalQueries.ts';
import type { DesksTable, ServerDatabase } from '../store/schema.ts';
import { groupAccountNames } from '../store/searchQueries.ts';
import { type FeedRow, feedAfter, siteStaffNames } from '../store/transferQueries.ts';
import type { RouteContext } from './context.ts';

/** The longest a pull waits for something new (long-poll), below common proxies' idle limits. */
export const maxWaitMs = 25_000;
const pollEveryMs = 200;

const consoleDesk = 'console:';

/**
 * The page's events, each with the name of who wrote it where the desk cannot know them: an
 * event relayed from another site (a transferred case's history) or written at the console.
 * The site's own staff travel to its desks as reference records; these people never do.
 */
async function withActorNames(db: Kysely<ServerDatabase>, siteId: number, page: readonly FeedRow[]): Promise<PulledEvent[]> {
  const events = page.map((r) => ({ row: r, event: { ...(JSON.parse(r.body) as WireEvent), serverSeq: r.seq } as PulledEvent }));
  const foreign = events.filter((e) => e.row.origin !== siteId || e.row.deskId.startsWith(consoleDesk));
  if (foreign.length === 0) return events.map((e) => e.event);
  const names = new Map<string, string>();
  const accounts = foreign.filter((e) => e.row.deskId.startsWith(consoleDesk)).map((e) => e.event.actorId);
  for (const [id, name] of Object.entries(await groupAccountNames(db, [...new Set(accounts)]))) names.set(`console:${id}`, name);
  const sites = new Set(foreign.filter((e) => !e.row.deskId.startsWith(consoleDesk)).map((e) => e.row.origin));
  for (const site of sites) {
    const ids = foreign.filter((e) => e.row.origin === site && !e.row.deskId.startsWith(consoleDesk)).map((e) => e.event.actorId);
    for (const [id, name] of await siteStaffNames(db, site, ids)) names.set(`${site}:${id}`, name);
  }
  return events.map(({ row, event }) => {
    const name = names.get(row.deskId.startsWith(consoleDesk) ? `console:${event.actorId}` : `${row.origin}:${event.actorId}`);
    return name ? { ...event, actorName: name } : event;
  });
}

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
  let rows: FeedRow[];
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
      const events = await withActorNames(c.db, desk.site_id, page);
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
