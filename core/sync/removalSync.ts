import { readSyncConfig, updateSyncConfig } from '../../db/queries/sync.ts';
import { dropRemovalOutbox, dropWantedOf, removalOutboxPage } from '../../db/queries/syncRemovals.ts';
import { maxBatch } from '../../domain/sync/protocol.ts';
import type { PulledRemoval } from '../../domain/sync/removalWire.ts';
import type { DeskContext } from '../deskContext.ts';
import { removeInBatches } from '../retention/applyRetention.ts';
import { ensureStandIns } from './standIns.ts';
import { type SigningIdentity, type SyncClient, SyncRequestError } from './syncClient.ts';

/**
 * A server of the same protocol from before removals travelled answers their routes with
 * `not_found`: the removals wait on this desk until it is updated, and the rest of the round goes on.
 */
async function unlessServerLacksRemovals<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (e) {
    if (e instanceof SyncRequestError && e.status === 404 && e.refusal?.error === 'not_found') return null;
    throw e;
  }
}

/**
 * Tells the server of the cases whose data this desk removed (the end of retention, a person's
 * request), oldest first: the server deletes their evidence files, takes the data out of the
 * events it holds, and the other desks of the site take the same data out. A batch whose answer
 * was lost is sent again and changes nothing. Answers the files the server deleted, or null
 * when the server does not take removals yet (they wait here).
 */
export async function pushRemovals(ctx: DeskContext, client: SyncClient, identity: SigningIdentity): Promise<number | null> {
  const { db } = ctx.store;
  let files = 0;
  for (;;) {
    const { caseIds, removals } = await removalOutboxPage(db, maxBatch);
    if (caseIds.length === 0) return files;
    if (removals.length > 0) {
      const answer = await unlessServerLacksRemovals(client.pushRemovals(identity, removals));
      if (!answer) return null;
      files += answer.files;
    }
    await dropRemovalOutbox(db, caseIds);
  }
}

/** Takes the same data out of this desk's copies of the cases, as the desk that removed them did, with the same tombstone. */
async function takeRemovals(ctx: DeskContext, removals: readonly PulledRemoval[]): Promise<void> {
  const { db } = ctx.store;
  // The tombstone names who removed the data; someone of another desk this desk has not met yet is stood in for.
  await db
    .transaction()
    .execute((trx) =>
      ensureStandIns(trx, { users: removals.map((r) => r.removedBy), departments: [], categories: [] }, ctx.now().toISOString()),
    );
  const groups = new Map<string, PulledRemoval[]>();
  for (const r of removals) {
    const key = `${r.removedBy}\n${r.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    const first = group[0] as PulledRemoval;
    const kindsOf = new Map(group.map((r) => [r.caseId, r.kinds]));
    await removeInBatches(
      ctx,
      group.map((r) => r.caseId),
      first.removedBy,
      first.reason,
      (row, removed) => (kindsOf.get(row.id) ?? []).filter((k) => !removed.includes(k)),
    );
  }
  // Files of those cases this desk was still to fetch are gone from the server too.
  await dropWantedOf(
    db,
    removals.filter((r) => r.kinds.includes('evidence')).map((r) => r.caseId),
  );
}

/**
 * The site's removals after this desk's cursor, page by page, each taken before the cursor moves
 * past it. `latest`: the site's latest removal as the event pull said it; none newer than this
 * desk's cursor, nothing is asked (a round with nothing new makes no request for them).
 */
export async function pullRemovals(ctx: DeskContext, client: SyncClient, identity: SigningIdentity, latest?: number): Promise<number> {
  const { db } = ctx.store;
  let taken = 0;
  for (;;) {
    const after = (await readSyncConfig(db))?.removal_cursor ?? 0;
    if (latest !== undefined && latest <= after) return taken;
    const page = await unlessServerLacksRemovals(client.pullRemovals(identity, after, maxBatch));
    if (!page) return taken;
    if (page.removals.length > 0) await takeRemovals(ctx, page.removals);
    taken += page.removals.length;
    if (page.cursor !== after) await updateSyncConfig(db, { removal_cursor: page.cursor });
    if (!page.more) return taken;
  }
}
