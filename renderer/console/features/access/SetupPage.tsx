import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleClient } from '../../api.ts';
import { AccessCard } from './AccessCard.tsx';

/**
 * A new server's first setup: the group's name and its first administrator. The server only
 * takes it with the setup token it printed on start (carried by the link it printed).
 */
export function SetupPage(props: { onDone: () => void }) {
  const { t } = useTranslation('console');
  const form = useForm({
    initialValues: { groupName: '', username: '', displayName: '', password: '', confirm: '' },
    validate: { confirm: (value, values) => (value === values.password ? null : t('setup.mismatch')) },
  });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) =>
      consoleClient.call('setup.init', {
        groupName: v.groupName,
        admin: { username: v.username, displayName: v.displayName, password: v.password },
      }),
    () => props.onDone(),
    // The server's field paths are the input's (admin.username); the form's fields are flat.
    (fields) =>
      form.setErrors(Object.fromEntries(Object.entries(fields).map(([path, message]) => [path.replace(/^admin\./, ''), message]))),
  );
  return (
    <AccessCard title={t('setup.title')} width={560}>
      <Text c="dimmed" mb="lg">
        {t('setup.intro')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput label={t('setup.groupName')} required autoFocus {...form.getInputProps('groupName')} />
          <Alert variant="light" color="blue">
            {t('setup.adminIntro')}
          </Alert>
          <TextInput label={t('setup.displayName')} required {...form.getInputProps('displayName')} />
          <TextInput label={t('setup.username')} required autoComplete="username" {...form.getInputProps('username')} />
          <PasswordInput label={t('setup.password')} required autoComplete="new-password" {...form.getInputProps('password')} />
          <PasswordInput label={t('setup.confirm')} required autoComplete="new-password" {...form.getInputProps('confirm')} />
          <ErrorNotice message={error} />
          <Button type="submit" loading={busy} size="md">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AccessCard>
  );
}
