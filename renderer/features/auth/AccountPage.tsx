import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/deskSession.tsx';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';

/** Everyone changes their own password here, with the current one. */
export function AccountPage() {
  const { t } = useTranslation('access');
  const { client, user } = useSession();
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: { repeat: (value, values) => (value === values.newPassword ? null : t('account.mismatch')) },
  });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) => {
      setDone(false);
      return client.call('auth.changePassword', { currentPassword: v.currentPassword, newPassword: v.newPassword });
    },
    () => {
      form.reset();
      setDone(true);
    },
  );
  return (
    <Stack maw={520}>
      <Title order={1} size="h2">
        {t('account.title')}
      </Title>
      <Text>{t('account.who', { name: user.displayName, username: user.username })}</Text>
      <Paper withBorder p="lg">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <PasswordInput
              label={t('account.current')}
              required
              autoComplete="current-password"
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput
              label={t('account.new')}
              description={t('account.passwordRule')}
              required
              autoComplete="new-password"
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput label={t('account.repeat')} required autoComplete="new-password" {...form.getInputProps('repeat')} />
            <ErrorNotice message={error} />
            {done && <Alert color="green">{t('account.changed')}</Alert>}
            <Button type="submit" loading={busy}>
              {t('account.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
