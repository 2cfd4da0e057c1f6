import { Alert, Badge, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { storeCheckQuery } from './queries.ts';

/**
 * Whether the store is being checked in the background after the last run ended without closing
 * properly. Damage found turns the desk to the recovery screen, which a reload shows.
 */
function useStoreCheckRunning(): boolean {
  const health = useQuery(storeCheckQuery()).data;
  const damaged = health !== undefined && health.state !== 'ok';
  useEffect(() => {
    if (damaged) window.location.reload();
  }, [damaged]);
  return health?.state === 'ok' && health.checking;
}

/** The top bar's word while the store is checked in the background: work goes on meanwhile. */
export function StoreCheckIndicator() {
  const { t } = useTranslation('backup');
  if (!useStoreCheckRunning()) return null;
  return (
    <Tooltip label={t('storeCheck.tooltip')} multiline maw={360}>
      <Badge color="blue" variant="light" size="lg" radius="sm" data-testid="store-check">
        {t('storeCheck.badge')}
      </Badge>
    </Tooltip>
  );
}

/**
 * The same on the sign-in page, the first screen after a crash, with its reason in full: the
 * desk opened at once instead of checking first, and says why it may turn to recovery later.
 */
export function StoreCheckNotice() {
  const { t } = useTranslation('backup');
  if (!useStoreCheckRunning()) return null;
  return (
    <Alert color="blue" variant="light" title={t('storeCheck.running')} data-testid="store-check-notice">
      {t('storeCheck.tooltip')}
    </Alert>
  );
}
