/**
 * Every event of a case names the hashes of the heads of the case it saw (a Merkle DAG, as git
 * commits do), so editing or removing any event breaks the references that follow it, also
 * when several desks append to one case offline. The hash function itself (SHA-256) is applied
 * at the edge.
 *
 * Two forms are hashed. Events recorded while each case had one writer (`chain`) hash their
 * place in the chain and the one hash before them; they are kept as they were, so they still
 * verify. Events recorded since (`dag`) hash the heads they saw instead of a place: two desks
 * number their logs differently, the heads are the same everywhere.
 */

export const genesisHash = '0'.repeat(64);

export type EventForm = 'chain' | 'dag';

export interface HashedFields {
  form: EventForm;
  id: string;
  caseId: string;
  /** Chain events only: the place in the chain, from 1. */
  seq: number;
  /** The heads seen: none for a registration, one for a chain event. */
  parents: readonly string[];
  type: string;
  payload: string;
  actorId: string;
  device: string;
  at: string;
  hlc: string;
}

/** The exact bytes hashed, field order fixed; `payload` is the JSON text as stored. */
export function hashInput(f: HashedFields): string {
  if (f.form === 'chain') {
    const prevHash = f.parents[0] ?? genesisHash;
    return JSON.stringify([prevHash, f.id, f.caseId, f.seq, f.type, f.payload, f.actorId, f.device, f.at, f.hlc]);
  }
  return JSON.stringify(['dag', f.parents, f.id, f.caseId, f.type, f.payload, f.actorId, f.device, f.at, f.hlc]);
}
