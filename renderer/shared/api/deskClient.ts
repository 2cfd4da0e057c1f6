import type { DeskInput, DeskMethod, DeskOutputs } from '../../../domain/api/deskApi.ts';
import { createApiClient } from './apiClient.ts';
import { pickTransport, type Transport } from './transport.ts';

export { DeskCallError } from './apiClient.ts';

export type DeskInputs = { [M in DeskMethod]: DeskInput<M> };

/** The renderer's one way to the desk's core (api client of the DeskApi method list). */
export function createDeskClient(transport: Transport, getLocale: () => string) {
  return createApiClient<DeskInputs, DeskOutputs>(transport, getLocale, 'desk.token');
}

export type DeskClient = ReturnType<typeof createDeskClient>;

let client: DeskClient | undefined;
export function deskClient(getLocale: () => string): DeskClient {
  client ??= createDeskClient(pickTransport(), getLocale);
  return client;
}
