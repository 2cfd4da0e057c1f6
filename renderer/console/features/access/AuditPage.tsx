import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { EmptyState } from '../../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleClient } from '../../api.ts';
import { AuditChange } from './AuditChange.tsx';

/** The actions the filter offers; the log may hold others (each area's), shown by their own name. */
const knownActions = [
  'setup.init',
  'auth.login',
  'auth.loginFailed',
  'auth.loginRefused',
  'access.denied',
  'accounts.create',
  'accounts.update',
  'accounts.disable',
  'accounts.enable',
  'accounts.resetPassword',
  'sites.add',
  'sites.update',
  'sites.issueCode',
  'sites.revokeCode',
  'desks.revoke',
] as const;

/** The group's audit log, newest first: who did what, to which record, before and after. */
export function AuditPage() {
  const { t, i18n } = useTranslation('console');
  const [action, setAction] = useState<string | null>(null);
  const log = useInfiniteQuery({
    queryKey: ['console', 'audit.list', action],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => consoleClient.call('audit.list', { before: pageParam, action: action ?? undefined, limit: 50 }),
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const actionName = (a: string) => t(`audit.actions.${a}`, { defaultValue: a });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('audit.title')}
        </Title>
        <Select
          aria-label={t('audit.filter')}
          placeholder={t('audit.all')}
          clearable
          w={260}
          value={action}
          onChange={setAction}
          data={knownActions.map((a) => ({ value: a, label: actionName(a) }))}
        />
      </Group>
      <ErrorNotice message={log.error ? deskErrorMessage(log.error) : null} />
      {log.data && items.length === 0 && <EmptyState>{t('audit.empty')}</EmptyState>}
      {items.length > 0 && (
        <Table striped data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.target')}</Table.Th>
              <Table.Th>{t('audit.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
                <Table.Td>
                  {e.actorName ?? t('audit.nobody')}
                  <Text size="sm" c="dimmed">
                    {e.source}
                  </Text>
                </Table.Td>
                <Table.Td>{actionName(e.action)}</Table.Td>
                <Table.Td>{e.targetName ?? e.target ?? '—'}</Table.Td>
                <Table.Td maw={460}>
                  <AuditChange before={e.before} after={e.after} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {log.hasNextPage && (
        <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {t('audit.more')}
        </Button>
      )}
    </Stack>
  );
}
