import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus } from '../../../domain/api/backupViews.ts';
import { useSession } from '../../app/deskSession.tsx';

const refreshMs = 60_000;

/** The desk's backup status, refreshed every minute and on demand. */
export function useBackupStatus() {
  const { client } = useSession();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const refresh = useCallback(async () => {
    setStatus(await client.call('backup.status', {}).catch(() => null));
  }, [client]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), refreshMs);
    const onChange = () => void refresh();
    window.addEventListener(backupChangedEvent, onChange);
    return () => {
      clearInterval(timer);
      window.removeEventListener(backupChangedEvent, onChange);
    };
  }, [refresh]);
  return { status, refresh };
}

/** Fired after a backup or a settings change, so the top bar's indicator updates at once. */
export const backupChangedEvent = 'desk:backup-changed';
export const announceBackupChange = () => window.dispatchEvent(new Event(backupChangedEvent));

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
