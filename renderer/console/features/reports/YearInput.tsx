import { NumberInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupUtcOffsetMinutes } from '../../../../domain/console/groupTime.ts';
import { periodRange } from '../../../../domain/reports/periods.ts';

/** A page's year (this one at first) and its range in the group's time. */
export function useGroupYear() {
  const [year, setYear] = useState(() => new Date().getFullYear());
  return { year, setYear, range: periodRange({ kind: 'year', year, index: 1 }, groupUtcOffsetMinutes) };
}

/** The year a console page covers. */
export function YearInput(props: { year: number; onChange: (year: number) => void }) {
  const { t } = useTranslation('consoleReports');
  return (
    <NumberInput
      label={t('compare.year')}
      value={props.year}
      min={2000}
      max={2100}
      onChange={(v) => typeof v === 'number' && props.onChange(v)}
      w={120}
    />
  );
}
