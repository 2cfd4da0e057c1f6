import { Badge, Button, Checkbox, Group, MultiSelect, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../domain/api/accessViews.ts';
import { type Role, roles } from '../../../domain/cases/vocabulary.ts';
import { listText } from '../../../domain/text/listText.ts';
import { useSession } from '../../app/deskSession.tsx';
import { invalidate } from '../../shared/api/queries.ts';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { useDirectory } from '../../shared/directory.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { RowActions } from '../../shared/ui/RowActions.tsx';
import { useAdminChange, userLists } from './mutations.ts';
import { usersQuery } from './queries.ts';

type Editing = { mode: 'create' } | { mode: 'edit'; user: UserAccount } | { mode: 'password'; user: UserAccount } | null;

/** Accounts and their roles: create, edit roles and departments, reset a password, disable. */
export function UsersAdminPage() {
  const { t, i18n } = useTranslation('access');
  const { client, user: me } = useSession();
  const users = useQuery(usersQuery());
  const { departments, departmentName } = useDirectory();
  const [editing, setEditing] = useState<Editing>(null);
  const change = useAdminChange(userLists);
  const error = change.error ?? (users.error ? deskErrorMessage(users.error) : null);
  const now = Date.now();

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('admin.users.title')}
        </Title>
        <Button size="md" onClick={() => setEditing({ mode: 'create' })}>
          {t('admin.users.add')}
        </Button>
      </Group>
      {editing && (
        <UserForm
          key={editing.mode === 'create' ? 'create' : `${editing.mode}-${editing.user.id}`}
          editing={editing}
          departments={departments}
          onDone={() => {
            setEditing(null);
            void invalidate(...userLists);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <ErrorNotice message={error} />
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.users.username')}</Table.Th>
            <Table.Th>{t('admin.users.displayName')}</Table.Th>
            <Table.Th>{t('admin.users.roles')}</Table.Th>
            <Table.Th>{t('admin.users.departments')}</Table.Th>
            <Table.Th>{t('admin.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(users.data?.items ?? []).map((u) => {
            const lockedOut = u.lockedUntil !== null && Date.parse(u.lockedUntil) > now;
            return (
              <Table.Tr key={u.id}>
                <Table.Td ff="monospace">{u.username}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {u.roles.map((r) => (
                      <Badge key={r} variant="light">
                        {t(`common:roles.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{listText(u.departmentIds.map(departmentName), i18n.language) || '—'}</Table.Td>
                <Table.Td>
                  {u.disabled ? (
                    <Badge color="gray">{t('admin.disabled')}</Badge>
                  ) : lockedOut && u.lockedUntil ? (
                    <Badge color="red" title={formatDateTime(u.lockedUntil, i18n.language)}>
                      {t('admin.users.lockedOut')}
                    </Badge>
                  ) : (
                    <Badge color="green">{t('admin.active')}</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <RowActions
                    actions={[
                      { label: t('admin.users.edit'), onClick: () => setEditing({ mode: 'edit', user: u }) },
                      { label: t('admin.users.resetPassword'), onClick: () => setEditing({ mode: 'password', user: u }) },
                      {
                        label: t(u.disabled ? 'admin.enable' : 'admin.disable'),
                        variant: 'light',
                        color: u.disabled ? 'green' : 'orange',
                        hidden: u.id === me.id,
                        onClick: () => change.run(() => client.call(u.disabled ? 'users.enable' : 'users.disable', { id: u.id })),
                      },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {users.data && (
        <Text size="sm" c="dimmed">
          {t('admin.users.rolesHint')}
        </Text>
      )}
    </Stack>
  );
}

function UserForm(props: {
  editing: Exclude<Editing, null>;
  departments: { id: string; name: string }[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('access');
  const { client } = useSession();
  const { editing } = props;
  const existing = editing.mode === 'create' ? null : editing.user;
  const form = useForm({
    initialValues: {
      username: existing?.username ?? '',
      displayName: existing?.displayName ?? '',
      password: '',
      roles: (existing?.roles ?? []) as string[],
      departmentIds: existing?.departmentIds ?? [],
    },
  });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    async (v) => {
      if (editing.mode === 'create') {
        await client.call('users.create', {
          username: v.username,
          displayName: v.displayName,
          password: v.password,
          roles: v.roles as Role[],
          departmentIds: v.departmentIds,
        });
      } else if (editing.mode === 'edit') {
        await client.call('users.update', {
          id: editing.user.id,
          displayName: v.displayName,
          roles: v.roles as Role[],
          departmentIds: v.departmentIds,
        });
      } else {
        await client.call('users.resetPassword', { id: editing.user.id, password: v.password });
      }
      return null;
    },
    props.onDone,
  );
  const title =
    editing.mode === 'create'
      ? t('admin.users.add')
      : t(editing.mode === 'edit' ? 'admin.users.editTitle' : 'admin.users.resetTitle', { name: editing.user.displayName });
  return (
    <Paper withBorder p="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {title}
          </Title>
          {editing.mode !== 'password' && (
            <Group grow align="flex-start">
              <TextInput
                label={t('admin.users.username')}
                required
                disabled={editing.mode !== 'create'}
                autoComplete="off"
                {...form.getInputProps('username')}
              />
              <TextInput label={t('admin.users.displayName')} required {...form.getInputProps('displayName')} />
            </Group>
          )}
          {editing.mode !== 'edit' && (
            <PasswordInput
              label={t(editing.mode === 'create' ? 'admin.users.password' : 'admin.users.newPassword')}
              description={t('account.passwordRule')}
              required
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
          )}
          {editing.mode !== 'password' && (
            <>
              <Checkbox.Group label={t('admin.users.roles')} required {...form.getInputProps('roles')}>
                <Group mt="xs">
                  {roles.map((r) => (
                    <Checkbox key={r} value={r} label={t(`common:roles.${r}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <MultiSelect
                label={t('admin.users.departments')}
                description={t('admin.users.departmentsHint')}
                data={props.departments.map((d) => ({ value: d.id, label: d.name }))}
                searchable
                {...form.getInputProps('departmentIds')}
              />
            </>
          )}
          <ErrorNotice message={error} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('common:save')}
            </Button>
            <Button variant="default" onClick={props.onCancel}>
              {t('common:cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
