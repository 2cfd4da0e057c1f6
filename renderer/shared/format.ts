/** Dates shown in the desk's time zone (UTC+8 covers mainland China, Hong Kong and Taiwan). */
const deskTimeZone = 'Asia/Shanghai';

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: deskTimeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: deskTimeZone, dateStyle: 'long' }).format(new Date(iso));
}
