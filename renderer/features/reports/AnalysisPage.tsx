import { Alert, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { mayCall } from '../../../domain/access/permissions.ts';
import { localDateOf } from '../../../domain/deadlines/workingCalendar.ts';
import { analysisHeading, breakdowns, groupLabel, periodKey, type Translate } from '../../../domain/reports/analysisRows.ts';
import { type PeriodRef, periodContaining, previousPeriod } from '../../../domain/reports/periods.ts';
import { listText } from '../../../domain/text/listText.ts';
import { useSession } from '../../app/deskSession.tsx';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { PrintPreview } from '../printing/index.ts';
import { AnalysisFiguresTable } from './AnalysisFiguresTable.tsx';
import { deskUtcOffsetMinutes } from './drillDown.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { analysisQuery } from './queries.ts';
import { RepeatComplainantsTable } from './RepeatComplainantsTable.tsx';
import { ChartCard, GroupBarChart } from './ReportCharts.tsx';
import { ReportsTabs } from './ReportsTabs.tsx';
import { downloadBase64 } from './reportFormat.ts';

/** 投诉情况分析: a month (or quarter, half-year, year) against the previous one and last year. */
export function AnalysisPage() {
  const { t, i18n } = useTranslation('reports');
  const { client, user } = useSession();
  const navigate = useNavigate();
  const lang = i18n.language;
  const today = localDateOf(new Date(), deskUtcOffsetMinutes);
  // The month just ended is the one a monthly analysis is usually written for.
  const [period, setPeriod] = useState<PeriodRef>(() => previousPeriod(periodContaining('month', today)));
  const analysis = useQuery({ ...analysisQuery(period), enabled: mayCall(user.roles, 'reports.analysis') });
  const report = analysis.data ?? null;
  const [exportError, setExportError] = useState<string | null>(null);
  const failure = analysis.error ?? null;
  const error = failure ? deskErrorMessage(failure) : exportError;
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const allowed = mayCall(user.roles, 'reports.analysis');
  const tr: Translate = (key, values) => t(key, values ?? {});

  const fail = (e: unknown) => setExportError(deskErrorMessage(e));
  async function exportAs(format: 'xlsx' | 'csv') {
    setBusy(format);
    try {
      downloadBase64(await client.call('reports.export', { period, format }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  }
  if (!allowed) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('nav.analysis')}
        </Title>
        <Alert color="yellow">{t('errors.forbidden')}</Alert>
      </Stack>
    );
  }

  return (
    <Stack>
      <Title order={1} size="h2">
        {report ? analysisHeading(report, tr) : t('nav.analysis')}
      </Title>
      <ReportsTabs />
      <Group align="flex-end">
        <PeriodPicker period={period} onChange={setPeriod} />
        <Button variant="default" onClick={() => setPreviewing(true)}>
          {t('analysis.print')}
        </Button>
        <Button variant="default" onClick={() => void exportAs('xlsx')} loading={busy === 'xlsx'}>
          {t('analysis.exportXlsx')}
        </Button>
        <Button variant="default" onClick={() => void exportAs('csv')} loading={busy === 'csv'}>
          {t('analysis.exportCsv')}
        </Button>
        {report && (
          <Button variant="light" onClick={() => navigate(`/reports/actions?new=1&period=${encodeURIComponent(periodKey(report.period))}`)}>
            {t('analysis.raiseAction')}
          </Button>
        )}
      </Group>
      <ErrorNotice message={error} />
      {report && (
        <>
          <Text c="dimmed">
            {t('labelled', {
              label: t('analysis.range'),
              value: `${formatDate(report.range.from, lang)} – ${formatDate(new Date(Date.parse(report.range.to) - 1).toISOString(), lang)}`,
            })}
          </Text>
          <AnalysisFiguresTable report={report} />
          <ChartCard title={t('charts.trend')}>
            <GroupBarChart
              rows={report.trend.rows}
              label={(r) => (r.key ?? '').slice(report.trend.bucket === 'day' ? 8 : 5)}
              withClosed
              height={200}
            />
          </ChartCard>
          <SimpleGrid cols={2}>
            {breakdowns(report, tr)
              .slice(0, 4)
              .map((b) => (
                <ChartCard key={b.title} title={b.title}>
                  <GroupBarChart rows={b.rows} label={(r) => groupLabel(r, b.vocabulary, tr)} horizontal limit={8} height={200} />
                </ChartCard>
              ))}
          </SimpleGrid>
          <ChartCard title={t('analysis.majorCases')}>
            {report.majorCases.length === 0 ? (
              <Text c="dimmed">{t('analysis.none')}</Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {report.majorCases.map((c) => (
                    <Table.Tr key={c.id} onClick={() => navigate(`/cases/${c.id}`)} style={{ cursor: 'pointer' }}>
                      <Table.Td ff="monospace">{c.number}</Table.Td>
                      <Table.Td>{c.subject}</Table.Td>
                      <Table.Td>{t(`cases:severities.${c.severity}`)}</Table.Td>
                      <Table.Td>{t(`cases:statuses.${c.status}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </ChartCard>
          <ChartCard title={t('analysis.overdueCases')}>
            {report.overdueCases.length === 0 ? (
              <Text c="dimmed">{t('analysis.none')}</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('columns.number')}</Table.Th>
                    <Table.Th>{t('columns.subject')}</Table.Th>
                    <Table.Th>{t('columns.department')}</Table.Th>
                    <Table.Th>{t('analysis.clocks')}</Table.Th>
                    <Table.Th>{t('analysis.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.overdueCases.map((c) => (
                    <Table.Tr key={c.id} onClick={() => navigate(`/cases/${c.id}`)} style={{ cursor: 'pointer' }}>
                      <Table.Td ff="monospace">{c.number}</Table.Td>
                      <Table.Td>{c.subject}</Table.Td>
                      <Table.Td>{c.departmentName ?? '—'}</Table.Td>
                      <Table.Td>
                        {listText(
                          c.clocks.map((k) => t(`clocks.${k}`)),
                          lang,
                        )}
                      </Table.Td>
                      <Table.Td>{c.reason ?? t('analysis.noReason')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </ChartCard>
          <ChartCard title={t('actions.title')}>
            {report.correctiveActions.length === 0 ? (
              <Text c="dimmed">{t('analysis.none')}</Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {report.correctiveActions.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{a.departmentName ?? '—'}</Table.Td>
                      <Table.Td>{a.measure}</Table.Td>
                      <Table.Td>{a.owner}</Table.Td>
                      <Table.Td>{a.dueDate}</Table.Td>
                      <Table.Td>
                        {t(`actions.statuses.${a.status}`)}
                        {a.overdue ? t('common:punctuation.aside', { text: t('actions.overdue') }) : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </ChartCard>
          <ChartCard title={t('charts.repeats')}>
            <RepeatComplainantsTable items={report.repeatComplainants} testId="analysis-repeats" />
          </ChartCard>
        </>
      )}
      <PrintPreview request={previewing ? { template: 'monthlyAnalysis', period } : null} onClose={() => setPreviewing(false)} />
    </Stack>
  );
}
