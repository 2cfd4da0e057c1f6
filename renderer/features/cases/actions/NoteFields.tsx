import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionFieldsProps } from './actionValues.ts';

/** An internal note. */
export function NoteFields({ form, err }: ActionFieldsProps) {
  const { t } = useTranslation('handling');
  return <Textarea label={t('form.note')} required autosize minRows={3} {...form.getInputProps('text')} error={err('text')} />;
}
