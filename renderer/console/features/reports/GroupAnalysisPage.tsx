import { Button, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportGroupRow } from '../../../../domain/api/reportViews.ts';
import { groupUtcOffsetMinutes } from '../../../../domain/console/groupTime.ts';
import { localDateOf } from '../../../../domain/deadlines/workingCalendar.ts';
import { analysisHeading, type Translate } from '../../../../domain/reports/analysisRows.ts';
import { type PeriodRef, periodContaining, previousPeriod } from '../../../../domain/reports/periods.ts';
import { AnalysisFiguresTable } from '../../../features/reports/AnalysisFiguresTable.tsx';
import { PeriodPicker } from '../../../features/reports/PeriodPicker.tsx';
import { ChartCard, GroupBarChart } from '../../../features/reports/ReportCharts.tsx';
import { downloadBase64 } from '../../../features/reports/reportFormat.ts';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { formatDate } from '../../../shared/format.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleClient, consoleQuery } from '../../api.ts';
import { SiteComparisonTable } from './SiteComparisonTable.tsx';
import { SiteScope } from './SiteScope.tsx';

/** The group's analysis of a period: the desk's figures, trend and breakdowns, the sites side by side; A4 and Excel. */
export function GroupAnalysisPage() {
  const { t, i18n } = useTranslation('consoleReports');
  const { t: tr } = useTranslation('reports');
  const lang = i18n.language;
  const translate: Translate = (key, values) => tr(key, values ?? {});
  const [period, setPeriod] = useState<PeriodRef>(() =>
    previousPeriod(periodContaining('month', localDateOf(new Date(), groupUtcOffsetMinutes))),
  );
  const [siteId, setSiteId] = useState<number | undefined>(undefined);
  const scope = { period, ...(siteId ? { siteId } : {}) };
  const analysis = useQuery(consoleQuery('reports.analysis', scope));
  const [printing, setPrinting] = useState(false);
  const printed = useQuery({ ...consoleQuery('reports.print', scope), enabled: printing });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const a = analysis.data;
  const named = (r: ReportGroupRow) => r.label ?? r.key ?? tr('charts.none');
  const vocab = (v: 'channels' | 'severities' | 'types') => (r: ReportGroupRow) =>
    r.key === null ? tr('charts.none') : tr(`cases:${v}.${r.key}`);

  async function exportXlsx() {
    setBusy(true);
    setError(null);
    try {
      downloadBase64(await consoleClient.call('reports.export', scope));
    } catch (e) {
      setError(deskErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const failure = analysis.error ?? printed.error;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {a ? `${a.siteName ?? a.groupName} ${analysisHeading(a, translate)}` : t('analysis.title')}
      </Title>
      <Group align="flex-end">
        <SiteScope value={siteId} onChange={setSiteId} />
        <PeriodPicker period={period} onChange={setPeriod} />
        <Button variant="default" onClick={() => setPrinting(true)}>
          {t('analysis.print')}
        </Button>
        <Button variant="default" onClick={() => void exportXlsx()} loading={busy}>
          {t('analysis.export')}
        </Button>
      </Group>
      <ErrorNotice message={error ?? (failure ? deskErrorMessage(failure) : null)} />
      {a && (
        <>
          <Text c="dimmed">
            {tr('labelled', {
              label: tr('analysis.range'),
              value: `${formatDate(a.range.from, lang)} – ${formatDate(new Date(Date.parse(a.range.to) - 1).toISOString(), lang)}`,
            })}
          </Text>
          <AnalysisFiguresTable report={a} />
          {!siteId && (
            <ChartCard title={t('compare.title')}>
              <SiteComparisonTable rows={a.comparison} onPick={setSiteId} />
            </ChartCard>
          )}
          <ChartCard title={tr('charts.trend')}>
            <GroupBarChart
              rows={a.trend.rows}
              label={(r) => (r.key ?? '').slice(a.trend.bucket === 'day' ? 8 : 5)}
              withClosed
              height={200}
            />
          </ChartCard>
          <SimpleGrid cols={2}>
            {!siteId && (
              <ChartCard title={tr('charts.bySite')}>
                <GroupBarChart rows={a.bySite} label={named} horizontal limit={12} height={200} />
              </ChartCard>
            )}
            <ChartCard title={tr('charts.byCategory')}>
              <GroupBarChart rows={a.byCategory} label={named} horizontal limit={8} height={200} />
            </ChartCard>
            <ChartCard title={tr('charts.byChannel')}>
              <GroupBarChart rows={a.byChannel} label={vocab('channels')} horizontal limit={8} height={200} />
            </ChartCard>
            <ChartCard title={tr('charts.bySeverity')}>
              <GroupBarChart rows={a.bySeverity} label={vocab('severities')} horizontal limit={8} height={200} />
            </ChartCard>
          </SimpleGrid>
        </>
      )}
      <Modal opened={printing} onClose={() => setPrinting(false)} title={t('analysis.preview')} size={900} centered>
        <Stack>
          {printed.data && (
            <iframe
              ref={frame}
              title={t('analysis.preview')}
              srcDoc={printed.data.html}
              sandbox="allow-same-origin allow-modals"
              data-testid="group-print-frame"
              style={{
                width: 820,
                height: 'min(620px, calc(100dvh - 240px))',
                border: '1px solid var(--mantine-color-gray-4)',
                background: '#fff',
              }}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPrinting(false)}>
              {t('analysis.close')}
            </Button>
            <Button disabled={!printed.data} onClick={() => frame.current?.contentWindow?.print()}>
              {t('analysis.print')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
