import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReferenceTreeEditor } from '../../../features/admin/index.ts';
import { DeskCallError } from '../../../shared/api/apiClient.ts';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { EmptyState } from '../../../shared/ui/EmptyState.tsx';
import { consoleClient, consoleQuery, invalidateConsole } from '../../api.ts';

/** The group's category tree, in the desk's own tree editor: a change here reaches every site. */
export function GroupCategoriesPanel() {
  const { t } = useTranslation('consoleRules');
  const list = useQuery(consoleQuery('rules.categories.list', {}));
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    setFieldErrors({});
    try {
      await work();
      await invalidateConsole('rules.categories.list');
      return true;
    } catch (e) {
      setError(deskErrorMessage(e));
      if (e instanceof DeskCallError && e.body.fields) setFieldErrors(e.body.fields);
      return false;
    }
  };
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Text c="dimmed">{t('categories.hint')}</Text>
      <ReferenceTreeEditor
        kind="categories"
        items={items}
        error={error ?? (list.error ? deskErrorMessage(list.error) : null)}
        fieldErrors={fieldErrors}
        onAdd={(input) => run(() => consoleClient.call('rules.categories.create', input))}
        onRename={(id, name) => run(() => consoleClient.call('rules.categories.update', { id, name }))}
        onSetDisabled={(id, disabled) =>
          void run(() => consoleClient.call(disabled ? 'rules.categories.disable' : 'rules.categories.enable', { id }))
        }
      />
      {list.data && items.length === 0 && <EmptyState>{t('categories.empty')}</EmptyState>}
    </Stack>
  );
}
