import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/deskSession.tsx';
import { deskErrorMessage } from '../../shared/errors.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { RowActions } from '../../shared/ui/RowActions.tsx';
import { referenceLists, useAdminChange } from './mutations.ts';
import { referenceQuery } from './queries.ts';

interface Entry {
  id: string;
  name: string;
  parentId: string | null;
  disabled: boolean;
}

/**
 * Departments or categories: add, rename, disable and enable. Categories have two levels, so
 * a new one may name a top-level category as its parent; they are listed parent first.
 */
export function ReferenceAdminPage(props: { kind: 'departments' | 'categories' }) {
  const { t } = useTranslation('access');
  const { client } = useSession();
  const { kind } = props;
  const list = useQuery(referenceQuery(kind));
  const change = useAdminChange(referenceLists(kind));
  const error = change.error ?? (list.error ? deskErrorMessage(list.error) : null);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const items: Entry[] = list.data?.items ?? [];
  const topLevel = items.filter((i) => i.parentId === null);
  const ordered = kind === 'categories' ? topLevel.flatMap((p) => [p, ...items.filter((c) => c.parentId === p.id)]) : items;
  const label = (key: string) => t(`admin.${kind}.${key}`);

  const add = () =>
    change.run(async () => {
      const input = { name, ...(parentId ? { parentId } : {}) };
      if (kind === 'departments') await client.call('departments.create', input);
      else await client.call('categories.create', input);
      setName('');
    });
  const rename = (id: string, newName: string) =>
    change.run(async () => {
      if (kind === 'departments') await client.call('departments.update', { id, name: newName });
      else await client.call('categories.update', { id, name: newName });
      setRenaming(null);
    });
  const setDisabled = (id: string, disabled: boolean) =>
    change.run(() => client.call(`${kind}.${disabled ? 'disable' : 'enable'}`, { id }));

  return (
    <Stack>
      <Title order={1} size="h2">
        {label('title')}
      </Title>
      <Paper withBorder p="md">
        <Group align="flex-end">
          <TextInput label={label('newName')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={280} />
          {kind === 'categories' && (
            <Select
              label={t('admin.categories.parent')}
              placeholder={t('admin.categories.topLevel')}
              clearable
              data={topLevel.filter((p) => !p.disabled).map((p) => ({ value: p.id, label: p.name }))}
              value={parentId}
              onChange={setParentId}
              w={240}
            />
          )}
          <Button size="md" onClick={add} disabled={name.trim() === ''}>
            {label('add')}
          </Button>
        </Group>
      </Paper>
      <ErrorNotice message={error} />
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.name')}</Table.Th>
            <Table.Th>{t('admin.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td pl={item.parentId && kind === 'categories' ? 'xl' : 'sm'}>
                {renaming?.id === item.id ? (
                  <Group gap="xs">
                    <TextInput
                      aria-label={t('admin.rename')}
                      value={renaming.name}
                      onChange={(e) => setRenaming({ id: item.id, name: e.currentTarget.value })}
                    />
                    <Button onClick={() => rename(item.id, renaming.name)}>{t('common:save')}</Button>
                    <Button variant="default" onClick={() => setRenaming(null)}>
                      {t('common:cancel')}
                    </Button>
                  </Group>
                ) : (
                  <Text c={item.disabled ? 'dimmed' : 'inherit'}>
                    {item.parentId && kind === 'categories' ? '└ ' : ''}
                    {item.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={item.disabled ? 'gray' : 'green'}>
                  {t(item.disabled ? 'admin.disabled' : 'admin.active')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <RowActions
                  actions={[
                    { label: t('admin.rename'), onClick: () => setRenaming({ id: item.id, name: item.name }) },
                    {
                      label: t(item.disabled ? 'admin.enable' : 'admin.disable'),
                      variant: 'light',
                      color: item.disabled ? 'green' : 'orange',
                      onClick: () => setDisabled(item.id, !item.disabled),
                    },
                  ]}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
