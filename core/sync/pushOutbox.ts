import { dropFromOutbox, outboxPage } from '../../db/queries/sync.ts';
import { eventsAt, type OutgoingEvent } from '../../db/queries/syncEvents.ts';
import { removedKindsOf } from '../../db/queries/syncRemovals.ts';
import type { RemovalKind } from '../../domain/retention/retentionRules.ts';
import { maxBatch, type WireEvent } from '../../domain/sync/protocol.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import type { SigningIdentity, SyncClient } from './syncClient.ts';

const wireOf = ({ event, payloadText }: OutgoingEvent, redacted?: RemovalKind[]): WireEvent => ({
  id: event.id,
  caseId: event.caseId,
  form: event.form,
  seq: event.seq,
  parents: event.parents,
  type: event.type,
  payload: payloadText,
  actorId: event.actorId,
  device: event.device,
  at: event.at,
  hlc: event.hlc,
  hash: event.hash,
  ...(redacted && redacted.length > 0 ? { redacted } : {}),
});

/** Events sent in one request. */
export const pushBatch = 500;

interface PushOptions {
  batch?: number;
  /** Told after each batch how many were sent so far (a catch-up's progress). */
  sent?: (pushed: number) => Promise<void>;
  /** Whether the server takes removals: only then does it take the events they redacted. */
  sendRedacted?: boolean;
}

/**
 * Sends the outbox to the server in batches, oldest place first (a case's events after the
 * events they name), and takes each batch out of the outbox once the server acknowledged it.
 * A batch the server took before the answer was lost is sent again and counted as duplicates.
 * An event whose payload lost data to a removal goes as it is now, marked with the kinds its
 * case lost and with the hash it had (the server holds the removal, sent first); the server
 * never receives what this desk removed. A server that does not take removals gets no such
 * event: it stays on this desk, and the audit says so.
 */
export async function pushOutbox(
  ctx: DeskContext,
  client: SyncClient,
  identity: SigningIdentity,
  { batch = pushBatch, sent = async () => {}, sendRedacted = false }: PushOptions = {},
): Promise<number> {
  const { db } = ctx.store;
  let pushed = 0;
  for (;;) {
    const positions = await outboxPage(db, Math.min(batch, maxBatch));
    if (positions.length === 0) return pushed;
    const events = await eventsAt(db, positions);
    // An outbox place with no event behind it would be taken out unsent: stop, loudly, instead.
    if (events.length !== positions.length)
      throw new Error(`the sync outbox names ${positions.length - events.length} events the log lacks`);
    const removed = await removedKindsOf(
      db,
      events.filter((e) => e.redacted).map((e) => e.event.caseId),
    );
    // A redacted event whose case has no tombstone (a store edited by hand) cannot say what it lost: kept.
    const kept = events.filter((e) => e.redacted && (!sendRedacted || !removed.has(e.event.caseId)));
    const sendable = events.filter((e) => !kept.includes(e));
    if (sendable.length > 0) {
      const answer = await client.push(
        identity,
        sendable.map((e) => wireOf(e, e.redacted ? removed.get(e.event.caseId) : undefined)),
      );
      pushed += answer.accepted + answer.duplicates;
    }
    await db.transaction().execute(async (trx) => {
      for (const e of kept) {
        await recordAudit(ctx, trx, {
          actorId: null,
          action: 'sync.kept',
          target: e.event.caseId,
          detail: { eventId: e.event.id, why: 'redacted' },
        });
      }
      await dropFromOutbox(trx, positions);
    });
    await sent(pushed);
  }
}
