import type { RecordType } from '../cases/vocabulary.ts';
import type { RemovalKind, RetentionPeriods } from '../retention/retentionRules.ts';

/** What the retention methods answer. */

export interface RetentionSettings {
  periods: RetentionPeriods;
  /** The desk's profile's defaults, to go back to. */
  defaults: RetentionPeriods;
}

export interface RetentionDue {
  id: string;
  number: string;
  type: RecordType;
  finishedAt: string;
  /** What will be removed: evidence files only, or the personal data with them. */
  kinds: RemovalKind[];
  /** Evidence files that go with it. */
  files: number;
}

export interface RetentionPreview {
  asOf: string;
  /** Every case due; `cases` lists the first of them. */
  total: number;
  cases: RetentionDue[];
}

export interface RetentionResult {
  cases: number;
  files: number;
}
