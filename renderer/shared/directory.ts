import { useQueries } from '@tanstack/react-query';
import type { Category } from '../../domain/api/accessViews.ts';
import type { CaseHandlerOption, Department } from '../../domain/api/views.ts';
import { deskQuery, queryClient } from './api/queries.ts';
import { deskErrorMessage } from './errors.ts';

/** Reference data changes rarely: fetched once for every screen, again after an administrator's change. */
const directoryStaleMs = 5 * 60_000;
const none: never[] = [];

const directoryQueries = () =>
  [
    { ...deskQuery('departments.list', {}), staleTime: directoryStaleMs },
    { ...deskQuery('cases.handlers', {}), staleTime: directoryStaleMs },
    // Disabled ones too: older cases are still filed under them.
    { ...deskQuery('categories.list', { includeDisabled: true }), staleTime: directoryStaleMs },
  ] as const;

/** Starts reading the directory before a page that shows it has rendered (a reload's first paint). */
export function prefetchDirectory(): void {
  const [departments, handlers, categories] = directoryQueries();
  void queryClient.prefetchQuery(departments);
  void queryClient.prefetchQuery(handlers);
  void queryClient.prefetchQuery(categories);
}

/**
 * Departments, handlers and categories, for names on cards, the routing pickers and the filters.
 * A failure to load any of them is answered in `error`, for the screen to show.
 */
export function useDirectory() {
  const [departments, handlers, categories] = useQueries({ queries: directoryQueries() });
  const failure = departments.error ?? handlers.error ?? categories.error;
  const directory = {
    departments: (departments.data?.items ?? none) as Department[],
    handlers: (handlers.data?.items ?? none) as CaseHandlerOption[],
    categories: (categories.data?.items ?? none) as Category[],
    error: failure ? deskErrorMessage(failure) : null,
  };
  const departmentName = (id: string | null) => (id ? (directory.departments.find((d) => d.id === id)?.name ?? '—') : '—');
  const handlerName = (id: string | null) => (id ? (directory.handlers.find((h) => h.id === id)?.displayName ?? '—') : '—');
  return { ...directory, departmentName, handlerName };
}

export type Directory = ReturnType<typeof useDirectory>;
