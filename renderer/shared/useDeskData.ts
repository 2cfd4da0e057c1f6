import { useCallback, useEffect, useRef, useState } from 'react';
import { deskErrorMessage } from './errors.ts';

/**
 * Loads something from the core when `key` changes, with its error in the user's language and
 * a way to reload after a change.
 */
export function useDeskData<T>(load: () => Promise<T>, key: string) {
  const loadRef = useRef(load);
  loadRef.current = load;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await loadRef.current());
      setError(null);
    } catch (e) {
      setError(deskErrorMessage(e));
    }
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: load again exactly when the caller's key changes
  useEffect(() => {
    void reload();
  }, [key]);
  return { data, error, reload, setError };
}

/** Runs one change and reloads; a refusal lands in `setError` in the user's language. */
export function runChange(setError: (m: string | null) => void, reload: () => Promise<void>) {
  return async (change: () => Promise<unknown>) => {
    try {
      await change();
      setError(null);
      await reload();
    } catch (e) {
      setError(deskErrorMessage(e));
    }
  };
}
