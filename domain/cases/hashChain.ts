/**
 * The hash chain of a case's events makes tampering evident: each event's hash covers its
 * predecessor's hash and every stored field, so editing or removing any event breaks every
 * later link. The hash function itself (SHA-256) is applied at the edge.
 */

export const genesisHash = '0'.repeat(64);

export interface HashedFields {
  id: string;
  caseId: string;
  seq: number;
  type: string;
  payload: string;
  actorId: string;
  device: string;
  at: string;
  hlc: string;
  prevHash: string;
}

/** The exact bytes hashed, field order fixed; `payload` is the JSON text as stored. */
export function hashInput(f: HashedFields): string {
  return JSON.stringify([f.prevHash, f.id, f.caseId, f.seq, f.type, f.payload, f.actorId, f.device, f.at, f.hlc]);
}
