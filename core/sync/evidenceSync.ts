import path from 'node:path';
import type { Kysely } from 'kysely';
import { readSyncConfig } from '../../db/queries/sync.ts';
import type { Database } from '../../db/schema.ts';
import { createBlobStore } from '../attachments/blobStore.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError } from '../deskError.ts';
import { createEvidenceClient, type EvidenceClient } from './evidenceClient.ts';
import type { SigningIdentity } from './syncClient.ts';
import { SyncRequestError } from './syncClient.ts';

/** The desk's evidence folder (as attachments.* reads it). */
const blobsOf = (ctx: DeskContext) => createBlobStore(path.dirname(ctx.store.file), ctx.store.key);

/** How many files a round fetches in the background: a round that found many leaves the rest to the next. */
const fetchedPerRound = 20;

/** How long a person waits for a file they opened to come from the server. */
const openTimeoutMs = 30_000;

/**
 * Sends every file of this desk's pushed events that the server has not acknowledged, after the
 * events (the server takes a file only for a case it holds, whose events name it). A file this
 * desk does not hold itself came from another desk, which sends it. A file the server refuses
 * (its bytes no longer hash to its name, or no event names it any more) stays here, and the audit
 * says so; a file whose case the server does not hold yet waits for the next round.
 */
export async function uploadEvidence(ctx: DeskContext, client: EvidenceClient, identity: SigningIdentity): Promise<number> {
  const { db } = ctx.store;
  const blobs = blobsOf(ctx);
  let sent = 0;
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('evidence_outbox').selectAll().where('sha256', '>', after).orderBy('sha256').limit(50).execute();
    if (rows.length === 0) return sent;
    for (const row of rows) {
      after = row.sha256;
      if (blobs.sizeOf(row.sha256) !== null) {
        try {
          await client.put(identity, row.sha256, row.case_id, blobs.read(row.sha256));
          sent++;
        } catch (e) {
          const refusal = e instanceof SyncRequestError ? e.refusal?.error : undefined;
          if (refusal === 'not_found') continue;
          if (refusal !== 'tampered' && refusal !== 'foreign') throw e;
          await recordAudit(ctx, db, {
            actorId: null,
            action: 'sync.kept',
            target: row.case_id,
            detail: { sha256: row.sha256, why: refusal },
          });
        }
      }
      await db.deleteFrom('evidence_outbox').where('sha256', '=', row.sha256).execute();
    }
  }
}

/**
 * Fetches files named by events from the site that this desk does not hold yet, a few a round,
 * those tried least first. A file the server does not hold yet (its desk has not sent it) is
 * tried again in a later round.
 */
export async function fetchWantedEvidence(ctx: DeskContext, client: EvidenceClient, identity: SigningIdentity): Promise<number> {
  const { db } = ctx.store;
  const blobs = blobsOf(ctx);
  const rows = await db.selectFrom('evidence_wanted').selectAll().orderBy('tries').orderBy('sha256').limit(fetchedPerRound).execute();
  let fetched = 0;
  for (const row of rows) {
    if (blobs.sizeOf(row.sha256) === null) {
      const bytes = await client.get(identity, row.sha256);
      if (bytes === 'removed') {
        await db.deleteFrom('evidence_wanted').where('sha256', '=', row.sha256).execute();
        continue;
      }
      if (!bytes) {
        await db
          .updateTable('evidence_wanted')
          .set((eb) => ({ tries: eb('tries', '+', 1) }))
          .where('sha256', '=', row.sha256)
          .execute();
        continue;
      }
      blobs.put(bytes);
      fetched++;
    }
    await db.deleteFrom('evidence_wanted').where('sha256', '=', row.sha256).execute();
  }
  return fetched;
}

/**
 * A case's file for a person who opened it: from this desk's evidence folder, or else fetched
 * from the site's server at once and kept (encrypted at rest like every file of the desk).
 * Offline, or before the desk that holds it sent it, the answer says which in words.
 */
export async function readEvidence(ctx: DeskContext, sha256: string): Promise<Buffer> {
  const blobs = blobsOf(ctx);
  if (blobs.sizeOf(sha256) !== null) return blobs.read(sha256);
  const config = await readSyncConfig(ctx.store.db);
  if (!config?.private_key) throw new DeskError('not_found', { key: 'registration:evidence.missing' });
  const client = createEvidenceClient({ serverUrl: config.server_url, timeoutMs: openTimeoutMs, now: () => ctx.now() });
  let bytes: Buffer | null | 'removed';
  try {
    bytes = await client.get({ deskId: config.desk_id, privateKey: config.private_key }, sha256);
  } catch {
    throw new DeskError('conflict', { key: 'registration:evidence.offline' });
  }
  if (bytes === 'removed') throw new DeskError('not_found', { key: 'registration:evidence.removed' });
  if (!bytes) throw new DeskError('conflict', { key: 'registration:evidence.notSent' });
  blobs.put(bytes);
  await ctx.store.db.deleteFrom('evidence_wanted').where('sha256', '=', sha256).execute();
  return bytes;
}

/**
 * Of `sha256s`, those this desk does not hold, on a desk of a sync site: the screen says they
 * come from the server when opened (a desk of no site has nowhere to fetch a file from).
 */
export async function notHeldHere(ctx: DeskContext, db: Kysely<Database>, sha256s: readonly string[]): Promise<string[]> {
  if (sha256s.length === 0 || !(await readSyncConfig(db))) return [];
  const blobs = blobsOf(ctx);
  return sha256s.filter((s) => blobs.sizeOf(s) === null);
}
