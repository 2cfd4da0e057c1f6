import { Alert, Button, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ConsoleSessionUser } from '../../../../domain/console/accessViews.ts';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleClient } from '../../api.ts';
import { AccessCard } from './AccessCard.tsx';

/** Signing in with a group account (never a desk's). */
export function SignInPage(props: {
  groupName: string | null;
  notice: string | null;
  onSignedIn: (user: ConsoleSessionUser, groupName: string) => void;
}) {
  const { t } = useTranslation('console');
  const form = useForm({ initialValues: { username: '', password: '' } });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) => consoleClient.call('auth.login', values),
    (answer) => {
      consoleClient.token = answer.token;
      props.onSignedIn(answer.user, answer.groupName);
    },
  );
  return (
    <AccessCard title={t('signIn.title')} width={460}>
      <Title order={2} size="h4" c="dimmed" mb="lg">
        {props.groupName ? `${props.groupName} · ${t('appName')}` : t('appName')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {props.notice && <Alert color="green">{props.notice}</Alert>}
          <TextInput label={t('signIn.username')} required autoComplete="username" autoFocus {...form.getInputProps('username')} />
          <PasswordInput label={t('signIn.password')} required autoComplete="current-password" {...form.getInputProps('password')} />
          <ErrorNotice message={error} />
          <Button type="submit" loading={busy} size="md">
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AccessCard>
  );
}
