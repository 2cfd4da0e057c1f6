import { Badge, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupAccountView } from '../../../../domain/console/accessViews.ts';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { RowActions } from '../../../shared/ui/RowActions.tsx';
import { consoleClient, consoleQuery, invalidateConsole } from '../../api.ts';
import { useConsoleSession } from '../../consoleSession.tsx';
import { AccountFormModal, ResetPasswordModal } from './AccountForms.tsx';

/** The group's accounts: create, change name or role, disable or enable, reset a password. */
export function AccountsPage() {
  const { t, i18n } = useTranslation('console');
  const { user } = useConsoleSession();
  const accounts = useQuery(consoleQuery('accounts.list', {}));
  const [editing, setEditing] = useState<GroupAccountView | 'new' | null>(null);
  const [resetting, setResetting] = useState<GroupAccountView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = (a: GroupAccountView) =>
    consoleClient
      .call(a.disabled ? 'accounts.enable' : 'accounts.disable', { id: a.id })
      .then(() => invalidateConsole('accounts.list'))
      .catch((e: unknown) => setError(deskErrorMessage(e)));
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('accounts.title')}
        </Title>
        <Button onClick={() => setEditing('new')}>{t('accounts.create')}</Button>
      </Group>
      <ErrorNotice message={error ?? (accounts.error ? deskErrorMessage(accounts.error) : null)} />
      <Table striped data-testid="accounts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accounts.displayName')}</Table.Th>
            <Table.Th>{t('accounts.username')}</Table.Th>
            <Table.Th>{t('accounts.role')}</Table.Th>
            <Table.Th>{t('accounts.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(accounts.data?.items ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.displayName}</Table.Td>
              <Table.Td>{a.username}</Table.Td>
              <Table.Td>{t(`roles.${a.role}`)}</Table.Td>
              <Table.Td>
                {a.disabled ? (
                  <Badge color="gray">{t('accounts.disabled')}</Badge>
                ) : a.lockedUntil ? (
                  <Badge color="orange">{t('accounts.lockedUntil', { until: formatDateTime(a.lockedUntil, i18n.language) })}</Badge>
                ) : (
                  <Badge color="green">{t('accounts.enabled')}</Badge>
                )}
              </Table.Td>
              <Table.Td>
                <RowActions
                  actions={[
                    { label: t('edit'), onClick: () => setEditing(a) },
                    { label: t('accounts.reset'), onClick: () => setResetting(a) },
                    {
                      label: a.disabled ? t('accounts.enable') : t('accounts.disable'),
                      onClick: () => void toggle(a),
                      variant: 'light',
                      ...(a.disabled ? {} : { color: 'red' }),
                      hidden: a.id === user.id,
                    },
                  ]}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <AccountFormModal account={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />}
    </Stack>
  );
}
