/** Dates shown in the desk's time zone (UTC+8 covers mainland China, Hong Kong and Taiwan). */
const deskTimeZone = 'Asia/Shanghai';

// Building an Intl.DateTimeFormat costs far more than formatting with one (the board formats a
// date per card), so each is made once per locale and kept.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function kept(cache: Map<string, Intl.DateTimeFormat>, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: deskTimeZone, ...options });
    cache.set(locale, format);
  }
  return format;
}

export function formatDateTime(iso: string, locale: string): string {
  return kept(dateTimeFormats, locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, locale: string): string {
  return kept(dateFormats, locale, { dateStyle: 'long' }).format(new Date(iso));
}
