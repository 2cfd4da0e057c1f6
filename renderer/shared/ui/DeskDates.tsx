import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import { DateInput, type DateInputProps, DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../locales/resources.ts';

/** The dayjs locale of each desk language: month and weekday names in the calendars. */
const dayjsLocales: Readonly<Record<Language, string>> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

/** The calendars follow the desk's language; weeks start on Monday as in China and Taiwan. */
export function DeskDatesProvider(props: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = dayjsLocales[i18n.language as Language] ?? 'zh-cn';
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1, weekendDays: [0, 6] }}>{props.children}</DatesProvider>;
}

type DeskDateProps = Omit<DateInputProps, 'valueFormat' | 'withTime'>;

/**
 * A date typed as `2026-11-30` (read the same way in every language and parsed back without
 * doubt) or picked from a calendar in the desk's language, instead of the browser's own input
 * that shows `mm/dd/yyyy` inside a Chinese screen. The value is a `YYYY-MM-DD` string.
 */
export function DeskDateInput(props: DeskDateProps) {
  const { t } = useTranslation();
  return <DateInput valueFormat="YYYY-MM-DD" placeholder={t('dates.date')} allowDeselect {...props} />;
}

/** A date and time typed as `2026-11-30 14:30` (24-hour, desk time) or picked; the value is `YYYY-MM-DD HH:mm:ss`. */
export function DeskDateTimeInput(props: DeskDateProps) {
  const { t } = useTranslation();
  return <DateInput valueFormat="YYYY-MM-DD HH:mm" withTime placeholder={t('dates.dateTime')} allowDeselect {...props} />;
}
