import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/deskSession.tsx';
import { deskErrorMessage } from '../../shared/errors.ts';
import { referenceLists, useAdminChange } from './mutations.ts';
import { referenceQuery } from './queries.ts';
import { ReferenceTreeEditor, type TreeEntry } from './ReferenceTreeEditor.tsx';

/**
 * The desk's departments or categories: add, rename, disable and enable. On a synced site the
 * group's categories are marked and read-only; the site's own sit beside and under them.
 */
export function ReferenceAdminPage(props: { kind: 'departments' | 'categories' }) {
  const { t } = useTranslation('access');
  const { client } = useSession();
  const { kind } = props;
  const list = useQuery(referenceQuery(kind));
  const change = useAdminChange(referenceLists(kind));
  const error = change.error ?? (list.error ? deskErrorMessage(list.error) : null);
  const items: TreeEntry[] = list.data?.items ?? [];

  return (
    <Stack>
      <Title order={1} size="h2">
        {t(`admin.${kind}.title`)}
      </Title>
      <ReferenceTreeEditor
        kind={kind}
        items={items}
        error={error}
        groupNote={kind === 'categories' ? t('sync:group.note.category') : undefined}
        onAdd={(input) =>
          change.succeeded(() =>
            kind === 'departments' ? client.call('departments.create', input) : client.call('categories.create', input),
          )
        }
        onRename={(id, name) =>
          change.succeeded(() =>
            kind === 'departments' ? client.call('departments.update', { id, name }) : client.call('categories.update', { id, name }),
          )
        }
        onSetDisabled={(id, disabled) => change.run(() => client.call(`${kind}.${disabled ? 'disable' : 'enable'}`, { id }))}
      />
    </Stack>
  );
}
