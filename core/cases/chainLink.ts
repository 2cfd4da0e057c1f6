import type { CaseEventRow } from '../../db/queries/caseEvents.ts';
import { type HashedFields, hashInput } from '../../domain/cases/hashChain.ts';

export type LinkFault = 'sequence' | 'link' | 'hash';

export function hashedFieldsOf(e: CaseEventRow): HashedFields {
  return {
    id: e.id,
    caseId: e.case_id,
    seq: e.seq,
    type: e.type,
    payload: e.payload,
    actorId: e.actor_id,
    device: e.device,
    at: e.at,
    hlc: e.hlc,
    prevHash: e.prev_hash,
  };
}

/**
 * What is wrong with one stored event as the successor of `previous` in its case's chain, or
 * null. The one rule behind both the desk's own check (cases.verifyChain) and the check of
 * backups and imports on a raw connection.
 */
export function linkFault(previous: { seq: number; hash: string }, e: CaseEventRow, sha256: (text: string) => string): LinkFault | null {
  if (e.seq !== previous.seq + 1) return 'sequence';
  if (e.prev_hash !== previous.hash) return 'link';
  if (sha256(hashInput(hashedFieldsOf(e))) !== e.hash) return 'hash';
  return null;
}
