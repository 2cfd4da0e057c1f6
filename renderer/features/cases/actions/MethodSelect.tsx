import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactMethods } from '../../../../domain/cases/vocabulary.ts';
import type { ActionFieldsProps } from './actionValues.ts';

/** How the complainant was reached (a contact, a reply, a follow-up); `errorPath` is the core's name for it. */
export function MethodSelect(props: ActionFieldsProps & { labelKey: string; errorPath: 'method' | 'channel' }) {
  const { t } = useTranslation('handling');
  return (
    <Select
      label={t(props.labelKey)}
      required
      allowDeselect={false}
      data={contactMethods.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
      {...props.form.getInputProps('method')}
      error={props.err(props.errorPath)}
    />
  );
}
