import { queryOptions } from '@tanstack/react-query';
import type { ConsoleInputs, ConsoleMethod, ConsoleOutputs } from '../../domain/console/consoleApi.ts';
import { createApiClient } from '../shared/api/apiClient.ts';
import { queryClient } from '../shared/api/queries.ts';
import { httpTransport } from '../shared/api/transport.ts';
import { i18next } from '../shared/i18n.ts';

/** The console's one client: the shared api client over HTTP, typed by the console's method list. */
export const consoleClient = createApiClient<ConsoleInputs, ConsoleOutputs>(httpTransport, () => i18next.language, 'console.token');

/** One console call as a query, keyed by method and input, so `invalidateConsole(method)` reaches every input. */
export function consoleQuery<M extends ConsoleMethod>(method: M, input: ConsoleInputs[M]) {
  return queryOptions({ queryKey: ['console', method, input] as const, queryFn: () => consoleClient.call(method, input) });
}

/** After a change: every screen showing one of these methods' answers reads it again. */
export function invalidateConsole(...methods: ConsoleMethod[]): Promise<void> {
  return Promise.all(methods.map((method) => queryClient.invalidateQueries({ queryKey: ['console', method] }))).then(() => undefined);
}
