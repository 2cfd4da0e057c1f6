import enAccess from './en/access.json' with { type: 'json' };
import enBackup from './en/backup.json' with { type: 'json' };
import enCases from './en/cases.json' with { type: 'json' };
import enCommon from './en/common.json' with { type: 'json' };
import enConsole from './en/console.json' with { type: 'json' };
import enConsoleReports from './en/consoleReports.json' with { type: 'json' };
import enConsoleTransfer from './en/consoleTransfer.json' with { type: 'json' };
import enDeadlines from './en/deadlines.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import enHandling from './en/handling.json' with { type: 'json' };
import enPrint from './en/print.json' with { type: 'json' };
import enPrivacy from './en/privacy.json' with { type: 'json' };
import enRegistration from './en/registration.json' with { type: 'json' };
import enReports from './en/reports.json' with { type: 'json' };
import enServer from './en/server.json' with { type: 'json' };
import enSetup from './en/setup.json' with { type: 'json' };
import enSync from './en/sync.json' with { type: 'json' };
import zhCNAccess from './zh-CN/access.json' with { type: 'json' };
import zhCNBackup from './zh-CN/backup.json' with { type: 'json' };
import zhCNCases from './zh-CN/cases.json' with { type: 'json' };
import zhCNCommon from './zh-CN/common.json' with { type: 'json' };
import zhCNConsole from './zh-CN/console.json' with { type: 'json' };
import zhCNConsoleReports from './zh-CN/consoleReports.json' with { type: 'json' };
import zhCNConsoleTransfer from './zh-CN/consoleTransfer.json' with { type: 'json' };
import zhCNDeadlines from './zh-CN/deadlines.json' with { type: 'json' };
import zhCNErrors from './zh-CN/errors.json' with { type: 'json' };
import zhCNHandling from './zh-CN/handling.json' with { type: 'json' };
import zhCNPrint from './zh-CN/print.json' with { type: 'json' };
import zhCNPrivacy from './zh-CN/privacy.json' with { type: 'json' };
import zhCNRegistration from './zh-CN/registration.json' with { type: 'json' };
import zhCNReports from './zh-CN/reports.json' with { type: 'json' };
import zhCNServer from './zh-CN/server.json' with { type: 'json' };
import zhCNSetup from './zh-CN/setup.json' with { type: 'json' };
import zhCNSync from './zh-CN/sync.json' with { type: 'json' };
import zhTWAccess from './zh-TW/access.json' with { type: 'json' };
import zhTWBackup from './zh-TW/backup.json' with { type: 'json' };
import zhTWCases from './zh-TW/cases.json' with { type: 'json' };
import zhTWCommon from './zh-TW/common.json' with { type: 'json' };
import zhTWConsole from './zh-TW/console.json' with { type: 'json' };
import zhTWConsoleReports from './zh-TW/consoleReports.json' with { type: 'json' };
import zhTWConsoleTransfer from './zh-TW/consoleTransfer.json' with { type: 'json' };
import zhTWDeadlines from './zh-TW/deadlines.json' with { type: 'json' };
import zhTWErrors from './zh-TW/errors.json' with { type: 'json' };
import zhTWHandling from './zh-TW/handling.json' with { type: 'json' };
import zhTWPrint from './zh-TW/print.json' with { type: 'json' };
import zhTWPrivacy from './zh-TW/privacy.json' with { type: 'json' };
import zhTWRegistration from './zh-TW/registration.json' with { type: 'json' };
import zhTWReports from './zh-TW/reports.json' with { type: 'json' };
import zhTWServer from './zh-TW/server.json' with { type: 'json' };
import zhTWSetup from './zh-TW/setup.json' with { type: 'json' };
import zhTWSync from './zh-TW/sync.json' with { type: 'json' };

/** Every language's resources, bundled statically so the app needs no files at run time. */
export const resources = {
  'zh-CN': {
    common: zhCNCommon,
    setup: zhCNSetup,
    cases: zhCNCases,
    errors: zhCNErrors,
    handling: zhCNHandling,
    backup: zhCNBackup,
    deadlines: zhCNDeadlines,
    reports: zhCNReports,
    server: zhCNServer,
    access: zhCNAccess,
    registration: zhCNRegistration,
    print: zhCNPrint,
    privacy: zhCNPrivacy,
    sync: zhCNSync,
    console: zhCNConsole,
    consoleTransfer: zhCNConsoleTransfer,
    consoleReports: zhCNConsoleReports,
  },
  'zh-TW': {
    common: zhTWCommon,
    setup: zhTWSetup,
    cases: zhTWCases,
    errors: zhTWErrors,
    handling: zhTWHandling,
    backup: zhTWBackup,
    deadlines: zhTWDeadlines,
    reports: zhTWReports,
    server: zhTWServer,
    access: zhTWAccess,
    registration: zhTWRegistration,
    print: zhTWPrint,
    privacy: zhTWPrivacy,
    sync: zhTWSync,
    console: zhTWConsole,
    consoleTransfer: zhTWConsoleTransfer,
    consoleReports: zhTWConsoleReports,
  },
  en: {
    common: enCommon,
    setup: enSetup,
    cases: enCases,
    errors: enErrors,
    handling: enHandling,
    backup: enBackup,
    deadlines: enDeadlines,
    reports: enReports,
    server: enServer,
    access: enAccess,
    registration: enRegistration,
    print: enPrint,
    privacy: enPrivacy,
    sync: enSync,
    console: enConsole,
    consoleTransfer: enConsoleTransfer,
    consoleReports: enConsoleReports,
  },
} as const;

export const languages = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';
export const namespaces = [
  'common',
  'setup',
  'cases',
  'errors',
  'handling',
  'backup',
  'deadlines',
  'reports',
  'server',
  'access',
  'registration',
  'print',
  'privacy',
  'sync',
  'console',
  'consoleTransfer',
  'consoleReports',
] as const;

/** The supported language closest to a BCP 47 tag or an Accept-Language header. */
export function pickLanguage(requested: string | undefined | null): Language {
  for (const part of (requested ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!tag) continue;
    if (tag === 'zh-tw' || tag === 'zh-hk' || tag === 'zh-mo' || tag.startsWith('zh-hant')) return 'zh-TW';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return defaultLanguage;
}
