import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ConsoleComplainant, GroupCaseLine } from '../../../../domain/console/reportsViews.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { groupCasePath } from '../../casePath.ts';

/** A complainant as the console may show them: masked, or hidden when confidential. */
export function ComplainantText(props: { complainant: ConsoleComplainant }) {
  const { t } = useTranslation('consoleReports');
  const c = props.complainant;
  if (c.hidden) return <Text c="dimmed">{t('case.hidden')}</Text>;
  return (
    <Text>
      {c.name}
      {c.phone ? ` · ${c.phone}` : ''}
    </Text>
  );
}

/** Cases of any site, newest first; a row opens the case. */
export function CaseLinesTable(props: { items: GroupCaseLine[] }) {
  const { t, i18n } = useTranslation('consoleReports');
  const navigate = useNavigate();
  return (
    <Table striped highlightOnHover data-testid="case-lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('columns.site')}</Table.Th>
          <Table.Th>{t('columns.number')}</Table.Th>
          <Table.Th>{t('columns.subject')}</Table.Th>
          <Table.Th>{t('columns.complainant')}</Table.Th>
          <Table.Th>{t('columns.status')}</Table.Th>
          <Table.Th>{t('columns.receivedAt')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.items.map((c) => (
          <Table.Tr key={c.id} onClick={() => navigate(groupCasePath(c.id))} style={{ cursor: 'pointer' }}>
            <Table.Td>{c.siteName}</Table.Td>
            <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {c.number}
            </Table.Td>
            <Table.Td>{c.subject}</Table.Td>
            <Table.Td>
              <ComplainantText complainant={c.complainant} />
            </Table.Td>
            <Table.Td>{t(`cases:statuses.${c.status}`)}</Table.Td>
            <Table.Td>{formatDateTime(c.receivedAt, i18n.language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
