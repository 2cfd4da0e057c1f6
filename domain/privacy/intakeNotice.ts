import type { DeskLanguage } from '../settings/deskSettings.ts';

/** The privacy notice at intake in each of the desk's languages; a blank one means the desk's built-in words. */
export type IntakeNotices = Record<DeskLanguage, string>;

/**
 * The notice the slip, the registration form and the registration screen carry in `lang`: the
 * text the desk set for that language, or else the built-in one (purpose, retention, who to ask).
 */
export function intakeNoticeText(notices: IntakeNotices, lang: DeskLanguage, builtIn: string): string {
  return notices[lang].trim() || builtIn;
}
