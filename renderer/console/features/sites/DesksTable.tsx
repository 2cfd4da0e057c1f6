import { Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DeskView } from '../../../../domain/console/siteViews.ts';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { EmptyState } from '../../../shared/ui/EmptyState.tsx';
import { RowActions } from '../../../shared/ui/RowActions.tsx';
import { consoleClient, consoleQuery, invalidateConsole } from '../../api.ts';
import type { Confirmation } from '../../ConfirmModal.tsx';

/** A clock further off than this is worth a look before the server starts refusing the desk (at five minutes). */
const driftWorthNoting = 60_000;

function DriftCell(props: { ms: number | null }) {
  const { t } = useTranslation('console');
  if (props.ms === null) return <Text c="dimmed">—</Text>;
  const seconds = Math.round(props.ms / 1000);
  const text =
    seconds === 0 ? t('desks.driftNone') : t(seconds > 0 ? 'desks.driftAhead' : 'desks.driftBehind', { seconds: Math.abs(seconds) });
  return <Text {...(Math.abs(props.ms) > driftWorthNoting ? { c: 'orange' } : {})}>{text}</Text>;
}

function StatusBadge(props: { desk: DeskView }) {
  const { t } = useTranslation('console');
  if (props.desk.revokedAt) return <Badge color="gray">{t('desks.revoked')}</Badge>;
  if (props.desk.silent) return <Badge color="red">{t('desks.silent')}</Badge>;
  return <Badge color="green">{t('desks.active')}</Badge>;
}

/** Every desk of every site and what it said at its last signed request; a desk quiet for more than a day is flagged. */
export function DesksTable(props: { onError: (message: string) => void; onConfirm: (c: Confirmation) => void }) {
  const { t, i18n } = useTranslation('console');
  const desks = useQuery({ ...consoleQuery('desks.list', {}), refetchInterval: 60_000 });
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : t('desks.never'));
  if (!desks.data) return null;
  if (desks.data.items.length === 0) return <EmptyState testId="desks-empty">{t('desks.empty')}</EmptyState>;
  return (
    <Table striped data-testid="desks-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('desks.site')}</Table.Th>
          <Table.Th>{t('desks.name')}</Table.Th>
          <Table.Th>{t('desks.status')}</Table.Th>
          <Table.Th>{t('desks.lastSync')}</Table.Th>
          <Table.Th>{t('desks.waiting')}</Table.Th>
          <Table.Th>{t('desks.clock')}</Table.Th>
          <Table.Th>{t('desks.version')}</Table.Th>
          <Table.Th>{t('desks.lastBackup')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {desks.data.items.map((d) => (
          <Table.Tr key={d.id} data-testid="desk-row">
            <Table.Td>{d.siteName}</Table.Td>
            <Table.Td>
              {d.name}
              <Text size="sm" c="dimmed">
                {t('desks.prefix', { prefix: d.prefix })}
              </Text>
            </Table.Td>
            <Table.Td>
              <StatusBadge desk={d} />
            </Table.Td>
            <Table.Td>{when(d.lastSeenAt)}</Table.Td>
            <Table.Td>{d.eventsWaiting ?? '—'}</Table.Td>
            <Table.Td>
              <DriftCell ms={d.clockDriftMs} />
            </Table.Td>
            <Table.Td>{d.version ?? '—'}</Table.Td>
            <Table.Td>{when(d.lastBackupAt)}</Table.Td>
            <Table.Td>
              <RowActions
                actions={[
                  {
                    label: t('desks.revoke'),
                    color: 'red',
                    variant: 'light',
                    hidden: d.revokedAt !== null,
                    onClick: () =>
                      props.onConfirm({
                        title: t('desks.revokeTitle', { name: d.name }),
                        body: t('desks.revokeBody', { name: d.name, site: d.siteName }),
                        confirm: t('desks.revoke'),
                        run: () =>
                          consoleClient
                            .call('desks.revoke', { id: d.id })
                            .then(() => invalidateConsole('desks.list', 'sites.list'))
                            .catch((e: unknown) => props.onError(deskErrorMessage(e))),
                      }),
                  },
                ]}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
