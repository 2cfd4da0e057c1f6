import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionFieldsProps } from './actionValues.ts';

/** Linking a related case by its number. */
export function LinkFields({ form, err }: ActionFieldsProps) {
  const { t } = useTranslation('handling');
  return <TextInput label={t('form.otherNumber')} required {...form.getInputProps('number')} error={err('number')} />;
}
