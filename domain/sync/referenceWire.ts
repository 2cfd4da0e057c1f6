import { z } from 'zod';
import { maxBatch } from './protocol.ts';
import { referenceKinds } from './referenceRecords.ts';

/**
 * The wire of reference records and the audit log (same signing and versioning as the case
 * events, domain/sync/protocol.ts). A record's row travels as JSON text; `null` is a deletion.
 */
export const wireReferenceSchema = z.object({
  kind: z.enum(referenceKinds),
  key: z.string().min(1).max(200),
  hlc: z.string().min(1).max(120),
  row: z.string().max(200_000).nullable(),
});
export type WireReference = z.infer<typeof wireReferenceSchema>;

export const referencePushSchema = z.object({ records: z.array(wireReferenceSchema).max(maxBatch) });

export interface ReferencePushResponse {
  /** Records the server took as the newest of their key. */
  accepted: number;
  /** Records the server holds the same or a newer version of. */
  stale: number;
}

export interface PulledReference extends WireReference {
  serverSeq: number;
  /** The group wrote this record for every site (domain/sync/groupRecords.ts): the desk keeps it read-only. */
  group?: true;
}

export interface ReferencePullResponse {
  records: PulledReference[];
  cursor: number;
  more: boolean;
}

export const wireAuditSchema = z.object({
  id: z.string().min(1).max(64),
  at: z.string().max(40),
  actorId: z.string().max(64).nullable(),
  action: z.string().min(1).max(100),
  target: z.string().max(500).nullable(),
  detail: z.string().max(100_000).nullable(),
});
export type WireAudit = z.infer<typeof wireAuditSchema>;

export const auditPushSchema = z.object({ entries: z.array(wireAuditSchema).max(maxBatch) });

export interface AuditPushResponse {
  accepted: number;
  duplicates: number;
}
