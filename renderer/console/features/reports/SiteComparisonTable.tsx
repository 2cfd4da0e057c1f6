import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPer1000, type SiteComparisonRow } from '../../../../domain/reports/groupFigures.ts';
import { formatNumber, formatRate } from '../../../features/reports/reportFormat.ts';

/** Site against site: intake (and per 1,000 visits or units), on-time, satisfaction, valid and repeat rates. */
export function SiteComparisonTable(props: { rows: SiteComparisonRow[]; onPick?: ((siteId: number) => void) | undefined }) {
  const { t, i18n } = useTranslation('consoleReports');
  const lang = i18n.language;
  const columns = [
    'registered',
    'intakePer1000',
    'resolutionRate',
    'onTimeAcknowledge',
    'onTimeResolve',
    'satisfactionRate',
    'validRate',
    'repeatRate',
    'averageHandlingDays',
  ] as const;
  const value = (r: SiteComparisonRow, c: (typeof columns)[number]) => {
    switch (c) {
      case 'registered':
        return formatNumber(r.registered, lang);
      case 'intakePer1000':
        return formatPer1000(r.intakePer1000, lang);
      case 'onTimeAcknowledge':
        return formatRate(r.onTimeRate.acknowledge, lang);
      case 'onTimeResolve':
        return formatRate(r.onTimeRate.resolve, lang);
      case 'averageHandlingDays':
        return formatNumber(r.averageHandlingDays, lang, 1);
      default:
        return formatRate(r[c], lang);
    }
  };
  return (
    <Table striped highlightOnHover data-testid="site-comparison">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('columns.site')}</Table.Th>
          {columns.map((c) => (
            <Table.Th key={c} ta="right">
              {t(`columns.${c}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((r) => (
          <Table.Tr
            key={r.siteId}
            onClick={props.onPick ? () => props.onPick?.(r.siteId) : undefined}
            style={props.onPick ? { cursor: 'pointer' } : undefined}
          >
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text fw={600}>{r.name}</Text>
            </Table.Td>
            {columns.map((c) => (
              <Table.Td key={c} ta="right">
                {value(r, c)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
