import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../domain/api/syncViews.ts';
import { formatDateTime } from '../../shared/format.ts';

/**
 * The status in words, and its colour: synced, syncing, offline since …, n waiting, error.
 * `label` says all of it (the sync page, the top bar's tooltip); `short` is the top bar's, where
 * an offline desk says only that it is offline and how much waits, never since when.
 */
export function syncLabel(status: SyncStatus, t: TFunction, locale: string): { label: string; short: string; color: string } {
  const waiting = status.pending > 0 ? ` · ${t('sync:state.waiting', { count: status.pending })}` : '';
  switch (status.state) {
    case 'off':
      return { label: t('sync:state.off'), short: t('sync:state.off'), color: 'gray' };
    case 'syncing':
      return { label: t('sync:state.syncing') + waiting, short: t('sync:state.syncing') + waiting, color: 'blue' };
    case 'offline':
      return {
        label:
          (status.offlineSince
            ? t('sync:state.offline', { since: formatDateTime(status.offlineSince, locale) })
            : t('sync:state.offlineNever')) + waiting,
        short: t('sync:state.offlineNever') + waiting,
        color: 'orange',
      };
    case 'error':
      return { label: t('sync:state.error') + waiting, short: t('sync:state.error') + waiting, color: 'red' };
    case 'synced':
      return {
        label: t('sync:state.synced') + waiting,
        short: t('sync:state.synced') + waiting,
        color: status.pending > 0 ? 'yellow' : 'green',
      };
  }
}

/** What went wrong last, in words a receptionist understands. */
export function syncProblemText(status: SyncStatus, t: TFunction): string | null {
  const e = status.lastError;
  return e ? t(`sync:problem.${e.problem}`, { caseId: e.caseId ?? '' }) : null;
}
