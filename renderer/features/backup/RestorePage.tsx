import { Alert, Button, Checkbox, Group, Paper, Radio, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { BackupEntry, RestoreResult } from '../../../domain/api/backupViews.ts';
import { useSession } from '../../app/deskSession.tsx';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { i18next } from '../../shared/i18n.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { restoreChoicesQuery } from './queries.ts';
import { formatBytes } from './useBackupStatus.ts';

/** The guided restore: choose a backup, let the core check it thoroughly, confirm, done. */
export function RestorePage() {
  const { t } = useTranslation('backup');
  const { client } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [step, setStep] = useState(0);
  const choices = useQuery(restoreChoicesQuery());
  const items = (choices.data?.items ?? []).filter((b) => b.valid);
  const [chosen, setChosen] = useState(params.get('path') ?? '');
  const [typed, setTyped] = useState('');
  const [checked, setChecked] = useState<BackupEntry | null>(null);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<RestoreResult | null>(null);

  const target = typed.trim() || chosen;

  const check = async () => {
    setBusy(true);
    setError(null);
    setChecked(null);
    try {
      const entry = await client.call('backup.inspect', { path: target });
      setChecked(entry);
      setStep(1);
    } catch (e) {
      setError(deskErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    if (!checked) return;
    setBusy(true);
    setError(null);
    client.expectSessionEnd(true);
    try {
      setResult(await client.call('backup.restore', { path: checked.path, confirm: true }));
      setStep(3);
    } catch (e) {
      client.expectSessionEnd(false);
      setError(deskErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const signInAgain = () => {
    client.token = null;
    window.location.hash = '';
    window.location.reload();
  };

  return (
    <Stack gap="lg" maw={900}>
      <Title order={1} size="h2">
        {t('restore.title')}
      </Title>
      <Alert color="blue" variant="light">
        {t('restore.intro')}
      </Alert>
      <Paper withBorder p="lg">
        <Stepper active={step} allowNextStepsSelect={false} onStepClick={(s) => step < 3 && setStep(s)}>
          <Stepper.Step label={t('restore.stepChoose')}>
            <Stack mt="md">
              {items.length > 0 && (
                <Radio.Group
                  value={chosen}
                  onChange={(v) => {
                    setChosen(v);
                    setTyped('');
                  }}
                >
                  <Stack>
                    {items.map((b) => (
                      <Radio
                        key={b.path}
                        value={b.path}
                        label={`${b.createdAt ? formatDateTime(b.createdAt, i18next.language) : b.name} · ${b.orgName ?? ''} · ${t('page.cases', { count: b.counts.cases ?? 0 })} · ${formatBytes(b.bytes, i18next.language)}`}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
              <TextInput label={t('restore.otherPath')} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} />
              <ErrorNotice message={error ?? (choices.error ? deskErrorMessage(choices.error) : null)} />
              <Group>
                <Button variant="default" onClick={() => navigate('/backup')}>
                  {t('common:back')}
                </Button>
                <Button onClick={() => void check()} disabled={!target} loading={busy}>
                  {t('restore.check')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('restore.stepCheck')}>
            {checked && (
              <Stack mt="md">
                {checked.valid ? (
                  <Alert color="green" variant="light" title={t('restore.checked')}>
                    <Text>{checked.path}</Text>
                    {checked.createdAt && <Text>{t('restore.made', { time: formatDateTime(checked.createdAt, i18next.language) })}</Text>}
                    <Text>
                      {t('restore.holds', {
                        cases: checked.counts.cases ?? 0,
                        events: checked.counts.case_events ?? 0,
                        users: checked.counts.users ?? 0,
                        files: checked.files,
                      })}
                    </Text>
                  </Alert>
                ) : (
                  <ErrorNotice message={checked.problem} />
                )}
                <Group>
                  <Button variant="default" onClick={() => setStep(0)}>
                    {t('common:back')}
                  </Button>
                  <Button onClick={() => setStep(2)} disabled={!checked.valid}>
                    {t('common:next')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stepper.Step>
          <Stepper.Step label={t('restore.stepConfirm')}>
            <Stack mt="md">
              <Checkbox
                size="md"
                checked={understood}
                onChange={(e) => setUnderstood(e.currentTarget.checked)}
                label={t('restore.confirmText')}
              />
              <ErrorNotice message={error} />
              <Group>
                <Button variant="default" onClick={() => setStep(1)}>
                  {t('common:back')}
                </Button>
                <Button color="red" disabled={!understood} loading={busy} onClick={() => void restore()}>
                  {t('restore.confirm')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Completed>
            {result && (
              <Stack mt="md">
                <Alert color="green" variant="light" role="status">
                  {t('restore.done', { cases: result.cases, path: result.setAsidePath ?? '—' })}
                </Alert>
                <Group>
                  <Button size="lg" onClick={signInAgain}>
                    {t('restore.signInAgain')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stepper.Completed>
        </Stepper>
      </Paper>
    </Stack>
  );
}
