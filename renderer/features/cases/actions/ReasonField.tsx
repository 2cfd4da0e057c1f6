import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionFieldsProps } from './actionValues.ts';

/** The reason an action records (decline, send back, review, escalate, re-assign, correct, close). */
export function ReasonField(props: ActionFieldsProps & { required: boolean; labelKey?: string }) {
  const { t } = useTranslation('handling');
  return (
    <Textarea
      label={t(props.labelKey ?? 'form.reason')}
      required={props.required}
      autosize
      minRows={2}
      {...props.form.getInputProps('reason')}
      error={props.err('reason')}
    />
  );
}
