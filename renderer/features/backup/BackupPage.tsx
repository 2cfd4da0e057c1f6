import { Alert, Button, Checkbox, Grid, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../domain/api/backupViews.ts';
import { useSession } from '../../app/deskSession.tsx';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { asJob, useJob } from '../../shared/jobs.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { FolderInput } from '../../shared/ui/FolderInput.tsx';
import { JobProgress } from '../../shared/ui/JobProgress.tsx';
import { BackupList } from './BackupList.tsx';
import { EncryptionPanel } from './EncryptionPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { announceBackupChange, useBackupStatus } from './useBackupStatus.ts';

/** Backups: state, back up now, where and when, the generations in the folder, and export. */
export function BackupPage() {
  const { t } = useTranslation('backup');
  const { user } = useSession();
  const { status, error, refresh } = useBackupStatus();
  const isAdmin = user.roles.includes('admin');
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1} size="h2">
        {t('page.title')}
      </Title>
      <ErrorNotice message={error} />
      {status && <StatusPanel status={status} isAdmin={isAdmin} onChanged={refresh} />}
      {status && isAdmin && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <SettingsPanel status={status} onSaved={refresh} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <ExportPanel folder={status.config.folder} />
          </Grid.Col>
        </Grid>
      )}
      {isAdmin && <EncryptionPanel />}
      {status && isAdmin && <BackupList folder={status.config.folder} version={status.lastGood?.at ?? ''} />}
    </Stack>
  );
}

function StatusPanel(props: { status: BackupStatus; isAdmin: boolean; onChanged: () => Promise<void> }) {
  const { t, i18n } = useTranslation('backup');
  const { client } = useSession();
  const { status } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const job = useJob('backup');
  const backUpNow = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const run = await asJob(() => client.call('backup.run', {}));
      setDone(t('page.backedUp', { path: run.path }));
    } catch (e) {
      setError(deskErrorMessage(e));
    } finally {
      setBusy(false);
      await props.onChanged();
      announceBackupChange();
    }
  };
  const when = (iso: string | undefined) => (iso ? formatDateTime(iso, i18n.language) : t('page.never'));
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Text size="lg">
            {t('page.lastGood')}
            {t('common:punctuation.colon')}
            <b data-testid="last-good">{when(status.lastGood?.at)}</b>
            {status.lastGood && ` · ${t('page.cases', { count: status.lastGood.cases })}`}
          </Text>
          {status.last && (
            <Text c={status.last.ok ? 'dark' : 'red'}>
              {t('page.last')}
              {t('common:punctuation.colon')}
              {when(status.last.at)} · {status.last.ok ? t('page.resultOk') : t('page.resultFailed')}
            </Text>
          )}
          <Text c="dimmed">
            {t('page.next')}
            {t('common:punctuation.colon')}
            {when(status.nextAt)}
          </Text>
        </Stack>
        {props.isAdmin && (
          <Button size="lg" onClick={() => void backUpNow()} loading={busy || job?.state === 'running'}>
            {t('page.backupNow')}
          </Button>
        )}
      </Group>
      <Stack mt="md" gap="sm">
        {/* The page's own answer says how it ended; the job says how far it got, also after the page was left. */}
        {(job?.state === 'running' || (!busy && !done && !error && job?.state !== 'failed')) && <JobProgress job={job} />}
        {status.overdue && !status.last?.error && job?.state !== 'running' && (
          <Alert color="orange" variant="light">
            {status.lastGood ? t('indicator.overdue') : t('indicator.never')}
          </Alert>
        )}
        {status.last && !status.last.ok && status.last.error && !error && (
          <Alert color="red" variant="light" title={t('indicator.failed')}>
            {status.last.error}
          </Alert>
        )}
        {status.config.isDefaultFolder && (
          <Alert color="yellow" variant="light">
            {t('page.defaultFolder', { folder: status.config.folder })}
          </Alert>
        )}
        <ErrorNotice message={error} />
        {done && (
          <Alert color="green" variant="light" role="status">
            {done}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function SettingsPanel(props: { status: BackupStatus; onSaved: () => Promise<void> }) {
  const { t } = useTranslation('backup');
  const { client } = useSession();
  const { config } = props.status;
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initialValues: {
      folder: config.isDefaultFolder ? '' : config.folder,
      dailyTime: config.dailyTime,
      keep: config.keep,
      onQuit: config.onQuit,
    },
  });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) => {
      setSaved(false);
      return client.call('backup.configure', { ...values, keep: Number(values.keep) });
    },
    () => {
      setSaved(true);
      void props.onSaved();
      announceBackupChange();
    },
  );
  return (
    <Paper withBorder p="lg" h="100%">
      <Title order={2} size="h4" mb="sm">
        {t('page.settings')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <FolderInput
            label={t('page.folder')}
            description={t('page.folderHint')}
            placeholder={config.folder}
            {...form.getInputProps('folder')}
            onPicked={(folder) => form.setFieldValue('folder', folder)}
          />
          <Group grow>
            <TextInput label={t('page.dailyTime')} placeholder="17:30" maxLength={5} {...form.getInputProps('dailyTime')} />
            <NumberInput label={t('page.keep')} min={1} max={365} {...form.getInputProps('keep')} />
          </Group>
          <Checkbox label={t('page.onQuit')} {...form.getInputProps('onQuit', { type: 'checkbox' })} />
          <ErrorNotice message={error} />
          {saved && (
            <Alert color="green" variant="light" role="status">
              {t('page.saved')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy}>
              {t('page.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
