import type { DeskErrorBody } from '../../../domain/api/envelope.ts';
import type { Transport } from './transport.ts';

/** A refusal from the core or the server, carrying the translated message and per-field messages. */
export class DeskCallError extends Error {
  constructor(readonly body: DeskErrorBody) {
    super(body.message);
  }
}

/**
 * A typed client of one method list (the desk's DeskApi, the group console's): `Inputs` and
 * `Outputs` map each method name to what it takes and answers. The session token lives in
 * sessionStorage under `tokenKey`, so a reload keeps the session while closing the tab ends it.
 */
export function createApiClient<Inputs, Outputs extends { [M in keyof Inputs]: unknown }>(
  transport: Transport,
  getLocale: () => string,
  tokenKey: string,
) {
  let onRefusal: ((code: string, method: keyof Inputs) => void) | undefined;
  let sessionEndExpected = false;
  return {
    /**
     * The session is about to end on purpose (a restore replaces the store and its sessions):
     * a page's own background calls refused as `unauthenticated` from then on must not sign the
     * user out before the page has said what happened. `false` again if the restore failed.
     */
    expectSessionEnd(expected: boolean) {
      sessionEndExpected = expected;
    },
    /** Hears the code of every refusal: the app signs out on `unauthenticated` and locks on `locked`. */
    listenForRefusals(listener: ((code: string, method: keyof Inputs) => void) | undefined) {
      onRefusal = listener;
    },
    get token(): string | null {
      return sessionStorage.getItem(tokenKey);
    },
    set token(value: string | null) {
      if (value) sessionStorage.setItem(tokenKey, value);
      else sessionStorage.removeItem(tokenKey);
    },
    async call<M extends keyof Inputs>(method: M, input: Inputs[M]): Promise<Outputs[M]> {
      const answer = await transport(String(method), input, { token: this.token ?? undefined, locale: getLocale() });
      if (!answer.ok) {
        if (!(sessionEndExpected && answer.error.code === 'unauthenticated')) onRefusal?.(answer.error.code, method);
        throw new DeskCallError(answer.error);
      }
      return answer.data as Outputs[M];
    },
  };
}
