import { Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportGroupRow } from '../../../../domain/api/reportViews.ts';
import { mayCallConsole } from '../../../../domain/console/groupRoles.ts';
import type { DrillFigure } from '../../../../domain/console/reportsSchemas.ts';
import type { GroupDimension } from '../../../../domain/reports/groupFigures.ts';
import { type DashboardSpan, dashboardSpans } from '../../../../domain/reports/periods.ts';
import { ChartCard, GroupBarChart, GroupPieChart } from '../../../features/reports/ReportCharts.tsx';
import { formatNumber, formatRate } from '../../../features/reports/reportFormat.ts';
import { Stat } from '../../../features/reports/Stat.tsx';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { formatDate } from '../../../shared/format.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleQuery } from '../../api.ts';
import { useConsoleSession } from '../../consoleSession.tsx';
import { type Drill, DrillModal } from './DrillModal.tsx';
import { SiteComparisonTable } from './SiteComparisonTable.tsx';
import { SiteScope } from './SiteScope.tsx';

/** 集团报表: the desk's dashboard over every site's cases, the sites side by side, each figure leading to its cases. */
export function GroupDashboardPage() {
  const { t, i18n } = useTranslation('consoleReports');
  const { t: tr } = useTranslation('reports');
  const lang = i18n.language;
  const { user } = useConsoleSession();
  const [span, setSpan] = useState<DashboardSpan>('month');
  const [siteId, setSiteId] = useState<number | undefined>(undefined);
  const [drill, setDrill] = useState<Drill | null>(null);
  const dashboard = useQuery(consoleQuery('reports.dashboard', { span, ...(siteId ? { siteId } : {}) }));
  const d = dashboard.data;
  const compare = useQuery({
    ...consoleQuery('reports.compare', { from: d?.range.from ?? '', to: d?.range.to ?? '' }),
    enabled: Boolean(d),
  });
  const mayDrill = mayCallConsole(user.role, 'reports.cases');
  const open = (figure: DrillFigure, title: string, where?: { dimension: GroupDimension; key: string | null }) =>
    mayDrill && d ? () => setDrill({ range: d.range, figure, siteId, title, ...(where ?? {}) }) : undefined;
  const pick = (dimension: GroupDimension, label: (r: ReportGroupRow) => string) =>
    mayDrill ? (r: ReportGroupRow) => open('registered', label(r), { dimension, key: r.key })?.() : undefined;
  const vocab = (v: 'channels' | 'severities') => (r: ReportGroupRow) => (r.key === null ? tr('charts.none') : tr(`cases:${v}.${r.key}`));
  const named = (r: ReportGroupRow) => r.label ?? r.key ?? tr('charts.none');
  const f = d?.figures;
  const open_ = d?.workload.reduce((a, w) => a + w.open, 0) ?? 0;
  const overdue = d?.workload.reduce((a, w) => a + w.overdue, 0) ?? 0;
  const failure = dashboard.error ?? compare.error;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('dashboard.title')}
      </Title>
      <Group align="flex-end">
        <SiteScope value={siteId} onChange={setSiteId} />
        <SegmentedControl
          size="md"
          value={span}
          onChange={(v) => setSpan(v as DashboardSpan)}
          data={dashboardSpans.map((s) => ({ value: s, label: tr(`spans.${s}`) }))}
        />
        {d && (
          <Text c="dimmed" pb={6}>
            {tr('dashboard.rangeText', {
              from: formatDate(d.range.from, lang),
              to: formatDate(new Date(Date.parse(d.range.to) - 1).toISOString(), lang),
            })}
          </Text>
        )}
      </Group>
      <ErrorNotice message={failure ? deskErrorMessage(failure) : null} />
      {f && (
        <>
          <SimpleGrid cols={4} spacing="sm">
            <Stat
              testId="group-registered"
              label={tr('figures.registered')}
              value={formatNumber(f.counts.registered, lang)}
              sub={`${tr('figures.complaints')} ${formatNumber(f.counts.complaints, lang)}`}
              onClick={open('registered', t('figures.registered'))}
            />
            <Stat testId="group-open" label={t('dashboard.open')} value={formatNumber(open_, lang)} sub={tr('dashboard.now')} />
            <Stat
              testId="group-overdue"
              label={t('dashboard.overdue')}
              value={formatNumber(overdue, lang)}
              tone={overdue > 0 ? 'red' : undefined}
              sub={tr('dashboard.now')}
            />
            <Stat
              testId="group-on-time"
              label={tr('figures.onTime.resolve')}
              value={formatRate(f.onTimeRate.resolve, lang)}
              sub={`${tr('clocks.acknowledge')} ${formatRate(f.onTimeRate.acknowledge, lang)}`}
              onClick={open('late.resolve', t('figures.late.resolve'))}
            />
            <Stat
              testId="group-satisfaction"
              label={tr('figures.satisfactionRate')}
              value={formatRate(f.satisfactionRate, lang)}
              sub={tr('figures.ofCount', { ...f.satisfactionRate })}
              onClick={open('unsatisfied', t('figures.unsatisfied'))}
            />
            <Stat
              testId="group-valid"
              label={tr('figures.validRate')}
              value={formatRate(f.validRate, lang)}
              sub={tr('figures.ofCount', { ...f.validRate })}
              onClick={open('valid', t('figures.valid'))}
            />
            <Stat
              testId="group-repeat"
              label={tr('figures.repeatRate')}
              value={formatRate(f.repeatRate, lang)}
              sub={tr('figures.ofCount', { ...f.repeatRate })}
              onClick={open('repeats', t('figures.repeats'))}
            />
            <Stat
              testId="group-resolution"
              label={tr('figures.resolutionRate')}
              value={formatRate(f.resolutionRate, lang)}
              sub={`${tr('figures.averageHandlingDays')} ${formatNumber(f.averageHandlingDays, lang, 1)}`}
              onClick={open('open', t('figures.open'))}
            />
          </SimpleGrid>
          {mayDrill && (
            <Text size="sm" c="dimmed">
              {t('dashboard.drillHint')}
            </Text>
          )}
        </>
      )}
      {compare.data && !siteId && (
        <ChartCard title={t('dashboard.bySite')} testId="group-by-site">
          <SiteComparisonTable rows={compare.data.rows} onPick={(id) => setSiteId(id)} />
        </ChartCard>
      )}
      {d && (
        <>
          <ChartCard title={tr('charts.trend')} testId="group-trend">
            <GroupBarChart
              rows={d.trend}
              label={(r) => (r.key ?? '').slice(5)}
              onPick={pick('day', (r) => r.key ?? '')}
              withClosed
              height={200}
            />
          </ChartCard>
          <SimpleGrid cols={2} spacing="md">
            <ChartCard title={tr('charts.byCategory')}>
              <GroupBarChart rows={d.byCategory} label={named} onPick={pick('category', named)} horizontal limit={10} />
            </ChartCard>
            <ChartCard title={t('dashboard.workload')}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('columns.site')}</Table.Th>
                    <Table.Th ta="right">{t('dashboard.open')}</Table.Th>
                    <Table.Th ta="right">{t('dashboard.overdue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.workload.map((w) => (
                    <Table.Tr key={w.siteId}>
                      <Table.Td>{w.name}</Table.Td>
                      <Table.Td ta="right">{formatNumber(w.open, lang)}</Table.Td>
                      <Table.Td ta="right" {...(w.overdue > 0 ? { c: 'red.8' } : {})}>
                        {formatNumber(w.overdue, lang)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ChartCard>
            <ChartCard title={tr('charts.byChannel')}>
              <GroupPieChart rows={d.byChannel} label={vocab('channels')} onPick={pick('channel', vocab('channels'))} />
            </ChartCard>
            <ChartCard title={tr('charts.bySeverity')}>
              <GroupPieChart rows={d.bySeverity} label={vocab('severities')} onPick={pick('severity', vocab('severities'))} />
            </ChartCard>
          </SimpleGrid>
        </>
      )}
      <DrillModal drill={drill} onClose={() => setDrill(null)} />
    </Stack>
  );
}
