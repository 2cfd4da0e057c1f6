import { Anchor, Table, useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseSummary } from '../../../domain/api/views.ts';
import type { Directory } from '../../shared/directory.ts';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { PlainBadge } from '../../shared/ui/PlainBadge.tsx';
import { DeadlineBadge, statusLabel } from '../cases/index.ts';

/** A short table of cases, each row opening its case: the inbox's sections. */
export function CaseRows(props: { rows: CaseSummary[]; directory: Directory; empty: string }) {
  const { t } = useTranslation('handling');
  const navigate = useNavigate();
  const theme = useMantineTheme();
  if (props.rows.length === 0) return <EmptyState>{props.empty}</EmptyState>;
  return (
    <Table highlightOnHover verticalSpacing="xs">
      <Table.Tbody>
        {props.rows.map((c) => (
          <Table.Tr key={c.id} onClick={() => navigate(`/cases/${c.id}`)} style={{ cursor: 'pointer' }}>
            <Table.Td w={110}>
              {/* The row opens on a click; the number is the link a keyboard reaches. */}
              <Anchor component={Link} to={`/cases/${c.id}`} ff="monospace" fw={600} data-case-link>
                {c.number}
              </Anchor>
            </Table.Td>
            <Table.Td>{c.subject}</Table.Td>
            <Table.Td w={160}>{props.directory.departmentName(c.departmentId)}</Table.Td>
            <Table.Td w={190}>
              {/* Longer words (English) wrap rather than be cut. */}
              <PlainBadge words={statusLabel(c, t)} color="blue" variant="light" size="md" theme={theme} wrap />
            </Table.Td>
            <Table.Td w={260}>
              <DeadlineBadge summary={c} withDate wrap />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
