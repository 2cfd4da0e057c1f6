import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { DeskCallError } from './api/deskClient.ts';
import { i18next } from './i18n.ts';

/**
 * Submits a form to the core and puts its answer where the user looks: per-field messages
 * next to the fields (the core's field paths are the form's), the general message above.
 */
export function useDeskSubmit<Values extends Record<string, unknown>, Result>(
  form: UseFormReturnType<Values>,
  submit: (values: Values) => Promise<Result>,
  onDone: (result: Result) => void,
  onRefused?: (fields: Record<string, string>) => void,
) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await submit(values));
    } catch (e) {
      if (e instanceof DeskCallError) {
        setError(e.body.message);
        if (e.body.fields) form.setErrors(e.body.fields);
        onRefused?.(e.body.fields ?? {});
      } else {
        setError(i18next.t('common:networkError'));
      }
    } finally {
      setBusy(false);
    }
  });
  return { onSubmit, error, busy };
}
