import { Alert, Button, Checkbox, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/deskSession.tsx';
import { DeskCallError } from '../../shared/api/deskClient.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { asJob, useJob } from '../../shared/jobs.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { JobProgress } from '../../shared/ui/JobProgress.tsx';
import { sealPreviewQuery } from './queries.ts';

/** The year under review: its open cases to carry over, the confirmation, and the seal. */
export function SealPanel(props: { year: number; onSealed: (text: string) => void }) {
  const { t } = useTranslation('privacy');
  const { client } = useSession();
  const preview = useQuery(sealPreviewQuery(props.year));
  const [carry, setCarry] = useState<Set<string>>(new Set());
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob('seal');
  const data = preview.data;
  if (!data) return preview.error ? <ErrorNotice message={deskErrorMessage(preview.error)} /> : <Loader />;

  const seal = async () => {
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      const result = await asJob(() => client.call('seals.seal', { year: data.year, carryOver: [...carry], confirm: true }));
      props.onSealed(t('seals.sealed', { year: result.year, count: result.caseCount, carried: result.carriedOver }));
    } catch (e) {
      const fields = e instanceof DeskCallError ? e.body.fields : undefined;
      setFieldError(fields?.carryOver ?? fields?.year ?? null);
      setError(fields ? null : deskErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" data-testid="seal-panel">
      <Stack>
        <Title order={2} size="h4">
          {t('seals.openTitle', { year: data.year, count: data.open.length })}
        </Title>
        {data.open.length === 0 ? (
          <Text>{t('seals.noOpen', { year: data.year })}</Text>
        ) : (
          <Stack gap={4}>
            {data.open.map((c) => (
              <Checkbox
                key={c.id}
                label={[c.number, c.subject, t(`cases:statuses.${c.status}`), t('seals.carry')].join(t('seals.fieldSeparator'))}
                checked={carry.has(c.id)}
                onChange={(e) => {
                  const next = new Set(carry);
                  if (e.currentTarget.checked) next.add(c.id);
                  else next.delete(c.id);
                  setCarry(next);
                }}
              />
            ))}
          </Stack>
        )}
        {fieldError && (
          <Alert color="red" data-testid="seal-field-error">
            {fieldError}
          </Alert>
        )}
        {job?.state === 'running' && <JobProgress job={job} />}
        <ErrorNotice message={error} />
        <Checkbox
          label={t('seals.confirm', { count: data.finished })}
          checked={confirmed}
          onChange={(e) => setConfirmed(e.currentTarget.checked)}
        />
        <Group>
          <Button color="orange" disabled={!confirmed} loading={busy || job?.state === 'running'} onClick={() => void seal()}>
            {t('seals.seal', { year: data.year })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
