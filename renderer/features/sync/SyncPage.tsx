import { Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deskErrorMessage } from '../../shared/errors.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { syncStatusQuery } from './queries.ts';
import { SyncClashesPanel } from './SyncClashesPanel.tsx';
import { SyncJoinForm } from './SyncJoinForm.tsx';
import { SyncStatusPanel } from './SyncStatusPanel.tsx';

/** Settings → Sync (the administrator's): join a site with the server's address and a one-time code, then watch it. */
export function SyncPage() {
  const { t } = useTranslation('sync');
  const status = useQuery(syncStatusQuery());
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1} size="h2">
        {t('page.title')}
      </Title>
      <Text maw={760}>{t('page.intro')}</Text>
      <ErrorNotice message={status.error ? deskErrorMessage(status.error) : null} />
      {!status.data ? !status.error && <Loader /> : status.data.enabled ? <SyncStatusPanel status={status.data} /> : <SyncJoinForm />}
      {status.data?.enabled && <SyncClashesPanel />}
    </Stack>
  );
}
