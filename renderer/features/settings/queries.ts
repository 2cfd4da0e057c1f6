import { keepPreviousData } from '@tanstack/react-query';
import { deskQuery, prefetchedFreshMs } from '../../shared/api/queries.ts';

/** Every section of the desk's settings, read once and shared by the pages that show them. */
export const settingsQuery = () => ({ ...deskQuery('settings.get', {}), staleTime: prefetchedFreshMs });

/** The deadline policies per record type and severity, presets and the desk's own. */
export const policiesQuery = () => deskQuery('policies.list', {});

/** One year of the working calendar (the current one when `year` is null); the last year stays shown while the next loads. */
export const calendarQuery = (year: number | null) => ({
  ...deskQuery('calendar.get', year === null ? {} : { year }),
  placeholderData: keepPreviousData,
});
