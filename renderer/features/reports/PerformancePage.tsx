import { Alert, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../../../domain/access/permissions.ts';
import type { PerformanceReport, PerformanceRow } from '../../../domain/api/reportViews.ts';
import { addCalendarDays, localDateOf } from '../../../domain/deadlines/workingCalendar.ts';
import { startOfLocalDate } from '../../../domain/reports/periods.ts';
import { useSession } from '../../app/deskSession.tsx';
import { deskErrorMessage } from '../../shared/errors.ts';
import { DeskDateInput } from '../../shared/ui/DeskDates.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { deskUtcOffsetMinutes } from './drillDown.ts';
import { ReportsTabs } from './ReportsTabs.tsx';
import { formatNumber, formatRate } from './reportFormat.ts';

function PerformanceTable(props: { title: string; rows: PerformanceRow[]; testId: string }) {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language;
  return (
    <Card withBorder data-testid={props.testId}>
      <Title order={2} size="h4" mb="xs">
        {props.title}
      </Title>
      {props.rows.length === 0 ? (
        <EmptyState>{t('performance.empty')}</EmptyState>
      ) : (
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('performance.name')}</Table.Th>
              <Table.Th ta="right">{t('performance.complaintsReceived')}</Table.Th>
              <Table.Th ta="right">{t('performance.assigned')}</Table.Th>
              <Table.Th ta="right">{t('performance.closed')}</Table.Th>
              <Table.Th ta="right">{t('performance.onTime')}</Table.Th>
              <Table.Th ta="right">{t('performance.satisfaction')}</Table.Th>
              <Table.Th ta="right">{t('performance.averageDays')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td ta="right">{r.complaintsReceived}</Table.Td>
                <Table.Td ta="right">{r.assigned}</Table.Td>
                <Table.Td ta="right">{r.closed}</Table.Td>
                <Table.Td ta="right">{formatRate(r.onTime, lang)}</Table.Td>
                <Table.Td ta="right">{formatRate(r.satisfaction, lang)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.averageHandlingDays, lang, 1)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** 绩效考核: per department and per person, for supervisors and directors only. */
export function PerformancePage() {
  const { t } = useTranslation('reports');
  const { client, user } = useSession();
  const today = localDateOf(new Date(), deskUtcOffsetMinutes);
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [report, setReport] = useState<PerformanceReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const allowed = mayCall(user.roles, 'reports.performance');
  const range = useMemo(
    () =>
      from && to && to >= from
        ? { from: startOfLocalDate(from, deskUtcOffsetMinutes), to: startOfLocalDate(addCalendarDays(to, 1), deskUtcOffsetMinutes) }
        : null,
    [from, to],
  );
  useEffect(() => {
    if (!range || !allowed) return;
    client
      .call('reports.performance', range)
      .then((r) => {
        setReport(r);
        setError(null);
      })
      .catch((e: unknown) => setError(deskErrorMessage(e)));
  }, [client, range, allowed]);

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('performance.title')}
      </Title>
      <ReportsTabs />
      {!allowed ? (
        <Alert color="yellow">{t('errors.forbidden')}</Alert>
      ) : (
        <>
          <Group align="flex-end">
            <DeskDateInput label={t('dashboard.from')} value={from} onChange={(d) => setFrom(d ?? '')} />
            <DeskDateInput
              label={t('dashboard.to')}
              value={to}
              onChange={(d) => setTo(d ?? '')}
              error={to < from ? t('errors.rangeOrder') : undefined}
            />
          </Group>
          <Text size="sm" c="dimmed">
            {t('performance.note')}
          </Text>
          <ErrorNotice message={error} />
          {report && (
            <>
              <PerformanceTable title={t('performance.departments')} rows={report.departments} testId="performance-departments" />
              <PerformanceTable title={t('performance.people')} rows={report.people} testId="performance-people" />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
