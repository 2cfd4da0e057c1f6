import { Alert, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { canApply } from '../../../../domain/cases/caseMachine.ts';
import type { GroupCaseDetail } from '../../../../domain/console/searchViews.ts';
import { CaseTimeline, type TimelineNames } from '../../../features/cases/CaseTimeline.tsx';
import { DeskCallError } from '../../../shared/api/apiClient.ts';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleClient, consoleQuery, invalidateConsole } from '../../api.ts';
import { groupCasePath } from '../../casePath.ts';
import { ComplainantText } from '../reports/CaseLinesTable.tsx';
import { TransferCaseButton } from '../transfer/TransferCaseButton.tsx';
import { TransferNote } from '../transfer/TransferNote.tsx';

/** One case of any site for a group supervisor: the desk's timeline, personal data masked, an audited reveal. */
export function GroupCasePage() {
  const { t, i18n } = useTranslation('consoleReports');
  const navigate = useNavigate();
  const id = useParams().id ?? '';
  const masked = useQuery(consoleQuery('cases.get', { id }));
  const [revealed, setRevealed] = useState<GroupCaseDetail | null>(null);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  // A case linked from the timeline opens on this same page: a reveal belongs to the case it was made for.
  const detail = (revealed?.line.id === id ? revealed : null) ?? masked.data ?? null;
  const names: TimelineNames | null = detail
    ? {
        departmentName: (d) => (d ? (detail.names.departments[d] ?? '—') : '—'),
        handlerName: (u) => (u ? (detail.names.users[u] ?? '—') : '—'),
      }
    : null;

  async function reveal() {
    setReasonError(null);
    try {
      setRevealed(await consoleClient.call('cases.reveal', { id, reason }));
      setAsking(false);
    } catch (e) {
      setReasonError(e instanceof DeskCallError && e.body.fields?.reason ? e.body.fields.reason : deskErrorMessage(e));
    }
  }

  const line = detail?.line;
  const colon = t('common:punctuation.colon');
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {line ? t('case.title', { number: line.number }) : ''}
        </Title>
        <Group gap="sm">
          {line && canApply(line.status, 'transfer') && (
            <TransferCaseButton
              caseId={id}
              number={line.number}
              onDone={() => {
                // The case's line and history as the server holds them after the move; a revealed copy is older.
                setRevealed(null);
                void invalidateConsole('cases.get', 'cases.search', 'reports.cases');
              }}
            />
          )}
          <Button variant="default" onClick={() => navigate(-1)}>
            {t('case.back')}
          </Button>
        </Group>
      </Group>
      <ErrorNotice message={masked.error ? deskErrorMessage(masked.error) : null} />
      {line && names && detail && (
        <>
          <Card withBorder>
            <SimpleGrid cols={3} spacing="sm">
              <Text>
                {t('columns.site')}
                {colon}
                <b>{line.siteName}</b>
              </Text>
              <Text>
                {t('columns.status')}
                {colon}
                <Badge variant="light">{t(`cases:statuses.${line.status}`)}</Badge>
              </Text>
              <Text>
                {t('columns.receivedAt')}
                {colon}
                {formatDateTime(line.receivedAt, i18n.language)}
              </Text>
              <Text span>
                {t('columns.subject')}
                {colon}
                {line.subject}
              </Text>
              <Group gap="xs">
                <Text>
                  {t('columns.complainant')}
                  {colon}
                </Text>
                <ComplainantText complainant={line.complainant} />
              </Group>
            </SimpleGrid>
          </Card>
          <TransferNote events={detail.events} />
          {line.complainant.masked ? (
            <Group>
              <Text c="dimmed">{t('case.masked')}</Text>
              <Button variant="light" onClick={() => setAsking(true)} data-testid="reveal">
                {t('case.reveal')}
              </Button>
            </Group>
          ) : (
            <Alert color="yellow" variant="light">
              {t('case.revealed')}
            </Alert>
          )}
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('case.timeline')}
            </Title>
            <CaseTimeline events={detail.events} directory={names} caseHref={groupCasePath} />
          </Card>
        </>
      )}
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('case.reveal')}>
        <Stack>
          <Textarea
            label={t('case.revealReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
            autosize
            minRows={2}
            maxLength={2000}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button onClick={() => void reveal()}>{t('case.revealSubmit')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
