import { Card, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnalysisReport } from '../../../domain/api/reportViews.ts';
import { figureLines, type Translate } from '../../../domain/reports/analysisRows.ts';
import { formatChange, formatNumber, formatRate } from './reportFormat.ts';

/** The analysis figures against the previous period and the same period last year (the desk's and the group's). */
export function AnalysisFiguresTable(props: { report: Pick<AnalysisReport, 'current' | 'previous' | 'lastYear'> }) {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language;
  const tr: Translate = (key, values) => t(key, values ?? {});
  const lines = figureLines(props.report, tr);
  return (
    <Card withBorder>
      <Table striped data-testid="analysis-figures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('analysis.figure')}</Table.Th>
            <Table.Th ta="right">{t('analysis.current')}</Table.Th>
            <Table.Th ta="right">{t('analysis.previous')}</Table.Th>
            <Table.Th ta="right">{t('analysis.changePrevious')}</Table.Th>
            <Table.Th ta="right">{t('analysis.lastYear')}</Table.Th>
            <Table.Th ta="right">{t('analysis.changeLastYear')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => {
            const show = (v: number | null) => (l.unit === 'rate' ? formatRate(v, lang) : formatNumber(v, lang, l.unit === 'days' ? 1 : 0));
            return (
              <Table.Tr key={l.key}>
                <Table.Td>{l.label}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {show(l.current)}
                </Table.Td>
                <Table.Td ta="right">{show(l.previous)}</Table.Td>
                <Table.Td ta="right">{formatChange(l.changePrevious, l.unit, lang)}</Table.Td>
                <Table.Td ta="right">{show(l.lastYear)}</Table.Td>
                <Table.Td ta="right">{formatChange(l.changeLastYear, l.unit, lang)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
