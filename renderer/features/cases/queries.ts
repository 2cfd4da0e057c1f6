import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query';
import type { DeskInput } from '../../../domain/api/deskApi.ts';
import { client } from '../../shared/api/client.ts';
import { deskQuery, prefetchedFreshMs } from '../../shared/api/queries.ts';

export const caseQuery = (id: string) => deskQuery('cases.get', { id });

/** The case list in pages; while new filters load, the last answer stays on screen. */
export const caseListQuery = (input: Omit<DeskInput<'cases.list'>, 'cursor'>) =>
  infiniteQueryOptions({
    queryKey: ['cases.list', 'pages', input] as const,
    queryFn: ({ pageParam }) => client.call('cases.list', { ...input, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    placeholderData: keepPreviousData,
    staleTime: prefetchedFreshMs,
  });

/** The other sites of the group a case may be transferred to (转办), as the desk last heard them. */
export const groupSitesQuery = () => deskQuery('sync.sites', {});
