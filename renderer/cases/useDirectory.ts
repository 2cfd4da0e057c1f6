import { useEffect, useState } from 'react';
import type { CaseHandlerOption, Department } from '../../domain/api/views.ts';
import { useSession } from '../app/deskSession.tsx';

/** Departments and handlers, for names on cards and for the routing pickers. */
export function useDirectory() {
  const { client } = useSession();
  const [departments, setDepartments] = useState<Department[]>([]);
  const [handlers, setHandlers] = useState<CaseHandlerOption[]>([]);
  useEffect(() => {
    void client
      .call('departments.list', {})
      .then((d) => setDepartments(d.items))
      .catch(() => undefined);
    void client
      .call('cases.handlers', {})
      .then((h) => setHandlers(h.items))
      .catch(() => undefined);
  }, [client]);
  const departmentName = (id: string | null) => (id ? (departments.find((d) => d.id === id)?.name ?? '—') : '—');
  const handlerName = (id: string | null) => (id ? (handlers.find((h) => h.id === id)?.displayName ?? '—') : '—');
  return { departments, handlers, departmentName, handlerName };
}

export type Directory = ReturnType<typeof useDirectory>;
