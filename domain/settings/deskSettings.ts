import { z } from 'zod';
import { textLimits } from '../api/limits.ts';
import { numberFormats } from '../cases/numbering.ts';
import { defaultWorkingHours, formatClockTime } from '../deadlines/workingHours.ts';

/**
 * The desk's settings: one schema, by section, with every field's rule and its default side by
 * side. `settings.get` answers every section, `settings.update` takes any of them in part, and
 * the permission matrix says who may change each section (domain/access/permissions.ts).
 * A new section (sync, retention...) is a new entry here, its defaults, its row in the matrix
 * and its storage keys in core/settings.ts; the type check points at each place.
 */

export const deskLanguages = ['zh-CN', 'zh-TW', 'en'] as const;
export type DeskLanguage = (typeof deskLanguages)[number];
/** The privacy notice at intake: a few sentences, short enough for an 80 mm slip. */
const noticeLimit = 400;
/** Idle lock in minutes; fractions allowed so a test (or a very busy desk) can use seconds. */
export const idleLockMinutesRange = { min: 0.1, max: 240 } as const;
/** How many calendar days after closing a complainant may still ask for a review (复核). */
export const reviewWindowRange = { min: 1, max: 365 } as const;
/** A case number's prefix starts with a letter, so it never reads as part of the date that follows it. */
export const deskPrefixPattern = /^(?:[A-Z][A-Z0-9]{0,3})?$/;

const clockTimeRange = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/);
const blankOr = (max: number) => z.string().trim().max(max);

export const settingsSections = {
  /** The organisation and its desk: names, case numbers, the phone on the slip, language and lock. */
  desk: z.strictObject({
    orgName: z.string().trim().min(1).max(textLimits.name),
    deskName: blankOr(textLimits.name),
    deskPrefix: z.string().trim().toUpperCase().regex(deskPrefixPattern, { message: 'deskPrefix' }),
    numberFormat: z.enum(numberFormats),
    deskPhone: z
      .string()
      .trim()
      .max(40)
      .refine((v) => v === '' || /^\+?[0-9][0-9 ()-]{2,30}$/.test(v), { message: 'phone' }),
    /** The desk's language until someone picks another on the sign-in screen. */
    language: z.enum(deskLanguages),
    /** The screen locks after this long without keyboard or mouse. */
    idleLockMinutes: z.number().min(idleLockMinutesRange.min).max(idleLockMinutesRange.max),
  }),
  /** Printing: the printer (blank: the system's default), the slip's paper and how a print is sent. */
  printing: z.strictObject({
    printer: blankOr(textLimits.shortText),
    slipWidth: z.enum(['80', '58']),
    printMode: z.enum(['silent', 'dialog', 'pdf']),
  }),
  /** Case handling: the review window. */
  cases: z.strictObject({
    reviewWindowDays: z.int().min(reviewWindowRange.min).max(reviewWindowRange.max),
  }),
  /**
   * Privacy: the short notice at intake (purpose, retention, who to ask) printed on the slip and the
   * registration form and shown on the registration screen, per language; blank: the built-in words.
   */
  privacy: z.strictObject({
    intakeNotice: z.strictObject({ 'zh-CN': blankOr(noticeLimit), 'zh-TW': blankOr(noticeLimit), en: blankOr(noticeLimit) }),
  }),
  /** Deadlines: opening hours ("HH:MM-HH:MM") and how early a running clock counts as due soon (working days). */
  deadlines: z.strictObject({
    workingHours: z.array(clockTimeRange).min(1).max(4),
    dueSoonWorkingDays: z.int().min(0).max(10),
  }),
};

export type SettingsSection = keyof typeof settingsSections;
export const settingsSectionNames = Object.keys(settingsSections) as SettingsSection[];

/** Every section's values, as `settings.get` answers them. */
export type DeskSettingsValues = { [S in SettingsSection]: z.output<(typeof settingsSections)[S]> };

export const settingsDefaults: DeskSettingsValues = {
  desk: {
    orgName: '',
    deskName: '',
    deskPrefix: '',
    numberFormat: 'YYMM-NNNN',
    deskPhone: '',
    language: 'zh-CN',
    idleLockMinutes: 5,
  },
  printing: { printer: '', slipWidth: '80', printMode: 'dialog' },
  cases: { reviewWindowDays: 30 },
  privacy: { intakeNotice: { 'zh-CN': '', 'zh-TW': '', en: '' } },
  deadlines: {
    workingHours: defaultWorkingHours.map((p) => `${formatClockTime(p.start)}-${formatClockTime(p.end)}`),
    dueSoonWorkingDays: 1,
  },
};

type Section<S extends SettingsSection> = (typeof settingsSections)[S];
type Shape<S extends SettingsSection> = Section<S>['shape'];
type PartialSection<S extends SettingsSection> = z.ZodObject<
  { [K in keyof Shape<S>]: Shape<S>[K] extends z.ZodType ? z.ZodOptional<Shape<S>[K]> : never },
  z.core.$strict
>;
type PartialSections = { [S in SettingsSection]: z.ZodOptional<PartialSection<S>> };

/** `settings.update`: any sections, each in part; a field left out keeps its value. */
export const updateSettingsInput = z.strictObject(
  Object.fromEntries(Object.entries(settingsSections).map(([name, section]) => [name, section.partial().optional()])) as PartialSections,
);

/** The settings as `settings.get` answers them, with the next case number shown as an example. */
export type DeskSettingsView = DeskSettingsValues & {
  nextNumberExample: string;
  /** The prefix the sync site gave this desk when it joined: its numbers carry it, and `desk.deskPrefix` is not used meanwhile. */
  sitePrefix: string | null;
};
