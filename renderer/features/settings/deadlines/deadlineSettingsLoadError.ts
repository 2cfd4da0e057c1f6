import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskCallError } from '../../../shared/api/deskClient.ts';

export function useLoadError() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((e: unknown) => setError(e instanceof DeskCallError ? e.body.message : t('networkError')), [t]);
  return { error, setError, fail };
}
