import type { Kysely } from 'kysely';
import { readSettings, readSettingTexts, settingsOfTexts } from '../db/queries/settings.ts';
import { readSyncConfig } from '../db/queries/sync.ts';
import type { Database } from '../db/schema.ts';
import { formatCaseNumberAs } from '../domain/cases/numbering.ts';
import type { OrgProfile } from '../domain/cases/vocabulary.ts';
import { localDateOf } from '../domain/deadlines/workingCalendar.ts';
import {
  type DeskSettingsValues,
  type SettingsSection,
  settingsDefaults,
  settingsSectionNames,
  settingsSections,
} from '../domain/settings/deskSettings.ts';

/**
 * Where each setting is stored in the `settings` table, as JSON under these keys. The names
 * are those earlier versions wrote, so stores and backups keep their values.
 */
export const sectionStorageKeys = {
  desk: {
    orgName: 'org.name',
    deskName: 'desk.name',
    deskPrefix: 'desk.prefix',
    numberFormat: 'desk.numberFormat',
    deskPhone: 'desk.phone',
    language: 'desk.language',
    idleLockMinutes: 'desk.idleLockMinutes',
  },
  printing: { printer: 'desk.printerName', slipWidth: 'print.slipWidth', printMode: 'print.mode' },
  cases: { reviewWindowDays: 'cases.reviewWindowDays' },
  privacy: { intakeNotice: 'privacy.intakeNotice' },
  deadlines: { workingHours: 'desk.workingHours', dueSoonWorkingDays: 'deadlines.dueSoonWorkingDays' },
} as const satisfies { [S in SettingsSection]: Record<keyof DeskSettingsValues[S], string> };

/** Settings no screen changes: chosen at setup, or the desk's own identity. */
const identityKeys = { profile: 'org.profile', utcOffsetMinutes: 'desk.utcOffsetMinutes', deviceId: 'device.id' } as const;

export const settingKeys = {
  ...identityKeys,
  ...sectionStorageKeys.desk,
  ...sectionStorageKeys.printing,
  ...sectionStorageKeys.cases,
  ...sectionStorageKeys.privacy,
  ...sectionStorageKeys.deadlines,
};

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every setting by its field name (field names are unique across sections), with the desk's identity. */
export type DeskSettings = UnionToIntersection<DeskSettingsValues[SettingsSection]> & {
  profile: OrgProfile;
  utcOffsetMinutes: number;
  deviceId: string | null;
};

/** Every section as stored, each field checked by its rule; a missing or unreadable value is its default. */
export async function loadSettingSections(db: Kysely<Database>): Promise<DeskSettingsValues> {
  return sectionsFrom(await readSettings(db));
}

function sectionsFrom(stored: Map<string, unknown>): DeskSettingsValues {
  const sectionOf = <S extends SettingsSection>(name: S): DeskSettingsValues[S] => {
    const shape = settingsSections[name].shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
    const keys = sectionStorageKeys[name] as Record<string, string>;
    const defaults = settingsDefaults[name] as Record<string, unknown>;
    const values: Record<string, unknown> = {};
    for (const field of Object.keys(defaults)) {
      const raw = stored.get(keys[field] ?? '');
      const parsed = raw === undefined ? null : shape[field]?.safeParse(raw);
      values[field] = parsed?.success ? parsed.data : defaults[field];
    }
    return values as DeskSettingsValues[S];
  };
  return Object.fromEntries(settingsSectionNames.map((name) => [name, sectionOf(name)])) as DeskSettingsValues;
}

const deskSettingKeys = new Set<string>(Object.values(settingKeys));

/**
 * The desk's settings last validated, with the stored text they came from. Registration and most
 * handlers read the settings on every call, and validating each field again cost more than
 * reading the rows; the text decides, so a change by any handler, a sync or a restore is seen at
 * the next read. Only the desk's own keys make up the text (never the seal's signing key).
 */
let lastValidated: { text: string; settings: Readonly<DeskSettings> } | undefined;

function validated(rows: readonly { key: string; value: string }[]): Readonly<DeskSettings> {
  const desk = rows.filter((r) => deskSettingKeys.has(r.key));
  const text = desk.map((r) => `${r.key}\u0000${r.value}`).join('\u0001');
  if (lastValidated?.text === text) return lastValidated.settings;
  const stored = settingsOfTexts(desk);
  const sections = sectionsFrom(stored);
  const flat = Object.assign({}, ...settingsSectionNames.map((name) => sections[name])) as UnionToIntersection<
    DeskSettingsValues[SettingsSection]
  >;
  const settings: DeskSettings = {
    ...flat,
    profile: (stored.get(identityKeys.profile) as OrgProfile | undefined) ?? 'hospital',
    utcOffsetMinutes: (stored.get(identityKeys.utcOffsetMinutes) as number | undefined) ?? 480,
    deviceId: (stored.get(identityKeys.deviceId) as string | undefined) ?? null,
  };
  // Shared by every later read: frozen, so that no caller's change reaches the next one.
  for (const value of Object.values(settings)) if (typeof value === 'object' && value !== null) Object.freeze(value);
  lastValidated = { text, settings: Object.freeze(settings) };
  return lastValidated.settings;
}

export async function loadSettings(db: Kysely<Database>): Promise<DeskSettings> {
  const settings = validated(await readSettingTexts(db));
  // Once the desk joined a sync site its numbers carry the prefix the site gave it, so two desks never hand out one number.
  const sync = await readSyncConfig(db);
  return { ...settings, ...(sync ? { deskPrefix: sync.prefix } : {}) };
}

/** What the next number of this month will look like, so the administrator sees the format. */
export function nextNumberExample(s: Pick<DeskSettings, 'numberFormat' | 'deskPrefix' | 'utcOffsetMinutes'>, now: Date): string {
  const today = localDateOf(now, s.utcOffsetMinutes);
  return formatCaseNumberAs(s.numberFormat, s.deskPrefix, Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1);
}
