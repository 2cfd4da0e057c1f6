import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { mayCall } from '../../../domain/access/permissions.ts';
import type { CorrectiveAction } from '../../../domain/api/reportViews.ts';
import { useSession } from '../../app/deskSession.tsx';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { NewCorrectiveAction, ProgressCorrectiveAction } from './CorrectiveActionForms.tsx';
import { ReportsTabs } from './ReportsTabs.tsx';

type Filter = 'all' | 'open' | 'implemented' | 'closed' | 'overdue';
const statusColor = { open: 'blue', implemented: 'orange', closed: 'teal' } as const;

/** 整改措施: raised from a case or an analysis, carried out, verified, closed. */
export function CorrectiveActionsPage() {
  const { t, i18n } = useTranslation('reports');
  const { client, user } = useSession();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<Filter>('all');
  const [items, setItems] = useState<CorrectiveAction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ action: CorrectiveAction; mode: 'implement' | 'verify' } | null>(null);
  const source = { caseNumber: params.get('caseNumber') ?? undefined, period: params.get('period') ?? undefined };
  const creating = params.get('new') === '1';
  const allowed = mayCall(user.roles, 'reports.analysis');
  const manage = mayCall(user.roles, 'correctiveActions.create');

  const load = useCallback(() => {
    if (!allowed) return;
    client
      .call('correctiveActions.list', filter === 'all' ? {} : { status: filter })
      .then((r) => {
        setItems(r.items);
        setError(null);
      })
      .catch((e: unknown) => setError(deskErrorMessage(e)));
  }, [client, filter, allowed]);
  useEffect(load, [load]);

  const sourceText = (a: CorrectiveAction) =>
    a.caseNumber ? t('actions.fromCase', { number: a.caseNumber }) : a.period ? t('actions.fromAnalysis', { period: a.period }) : '';

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('actions.title')}
      </Title>
      <ReportsTabs />
      {!allowed ? (
        <Alert color="yellow">{t('errors.forbidden')}</Alert>
      ) : (
        <>
          <Text c="dimmed">{t('actions.principle')}</Text>
          <Group justify="space-between">
            <SegmentedControl
              value={filter}
              onChange={(v) => setFilter(v as Filter)}
              data={[
                { value: 'all', label: t('actions.all') },
                { value: 'open', label: t('actions.statuses.open') },
                { value: 'implemented', label: t('actions.statuses.implemented') },
                { value: 'closed', label: t('actions.statuses.closed') },
                { value: 'overdue', label: t('actions.overdue') },
              ]}
            />
            {manage && <Button onClick={() => setParams({ ...Object.fromEntries(params), new: '1' })}>{t('actions.new')}</Button>}
          </Group>
          <ErrorNotice message={error} />
          {items && items.length === 0 && (
            <EmptyState>{t(filter !== 'all' ? 'actions.emptyFiltered' : manage ? 'actions.empty' : 'actions.emptyForReaders')}</EmptyState>
          )}
          {items && items.length > 0 && (
            <Table striped verticalSpacing="sm" data-testid="corrective-actions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('actions.source')}</Table.Th>
                  <Table.Th>{t('actions.department')}</Table.Th>
                  <Table.Th>{t('actions.cause')}</Table.Th>
                  <Table.Th>{t('actions.measure')}</Table.Th>
                  <Table.Th>{t('actions.owner')}</Table.Th>
                  <Table.Th>{t('actions.dueDate')}</Table.Th>
                  <Table.Th>{t('actions.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{sourceText(a)}</Table.Td>
                    <Table.Td>{a.departmentName ?? '—'}</Table.Td>
                    <Table.Td>{a.cause}</Table.Td>
                    <Table.Td>
                      {a.measure}
                      {a.training && (
                        <Text size="sm" c="dimmed">
                          {t('labelled', { label: t('actions.training'), value: a.training })}
                        </Text>
                      )}
                      {a.implementation && (
                        <Text size="sm" c="dimmed">
                          {t('labelled', { label: t('actions.implementation'), value: a.implementation })}
                        </Text>
                      )}
                      {a.verification && (
                        <Text size="sm" c="dimmed">
                          {t('aside', {
                            text: t('labelled', { label: t('actions.verification'), value: a.verification }),
                            note: t('actions.verifiedBy', {
                              name: a.verifiedByName ?? '',
                              at: a.verifiedAt ? formatDateTime(a.verifiedAt, i18n.language) : '',
                            }),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{a.owner}</Table.Td>
                    <Table.Td>
                      <Text c={a.overdue ? 'red.8' : 'inherit'} fw={a.overdue ? 700 : 400}>
                        {a.dueDate}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge
                          color={statusColor[a.status]}
                          variant="light"
                          tt="none"
                          size="lg"
                          h="auto"
                          styles={{ label: { overflow: 'visible', whiteSpace: 'normal' } }}
                        >
                          {t(`actions.statuses.${a.status}`)}
                        </Badge>
                        {a.overdue && (
                          <Badge color="red" tt="none" size="lg">
                            {t('actions.overdue')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {manage && a.status === 'open' && (
                        <Button size="compact-md" variant="light" onClick={() => setProgress({ action: a, mode: 'implement' })}>
                          {t('actions.implement')}
                        </Button>
                      )}
                      {manage && a.status === 'implemented' && (
                        <Button size="compact-md" variant="light" color="teal" onClick={() => setProgress({ action: a, mode: 'verify' })}>
                          {t('actions.verify')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <NewCorrectiveAction
            opened={creating}
            source={source}
            onClose={() => setParams({})}
            onSaved={() => {
              setParams({});
              load();
            }}
          />
          <ProgressCorrectiveAction
            action={progress?.action ?? null}
            mode={progress?.mode ?? 'implement'}
            onClose={() => setProgress(null)}
            onSaved={() => {
              setProgress(null);
              load();
            }}
          />
        </>
      )}
    </Stack>
  );
}
