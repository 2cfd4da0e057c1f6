import { useEffect, useState } from 'react';
import type { Category } from '../../domain/api/accessViews.ts';
import type { CaseHandlerOption, Department } from '../../domain/api/views.ts';
import { client } from './api/client.ts';

/** Departments, handlers and categories, for names on cards, the routing pickers and the filters. */
export function useDirectory() {
  const [departments, setDepartments] = useState<Department[]>([]);
  const [handlers, setHandlers] = useState<CaseHandlerOption[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  useEffect(() => {
    void client
      .call('departments.list', {})
      .then((d) => setDepartments(d.items))
      .catch(() => undefined);
    void client
      .call('cases.handlers', {})
      .then((h) => setHandlers(h.items))
      .catch(() => undefined);
    // Disabled ones too: older cases are still filed under them.
    void client
      .call('categories.list', { includeDisabled: true })
      .then((c) => setCategories(c.items))
      .catch(() => undefined);
  }, []);
  const departmentName = (id: string | null) => (id ? (departments.find((d) => d.id === id)?.name ?? '—') : '—');
  const handlerName = (id: string | null) => (id ? (handlers.find((h) => h.id === id)?.displayName ?? '—') : '—');
  return { departments, handlers, categories, departmentName, handlerName };
}

export type Directory = ReturnType<typeof useDirectory>;
