import { useCallback, useState } from 'react';
import { deskErrorMessage } from '../../../shared/errors.ts';

export function useLoadError() {
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((e: unknown) => setError(deskErrorMessage(e)), []);
  return { error, setError, fail };
}
