import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../domain/api/views.ts';
import { client } from '../../shared/api/client.ts';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';

/**
 * Covers the whole window while the session is locked. The app underneath stays mounted (so a
 * half-filled form survives) but hidden, and nothing of it shows through. The same user unlocks
 * with their password; anyone else signing in here takes over and the first user is signed out.
 */
export function LockScreen(props: {
  user: SessionUser;
  /** Switching user: start with an empty username instead of the locked user's. */
  forSwitch: boolean;
  onUnlocked: () => void;
  onSwitched: (user: SessionUser) => void;
  onSignOut: () => void;
}) {
  const { t } = useTranslation('access');
  const form = useForm({ initialValues: { username: props.forSwitch ? '' : props.user.username, password: '' } });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) => client.call('auth.unlock', values),
    (answer) => {
      client.token = answer.token;
      form.setFieldValue('password', '');
      if (answer.switched) props.onSwitched(answer.user);
      else props.onUnlocked();
    },
  );
  return (
    <Center
      data-testid="lock-screen"
      role="dialog"
      aria-modal="true"
      aria-label={t('lock.title')}
      pos="fixed"
      inset={0}
      p="md"
      style={{ zIndex: 10_000, background: 'var(--mantine-color-gray-2)' }}
    >
      <Paper withBorder shadow="md" p="xl" w={440}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t(props.forSwitch ? 'lock.switchTitle' : 'lock.title')}
            </Title>
            <Text>{t(props.forSwitch ? 'lock.switchHint' : 'lock.lockedBy', { name: props.user.displayName })}</Text>
            <TextInput label={t('lock.username')} required autoComplete="username" {...form.getInputProps('username')} />
            <PasswordInput
              label={t('lock.password')}
              required
              autoComplete="current-password"
              data-autofocus
              autoFocus
              {...form.getInputProps('password')}
            />
            <ErrorNotice message={error} />
            <Button type="submit" size="md" loading={busy}>
              {t('lock.unlock')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('lock.otherUserHint')}
            </Text>
            <Button variant="subtle" onClick={props.onSignOut}>
              {t('lock.signOut', { name: props.user.displayName })}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
