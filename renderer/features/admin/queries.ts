import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { DeskInput } from '../../../domain/api/deskApi.ts';
import type { Department } from '../../../domain/api/views.ts';
import { client } from '../../shared/api/client.ts';
import { deskQuery } from '../../shared/api/queries.ts';

/** Every account, the disabled ones too: the administrator enables them again here. */
export const usersQuery = () => deskQuery('users.list', { includeDisabled: true });

/** Departments or categories (the same shape on this page) with the disabled ones, keyed as `deskQuery` keys them. */
export const referenceQuery = (kind: 'departments' | 'categories') =>
  queryOptions({
    queryKey: [`${kind}.list`, { includeDisabled: true }] as const,
    queryFn: (): Promise<{ items: Department[] }> => client.call(`${kind}.list`, { includeDisabled: true }),
  });

/** The audit log in pages, newest first, for one filter. */
export const auditQuery = (filter: Omit<DeskInput<'audit.list'>, 'cursor'>) =>
  infiniteQueryOptions({
    queryKey: ['audit.list', 'pages', filter] as const,
    queryFn: ({ pageParam }) => client.call('audit.list', { ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
