import { auditOutboxPage, dropAuditOutbox, dropOrphanAudit } from '../../db/queries/referenceSync.ts';
import { maxBatch } from '../../domain/sync/protocol.ts';
import type { DeskContext } from '../deskContext.ts';
import type { SigningIdentity, SyncClient } from './syncClient.ts';

/**
 * Sends the audit entries the server has not acknowledged, oldest first, so the server holds
 * every desk's audit. Append-only and idempotent on the server (an entry's id is its key), so a
 * batch whose answer was lost is simply sent again.
 */
export async function pushAudit(ctx: DeskContext, client: SyncClient, identity: SigningIdentity): Promise<number> {
  const { db } = ctx.store;
  await dropOrphanAudit(db);
  let sent = 0;
  for (;;) {
    const rows = await auditOutboxPage(db, maxBatch);
    if (rows.length === 0) return sent;
    const answer = await client.pushAudit(
      identity,
      rows.map((r) => ({ id: r.id, at: r.at, actorId: r.actor_id, action: r.action, target: r.target, detail: r.detail })),
    );
    sent += answer.accepted;
    await dropAuditOutbox(
      db,
      rows.map((r) => r.id),
    );
  }
}
