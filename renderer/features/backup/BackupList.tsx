import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { backupListQuery } from './queries.ts';
import { formatBytes } from './useBackupStatus.ts';

/** The generations in the backup folder, read again after a new backup (version) or a new folder. */
export function BackupList(props: { folder: string; version: string }) {
  const { t, i18n } = useTranslation('backup');
  const navigate = useNavigate();
  const query = useQuery(backupListQuery(props.folder, props.version));
  const items = query.data?.items ?? null;
  const error = query.error ? deskErrorMessage(query.error) : null;
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('page.backups')}
        </Title>
        <Button variant="default" onClick={() => void query.refetch()}>
          {t('page.refresh')}
        </Button>
      </Group>
      <ErrorNotice message={error} />
      {items && items.length === 0 && !error && <EmptyState>{t('page.noBackups')}</EmptyState>}
      {items && items.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('page.time')}</Table.Th>
              <Table.Th>{t('page.org')}</Table.Th>
              <Table.Th>{t('page.casesColumn')}</Table.Th>
              <Table.Th>{t('page.size')}</Table.Th>
              <Table.Th>{t('page.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((b) => (
              <Table.Tr key={b.path}>
                <Table.Td>{b.createdAt ? formatDateTime(b.createdAt, i18n.language) : b.name}</Table.Td>
                <Table.Td>{b.orgName}</Table.Td>
                <Table.Td>{b.counts.cases ?? 0}</Table.Td>
                <Table.Td>{formatBytes(b.bytes, i18n.language)}</Table.Td>
                <Table.Td>{b.valid ? <Text c="green">{t('page.valid')}</Text> : <Text c="red">{b.problem}</Text>}</Table.Td>
                <Table.Td>
                  <Button
                    variant="light"
                    disabled={!b.valid}
                    onClick={() => navigate(`/backup/restore?path=${encodeURIComponent(b.path)}`)}
                  >
                    {t('page.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
