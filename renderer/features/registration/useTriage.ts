import type { UseFormReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { suggestionQuery } from './queries.ts';
import type { RegisterValues } from './registerValues.ts';

type Chosen = 'categoryId' | 'severity';

/**
 * Category and severity follow what was typed until the receptionist sets them; the same
 * suggestion carries the hospital's intake prompts. `choose` marks a field as set by hand,
 * `forget` starts afresh for the next complainant.
 */
export function useTriage(form: UseFormReturnType<RegisterValues>) {
  const v = form.values;
  const touched = useRef({ categoryId: false, severity: false });
  const [text] = useDebouncedValue(`${v.subject}\n${v.content}\n${v.demands}`, 400);
  const suggested = useQuery(suggestionQuery(text));
  const suggestion = text.trim() === '' ? null : (suggested.data ?? null);
  useEffect(() => {
    if (!suggestion) return;
    if (!touched.current.categoryId && suggestion.categoryId) form.setFieldValue('categoryId', suggestion.categoryId);
    if (!touched.current.severity) form.setFieldValue('severity', suggestion.severity);
  }, [suggestion, form.setFieldValue]);
  const choose = useCallback((field: Chosen) => {
    touched.current[field] = true;
  }, []);
  const forget = useCallback(() => {
    touched.current = { categoryId: false, severity: false };
  }, []);
  return { suggestion, error: suggested.error, choose, forget };
}
