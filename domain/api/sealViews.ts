/** What the year-end sealing methods answer. */

export interface SealYearSummary {
  year: number;
  cases: number;
  finished: number;
  sealed: { sealedAt: string; caseCount: number; carriedOver: number; manifestSha256: string } | null;
}

export interface SealPreview {
  year: number;
  cases: number;
  finished: number;
  sealed: boolean;
  /** Cases of the year not yet finished: closed, or carried over, before sealing. */
  open: { id: string; number: string; subject: string; status: string }[];
}

export interface SealResult {
  year: number;
  caseCount: number;
  carriedOver: number;
  manifestSha256: string;
}

export interface SealVerification {
  year: number;
  ok: boolean;
  cases: number;
  /** The manifest rebuilt from the sealed cases hashes to what was signed. */
  manifestOk: boolean;
  signatureOk: boolean;
  manifestSha256: string;
  problems: { number: string; problem: 'chainBroken' | 'changedSinceSealed' }[];
}
