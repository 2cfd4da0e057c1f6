import type { WireEvent } from './protocol.ts';
import { eventHolds } from './redactedEvents.ts';

/**
 * What a desk checks of every event it pulls before it stores one (DESIGN.md §10: the desk
 * verifies what it pulls). The hash function is passed in: domain/ stays pure.
 */

/** Why a pulled event was refused; each is logged in the audit with the case it belongs to. */
export type PulledFault = 'hash' | 'payload' | 'registration' | 'parent' | 'notRegistered' | 'registeredAlready';

/**
 * The first thing wrong with a pulled event, or null. `known`: the hashes of the case this desk
 * holds (and those accepted before it in the same page); `caseHeld`: whether the case is here.
 */
export function pulledFault(
  e: WireEvent,
  known: ReadonlySet<string>,
  caseHeld: boolean,
  sha256: (text: string) => string,
): PulledFault | null {
  // A redacted event keeps the hash it had; it holds when nothing its removal takes out is left.
  if (!eventHolds(e, sha256)) return 'hash';
  try {
    JSON.parse(e.payload);
  } catch {
    return 'payload';
  }
  if ((e.type === 'registered') !== (e.parents.length === 0)) return 'registration';
  if (e.type === 'registered' && caseHeld) return 'registeredAlready';
  if (e.type !== 'registered' && !caseHeld) return 'notRegistered';
  if (e.parents.some((p) => !known.has(p))) return 'parent';
  return null;
}

const numberBodies = [
  /^(\d{2})(\d{2})-(\d{4,})$/,
  /^\d{2}(\d{2})(\d{2})-(\d{4,})$/,
  /^\d{2}(\d{2})-(\d{2})-(\d{4,})$/,
  /^(\d{2})(\d{2})(\d{4,})$/,
];

/**
 * The month and place of a case number handed out under `prefix`, or null for a number of
 * another prefix: a desk that meets its own numbers again (restored from an older backup,
 * pulling what it had pushed) moves its counter past them, so no number is handed out twice.
 */
export function numberPlace(number: string, prefix: string): { period: string; sequence: number } | null {
  if (!number.startsWith(prefix)) return null;
  const body = number.slice(prefix.length);
  for (const shape of numberBodies) {
    const m = shape.exec(body);
    if (m) return { period: `${m[1]}${m[2]}`, sequence: Number(m[3]) };
  }
  return null;
}
