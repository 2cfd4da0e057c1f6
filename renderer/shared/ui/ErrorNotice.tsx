import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ErrorNotice(props: { message: string | null }) {
  const { t } = useTranslation();
  if (!props.message) return null;
  return (
    <Alert color="red" variant="light" title={t('errorTitle')} role="alert">
      {props.message}
    </Alert>
  );
}
