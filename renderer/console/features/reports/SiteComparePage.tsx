import { Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodRange } from '../../../../domain/reports/periods.ts';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleQuery } from '../../api.ts';
import { SiteComparisonTable } from './SiteComparisonTable.tsx';

const groupUtcOffsetMinutes = 480;

/** Site against site for a year: intake per 1,000 visits or units, on-time, satisfaction, valid and repeat rates. */
export function SiteComparePage() {
  const { t } = useTranslation('consoleReports');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const range = periodRange({ kind: 'year', year, index: 1 }, groupUtcOffsetMinutes);
  const compare = useQuery(consoleQuery('reports.compare', range));
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('compare.title')}
      </Title>
      <Group align="flex-end">
        <NumberInput
          label={t('compare.year')}
          value={year}
          min={2000}
          max={2100}
          onChange={(v) => typeof v === 'number' && setYear(v)}
          w={120}
        />
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
