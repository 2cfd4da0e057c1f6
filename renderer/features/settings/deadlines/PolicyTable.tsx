import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordType, Severity } from '../../../../domain/cases/vocabulary.ts';
import { clockNames, type DeadlinePolicy } from '../../../../domain/deadlines/deadline.ts';
import { describeClock } from './describeClock.ts';

export interface PolicyTableRow {
  type: RecordType;
  severity: Severity;
  /** Null where no policy is set here: its clocks show a dimmed dash. */
  policy: DeadlinePolicy | null;
  /** The row's last cell: where the policy comes from and what may be done with it. */
  actions: ReactNode;
}

/** Deadline policies, a row for each record type and severity and a column for each clock: the desk's and the group's. */
export function PolicyTable(props: { rows: PolicyTableRow[]; testIdPrefix: string }) {
  const { t } = useTranslation('deadlines');
  const words = (k: string, values?: Record<string, string>) => t(k, values ?? {});
  return (
    <Table striped verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('page.type')}</Table.Th>
          <Table.Th>{t('page.severity')}</Table.Th>
          {clockNames.map((c) => (
            <Table.Th key={c}>{t(`clocks.${c}`)}</Table.Th>
          ))}
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((row) => (
          <Table.Tr key={`${row.type}/${row.severity}`} data-testid={`${props.testIdPrefix}-${row.type}-${row.severity}`}>
            <Table.Td>{t(`cases:types.${row.type}`)}</Table.Td>
            <Table.Td>{t(`cases:severities.${row.severity}`)}</Table.Td>
            {clockNames.map((c) =>
              row.policy ? (
                <Table.Td key={c}>{describeClock(row.policy[c], words)}</Table.Td>
              ) : (
                <Table.Td key={c} c="dimmed">
                  —
                </Table.Td>
              ),
            )}
            <Table.Td>{row.actions}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
