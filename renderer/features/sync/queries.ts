import { deskQuery, invalidate } from '../../shared/api/queries.ts';

/** Read every few seconds: the top bar follows rounds the desk runs by itself. */
export const syncStatusQuery = () => ({ ...deskQuery('sync.status', {}), refetchInterval: 5_000 });

/** After joining, a round by hand or leaving: the top bar and the page read the status again. */
export const announceSyncChange = () => void invalidate('sync.status');

/** Account names this desk and the site give to two people, read again after each round. */
export const syncClashesQuery = () => ({ ...deskQuery('sync.clashes', {}), refetchInterval: 15_000 });

export const announceClashSettled = () => void invalidate('sync.clashes', 'users.list');
