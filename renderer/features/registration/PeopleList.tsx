import { Button, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { RegisterValues } from './registerValues.ts';

/** Other complainants of a group complaint, or witnesses: name and phone per row. */
export function PeopleList(props: {
  form: UseFormReturnType<RegisterValues>;
  path: 'coComplainants' | 'witnesses';
  title: string;
  addLabel: string;
}) {
  const { t } = useTranslation('registration');
  const { form, path } = props;
  const rows = form.values[path];
  return (
    <Stack gap={4}>
      {rows.length > 0 && (
        <Text size="sm" fw={500}>
          {props.title}
        </Text>
      )}
      {rows.map((_, i) => (
        // Rows have no identity but their place; removing one re-renders the rest.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={`${props.title} ${i + 1} ${t('form.name')}`}
            placeholder={t('form.name')}
            {...form.getInputProps(`${path}.${i}.name`)}
          />
          <TextInput
            aria-label={`${props.title} ${i + 1} ${t('form.phone')}`}
            placeholder={t('form.phone')}
            inputMode="tel"
            {...form.getInputProps(`${path}.${i}.phone`)}
          />
          <CloseButton aria-label={`${t('form.remove')} ${i + 1}`} mt={6} onClick={() => form.removeListItem(path, i)} />
        </Group>
      ))}
      <Group>
        <Button variant="subtle" size="compact-md" onClick={() => form.insertListItem(path, { name: '', phone: '' })}>
          + {props.addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
