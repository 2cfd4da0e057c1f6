import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleQuery } from '../../api.ts';
import { SiteComparisonTable } from './SiteComparisonTable.tsx';
import { useGroupYear, YearInput } from './YearInput.tsx';

/** Site against site for a year: intake per 1,000 visits or units, on-time, satisfaction, valid and repeat rates. */
export function SiteComparePage() {
  const { t } = useTranslation('consoleReports');
  const { year, setYear, range } = useGroupYear();
  const compare = useQuery(consoleQuery('reports.compare', range));
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('compare.title')}
      </Title>
      <Group align="flex-end">
        <YearInput year={year} onChange={setYear} />
      </Group>
      <ErrorNotice message={compare.error ? deskErrorMessage(compare.error) : null} />
      {compare.data && (
        <Card withBorder>
          <SiteComparisonTable rows={compare.data.rows} />
        </Card>
      )}
      <Text size="sm" c="dimmed">
        {t('compare.hint')}
      </Text>
    </Stack>
  );
}
