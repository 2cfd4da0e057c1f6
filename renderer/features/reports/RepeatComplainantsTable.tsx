import { Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { RepeatComplainant } from '../../../domain/api/reportViews.ts';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';

/** Complainants who came back, as the dashboard and the analysis show them: masked or hidden by role. */
export function RepeatComplainantsTable(props: { items: readonly RepeatComplainant[]; testId?: string }) {
  const { t } = useTranslation('reports');
  const navigate = useNavigate();
  if (props.items.length === 0) return <EmptyState>{t('repeats.empty')}</EmptyState>;
  return (
    <Table highlightOnHover data-testid={props.testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('repeats.name')}</Table.Th>
          <Table.Th>{t('repeats.phone')}</Table.Th>
          <Table.Th>{t('repeats.cases')}</Table.Th>
          <Table.Th>{t('repeats.latest')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.items.map((r) => (
          <Table.Tr key={r.latestCaseId}>
            <Table.Td>{r.hidden ? t('repeats.hidden') : r.name}</Table.Td>
            <Table.Td ff="monospace">{r.phone}</Table.Td>
            <Table.Td>{r.cases}</Table.Td>
            <Table.Td>
              <Button
                variant="subtle"
                size="compact-md"
                // A number shown in full lists all their cases; a masked one opens the latest (searching it would reveal it).
                onClick={() => navigate(r.masked || r.hidden ? `/cases/${r.latestCaseId}` : `/cases?q=${encodeURIComponent(r.phone)}`)}
              >
                {r.latestNumber}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
