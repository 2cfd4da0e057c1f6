import { Badge, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { storeCheckQuery } from './queries.ts';

/**
 * The top bar's word while the store is checked in the background after the last run ended
 * without closing properly: work goes on meanwhile. Damage found turns the desk to the
 * recovery screen, which a reload shows.
 */
export function StoreCheckIndicator() {
  const { t } = useTranslation('backup');
  const health = useQuery(storeCheckQuery()).data;
  const damaged = health !== undefined && health.state !== 'ok';
  useEffect(() => {
    if (damaged) window.location.reload();
  }, [damaged]);
  if (health?.state !== 'ok' || !health.checking) return null;
  return (
    <Tooltip label={t('storeCheck.tooltip')} multiline maw={360}>
      <Badge color="blue" variant="light" size="lg" radius="sm" data-testid="store-check">
        {t('storeCheck.running')}
      </Badge>
    </Tooltip>
  );
}
