import { hashInput } from '../cases/hashChain.ts';
import { redactPayload } from '../retention/redactPayload.ts';
import type { RemovalKind } from '../retention/retentionRules.ts';
import type { WireEvent } from './protocol.ts';

/**
 * An event whose payload lost data to a removal (retention, a person's request) travels with the
 * kinds taken out (`redacted`) and the hash it had before: its children name that hash, so the
 * case's DAG still verifies link by link, as on the desk that removed them (`event_redactions`).
 * Its own fields no longer give its hash; what can still be checked is that the payload holds
 * nothing those kinds take out. Pure: the hash function is passed in.
 */

const kindOrder = (kinds: Iterable<RemovalKind>): RemovalKind[] => [...new Set(kinds)].sort();

/**
 * The event as it may be held once `kinds` were removed from its case: its payload redacted by
 * the desk's own rule, marked with every kind taken out of it so far. An event with nothing to
 * take out is answered as it was (unmarked, its hash still its fields').
 */
export function redactWireEvent(e: WireEvent, kinds: readonly RemovalKind[]): WireEvent {
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(e.payload) as Record<string, unknown>;
  } catch {
    return e;
  }
  const redacted = redactPayload(e.type, payload, kinds);
  if (!redacted) return e;
  return { ...e, payload: JSON.stringify(redacted), redacted: kindOrder([...(e.redacted ?? []), ...kinds]) };
}

/** Whether a marked event holds nothing its kinds take out (false for an unmarked one). */
export function redactionHolds(e: WireEvent): boolean {
  if (!e.redacted) return false;
  try {
    return redactPayload(e.type, JSON.parse(e.payload) as Record<string, unknown>, e.redacted) === null;
  } catch {
    return false;
  }
}

/** An unmarked event's hash is its fields'; a marked one holds nothing its kinds take out. */
export const eventHolds = (e: WireEvent, sha256: (text: string) => string): boolean =>
  e.redacted ? redactionHolds(e) : sha256(hashInput(e)) === e.hash;

/** Whether a removal of `held` kinds covers every kind the event says was taken out of it. */
export const removalCovers = (e: WireEvent, held: readonly string[]): boolean => (e.redacted ?? []).every((k) => held.includes(k));
