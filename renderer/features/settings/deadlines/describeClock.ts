import type { DeadlineClock } from '../../../../domain/deadlines/deadline.ts';

/** A clock in words: "5 working days (several departments 10)". */
export function describeClock(clock: DeadlineClock, t: (k: string, values?: Record<string, string>) => string): string {
  const base = `${clock.amount} ${t(`deadlines:units.${clock.unit}`)}`;
  return clock.severalDepartments
    ? `${base}${t('common:punctuation.aside', { text: `${t('deadlines:page.several')} ${clock.severalDepartments}` })}`
    : base;
}
