import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query';
import type { DeskInput } from '../../../domain/api/deskApi.ts';
import { client } from '../../shared/api/client.ts';
import { deskQuery, prefetchedFreshMs } from '../../shared/api/queries.ts';

/** The board's columns; while new filters load, the last answer stays on screen. */
export const boardQuery = (input: DeskInput<'cases.board'>) => ({
  ...deskQuery('cases.board', input),
  placeholderData: keepPreviousData,
  staleTime: prefetchedFreshMs,
});

/** What the board's list view asks for with no filters set (its default sort). */
export const boardListInput = { sort: 'due' } as const satisfies DeskInput<'cases.browse'>;

export const inboxQuery = () => deskQuery('cases.inbox', {});

/** Answered cases waiting for their follow-up visit, most pressing first. */
export const followUpsQuery = () => deskQuery('cases.browse', { awaitingFollowUp: true, sort: 'due', limit: 200 });

const browsePageSize = 200;

/** Every case as pages of a keyset cursor: page 500 costs what page 1 does. */
export const browseQuery = (input: DeskInput<'cases.browse'>) =>
  infiniteQueryOptions({
    queryKey: ['cases.browse', 'pages', input] as const,
    queryFn: ({ pageParam }) =>
      client.call('cases.browse', { ...input, limit: browsePageSize, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    staleTime: prefetchedFreshMs,
  });
