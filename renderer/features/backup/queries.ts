import { queryOptions } from '@tanstack/react-query';
import { client } from '../../shared/api/client.ts';
import { deskQuery, prefetchedFreshMs } from '../../shared/api/queries.ts';

/** Read every minute: the top bar turns to "overdue" without a reload. */
export const backupStatusQuery = () => ({ ...deskQuery('backup.status', {}), refetchInterval: 60_000 });

/** The generations in the folder; asked again when a new backup was made or the folder changed. */
export const backupListQuery = (folder: string, lastBackupAt: string) =>
  queryOptions({ queryKey: ['backup.list', folder, lastBackupAt] as const, queryFn: () => client.call('backup.list', {}) });

/**
 * Asked every few seconds while the store is checked in the background, then no more. A reload's
 * session check has just asked the same (`startSessionCheck`): its answer stands for a moment.
 */
export const storeCheckQuery = () =>
  queryOptions({
    ...deskQuery('desk.health', {}),
    staleTime: prefetchedFreshMs,
    refetchInterval: (query) => {
      const health = query.state.data;
      return health?.state === 'ok' && health.checking ? 3_000 : false;
    },
  });

/** The backups a restore may choose from: every generation in the folder. */
export const restoreChoicesQuery = () => deskQuery('backup.list', {});

/** What protects the store's key, and when the recovery key was made. */
export const keysStatusQuery = () => deskQuery('keys.status', {});
