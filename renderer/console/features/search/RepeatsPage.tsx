import { Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleQuery } from '../../api.ts';
import { groupCasePath } from '../../casePath.ts';
import { ComplainantText } from '../reports/CaseLinesTable.tsx';
import { useGroupYear, YearInput } from '../reports/YearInput.tsx';

/** Complainants who came to more than one site in a year (by phone, as the desk looks phones up). */
export function RepeatsPage() {
  const { t } = useTranslation('consoleReports');
  const { year, setYear, range } = useGroupYear();
  const [minSites, setMinSites] = useState(2);
  const repeats = useQuery(consoleQuery('complainants.repeats', { ...range, minSites }));
  const items = repeats.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('repeats.title')}
      </Title>
      <Group align="flex-end">
        <YearInput year={year} onChange={setYear} />
        <NumberInput
          label={t('repeats.minSites')}
          value={minSites}
          min={1}
          max={100}
          onChange={(v) => typeof v === 'number' && setMinSites(v)}
          w={200}
        />
      </Group>
      <ErrorNotice message={repeats.error ? deskErrorMessage(repeats.error) : null} />
      <Card withBorder>
        {repeats.data && items.length === 0 ? (
          <Text c="dimmed">{t('repeats.empty')}</Text>
        ) : (
          <Table striped data-testid="group-repeats">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.complainant')}</Table.Th>
                <Table.Th ta="right">{t('columns.cases')}</Table.Th>
                <Table.Th>{t('columns.sites')}</Table.Th>
                <Table.Th>{t('columns.latest')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.latestCaseId}>
                  <Table.Td>
                    <ComplainantText complainant={r.complainant} />
                  </Table.Td>
                  <Table.Td ta="right">{r.cases}</Table.Td>
                  <Table.Td>{r.sites.map((s) => `${s.name} ${s.cases}`).join('、')}</Table.Td>
                  <Table.Td>
                    <Link to={groupCasePath(r.latestCaseId)}>{r.latestNumber}</Link>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
