import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { RowActions } from '../../shared/ui/RowActions.tsx';

export interface TreeEntry {
  id: string;
  name: string;
  parentId: string | null;
  disabled: boolean;
  /** The group's record, the same in every site: shown with its mark and no actions. */
  group?: boolean;
}

/**
 * A tree of departments or categories to add to, rename, disable and enable: the form above,
 * the rows parent first (categories have two levels, so a new one may name a top-level one as
 * its parent). It only shows and asks; the page around it says where a change goes (a desk's
 * own categories, or the group's from the console). A refusal is shown beside the form.
 */
export function ReferenceTreeEditor(props: {
  kind: 'departments' | 'categories';
  items: readonly TreeEntry[];
  error: string | null;
  /** Refusals at the add form's fields (`name`, `parentId`), in the reader's language. */
  fieldErrors?: Record<string, string> | undefined;
  onAdd: (input: { name: string; parentId?: string }) => Promise<boolean>;
  onRename: (id: string, name: string) => Promise<boolean>;
  onSetDisabled: (id: string, disabled: boolean) => void;
  /**
   * On a desk: the group's records are marked and read-only, with this note saying why. Left out
   * where the group's records are the ones being edited (the console).
   */
  groupNote?: string | undefined;
}) {
  const { t } = useTranslation('access');
  const { kind, items } = props;
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const topLevel = items.filter((i) => i.parentId === null);
  const ordered = kind === 'categories' ? topLevel.flatMap((p) => [p, ...items.filter((c) => c.parentId === p.id)]) : items;
  const label = (key: string) => t(`admin.${kind}.${key}`);
  const locked = (item: TreeEntry) => Boolean(item.group && props.groupNote);

  const add = async () => {
    if (await props.onAdd({ name, ...(parentId ? { parentId } : {}) })) setName('');
  };
  const rename = async (id: string, newName: string) => {
    if (await props.onRename(id, newName)) setRenaming(null);
  };

  return (
    <Stack>
      <Paper withBorder p="md">
        <Group align="flex-end">
          <TextInput
            label={label('newName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={props.fieldErrors?.name}
            w={280}
          />
          {kind === 'categories' && (
            <Select
              label={t('admin.categories.parent')}
              placeholder={t('admin.categories.topLevel')}
              clearable
              data={topLevel.filter((p) => !p.disabled).map((p) => ({ value: p.id, label: p.name }))}
              value={parentId}
              onChange={setParentId}
              error={props.fieldErrors?.parentId}
              w={240}
            />
          )}
          <Button size="md" onClick={add} disabled={name.trim() === ''}>
            {label('add')}
          </Button>
        </Group>
      </Paper>
      {props.groupNote && items.some((i) => i.group) && (
        <Alert color="blue" variant="light">
          {props.groupNote}
        </Alert>
      )}
      <ErrorNotice message={props.error} />
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
                <Group gap="xs">
                  <Badge variant="light" color={item.disabled ? 'gray' : 'green'}>
                    {t(item.disabled ? 'admin.disabled' : 'admin.active')}
                  </Badge>
                  {locked(item) && (
                    <Badge variant="outline" color="blue">
                      {t('sync:group.badge')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                {!locked(item) && (
                  <RowActions
                    actions={[
                      { label: t('admin.rename'), onClick: () => setRenaming({ id: item.id, name: item.name }) },
                      {
                        label: t(item.disabled ? 'admin.enable' : 'admin.disable'),
                        variant: 'light',
                        color: item.disabled ? 'green' : 'orange',
                        onClick: () => props.onSetDisabled(item.id, !item.disabled),
                      },
                    ]}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
