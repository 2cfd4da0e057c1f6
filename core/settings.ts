import type { Kysely } from 'kysely';
import { readSettings } from '../db/queries/settings.ts';
import type { Database } from '../db/schema.ts';
import { type NumberFormat, numberFormats } from '../domain/cases/numbering.ts';
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
  deskPhone: string;
  printerName: string;
  /** The desk's language until someone picks another on the sign-in screen. */
  language: 'zh-CN' | 'zh-TW' | 'en';
  /** The screen locks after this long without keyboard or mouse. */
  idleLockMinutes: number;
  numberFormat: NumberFormat;
  deskName: string | null;
  slipWidth: '80' | '58';
  printMode: 'silent' | 'dialog' | 'pdf';
}

export const settingKeys = {
  orgName: 'org.name',
  profile: 'org.profile',
  deskPrefix: 'desk.prefix',
  utcOffsetMinutes: 'desk.utcOffsetMinutes',
  deviceId: 'device.id',
  reviewWindowDays: 'cases.reviewWindowDays',
  deskPhone: 'desk.phone',
  printerName: 'desk.printerName',
  language: 'desk.language',
  idleLockMinutes: 'desk.idleLockMinutes',
  numberFormat: 'desk.numberFormat',
  deskName: 'desk.name',
  slipWidth: 'print.slipWidth',
  printMode: 'print.mode',
} as const satisfies Record<keyof DeskSettings, string>;

export async function loadSettings(db: Kysely<Database>): Promise<DeskSettings> {
  const s = await readSettings(db);
  const numberFormat = s.get(settingKeys.numberFormat) as NumberFormat | undefined;
  return {
    orgName: (s.get(settingKeys.orgName) as string | undefined) ?? null,
    profile: (s.get(settingKeys.profile) as OrgProfile | undefined) ?? 'hospital',
    deskPrefix: (s.get(settingKeys.deskPrefix) as string | undefined) ?? '',
    utcOffsetMinutes: (s.get(settingKeys.utcOffsetMinutes) as number | undefined) ?? 480,
    deviceId: (s.get(settingKeys.deviceId) as string | undefined) ?? null,
    reviewWindowDays: (s.get(settingKeys.reviewWindowDays) as number | undefined) ?? 30,
    deskPhone: (s.get(settingKeys.deskPhone) as string | undefined) ?? '',
    printerName: (s.get(settingKeys.printerName) as string | undefined) ?? '',
    language: (s.get(settingKeys.language) as DeskSettings['language'] | undefined) ?? 'zh-CN',
    idleLockMinutes: (s.get(settingKeys.idleLockMinutes) as number | undefined) ?? 5,
    numberFormat: numberFormat && numberFormats.includes(numberFormat) ? numberFormat : 'YYMM-NNNN',
    deskName: (s.get(settingKeys.deskName) as string | undefined) ?? null,
    slipWidth: (s.get(settingKeys.slipWidth) as '80' | '58' | undefined) ?? '80',
    printMode: (s.get(settingKeys.printMode) as 'silent' | 'dialog' | 'pdf' | undefined) ?? 'dialog',
  };
}
