import { Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountClash } from '../../../domain/api/syncViews.ts';
import { useSession } from '../../app/deskSession.tsx';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { announceClashSettled, syncClashesQuery } from './queries.ts';
import { SyncRenameModal } from './SyncRenameModal.tsx';

/**
 * Account names this desk and the site give to two different people: never merged by
 * themselves. The administrator keeps the site's account or renames this desk's; until then
 * this desk's account keeps working here.
 */
export function SyncClashesPanel() {
  const { t, i18n } = useTranslation('sync');
  const { client } = useSession();
  const clashes = useQuery(syncClashesQuery());
  const [renaming, setRenaming] = useState<AccountClash | null>(null);
  const [keeping, setKeeping] = useState<AccountClash | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = clashes.data?.items ?? [];
  if (items.length === 0 && !clashes.error) return null;

  const keepSite = async (clash: AccountClash) => {
    setKeeping(null);
    setError(null);
    try {
      await client.call('sync.settleClash', { username: clash.username, settle: 'useSite' });
    } catch (e) {
      setError(deskErrorMessage(e));
    } finally {
      announceClashSettled();
    }
  };

  return (
    <Paper withBorder p="lg" maw={1100} data-testid="sync-clashes">
      <Stack>
        <Title order={2} size="h4">
          {t('clash.title', { count: items.length })}
        </Title>
        <Text size="sm" maw={760}>
          {t('clash.intro')}
        </Text>
        <ErrorNotice message={clashes.error ? deskErrorMessage(clashes.error) : error} />
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clash.username')}</Table.Th>
              <Table.Th>{t('clash.local')}</Table.Th>
              <Table.Th>{t('clash.site')}</Table.Th>
              <Table.Th>{t('clash.why')}</Table.Th>
              <Table.Th>{t('clash.found')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((clash) => (
              <Table.Tr key={clash.username} data-testid={`clash-${clash.username}`}>
                <Table.Td>{clash.username}</Table.Td>
                <Table.Td>{clash.local.displayName}</Table.Td>
                <Table.Td>{clash.site.displayName}</Table.Td>
                <Table.Td>{t(`clash.because.${clash.why}`)}</Table.Td>
                <Table.Td>{formatDateTime(clash.foundAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => setRenaming(clash)}>
                      {t('clash.rename')}
                    </Button>
                    <Button size="xs" variant="light" color="orange" onClick={() => setKeeping(clash)}>
                      {t('clash.useSite')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {renaming && <SyncRenameModal clash={renaming} onClose={() => setRenaming(null)} />}
      <Modal opened={keeping !== null} onClose={() => setKeeping(null)} title={t('clash.useSite')}>
        {keeping && (
          <Stack>
            <Text>
              {t('clash.useSiteConfirm', { username: keeping.username, local: keeping.local.displayName, site: keeping.site.displayName })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setKeeping(null)}>
                {t('common:cancel')}
              </Button>
              <Button color="orange" onClick={() => void keepSite(keeping)} data-testid="clash-use-site">
                {t('clash.useSite')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
