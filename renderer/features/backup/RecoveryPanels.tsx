import { Button, Divider, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../shared/api/client.ts';
import { DeskCallError } from '../../shared/api/deskClient.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { asJob, useJob } from '../../shared/jobs.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { JobProgress } from '../../shared/ui/JobProgress.tsx';

export const recoveryKeyErrorOf = (e: unknown) => (e instanceof DeskCallError ? (e.body.fields?.recoveryKey ?? null) : null);

/** The recovery key field: the same words and hint wherever a recovery key is asked for. */
export function RecoveryKeyInput(props: { value: string; onChange: (value: string) => void; error: string | null }) {
  const { t } = useTranslation('backup');
  return (
    <TextInput
      label={t('recoveryKey.recoveryKey')}
      description={t('recoveryKey.recoveryKeyHint')}
      autoComplete="off"
      spellCheck={false}
      ff="monospace"
      value={props.value}
      error={props.error}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}

/** A desk whose key this PC cannot read: the administrator's recovery key opens it again. */
export function UnlockPanel(props: { onUnlocked: () => void }) {
  const { t } = useTranslation('backup');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unlock = async () => {
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await client.call('recovery.unlock', { recoveryKey });
      props.onUnlocked();
    } catch (e) {
      setFieldError(recoveryKeyErrorOf(e));
      setError(deskErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <RecoveryKeyInput value={recoveryKey} onChange={setRecoveryKey} error={fieldError} />
      <ErrorNotice message={fieldError ? null : error} />
      <Group>
        <Button size="md" disabled={!recoveryKey.trim()} loading={busy} onClick={() => void unlock()}>
          {t('recoveryKey.unlock')}
        </Button>
      </Group>
      <Divider my="sm" />
    </Stack>
  );
}

/** A desk moving from another PC: its export imported, under an administrator password set anew. */
export function ImportPanel(props: { onImported: (message: string) => void }) {
  const { t } = useTranslation('backup');
  const [path, setPath] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [recoveryKeyError, setRecoveryKeyError] = useState<string | null>(null);
  const [adminPassword, setAdminPassword] = useState('');
  const [adminPasswordError, setAdminPasswordError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const job = useJob('import');
  const run = async () => {
    setBusy(true);
    setError(null);
    setAdminPasswordError(null);
    try {
      const result = await asJob(() =>
        client.call('data.import', {
          path: path.trim(),
          adminPassword,
          ...(recoveryKey.trim() ? { recoveryKey } : {}),
        }),
      );
      props.onImported(t('data.imported', { cases: result.cases, administrator: result.administrator }));
    } catch (e) {
      setRecoveryKeyError(recoveryKeyErrorOf(e));
      setAdminPasswordError(e instanceof DeskCallError ? (e.body.fields?.adminPassword ?? null) : null);
      setError(deskErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('data.import')}
      </Title>
      <Text c="dimmed">{t('data.importHint')}</Text>
      <TextInput label={t('data.importPath')} value={path} onChange={(e) => setPath(e.currentTarget.value)} />
      <RecoveryKeyInput value={recoveryKey} onChange={setRecoveryKey} error={recoveryKeyError} />
      <PasswordInput
        label={t('data.importAdminPassword')}
        description={t('data.importAdminPasswordHint')}
        value={adminPassword}
        onChange={(e) => setAdminPassword(e.currentTarget.value)}
        error={adminPasswordError}
        autoComplete="new-password"
      />
      <ErrorNotice message={recoveryKeyError || adminPasswordError ? null : error} />
      {/* How it ended is said below the form (the message, the fields in error): only the run is followed here. */}
      {busy && job?.state === 'running' && <JobProgress job={job} stay />}
      <Group>
        <Button variant="default" disabled={!path.trim() || !adminPassword} loading={busy} onClick={() => void run()}>
          {t('data.importButton')}
        </Button>
      </Group>
    </Stack>
  );
}
