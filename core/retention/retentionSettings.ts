import type { Kysely } from 'kysely';
import { readSettings, writeSetting } from '../../db/queries/settings.ts';
import type { Database } from '../../db/schema.ts';
import { retentionPeriodsInput } from '../../domain/api/retentionSchemas.ts';
import { defaultRetention, type RetentionPeriods } from '../../domain/retention/retentionRules.ts';
import { loadSettings } from '../settings.ts';

const periodsKey = 'retention.periods';

/** The desk's retention periods: as set, or its profile's defaults (a type added later takes its default). */
export async function loadRetention(db: Kysely<Database>): Promise<{ periods: RetentionPeriods; defaults: RetentionPeriods }> {
  const defaults = defaultRetention((await loadSettings(db)).profile);
  const stored = (await readSettings(db)).get(periodsKey) as Partial<RetentionPeriods> | undefined;
  const merged = {
    personalData: { ...defaults.personalData, ...(stored?.personalData ?? {}) },
    evidence: stored?.evidence ?? defaults.evidence,
  };
  const checked = retentionPeriodsInput.safeParse(merged);
  return { periods: checked.success ? checked.data : defaults, defaults };
}

export async function saveRetention(db: Kysely<Database>, periods: RetentionPeriods, at: string): Promise<void> {
  await writeSetting(db, periodsKey, periods, at);
}
