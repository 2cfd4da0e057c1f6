import { z } from 'zod';
import { maxBatch } from './protocol.ts';

/**
 * The wire of removals (same signing and versioning as the case events): a desk that took data
 * out of a case at the end of retention or at the person's request tells the site, so the
 * server deletes the case's evidence files and the other desks take the same data out of their
 * copies. No personal data travels: the case, the kinds removed, when, by whom and why.
 */
export const wireRemovalSchema = z.object({
  caseId: z.string().regex(/^[0-9a-f-]{36}$/),
  kinds: z
    .array(z.enum(['evidence', 'personalData']))
    .min(1)
    .max(2),
  at: z.string().max(40),
  removedBy: z.string().min(1).max(64),
  reason: z.string().min(1).max(100),
});
export type WireRemoval = z.infer<typeof wireRemovalSchema>;

export const removalPushSchema = z.object({ removals: z.array(wireRemovalSchema).max(maxBatch) });

export interface RemovalPushResponse {
  /** Removals that told the site something new (a case, or a kind of it, not removed before). */
  accepted: number;
  /** Evidence files whose bytes the server deleted. */
  files: number;
}

export interface PulledRemoval extends WireRemoval {
  serverSeq: number;
}

export interface RemovalPullResponse {
  removals: PulledRemoval[];
  cursor: number;
  more: boolean;
}
