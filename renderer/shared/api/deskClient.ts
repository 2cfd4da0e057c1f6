import type { DeskInput, DeskMethod, DeskOutput } from '../../../domain/api/deskApi.ts';
import type { DeskErrorBody } from '../../../domain/api/envelope.ts';
import { pickTransport, type Transport } from './transport.ts';

/** A refusal from the core, carrying the translated message and per-field messages. */
export class DeskCallError extends Error {
  constructor(readonly body: DeskErrorBody) {
    super(body.message);
  }
}

/**
 * The renderer's one way to the core. The token lives in sessionStorage so a reload keeps
 * the session while closing the window ends it.
 */
export function createDeskClient(transport: Transport, getLocale: () => string) {
  const tokenKey = 'desk.token';
  let onRefusal: ((code: string, method: DeskMethod) => void) | undefined;
  return {
    /** Hears the code of every refusal: the app signs out on `unauthenticated` and locks on `locked`. */
    listenForRefusals(listener: ((code: string, method: DeskMethod) => void) | undefined) {
      onRefusal = listener;
    },
    get token(): string | null {
      return sessionStorage.getItem(tokenKey);
    },
    set token(value: string | null) {
      if (value) sessionStorage.setItem(tokenKey, value);
      else sessionStorage.removeItem(tokenKey);
    },
    async call<M extends DeskMethod>(method: M, input: DeskInput<M>): Promise<DeskOutput<M>> {
      const answer = await transport(method, input, { token: this.token ?? undefined, locale: getLocale() });
      if (!answer.ok) {
        onRefusal?.(answer.error.code, method);
        throw new DeskCallError(answer.error);
      }
      return answer.data as DeskOutput<M>;
    },
  };
}

export type DeskClient = ReturnType<typeof createDeskClient>;

let client: DeskClient | undefined;
export function deskClient(getLocale: () => string): DeskClient {
  client ??= createDeskClient(pickTransport(), getLocale);
  return client;
}
