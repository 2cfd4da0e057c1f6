import { v7 as uuidv7 } from 'uuid';
import { newDagEvent } from '../../db/eventCodec.ts';
import { headsOf } from '../../domain/cases/eventDag.ts';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../../domain/cases/hlc.ts';
import type { WireEvent } from '../../domain/sync/protocol.ts';

/**
 * An event the server itself records on a case (a transfer made at the group console), signed
 * into the case's DAG like a desk's: it names every head of the case and its clock follows every
 * clock it saw, so each desk folds it after what it saw.
 */
export function serverEvent(
  held: readonly WireEvent[],
  data: CaseEventData,
  who: { actorId: string; device: string },
  now: Date,
): WireEvent {
  const seen = held.reduce((clock, e) => receiveHlc(clock, decodeHlc(e.hlc), now.getTime()), { wallMs: 0, counter: 0 });
  const hlc = encodeHlc(tickHlc(seen, now.getTime()), who.device);
  const fields = {
    id: uuidv7(),
    caseId: held[0]?.caseId ?? '',
    seq: 1,
    parents: headsOf(held),
    actorId: who.actorId,
    device: who.device,
    at: now.toISOString(),
    hlc,
  };
  const event = newDagEvent(fields, data);
  return { ...fields, form: 'dag', parents: event.parents, type: data.type, payload: JSON.stringify(data.payload), hash: event.hash };
}
