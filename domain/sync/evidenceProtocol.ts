import { attachmentLimits } from '../api/limits.ts';

/**
 * Evidence files on the wire: content-addressed by SHA-256, one request per file, the body the
 * file's bytes (so the signed body digest is the file's name). A desk uploads a file after the
 * event naming it was pushed, naming that event's case; it downloads only files its site holds.
 */
export const maxEvidenceBytes = attachmentLimits.maxBytes;

const evidencePathPattern = /^\/v1\/evidence\/([0-9a-f]{64})$/;

/** The SHA-256 an evidence path names, or null for any other path. */
export function evidenceShaOf(pathname: string): string | null {
  return evidencePathPattern.exec(pathname)?.[1] ?? null;
}

export const evidencePath = (sha256: string, caseId?: string) =>
  `/v1/evidence/${sha256}${caseId ? `?case=${encodeURIComponent(caseId)}` : ''}`;

export interface PutEvidenceResponse {
  /** False when the site held the file already: an upload sent twice changes nothing. */
  stored: boolean;
}
