import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { correctableFields } from '../../../../domain/cases/vocabulary.ts';
import type { ActionFieldsProps } from './actionValues.ts';
import { ReasonField } from './ReasonField.tsx';

/** A correction of registration data: which field, its new value and why (the original stays in the history). */
export function CorrectFields(props: ActionFieldsProps) {
  const { t } = useTranslation('handling');
  const { form, err } = props;
  return (
    <>
      <Select
        label={t('form.field')}
        allowDeselect={false}
        data={correctableFields.map((f) => ({ value: f, label: t(`fields.${f}`) }))}
        {...form.getInputProps('field')}
        error={err('field')}
      />
      <TextInput label={t('form.newValue')} {...form.getInputProps('value')} error={err('value')} />
      <ReasonField {...props} required />
    </>
  );
}
