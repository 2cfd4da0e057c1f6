import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionFieldsProps } from './actionValues.ts';

/** Approving a proposal, with an optional comment. */
export function ApproveFields({ form, err }: ActionFieldsProps) {
  const { t } = useTranslation('handling');
  return <Textarea label={t('form.comment')} autosize minRows={2} {...form.getInputProps('comment')} error={err('comment')} />;
}
