import { NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AnalysisPeriod, analysisPeriods, type PeriodRef } from '../../../domain/reports/periods.ts';

const indexCount: Record<AnalysisPeriod, number> = { month: 12, quarter: 4, halfYear: 2, year: 1 };

/** An analysis period: its kind, year and which month, quarter or half. */
export function PeriodPicker(props: { period: PeriodRef; onChange: (update: (p: PeriodRef) => PeriodRef) => void }) {
  const { t } = useTranslation('reports');
  const { period } = props;
  const setPeriod = props.onChange;
  return (
    <>
      <Select
        label={t('analysis.kind')}
        value={period.kind}
        allowDeselect={false}
        onChange={(v) => v && setPeriod((p) => ({ kind: v as AnalysisPeriod, year: p.year, index: 1 }))}
        data={analysisPeriods.map((k) => ({ value: k, label: t(`analysis.kinds.${k}`) }))}
        w={140}
      />
      <NumberInput
        label={t('analysis.year')}
        value={period.year}
        min={2000}
        max={2100}
        onChange={(v) => typeof v === 'number' && setPeriod((p) => ({ ...p, year: v }))}
        w={110}
      />
      {period.kind !== 'year' && (
        <Select
          label={t('analysis.index')}
          value={String(period.index)}
          allowDeselect={false}
          onChange={(v) => v && setPeriod((p) => ({ ...p, index: Number(v) }))}
          data={Array.from({ length: indexCount[period.kind] }, (_, i) => ({
            value: String(i + 1),
            label: t(`analysis.periodLabel.${period.kind}`, { year: period.year, index: i + 1 }),
          }))}
          w={170}
        />
      )}
    </>
  );
}
