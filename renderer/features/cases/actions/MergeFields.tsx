import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionFieldsProps } from './actionValues.ts';
import { ReasonField } from './ReasonField.tsx';

/** Merging this duplicate into the case it repeats, by that case's number. */
export function MergeFields(props: ActionFieldsProps) {
  const { t } = useTranslation('handling');
  return (
    <>
      <TextInput label={t('form.survivorNumber')} required {...props.form.getInputProps('number')} error={props.err('intoNumber')} />
      <ReasonField {...props} required />
    </>
  );
}
