import type { Kysely } from 'kysely';
import { findPolicy } from '../../db/queries/policies.ts';
import type { Database } from '../../db/schema.ts';
import type { OrgProfile, RecordType, Severity } from '../../domain/cases/vocabulary.ts';
import type { DeadlinePolicy } from '../../domain/deadlines/deadline.ts';
import { presetPolicy } from '../../domain/deadlines/presets.ts';

/** The policy for a (type, severity): the one edited in settings, else the profile's preset. */
export async function policyFor(db: Kysely<Database>, profile: OrgProfile, type: RecordType, severity: Severity): Promise<DeadlinePolicy> {
  const row = await findPolicy(db, type, severity);
  return row ? (JSON.parse(row.clocks) as DeadlinePolicy) : presetPolicy(profile, severity, type);
}
