import { dropFromOutbox, outboxPage } from '../../db/queries/sync.ts';
import { eventsAt, type OutgoingEvent } from '../../db/queries/syncEvents.ts';
import { maxBatch, type WireEvent } from '../../domain/sync/protocol.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import type { SigningIdentity, SyncClient } from './syncClient.ts';

const wireOf = ({ event, payloadText }: OutgoingEvent): WireEvent => ({
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
});

/** Events sent in one request. */
export const pushBatch = 500;

/**
 * Sends the outbox to the server in batches, oldest place first (a case's events after the
 * events they name), and takes each batch out of the outbox once the server acknowledged it.
 * A batch the server took before the answer was lost is sent again and counted as duplicates.
 * An event whose payload lost data at the end of retention cannot be verified by anyone any
 * more: it stays on this desk, and the audit says so.
 */
export async function pushOutbox(
  ctx: DeskContext,
  client: SyncClient,
  identity: SigningIdentity,
  batch = pushBatch,
  /** Told after each batch how many were sent so far (a catch-up's progress). */
  sent: (pushed: number) => Promise<void> = async () => {},
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
    const redacted = events.filter((e) => e.redacted);
    const sendable = events.filter((e) => !e.redacted);
    if (sendable.length > 0) {
      const answer = await client.push(identity, sendable.map(wireOf));
      pushed += answer.accepted + answer.duplicates;
    }
    await db.transaction().execute(async (trx) => {
      for (const e of redacted) {
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
