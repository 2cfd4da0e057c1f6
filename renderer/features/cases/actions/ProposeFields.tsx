import { Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { compensationForms, findings } from '../../../../domain/cases/vocabulary.ts';
import type { ActionFieldsProps } from './actionValues.ts';

/** A proposed resolution: the text, the finding, and compensation if any. */
export function ProposeFields({ form, err }: ActionFieldsProps) {
  const { t } = useTranslation('handling');
  return (
    <>
      <Textarea label={t('form.proposal')} required autosize minRows={4} {...form.getInputProps('text')} error={err('text')} />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('form.finding')}
        </Text>
        <SegmentedControl
          aria-label={t('form.finding')}
          data={findings.map((f) => ({ value: f, label: t(`findings.${f}`) }))}
          {...form.getInputProps('finding')}
        />
      </Stack>
      <Group grow>
        <NumberInput
          label={t('form.compensationAmount')}
          min={0}
          decimalScale={2}
          {...form.getInputProps('compensationAmount')}
          error={err('compensation.amount')}
        />
        <Select
          label={t('form.compensationForm')}
          clearable
          data={compensationForms.map((f) => ({ value: f, label: t(`compensationForms.${f}`) }))}
          {...form.getInputProps('compensationForm')}
          error={err('compensation.form')}
        />
      </Group>
    </>
  );
}
