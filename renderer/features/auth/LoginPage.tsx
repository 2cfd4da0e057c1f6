import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../domain/api/views.ts';
import { client } from '../../shared/api/client.ts';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch.tsx';

export function LoginPage(props: {
  orgName: string | null;
  notice?: string | null;
  /** What the desk is doing meanwhile (a check of the store after a crash), above the form. */
  status?: ReactNode;
  onSignedIn: (user: SessionUser) => void;
}) {
  const { t } = useTranslation('setup');
  const form = useForm({ initialValues: { username: '', password: '' } });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) => client.call('auth.login', values),
    (answer) => {
      client.token = answer.token;
      props.onSignedIn(answer.user);
    },
  );
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={440}>
        <Group justify="space-between" mb="xs">
          <Title order={1} size="h2">
            {t('login.title')}
          </Title>
          <LanguageSwitch />
        </Group>
        <Title order={2} size="h4" c="dimmed" mb="lg">
          {props.orgName ?? t('common:appName')} · {t('common:appName')}
        </Title>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            {props.status}
            {props.notice && <Alert color="green">{props.notice}</Alert>}
            <TextInput label={t('login.username')} required autoComplete="username" autoFocus {...form.getInputProps('username')} />
            <PasswordInput label={t('login.password')} required autoComplete="current-password" {...form.getInputProps('password')} />
            <ErrorNotice message={error} />
            <Button type="submit" loading={busy} size="md">
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
