import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionPreview } from '../../../domain/api/retentionViews.ts';
import { useSession } from '../../app/deskSession.tsx';
import { invalidate } from '../../shared/api/queries.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDate } from '../../shared/format.ts';
import { asJob, useJob } from '../../shared/jobs.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { JobProgress } from '../../shared/ui/JobProgress.tsx';

/** The dry run, then the removal the supervisor confirms: what is due, case by case, before it goes. */
export function RetentionRun() {
  const { t, i18n } = useTranslation('privacy');
  const { client } = useSession();
  const [preview, setPreview] = useState<RetentionPreview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob('retention');
  const removing = job?.state === 'running';

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      setError(deskErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const dryRun = () =>
    run(async () => {
      setNotice(null);
      setConfirmed(false);
      setPreview(await client.call('retention.preview', {}));
    });

  const apply = (p: RetentionPreview) =>
    run(async () => {
      const result = await asJob(() => client.call('retention.apply', { caseIds: p.cases.map((c) => c.id), confirm: true }));
      setPreview(null);
      setNotice(t('retention.removed', { count: result.cases, files: result.files }));
      void invalidate('cases.list', 'cases.get', 'cases.board');
    });

  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h4">
          {t('retention.runTitle')}
        </Title>
        <Text size="sm">{t('retention.runIntro')}</Text>
        <Group>
          <Button variant="default" loading={busy && !preview} onClick={() => void dryRun()}>
            {t('retention.dryRun')}
          </Button>
        </Group>
        {notice && (
          <Alert color="green" role="status" data-testid="retention-notice">
            {notice}
          </Alert>
        )}
        <ErrorNotice message={error} />
        {preview && (
          <Stack data-testid="retention-preview">
            <Text fw={600}>{t('retention.due', { count: preview.total, date: formatDate(preview.asOf, i18n.language) })}</Text>
            {preview.cases.length > 0 && (
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('retention.number')}</Table.Th>
                    <Table.Th>{t('retention.type')}</Table.Th>
                    <Table.Th>{t('retention.finishedAt')}</Table.Th>
                    <Table.Th>{t('retention.whatGoes')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.cases.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{c.number}</Table.Td>
                      <Table.Td>{t(`cases:types.${c.type}`)}</Table.Td>
                      <Table.Td>{formatDate(c.finishedAt, i18n.language)}</Table.Td>
                      <Table.Td>
                        {[
                          ...(c.kinds.includes('personalData') ? [t('retention.kind.personalData')] : []),
                          ...(c.kinds.includes('evidence') ? [t('retention.kind.evidence', { count: c.files })] : []),
                        ].join(t('retention.separator'))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {preview.total > preview.cases.length && (
              <Text size="sm">{t('retention.more', { count: preview.total - preview.cases.length })}</Text>
            )}
            {preview.cases.length > 0 && (
              <>
                <Checkbox
                  label={t('retention.confirm', { count: preview.cases.length })}
                  checked={confirmed}
                  onChange={(e) => setConfirmed(e.currentTarget.checked)}
                />
                {removing && <JobProgress job={job} />}
                <Group>
                  <Button color="red" disabled={!confirmed} loading={busy || removing} onClick={() => void apply(preview)}>
                    {t('retention.apply', { count: preview.cases.length })}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
