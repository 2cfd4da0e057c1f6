import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionFieldsProps } from './actionValues.ts';
import { MethodSelect } from './MethodSelect.tsx';

/** The reply to the complainant: the channel (a letter prints the reply letter) and what was said. */
export function RespondFields(props: ActionFieldsProps) {
  const { t } = useTranslation('handling');
  const { form, err } = props;
  return (
    <>
      <MethodSelect {...props} labelKey="form.replyChannel" errorPath="channel" />
      <Textarea label={t('form.reply')} required autosize minRows={4} {...form.getInputProps('content')} error={err('content')} />
    </>
  );
}
