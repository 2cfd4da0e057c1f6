import type { AttachmentRef, Complainant, Witness } from '../cases/events.ts';
import type { CaseStatus, CorrectableField, RecordType } from '../cases/vocabulary.ts';
import type { PersonRole } from '../privacy/personMatch.ts';
import type { RemovalKind } from '../retention/retentionRules.ts';

/** What the desk holds about one person: the answer to a request under PIPL art. 44–45. */
export interface PersonCase {
  id: string;
  number: string;
  type: RecordType;
  status: CaseStatus;
  receivedAt: string;
  /** When the case was finished (closed, declined…); null while it is being handled. */
  finishedAt: string | null;
  /** How the person appears in it: the complainant, one of a group's complainants, a witness. */
  roles: PersonRole[];
  complainant: Complainant;
  /** The other complainants and witnesses of the case who are this person. */
  asCoComplainant: Complainant[];
  asWitness: Witness[];
  subject: string;
  content: string;
  demands: string | null;
  /** Corrections of the complainant's data, oldest first. */
  corrections: { at: string; field: CorrectableField; before: string | null; after: string | null; reason: string }[];
  attachments: Pick<AttachmentRef, 'name' | 'mime' | 'size'>[];
  /** When retention removes the personal data and the evidence, at the current periods (null while open). */
  personalDataUntil: string | null;
  evidenceUntil: string | null;
  /** What was removed already (by retention or on request). */
  removed: RemovalKind[];
  /** Whether the person may have it removed now: a finished case in which they are the complainant, not yet cleared. */
  erasable: boolean;
}

export interface PersonReport {
  /** The query as the desk read it: the phone in its lookup form, the ID number in capitals. */
  query: { phone: string | null; idNumber: string | null };
  asOf: string;
  cases: PersonCase[];
  /** More cases matched than the report lists. */
  truncated: boolean;
}

export interface PersonErasure {
  cases: number;
  files: number;
}
