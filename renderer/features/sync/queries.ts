import { deskQuery, invalidate } from '../../shared/api/queries.ts';

/** Read every few seconds: the top bar follows rounds the desk runs by itself. */
export const syncStatusQuery = () => ({ ...deskQuery('sync.status', {}), refetchInterval: 5_000 });

/** After joining, a round by hand or leaving: the top bar and the page read the status again. */
export const announceSyncChange = () => void invalidate('sync.status');
