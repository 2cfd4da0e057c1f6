import { QueryClient, queryOptions } from '@tanstack/react-query';
import type { DeskMethod } from '../../../domain/api/deskApi.ts';
import { client } from './client.ts';
import type { DeskInputs } from './deskClient.ts';

/**
 * The window's one cache of answers from the core. The core's answer is final: a refusal is not
 * retried, and coming back to the window does not reload every screen.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

/**
 * How long an answer stays fresh for the pages whose data a reload asks for before they render
 * (`DeskRoute.prefetch`): the page mounting a moment later shows it without asking again. A
 * change made here invalidates it at once; this only delays seeing another desk's change by as much.
 */
export const prefetchedFreshMs = 2_000;

/** One core call as a query, keyed by method and input, so `invalidate(method)` reaches every input. */
export function deskQuery<M extends DeskMethod>(method: M, input: DeskInputs[M]) {
  return queryOptions({ queryKey: [method, input] as const, queryFn: () => client.call(method, input) });
}

/** After a change: every screen showing one of these methods' answers reads it again. */
export function invalidate(...methods: DeskMethod[]): Promise<void> {
  return Promise.all(methods.map((method) => queryClient.invalidateQueries({ queryKey: [method] }))).then(() => undefined);
}
