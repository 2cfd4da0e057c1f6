import { useQuery } from '@tanstack/react-query';
import { invalidate } from '../../shared/api/queries.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { backupStatusQuery } from './queries.ts';

/**
 * The desk's backup status, read every minute and after every change. Until a first read
 * succeeds the status is null and the top bar shows nothing; the backup page says why.
 */
export function useBackupStatus() {
  const query = useQuery(backupStatusQuery());
  return {
    status: query.data ?? null,
    error: query.error ? deskErrorMessage(query.error) : null,
    refresh: () => invalidate('backup.status'),
  };
}

/** After a backup or a settings change: the top bar's indicator and the page read the status again. */
export const announceBackupChange = () => void invalidate('backup.status');

export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}
