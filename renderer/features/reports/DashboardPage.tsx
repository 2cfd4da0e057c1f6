import { Alert, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { mayCall } from '../../../domain/access/permissions.ts';
import type { ReportGroupRow, ReportSummary } from '../../../domain/api/reportViews.ts';
import { addCalendarDays } from '../../../domain/deadlines/workingCalendar.ts';
import type { ReportGroup } from '../../../domain/reports/groups.ts';
import { type DashboardSpan, type Range, spanRange, startOfLocalDate } from '../../../domain/reports/periods.ts';
import { useSession } from '../../app/deskSession.tsx';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDate } from '../../shared/format.ts';
import { DeskDateInput } from '../../shared/ui/DeskDates.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { caseListUrl, deskUtcOffsetMinutes } from './drillDown.ts';
import { breakdownGroups, repeatsQuery, summaryQuery, trendQuery } from './queries.ts';
import { RepeatComplainantsTable } from './RepeatComplainantsTable.tsx';
import { ChartCard, GroupBarChart, GroupPieChart } from './ReportCharts.tsx';
import { ReportsTabs } from './ReportsTabs.tsx';
import { formatNumber, formatRate } from './reportFormat.ts';
import { Stat } from './Stat.tsx';
import { useDeskToday } from './useDeskToday.ts';

type Span = DashboardSpan | 'range';
type Breakdowns = Record<(typeof breakdownGroups)[number], ReportGroupRow[]>;

const breakdownsOf = (s: ReportSummary) => Object.fromEntries(breakdownGroups.map((g) => [g, s.breakdowns?.[g] ?? []])) as Breakdowns;

/** 统计分析: what came in, what is open and late, how well it was handled, and where. */
export function DashboardPage() {
  const { t, i18n } = useTranslation('reports');
  const { user } = useSession();
  const navigate = useNavigate();
  const lang = i18n.language;
  const today = useDeskToday();
  const [span, setSpan] = useState<Span>('month');
  const [customFrom, setCustomFrom] = useState(addCalendarDays(today, -29));
  const [customTo, setCustomTo] = useState(today);
  const [trendGroup, setTrendGroup] = useState<'day' | 'week' | 'month'>('day');
  const allowed = mayCall(user.roles, 'reports.summary');

  const range: Range | null = useMemo(() => {
    if (span !== 'range') return spanRange(span, new Date(startOfLocalDate(today, deskUtcOffsetMinutes)), deskUtcOffsetMinutes);
    if (!customFrom || !customTo || customTo < customFrom) return null;
    return {
      from: startOfLocalDate(customFrom, deskUtcOffsetMinutes),
      to: startOfLocalDate(addCalendarDays(customTo, 1), deskUtcOffsetMinutes),
    };
  }, [span, customFrom, customTo, today]);

  // A range still being typed asks nothing; its last answer stays on screen.
  const asked = range ?? { from: '', to: '' };
  const enabled = range !== null && allowed;
  const summaryQ = useQuery({ ...summaryQuery(asked), enabled });
  const repeatsQ = useQuery({ ...repeatsQuery(asked), enabled });
  const trendQ = useQuery({ ...trendQuery(asked, trendGroup), enabled });
  const summary = summaryQ.data ?? null;
  const breakdowns = summary ? breakdownsOf(summary) : null;
  const repeats = repeatsQ.data?.items ?? [];
  const trend = trendQ.data?.groups ?? [];
  const failure = summaryQ.error ?? repeatsQ.error ?? trendQ.error;
  const error = failure ? deskErrorMessage(failure) : null;

  if (!allowed) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('dashboard.title')}
        </Title>
        <Alert color="yellow">{t('dashboard.forbidden')}</Alert>
      </Stack>
    );
  }

  const open = (group: ReportGroup) => (row: ReportGroupRow) => {
    const url = range && caseListUrl(range, group, row.key);
    if (url) navigate(url);
  };
  const vocabLabel = (vocabulary: 'types' | 'channels' | 'severities') => (row: ReportGroupRow) =>
    row.key === null ? t('charts.none') : t(`cases:${vocabulary}.${row.key}`);
  const nameLabel = (row: ReportGroupRow) => row.label ?? row.key ?? t('charts.none');
  const trendLabel = (row: ReportGroupRow) => (row.key ?? '').slice(trendGroup === 'month' ? 0 : 5);
  const f = summary?.figures;
  const w = summary?.workload;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('dashboard.title')}
      </Title>
      <ReportsTabs />
      <Group align="flex-end" gap="md">
        <SegmentedControl
          size="md"
          value={span}
          onChange={(v) => setSpan(v as Span)}
          data={(['today', 'week', 'month', 'range'] as const).map((s) => ({ value: s, label: t(`spans.${s}`) }))}
        />
        {span === 'range' && (
          <>
            <DeskDateInput label={t('dashboard.from')} value={customFrom} onChange={(d) => setCustomFrom(d ?? '')} />
            <DeskDateInput
              label={t('dashboard.to')}
              value={customTo}
              onChange={(d) => setCustomTo(d ?? '')}
              error={customTo < customFrom ? t('errors.rangeOrder') : undefined}
            />
          </>
        )}
        {range && (
          <Text c="dimmed" pb={6}>
            {t('dashboard.rangeText', {
              from: formatDate(range.from, lang),
              to: formatDate(new Date(Date.parse(range.to) - 1).toISOString(), lang),
            })}
          </Text>
        )}
      </Group>
      <ErrorNotice message={error} />
      {f && w && (
        <>
          <SimpleGrid cols={4} spacing="sm">
            <Stat
              testId="stat-registered"
              label={t('figures.registered')}
              value={formatNumber(f.counts.registered, lang)}
              sub={`${t('figures.complaints')} ${formatNumber(f.counts.complaints, lang)}`}
            />
            <Stat testId="stat-closed" label={t('figures.closedInRange')} value={formatNumber(summary.closedInRange, lang)} tone="teal" />
            <Stat testId="stat-open" label={t('figures.open')} value={formatNumber(w.open, lang)} sub={t('dashboard.now')} />
            <Stat
              testId="stat-overdue"
              label={t('figures.overdue')}
              value={formatNumber(w.overdue, lang)}
              tone={w.overdue > 0 ? 'red' : undefined}
              sub={t('dashboard.now')}
              onClick={() => navigate('/cases?overdue=1')}
            />
            <Stat
              testId="stat-due-soon"
              label={t('figures.dueSoon')}
              value={formatNumber(w.dueSoon, lang)}
              tone={w.dueSoon > 0 ? 'orange' : undefined}
              sub={t('dashboard.now')}
            />
            <Stat
              testId="stat-follow-up"
              label={t('figures.followUpRate')}
              value={formatRate(f.followUpRate, lang)}
              tone={f.followUpRate.value !== null && f.followUpRate.value < 1 ? 'red' : undefined}
              sub={`${t('figures.ofCount', { ...f.followUpRate })} · ${t('figures.followUpTarget')}`}
            />
            <Stat
              testId="stat-satisfaction"
              label={t('figures.satisfactionRate')}
              value={formatRate(f.satisfactionRate, lang)}
              sub={t('figures.ofCount', { ...f.satisfactionRate })}
            />
            <Stat
              testId="stat-on-time"
              label={t('figures.onTime.resolve')}
              value={formatRate(f.onTimeRate.resolve, lang)}
              sub={`${t('clocks.acknowledge')} ${formatRate(f.onTimeRate.acknowledge, lang)} · ${t('clocks.feedback')} ${formatRate(f.onTimeRate.feedback, lang)}`}
            />
          </SimpleGrid>
          <Group gap="xl" px="xs">
            <Text>
              {t('figures.resolutionRate')} <b>{formatRate(f.resolutionRate, lang)}</b>
            </Text>
            <Text>
              {t('figures.validRate')} <b>{formatRate(f.validRate, lang)}</b>
            </Text>
            <Text>
              {t('figures.repeatRate')} <b>{formatRate(f.repeatRate, lang)}</b>
            </Text>
            <Text>
              {t('figures.averageHandlingDays')} <b>{formatNumber(f.averageHandlingDays, lang, 1)}</b>
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('charts.clickHint')}
          </Text>
        </>
      )}
      <ChartCard
        title={t('charts.trend')}
        testId="chart-trend"
        extra={
          <SegmentedControl
            value={trendGroup}
            onChange={(v) => setTrendGroup(v as typeof trendGroup)}
            data={[
              { value: 'day', label: t('charts.byDay') },
              { value: 'week', label: t('charts.byWeek') },
              { value: 'month', label: t('charts.byMonth') },
            ]}
          />
        }
      >
        <GroupBarChart rows={trend} label={trendLabel} onPick={open(trendGroup)} withClosed height={200} />
      </ChartCard>
      {breakdowns && (
        <SimpleGrid cols={2} spacing="md">
          <ChartCard title={t('charts.byCategory')} testId="chart-category">
            <GroupBarChart rows={breakdowns.category} label={nameLabel} onPick={open('category')} horizontal limit={10} />
          </ChartCard>
          <ChartCard title={t('charts.byDepartment')} testId="chart-department">
            <GroupBarChart rows={breakdowns.department} label={nameLabel} onPick={open('department')} horizontal limit={10} />
          </ChartCard>
          <ChartCard title={t('charts.byChannel')} testId="chart-channel">
            <GroupPieChart rows={breakdowns.channel} label={vocabLabel('channels')} onPick={open('channel')} />
          </ChartCard>
          <ChartCard title={t('charts.bySeverity')} testId="chart-severity">
            <GroupPieChart rows={breakdowns.severity} label={vocabLabel('severities')} onPick={open('severity')} />
          </ChartCard>
          <ChartCard title={t('charts.byType')} testId="chart-type">
            <GroupPieChart rows={breakdowns.type} label={vocabLabel('types')} onPick={open('type')} />
          </ChartCard>
          <ChartCard title={t('charts.topDepartments')} testId="chart-top-departments">
            <GroupBarChart
              rows={breakdowns.respondentDepartment.filter((r) => r.key !== null)}
              label={nameLabel}
              onPick={open('respondentDepartment')}
              horizontal
              limit={8}
            />
          </ChartCard>
          <ChartCard title={t('charts.topPersons')} testId="chart-top-persons">
            <GroupBarChart
              rows={breakdowns.respondentPerson.filter((r) => r.key !== null)}
              label={nameLabel}
              onPick={open('respondentPerson')}
              horizontal
              limit={8}
            />
          </ChartCard>
          <ChartCard title={t('charts.repeats')} testId="repeats">
            <RepeatComplainantsTable items={repeats} />
          </ChartCard>
        </SimpleGrid>
      )}
    </Stack>
  );
}
