import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/deskSession.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { runChange, useDeskData } from '../../shared/useDeskData.ts';

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
  const { data, error, reload, setError } = useDeskData(
    () => client.call(kind === 'departments' ? 'departments.list' : 'categories.list', { includeDisabled: true }),
    kind,
  );
  const change = runChange(setError, reload);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const items: Entry[] = data?.items ?? [];
  const topLevel = items.filter((i) => i.parentId === null);
  const ordered = kind === 'categories' ? topLevel.flatMap((p) => [p, ...items.filter((c) => c.parentId === p.id)]) : items;
  const label = (key: string) => t(`admin.${kind}.${key}`);

  const add = () =>
    change(async () => {
      const input = { name, ...(parentId ? { parentId } : {}) };
      if (kind === 'departments') await client.call('departments.create', input);
      else await client.call('categories.create', input);
      setName('');
    });
  const rename = (id: string, newName: string) =>
    change(async () => {
      if (kind === 'departments') await client.call('departments.update', { id, name: newName });
      else await client.call('categories.update', { id, name: newName });
      setRenaming(null);
    });
  const setDisabled = (id: string, disabled: boolean) => change(() => client.call(`${kind}.${disabled ? 'disable' : 'enable'}`, { id }));

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
          <Button size="md" onClick={() => void add()} disabled={name.trim() === ''}>
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
                    <Button onClick={() => void rename(item.id, renaming.name)}>{t('common:save')}</Button>
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
                <Group gap="xs" justify="flex-end">
                  <Button variant="default" size="compact-md" onClick={() => setRenaming({ id: item.id, name: item.name })}>
                    {t('admin.rename')}
                  </Button>
                  <Button
                    variant="light"
                    size="compact-md"
                    color={item.disabled ? 'green' : 'orange'}
                    onClick={() => void setDisabled(item.id, !item.disabled)}
                  >
                    {t(item.disabled ? 'admin.enable' : 'admin.disable')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
