import type { Kysely } from 'kysely';
import { readSettings } from '../db/queries/settings.ts';
import type { Database } from '../db/schema.ts';
import type { OrgProfile } from '../domain/cases/vocabulary.ts';

/** The desk's settings with their defaults; stored as JSON values under these keys. */
export interface DeskSettings {
  orgName: string | null;
  profile: OrgProfile;
  deskPrefix: string;
  utcOffsetMinutes: number;
  deviceId: string | null;
  /** How many calendar days after closing a complainant may ask for a review (复核). */
  reviewWindowDays: number;
}

export const settingKeys = {
  orgName: 'org.name',
  profile: 'org.profile',
  deskPrefix: 'desk.prefix',
  utcOffsetMinutes: 'desk.utcOffsetMinutes',
  deviceId: 'device.id',
  reviewWindowDays: 'cases.reviewWindowDays',
} as const satisfies Record<keyof DeskSettings, string>;

export async function loadSettings(db: Kysely<Database>): Promise<DeskSettings> {
  const s = await readSettings(db);
  return {
    orgName: (s.get(settingKeys.orgName) as string | undefined) ?? null,
    profile: (s.get(settingKeys.profile) as OrgProfile | undefined) ?? 'hospital',
    deskPrefix: (s.get(settingKeys.deskPrefix) as string | undefined) ?? '',
    utcOffsetMinutes: (s.get(settingKeys.utcOffsetMinutes) as number | undefined) ?? 480,
    deviceId: (s.get(settingKeys.deviceId) as string | undefined) ?? null,
    reviewWindowDays: (s.get(settingKeys.reviewWindowDays) as number | undefined) ?? 30,
  };
}
