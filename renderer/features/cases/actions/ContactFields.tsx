import { Group, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DeskDateTimeInput } from '../../../shared/ui/DeskDates.tsx';
import type { ActionFieldsProps } from './actionValues.ts';
import { MethodSelect } from './MethodSelect.tsx';

/** A contact-log entry: how and when, with whom, what was said. */
export function ContactFields(props: ActionFieldsProps) {
  const { t } = useTranslation('handling');
  const { form, err } = props;
  return (
    <>
      <Group grow>
        <MethodSelect {...props} labelKey="form.method" errorPath="method" />
        <DeskDateTimeInput label={t('form.contactedAt')} {...form.getInputProps('contactedAt')} error={err('contactedAt')} />
      </Group>
      <TextInput label={t('form.person')} required {...form.getInputProps('person')} error={err('person')} />
      <Textarea label={t('form.summary')} required autosize minRows={3} {...form.getInputProps('summary')} error={err('summary')} />
    </>
  );
}
