import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionFieldsProps } from './actionValues.ts';
import { ReasonField } from './ReasonField.tsx';

/** Closing: a note, or, when the finding's condition is not met, a supervisor's override with its reason. */
export function CloseFields(props: ActionFieldsProps & { needsOverride: boolean }) {
  const { t } = useTranslation('handling');
  if (!props.needsOverride) return <ReasonField {...props} required={false} labelKey="form.closeNote" />;
  return (
    <>
      <Alert color="orange" variant="light">
        {t('form.overrideNotice')}
      </Alert>
      <ReasonField {...props} required labelKey="form.overrideReason" />
    </>
  );
}
