import { Alert, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRound, SyncStatus } from '../../../domain/api/syncViews.ts';
import { useSession } from '../../app/deskSession.tsx';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useJob } from '../../shared/jobs.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { JobProgress } from '../../shared/ui/JobProgress.tsx';
import { announceSyncChange } from './queries.ts';
import { syncLabel, syncProblemText } from './syncWords.ts';

/** An enrolled desk: its site, prefix and server, how the last round went, a round by hand, and leaving. */
export function SyncStatusPanel(props: { status: SyncStatus }) {
  const { t, i18n } = useTranslation('sync');
  const { client } = useSession();
  const { status } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState<SyncRound | null>(null);
  const [leaving, setLeaving] = useState(false);
  // A desk back after days offline catches up in a long round, by hand or by the scheduler.
  const catchUp = useJob('syncCatchUp');
  const { label, color } = syncLabel(status, t, i18n.language);
  const problem = syncProblemText(status, t);

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setRound(null);
    try {
      await what();
    } catch (e) {
      setError(deskErrorMessage(e));
    } finally {
      setBusy(false);
      announceSyncChange();
    }
  };

  const rows: [string, string][] = [
    [t('page.site'), status.siteName ?? ''],
    [t('page.prefix'), status.prefix ?? ''],
    [t('page.server'), status.serverUrl ?? ''],
    [t('page.lastSync'), status.lastSyncAt ? formatDateTime(status.lastSyncAt, i18n.language) : t('page.never')],
    [t('page.pending'), status.pending > 0 ? t('page.pendingParts', { count: status.pending, ...status.waiting }) : '0'],
  ];
  return (
    <Paper withBorder p="lg" maw={760}>
      <Stack>
        <Group>
          <Text fw={600}>{t('page.status')}</Text>
          <Text c={color} fw={600} data-testid="sync-page-state">
            {label}
          </Text>
        </Group>
        <Table withRowBorders={false} w="auto">
          <Table.Tbody>
            {rows.map(([name, value]) => (
              <Table.Tr key={name}>
                <Table.Th w={160}>{name}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {problem && (
          <Alert color={status.state === 'offline' ? 'orange' : 'red'} variant="light" title={t('page.lastError')}>
            {problem}
          </Alert>
        )}
        {/* A failed round by hand is the last problem shown above: said once. */}
        {catchUp?.state === 'running' && <JobProgress job={catchUp} />}
        <ErrorNotice message={problem ? null : error} />
        {round && <Text c="green">{t('page.synced', { pushed: round.pushed, pulled: round.pulled })}</Text>}
        <Group>
          <Button
            loading={busy}
            data-testid="sync-now"
            onClick={() =>
              void run(async () => {
                setRound(await client.call('sync.now', {}));
              })
            }
          >
            {t('page.syncNow')}
          </Button>
          <Button variant="default" color="red" disabled={busy} onClick={() => setLeaving(true)}>
            {t('page.leave')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={leaving} onClose={() => setLeaving(false)} title={t('page.leave')}>
        <Stack>
          <Text>{t('page.leaveConfirm', { site: status.siteName ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setLeaving(false)}>
              {t('common:cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                setLeaving(false);
                void run(async () => {
                  await client.call('sync.leave', {});
                });
              }}
            >
              {t('page.leave')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
